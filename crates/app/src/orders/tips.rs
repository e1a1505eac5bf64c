//! Tips (おひねり): within a few days of an order's completion (approval or auto-approval)
//! its buyer may send the seller an extra amount with a message. The buyer first sees what
//! they pay (the tip plus the buyer fee every purchase carries) and what the seller receives
//! (the tip less the platform fee), then pays by card on the tip's own idempotency key
//! (`order-tip-<order>-<tip key>`, the key chosen by the confirmation screen or the API
//! client), so a re-sent form charges once and books once. Several tips per order are
//! allowed, each with its own key.
//!
//! A tip is paid and completed at once: two balanced ledger transactions referenced by the
//! tip's id (into escrow, then out to the seller's balance and the platform's revenue, as a
//! paid addition is booked) and the seller's share as its own line in `sales`, which the
//! payout flow, expiry and withdrawal's forfeiture take like any sale.

use serde::Serialize;
use yorozu_domain::moderation::Standing;
use yorozu_domain::orders::tip::{TIP_MESSAGE_MAX_CHARS, tip_deadline};
use yorozu_domain::orders::{OrderQuote, OrderState, OrderText, TipAmount, Transaction, tip_quote};
use yorozu_domain::{OrderId, Timestamp, UserId, Yen};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::cards::CardRow;
use yorozu_store::orders::OrderRow;
use yorozu_store::orders::tips::{self as store, TipRow};
use yorozu_store::payouts::sales;

use super::{Party, load_for, lock_for, pay, transition};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::safety::contact::{self, ContactTarget, ContactWarning};
use crate::{App, AppError, AppResult, Fields, ledger};

/// Ledger kinds of tips (the reference is the tip's id).
pub const LEDGER_PAYMENT: &str = "order_tip_payment";
pub const LEDGER_COMPLETION: &str = "order_tip_completion";

/// What the buyer types: the amount and an optional message.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TipForm {
    pub amount: String,
    #[serde(default)]
    pub message: String,
}

/// The confirmation step: what the buyer pays and what the seller receives, before paying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipQuote {
    /// The tip itself.
    pub amount: Yen,
    /// The buyer's service fee on it (サービス利用料), as on a purchase.
    pub buyer_fee: Yen,
    /// What the buyer pays: amount + buyer fee.
    pub buyer_total: Yen,
    /// The platform fee taken from the seller's side (販売手数料).
    pub platform_fee: Yen,
    /// What the seller receives: amount − platform fee.
    pub seller_share: Yen,
    /// The message as it will be sent (trimmed).
    pub message: String,
    /// The message's contact details, if any: the buyer must confirm before sending.
    #[serde(skip)]
    pub warning: Option<ContactWarning>,
}

/// How sending a tip ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentTip {
    pub tip_id: i64,
    /// What the buyer paid (amount + buyer fee).
    pub total: Yen,
    /// `false` when this key had already booked a tip (a re-sent form): nothing was charged
    /// again.
    pub charged: bool,
}

/// The outcome of [`send`].
#[derive(Debug, Clone)]
pub enum Sending {
    /// Paid and booked (or found booked under the same key).
    Sent(SentTip),
    /// Not sent: the message has contact details and the buyer has not confirmed it.
    Warning(ContactWarning),
}

/// One tip as the order page shows it to either party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipLine {
    pub id: i64,
    pub amount: Yen,
    /// What the buyer paid (shown to the buyer).
    pub buyer_total: Yen,
    /// What the seller received (shown to the seller).
    pub seller_share: Yen,
    pub message: String,
    pub sent_at: i64,
}

/// The order page's tip section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipsView {
    pub tips: Vec<TipLine>,
    /// Whether the viewer may send a tip now.
    pub can_tip: bool,
    /// Until when tips may be sent (completed orders only).
    pub deadline: Option<i64>,
    /// The bounds of an amount, for the form's hint.
    pub min: Yen,
    pub max: Yen,
}

/// The parsed form.
struct Parsed {
    amount: TipAmount,
    message: OrderText,
}

fn parse(app: &App, form: &TipForm) -> AppResult<Parsed> {
    let mut fields = Fields::default();
    let amount = fields.check(
        "amount",
        TipAmount::parse(
            &form.amount,
            Yen::new(app.policy.tip_min),
            Yen::new(app.policy.tip_max),
        ),
    );
    let message = fields.check(
        "message",
        OrderText::parse(&form.message, TIP_MESSAGE_MAX_CHARS, false),
    );
    let (amount, message) = fields.finish(amount.zip(message))?;
    Ok(Parsed { amount, message })
}

fn quote_of(app: &App, amount: TipAmount) -> AppResult<OrderQuote> {
    tip_quote(
        amount,
        app.policy.seller_fee_rate,
        app.policy.buyer_fee_rate,
    )
    .map_err(|e| AppError::refused("amount", &e))
}

/// The amounts of a stored tip (recorded when it was sent, not recomputed).
fn recorded_quote(t: &TipRow) -> AppResult<OrderQuote> {
    OrderQuote::from_recorded(t.amount, t.buyer_fee, Yen::ZERO, t.platform_fee)
        .map_err(|e| AppError::Internal(format!("tip {} amounts: {e}", t.id)))
}

/// A tip key: 16–64 characters of `[A-Za-z0-9_-]`, chosen once per tip by the confirmation
/// screen or the API client.
fn check_key(key: &str) -> AppResult<()> {
    let ok = (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(AppError::BadRequest("tip-key-invalid"))
    }
}

/// The provider's idempotency key of a tip's charge.
pub fn payment_key(order_id: OrderId, tip_key: &str) -> String {
    format!("order-tip-{order_id}-{tip_key}")
}

/// The end of the tip window of a completed order.
fn deadline_of(app: &App, order: &OrderRow) -> Option<Timestamp> {
    order
        .completed_at
        .map(|done| tip_deadline(Timestamp::from_unix(done), app.policy.tip_window_days))
}

/// Whether `user_id`'s account is open (not closed by a withdrawal).
async fn is_active(c: &mut impl Exec, user_id: UserId) -> AppResult<bool> {
    Ok(users::find(c, user_id)
        .await?
        .is_some_and(|u| u.status == yorozu_domain::accounts::AccountStatus::Active))
}

/// Why `member` may not tip `order` now, as a stable code; `Ok` when they may. A stranger
/// gets "not found" (order ids reveal nothing).
async fn check_may_tip(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    party: Party,
) -> AppResult<()> {
    if party != Party::Buyer {
        return Err(AppError::Conflict("tip-buyer-only"));
    }
    if order.state != OrderState::Completed {
        return Err(AppError::Conflict("tip-order-not-completed"));
    }
    match deadline_of(app, order) {
        Some(deadline) if Timestamp::from_unix(app.now()) <= deadline => {}
        _ => return Err(AppError::Conflict("tip-window-closed")),
    }
    for user_id in [order.buyer_id, order.seller_id] {
        if !is_active(c, user_id).await? {
            return Err(AppError::Conflict("tip-party-closed"));
        }
        if matches!(
            crate::moderation::standing::of(c, user_id).await?,
            Standing::Suspended { .. }
        ) {
            return Err(AppError::Conflict("tip-party-suspended"));
        }
    }
    if yorozu_store::safety::blocks::between(c, order.buyer_id, order.seller_id).await? {
        return Err(AppError::Conflict("tip-blocked"));
    }
    Ok(())
}

/// The confirmation step: checks the form and that the buyer may tip now, and returns the
/// amounts and any contact-details warning on the message. Nothing is written.
pub async fn quote(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    form: &TipForm,
) -> AppResult<TipQuote> {
    let parsed = parse(app, form)?;
    {
        let mut c = app.db.read().await?;
        let (order, party) = load_for(&mut c, order_id, buyer.id).await?;
        check_may_tip(&mut c, app, &order, party).await?;
    }
    let q = quote_of(app, parsed.amount)?;
    let message = parsed.message.into_string();
    let warning = contact::review(app, &[("message", message.as_str())]).await?;
    Ok(TipQuote {
        amount: q.subtotal(),
        buyer_fee: q.buyer_fee(),
        buyer_total: q.buyer_total(),
        platform_fee: q.platform_fee(),
        seller_share: q.seller_share(),
        message,
        warning,
    })
}

/// Sends a tip: pays it with one of the buyer's cards and books it (see the module
/// documentation). `acknowledged` confirms a message the contact-details rule warned about.
/// The same `tip_key` again answers with the tip it booked, without charging.
pub async fn send(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    form: &TipForm,
    card_id: i64,
    tip_key: &str,
    acknowledged: bool,
) -> AppResult<Sending> {
    check_key(tip_key)?;
    let parsed = parse(app, form)?;
    let card = {
        let mut c = app.db.read().await?;
        let (order, party) = load_for(&mut c, order_id, buyer.id).await?;
        if let Some(existing) = store::find_by_key(&mut c, order_id, tip_key).await?
            && party == Party::Buyer
        {
            return Ok(Sending::Sent(already(&existing)));
        }
        check_may_tip(&mut c, app, &order, party).await?;
        pay::own_card(&mut c, buyer.id, card_id).await?
    };
    let message = parsed.message.into_string();
    let warning = contact::review(app, &[("message", message.as_str())]).await?;
    if let Some(warning) = &warning
        && !acknowledged
    {
        return Ok(Sending::Warning(warning.clone()));
    }
    let quote = quote_of(app, parsed.amount)?;
    let total = quote.buyer_total();
    let key = payment_key(order_id, tip_key);
    let charge = pay::charge(app, &card, total.get(), &key).await?;
    let booked = book(
        app, buyer, order_id, tip_key, &quote, &message, &card, &charge.id,
    )
    .await;
    match booked {
        Ok(sent) => {
            // Sent anyway: the message goes to the operators' queue.
            if let Some(warning) = warning {
                let summary = warning.summary();
                contact::sent_anyway(app, ContactTarget::Tip, sent.tip_id, &summary).await?;
            }
            Ok(Sending::Sent(sent))
        }
        Err(e) => {
            pay::void(app, &charge, &format!("{key}-void")).await;
            Err(e)
        }
    }
}

fn already(t: &TipRow) -> SentTip {
    SentTip {
        tip_id: t.id,
        total: t.buyer_total(),
        charged: false,
    }
}

/// The transaction of a paid tip: the checks again under the order's lock, the tip row, the
/// ledger, the sales line, the talk-room note, the seller's mail and notification.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the parts of one booking"
)]
async fn book(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    tip_key: &str,
    quote: &OrderQuote,
    message: &str,
    card: &CardRow,
    charge_id: &str,
) -> AppResult<SentTip> {
    let mut tx = app.db.begin().await?;
    let (order, party) = lock_for(&mut tx, order_id, buyer.id).await?;
    if let Some(existing) = store::find_by_key(&mut tx, order_id, tip_key).await? {
        // A concurrent request with this key booked it with this same charge (same key).
        return Ok(already(&existing));
    }
    // Both accounts held until commit: a withdrawal closing either waits for this tip (and
    // then sees its sale) or this tip sees the closed account.
    let (buyer_ok, seller_ok) = if order.buyer_id <= order.seller_id {
        let b = users::share_active(&mut tx, order.buyer_id).await?;
        (b, users::share_active(&mut tx, order.seller_id).await?)
    } else {
        let s = users::share_active(&mut tx, order.seller_id).await?;
        (users::share_active(&mut tx, order.buyer_id).await?, s)
    };
    if !buyer_ok || !seller_ok {
        return Err(AppError::Conflict("tip-party-closed"));
    }
    check_may_tip(&mut tx, app, &order, party).await?;
    let now = app.now();
    let row = TipRow {
        id: app.new_id(),
        order_id,
        buyer_id: order.buyer_id,
        seller_id: order.seller_id,
        tip_key: tip_key.to_owned(),
        amount: quote.subtotal(),
        buyer_fee: quote.buyer_fee(),
        platform_fee: quote.platform_fee(),
        message: message.to_owned(),
        card_id: Some(card.id),
        charge_id: charge_id.to_owned(),
        created_at: now,
    };
    if !store::insert(&mut tx, &row).await? {
        return Err(AppError::Conflict("order-changed"));
    }
    let reference = row.id.to_string();
    let recorded = recorded_quote(&row)?;
    ledger::post(
        &mut tx,
        app,
        LEDGER_PAYMENT,
        &reference,
        &Transaction::payment_into_escrow(&recorded),
    )
    .await?;
    ledger::post(
        &mut tx,
        app,
        LEDGER_COMPLETION,
        &reference,
        &Transaction::completion(&recorded, order.seller_id),
    )
    .await?;
    sales::insert_tip(
        &mut tx,
        order_id,
        row.id,
        order.seller_id,
        row.seller_share(),
        now,
    )
    .await?;
    transition::note(&mut tx, app, order_id, "order-event-tip-sent").await?;
    crate::operators::audit::record(
        &mut tx,
        app,
        buyer.id,
        "order_tip_paid",
        Some(order.seller_id),
        &format!(
            "order {order_id} tip {}: ¥{} charge {charge_id}",
            row.id,
            row.buyer_total().get()
        ),
    )
    .await?;
    super::notify::order_mail(
        &mut tx,
        app,
        &order,
        order.seller_id,
        MailCategory::Transactions,
        "order-tip-received",
        &[
            ("amount", Arg::Number(row.amount.get())),
            ("share", Arg::Number(row.seller_share().get())),
            ("message", Arg::from(row.message.as_str())),
        ],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        order.seller_id,
        crate::notifications::NotificationKind::TipReceived,
        crate::notifications::NotificationSubject::Order(order_id),
    )
    .await?;
    tx.commit().await?;
    Ok(SentTip {
        tip_id: row.id,
        total: row.buyer_total(),
        charged: true,
    })
}

/// The order page's tip section for one of the order's parties.
pub async fn view(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<TipsView> {
    let mut c = app.db.read().await?;
    let (order, party) = load_for(&mut c, order_id, member.id).await?;
    let tips = store::for_order(&mut c, order_id)
        .await?
        .into_iter()
        .map(|t| TipLine {
            id: t.id,
            amount: t.amount,
            buyer_total: t.buyer_total(),
            seller_share: t.seller_share(),
            message: t.message,
            sent_at: t.created_at,
        })
        .collect();
    let can_tip = match check_may_tip(&mut c, app, &order, party).await {
        Ok(()) => true,
        Err(AppError::Conflict(_)) => false,
        Err(e) => return Err(e),
    };
    Ok(TipsView {
        tips,
        can_tip,
        deadline: deadline_of(app, &order).map(Timestamp::unix),
        min: Yen::new(app.policy.tip_min),
        max: Yen::new(app.policy.tip_max),
    })
}
