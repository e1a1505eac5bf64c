//! Every mail and on-site notification of the request board, queued in the caller's
//! transaction in the recipient's language; members who are no longer active get nothing.

use yorozu_domain::UserId;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::requests::RequestRow;

use super::request_path;
use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppResult};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A seller proposed on the request (to the buyer).
    ProposalReceived,
    /// The buyer bought the seller's proposal (to that seller).
    ProposalChosen,
    /// The buyer bought another proposal (to every other seller with an open proposal).
    ProposalNotChosen,
    /// The request closed early or at its deadline (to sellers with an open proposal).
    RequestClosed,
    /// The request's deadline passed without a purchase (to the buyer).
    RequestClosedForBuyer,
}

impl Event {
    /// The mail's name (`mail-NAME-subject` / `mail-NAME-body`).
    fn mail(self) -> &'static str {
        match self {
            Self::ProposalReceived => "request-proposal-received",
            Self::ProposalChosen => "request-proposal-chosen",
            Self::ProposalNotChosen => "request-proposal-not-chosen",
            Self::RequestClosed => "request-closed",
            Self::RequestClosedForBuyer => "request-closed-buyer",
        }
    }

    fn kind(self) -> NotificationKind {
        match self {
            Self::ProposalReceived => NotificationKind::ProposalReceived,
            Self::ProposalChosen => NotificationKind::ProposalChosen,
            Self::ProposalNotChosen => NotificationKind::ProposalNotChosen,
            Self::RequestClosed | Self::RequestClosedForBuyer => NotificationKind::RequestClosed,
        }
    }
}

/// Mail and a notification about `request` to `to`.
pub(crate) async fn tell(
    c: &mut impl Exec,
    app: &App,
    request: &RequestRow,
    to: UserId,
    event: Event,
) -> AppResult<()> {
    let Some(recipient) = Recipient::load(c, to).await? else {
        return Ok(());
    };
    let args = [
        ("title", Arg::from(request.title.as_str())),
        ("url", Arg::from(app.url(&request_path(request.id)))),
    ];
    let mail = compose(
        recipient.locale,
        event.mail(),
        &recipient.email,
        Some(recipient.user_id),
        &args,
    );
    // The grid's row of quotes, offers and requests: a member may switch this mail off.
    outbox::enqueue(c, app, MailCategory::Offers, mail).await?;
    crate::notifications::raise(
        c,
        app,
        to,
        event.kind(),
        NotificationSubject::Request(request.id.get()),
    )
    .await
}
