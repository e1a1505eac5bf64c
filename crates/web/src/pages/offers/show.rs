//! The member's consultations and one consultation: messages (with files), every offer
//! version with what changed, and the forms each side may use.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::offers::form::OfferForm;
use yorozu_app::offers::view::{self, ConsultationView, OfferView};
use yorozu_app::offers::{Side, consult, consultation_path, send};
use yorozu_domain::ConsultationId;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, PathIds, SignedIn};
use crate::render::{page, page_with_status, redirect_with_flash};
use crate::state::AppState;
use crate::upload::read_files;

struct Line {
    href: String,
    title: String,
    side: String,
    with: String,
    updated: String,
}

#[derive(Template)]
#[template(path = "consultations_list.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    lines: Vec<Line>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let lines = view::list(&state.app, user)
        .await?
        .into_iter()
        .map(|l| Line {
            href: consultation_path(l.id),
            title: l.listing_title,
            side: ctx.t(match l.side {
                Side::Buyer => "consultations-as-buyer",
                Side::Seller => "consultations-as-seller",
            }),
            with: name_or_left(&ctx, l.counterpart_name),
            updated: ctx.datetime(&l.updated_at),
        })
        .collect();
    page(&ListPage { ctx: &ctx, lines })
}

fn name_or_left(ctx: &Ctx, name: Option<String>) -> String {
    name.unwrap_or_else(|| ctx.t("orders-unknown-member"))
}

struct MessageLine {
    mine: bool,
    who: String,
    body: String,
    at: String,
    files: Vec<(String, String)>,
}

struct OfferCard {
    id: i64,
    heading: String,
    state: String,
    open: bool,
    title: String,
    included: String,
    facts: Vec<String>,
    changed: Option<String>,
    reason: Option<String>,
    accept_href: String,
    order_href: Option<String>,
}

#[derive(Template)]
#[template(path = "consultation_show.html")]
struct ShowPage<'a> {
    ctx: &'a Ctx,
    id: ConsultationId,
    heading: String,
    with: String,
    seller: bool,
    messages: Vec<MessageLine>,
    offers: Vec<OfferCard>,
    body: String,
    form: OfferForm,
    errors: FormErrors,
}

fn offer_card(ctx: &Ctx, v: &ConsultationView, o: &OfferView) -> OfferCard {
    let mut facts = vec![
        ctx.t1("offer-price", "price", o.price),
        ctx.t1("offer-delivery-days", "days", o.delivery_days),
        match o.revisions {
            Some(n) => ctx.t1("offer-revisions", "count", i64::from(n)),
            None => ctx.t("offer-revisions-unlimited"),
        },
    ];
    for (title, price) in &o.options {
        facts.push(ctx.tr.ta(
            "offer-option",
            [("title", title.as_str().into()), ("price", (*price).into())],
        ));
    }
    facts.push(ctx.t1("offer-expires", "at", ctx.datetime(&o.expires_at)));
    let changed = (!o.changes.is_empty()).then(|| {
        let names: Vec<String> = o.changes.iter().map(|f| ctx.t(f.message_id())).collect();
        ctx.t1("offer-changed", "fields", names.join("、"))
    });
    OfferCard {
        id: o.id.get(),
        heading: ctx.t1("offer-version", "version", o.version),
        state: ctx.t(&o.state.message_id()),
        open: o.can_accept(),
        title: o.title.clone(),
        included: o.included.clone(),
        facts,
        changed,
        reason: o
            .decline_reason
            .as_ref()
            .map(|r| ctx.t1("offer-decline-reason", "reason", r.as_str())),
        accept_href: format!("/orders/new?listing={}&offer={}", v.listing_id, o.id),
        order_href: o.order_id.map(yorozu_app::orders::order_path),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page again with what each of its two forms kept, as the order page does"
)]
async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: ConsultationId,
    status: StatusCode,
    body: String,
    form: OfferForm,
    errors: FormErrors,
) -> PageResult {
    let v = view::consultation(&state.app, user, id).await?;
    let mine = ctx.t("consultation-mine");
    let theirs = name_or_left(ctx, v.counterpart_name.clone());
    let messages = v
        .messages
        .iter()
        .map(|m| MessageLine {
            mine: m.mine,
            who: if m.mine { mine.clone() } else { theirs.clone() },
            body: m.body.clone(),
            at: ctx.datetime(&m.created_at),
            files: m
                .attachments
                .iter()
                .map(|a| {
                    (
                        format!("/consultations/{id}/files/{}", a.id),
                        a.file_name.clone(),
                    )
                })
                .collect(),
        })
        .collect();
    // Newest version first: the one that can be bought is on top.
    let offers = v
        .offers
        .iter()
        .rev()
        .map(|o| offer_card(ctx, &v, o))
        .collect();
    page_with_status(
        status,
        &ShowPage {
            ctx,
            id,
            heading: ctx.t1("consultation-about", "title", v.listing_title.as_str()),
            with: ctx.t1("consultation-with", "name", theirs),
            seller: v.side == Side::Seller,
            messages,
            offers,
            body,
            form,
            errors,
        },
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ConsultationId>,
) -> PageResult {
    let errors = FormErrors::new(ctx.tr, &[]);
    let form = OfferForm {
        expiry_days: "7".into(),
        ..OfferForm::default()
    };
    render(
        &state,
        &ctx,
        user,
        id,
        StatusCode::OK,
        String::new(),
        form,
        errors,
    )
    .await
}

pub(super) async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ConsultationId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let form = read_files(
        multipart,
        "files",
        state.web.max_body_bytes,
        "orders-files-too-large",
    )
    .await;
    let body = form.text("body");
    let result = match form.files {
        Ok(files) => consult::post_message(&state.app, user, id, &body, files).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(id),
            "consultation-flash-sent",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let form = OfferForm::default();
            render(&state, &ctx, user, id, status, body, form, errors).await
        }
    }
}

/// The offer form as posted: repeated option rows come as pairs with the same name.
pub(crate) fn offer_form(pairs: Vec<(String, String)>) -> OfferForm {
    let mut form = OfferForm::default();
    for (name, value) in pairs {
        match name.as_str() {
            "title" => form.title = value,
            "included" => form.included = value,
            "price" => form.price = value,
            "delivery_days" => form.delivery_days = value,
            "revisions" => form.revisions = value,
            "option_title" => form.option_titles.push(value),
            "option_price" => form.option_prices.push(value),
            "expiry_days" => form.expiry_days = value,
            _ => {}
        }
    }
    form
}

pub(super) async fn send_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ConsultationId>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let form = offer_form(form.map(|Form(f)| f).unwrap_or_default());
    match send::send(&state.app, user, id, &form).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(id),
            "offer-flash-sent",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, id, status, String::new(), form, errors).await
        }
    }
}

pub(super) async fn download(
    State(state): State<AppState>,
    _ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathIds(id, file_id): PathIds<ConsultationId, i64>,
) -> PageResult {
    let (file, bytes) = consult::attachment(&state.app, user, id, file_id).await?;
    Ok(crate::download::attachment(
        &file.file_name,
        &file.content_type,
        bytes,
    ))
}
