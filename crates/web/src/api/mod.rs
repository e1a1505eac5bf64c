//! The JSON API under `/api/v1`, authenticated with personal access tokens.

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
