//! Members, their sessions, mailed tokens, sign-in throttling and API tokens.

pub mod api_tokens;
pub mod email_tokens;
pub mod request_counters;
pub mod sessions;
pub mod sign_in_failures;
pub mod two_step;
pub mod users;
