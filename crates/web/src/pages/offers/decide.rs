//! The buyer declines an offer (optional reason); the seller withdraws one. Both go back to
//! the consultation with a notice, or show the refusal as an error page.

use axum::Form;
use axum::extract::State;
use serde::Deserialize;
use yorozu_app::offers::{consultation_path, decide};
use yorozu_domain::{ConsultationId, OfferId};

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::redirect_with_flash;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub(super) struct DeclineForm {
    #[serde(default)]
    reason: String,
    consultation: i64,
}

pub(super) async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OfferId>,
    Form(form): Form<DeclineForm>,
) -> PageResult {
    decide::decline(&state.app, user, id, &form.reason).await?;
    let back = consultation_path(ConsultationId::new(form.consultation));
    Ok(redirect_with_flash(&ctx, &back, "offer-flash-declined"))
}

#[derive(Debug, Deserialize)]
pub(super) struct WithdrawForm {
    consultation: i64,
}

pub(super) async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OfferId>,
    Form(form): Form<WithdrawForm>,
) -> PageResult {
    decide::withdraw(&state.app, user, id).await?;
    let back = consultation_path(ConsultationId::new(form.consultation));
    Ok(redirect_with_flash(&ctx, &back, "offer-flash-withdrawn"))
}
