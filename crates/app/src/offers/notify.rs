//! Every mail and notification of consultations and offers, one place per event: both in the
//! caller's transaction, the mail in the recipient's language; members who are no longer
//! active get neither.

use yorozu_domain::UserId;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject as Subject};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::offers::consultations::ConsultationRow;
use yorozu_store::offers::versions::OfferRow;

use super::consultation_path;
use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::notifications::raise;
use crate::orders::notify::{Recipient, mail_time};
use crate::{App, AppResult};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A member asked the seller for a quote (to the seller).
    ConsultationReceived,
    /// A new message in a consultation (to the other party).
    ConsultationMessage,
    /// The seller sent an offer (to the buyer).
    OfferReceived,
    /// The seller revised the open offer (to the buyer).
    OfferRevised,
    /// The buyer bought the offer (to the seller).
    OfferAccepted,
    /// The buyer declined the offer (to the seller).
    OfferDeclined,
    /// The offer expires within a day (to the buyer).
    OfferExpiring,
}

impl Event {
    /// The mail's name (`mail-NAME-subject` / `mail-NAME-body`).
    fn mail(self) -> &'static str {
        match self {
            Self::ConsultationReceived => "offer-consultation-received",
            Self::ConsultationMessage => "offer-consultation-message",
            Self::OfferReceived => "offer-received",
            Self::OfferRevised => "offer-revised",
            Self::OfferAccepted => "offer-accepted",
            Self::OfferDeclined => "offer-declined",
            Self::OfferExpiring => "offer-expiring",
        }
    }

    /// Every mail of consultations and offers is in the grid's offers row.
    fn category(self) -> MailCategory {
        MailCategory::Offers
    }

    /// The notification raised beside the mail.
    fn notification(self) -> NotificationKind {
        match self {
            Self::ConsultationReceived => NotificationKind::ConsultationReceived,
            Self::ConsultationMessage => NotificationKind::ConsultationMessage,
            Self::OfferReceived => NotificationKind::OfferReceived,
            Self::OfferRevised => NotificationKind::OfferRevised,
            Self::OfferAccepted => NotificationKind::OfferAccepted,
            Self::OfferDeclined => NotificationKind::OfferDeclined,
            Self::OfferExpiring => NotificationKind::OfferExpiring,
        }
    }
}

/// Mail about a consultation message to `to`. It does not name the writer: copies of mail
/// outlive a member's withdrawal.
pub(crate) async fn consultation(
    c: &mut impl Exec,
    app: &App,
    row: &ConsultationRow,
    to: UserId,
    event: Event,
) -> AppResult<()> {
    raise(
        c,
        app,
        to,
        event.notification(),
        Subject::Consultation(row.id),
    )
    .await?;
    let Some(to) = Recipient::load(c, to).await? else {
        return Ok(());
    };
    let title = yorozu_store::listings::rows::find(c, row.listing_id)
        .await?
        .map(|l| l.title)
        .unwrap_or_default();
    let args = [
        ("title", Arg::from(title.as_str())),
        ("url", Arg::from(app.url(&consultation_path(row.id)))),
    ];
    send(c, app, &to, event, &args).await
}

/// Mail about `offer` to `to` (with the buyer's reason when declined).
pub(crate) async fn offer(
    c: &mut impl Exec,
    app: &App,
    offer: &OfferRow,
    to: UserId,
    event: Event,
    reason: Option<&str>,
) -> AppResult<()> {
    let subject = Subject::Consultation(offer.consultation_id);
    raise(c, app, to, event.notification(), subject).await?;
    let Some(to) = Recipient::load(c, to).await? else {
        return Ok(());
    };
    let args = [
        ("title", Arg::from(offer.title.as_str())),
        ("price", Arg::from(offer.price.0.yen())),
        ("expires", mail_time(offer.expires_at)),
        ("reason", Arg::from(reason.unwrap_or("-"))),
        (
            "url",
            Arg::from(app.url(&consultation_path(offer.consultation_id))),
        ),
    ];
    send(c, app, &to, event, &args).await
}

async fn send(
    c: &mut impl Exec,
    app: &App,
    to: &Recipient,
    event: Event,
    args: &[(&str, Arg)],
) -> AppResult<()> {
    let mail = compose(to.locale, event.mail(), &to.email, Some(to.user_id), args);
    outbox::enqueue(c, app, event.category(), mail).await
}
