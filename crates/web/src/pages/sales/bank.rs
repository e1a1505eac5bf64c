//! The payout account (振込先口座, `/settings/bank`), one of the settings pages: the registered
//! account with the bank and branch names and the holder as transfers carry it, the form that
//! registers or replaces it, and removing it.
//!
//! The bank code field suggests the banks of the bundled table (a `<datalist>`, so any code can
//! still be typed), and the page lists their branch codes. The holder is converted by the use
//! case to the half-width katakana that transfer files need, and the page shows that result
//! after saving so the member can check it.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::payouts::bank::{self, BankAccountView, BankInput};
use yorozu_domain::payouts::bank::{
    ACCOUNT_NUMBER_DIGITS, AccountType, BANK_CODE_DIGITS, BRANCH_CODE_DIGITS, BankCode,
    MAX_ACCOUNT_HOLDER_CHARS,
};
use yorozu_domain::payouts::banks;

use super::{BANK, no_store};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::pages::two_step::reauthenticated;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// The registered account, ready for the template.
struct AccountView {
    bank_name: String,
    bank_code: String,
    branch_name: String,
    branch_code: String,
    kind: String,
    number: String,
    holder: String,
    invalid_reason: Option<String>,
    /// Until when payouts to it wait after the change, for people.
    held_until: Option<String>,
}

/// A bank of the bundled table with its branches, for the datalist and the code list.
struct BankChoice {
    code: &'static str,
    name: &'static str,
    branches: Vec<(&'static str, &'static str)>,
}

/// One 種目 radio button.
struct KindChoice {
    key: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "settings_bank.html")]
struct BankPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    account: Option<AccountView>,
    form: BankForm,
    kinds: Vec<KindChoice>,
    banks: Vec<BankChoice>,
    errors: FormErrors,
    /// Errors of the remove button (shown with the account, not with the form).
    remove_errors: FormErrors,
    /// The session re-authenticated recently: the form is offered (else a link to do so).
    reauth_fresh: bool,
    hold_hours: i64,
    bank_digits: usize,
    branch_digits: usize,
    number_digits: usize,
    holder_max: usize,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct BankForm {
    #[serde(default)]
    bank_code: String,
    #[serde(default)]
    branch_code: String,
    #[serde(default)]
    account_type: String,
    #[serde(default)]
    account_number: String,
    #[serde(default)]
    holder: String,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let form = BankForm {
        account_type: AccountType::Ordinary.key().to_owned(),
        ..BankForm::default()
    };
    render(
        &state,
        &ctx,
        user,
        StatusCode::OK,
        form,
        FormErrors::default(),
        FormErrors::default(),
    )
    .await
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<BankForm>, FormRejection>,
) -> PageResult {
    let proof = match reauthenticated(&state, &ctx, user, BANK).await? {
        Ok(proof) => proof,
        Err(redirect) => return Ok(redirect),
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let input = BankInput {
        bank_code: form.bank_code.clone(),
        branch_code: form.branch_code.clone(),
        account_type: form.account_type.clone(),
        account_number: form.account_number.clone(),
        holder: form.holder.clone(),
    };
    match bank::register(&state.app, user, &proof, &input).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, BANK, "bank-settings-flash-saved")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(
                &state,
                &ctx,
                user,
                status,
                form,
                errors,
                FormErrors::default(),
            )
            .await
        }
    }
}

pub(super) async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    match bank::remove(&state.app, user).await {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            BANK,
            "bank-settings-flash-removed",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let form = BankForm {
                account_type: AccountType::Ordinary.key().to_owned(),
                ..BankForm::default()
            };
            render(
                &state,
                &ctx,
                user,
                status,
                form,
                FormErrors::default(),
                errors,
            )
            .await
        }
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    form: BankForm,
    errors: FormErrors,
    remove_errors: FormErrors,
) -> PageResult {
    let account = bank::view(&state.app, user)
        .await?
        .map(|a| account_view(ctx, a));
    let reauth_fresh = reauthenticated(state, ctx, user, BANK).await?.is_ok();
    let kinds = AccountType::ALL
        .into_iter()
        .map(|t| KindChoice {
            key: t.key(),
            label: ctx.t(&format!("bank-settings-type-{}", t.key())),
            checked: form.account_type == t.key(),
        })
        .collect();
    let banks = banks::banks()
        .map(|b| BankChoice {
            code: b.code,
            name: b.name,
            branches: BankCode::parse(b.code)
                .map(|code| {
                    banks::branches(&code)
                        .iter()
                        .map(|br| (br.code, br.name))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    no_store(page_with_status(
        status,
        &BankPage {
            ctx,
            section: "bank",
            account,
            form,
            kinds,
            banks,
            errors,
            remove_errors,
            reauth_fresh,
            hold_hours: state.app.policy.bank_change_hold_hours,
            bank_digits: BANK_CODE_DIGITS,
            branch_digits: BRANCH_CODE_DIGITS,
            number_digits: ACCOUNT_NUMBER_DIGITS,
            holder_max: MAX_ACCOUNT_HOLDER_CHARS,
        },
    ))
}

fn account_view(ctx: &Ctx, a: BankAccountView) -> AccountView {
    AccountView {
        kind: ctx.t(&format!("bank-settings-type-{}", a.account_type.key())),
        bank_name: a.bank_name,
        bank_code: a.bank_code,
        branch_name: a.branch_name,
        branch_code: a.branch_code,
        number: a.number_masked,
        holder: a.holder,
        invalid_reason: a.invalid_reason,
        held_until: a.held_until.map(|t| ctx.datetime(&t)),
    }
}
