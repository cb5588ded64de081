//! The analytics area. Its tools (exports, statistics) are later work; the area and
//! its access rule exist now, so that authorization is in place and tested before
//! there is anything to protect.

use actix_web::HttpResponse;

use super::html;
use crate::error::AppError;
use crate::views::admin::StaffAreaPage;
use crate::views::Ctx;

pub async fn analytics(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    let title = ctx.t("analytics.title");
    let body = ctx.t("analytics.empty");
    html(&StaffAreaPage { ctx, title, body })
}
