//! The page after the account is closed (`GET /withdrawal/done?r=…`): the account is closed,
//! when the data will be erased (or that erasure has started), that signing in before then
//! undoes it, and the erasure receipt.
//!
//! The member is signed out by the time the browser follows the redirect, so the page cannot
//! look them up, and it must not: its link carries only the erasure time and whether the
//! member chose to erase at once, signed so that nobody can make the page say otherwise. No
//! id, address or amount is in the URL.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::withdrawal::close::Closed;
use yorozu_app::withdrawal::receipt::{DataLine, data_lines};

use super::DONE;
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::render::page;
use crate::state::AppState;

/// The signer's purpose for the page's link.
const PURPOSE: &str = "withdrawal-done";

/// What the link says: when the purge runs, and whether it started at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Erasure {
    purge_at: i64,
    now: bool,
}

impl Erasure {
    fn encode(self) -> String {
        format!("{}:{}", self.purge_at, u8::from(self.now))
    }

    fn decode(value: &str) -> Option<Erasure> {
        let (at, now) = value.split_once(':')?;
        Some(Erasure {
            purge_at: at.parse().ok()?,
            now: match now {
                "1" => true,
                "0" => false,
                _ => return None,
            },
        })
    }
}

/// The 303 to the page for `closed`.
pub(super) fn redirect(state: &AppState, closed: &Closed) -> Response {
    let erasure = Erasure {
        purge_at: closed.purge_at,
        now: closed.purge_at <= state.app.now(),
    };
    let signed = state.app.signer.sign(PURPOSE, &erasure.encode());
    Redirect::to(&format!("{DONE}?r={}", urlencoding::encode(&signed))).into_response()
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct DoneQuery {
    #[serde(default)]
    r: String,
}

#[derive(Template)]
#[template(path = "withdrawal_done.html")]
struct DonePage<'a> {
    ctx: &'a Ctx,
    /// 「あなたのデータは…に削除します。」, or that erasure has started.
    erasure: String,
    /// Whether signing in can still undo the closure (a grace period was kept).
    can_undo: bool,
    receipt: Vec<DataLine>,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> PageResult {
    let signed = query.map(|Query(q)| q.r).unwrap_or_default();
    let erasure = state
        .app
        .signer
        .verify(PURPOSE, &signed)
        .and_then(Erasure::decode)
        .ok_or(PageError(AppError::NotFound))?;
    page(&DonePage {
        ctx: &ctx,
        erasure: if erasure.now {
            ctx.t("withdrawal-done-purge-now")
        } else {
            ctx.t1(
                "withdrawal-done-purge-at",
                "date",
                ctx.datetime(&erasure.purge_at),
            )
        },
        can_undo: !erasure.now,
        receipt: data_lines(ctx.locale()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_value_round_trips_and_rejects_anything_else() {
        for erasure in [
            Erasure {
                purge_at: 1_751_209_600,
                now: false,
            },
            Erasure {
                purge_at: 1_750_000_000,
                now: true,
            },
        ] {
            assert_eq!(Erasure::decode(&erasure.encode()), Some(erasure));
        }
        for bad in ["", "1750000000", "1750000000:2", "x:0", ":1"] {
            assert_eq!(Erasure::decode(bad), None, "{bad}");
        }
    }
}
