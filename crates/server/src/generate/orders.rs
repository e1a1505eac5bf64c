//! Orders in every state, with what the use cases write around them: the talk room, formal
//! deliveries, agreed cancellations, reviews both ways, sales and the ledger.

use yorozu_app::App;
use yorozu_app::ledger::account_key;
use yorozu_app::orders::effects::{LEDGER_COMPLETION, LEDGER_PAYMENT, LEDGER_REFUND};
use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::orders::{OrderQuote, OrderState, Transaction};
use yorozu_store::bulk::Table;
use yorozu_store::dynamic::Bind;

use super::catalog::{Member, Service};
use super::words::{BUYER_REVIEW, CANCELLATION, DELIVERY, REPLY, REQUEST, SELLER_REVIEW};
use super::{Loader, Options, Rng};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// An order decided before anything is written, so that the services' figures can be those
/// of their orders.
pub(super) struct Planned {
    service: u32,
    buyer: u32,
    state: OrderState,
    created_at: i64,
    /// The buyer's rating of the seller, if they wrote a review.
    buyer_rating: Option<u8>,
    seller_reviewed: bool,
}

/// A state as often as a marketplace sees it: most orders are long completed.
fn pick_state(rng: &mut Rng) -> OrderState {
    match rng.below(100) {
        0..=84 => OrderState::Completed,
        85..=89 => OrderState::InProgress,
        90..=91 => OrderState::Delivered,
        92..=93 => OrderState::AwaitingPayment,
        94..=96 => OrderState::Cancelled,
        97..=98 => OrderState::Expired,
        _ => OrderState::Disputed,
    }
}

/// When an order in `state` was placed: open ones recently enough that none of their
/// deadlines has passed, finished ones over the last 100 days (inside the sales' validity).
fn placed_at(rng: &mut Rng, state: OrderState, now: i64) -> i64 {
    match state {
        OrderState::AwaitingPayment => now - rng.below(48 * HOUR as usize) as i64,
        OrderState::InProgress | OrderState::Delivered => {
            now - rng.below(5 * DAY as usize) as i64 - 2 * DAY
        }
        OrderState::Disputed => now - rng.below(10 * DAY as usize) as i64 - 2 * DAY,
        _ => now - rng.below(90 * DAY as usize) as i64 - 10 * DAY,
    }
}

fn rating(rng: &mut Rng) -> u8 {
    match rng.below(100) {
        0..=59 => 5,
        60..=84 => 4,
        85..=94 => 3,
        95..=97 => 2,
        _ => 1,
    }
}

/// Decides every order and adds the completed ones' sales and ratings to their services.
pub(super) fn plan(
    app: &App,
    rng: &mut Rng,
    members: &[Member],
    services: &mut [Service],
    o: &Options,
) -> Vec<Planned> {
    let now = app.now();
    let heavy = o.heavy_services.min(services.len());
    let regular = services.len() - heavy;
    let mut plan = Vec::with_capacity(o.orders);
    for n in 0..o.orders {
        let heavy_order = n < o.heavy_orders && heavy > 0;
        let service = if heavy_order || regular == 0 {
            rng.below(heavy)
        } else {
            // Popularity is skewed: a few services take most orders.
            let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
            heavy + ((u * u * regular as f64) as usize).min(regular - 1)
        };
        let seller = services[service].seller;
        // Anyone but the seller and the heavy seller, who only sells.
        let mut buyer = 1 + rng.below(members.len() - 1);
        if buyer == seller {
            buyer = 1 + buyer % (members.len() - 1);
        }
        let state = if heavy_order {
            OrderState::Completed
        } else {
            pick_state(rng)
        };
        let completed = state == OrderState::Completed;
        let buyer_rating = (completed && (heavy_order || rng.chance(90))).then(|| rating(rng));
        if completed {
            services[service].sales += 1;
        }
        if let Some(r) = buyer_rating {
            services[service].rating_sum += i64::from(r);
            services[service].rating_count += 1;
        }
        plan.push(Planned {
            service: service as u32,
            buyer: buyer as u32,
            state,
            created_at: placed_at(rng, state, now),
            buyer_rating,
            seller_reviewed: completed && rng.chance(80),
        });
    }
    plan
}

/// The moments of an order's life, derived from when it was placed.
struct Moments {
    paid: Option<i64>,
    delivered: Option<i64>,
    completed: Option<i64>,
    cancelled: Option<i64>,
    payment_due: Option<i64>,
}

fn moments(p: &Planned, s: &Service, payment_hours: i64) -> Moments {
    let at = p.created_at;
    let work = s.delivery_days * DAY / 2;
    let unpaid = matches!(p.state, OrderState::AwaitingPayment | OrderState::Expired);
    let delivered = matches!(p.state, OrderState::Delivered | OrderState::Completed);
    Moments {
        paid: (!unpaid).then_some(at),
        delivered: delivered.then_some(at + work.min(DAY)),
        completed: (p.state == OrderState::Completed).then_some(at + work.min(DAY) + DAY),
        cancelled: (p.state == OrderState::Cancelled).then_some(at + 2 * DAY),
        payment_due: unpaid.then_some(at + payment_hours * HOUR),
    }
}

/// Writes the planned orders.
pub(super) async fn write(
    loader: &mut Loader<'_>,
    rng: &mut Rng,
    members: &[Member],
    services: &[Service],
    plan: &[Planned],
) -> anyhow::Result<()> {
    let policy = loader.app.policy.clone();
    for p in plan {
        let s = &services[p.service as usize];
        let buyer = members[p.buyer as usize].id;
        let seller = members[s.seller].id;
        let quote = OrderQuote::compute(
            Yen::new(s.price),
            &[],
            Yen::ZERO,
            policy.seller_fee_rate,
            policy.buyer_fee_rate,
        )
        .map_err(|e| anyhow::anyhow!("generated price {}: {e}", s.price))?;
        let m = moments(p, s, policy.payment_hours);
        let id = loader.id();
        let request = rng.word(&REQUEST);
        let by_card = m.paid.is_some() && rng.chance(85);
        let updated = [m.paid, m.delivered, m.completed, m.cancelled]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(p.created_at);
        loader
            .add(
                Table::Orders,
                vec![
                    Bind::I64(id),
                    Bind::I64(buyer),
                    Bind::I64(seller),
                    Bind::I64(s.id),
                    Bind::Text(s.title.clone()),
                    Bind::I64(s.delivery_days),
                    Bind::Text(p.state.as_str().into()),
                    Bind::I64(0),
                    Bind::Bool(m.delivered.is_some()),
                    Bind::I64(quote.subtotal().get()),
                    Bind::I64(quote.buyer_fee().get()),
                    Bind::I64(0),
                    Bind::I64(0),
                    Bind::OptI64(None),
                    Bind::I64(0),
                    Bind::I64(quote.buyer_total().get()),
                    Bind::I64(quote.platform_fee().get()),
                    Bind::I64(quote.seller_share().get()),
                    Bind::Text(if by_card { "card" } else { "deferred" }.into()),
                    Bind::OptI64(None),
                    Bind::OptText(by_card.then(|| format!("ch_generated_{id}"))),
                    Bind::Text(format!("generated-{id}")),
                    Bind::Text(request.to_owned()),
                    Bind::OptI64(m.payment_due),
                    Bind::OptI64(m.paid),
                    Bind::OptI64(m.delivered),
                    Bind::OptI64(m.completed),
                    Bind::OptI64(m.cancelled),
                    Bind::I64(p.created_at),
                    Bind::I64(updated),
                ],
            )
            .await?;
        let mut talk = Talk {
            order: id,
            newest: (0, 0),
        };
        if let Some(paid) = m.paid {
            talk.event(loader, "payment_succeeded", paid).await?;
            book(
                loader,
                LEDGER_PAYMENT,
                id,
                &Transaction::payment_into_escrow(&quote),
                paid,
            )
            .await?;
        }
        talk.say(loader, Some(buyer), "message", request, p.created_at)
            .await?;
        if m.paid.is_some() {
            talk.say(
                loader,
                Some(seller),
                "message",
                rng.word(&REPLY),
                p.created_at + HOUR,
            )
            .await?;
        }
        if let Some(delivered) = m.delivered {
            let message = talk
                .say(
                    loader,
                    Some(seller),
                    "delivery",
                    rng.word(&DELIVERY),
                    delivered,
                )
                .await?;
            talk.event(loader, "formal_delivery", delivered).await?;
            let auto = rng.chance(20);
            let outcome = match (m.completed, auto) {
                (None, _) => "pending",
                (Some(_), true) => "auto_approved",
                (Some(_), false) => "approved",
            };
            let delivery_id = loader.id();
            loader
                .add(
                    Table::OrderDeliveries,
                    vec![
                        Bind::I64(delivery_id),
                        Bind::I64(id),
                        Bind::I64(message),
                        Bind::Text(outcome.into()),
                        Bind::Text(String::new()),
                        Bind::I64(delivered),
                        Bind::I64(delivered + policy.auto_approval_days * DAY),
                        Bind::OptI64(m.completed),
                    ],
                )
                .await?;
            if let Some(completed) = m.completed {
                talk.event(
                    loader,
                    if auto { "auto_approve" } else { "approve" },
                    completed,
                )
                .await?;
            }
        }
        if let Some(completed) = m.completed {
            book(
                loader,
                LEDGER_COMPLETION,
                id,
                &Transaction::completion(&quote, UserId::new(seller)),
                completed,
            )
            .await?;
            loader
                .add(
                    Table::Sales,
                    vec![
                        Bind::I64(id),
                        Bind::I64(seller),
                        Bind::I64(quote.seller_share().get()),
                        Bind::I64(completed),
                        Bind::OptI64(None),
                        Bind::OptI64(None),
                        Bind::OptI64(None),
                    ],
                )
                .await?;
            if let Some(r) = p.buyer_rating {
                let comment = rng.word(BUYER_REVIEW[usize::from(r) - 1]).to_owned();
                let anonymous = rng.chance(10);
                review(
                    loader,
                    id,
                    s.id,
                    (buyer, seller),
                    "buyer",
                    r,
                    comment,
                    anonymous,
                    completed + HOUR,
                )
                .await?;
            }
            if p.seller_reviewed {
                let comment = rng.word(&SELLER_REVIEW).to_owned();
                review(
                    loader,
                    id,
                    s.id,
                    (seller, buyer),
                    "seller",
                    5,
                    comment,
                    false,
                    completed + 2 * HOUR,
                )
                .await?;
            }
        }
        if let Some(cancelled) = m.cancelled {
            let requested_by = if rng.chance(50) { buyer } else { seller };
            let cancellation_id = loader.id();
            loader
                .add(
                    Table::OrderCancellations,
                    vec![
                        Bind::I64(cancellation_id),
                        Bind::I64(id),
                        Bind::I64(requested_by),
                        Bind::Text(rng.word(&CANCELLATION).to_owned()),
                        Bind::Text("agreed".into()),
                        Bind::I64(cancelled - DAY + policy.cancellation_answer_hours * HOUR),
                        Bind::Text(String::new()),
                        Bind::OptI64(Some(cancelled)),
                        Bind::I64(cancelled - DAY),
                    ],
                )
                .await?;
            talk.event(loader, "cancellation_agreed", cancelled).await?;
            book(
                loader,
                LEDGER_REFUND,
                id,
                &Transaction::refund(&quote),
                cancelled,
            )
            .await?;
        }
        match p.state {
            OrderState::Expired => {
                let due = m.payment_due.unwrap_or(p.created_at);
                talk.event(loader, "payment_expired", due).await?;
            }
            OrderState::Disputed => {
                talk.event(loader, "open_dispute", p.created_at + DAY)
                    .await?;
            }
            _ => {}
        }
        talk.read_by(loader, [buyer, seller]).await?;
    }
    Ok(())
}

/// Writes into one order's talk room, remembering its newest message.
struct Talk {
    order: i64,
    /// Id and time of the newest message.
    newest: (i64, i64),
}

impl Talk {
    async fn say(
        &mut self,
        loader: &mut Loader<'_>,
        author: Option<i64>,
        kind: &str,
        body: &str,
        at: i64,
    ) -> anyhow::Result<i64> {
        let id = loader.id();
        loader
            .add(
                Table::OrderMessages,
                vec![
                    Bind::I64(id),
                    Bind::I64(self.order),
                    Bind::OptI64(author),
                    Bind::Text(kind.into()),
                    Bind::Text(body.into()),
                    Bind::I64(at),
                ],
            )
            .await?;
        self.newest = (id, at);
        Ok(id)
    }

    /// Both parties have read everything (a member reads a talk room when they open it).
    async fn read_by(&self, loader: &mut Loader<'_>, members: [i64; 2]) -> anyhow::Result<()> {
        let (message, at) = self.newest;
        for member in members {
            loader
                .add(
                    Table::OrderReads,
                    vec![
                        Bind::I64(self.order),
                        Bind::I64(member),
                        Bind::I64(message),
                        Bind::I64(at),
                    ],
                )
                .await?;
        }
        Ok(())
    }

    /// The platform's note of an event, as `transition::note` writes it.
    async fn event(&mut self, loader: &mut Loader<'_>, event: &str, at: i64) -> anyhow::Result<()> {
        let body = format!("order-event-{event}");
        self.say(loader, None, "event", &body, at).await?;
        Ok(())
    }
}

/// Books a ledger transaction as `ledger::post` does.
async fn book(
    loader: &mut Loader<'_>,
    kind: &str,
    order: i64,
    transaction: &Transaction,
    at: i64,
) -> anyhow::Result<()> {
    let id = loader.id();
    loader
        .add(
            Table::LedgerTransactions,
            vec![
                Bind::I64(id),
                Bind::Text(kind.into()),
                Bind::Text(order.to_string()),
                Bind::I64(at),
            ],
        )
        .await?;
    for entry in transaction.entries() {
        let (account, owner) = account_key(entry.account);
        let entry_id = loader.id();
        loader
            .add(
                Table::LedgerEntries,
                vec![
                    Bind::I64(entry_id),
                    Bind::I64(id),
                    Bind::Text(account.into()),
                    Bind::OptI64(owner.map(UserId::get)),
                    Bind::I64(entry.amount),
                    Bind::I64(at),
                ],
            )
            .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn review(
    loader: &mut Loader<'_>,
    order: i64,
    service: i64,
    (author, subject): (i64, i64),
    role: &str,
    rating: u8,
    comment: String,
    anonymous: bool,
    at: i64,
) -> anyhow::Result<()> {
    let id = loader.id();
    loader
        .add(
            Table::Reviews,
            vec![
                Bind::I64(id),
                Bind::I64(order),
                Bind::I64(service),
                Bind::I64(author),
                Bind::I64(subject),
                Bind::Text(role.into()),
                Bind::I64(i64::from(rating)),
                Bind::Text(comment),
                Bind::Bool(anonymous),
                Bind::I64(at),
            ],
        )
        .await?;
    Ok(())
}
