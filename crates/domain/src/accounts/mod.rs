//! Accounts: what a member signs in with.

pub mod api_token;
pub mod email;
pub mod password;
pub mod role;
pub mod status;

pub use api_token::{TokenLifetime, TokenScope};
pub use email::{Email, EmailError, MAX_EMAIL_CHARS, MAX_LOCAL_PART_CHARS};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NewPassword, PasswordError};
pub use role::Role;
pub use status::AccountStatus;
