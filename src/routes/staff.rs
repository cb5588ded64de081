//! The moderation and analytics areas. Their tools (the queue, exports) are later work;
//! the areas and their access rules exist now, so that authorization is in place and
//! tested before there is anything to protect.

use actix_web::HttpResponse;

use super::html;
use crate::error::AppError;
use crate::views::admin::StaffAreaPage;
use crate::views::Ctx;

pub async fn moderation(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    let title = ctx.t("moderation.title");
    let body = ctx.t("moderation.empty");
    html(&StaffAreaPage { ctx, title, body })
}

pub async fn analytics(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    let title = ctx.t("analytics.title");
    let body = ctx.t("analytics.empty");
    html(&StaffAreaPage { ctx, title, body })
}
