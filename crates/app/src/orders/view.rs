//! What the order pages show: one order for one of its parties (with the actions the state
//! allows them), and a member's purchases or sales.

use std::collections::HashMap;
use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;

use yorozu_domain::Timestamp;
use yorozu_domain::orders::{
    CancellationStatus, DeliveryOutcome, MessageKind, OrderEvent, OrderState, talk_room_closes_at,
};
use yorozu_store::orders::rows::{self, Side};
use yorozu_store::orders::{cancellations, deliveries, reviews, talk};
use yorozu_store::{Exec, profiles};

use super::transition::allows;
use super::{Attachment, Cancellation, Delivery, Order, OrderOption, Party, Review};
use crate::accounts::CurrentUser;
use crate::{App, AppResult};

/// One talk-room entry as shown.
#[derive(Debug, Clone)]
pub struct MessageView {
    pub id: i64,
    /// For [`MessageKind::Event`], `body` is a message id.
    pub kind: MessageKind,
    pub author: Option<Party>,
    pub author_name: String,
    pub mine: bool,
    pub body: String,
    pub created_at: i64,
    pub attachments: Vec<Attachment>,
    /// For the viewer's own messages: whether the other side has read it (既読).
    pub read_by_other: bool,
}

/// What the viewer may do now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Actions {
    pub pay: bool,
    pub message: bool,
    pub deliver: bool,
    pub approve: bool,
    pub send_back: bool,
    pub request_cancellation: bool,
    pub answer_cancellation: bool,
    pub withdraw_cancellation: bool,
    pub review: bool,
}

/// One order for one of its parties.
#[derive(Debug, Clone)]
pub struct OrderDetail {
    pub order: Order,
    pub party: Party,
    pub counterpart_id: UserId,
    pub counterpart_name: String,
    /// Whether the other party's account is open (not closed by a withdrawal): only then is
    /// their profile linked and can they be messaged.
    pub counterpart_active: bool,
    pub options: Vec<OrderOption>,
    pub messages: Vec<MessageView>,
    pub deliveries: Vec<Delivery>,
    pub pending_delivery: Option<Delivery>,
    pub open_cancellation: Option<Cancellation>,
    pub cancellations: Vec<Cancellation>,
    pub reviews: Vec<Review>,
    pub talk_closes_at: i64,
    pub actions: Actions,
}

impl OrderDetail {
    pub fn state(&self) -> OrderState {
        self.order.state
    }

    /// The review the viewer wrote, if any.
    pub fn my_review(&self) -> Option<&Review> {
        let role = self.party.review_role();
        self.reviews.iter().find(|r| r.author_role == role)
    }

    /// The review the other side wrote about the viewer, if any.
    pub fn their_review(&self) -> Option<&Review> {
        let role = self.party.review_role();
        self.reviews.iter().find(|r| r.author_role != role)
    }
}

/// Display names by user id (members without a profile get an empty name).
pub(crate) async fn names(c: &mut impl Exec, ids: &[UserId]) -> AppResult<HashMap<UserId, String>> {
    let mut out = HashMap::new();
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        let name = profiles::find(c, *id)
            .await?
            .map(|p| p.display_name)
            .unwrap_or_default();
        out.insert(*id, name);
    }
    Ok(out)
}

/// The order page's data for `member`; marks the room read up to its newest message.
pub async fn detail(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<OrderDetail> {
    let mut c = app.db.read().await?;
    let (order, party) = super::load_for(&mut c, order_id, member.id).await?;
    let counterpart_id = party.counterpart(&order);
    let names = names(&mut c, &[order.buyer_id, order.seller_id]).await?;
    let options = rows::options(&mut c, order_id).await?;
    let raw = talk::messages(&mut c, order_id).await?;
    let attachments = talk::attachments(&mut c, order_id).await?;
    let other_read = talk::last_read(&mut c, order_id, counterpart_id).await?;
    let my_read = talk::last_read(&mut c, order_id, member.id).await?;
    let deliveries: Vec<Delivery> = deliveries::list(&mut c, order_id)
        .await?
        .into_iter()
        .map(Delivery::from)
        .collect();
    let pending_delivery = deliveries
        .iter()
        .find(|d| d.outcome == DeliveryOutcome::Pending)
        .cloned();
    let cancellations: Vec<Cancellation> = cancellations::list(&mut c, order_id)
        .await?
        .into_iter()
        .map(Cancellation::from)
        .collect();
    let open_cancellation = cancellations
        .iter()
        .find(|r| r.status == CancellationStatus::Open)
        .cloned();
    let reviews: Vec<Review> = reviews::for_order(&mut c, order_id)
        .await?
        .into_iter()
        .map(Review::from)
        .collect();
    let counterpart_active = yorozu_store::accounts::users::find(&mut c, counterpart_id)
        .await?
        .is_some_and(|u| u.status == AccountStatus::Active);
    drop(c);

    let mut by_message: HashMap<i64, Vec<Attachment>> = HashMap::new();
    for a in attachments.into_iter().map(Attachment::from) {
        by_message.entry(a.message_id).or_default().push(a);
    }
    // Only the other side's messages move the read mark (platform notes and one's own do not
    // need reading), so opening a room without news writes nothing.
    let newest = raw
        .iter()
        .rev()
        .find(|m| m.author_id == Some(counterpart_id))
        .map(|m| m.id);
    let messages = raw
        .into_iter()
        .map(|m| {
            let author = super::talk::author_party(&order, m.author_id);
            let mine = m.author_id == Some(member.id);
            MessageView {
                id: m.id,
                kind: m.kind,
                author,
                author_name: m
                    .author_id
                    .and_then(|id| names.get(&id).cloned())
                    .unwrap_or_default(),
                mine,
                body: m.body,
                created_at: m.created_at,
                attachments: by_message.remove(&m.id).unwrap_or_default(),
                read_by_other: mine && m.id <= other_read,
            }
        })
        .collect();

    let now = app.now();
    let state = order.state;
    let talk_open = super::talk::is_open(app, &order, now) && counterpart_active;
    let has_my_review = reviews.iter().any(|r| r.author_role == party.review_role());
    let actions = Actions {
        pay: party == Party::Buyer
            && state == OrderState::AwaitingPayment
            && order.payment_due_at.is_none_or(|due| now < due),
        message: talk_open,
        deliver: party == Party::Seller && allows(&order, OrderEvent::FormalDelivery, app),
        approve: party == Party::Buyer && allows(&order, OrderEvent::Approve, app),
        send_back: party == Party::Buyer && allows(&order, OrderEvent::SendBack, app),
        request_cancellation: open_cancellation.is_none()
            && allows(&order, OrderEvent::CancellationAgreed, app),
        // A dispute stops the answer period: the request waits for its outcome.
        answer_cancellation: state != OrderState::Disputed
            && open_cancellation
                .as_ref()
                .is_some_and(|r| r.requested_by != member.id),
        withdraw_cancellation: open_cancellation
            .as_ref()
            .is_some_and(|r| r.requested_by == member.id),
        // A closed or departed counterpart cannot be reviewed (`review-counterpart-left`):
        // offer nothing that would be refused.
        review: state == OrderState::Completed && !has_my_review && counterpart_active,
    };
    if let Some(newest) = newest.filter(|n| *n > my_read) {
        super::talk::mark_read(app, member, order_id, newest).await?;
    }
    Ok(OrderDetail {
        talk_closes_at: talk_room_closes_at(
            Timestamp::from_unix(order.created_at),
            app.policy.talk_room_days,
        )
        .unix(),
        counterpart_name: names.get(&counterpart_id).cloned().unwrap_or_default(),
        counterpart_id,
        counterpart_active,
        order: Order::from(order),
        party,
        options: options.into_iter().map(OrderOption::from).collect(),
        messages,
        deliveries,
        pending_delivery,
        open_cancellation,
        cancellations,
        reviews,
        actions,
    })
}

/// One line of a member's order list.
#[derive(Debug, Clone)]
pub struct OrderSummary {
    pub order: Order,
    pub counterpart_name: String,
    /// Messages from the other side the member has not read.
    pub unread: i64,
}

/// Orders per page of the lists.
pub const PAGE_SIZE: i64 = 20;

/// A member's purchases (`Party::Buyer`) or sales (`Party::Seller`), newest first, with the
/// total count.
pub async fn list(
    app: &App,
    member: &CurrentUser,
    side: Party,
    page: i64,
) -> AppResult<(Vec<OrderSummary>, i64)> {
    let side = match side {
        Party::Buyer => Side::Buyer,
        Party::Seller => Side::Seller,
    };
    // Clamped: `(page - 1) * PAGE_SIZE` must not overflow into a negative OFFSET.
    let page = yorozu_domain::paging::clamp_page(page);
    let mut c = app.db.read().await?;
    let total = rows::count_for(&mut c, side, member.id).await?;
    let orders = rows::list_for(&mut c, side, member.id, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let unread: HashMap<OrderId, i64> = talk::unread_counts(&mut c, member.id)
        .await?
        .into_iter()
        .collect();
    let ids: Vec<UserId> = orders
        .iter()
        .map(|o| {
            if side == Side::Buyer {
                o.seller_id
            } else {
                o.buyer_id
            }
        })
        .collect();
    let names = names(&mut c, &ids).await?;
    let list = orders
        .into_iter()
        .map(|order| {
            let other = if side == Side::Buyer {
                order.seller_id
            } else {
                order.buyer_id
            };
            OrderSummary {
                counterpart_name: names.get(&other).cloned().unwrap_or_default(),
                unread: unread.get(&order.id).copied().unwrap_or(0),
                order: Order::from(order),
            }
        })
        .collect();
    Ok((list, total))
}
