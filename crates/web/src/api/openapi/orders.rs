//! The orders and points part of the OpenAPI document: operations and schemas.

use serde_json::{Map, Value, json};
use yorozu_domain::orders::{DeliveryOutcome, OrderState};

use super::{Op, list_of, schema_ref};

/// A second path parameter besides `{id}`.
fn path_param(mut op: Op, name: &'static str, description: &'static str) -> Op {
    op.query.push(json!({
        "name": name, "in": "path", "required": true, "description": description,
        "schema": { "type": "string" },
    }));
    op
}

/// A body of JSON (`json_schema`) or, to attach files, `multipart/form-data` with the text
/// field `text_field` and one `files` part per file.
fn text_with_files(mut op: Op, json_schema: &str, text_field: &str, description: &str) -> Op {
    let mut multipart_properties = serde_json::Map::new();
    multipart_properties.insert(
        text_field.to_owned(),
        json!({ "type": "string", "description": description }),
    );
    multipart_properties.insert(
        "files".into(),
        json!({
            "type": "array",
            "items": { "type": "string", "contentMediaType": "application/octet-stream" },
            "description": "Files to attach: one part named `files` per file, with its file name and Content-Type.",
        }),
    );
    op.body = Some(json!({
        "required": true,
        "content": {
            "application/json": { "schema": schema_ref(json_schema) },
            "multipart/form-data": { "schema": { "type": "object", "properties": multipart_properties } },
        },
    }));
    op
}

/// A success answered with the file's bytes.
fn download(mut op: Op, description: &'static str) -> Op {
    op.responses.push((
        "200",
        json!({
            "description": description,
            "headers": {
                "Content-Disposition": { "description": "`attachment`, with the file name.", "schema": { "type": "string" } },
            },
            "content": { "*/*": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } },
        }),
    ));
    op
}

const ACTION_RESULT: &str = "The order after the action.";

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("post", "/orders/quote", Op::new("quoteOrder", "orders", "The final confirmation screen as data")
            .describe("What the buyer would pay for the service with the chosen paid options, points and coupon, and the \
                       terms they accept by ordering (delivery days, cancellation answer period, auto-approval). Nothing \
                       is booked. Problems with the choice are field errors on `options`, `points` (`points-invalid`, \
                       `points-exceed-balance`, `points-exceed-total`) or `coupon` (`coupon-not-found`, `coupon-expired`, \
                       `coupon-below-minimum`, `coupon-already-used`, …). Buying one's own service is a 409 \
                       `order-own-listing`; a paused service or a seller on vacation a 409 `order-not-purchasable`.")
            .json_body("OrderQuoteRequest")
            .ok("200", "The amounts and terms.", schema_ref("OrderQuote"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("post", "/orders", Op::new("placeOrder", "orders", "Place an order")
            .describe("Orders the service as quoted. By card the charge is made now (a declined card is a 422 on field \
                       `card`: `card-declined`, `card-insufficient-funds`, `card-expired`, `order-card-unknown`, and \
                       nothing is ordered or charged); `deferred` orders wait for payment (POST /orders/{id}/pay) until \
                       `payment_due_at`. `purchase_key` (16–64 characters of `[A-Za-z0-9_-]`, chosen by the client once \
                       per confirmation) makes the request safe to repeat: the same key answers 200 with the order it \
                       already made and charges nothing again. With `expected_total`, a total that changed since the \
                       quote is a 409 `order-total-changed`. A missing or malformed key is a 400 \
                       `order-purchase-key-invalid`.")
            .json_body("PlaceOrderRequest")
            .ok("201", "The new order; `Location` points at it.", schema_ref("Order"))
            .ok("200", "The order this purchase key already made.", schema_ref("Order"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("get", "/me/orders", Op::new("listMyOrders", "orders", "The caller's purchases or sales")
            .describe("Newest first, 20 a page. `amount` is what the buyer pays, or for sales what the seller earns.")
            .query("role", "`buyer` (purchases, the default) or `seller` (sales).", json!({ "type": "string", "enum": ["buyer", "seller"] }))
            .query("page", "1-based page number; clamped into 1–10000.", json!({ "type": "integer", "format": "int64" }))
            .ok("200", "One page of orders.", schema_ref("OrderList"))
            .errors(&["400"])),
        ("get", "/orders/{id}", Op::new("getOrder", "orders", "An order")
            .describe("For its buyer and seller only; anyone else gets 404. Reading it marks the talk room read.")
            .path_id("The order id.")
            .ok("200", "The order.", schema_ref("Order"))
            .errors(&["404"])),
        ("get", "/orders/{id}/messages", Op::new("listOrderMessages", "orders", "The talk room")
            .describe("Messages, formal deliveries and the platform's notes (`kind` `event`, with a stable `event` id such \
                       as `order-event-approve`), oldest first. Reading them marks the room read.")
            .path_id("The order id.")
            .ok("200", "Every entry.", list_of("OrderMessage"))
            .errors(&["404"])),
        ("post", "/orders/{id}/messages", text_with_files(
            Op::new("postOrderMessage", "orders", "Post a message")
                .describe("JSON `{\"body\"}`, or multipart with `body` and `files` to attach files (at most 5, each at most \
                           20 MB by default: field `files`). The other party is mailed. A closed talk room (120 days after \
                           the order) is a 409 `talk-room-closed`.")
                .path_id("The order id."),
            "OrderMessageInput",
            "body",
            "The message; may be empty when files are attached.",
        )
            .ok("201", "The message.", schema_ref("OrderMessage"))
            .errors(&["400", "404", "409", "413", "415", "422"])),
        ("get", "/orders/{id}/attachments/{attachment_id}", download(
            path_param(
                Op::new("getOrderAttachment", "orders", "Download an attachment")
                    .describe("For the order's parties only.")
                    .path_id("The order id."),
                "attachment_id",
                "The attachment id.",
            ),
            "The file, with the Content-Type it was uploaded with.",
        )
            .errors(&["404"])),
        ("post", "/orders/{id}/pay", Op::new("payOrder", "orders", "Pay an order that awaits payment")
            .describe("The buyer pays a deferred order with a registered card before `payment_due_at` (afterwards a 409 \
                       `order-payment-overdue`). Card problems are a 422 on field `card`.")
            .path_id("The order id.")
            .json_body("PayOrderRequest")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("post", "/orders/{id}/delivery", text_with_files(
            Op::new("deliverOrder", "orders", "Deliver formally (正式な納品)")
                .describe("The seller delivers with a note (field `note`) and optional files. The buyer approves or sends it \
                           back; without an answer it is approved automatically at `pending_delivery.auto_approve_at`. \
                           Delivering when the order is not in progress (twice, or before payment) is a 409.")
                .path_id("The order id."),
            "DeliveryInput",
            "note",
            "The delivery note.",
        )
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "403", "404", "409", "413", "415", "422"])),
        ("post", "/orders/{id}/approve", Op::new("approveOrder", "orders", "Approve the delivery")
            .describe("The buyer approves; the order completes and the seller's share is credited.")
            .path_id("The order id.")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["403", "404", "409"])),
        ("post", "/orders/{id}/send-back", Op::new("sendBackOrder", "orders", "Send the delivery back (差し戻し)")
            .describe("The buyer sends the delivery back with a reason; the seller works on. Allowed once by default \
                       (then a 422 `order-send-back-limit-reached` on field `reason`).")
            .path_id("The order id.")
            .json_body("ReasonRequest")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "403", "404", "409", "415", "422"])),
        ("post", "/orders/{id}/cancellation", Op::new("requestOrderCancellation", "orders", "Ask to cancel")
            .describe("Either party asks with a reason. The other has `cancellation_answer_hours` (24 by default) to agree \
                       or object; silence is agreement. One open request at a time (409 `cancellation-already-open`).")
            .path_id("The order id.")
            .json_body("ReasonRequest")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("post", "/orders/{id}/cancellation/answer", Op::new("answerOrderCancellation", "orders", "Answer a cancellation request")
            .describe("The other party agrees (the order is cancelled, the payment refunded, points and coupon restored) \
                       or objects with a text (field `text`, required when objecting).")
            .path_id("The order id.")
            .json_body("CancellationAnswerRequest")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("post", "/orders/{id}/cancellation/withdraw", Op::new("withdrawOrderCancellation", "orders", "Withdraw one's cancellation request")
            .path_id("The order id.")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["404", "409"])),
        ("post", "/orders/{id}/review", Op::new("reviewOrder", "orders", "Review the other party")
            .describe("After completion, once per side (409 `review-already-written`; before completion 409 \
                       `review-not-yet`). The buyer rates the seller and the service and may stay anonymous; the seller \
                       rates the buyer.")
            .path_id("The order id.")
            .json_body("ReviewRequest")
            .ok("200", ACTION_RESULT, schema_ref("Order"))
            .errors(&["400", "404", "409", "415", "422"])),
        ("get", "/me/points", Op::new("getMyPoints", "points", "The caller's points")
            .describe("One point is ¥1 off an order. The whole balance expires at `expires_at` unless more points are \
                       acquired first.")
            .ok("200", "Balance, expiry and the latest 100 changes, newest first.", schema_ref("Points"))),
    ]
}

pub(super) fn schemas() -> Value {
    let mut all = Map::new();
    for part in [
        purchase_schemas(),
        order_schemas(),
        talk_and_points_schemas(),
    ] {
        if let Value::Object(part) = part {
            all.extend(part);
        }
    }
    Value::Object(all)
}

fn id() -> Value {
    json!({ "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." })
}

fn time() -> Value {
    json!({ "type": "integer", "format": "int64", "description": "Unix seconds." })
}

fn nullable_time() -> Value {
    json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." })
}

fn yen() -> Value {
    json!({ "type": "integer", "format": "int64", "description": "Whole yen." })
}

/// The confirmation screen and placing an order.
fn purchase_schemas() -> Value {
    let (id, yen) = (id(), yen());
    let states: Vec<&str> = OrderState::ALL.iter().map(|s| s.as_str()).collect();
    json!({
        "OrderState": {
            "type": "string",
            "enum": states,
            "description": "awaiting_payment 支払い待ち, in_progress 作業中, delivered 納品済み (waiting for approval), \
                            completed 完了, cancelled キャンセル, expired 期限切れ (never paid), disputed トラブル対応中.",
        },
        "OrderRole": { "type": "string", "enum": ["buyer", "seller"] },
        "OrderCounterpart": {
            "type": "object",
            "description": "A member named in a response. A member who has withdrawn (退会) and whose profile was erased is `departed: true`, with the localized 「退会したユーザー」 / \"Former member\" as `display_name` (never an empty string).",
            "required": ["id", "display_name", "departed"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "display_name": { "type": "string", "minLength": 1 },
                "departed": { "type": "boolean", "description": "The member has withdrawn (退会); `display_name` is then the localized 「退会したユーザー」." },
            },
        },
        "OrderQuoteRequest": {
            "type": "object",
            "required": ["listing_id"],
            "properties": {
                "listing_id": id,
                "options": { "type": "array", "items": { "type": "integer" }, "description": "Positions of the chosen paid options." },
                "points": { "type": ["integer", "null"], "minimum": 0, "description": "Points to use (1 point = ¥1)." },
                "coupon": { "type": ["string", "null"], "description": "A coupon code." },
            },
        },
        "PlaceOrderRequest": {
            "type": "object",
            "required": ["listing_id", "payment", "purchase_key"],
            "properties": {
                "listing_id": id,
                "options": { "type": "array", "items": { "type": "integer" } },
                "points": { "type": ["integer", "null"], "minimum": 0 },
                "coupon": { "type": ["string", "null"] },
                "payment": schema_ref("PaymentChoice"),
                "request": { "type": "string", "description": "The buyer's request to the seller; the talk room's first message." },
                "purchase_key": { "type": "string", "minLength": 16, "maxLength": 64, "pattern": "^[A-Za-z0-9_-]+$",
                                  "description": "Chosen by the client once per confirmation; repeating it never makes a second order." },
                "expected_total": { "type": ["integer", "null"], "description": "The buyer_total the buyer saw." },
            },
        },
        "PaymentChoice": {
            "oneOf": [
                {
                    "type": "object",
                    "required": ["method", "card_id"],
                    "properties": { "method": { "type": "string", "enum": ["card"] }, "card_id": id },
                },
                {
                    "type": "object",
                    "required": ["method"],
                    "properties": { "method": { "type": "string", "enum": ["deferred"] } },
                },
            ],
            "description": "A registered card (charged now), or deferred payment (後払い) before the payment deadline.",
        },
        "OrderQuote": {
            "type": "object",
            "required": [
                "listing_id", "listing_title", "seller", "options", "subtotal", "buyer_fee", "buyer_fee_rate", "discount",
                "points_balance", "points_used", "coupon", "coupon_discount", "buyer_total", "delivery_days",
                "cancellation_answer_hours", "auto_approval_days", "payment_hours", "send_backs_allowed",
            ],
            "additionalProperties": false,
            "properties": {
                "listing_id": id,
                "listing_title": { "type": "string" },
                "seller": schema_ref("OrderCounterpart"),
                "options": { "type": "array", "items": {
                    "type": "object",
                    "required": ["position", "title", "price", "chosen"],
                    "additionalProperties": false,
                    "properties": {
                        "position": { "type": "integer" },
                        "title": { "type": "string" },
                        "price": yen,
                        "chosen": { "type": "boolean" },
                    },
                }, "description": "Every paid option of the service." },
                "subtotal": { "type": "integer", "description": "Price plus chosen options (yen)." },
                "buyer_fee": { "type": "integer", "description": "サービス利用料 (yen)." },
                "buyer_fee_rate": { "type": "string", "description": "e.g. 5.5%." },
                "discount": { "type": "integer", "description": "Points and coupon together (yen)." },
                "points_balance": { "type": "integer" },
                "points_used": { "type": "integer" },
                "coupon": {
                    "type": ["object", "null"],
                    "required": ["code", "title"],
                    "additionalProperties": false,
                    "properties": { "code": { "type": "string" }, "title": { "type": "string" } },
                },
                "coupon_discount": yen,
                "buyer_total": { "type": "integer", "description": "What the buyer pays (yen)." },
                "delivery_days": { "type": "integer" },
                "cancellation_answer_hours": { "type": "integer", "description": "How long the other side has to answer a cancellation request." },
                "auto_approval_days": { "type": "integer", "description": "Days after a delivery until it is approved automatically." },
                "payment_hours": { "type": "integer", "description": "How long a deferred payment may take." },
                "send_backs_allowed": { "type": "integer", "description": "How often a delivery may be sent back." },
            },
        },
    })
}

/// One order as its parties see it.
fn order_schemas() -> Value {
    let (id, time, nullable_time, yen) = (id(), time(), nullable_time(), yen());
    let outcomes: Vec<&str> = DeliveryOutcome::ALL.iter().map(|o| o.as_str()).collect();
    json!({
        "BuyerAmounts": {
            "type": "object",
            "required": ["subtotal", "buyer_fee", "discount", "points_used", "coupon_discount", "buyer_total", "payment_method"],
            "additionalProperties": false,
            "properties": {
                "subtotal": yen,
                "buyer_fee": yen,
                "discount": yen,
                "points_used": { "type": "integer" },
                "coupon_discount": yen,
                "buyer_total": yen,
                "payment_method": { "type": "string", "enum": ["card", "deferred"] },
            },
            "description": "What the buyer pays.",
        },
        "SellerAmounts": {
            "type": "object",
            "required": ["subtotal", "platform_fee", "seller_share"],
            "additionalProperties": false,
            "properties": {
                "subtotal": yen,
                "platform_fee": { "type": "integer", "description": "販売手数料 (yen)." },
                "seller_share": { "type": "integer", "description": "Credited to the seller on completion (yen)." },
            },
            "description": "What the seller earns.",
        },
        "OrderDelivery": {
            "type": "object",
            "required": ["id", "message_id", "outcome", "send_back_reason", "delivered_at", "auto_approve_at", "decided_at"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "message_id": { "type": "string", "pattern": "^[0-9]+$", "description": "The talk-room entry with the note and files." },
                "outcome": { "type": "string", "enum": outcomes },
                "send_back_reason": { "type": ["string", "null"] },
                "delivered_at": time,
                "auto_approve_at": time,
                "decided_at": nullable_time,
            },
        },
        "OrderCancellation": {
            "type": "object",
            "required": ["id", "requested_by", "mine", "reason", "status", "answer", "deadline_at", "answered_at", "created_at"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "requested_by": { "type": ["string", "null"], "enum": ["buyer", "seller", null] },
                "mine": { "type": "boolean", "description": "The caller asked." },
                "reason": { "type": "string" },
                "status": { "type": "string", "enum": ["open", "agreed", "objected", "withdrawn", "timed_out"] },
                "answer": { "type": ["string", "null"] },
                "deadline_at": { "type": "integer", "format": "int64", "description": "Unix seconds; silence until then is agreement." },
                "answered_at": nullable_time,
                "created_at": time,
            },
        },
        "OrderReview": {
            "type": "object",
            "required": ["author_role", "mine", "rating", "comment", "anonymous", "created_at"],
            "additionalProperties": false,
            "properties": {
                "author_role": schema_ref("OrderRole"),
                "mine": { "type": "boolean" },
                "rating": { "type": "integer", "minimum": 1, "maximum": 5 },
                "comment": { "type": "string" },
                "anonymous": { "type": "boolean", "description": "A buyer's review shown publicly without their name." },
                "created_at": time,
            },
        },
        "OrderAction": {
            "type": "string",
            "enum": [
                "pay", "message", "deliver", "approve", "send_back", "request_cancellation", "answer_cancellation",
                "withdraw_cancellation", "review",
            ],
        },
        "Order": {
            "type": "object",
            "required": [
                "id", "state", "role", "listing_id", "listing_title", "counterpart", "options", "delivery_days", "amounts",
                "request", "send_backs_used", "send_backs_left", "created_at", "payment_due_at", "paid_at", "delivered_at",
                "completed_at", "cancelled_at", "updated_at", "talk_closes_at", "pending_delivery", "deliveries",
                "open_cancellation", "cancellations", "reviews", "actions", "web_url",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "state": schema_ref("OrderState"),
                "role": { "$ref": "#/components/schemas/OrderRole", "description": "The caller's side." },
                "listing_id": id,
                "listing_title": { "type": "string", "description": "As it was when ordered." },
                "counterpart": schema_ref("OrderCounterpart"),
                "options": { "type": "array", "items": {
                    "type": "object",
                    "required": ["position", "title", "price"],
                    "additionalProperties": false,
                    "properties": { "position": { "type": "integer" }, "title": { "type": "string" }, "price": yen },
                }, "description": "The chosen paid options." },
                "delivery_days": { "type": "integer" },
                "amounts": {
                    "oneOf": [schema_ref("BuyerAmounts"), schema_ref("SellerAmounts")],
                    "description": "BuyerAmounts for the buyer, SellerAmounts for the seller.",
                },
                "request": { "type": "string", "description": "The buyer's request at purchase." },
                "send_backs_used": { "type": "integer" },
                "send_backs_left": { "type": "integer" },
                "created_at": time,
                "payment_due_at": nullable_time,
                "paid_at": nullable_time,
                "delivered_at": nullable_time,
                "completed_at": nullable_time,
                "cancelled_at": nullable_time,
                "updated_at": time,
                "talk_closes_at": { "type": "integer", "format": "int64", "description": "Unix seconds; no new messages afterwards." },
                "pending_delivery": {
                    "oneOf": [schema_ref("OrderDelivery"), { "type": "null" }],
                    "description": "The delivery waiting for the buyer; approved automatically at its auto_approve_at.",
                },
                "deliveries": list_of("OrderDelivery"),
                "open_cancellation": {
                    "oneOf": [schema_ref("OrderCancellation"), { "type": "null" }],
                    "description": "The cancellation request waiting for an answer until its deadline_at.",
                },
                "cancellations": list_of("OrderCancellation"),
                "reviews": list_of("OrderReview"),
                "actions": { "type": "array", "items": schema_ref("OrderAction"), "description": "What the caller may do now." },
                "web_url": { "type": "string", "description": "The order's page on the site." },
            },
        },
    })
}

/// Order lists, the talk room, the actions' bodies and points.
fn talk_and_points_schemas() -> Value {
    let (id, time, nullable_time) = (id(), time(), nullable_time());
    let nullable_id =
        json!({ "type": ["string", "null"], "description": "A 63-bit id as a decimal string." });
    json!({
        "OrderLine": {
            "type": "object",
            "required": [
                "id", "state", "role", "listing_id", "listing_title", "counterpart", "amount", "unread", "created_at",
                "updated_at", "payment_due_at", "delivered_at",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "state": schema_ref("OrderState"),
                "role": schema_ref("OrderRole"),
                "listing_id": id,
                "listing_title": { "type": "string" },
                "counterpart": schema_ref("OrderCounterpart"),
                "amount": { "type": "integer", "description": "The buyer's total, or for the seller their share (yen)." },
                "unread": { "type": "integer", "description": "Messages from the other side not yet read." },
                "created_at": time,
                "updated_at": time,
                "payment_due_at": nullable_time,
                "delivered_at": nullable_time,
            },
        },
        "OrderList": {
            "type": "object",
            "required": ["total", "page", "pages", "items"],
            "additionalProperties": false,
            "properties": {
                "total": { "type": "integer" },
                "page": { "type": "integer" },
                "pages": { "type": "integer" },
                "items": list_of("OrderLine"),
            },
        },
        "OrderAttachment": {
            "type": "object",
            "required": ["id", "file_name", "content_type", "size", "url"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "file_name": { "type": "string" },
                "content_type": { "type": "string" },
                "size": { "type": "integer", "description": "Bytes." },
                "url": { "type": "string", "description": "GET /orders/{id}/attachments/{attachment_id}." },
            },
        },
        "OrderMessage": {
            "type": "object",
            "required": ["id", "kind", "author", "mine", "body", "event", "created_at", "attachments", "read_by_other"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "kind": { "type": "string", "enum": ["message", "delivery", "event"] },
                "author": { "type": ["string", "null"], "enum": ["buyer", "seller", null], "description": "Null for events." },
                "mine": { "type": "boolean" },
                "body": { "type": ["string", "null"], "description": "The text; null for events." },
                "event": { "type": ["string", "null"], "description": "For events: a stable id such as order-event-approve." },
                "created_at": time,
                "attachments": list_of("OrderAttachment"),
                "read_by_other": { "type": "boolean", "description": "For the caller's own messages: the other side has read it (既読)." },
            },
        },
        "OrderMessageInput": {
            "type": "object",
            "required": ["body"],
            "properties": { "body": { "type": "string" } },
        },
        "DeliveryInput": {
            "type": "object",
            "required": ["note"],
            "properties": { "note": { "type": "string" } },
        },
        "PayOrderRequest": {
            "type": "object",
            "required": ["card_id"],
            "properties": { "card_id": id },
        },
        "ReasonRequest": {
            "type": "object",
            "required": ["reason"],
            "properties": { "reason": { "type": "string" } },
        },
        "CancellationAnswerRequest": {
            "type": "object",
            "required": ["answer"],
            "properties": {
                "answer": { "type": "string", "enum": ["agree", "object"] },
                "text": { "type": "string", "description": "Required when objecting." },
            },
        },
        "ReviewRequest": {
            "type": "object",
            "required": ["rating", "comment"],
            "properties": {
                "rating": { "type": "integer", "minimum": 1, "maximum": 5 },
                "comment": { "type": "string" },
                "anonymous": { "type": "boolean", "description": "Buyers only: show the review without their name." },
            },
        },
        "PointEntry": {
            "type": "object",
            "required": ["id", "kind", "amount", "order_id", "note", "created_at"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "kind": { "type": "string", "enum": ["grant", "use", "restore", "expire"] },
                "amount": { "type": "integer", "description": "Signed: grants and restorations add, uses and expiries subtract." },
                "order_id": nullable_id,
                "note": { "type": "string" },
                "created_at": time,
            },
        },
        "Points": {
            "type": "object",
            "required": ["balance", "expires_at", "history"],
            "additionalProperties": false,
            "properties": {
                "balance": { "type": "integer" },
                "expires_at": nullable_time,
                "history": list_of("PointEntry"),
            },
        },
    })
}
