//! Quote consultations (見積り相談) and custom offers (カスタム提案) on the pages: asking from a
//! service page, the member's list, the thread with its messages, files and offer versions,
//! and the seller's offer form. Accepting an offer is the final confirmation screen
//! (`/orders/new?listing=…&offer=…`); declining and withdrawing are plain POST forms. Every
//! form works without JavaScript; forms with files are multipart with the CSRF token in the
//! action URL, as in the talk room.

mod ask;
mod decide;
pub(crate) mod show;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/consultations", get(show::list))
        .route("/consultations/{id}", get(show::show))
        .route("/consultations/{id}/messages", post(show::message))
        .route("/consultations/{id}/offers", post(show::send_offer))
        .route("/consultations/{id}/files/{file_id}", get(show::download))
        .route("/services/{id}/consult", get(ask::form).post(ask::send))
        .route("/offers/{id}/decline", post(decide::decline))
        .route("/offers/{id}/withdraw", post(decide::withdraw))
}
