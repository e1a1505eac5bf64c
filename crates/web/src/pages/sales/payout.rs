//! Requesting a payout (振込申請, `/sales/payout`): the confirmation screen with the amounts,
//! the transfer date and the account (masked), and the request itself. A request that cannot
//! be made is shown with its reason and no button; the use case decides again on POST.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::payouts::bank::BankAccountView;
use yorozu_app::payouts::{bank, request as payout_request, sales};

use super::{
    Blocker, BlockerView, SALES, date_label, fee_rule_text, no_store, payout_outlook, yen,
};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::pages::two_step::reauthenticated;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// The amounts of the payout the button would request.
struct Amounts {
    gross: String,
    fee: String,
    net: String,
}

/// The registered account, as far as the confirmation shows it.
struct AccountLine {
    bank: String,
    kind: String,
    number: String,
    holder: String,
}

#[derive(Template)]
#[template(path = "sales_payout.html")]
struct ConfirmPage<'a> {
    ctx: &'a Ctx,
    amounts: Option<Amounts>,
    transfer_date: String,
    fee_rule: String,
    account: Option<AccountLine>,
    blocker: Option<BlockerView>,
    errors: FormErrors,
    /// The session re-authenticated recently: the button is offered (else a link to do so).
    reauth_fresh: bool,
}

pub(super) async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    render(&state, &ctx, user, StatusCode::OK, FormErrors::default()).await
}

pub(super) async fn request(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let proof = match reauthenticated(&state, &ctx, user, "/sales/payout").await? {
        Ok(proof) => proof,
        Err(redirect) => return Ok(redirect),
    };
    match payout_request::request(&state.app, user, &proof).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, SALES, "sales-flash-requested")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, status, errors).await
        }
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
) -> PageResult {
    let data = sales::page(&state.app, user).await?;
    let account = bank::view(&state.app, user).await?;
    let rule = state.app.policy.transfer_fee;
    let hold_hours = state.app.policy.bank_change_hold_hours;
    let outlook = payout_outlook(&data, account.as_ref(), rule, hold_hours);
    let reauth_fresh = reauthenticated(state, ctx, user, "/sales/payout")
        .await?
        .is_ok();
    // A request that is not possible is a conflict even before it is sent, so that the page
    // says so to clients that only look at the status.
    let status = match (&outlook, status) {
        (Err(Blocker::Refused(_)), StatusCode::OK) => StatusCode::UNPROCESSABLE_ENTITY,
        (Err(_), StatusCode::OK) => StatusCode::CONFLICT,
        (_, s) => s,
    };
    let blocker = outlook.as_ref().err().map(|b| BlockerView::new(ctx, b));
    no_store(page_with_status(
        status,
        &ConfirmPage {
            ctx,
            amounts: outlook.ok().map(|a| Amounts {
                gross: yen(ctx, a.gross),
                fee: yen(ctx, a.fee),
                net: yen(ctx, a.net),
            }),
            transfer_date: date_label(ctx, data.next_transfer_date),
            fee_rule: fee_rule_text(ctx, rule),
            account: account.map(|a| account_line(ctx, a)),
            blocker,
            errors,
            reauth_fresh,
        },
    ))
}

fn account_line(ctx: &Ctx, a: BankAccountView) -> AccountLine {
    AccountLine {
        bank: ctx.tr.ta(
            "bank-settings-bank-branch",
            [
                ("bank", a.bank_name.into()),
                ("branch", a.branch_name.into()),
            ],
        ),
        kind: ctx.t(&format!("bank-settings-type-{}", a.account_type.key())),
        number: a.number_masked,
        holder: a.holder,
    }
}
