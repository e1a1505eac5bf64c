//! Accounts: what a member signs in with.

pub mod email;
pub mod password;

pub use email::{Email, EmailError, MAX_EMAIL_CHARS, MAX_LOCAL_PART_CHARS};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NewPassword, PasswordError};
