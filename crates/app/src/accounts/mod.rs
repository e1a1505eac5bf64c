//! Accounts: registration, confirmation, sign-in, sessions, password and e-mail changes,
//! personal access tokens.

pub mod api_tokens;
pub mod change_email;
pub mod change_password;
pub mod confirm;
pub mod current;
pub mod locale;
pub mod password_reset;
pub mod reauth;
pub mod register;
pub mod sessions;
pub mod sign_in;
pub mod throttle;
mod tokens;
pub mod two_step;

pub use current::CurrentUser;

/// Who is making a request, recorded with sessions and used for throttling.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: String,
    pub user_agent: String,
}

/// Purposes of mailed tokens (`email_tokens.purpose`).
pub(crate) mod purpose {
    pub const CONFIRM: &str = "confirm";
    pub const RESET: &str = "reset";
    pub const CHANGE_EMAIL: &str = "change-email";
}
