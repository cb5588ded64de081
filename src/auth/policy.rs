//! Who may reach what: the one place where authorization by area is declared.
//!
//! Whole areas are guarded by path prefix in a middleware ([`enforce`]), so a handler
//! added under `/admin` cannot forget its check. Rules about single objects (may this
//! citizen vote on this suggestion?) are small functions here too.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};

use super::session::SignedIn;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::user::User;

/// What an area requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    AnyOf(&'static [Role]),
}

/// The areas, by path prefix. Admins may enter every area.
pub const AREAS: [(&str, Access); 4] = [
    ("/admin", Access::AnyOf(&[Role::Admin])),
    (
        "/moderation",
        Access::AnyOf(&[Role::Moderator, Role::Admin]),
    ),
    ("/analytics", Access::AnyOf(&[Role::Analyst, Role::Admin])),
    ("/account", Access::SignedIn),
];

pub fn required_access(path: &str) -> Access {
    AREAS
        .iter()
        .find(|(prefix, _)| path == *prefix || path.starts_with(&format!("{prefix}/")))
        .map_or(Access::Public, |(_, access)| *access)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    SignIn,
    Forbid,
}

pub fn decide(access: Access, user: Option<&User>) -> Decision {
    match (access, user) {
        (Access::Public, _) => Decision::Allow,
        (_, None) => Decision::SignIn,
        (Access::SignedIn, Some(_)) => Decision::Allow,
        (Access::AnyOf(roles), Some(user)) if roles.contains(&user.role()) => Decision::Allow,
        (Access::AnyOf(_), Some(_)) => Decision::Forbid,
    }
}

/// Only citizens whose email is confirmed, and who are not blocked, may submit and vote.
pub fn may_participate(user: &User) -> bool {
    user.is_confirmed() && user.can_sign_in() && user.blocked_at.is_none()
}

/// Moderators may block citizens, never staff (roles are the admins' business).
pub fn may_block(actor: &User, target: &User) -> bool {
    matches!(actor.role(), Role::Moderator | Role::Admin) && target.role() == Role::Citizen
}

/// An admin may not change their own role (so the last admin cannot lock everyone out).
pub fn may_change_role(actor: &User, target: &User) -> bool {
    actor.role() == Role::Admin && actor.id != target.id
}

/// Middleware: apply [`AREAS`] to every request. Runs after the session is loaded.
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let access = required_access(req.path());
    let user = req.extensions().get::<SignedIn>().map(|s| s.user.clone());
    match decide(access, user.as_ref()) {
        Decision::Allow => Ok(next.call(req).await?.map_into_left_body()),
        Decision::SignIn => {
            let target = match req.query_string() {
                "" => req.path().to_owned(),
                query => format!("{}?{query}", req.path()),
            };
            let location = format!(
                "/sign-in?next={}",
                url::form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
            );
            let response = HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
            Ok(req.into_response(response).map_into_right_body())
        }
        Decision::Forbid => {
            let response = AppError::Forbidden.error_response();
            Ok(req.into_response(response).map_into_right_body())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_by_prefix() {
        assert_eq!(required_access("/admin"), Access::AnyOf(&[Role::Admin]));
        assert_eq!(
            required_access("/admin/users"),
            Access::AnyOf(&[Role::Admin])
        );
        assert_eq!(required_access("/administrator"), Access::Public);
        assert_eq!(required_access("/account/data.json"), Access::SignedIn);
        assert_eq!(required_access("/consultations/x"), Access::Public);
    }
}
