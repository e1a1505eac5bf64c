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
use yorozu_app::offers::{Side, consult, consultation_path};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::ConsultationId;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, PathIds, SignedIn};
use crate::pages::safety::{self, notice::ContactNotice};
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
    id: i64,
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
    /// The contact-details warning of the message form, or of the offer form.
    message_warning: Option<ContactNotice>,
    offer_warning: Option<ContactNotice>,
}

/// What the page shows again after a refused or held-back form.
struct Kept {
    status: StatusCode,
    body: String,
    form: OfferForm,
    errors: FormErrors,
    message_warning: Option<ContactNotice>,
    offer_warning: Option<ContactNotice>,
}

impl Kept {
    fn new(ctx: &Ctx, status: StatusCode, errors: Option<FormErrors>) -> Kept {
        Kept {
            status,
            body: String::new(),
            form: OfferForm {
                expiry_days: "7".into(),
                ..OfferForm::default()
            },
            errors: errors.unwrap_or_else(|| FormErrors::new(ctx.tr, &[])),
            message_warning: None,
            offer_warning: None,
        }
    }
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

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: ConsultationId,
    kept: Kept,
) -> PageResult {
    let v = view::consultation(&state.app, user, id).await?;
    let mine = ctx.t("consultation-mine");
    let theirs = name_or_left(ctx, v.counterpart_name.clone());
    let messages = v
        .messages
        .iter()
        .map(|m| MessageLine {
            id: m.id,
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
        kept.status,
        &ShowPage {
            ctx,
            id,
            heading: ctx.t1("consultation-about", "title", v.listing_title.as_str()),
            with: ctx.t1("consultation-with", "name", theirs),
            seller: v.side == Side::Seller,
            messages,
            offers,
            body: kept.body,
            form: kept.form,
            errors: kept.errors,
            message_warning: kept.message_warning,
            offer_warning: kept.offer_warning,
        },
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ConsultationId>,
) -> PageResult {
    let kept = Kept::new(&ctx, StatusCode::OK, None);
    render(&state, &ctx, user, id, kept).await
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
    let acknowledged = safety::acknowledged(Some(&form.text(safety::ACKNOWLEDGE_FIELD)));
    let result = match form.files {
        Ok(files) => {
            checked::post_consultation_message(&state.app, user, id, &body, files, acknowledged)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(Checked::Done(_)) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(id),
            "consultation-flash-sent",
        )),
        Ok(Checked::Warning(w)) => {
            let mut kept = Kept::new(&ctx, StatusCode::OK, None);
            kept.message_warning = Some(ContactNotice::new(&ctx, &w, "message-body"));
            kept.body = body;
            render(&state, &ctx, user, id, kept).await
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let mut kept = Kept::new(&ctx, status, Some(errors));
            kept.body = body;
            render(&state, &ctx, user, id, kept).await
        }
    }
}

/// The offer form as posted (repeated option rows come as pairs with the same name), and
/// whether the writer acknowledged a contact-details warning.
pub(crate) fn offer_form(pairs: Vec<(String, String)>) -> (OfferForm, bool) {
    let mut form = OfferForm::default();
    let mut acknowledged = false;
    for (name, value) in pairs {
        match name.as_str() {
            safety::ACKNOWLEDGE_FIELD => acknowledged = safety::acknowledged(Some(&value)),
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
    (form, acknowledged)
}

pub(super) async fn send_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ConsultationId>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let (form, acknowledged) = offer_form(form.map(|Form(f)| f).unwrap_or_default());
    match checked::send_offer(&state.app, user, id, &form, acknowledged).await {
        Ok(Checked::Done(_)) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(id),
            "offer-flash-sent",
        )),
        Ok(Checked::Warning(w)) => {
            let mut kept = Kept::new(&ctx, StatusCode::OK, None);
            kept.offer_warning = Some(ContactNotice::new(&ctx, &w, "offer-title"));
            kept.form = form;
            render(&state, &ctx, user, id, kept).await
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let mut kept = Kept::new(&ctx, status, Some(errors));
            kept.form = form;
            render(&state, &ctx, user, id, kept).await
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
