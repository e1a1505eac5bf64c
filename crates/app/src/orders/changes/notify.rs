//! Every event of a change during an order, in one place: the mail to the other side (ja/en,
//! `mail-order-…` in order_changes.ftl) and the note in the talk room's history
//! (`order-event-…`) and the on-site notification.

use yorozu_domain::UserId;
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::orders::OrderRow;
use yorozu_store::orders::changes::{AdditionRow, ExtensionRow};

use super::super::notify::{mail_time, order_mail};
use super::super::transition;
use crate::mail::MailCategory;
use crate::notifications::{self, NotificationKind, NotificationSubject};
use crate::{App, AppResult};

/// One event of a change: its talk-room note and mail, and who gets the mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeEvent {
    AdditionProposed,
    AdditionPaid,
    AdditionDeclined,
    AdditionWithdrawn,
    ExtensionRequested,
    ExtensionAccepted,
    ExtensionDeclined,
    ExtensionWithdrawn,
    OverdueCancelled,
}

impl ChangeEvent {
    /// The key shared by the note (`order-event-KEY`) and the mail (`mail-order-KEY-…`).
    pub const fn key(self) -> &'static str {
        match self {
            Self::AdditionProposed => "addition-proposed",
            Self::AdditionPaid => "addition-paid",
            Self::AdditionDeclined => "addition-declined",
            Self::AdditionWithdrawn => "addition-withdrawn",
            Self::ExtensionRequested => "extension-requested",
            Self::ExtensionAccepted => "extension-accepted",
            Self::ExtensionDeclined => "extension-declined",
            Self::ExtensionWithdrawn => "extension-withdrawn",
            Self::OverdueCancelled => "overdue-cancelled",
        }
    }

    /// The notification the other side gets (the overdue cancellation is told by the
    /// order's own cancellation).
    const fn notification(self) -> Option<NotificationKind> {
        use NotificationKind as K;
        match self {
            Self::AdditionProposed => Some(K::AdditionProposed),
            Self::AdditionPaid => Some(K::AdditionAccepted),
            Self::AdditionDeclined => Some(K::AdditionDeclined),
            Self::AdditionWithdrawn => Some(K::AdditionWithdrawn),
            Self::ExtensionRequested => Some(K::ExtensionRequested),
            Self::ExtensionAccepted | Self::ExtensionDeclined => Some(K::ExtensionAnswered),
            Self::ExtensionWithdrawn => Some(K::ExtensionWithdrawn),
            Self::OverdueCancelled => None,
        }
    }
}

/// Notes `event` in the talk room, tells `to` on the site and mails them (transaction mail:
/// it is about money or the order's dates).
async fn raise(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    to: UserId,
    event: ChangeEvent,
    args: &[(&str, Arg)],
) -> AppResult<()> {
    let key = event.key();
    transition::note(c, app, order.id, &format!("order-event-{key}")).await?;
    if let Some(kind) = event.notification() {
        notifications::raise(c, app, to, kind, NotificationSubject::Order(order.id)).await?;
    }
    order_mail(
        c,
        app,
        order,
        to,
        MailCategory::Transactions,
        &format!("order-{key}"),
        args,
    )
    .await
}

/// An addition event, mailed to `to` with what, price, fee-inclusive total, share and days.
pub(crate) async fn addition(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    a: &AdditionRow,
    to: UserId,
    event: ChangeEvent,
) -> AppResult<()> {
    let args = [
        ("addition", Arg::from(a.title.as_str())),
        ("price", Arg::Number(a.price.get())),
        ("total", Arg::Number(a.buyer_total().get())),
        ("share", Arg::Number(a.seller_share().get())),
        ("days", Arg::Number(a.extra_days)),
        ("answer", Arg::from(a.answer.as_str())),
    ];
    raise(c, app, order, to, event, &args).await
}

/// An extension event, mailed to `to` with the reason, days, answer and the due date it
/// would move to (or moved to).
pub(crate) async fn extension(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    e: &ExtensionRow,
    due: i64,
    to: UserId,
    event: ChangeEvent,
) -> AppResult<()> {
    let args = [
        ("reason", Arg::from(e.reason.as_str())),
        ("days", Arg::Number(e.extra_days)),
        ("answer", Arg::from(e.answer.as_str())),
        ("due", mail_time(due)),
    ];
    raise(c, app, order, to, event, &args).await
}

/// The buyer cancelled an overdue order at once: the note (the cancellation mail itself is
/// the order's usual one, with the refund).
pub(crate) async fn overdue_cancelled(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
) -> AppResult<()> {
    let key = ChangeEvent::OverdueCancelled.key();
    transition::note(c, app, order.id, &format!("order-event-{key}")).await
}
