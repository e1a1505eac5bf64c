//! The mailer port: SMTP through lettre, or a local mailbox table when no server is configured.

use std::sync::Arc;
use yorozu_domain::UserId;

use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use yorozu_store::{Db, mailbox};

use crate::ids::IdGenerator;
use crate::ports::Clock;

/// One message ready to go: already rendered in the recipient's language.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub user_id: Option<UserId>,
    pub subject: String,
    pub body_text: String,
    /// Extra headers such as `List-Unsubscribe`.
    pub headers: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail could not be built: {0}")]
    Build(String),
    #[error("mail transport failed: {0}")]
    Transport(String),
}

#[async_trait::async_trait]
pub trait Mailer: Send + Sync + std::fmt::Debug {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError>;
}

/// Sends through an SMTP server given as `smtp://host:port` or `smtps://user:pass@host`.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for SmtpMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpMailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<SmtpMailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Build(format!("SMTP_URL: {e}")))?
            .build();
        let from = from
            .parse()
            .map_err(|e| MailError::Build(format!("mail sender: {e}")))?;
        Ok(SmtpMailer { transport, from })
    }

    /// Builds the MIME message: UTF-8 plain text; lettre encodes a Japanese subject as RFC 2047.
    pub fn build(&self, mail: &OutgoingMail) -> Result<Message, MailError> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e| MailError::Build(format!("recipient: {e}")))?;
        // lettre adds no Message-ID by itself, and large providers (Gmail) refuse mail without
        // one. The sender's domain, not the machine's host name, is the right side of the id.
        let message_id = format!(
            "<{}@{}>",
            crate::crypto::random_token(),
            self.from.email.domain()
        );
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .message_id(Some(message_id));
        for (name, value) in &mail.headers {
            let name = HeaderName::new_from_ascii(name.clone())
                .map_err(|e| MailError::Build(e.to_string()))?;
            builder = builder.raw_header(HeaderValue::new(name, value.clone()));
        }
        builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .map_err(|e| MailError::Build(e.to_string()))
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        let message = self.build(mail)?;
        self.transport
            .send(message)
            .await
            .map_err(|e| MailError::Transport(e.to_string()))?;
        Ok(())
    }
}

/// Stores mail in the `mailbox` table, shown at `/mailbox`, so development needs no server.
#[derive(Debug)]
pub struct MailboxMailer {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub ids: IdGenerator,
}

#[async_trait::async_trait]
impl Mailer for MailboxMailer {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        let headers = mail
            .headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}"))
            .collect::<Vec<_>>()
            .join("\n");
        let row = mailbox::MailboxRow {
            id: self.ids.next(self.clock.as_ref()),
            user_id: mail.user_id,
            to_addr: mail.to.clone(),
            subject: mail.subject.clone(),
            body_text: mail.body_text.clone(),
            headers,
            sent_at: self.clock.now(),
        };
        let result = async {
            let mut tx = self.db.begin().await?;
            mailbox::insert(&mut tx, &row).await?;
            tx.commit().await
        }
        .await;
        result.map_err(|e| MailError::Transport(e.to_string()))
    }
}
