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

/// Everything held about a person, for their data download (JSON).
pub fn personal_data(
    account: &crate::models::user::User,
    own: &[crate::models::suggestion::Own],
    votes: &[(String, chrono::NaiveDateTime)],
) -> serde_json::Value {
    let format =
        |t: Option<chrono::NaiveDateTime>| t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let suggestions: Vec<serde_json::Value> = own
        .iter()
        .map(|o| {
            let s = &o.suggestion;
            serde_json::json!({
                "tracking_number": s.tracking_number,
                "consultation": o.consultation_slug,
                "clause": o.clause_reference,
                "kind": s.kind,
                "body": s.body,
                "proposed_text": s.proposed_text,
                "status": s.status,
                "upvotes": s.upvotes,
                "official_response": s.official_response,
                "created_at": format(Some(s.created_at)),
            })
        })
        .collect();
    let votes: Vec<serde_json::Value> = votes
        .iter()
        .map(|(number, at)| serde_json::json!({"suggestion": number, "at": format(Some(*at))}))
        .collect();
    serde_json::json!({
        "profile": {
            "email": account.email,
            "display_name": account.display_name,
            "region": account.region,
            "role": account.role,
            "created_at": format(Some(account.created_at)),
            "email_confirmed_at": format(account.email_confirmed_at),
            "terms_accepted_at": format(account.terms_accepted_at),
        },
        "suggestions": suggestions,
        "votes": votes,
    })
}
