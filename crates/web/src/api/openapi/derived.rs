//! The document derived from the handlers and their request and response types with utoipa.

use serde_json::{Value, json};
use utoipa::OpenApi;

use super::conventions::Conventions;
use super::optional_bodies::OptionalBodies;
use super::order_fields;
use super::responses::{
    BadRequest, Conflict, Forbidden, Internal, NotFound, PayloadTooLarge, TooManyRequests,
    Unauthenticated, UnsupportedMediaType, ValidationFailed,
};
use crate::api::{
    accounts, disputes, error, exports, favorites, identity, listings, notification_centre,
    notifications, offers, order_changes, orders, orders_actions, orders_talk, payouts, points,
    profile, reports, requests, safety, search, search_results, sessions, tips, tokens, two_step,
    withdrawal,
};

/// The API's description: how to authenticate, the shapes every body shares.
const DESCRIPTION: &str = "The JSON API of Yorozu (よろず), a skill-sharing marketplace.\n\n\
Authenticate with a personal access token: `Authorization: Bearer yzp_…`. The API uses no \
cookies. Request and response bodies are JSON with snake_case fields; times are unix seconds; \
ids are decimal strings (they are 63-bit integers, beyond JavaScript's safe range).\n\n\
Every error has the same body: `{\"error\": {\"code\", \"message\", \"fields\"}}`. `code` is \
stable and meant for programs; `message` is for people, in the language of `Accept-Language` \
(Japanese by default, English available). Validation errors (422) list each invalid field with \
its own code and message.";

/// Operations are tagged with the module of their handler (`sessions::list` is in
/// `sessions`), unless the handler names another tag.
#[derive(OpenApi)]
#[openapi(
    info(title = "Yorozu API", version = "1", description = DESCRIPTION),
    servers((url = "/api/v1")),
    security(("bearerAuth" = [])),
    tags(
        (name = "accounts", description = "Registration and the caller's own account."),
        (name = "profile", description = "Public profiles, and editing one's own."),
        (name = "sessions", description = "Signed-in browser sessions."),
        (name = "tokens", description = "Personal access tokens for this API."),
        (name = "notifications", description = "Which mail the member receives; the notification centre (お知らせ) and its settings grid."),
        (name = "identity", description = "Identity verification (本人確認)."),
        (name = "listings", description = "Services (出品): drafts, publishing, images; reading one."),
        (name = "search", description = "Finding published services, and the category tree."),
        (name = "favorites", description = "Favourite services (お気に入り)."),
        (name = "blocks", description = "Blocking members (ブロック)."),
        (name = "orders", description = "Orders (取引): the confirmation screen, purchase, talk room, delivery, cancellation, reviews."),
        (name = "points", description = "Points (ポイント)."),
        (name = "payouts", description = "Sales balance, bank account and payout requests (売上金・振込申請)."),
        (name = "withdrawal", description = "Closing the account (退会): where the caller stands, closing or scheduling it, cancelling a schedule."),
        (name = "exports", description = "Downloading the caller's data (データのダウンロード): asking for an archive, following it, downloading it."),
        (name = "reports", description = "Reports (通報) of services, profiles, messages and reviews, and their outcome."),
        (name = "offers", description = "Quote consultations (見積り相談) and custom offers (カスタム提案); an offer is bought through the orders' quote and purchase with its offer_id."),
        (name = "requests", description = "The request board (公開依頼) and proposals (提案); a proposal is an offer, bought through the orders' quote and purchase with its offer_id."),
        (name = "meta", description = "This document."),
    ),
    paths(
        super::document,
        accounts::register,
        accounts::me,
        accounts::change_email,
        accounts::change_password,
        profile::public_profile,
        profile::update,
        profile::upload_avatar,
        profile::remove_avatar,
        sessions::list,
        sessions::revoke,
        tokens::list,
        tokens::create,
        tokens::revoke,
        notifications::list,
        notifications::update,
        notification_centre::list,
        notification_centre::read,
        notification_centre::read_all,
        notification_centre::grid_of,
        notification_centre::update_grid,
        two_step::status,
        two_step::setup,
        two_step::enable,
        two_step::disable,
        orders::quote,
        orders::place,
        orders::list,
        orders::get,
        orders_talk::messages,
        orders_talk::post_message,
        orders_talk::attachment,
        orders_actions::pay,
        orders_actions::deliver,
        orders_actions::approve,
        orders_actions::send_back,
        orders_actions::request_cancellation,
        orders_actions::answer_cancellation,
        orders_actions::withdraw_cancellation,
        orders_actions::review,
        disputes::show,
        disputes::open,
        disputes::add_statement,
        disputes::withdraw,
        order_changes::show,
        order_changes::propose,
        order_changes::accept,
        order_changes::decline,
        order_changes::withdraw_addition,
        order_changes::request_extension,
        order_changes::answer_extension,
        order_changes::withdraw_extension,
        order_changes::cancel_overdue,
        tips::list,
        tips::send,
        tips::quote,
        offers::consult,
        offers::list,
        offers::get,
        offers::post_message,
        offers::send_offer,
        offers::decline,
        offers::withdraw,
        requests::list,
        requests::create,
        requests::get,
        requests::close,
        requests::propose_on,
        requests::withdraw_proposal,
        requests::mine,
        requests::proposed,
        identity::state,
        listings::create,
        listings::mine,
        listings::get,
        listings::update,
        listings::set_status,
        listings::add_image,
        listings::image,
        listings::thumbnail,
        listings::remove_image,
        favorites::add,
        favorites::remove,
        favorites::list,
        safety::block,
        safety::unblock,
        safety::list,
        search::search,
        search::categories,
        points::mine,
        exports::create,
        exports::latest,
        exports::download,
        payouts::mine,
        payouts::bank_account,
        payouts::register_bank_account,
        payouts::remove_bank_account,
        payouts::request_payout,
        payouts::payout_requests,
        withdrawal::readiness,
        withdrawal::confirm,
        withdrawal::cancel,
        reports::file,
        reports::mine,
    ),
    components(
        schemas(
            error::Envelope,
            reports::ReportBody,
            reports::ReportRequest,
            safety::ContactFinding,
            safety::BlockedMember,
            accounts::RegisterRequest,
            accounts::SignUpAccepted,
            accounts::Me,
            accounts::ChangeEmailRequest,
            accounts::ChangePasswordRequest,
            profile::Profile,
            profile::ProfileInput,
            sessions::Session,
            tokens::Token,
            notifications::NotificationSetting,
            notifications::UpdateRequest,
            notification_centre::NotificationBody,
            notification_centre::NotificationPage,
            notification_centre::Opened,
            notification_centre::MarkedRead,
            notification_centre::Grid,
            notification_centre::GridRow,
            notification_centre::GridCell,
            notification_centre::GridUpdate,
            two_step::StatusAnswer,
            two_step::SetupAnswer,
            two_step::CodeInput,
            two_step::RecoveryCodes,
            orders::QuoteRequest,
            orders::PlaceRequest,
            orders::QuoteBody,
            orders::OrderBody,
            orders::PlacedBody,
            orders::PlacedLinks,
            orders::OrderList,
            orders_actions::PayRequest,
            orders_actions::ReasonRequest,
            orders_actions::AnswerRequest,
            orders_actions::ReviewRequest,
            disputes::DisputeBody,
            disputes::DisputeRecord,
            disputes::StatementBody,
            disputes::OpenRequest,
            disputes::StatementRequest,
            order_changes::ChangesBody,
            order_changes::AdditionBody,
            order_changes::ExtensionBody,
            order_changes::ActionsBody,
            order_changes::ProposeRequest,
            order_changes::AcceptRequest,
            order_changes::DeclineRequest,
            order_changes::ExtensionRequest,
            order_changes::ExtensionAnswerRequest,
            order_changes::OverdueCancelRequest,
            tips::QuoteRequest,
            tips::SendRequest,
            tips::QuoteBody,
            tips::SentBody,
            tips::TipBody,
            tips::TipsBody,
            offers::ConsultationBody,
            offers::MessageBody,
            offers::AttachmentBody,
            offers::OfferBody,
            offers::OptionBody,
            offers::LineBody,
            offers::ListBody,
            offers::MessageRequest,
            offers::OfferRequest,
            offers::DeclineRequest,
            requests::LineBody,
            requests::BoardBody,
            requests::ProposalBody,
            requests::AttachmentBody,
            requests::RequestBody,
            requests::MineBody,
            requests::ProposedBody,
            requests::ProposedListBody,
            requests::RequestInput,
            requests::ProposalInput,
            orders_talk::Message,
            order_fields::MessageInput,
            order_fields::DeliveryInput,
            identity::StateBody,
            listings::ListingInput,
            listings::Listing,
            listings::OwnListing,
            listings::StatusRequest,
            listings::StatusBody,
            listings::CreatedImage,
            search::CategoryBody,
            search::Card,
            search_results::SearchResults,
            search_results::CategoryCount,
            search_results::TitleSegment,
            points::Points,
            points::PointEntry,
            exports::Export,
            payouts::Sales,
            payouts::PayoutRequest,
            payouts::BankAccount,
            payouts::BankAccountInput,
            payouts::PayoutRequestInput,
            withdrawal::Readiness,
            withdrawal::ConfirmRequest,
            crate::pages::export::public_key::ReviewsPublicKey,
        ),
        responses(
            BadRequest,
            Unauthenticated,
            Forbidden,
            TooManyRequests,
            NotFound,
            Conflict,
            PayloadTooLarge,
            UnsupportedMediaType,
            ValidationFailed,
            Internal,
            safety::ValidationOrContactDetails,
        ),
    ),
    modifiers(&Conventions, &OptionalBodies),
)]
struct Derived;

/// The derived document as JSON. Derived objects are closed: a request object takes only the
/// properties it documents (the server refuses others), a response object holds only those.
pub fn document() -> Value {
    // Serializing a tree of maps, strings and numbers cannot fail.
    let mut doc =
        serde_json::to_value(Derived::openapi()).expect("the derived document is plain JSON");
    if let Some(schemas) = doc.pointer_mut("/components/schemas") {
        close_objects(schemas);
    }
    doc
}

/// Every object schema in `schema` takes no property it does not list.
fn close_objects(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let is_object = map.get("type").and_then(Value::as_str) == Some("object")
                || map.contains_key("properties");
            if is_object && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), json!(false));
            }
            for value in map.values_mut() {
                close_objects(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}
