//! Paid additions (追加オプション): the seller proposes extra work on an order in progress
//! (what, price, extra days); the buyer pays it with a card on the addition's own idempotency
//! key (`order-addition-<id>`), so a re-sent accept charges once; or declines it. The seller
//! may withdraw it while it waits.
//!
//! A paid addition is part of the order's money: its payment goes into escrow, the order's
//! completion pays the seller's share of it through the same fee function, and a cancelled
//! order refunds it (ledger at once, the card refund as a job).

use serde::{Deserialize, Serialize};
use yorozu_domain::listings::ListingPrice;
use yorozu_domain::moderation::Activity;
use yorozu_domain::orders::changes::{AdditionStatus, addition_quote, parse_extra_days};
use yorozu_domain::orders::text::REASON_MAX_CHARS;
use yorozu_domain::orders::{OrderQuote, OrderState, OrderText, Transaction};
use yorozu_domain::{OrderId, Yen};
use yorozu_store::Exec;
use yorozu_store::orders::OrderRow;
use yorozu_store::orders::changes::{self as store, AdditionRow};

use super::notify::{self, ChangeEvent};
use crate::accounts::CurrentUser;
use crate::jobs::Job;
use crate::orders::{Party, lock_for, pay, transition};
use crate::{App, AppError, AppResult, Fields, ledger};

/// Ledger kinds of additions (the reference is the addition's id).
pub const LEDGER_PAYMENT: &str = "order_addition_payment";
pub const LEDGER_COMPLETION: &str = "order_addition_completion";
pub const LEDGER_REFUND: &str = "order_addition_refund";

/// The longest title of an addition, in characters.
pub const TITLE_MAX_CHARS: usize = 100;

/// What the seller types to propose an addition.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AdditionForm {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub price: String,
    #[serde(default)]
    pub extra_days: String,
}

/// The amounts of a stored addition (recorded at the proposal, not recomputed).
pub(crate) fn quote_of(a: &AdditionRow) -> AppResult<OrderQuote> {
    OrderQuote::from_recorded(a.price, a.buyer_fee, Yen::ZERO, a.platform_fee)
        .map_err(|e| AppError::Internal(format!("addition {} amounts: {e}", a.id)))
}

/// Whether additions may be proposed or paid on this order now.
fn open_for_changes(order: &OrderRow) -> bool {
    order.state == OrderState::InProgress
}

/// The seller proposes an addition; the buyer is told. Returns its id.
pub async fn propose(
    app: &App,
    seller: &CurrentUser,
    order_id: OrderId,
    form: &AdditionForm,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let title = fields.check(
        "title",
        OrderText::parse(&form.title, TITLE_MAX_CHARS, true),
    );
    let description = fields.check(
        "description",
        OrderText::parse(&form.description, REASON_MAX_CHARS, false),
    );
    let min = Yen::new(app.policy.min_listing_price);
    let price = fields.check("price", ListingPrice::parse(&form.price, min));
    let days = fields.check("extra_days", parse_extra_days(&form.extra_days, 0));
    let ((title, description), (price, days)) =
        fields.finish(title.zip(description).zip(price.zip(days)))?;
    let quote = addition_quote(
        price.yen(),
        app.policy.seller_fee_rate,
        app.policy.buyer_fee_rate,
    )
    .map_err(|e| AppError::refused("price", &e))?;
    let mut tx = app.db.begin().await?;
    let (order, party) = lock_for(&mut tx, order_id, seller.id).await?;
    if party != Party::Seller {
        return Err(AppError::NotFound);
    }
    crate::moderation::standing::check(&mut tx, seller.id, Activity::SendMessage).await?;
    if !open_for_changes(&order) {
        return Err(AppError::Conflict("order-transition-not-allowed"));
    }
    let row = AdditionRow {
        id: app.new_id(),
        order_id,
        proposed_by: seller.id,
        title: title.into_string(),
        description: description.into_string(),
        extra_days: days,
        price: quote.subtotal(),
        buyer_fee: quote.buyer_fee(),
        platform_fee: quote.platform_fee(),
        status: AdditionStatus::Proposed,
        card_id: None,
        charge_id: None,
        answer: String::new(),
        created_at: app.now(),
        answered_at: None,
        paid_at: None,
        refunded_at: None,
    };
    store::insert_addition(&mut tx, &row).await?;
    notify::addition(
        &mut tx,
        app,
        &order,
        &row,
        order.buyer_id,
        ChangeEvent::AdditionProposed,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// The addition `addition_id` of the order, for one of its parties.
async fn load(
    c: &mut impl Exec,
    member: &CurrentUser,
    order_id: OrderId,
    addition_id: i64,
) -> AppResult<(OrderRow, Party, AdditionRow)> {
    let (order, party) = lock_for(c, order_id, member.id).await?;
    let addition = store::find_addition(c, addition_id)
        .await?
        .filter(|a| a.order_id == order_id)
        .ok_or(AppError::NotFound)?;
    Ok((order, party, addition))
}

/// How paying for an addition ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paid {
    /// What the buyer paid (price + buyer fee).
    pub total: i64,
    /// `false` when it had already been paid (a re-sent accept): nothing was charged again.
    pub charged: bool,
}

/// The buyer accepts and pays the addition with one of their cards. Re-sending it after it
/// was paid answers the same without charging; two accepts at once reach the provider with
/// the same key, which charges once.
pub async fn accept(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    addition_id: i64,
    card_id: i64,
) -> AppResult<Paid> {
    let (addition, card) = {
        let mut c = app.db.read().await?;
        let (order, party, addition) = load(&mut c, buyer, order_id, addition_id).await?;
        if party != Party::Buyer {
            return Err(AppError::NotFound);
        }
        if addition.status == AdditionStatus::Paid {
            return Ok(Paid {
                total: addition.buyer_total().get(),
                charged: false,
            });
        }
        if addition.status != AdditionStatus::Proposed || !open_for_changes(&order) {
            return Err(AppError::Conflict("order-addition-not-open"));
        }
        crate::moderation::standing::check(&mut c, buyer.id, Activity::PlaceOrder).await?;
        crate::safety::blocks::check_can_order(&mut c, buyer.id, order.seller_id).await?;
        let card = pay::own_card(&mut c, buyer.id, card_id).await?;
        (addition, card)
    };
    let total = addition.buyer_total().get();
    let charge = pay::charge(app, &card, total, &payment_key(addition.id)).await?;
    let booked = async {
        let mut tx = app.db.begin().await?;
        let (order, _, current) = load(&mut tx, buyer, order_id, addition_id).await?;
        if current.status == AdditionStatus::Paid {
            // A concurrent accept booked it with this same charge (same key).
            return Ok(false);
        }
        if !open_for_changes(&order)
            || !store::mark_paid(&mut tx, addition.id, card.id, &charge.id, app.now()).await?
        {
            return Err(AppError::Conflict("order-addition-not-open"));
        }
        ledger::post(
            &mut tx,
            app,
            LEDGER_PAYMENT,
            &addition.id.to_string(),
            &Transaction::payment_into_escrow(&quote_of(&addition)?),
        )
        .await?;
        crate::operators::audit::record(
            &mut tx,
            app,
            buyer.id,
            "order_addition_paid",
            Some(order.seller_id),
            &format!(
                "order {} addition {}: ¥{} charge {}",
                order.id, addition.id, total, charge.id
            ),
        )
        .await?;
        notify::addition(
            &mut tx,
            app,
            &order,
            &current,
            order.seller_id,
            ChangeEvent::AdditionPaid,
        )
        .await?;
        tx.commit().await?;
        AppResult::Ok(true)
    }
    .await;
    match booked {
        Ok(charged) => Ok(Paid { total, charged }),
        Err(e) => {
            pay::void(
                app,
                &charge,
                &format!("order-addition-void-{}", addition.id),
            )
            .await;
            Err(e)
        }
    }
}

/// The provider's idempotency key of an addition's charge: one per addition, whatever
/// happens to the request that carries it.
pub fn payment_key(addition_id: i64) -> String {
    format!("order-addition-{addition_id}")
}

/// The buyer declines the addition (optionally saying why); the seller is told.
pub async fn decline(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    addition_id: i64,
    answer: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let answer = fields.check("answer", OrderText::parse(answer, REASON_MAX_CHARS, false));
    let answer = fields.finish(answer)?;
    end(
        app,
        buyer,
        order_id,
        addition_id,
        Party::Buyer,
        AdditionStatus::Declined,
        answer.as_str(),
    )
    .await
}

/// The seller withdraws an addition the buyer has not paid; the buyer is told.
pub async fn withdraw(
    app: &App,
    seller: &CurrentUser,
    order_id: OrderId,
    addition_id: i64,
) -> AppResult<()> {
    end(
        app,
        seller,
        order_id,
        addition_id,
        Party::Seller,
        AdditionStatus::Withdrawn,
        "",
    )
    .await
}

async fn end(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    addition_id: i64,
    side: Party,
    status: AdditionStatus,
    answer: &str,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let (order, party, addition) = load(&mut tx, member, order_id, addition_id).await?;
    if party != side {
        return Err(AppError::NotFound);
    }
    if !store::end_addition(&mut tx, addition.id, status, answer, app.now()).await? {
        return Err(AppError::Conflict("order-addition-not-open"));
    }
    let event = match status {
        AdditionStatus::Declined => ChangeEvent::AdditionDeclined,
        _ => ChangeEvent::AdditionWithdrawn,
    };
    let ended = AdditionRow {
        status,
        answer: answer.to_owned(),
        ..addition
    };
    notify::addition(
        &mut tx,
        app,
        &order,
        &ended,
        party.counterpart(&order),
        event,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The order completed: each paid addition leaves escrow for the seller's balance and the
/// platform's fees; what waits closes. Returns the seller's share of the additions (added to
/// the order's sale).
pub(crate) async fn completed(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<Yen> {
    let mut share = Yen::ZERO;
    for a in store::paid_additions(c, order.id).await? {
        ledger::post(
            c,
            app,
            LEDGER_COMPLETION,
            &a.id.to_string(),
            &Transaction::completion(&quote_of(&a)?, order.seller_id),
        )
        .await?;
        share = Yen::new(share.get() + a.seller_share().get());
    }
    super::order_ended(c, app, order).await?;
    Ok(share)
}

/// The order was cancelled (by agreement, time-out, overdue cancel or a dispute's full
/// refund): each paid addition is refunded — ledger now, the card as a job — and what waits
/// closes. Returns what goes back to the buyer for the additions.
pub(crate) async fn cancelled(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<Yen> {
    let mut refunded = Yen::ZERO;
    for a in store::mark_refunded(c, order.id, app.now()).await? {
        ledger::post(
            c,
            app,
            LEDGER_REFUND,
            &a.id.to_string(),
            &Transaction::refund(&quote_of(&a)?),
        )
        .await?;
        if a.charge_id.is_some() {
            let job = AdditionRefund {
                addition_id: a.id,
                amount: a.buyer_total().get(),
            };
            crate::jobs::enqueue(c, app, &job, None, app.now()).await?;
        }
        refunded = Yen::new(refunded.get() + a.buyer_total().get());
    }
    super::order_ended(c, app, order).await?;
    Ok(refunded)
}

/// The order's recorded amounts together with its paid additions': what a dispute's partial
/// refund divides (its cap is everything the buyer paid).
pub(crate) async fn with_paid(
    c: &mut impl Exec,
    order: &OrderRow,
    quote: OrderQuote,
) -> AppResult<OrderQuote> {
    let mut sum = (quote.subtotal(), quote.buyer_fee(), quote.platform_fee());
    for a in store::paid_additions(c, order.id).await? {
        sum = (
            Yen::new(sum.0.get() + a.price.get()),
            Yen::new(sum.1.get() + a.buyer_fee.get()),
            Yen::new(sum.2.get() + a.platform_fee.get()),
        );
    }
    OrderQuote::from_recorded(sum.0, sum.1, quote.discount(), sum.2)
        .map_err(|e| AppError::Internal(format!("order {} with additions: {e}", order.id)))
}

/// The card refunds of a dispute's partial refund beyond the order's own charge: taken from
/// the paid additions' charges in turn (same key on every attempt). Returns what is left
/// for the order's charge.
pub(crate) async fn refund_partial_from_additions(
    app: &App,
    order: &OrderRow,
    amount: i64,
) -> AppResult<i64> {
    let additions = {
        let mut c = app.db.read().await?;
        store::paid_additions(&mut c, order.id).await?
    };
    let mut rest = amount;
    for a in additions {
        let on_order = order.buyer_total.get();
        if rest <= on_order {
            break;
        }
        let Some(charge_id) = a.charge_id.as_deref() else {
            continue;
        };
        let take = (rest - on_order).min(a.buyer_total().get());
        app.payments
            .refund(
                charge_id,
                take,
                &format!("order-addition-dispute-refund-{}", a.id),
            )
            .await
            .map_err(|e| AppError::Internal(format!("partial refund of addition {}: {e}", a.id)))?;
        rest -= take;
    }
    Ok(rest)
}

/// The card refund of a paid addition whose order was cancelled.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdditionRefund {
    pub addition_id: i64,
    pub amount: i64,
}

impl Job for AdditionRefund {
    const KIND: &'static str = "orders.addition_refund";
    async fn run(self, app: &App) -> AppResult<()> {
        let addition = {
            let mut c = app.db.read().await?;
            store::find_addition(&mut c, self.addition_id).await?
        };
        let Some(addition) = addition else {
            return Ok(());
        };
        let Some(charge_id) = addition.charge_id.as_deref() else {
            return Ok(());
        };
        // The same key on every attempt: the provider refunds once however often this runs.
        app.payments
            .refund(
                charge_id,
                self.amount,
                &format!("order-addition-refund-{}", addition.id),
            )
            .await
            .map_err(|e| AppError::Internal(format!("refund of addition {}: {e}", addition.id)))?;
        let mut tx = app.db.begin().await?;
        transition::note(
            &mut tx,
            app,
            addition.order_id,
            "order-event-addition-refunded",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
