//! Pages of the account area: registration, sign-in, reset, the account page, and
//! the short message pages between them.

use askama::Template;

use super::forms::{Choice, FormErrors};
use super::{Link, PageContext};

#[derive(Template)]
#[template(path = "account/register.html")]
pub struct RegisterPage {
    pub ctx: PageContext,
    pub email: String,
    pub display_name: String,
    pub regions: Vec<Choice>,
    pub terms: bool,
    pub errors: FormErrors,
    /// Shown above the form, e.g. when the form had expired.
    pub notice: &'static str,
}

#[derive(Template)]
#[template(path = "account/sign_in.html")]
pub struct SignInPage {
    pub ctx: PageContext,
    pub email: String,
    pub next: String,
    pub error: &'static str,
}

#[derive(Template)]
#[template(path = "account/reset_request.html")]
pub struct ResetRequestPage {
    pub ctx: PageContext,
    pub email: String,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "account/reset.html")]
pub struct ResetPage {
    pub ctx: PageContext,
    pub token: String,
    pub errors: FormErrors,
}

/// A page that only says something: "check your email", "confirmed", "link expired".
#[derive(Template)]
#[template(path = "account/message.html")]
pub struct MessagePage {
    pub ctx: PageContext,
    pub title: &'static str,
    pub paragraphs: Vec<String>,
    pub link: Option<Link>,
}

#[derive(Template)]
#[template(path = "account/account.html")]
pub struct AccountPage {
    pub ctx: PageContext,
    pub email: String,
    pub display_name: String,
    pub regions: Vec<Choice>,
    pub confirmed: bool,
    pub sessions: i64,
    pub profile_errors: FormErrors,
    pub password_errors: FormErrors,
    pub delete_errors: FormErrors,
}
