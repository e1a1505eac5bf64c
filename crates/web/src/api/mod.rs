//! The JSON API under `/api/v1`, authenticated with personal access tokens
//! (`Authorization: Bearer yzp_…`) and described by `GET /api/v1/openapi.json`.
//!
//! Conventions: JSON in and out, snake_case fields, times as unix seconds, ids as decimal
//! strings (they are 63-bit and would lose precision as JavaScript numbers), errors in one
//! shape (see [`error`]). The API uses no cookies, so CSRF does not apply and the pages'
//! context middleware does not run here.

mod accounts;
mod analytics;
mod auth;
mod disputes;
pub mod error;
mod exports;
mod extract;
mod favorites;
mod follows;
mod hints;
mod identity;
mod listings;
mod member;
mod notification_centre;
mod notifications;
mod offers;
pub mod openapi;
mod order_changes;
mod orders;
mod orders_actions;
mod orders_talk;
mod payouts;
mod points;
mod profile;
mod reports;
mod requests;
mod safety;
mod search;
mod search_results;
mod sessions;
mod share;
mod tips;
mod tokens;
mod two_step;
mod withdrawal;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};

pub use auth::ApiUser;
pub use error::{ApiError, ApiResult};

use crate::state::AppState;

/// Declares every route once: the router is built from this list and [`ROUTES`], which the
/// tests compare with the OpenAPI document, is generated from the same list, so neither can
/// drift from the other.
macro_rules! api_routes {
    ($($method:ident $path:literal => $handler:path,)*) => {
        /// Every API route as (lower-case method, path below `/api/v1`).
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        pub fn routes(state: AppState) -> Router<AppState> {
            Router::new()
                $(.route($path, axum::routing::$method($handler)))*
                // After the routes: it applies to the routes that exist when it is called.
                .method_not_allowed_fallback(error::method_not_allowed)
                .fallback(error::unknown_route)
                // Inside `localise`, so that its refusal is answered in the caller's language.
                .layer(from_fn_with_state(state, crate::input_guard::api))
                .layer(from_fn(error::localise))
        }
    };
}

api_routes! {
    get "/openapi.json" => openapi::document,
    post "/accounts" => accounts::register,
    get "/me" => accounts::me,
    post "/me/email" => accounts::change_email,
    post "/me/password" => accounts::change_password,
    get "/users/{id}/profile" => profile::public_profile,
    put "/me/profile" => profile::update,
    put "/me/avatar" => profile::upload_avatar,
    delete "/me/avatar" => profile::remove_avatar,
    get "/me/sessions" => sessions::list,
    delete "/me/sessions/{id}" => sessions::revoke,
    get "/me/tokens" => tokens::list,
    post "/me/tokens" => tokens::create,
    delete "/me/tokens/{id}" => tokens::revoke,
    get "/me/notifications" => notifications::list,
    put "/me/notifications" => notifications::update,
    get "/me/notification-centre" => notification_centre::list,
    post "/me/notification-centre/read-all" => notification_centre::read_all,
    post "/me/notification-centre/{id}/read" => notification_centre::read,
    get "/me/notification-grid" => notification_centre::grid_of,
    put "/me/notification-grid" => notification_centre::update_grid,
    get "/me/identity" => identity::state,
    post "/me/listings" => listings::create,
    get "/me/listings" => listings::mine,
    get "/listings/{id}" => listings::get,
    get "/listings/{id}/share" => share::kit,
    put "/listings/{id}" => listings::update,
    post "/listings/{id}/status" => listings::set_status,
    post "/listings/{id}/images" => listings::add_image,
    get "/listing-images/{id}" => listings::image,
    get "/listing-images/{id}/thumb" => listings::thumbnail,
    delete "/listing-images/{id}" => listings::remove_image,
    put "/listings/{id}/favorite" => favorites::add,
    delete "/listings/{id}/favorite" => favorites::remove,
    get "/me/favorites" => favorites::list,
    put "/users/{id}/block" => safety::block,
    delete "/users/{id}/block" => safety::unblock,
    get "/me/blocks" => safety::list,
    put "/users/{id}/follow" => follows::follow,
    delete "/users/{id}/follow" => follows::unfollow,
    get "/me/following" => follows::following,
    get "/me/fans" => follows::fans,
    get "/me/invite" => follows::invite,
    get "/search" => search::search,
    get "/categories" => search::categories,
    post "/orders/quote" => orders::quote,
    post "/orders" => orders::place,
    get "/me/orders" => orders::list,
    get "/orders/{id}" => orders::get,
    get "/orders/{id}/messages" => orders_talk::messages,
    post "/orders/{id}/messages" => orders_talk::post_message,
    get "/orders/{id}/attachments/{attachment_id}" => orders_talk::attachment,
    post "/orders/{id}/pay" => orders_actions::pay,
    post "/orders/{id}/delivery" => orders_actions::deliver,
    post "/orders/{id}/approve" => orders_actions::approve,
    post "/orders/{id}/send-back" => orders_actions::send_back,
    post "/orders/{id}/cancellation" => orders_actions::request_cancellation,
    post "/orders/{id}/cancellation/answer" => orders_actions::answer_cancellation,
    post "/orders/{id}/cancellation/withdraw" => orders_actions::withdraw_cancellation,
    post "/orders/{id}/review" => orders_actions::review,
    get "/orders/{id}/dispute" => disputes::show,
    post "/orders/{id}/dispute" => disputes::open,
    post "/orders/{id}/dispute/statements" => disputes::add_statement,
    post "/orders/{id}/dispute/withdraw" => disputes::withdraw,
    get "/orders/{id}/changes" => order_changes::show,
    post "/orders/{id}/additions" => order_changes::propose,
    post "/orders/{id}/additions/{addition_id}/accept" => order_changes::accept,
    post "/orders/{id}/additions/{addition_id}/decline" => order_changes::decline,
    post "/orders/{id}/additions/{addition_id}/withdraw" => order_changes::withdraw_addition,
    post "/orders/{id}/extension" => order_changes::request_extension,
    post "/orders/{id}/extension/answer" => order_changes::answer_extension,
    post "/orders/{id}/extension/withdraw" => order_changes::withdraw_extension,
    post "/orders/{id}/overdue-cancel" => order_changes::cancel_overdue,
    get "/orders/{id}/tips" => tips::list,
    post "/orders/{id}/tips" => tips::send,
    post "/orders/{id}/tips/quote" => tips::quote,
    post "/listings/{id}/consultations" => offers::consult,
    get "/me/consultations" => offers::list,
    get "/consultations/{id}" => offers::get,
    post "/consultations/{id}/messages" => offers::post_message,
    post "/consultations/{id}/offers" => offers::send_offer,
    post "/offers/{id}/decline" => offers::decline,
    post "/offers/{id}/withdraw" => offers::withdraw,
    get "/requests" => requests::list,
    post "/requests" => requests::create,
    get "/requests/{id}" => requests::get,
    post "/requests/{id}/close" => requests::close,
    post "/requests/{id}/proposals" => requests::propose_on,
    post "/requests/{id}/proposals/withdraw" => requests::withdraw_proposal,
    get "/me/requests" => requests::mine,
    get "/me/proposals" => requests::proposed,
    get "/me/points" => points::mine,
    get "/me/sales" => payouts::mine,
    get "/sales/analytics" => analytics::mine,
    get "/sales/analytics/services/{id}" => analytics::service,
    get "/sales/hints" => hints::mine,
    get "/sales/hints/services/{id}" => hints::service,
    get "/sales/categories/{id}" => hints::category,
    get "/me/bank-account" => payouts::bank_account,
    put "/me/bank-account" => payouts::register_bank_account,
    delete "/me/bank-account" => payouts::remove_bank_account,
    post "/me/payout-requests" => payouts::request_payout,
    get "/me/payout-requests" => payouts::payout_requests,
    get "/me/two-step" => two_step::status,
    post "/me/two-step/setup" => two_step::setup,
    post "/me/two-step" => two_step::enable,
    delete "/me/two-step" => two_step::disable,
    get "/me/withdrawal/readiness" => withdrawal::readiness,
    post "/me/withdrawal" => withdrawal::confirm,
    delete "/me/withdrawal" => withdrawal::cancel,
    post "/me/exports" => exports::create,
    get "/me/exports/latest" => exports::latest,
    get "/me/exports/{id}/download" => exports::download,
    post "/reports" => reports::file,
    get "/me/reports" => reports::mine,
}
