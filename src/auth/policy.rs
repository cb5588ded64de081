//! Who may reach what: the one place where authorization is declared.
//!
//! Whole areas (`/account`, `/moderation`, `/analytics`, `/admin`) are router scopes
//! (see `routes::configure`), and each scope is wrapped in [`guard`] for its
//! [`Area`]. The decision is therefore made on the route the router matched, after it
//! decoded the path, never on the raw request line: `/%61dmin` reaches the admin
//! scope *and* its guard, `//admin` or `/ADMIN` reach neither.
//!
//! Belt and braces: every handler of a staff area also names its area in its
//! signature with the [`Staff`] extractor, which checks the role again where the
//! handler runs. A handler added to a scope without it is still guarded by the scope,
//! and the route walk in the tests (over `routes::ROUTES`, from which the router is
//! built) proves that every protected route refuses every other role, however its path
//! is spelled.
//!
//! Rules about single objects (may this citizen vote on this suggestion?) are small
//! functions at the end of this file.

use std::future::{ready, Ready};
use std::marker::PhantomData;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::session::SignedIn;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::user::User;

/// A protected area of the site: a path prefix and who may enter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// A signed-in person's own pages.
    Account,
    Moderation,
    Analytics,
    Admin,
}

impl Area {
    pub const ALL: [Self; 4] = [
        Self::Account,
        Self::Moderation,
        Self::Analytics,
        Self::Admin,
    ];

    /// The scope's path prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Account => "/account",
            Self::Moderation => "/moderation",
            Self::Analytics => "/analytics",
            Self::Admin => "/admin",
        }
    }

    /// Whether `role` may enter. Admins may enter every area.
    pub fn admits(self, role: Role) -> bool {
        match self {
            Self::Account => true,
            Self::Moderation => matches!(role, Role::Moderator | Role::Admin),
            Self::Analytics => matches!(role, Role::Analyst | Role::Admin),
            Self::Admin => role == Role::Admin,
        }
    }
}

/// The decision for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    SignIn,
    Forbid,
}

pub fn decide(area: Area, user: Option<&User>) -> Decision {
    match user {
        None => Decision::SignIn,
        Some(user) if area.admits(user.role()) => Decision::Allow,
        Some(_) => Decision::Forbid,
    }
}

/// The path as the router sees it (percent-decoded except for reserved characters),
/// which is what an access decision and a return address must be based on.
pub fn routed_path(request: &HttpRequest) -> String {
    request.match_info().as_str().to_owned()
}

fn refusal(decision: Decision, request: &HttpRequest) -> Option<AppError> {
    match decision {
        Decision::Allow => None,
        Decision::SignIn => {
            let path = routed_path(request);
            let target = match request.query_string() {
                "" => path,
                query => format!("{path}?{query}"),
            };
            Some(AppError::SignInRequired(target))
        }
        Decision::Forbid => Some(AppError::Forbidden),
    }
}

/// A marker type naming an [`Area`] in a handler's signature.
pub trait AreaRule: 'static {
    const AREA: Area;
}

/// The account area: anyone signed in.
pub struct AccountHolders;
/// `Staff<Moderators>`: the moderation area.
pub struct Moderators;
/// `Staff<Analysts>`: the analytics area.
pub struct Analysts;
/// `Staff<Admins>`: the admin area.
pub struct Admins;

impl AreaRule for AccountHolders {
    const AREA: Area = Area::Account;
}
impl AreaRule for Moderators {
    const AREA: Area = Area::Moderation;
}
impl AreaRule for Analysts {
    const AREA: Area = Area::Analytics;
}
impl AreaRule for Admins {
    const AREA: Area = Area::Admin;
}

/// Extractor: the signed-in member of staff allowed in area `A`; anyone else is sent
/// to sign in (anonymous) or refused with 403.
pub struct Staff<A: AreaRule>(pub SignedIn, pub PhantomData<A>);

impl<A: AreaRule> Staff<A> {
    pub fn user(&self) -> &User {
        &self.0.user
    }
}

impl<A: AreaRule> FromRequest for Staff<A> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let signed_in = req.extensions().get::<SignedIn>().cloned();
        let decision = decide(A::AREA, signed_in.as_ref().map(|s| &s.user));
        ready(match (refusal(decision, req), signed_in) {
            (None, Some(signed_in)) => Ok(Self(signed_in, PhantomData)),
            (Some(error), _) => Err(error),
            (None, None) => Err(AppError::Forbidden),
        })
    }
}

/// Middleware for one area's scope, `web::scope(prefix).wrap(from_fn(guard::<A, _>))`.
/// Runs after the session is loaded.
pub async fn guard<R: AreaRule, B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let decision = {
        let extensions = req.extensions();
        decide(R::AREA, extensions.get::<SignedIn>().map(|s| &s.user))
    };
    match refusal(decision, req.request()) {
        None => Ok(next.call(req).await?.map_into_left_body()),
        // With the error attached, so that `locale::prefix` shows it in the language.
        Some(error) => Ok(req.error_response(error).map_into_right_body()),
    }
}

/// Only citizens whose email is confirmed, and who are not blocked, may submit, vote
/// and report.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_admit_their_roles_and_admins() {
        for area in Area::ALL {
            assert!(area.admits(Role::Admin), "{area:?}");
        }
        assert!(Area::Account.admits(Role::Citizen));
        assert!(!Area::Moderation.admits(Role::Citizen));
        assert!(!Area::Moderation.admits(Role::Analyst));
        assert!(Area::Moderation.admits(Role::Moderator));
        assert!(Area::Analytics.admits(Role::Analyst));
        assert!(!Area::Analytics.admits(Role::Moderator));
        assert!(!Area::Admin.admits(Role::Moderator));
        assert_eq!(decide(Area::Admin, None), Decision::SignIn);
    }
}
