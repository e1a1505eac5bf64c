//! Ports: what the use cases need from the outside world, behind narrow traits.

pub mod clock;
pub mod files;
pub mod mailer;
pub mod payments;
pub mod sandbox_payments;
pub mod search_index;

pub use clock::{Clock, FixedClock, SystemClock};
pub use files::{EncryptedDirStore, FileError, FileStore};
pub use mailer::{MailError, MailboxMailer, Mailer, OutgoingMail, SmtpMailer};
pub use payments::{
    CardToken, Charge, PaymentError, PaymentGateway, Refund, luhn_valid as luhn_valid_number,
};
pub use sandbox_payments::SandboxGateway;
pub use search_index::{
    CategoryFilter, IndexBatch, IndexHits, IndexQuery, RequestDocument, RequestIndexQuery,
    SearchDocument, SearchIndex, SearchIndexError, Sort,
};
