//! A request's page: the request, its files, and for its buyer the proposals side by side
//! (price, delivery days, the seller's rating and review count, identity badge, message) with
//! a button to the final confirmation screen of each and the early close; for a seller, their
//! own proposal (withdraw) or the proposal form.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::listings::manage;
use yorozu_app::offers::consultation_path;
use yorozu_app::offers::form::OfferForm;
use yorozu_app::requests::board::{self, ProposalView, RequestView};
use yorozu_app::requests::propose::{self, ProposalForm};
use yorozu_app::requests::{close as closing, request_path};
use yorozu_domain::RequestId;
use yorozu_domain::listings::ListingStatus;

use super::Choice;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{MaybeSignedIn, PathId, PathIds, SignedIn};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

struct ProposalCard {
    seller: String,
    verified: bool,
    title: String,
    included: String,
    message: String,
    facts: Vec<String>,
    state: String,
    accept_href: Option<String>,
    thread_href: String,
}

fn card(ctx: &Ctx, p: &ProposalView) -> ProposalCard {
    let rating = match p.rating_x100 {
        Some(x100) => ctx.tr.ta(
            "request-proposal-rating",
            [
                (
                    "rating",
                    format!("{}.{}", x100 / 100, (x100 % 100) / 10).into(),
                ),
                ("count", p.review_count.into()),
            ],
        ),
        None => ctx.t("request-proposal-no-rating"),
    };
    ProposalCard {
        seller: p
            .seller_name
            .clone()
            .unwrap_or_else(|| ctx.t("orders-unknown-member")),
        verified: p.seller_verified,
        title: p.title.clone(),
        included: p.included.clone(),
        message: p.message.clone(),
        facts: vec![
            ctx.t1("request-proposal-price", "price", p.price),
            ctx.t1("request-proposal-days", "days", p.delivery_days),
            rating,
        ],
        state: ctx.t(&p.state.message_id()),
        accept_href: p.accept_href.clone(),
        thread_href: consultation_path(p.consultation_id),
    }
}

#[derive(Template)]
#[template(path = "request_show.html")]
struct ShowPage<'a> {
    ctx: &'a Ctx,
    id: RequestId,
    title: String,
    state: String,
    open: bool,
    description: String,
    buyer: String,
    facts: Vec<String>,
    files: Vec<(i64, String)>,
    mine: bool,
    proposals: Vec<ProposalCard>,
    own_open: bool,
    can_propose: bool,
    listings: Vec<Choice>,
    message: String,
    offer: OfferForm,
    errors: FormErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    viewer: Option<&CurrentUser>,
    id: RequestId,
    status: StatusCode,
    form: ProposalForm,
    errors: FormErrors,
) -> PageResult {
    let view: RequestView = board::show(&state.app, viewer, id).await?;
    let line = super::request_line(ctx, &view.summary);
    let listings = match viewer {
        Some(user) if view.can_propose => manage::mine(&state.app, user)
            .await?
            .into_iter()
            .filter(|l| l.status == ListingStatus::Published)
            .map(|l| Choice {
                selected: l.id.to_string() == form.listing_id,
                value: l.id.to_string(),
                label: l.title,
            })
            .collect(),
        _ => Vec::new(),
    };
    let open = view.summary.state == yorozu_domain::requests::RequestState::Open;
    page_with_status(
        status,
        &ShowPage {
            ctx,
            id,
            title: view.summary.title.clone(),
            state: line.state,
            open,
            description: view.description.clone(),
            buyer: view
                .buyer_name
                .clone()
                .unwrap_or_else(|| ctx.t("orders-unknown-member")),
            facts: line.facts,
            files: view
                .attachments
                .iter()
                .map(|a| (a.id, a.file_name.clone()))
                .collect(),
            mine: view.mine,
            own_open: !view.mine
                && view
                    .proposals
                    .iter()
                    .any(|p| p.state == yorozu_domain::offers::OfferState::Open),
            proposals: view.proposals.iter().map(|p| card(ctx, p)).collect(),
            can_propose: view.can_propose,
            listings,
            message: form.message,
            offer: form.offer,
            errors,
        },
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(ref user): MaybeSignedIn,
    PathId(id): PathId<RequestId>,
) -> PageResult {
    let errors = FormErrors::new(ctx.tr, &[]);
    let form = ProposalForm {
        offer: OfferForm {
            revisions: "2".into(),
            ..OfferForm::default()
        },
        ..ProposalForm::default()
    };
    render(
        &state,
        &ctx,
        user.as_ref(),
        id,
        StatusCode::OK,
        form,
        errors,
    )
    .await
}

pub(super) async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<RequestId>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let pairs = form.map(|Form(f)| f).unwrap_or_default();
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = ProposalForm {
        listing_id: value("listing_id"),
        message: value("message"),
        offer: crate::pages::offers::show::offer_form(pairs.clone()).0,
    };
    match propose::propose(&state.app, user, id, &form).await {
        Ok(consultation) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(consultation),
            "request-flash-proposed",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, Some(user), id, status, form, errors).await
        }
    }
}

pub(super) async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<RequestId>,
) -> PageResult {
    propose::withdraw(&state.app, user, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        &request_path(id),
        "request-flash-withdrawn",
    ))
}

pub(super) async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<RequestId>,
) -> PageResult {
    closing::close(&state.app, user, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        &request_path(id),
        "request-flash-closed",
    ))
}

pub(super) async fn download(
    State(state): State<AppState>,
    MaybeSignedIn(ref user): MaybeSignedIn,
    PathIds(id, file_id): PathIds<RequestId, i64>,
) -> PageResult {
    let (file, bytes) = board::attachment(&state.app, user.as_ref(), id, file_id).await?;
    Ok(crate::download::attachment(
        &file.file_name,
        &file.content_type,
        bytes,
    ))
}
