//! Confirming a withdrawal from the page (`POST /settings/withdrawal`), and cancelling a
//! scheduled one (`POST /settings/withdrawal/cancel`).
//!
//! The form sends the reasons, the comment, the password, each acknowledged amount as the
//! value of its checkbox, the erasure choice, and `when`: `now` from the 「退会する」 button
//! (shown when nothing blocks) or `when_ready` from 「退会を予約する」. A `now` that meets a
//! blocker which appeared meanwhile is refused rather than quietly scheduled.

use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::response::IntoResponse;
use yorozu_app::withdrawal::confirm::{self, Confirmation, Outcome, When};
use yorozu_app::withdrawal::{hints, schedule};
use yorozu_domain::withdrawal::ReasonChoice;

use super::readiness::{Entered, render};
use super::{PATH, done};
use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::redirect_with_flash;
use crate::state::AppState;

/// The form as sent: repeated `reasons` fields, so it is read as pairs.
struct Submitted {
    entered: Entered,
    password: String,
    /// With two-step sign-in on, its code (or a recovery code).
    totp_code: String,
    when: When,
}

impl Submitted {
    fn from_pairs(pairs: Vec<(String, String)>) -> Submitted {
        let mut entered = Entered::default();
        let mut password = String::new();
        let mut totp_code = String::new();
        let mut when = When::Now;
        // An amount that does not parse was not acknowledged; the use case then says so.
        let amount = |v: &str| v.trim().parse::<i64>().unwrap_or(0);
        for (name, value) in pairs {
            match name.as_str() {
                "reasons" => entered.reasons.push(value),
                "comment" => entered.comment = value,
                "password" => password = value,
                "totp_code" => totp_code = value,
                "acknowledge_sales" => entered.acknowledged.sales_balance = amount(&value),
                "acknowledge_points" => entered.acknowledged.points = amount(&value),
                "erasure" => entered.erase_now = value == "now",
                "when" if value == "when_ready" => when = When::WhenReady,
                _ => {}
            }
        }
        Submitted {
            entered,
            password,
            totp_code,
            when,
        }
    }

    fn confirmation(&self) -> Confirmation {
        Confirmation {
            password: self.password.clone(),
            reasons: self.entered.reasons.clone(),
            comment: self.entered.comment.clone(),
            acknowledged: self.entered.acknowledged,
            erase_now: self.entered.erase_now,
        }
    }
}

pub(super) async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let submitted = Submitted::from_pairs(form.map(|Form(f)| f).unwrap_or_default());
    // 「売れない」 ticked: the hints panel was in view when the member sent the form (before
    // the confirmation, which may close and soon purge the account).
    if submitted
        .entered
        .reasons
        .iter()
        .any(|r| r == ReasonChoice::CannotSell.key())
        && let Err(e) = hints::record_seen(&state.app, user).await
    {
        // Counting must never hold a withdrawal back.
        tracing::warn!(error = %e, "could not record that the hints were seen");
    }
    // The password field re-authenticates; with two-step sign-in on, the code as well.
    let code =
        yorozu_app::accounts::two_step::require_code(&state.app, user.id, &submitted.totp_code);
    let result = match code.await {
        Ok(()) => {
            confirm::withdraw(&state.app, user, &submitted.confirmation(), submitted.when).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(Outcome::Closed(closed)) => {
            // The closing revoked every session; the browser forgets its cookie too.
            let mut response = done::redirect(&state, &closed);
            push_cookie(
                response.headers_mut(),
                &cookies::clear(cookies::SESSION, ctx.secure),
            );
            Ok(response)
        }
        Ok(Outcome::Scheduled { .. }) => Ok(redirect_with_flash(
            &ctx,
            PATH,
            "withdrawal-flash-scheduled",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, status, submitted.entered, errors).await
        }
    }
}

/// `POST /settings/withdrawal/hints-seen`: the hints panel became visible (the page's script
/// posts when 「売れない」 is ticked; without JavaScript the hints are recorded as seen when the
/// form is sent with 「売れない」). Records the member as having seen the hints and answers with
/// nothing. Only a POST, so that another site cannot record it for a signed-in member.
pub(super) async fn hints_seen(
    State(state): State<AppState>,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    hints::record_seen(&state.app, user).await?;
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    match schedule::cancel(&state.app, user).await {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            PATH,
            "withdrawal-flash-schedule-cancelled",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, status, Entered::default(), errors).await
        }
    }
}
