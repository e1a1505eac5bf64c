//! Withdrawal (退会): where the caller stands — what blocks closing the account and when each
//! blocker clears by itself, what closing it would forfeit, and what happens to each kind of
//! data. The same readiness check as the withdrawal page.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use yorozu_app::withdrawal::readiness::{self, BlockerLine};
use yorozu_domain::withdrawal::{BlockerKind, DataCategory, Fate};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::state::AppState;

/// One blocker.
#[derive(Debug, Serialize)]
struct Blocker {
    kind: BlockerKind,
    /// The order's or the payout request's id.
    reference: String,
    /// The order's state, or the payout request's status.
    state: String,
    /// The service's title for orders; `None` for a payout request.
    title: Option<String>,
    clears_at: Option<i64>,
}

impl From<BlockerLine> for Blocker {
    fn from(line: BlockerLine) -> Blocker {
        Blocker {
            kind: line.blocker.kind,
            reference: line.blocker.reference.to_string(),
            state: line.blocker.state,
            title: (!line.title.is_empty()).then_some(line.title),
            clears_at: line.blocker.clears_at.map(|t| t.unix()),
        }
    }
}

#[derive(Debug, Serialize)]
struct Forfeits {
    sales_balance: i64,
    points: i64,
}

/// What happens to one kind of data.
#[derive(Debug, Serialize)]
struct DataLine {
    category: DataCategory,
    fate: &'static str,
    /// For data kept for a fixed time; `None` otherwise.
    kept_years: Option<u8>,
}

impl From<DataCategory> for DataLine {
    fn from(category: DataCategory) -> DataLine {
        let (fate, kept_years) = match category.fate() {
            Fate::EndedAtOnce => ("ended_at_once", None),
            Fate::Erased => ("erased", None),
            Fate::Kept { years } => ("kept", years),
            Fate::Forfeited => ("forfeited", None),
            Fate::Released => ("released", None),
        };
        DataLine {
            category,
            fate,
            kept_years,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Readiness {
    ready: bool,
    blockers: Vec<Blocker>,
    clears_by_itself_at: Option<i64>,
    forfeits: Forfeits,
    unpaid_sales_to_cancel: usize,
    data: Vec<DataLine>,
}

/// `GET /me/withdrawal/readiness`.
pub async fn readiness(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Readiness>> {
    let r = readiness::check(&state.app, &user).await?;
    Ok(Json(Readiness {
        ready: r.is_ready(),
        clears_by_itself_at: r.clears_by_itself_at().map(|t| t.unix()),
        forfeits: Forfeits {
            sales_balance: r.forfeits.sales_balance,
            points: r.forfeits.points,
        },
        unpaid_sales_to_cancel: r.unpaid_sales_to_cancel,
        data: r.data.iter().copied().map(DataLine::from).collect(),
        blockers: r.blockers.into_iter().map(Blocker::from).collect(),
    }))
}
