//! Orders (取引): the confirmation screen as data, placing an order, and reading one's
//! purchases, sales and a single order. The actions on an order are in
//! [`super::orders_actions`], its talk room in [`super::orders_talk`].
//!
//! An order is shown to its two parties only (anyone else gets 404, so ids reveal nothing),
//! and each sees the amounts that concern them: the buyer what they paid, the seller their
//! share and the platform fee.

use axum::Json;
use axum::extract::Query;
use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{self, Payment, Purchase};
use yorozu_app::orders::quote::{self, Choice};
use yorozu_app::orders::view::{self, Actions, OrderDetail, OrderSummary};
use yorozu_app::orders::{self, Order, Party, order_path};
use yorozu_domain::ListingId;
use yorozu_domain::Locale;
use yorozu_domain::OrderId;
use yorozu_domain::UserId;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::{ApiId, ApiJson};
use crate::api::member::MemberRef;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::order_fields;
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// What the buyer chose: the service, its paid options, points and a coupon.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OrderQuoteRequest)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequest {
    // Documented as required: without it the request names no service (404).
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    listing_id: String,
    /// Positions of the chosen paid options.
    #[serde(default)]
    options: Vec<i64>,
    /// Points to use (1 point = ¥1).
    #[serde(default)]
    #[schema(minimum = 0)]
    points: Option<i64>,
    /// A coupon code.
    #[serde(default)]
    coupon: Option<String>,
    /// A custom offer of the service to buy on its terms (its price, delivery days and
    /// options replace the service's); a 409 `offer-not-open` once it is not open.
    #[serde(default)]
    #[schema(schema_with = openapi::nullable_id)]
    offer_id: Option<String>,
}

impl QuoteRequest {
    /// The use case's form of the choice. An id that is not a number names no service.
    fn choice(self) -> Result<Choice, AppError> {
        Ok(Choice {
            listing_id: self
                .listing_id
                .trim()
                .parse()
                .map(ListingId::new)
                .map_err(|_| AppError::NotFound)?,
            options: self.options,
            points: self.points.map(|p| p.to_string()).unwrap_or_default(),
            coupon: self.coupon.unwrap_or_default(),
            offer: match self.offer_id {
                Some(id) => Some(
                    id.trim()
                        .parse()
                        .map(yorozu_domain::OfferId::new)
                        .map_err(|_| AppError::NotFound)?,
                ),
                None => None,
            },
        })
    }
}

/// A registered card (charged now), or deferred payment (後払い) before the payment deadline.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = PaymentChoice)]
#[serde(tag = "method", rename_all = "lowercase", deny_unknown_fields)]
enum PaymentInput {
    Card {
        #[serde(default)]
        #[schema(schema_with = openapi::id, required)]
        card_id: String,
    },
    Deferred,
}

/// A confirmed purchase.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = PlaceOrderRequest)]
#[serde(deny_unknown_fields)]
pub struct PlaceRequest {
    // The fields of [`QuoteRequest`], spelled out: `flatten` cannot refuse unknown fields.
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    listing_id: String,
    #[serde(default)]
    options: Vec<i64>,
    #[serde(default)]
    #[schema(minimum = 0)]
    points: Option<i64>,
    #[serde(default)]
    coupon: Option<String>,
    #[serde(default)]
    #[schema(schema_with = openapi::nullable_id)]
    offer_id: Option<String>,
    payment: PaymentInput,
    #[serde(default)]
    #[schema(schema_with = order_fields::request)]
    request: String,
    // Documented as required: without it the request is a 400 `order-purchase-key-invalid`.
    /// Chosen by the client once per confirmation; repeating it never makes a second order.
    #[serde(default)]
    #[schema(
        required,
        min_length = 16,
        max_length = 64,
        pattern = "^[A-Za-z0-9_-]+$"
    )]
    purchase_key: String,
    /// The buyer_total the buyer saw.
    #[serde(default)]
    expected_total: Option<i64>,
}

impl PlaceRequest {
    fn purchase(self) -> Result<Purchase, AppError> {
        let payment = match self.payment {
            PaymentInput::Card { card_id } => Payment::Card(
                card_id
                    .trim()
                    .parse()
                    .map_err(|_| AppError::invalid("card", "order-card-unknown"))?,
            ),
            PaymentInput::Deferred => Payment::Deferred,
        };
        let choice = QuoteRequest {
            listing_id: self.listing_id,
            options: self.options,
            points: self.points,
            coupon: self.coupon,
            offer_id: self.offer_id,
        }
        .choice()?;
        Ok(Purchase {
            choice,
            payment,
            request: self.request,
            purchase_key: self.purchase_key,
            expected_total: self.expected_total,
        })
    }
}

/// `GET /me/orders?role=buyer|seller&page=N`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `buyer` (purchases, the default) or `seller` (sales).
    #[serde(default)]
    #[param(inline)]
    role: Option<RoleInput>,
    /// 1-based page number; clamped into 1–10000.
    #[serde(default)]
    page: Option<i64>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
enum RoleInput {
    Buyer,
    Seller,
}

// ---------------------------------------------------------------------------------------
// Output

#[derive(Debug, Serialize, ToSchema)]
struct QuoteOption {
    position: i64,
    title: String,
    #[schema(schema_with = openapi::yen)]
    price: i64,
    chosen: bool,
}

#[derive(Debug, Serialize, ToSchema)]
struct QuoteCoupon {
    code: String,
    title: String,
}

/// The final confirmation screen (最終確認画面) as data.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderQuote)]
pub struct QuoteBody {
    #[schema(schema_with = openapi::id)]
    listing_id: String,
    listing_title: String,
    seller: MemberRef,
    /// Every paid option of the service.
    #[schema(inline)]
    options: Vec<QuoteOption>,
    /// Price plus chosen options (yen).
    subtotal: i64,
    /// サービス利用料 (yen).
    buyer_fee: i64,
    /// e.g. 5.5%.
    buyer_fee_rate: String,
    /// Points and coupon together (yen).
    discount: i64,
    points_balance: i64,
    points_used: i64,
    #[schema(inline, required)]
    coupon: Option<QuoteCoupon>,
    #[schema(schema_with = openapi::yen)]
    coupon_discount: i64,
    /// What the buyer pays (yen).
    buyer_total: i64,
    delivery_days: i64,
    /// How long the other side has to answer a cancellation request.
    cancellation_answer_hours: i64,
    /// Days after a delivery until it is approved automatically.
    auto_approval_days: i64,
    /// How long a deferred payment may take.
    payment_hours: i64,
    /// How often a delivery may be sent back.
    send_backs_allowed: u8,
}

/// What the buyer pays.
#[derive(Debug, Serialize, ToSchema)]
struct BuyerAmounts {
    #[schema(schema_with = openapi::yen)]
    subtotal: i64,
    #[schema(schema_with = openapi::yen)]
    buyer_fee: i64,
    #[schema(schema_with = openapi::yen)]
    discount: i64,
    points_used: i64,
    #[schema(schema_with = openapi::yen)]
    coupon_discount: i64,
    #[schema(schema_with = openapi::yen)]
    buyer_total: i64,
    #[schema(schema_with = order_fields::payment_method)]
    payment_method: String,
}

/// What the seller earns.
#[derive(Debug, Serialize, ToSchema)]
struct SellerAmounts {
    #[schema(schema_with = openapi::yen)]
    subtotal: i64,
    /// 販売手数料 (yen).
    platform_fee: i64,
    /// Credited to the seller on completion (yen).
    seller_share: i64,
}

/// BuyerAmounts for the buyer, SellerAmounts for the seller.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderAmounts)]
#[serde(untagged)]
enum Amounts {
    Buyer(BuyerAmounts),
    Seller(SellerAmounts),
}

impl Amounts {
    fn of(order: &Order, party: Party) -> Amounts {
        match party {
            Party::Buyer => Amounts::Buyer(BuyerAmounts {
                subtotal: order.subtotal.get(),
                buyer_fee: order.buyer_fee.get(),
                discount: order.discount.get(),
                points_used: order.points_used,
                coupon_discount: order.coupon_discount.get(),
                buyer_total: order.buyer_total.get(),
                payment_method: order.payment_method.as_str().to_owned(),
            }),
            Party::Seller => Amounts::Seller(SellerAmounts {
                subtotal: order.subtotal.get(),
                platform_fee: order.platform_fee.get(),
                seller_share: order.seller_share.get(),
            }),
        }
    }

    /// The one figure of a list line: what the buyer pays, or what the seller earns.
    fn headline(order: &Order, party: Party) -> i64 {
        match party {
            Party::Buyer => order.buyer_total.get(),
            Party::Seller => order.seller_share.get(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
struct OrderOption {
    position: i64,
    title: String,
    #[schema(schema_with = openapi::yen)]
    price: i64,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderDelivery)]
struct Delivery {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = order_fields::delivery_message_id)]
    message_id: String,
    #[schema(schema_with = order_fields::delivery_outcome)]
    outcome: String,
    #[schema(required)]
    send_back_reason: Option<String>,
    #[schema(schema_with = openapi::time)]
    delivered_at: i64,
    #[schema(schema_with = openapi::time)]
    auto_approve_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    decided_at: Option<i64>,
}

impl From<orders::Delivery> for Delivery {
    fn from(d: orders::Delivery) -> Delivery {
        Delivery {
            id: d.id.to_string(),
            message_id: d.message_id.to_string(),
            outcome: d.outcome.as_str().to_owned(),
            send_back_reason: (!d.send_back_reason.is_empty()).then_some(d.send_back_reason),
            delivered_at: d.delivered_at,
            auto_approve_at: d.auto_approve_at,
            decided_at: d.decided_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderCancellation)]
struct Cancellation {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = order_fields::role_or_null, required)]
    requested_by: Option<Party>,
    /// The caller asked.
    mine: bool,
    reason: String,
    #[schema(schema_with = order_fields::cancellation_status)]
    status: String,
    #[schema(required)]
    answer: Option<String>,
    /// Unix seconds; silence until then is agreement.
    #[schema(format = Int64)]
    deadline_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    answered_at: Option<i64>,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

impl Cancellation {
    fn new(c: orders::Cancellation, order: &Order, viewer: UserId) -> Cancellation {
        Cancellation {
            id: c.id.to_string(),
            requested_by: order.party_of(c.requested_by),
            mine: c.requested_by == viewer,
            reason: c.reason,
            status: c.status.as_str().to_owned(),
            answer: (!c.answer.is_empty()).then_some(c.answer),
            deadline_at: c.deadline_at,
            answered_at: c.answered_at,
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderReview)]
struct Review {
    #[schema(value_type = order_fields::Role)]
    author_role: String,
    mine: bool,
    #[schema(schema_with = order_fields::rating)]
    rating: i64,
    comment: String,
    /// A buyer's review shown publicly without their name.
    anonymous: bool,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

impl Review {
    fn new(r: orders::Review, viewer: Party) -> Review {
        Review {
            author_role: r.author_role.as_str().to_owned(),
            mine: r.author_role == viewer.review_role(),
            rating: r.rating,
            comment: r.comment,
            anonymous: r.anonymous,
            created_at: r.created_at,
        }
    }
}

/// The answer to a purchase: the order's id, state and total, and where to go next. Light on
/// purpose: the order was just written, and reading it back in full (its talk room, actions,
/// counterpart) would cost more than the purchase; `GET links.self` gives the whole order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PlacedOrder)]
pub struct PlacedBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(value_type = order_fields::OrderState)]
    state: String,
    /// What the buyer pays (yen).
    buyer_total: i64,
    links: PlacedLinks,
}

/// Where the new order is.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PlacedOrderLinks)]
pub struct PlacedLinks {
    /// The order (`GET`).
    #[serde(rename = "self")]
    self_: String,
    /// Its talk room (`GET` to read, `POST` to write).
    messages: String,
    /// The order's page on the site.
    web_url: String,
}

impl PlacedBody {
    fn new(placed: &place::Placed, state: &AppState) -> PlacedBody {
        let id = placed.order_id;
        PlacedBody {
            id: id.to_string(),
            state: placed.state.as_str().to_owned(),
            buyer_total: placed.buyer_total.get(),
            links: PlacedLinks {
                self_: format!("/api/v1/orders/{id}"),
                messages: format!("/api/v1/orders/{id}/messages"),
                web_url: format!(
                    "{}{}",
                    state.app.site.base_url.trim_end_matches('/'),
                    order_path(id)
                ),
            },
        }
    }
}

/// One order as one of its parties sees it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Order)]
pub struct OrderBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(value_type = order_fields::OrderState)]
    state: String,
    /// The caller's side.
    #[schema(value_type = order_fields::Role)]
    role: Party,
    #[schema(schema_with = openapi::id)]
    listing_id: String,
    /// As it was when ordered.
    listing_title: String,
    counterpart: MemberRef,
    /// The chosen paid options.
    #[schema(inline)]
    options: Vec<OrderOption>,
    delivery_days: i64,
    amounts: Amounts,
    /// The buyer's request at purchase.
    request: String,
    send_backs_used: i64,
    send_backs_left: i64,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    payment_due_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    paid_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    delivered_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    completed_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    cancelled_at: Option<i64>,
    #[schema(schema_with = openapi::time)]
    updated_at: i64,
    /// Unix seconds; no new messages afterwards.
    #[schema(format = Int64)]
    talk_closes_at: i64,
    /// The delivery waiting for the buyer; approved automatically at its auto_approve_at.
    #[schema(required)]
    pending_delivery: Option<Delivery>,
    deliveries: Vec<Delivery>,
    /// The cancellation request waiting for an answer until its deadline_at.
    #[schema(required)]
    open_cancellation: Option<Cancellation>,
    cancellations: Vec<Cancellation>,
    reviews: Vec<Review>,
    /// What the caller may do now.
    #[schema(value_type = Vec<order_fields::Action>)]
    actions: Vec<&'static str>,
    /// The order's page on the site.
    web_url: String,
}

/// The actions that are allowed now, by name.
fn action_names(a: Actions) -> Vec<&'static str> {
    [
        (a.pay, "pay"),
        (a.message, "message"),
        (a.deliver, "deliver"),
        (a.approve, "approve"),
        (a.send_back, "send_back"),
        (a.request_cancellation, "request_cancellation"),
        (a.answer_cancellation, "answer_cancellation"),
        (a.withdraw_cancellation, "withdraw_cancellation"),
        (a.review, "review"),
    ]
    .into_iter()
    .filter_map(|(allowed, name)| allowed.then_some(name))
    .collect()
}

impl OrderBody {
    fn new(d: OrderDetail, state: &AppState, locale: Locale) -> OrderBody {
        let o = &d.order;
        let viewer = match d.party {
            Party::Buyer => o.buyer_id,
            Party::Seller => o.seller_id,
        };
        let allowed = i64::from(state.app.policy.send_backs_allowed);
        OrderBody {
            id: o.id.to_string(),
            state: o.state.as_str().to_owned(),
            role: d.party,
            listing_id: o.listing_id.to_string(),
            listing_title: o.listing_title.clone(),
            counterpart: MemberRef::new(d.counterpart_id, d.counterpart_name, locale),
            options: d
                .options
                .into_iter()
                .map(|x| OrderOption {
                    position: x.position,
                    title: x.title,
                    price: x.price.get(),
                })
                .collect(),
            delivery_days: o.delivery_days,
            amounts: Amounts::of(o, d.party),
            request: o.request_text.clone(),
            send_backs_used: o.send_backs_used,
            send_backs_left: (allowed - o.send_backs_used).max(0),
            created_at: o.created_at,
            payment_due_at: o.payment_due_at,
            paid_at: o.paid_at,
            delivered_at: o.delivered_at,
            completed_at: o.completed_at,
            cancelled_at: o.cancelled_at,
            updated_at: o.updated_at,
            talk_closes_at: d.talk_closes_at,
            pending_delivery: d.pending_delivery.map(Delivery::from),
            deliveries: d.deliveries.into_iter().map(Delivery::from).collect(),
            open_cancellation: d.open_cancellation.map(|c| Cancellation::new(c, o, viewer)),
            cancellations: d
                .cancellations
                .into_iter()
                .map(|c| Cancellation::new(c, o, viewer))
                .collect(),
            reviews: d
                .reviews
                .into_iter()
                .map(|r| Review::new(r, d.party))
                .collect(),
            actions: action_names(d.actions),
            web_url: format!(
                "{}{}",
                state.app.site.base_url.trim_end_matches('/'),
                order_path(o.id)
            ),
        }
    }
}

/// One line of the purchases or sales list.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderLine {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(value_type = order_fields::OrderState)]
    state: String,
    #[schema(value_type = order_fields::Role)]
    role: Party,
    #[schema(schema_with = openapi::id)]
    listing_id: String,
    listing_title: String,
    counterpart: MemberRef,
    /// The buyer's total, or for the seller their share (yen).
    amount: i64,
    /// Messages from the other side not yet read.
    unread: i64,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::time)]
    updated_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    payment_due_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    delivered_at: Option<i64>,
}

impl OrderLine {
    fn new(s: OrderSummary, party: Party, locale: Locale) -> OrderLine {
        let o = s.order;
        OrderLine {
            id: o.id.to_string(),
            state: o.state.as_str().to_owned(),
            role: party,
            listing_id: o.listing_id.to_string(),
            listing_title: o.listing_title.clone(),
            counterpart: MemberRef::new(o.counterpart_of(party), s.counterpart_name, locale),
            amount: Amounts::headline(&o, party),
            unread: s.unread,
            created_at: o.created_at,
            updated_at: o.updated_at,
            payment_due_at: o.payment_due_at,
            delivered_at: o.delivered_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderList {
    total: i64,
    page: i64,
    pages: i64,
    items: Vec<OrderLine>,
}

/// The order as `user` sees it now.
pub(crate) async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: OrderId,
) -> ApiResult<OrderBody> {
    let detail = view::detail(&state.app, user, id).await?;
    Ok(OrderBody::new(detail, state, user.locale))
}

// ---------------------------------------------------------------------------------------
// Handlers

/// The amounts and terms the buyer would accept by ordering.
#[utoipa::path(
    post,
    path = "/orders/quote",
    operation_id = "quoteOrder",
    summary = "The final confirmation screen as data",
    description = "What the buyer would pay for the service with the chosen paid options, points and coupon, and the \
                   terms they accept by ordering (delivery days, cancellation answer period, auto-approval). Nothing \
                   is booked. Problems with the choice are field errors on `options`, `points` (`points-invalid`, \
                   `points-exceed-balance`, `points-exceed-total`) or `coupon` (`coupon-not-found`, `coupon-expired`, \
                   `coupon-below-minimum`, `coupon-already-used`, …). Buying one's own service is a 409 \
                   `order-own-listing`; a paused service or a seller on vacation a 409 `order-not-purchasable`.",
    request_body = QuoteRequest,
    responses(
        (status = 200, description = "The amounts and terms.", body = QuoteBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn quote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<QuoteRequest>,
) -> ApiResult<Json<QuoteBody>> {
    let choice = input.choice()?;
    let q = quote::quote(&state.app, &user, &choice).await?;
    let policy = &state.app.policy;
    Ok(Json(QuoteBody {
        listing_id: q.listing.id.to_string(),
        listing_title: q.listing.title.clone(),
        seller: MemberRef::new(q.listing.seller_id, q.seller_name.clone(), user.locale),
        options: q
            .options
            .iter()
            .map(|o| QuoteOption {
                position: o.position,
                title: o.title.clone(),
                price: o.price.get(),
                chosen: o.chosen,
            })
            .collect(),
        subtotal: q.amounts.subtotal().get(),
        buyer_fee: q.amounts.buyer_fee().get(),
        buyer_fee_rate: policy.buyer_fee_rate.to_string(),
        discount: q.amounts.discount().get(),
        points_balance: q.points_balance,
        points_used: q.points_used,
        coupon: q.coupon.as_ref().map(|c| QuoteCoupon {
            code: c.code.clone(),
            title: c.title.clone(),
        }),
        coupon_discount: q.coupon_discount,
        buyer_total: q.amounts.buyer_total().get(),
        delivery_days: q.listing.delivery_days,
        cancellation_answer_hours: policy.cancellation_answer_hours,
        auto_approval_days: policy.auto_approval_days,
        payment_hours: policy.payment_hours,
        send_backs_allowed: policy.send_backs_allowed,
    }))
}

/// Places the order: 201 with the new order's id, state, total and links, or 200 with the
/// same for the order that the same purchase key already made (nothing is charged again).
#[utoipa::path(
    post,
    path = "/orders",
    operation_id = "placeOrder",
    summary = "Place an order",
    description = "Orders the service as quoted. By card the charge is made now (a declined card is a 422 on field \
                   `card`: `card-declined`, `card-insufficient-funds`, `card-expired`, `order-card-unknown`, and \
                   nothing is ordered or charged); `deferred` orders wait for payment (POST /orders/{id}/pay) until \
                   `payment_due_at`. `purchase_key` (16–64 characters of `[A-Za-z0-9_-]`, chosen by the client once \
                   per confirmation) makes the request safe to repeat: the same key answers 200 with the order it \
                   already made and charges nothing again. With `expected_total`, a total that changed since the \
                   quote is a 409 `order-total-changed`. A missing or malformed key is a 400 \
                   `order-purchase-key-invalid`.",
    request_body = PlaceRequest,
    responses(
        (status = 201, description = "The new order (its id, state, total and links; `GET links.self` for the \
                                      whole order); `Location` points at it.", body = PlacedBody),
        (status = 200, description = "The order this purchase key already made (as for 201).", body = PlacedBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn place(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<PlaceRequest>,
) -> ApiResult<Response> {
    let purchase = input.purchase()?;
    let placed = place::place(&state.app, &user, &purchase).await?;
    let body = PlacedBody::new(&placed, &state);
    let status = if placed.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let location = format!("/api/v1/orders/{}", placed.order_id);
    Ok((status, [(header::LOCATION, location)], Json(body)).into_response())
}

/// The caller's purchases (`role=buyer`, the default) or sales (`role=seller`), newest
/// first, 20 a page.
#[utoipa::path(
    get,
    path = "/me/orders",
    operation_id = "listMyOrders",
    summary = "The caller's purchases or sales",
    description = "Newest first, 20 a page. `amount` is what the buyer pays, or for sales what the seller earns.",
    params(ListParams),
    responses(
        (status = 200, description = "One page of orders.", body = OrderList),
        (status = 400, response = BadRequest),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    params: Result<Query<ListParams>, QueryRejection>,
) -> ApiResult<Json<OrderList>> {
    let Query(params) = params.map_err(|e| {
        ApiError::request_with_detail(
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
            e.body_text(),
        )
    })?;
    let party = match params.role {
        Some(RoleInput::Seller) => Party::Seller,
        Some(RoleInput::Buyer) | None => Party::Buyer,
    };
    let page = yorozu_domain::paging::clamp_page(params.page.unwrap_or(1));
    let (lines, total) = view::list(&state.app, &user, party, page).await?;
    Ok(Json(OrderList {
        total,
        page,
        pages: (total + view::PAGE_SIZE - 1) / view::PAGE_SIZE,
        items: lines
            .into_iter()
            .map(|s| OrderLine::new(s, party, user.locale))
            .collect(),
    }))
}

/// One of the caller's orders. Reading it marks its talk room read.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    operation_id = "getOrder",
    summary = "An order",
    description = "For its buyer and seller only; anyone else gets 404. Reading it marks the talk room read.",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order.", body = OrderBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<OrderBody>> {
    Ok(Json(load(&state, &user, id).await?))
}
