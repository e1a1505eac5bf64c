//! Ports: what the use cases need from the outside world, behind narrow traits.

pub mod clock;
pub mod files;
pub mod mailer;

pub use clock::{Clock, FixedClock, SystemClock};
pub use files::{EncryptedDirStore, FileError, FileStore};
pub use mailer::{MailError, Mailer, MailboxMailer, OutgoingMail, SmtpMailer};
