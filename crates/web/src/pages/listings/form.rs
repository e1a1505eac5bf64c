//! Creating and editing a service (/listings/new, /listings/{id}/edit): one form for the
//! content, with repeated rows for paid options (追加オプション) and the FAQ. 「行を追加」
//! re-renders the form with one more blank row without saving, so it works without
//! JavaScript. The edit page also shows the images and the status actions.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::manage::Action;
use yorozu_app::listings::view::{self, ImageView, ListingView};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::ListingId;
use yorozu_domain::RowInput;
use yorozu_domain::listings::categories;
use yorozu_domain::listings::{
    ListingStatus, MAX_BUYER_NOTES_CHARS, MAX_DELIVERY_DAYS, MAX_FAQ_ANSWER_CHARS, MAX_FAQ_ENTRIES,
    MAX_FAQ_QUESTION_CHARS, MAX_LISTING_DESCRIPTION_CHARS, MAX_LISTING_TITLE_CHARS,
    MAX_PAID_OPTION_TITLE_CHARS, MAX_PAID_OPTIONS, MAX_REVISIONS, MIN_DELIVERY_DAYS,
};
use yorozu_i18n::Arg;

use super::{form_pairs, status_label_key};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::pages::safety::{self, notice::ContactNotice};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// Blank option and FAQ rows shown below the filled ones when the form is first opened.
const BLANK_ROWS: usize = 3;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/listings/new", get(new_form).post(create))
        .route("/listings/{id}/edit", get(edit_form).post(update))
}

/// Which submit button sent the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Submit {
    Save,
    AddOption,
    AddFaq,
}

/// The form fields and the button that sent them.
fn read_form(body: &[u8]) -> (ListingForm, Submit) {
    let mut form = ListingForm::default();
    let mut submit = Submit::Save;
    for (name, value) in form_pairs(body) {
        match name.as_str() {
            "title" => form.title = value,
            "category" => form.category = value,
            "description" => form.description = value,
            "price" => form.price = value,
            "delivery_days" => form.delivery_days = value,
            "revisions" => form.revisions = value,
            "buyer_notes" => form.buyer_notes = value,
            "option_titles" => form.option_titles.push(value),
            "option_prices" => form.option_prices.push(value),
            "faq_questions" => form.faq_questions.push(value),
            "faq_answers" => form.faq_answers.push(value),
            "add_option" => submit = Submit::AddOption,
            "add_faq" => submit = Submit::AddFaq,
            _ => {}
        }
    }
    (form, submit)
}

/// Which inputs of one option or FAQ row an error is about (name/question, price/answer).
#[derive(Debug, Clone, Copy, Default)]
struct RowError {
    row: usize,
    first: bool,
    second: bool,
}

impl RowError {
    /// The inputs to mark for the input the domain error names.
    fn of(input: RowInput) -> RowError {
        let (first, second) = match input {
            RowInput::OptionTitle { .. } | RowInput::FaqQuestion { .. } => (true, false),
            RowInput::OptionPrice { .. } | RowInput::FaqAnswer { .. } => (false, true),
            RowInput::FaqEntry { .. } => (true, true),
        };
        RowError {
            row: input.row(),
            first,
            second,
        }
    }
}

/// The row an `options` or `faq` field error points at, read before the error is translated.
fn row_error(e: &AppError, field: &str) -> Option<RowError> {
    let AppError::Invalid(fields) = e else {
        return None;
    };
    let input = fields.iter().find(|f| f.field == field)?.row_input?;
    Some(RowError::of(input))
}

/// How the option and FAQ rows are laid out on this rendering.
#[derive(Debug, Clone, Copy, Default)]
struct Rows {
    option_blanks: usize,
    faq_blanks: usize,
    option_error: Option<RowError>,
    faq_error: Option<RowError>,
}

impl Rows {
    /// The first view of the form: the saved rows plus a few blank ones.
    fn fresh() -> Rows {
        Rows {
            option_blanks: BLANK_ROWS,
            faq_blanks: BLANK_ROWS,
            ..Rows::default()
        }
    }

    /// The rows as submitted, plus one more where 「行を追加」 was pressed.
    fn after(submit: Submit) -> Rows {
        Rows {
            option_blanks: usize::from(submit == Submit::AddOption),
            faq_blanks: usize::from(submit == Submit::AddFaq),
            ..Rows::default()
        }
    }

    /// The rows as submitted, with the row that has a problem marked.
    fn with_errors(e: &AppError) -> Rows {
        Rows {
            option_error: row_error(e, "options"),
            faq_error: row_error(e, "faq"),
            ..Rows::default()
        }
    }
}

/// One row of paid options or FAQ: two inputs (name and price, or question and answer).
struct PairRow {
    /// 1-based, as error messages count rows.
    n: usize,
    first: String,
    second: String,
    first_invalid: bool,
    second_invalid: bool,
    legend: String,
    first_label: String,
    second_label: String,
}

/// One choice of a `<select>`.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A top-level category with its leaf categories, as one `<optgroup>`.
struct CategoryGroup {
    label: String,
    choices: Vec<Choice>,
}

/// A status action offered as its own small form.
pub(super) struct ActionButton {
    pub key: &'static str,
    pub label: String,
    /// The accessible name, naming the service when several are on one page.
    pub aria_label: String,
    pub danger: bool,
}

/// One saved image with its delete button's accessible name.
struct ImageItem {
    id: i64,
    alt: String,
    delete_label: String,
}

/// What the edit page shows about the saved listing besides the form.
struct Saved {
    id: ListingId,
    status: &'static str,
    status_label: String,
    /// What the status means for buyers, in one sentence.
    status_help: String,
    actions: Vec<ActionButton>,
    images: Vec<ImageItem>,
    can_add_image: bool,
    image_error: Option<String>,
    images_count_text: String,
    image_hint: String,
}

#[derive(Template)]
#[template(path = "listing_form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    heading: String,
    /// Where the form posts: /listings/new or /listings/{id}/edit.
    action: String,
    saved: Option<Saved>,
    /// An unconfirmed member sees why they cannot create a service instead of the form.
    needs_email: bool,
    form: ListingForm,
    errors: FormErrors,
    categories: Vec<CategoryGroup>,
    revisions: Vec<Choice>,
    options: Vec<PairRow>,
    faq: Vec<PairRow>,
    can_add_option: bool,
    can_add_faq: bool,
    hints: Hints,
    /// The contact-details warning, when the texts were held back for one.
    contact: Option<ContactNotice>,
}

/// Hint texts with the limits filled in.
struct Hints {
    title: String,
    description: String,
    price: String,
    delivery_days: String,
    buyer_notes: String,
    options: String,
    faq: String,
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let needs_email = !user.email_verified;
    render(
        &state,
        &ctx,
        StatusCode::OK,
        None,
        ListingForm::default(),
        FormErrors::default(),
        Rows::fresh(),
        needs_email,
    )
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    body: Bytes,
) -> PageResult {
    let (form, submit) = read_form(&body);
    if submit != Submit::Save {
        return render(
            &state,
            &ctx,
            StatusCode::OK,
            None,
            form,
            FormErrors::default(),
            Rows::after(submit),
            false,
        );
    }
    let acknowledged = acknowledged_in(&body);
    match checked::create_listing(&state.app, user, &form, acknowledged).await {
        Ok(Checked::Done(id)) => Ok(redirect_with_flash(
            &ctx,
            &format!("/listings/{id}/edit"),
            "listings-flash-created",
        )),
        Ok(Checked::Warning(w)) => {
            let notice = ContactNotice::new(&ctx, &w, "description");
            render_page(
                &state,
                &ctx,
                StatusCode::OK,
                None,
                form,
                FormErrors::default(),
                Rows::after(submit),
                false,
                Some(notice),
            )
        }
        Err(e) => {
            let rows = Rows::with_errors(&e);
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, status, None, form, errors, rows, false)
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
) -> PageResult {
    let (form, listing) = view::edit_form(&state.app, user, id).await?;
    render(
        &state,
        &ctx,
        StatusCode::OK,
        Some(saved(&state, &ctx, &listing, None)),
        form,
        FormErrors::default(),
        Rows::fresh(),
        false,
    )
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
    body: Bytes,
) -> PageResult {
    let (form, submit) = read_form(&body);
    if submit != Submit::Save {
        let (_, listing) = view::edit_form(&state.app, user, id).await?;
        let saved = saved(&state, &ctx, &listing, None);
        return render(
            &state,
            &ctx,
            StatusCode::OK,
            Some(saved),
            form,
            FormErrors::default(),
            Rows::after(submit),
            false,
        );
    }
    let acknowledged = acknowledged_in(&body);
    match checked::update_listing(&state.app, user, id, &form, acknowledged).await {
        Ok(Checked::Done(())) => Ok(redirect_with_flash(
            &ctx,
            &format!("/listings/{id}/edit"),
            "listings-flash-saved",
        )),
        Ok(Checked::Warning(w)) => {
            let (_, listing) = view::edit_form(&state.app, user, id).await?;
            let notice = ContactNotice::new(&ctx, &w, "description");
            render_page(
                &state,
                &ctx,
                StatusCode::OK,
                Some(saved(&state, &ctx, &listing, None)),
                form,
                FormErrors::default(),
                Rows::after(submit),
                false,
                Some(notice),
            )
        }
        Err(e) => {
            let rows = Rows::with_errors(&e);
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let (_, listing) = view::edit_form(&state.app, user, id).await?;
            render(
                &state,
                &ctx,
                status,
                Some(saved(&state, &ctx, &listing, None)),
                form,
                errors,
                rows,
                false,
            )
        }
    }
}

/// The edit page again after an image upload was refused (422, message by the upload form).
pub(super) async fn edit_with_image_error(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    listing_id: ListingId,
    status: StatusCode,
    message: String,
) -> PageResult {
    let (form, listing) = view::edit_form(&state.app, user, listing_id).await?;
    let saved = saved(state, ctx, &listing, Some(message));
    render(
        state,
        ctx,
        status,
        Some(saved),
        form,
        FormErrors::default(),
        Rows::fresh(),
        false,
    )
}

fn saved(state: &AppState, ctx: &Ctx, listing: &ListingView, image_error: Option<String>) -> Saved {
    let status = listing.status;
    let max_images = usize::try_from(state.app.policy.max_listing_images).unwrap_or(0);
    Saved {
        id: listing.id,
        status: status.as_str(),
        status_label: ctx.t(status_label_key(status)),
        status_help: ctx.t(&format!("{}-help", status_label_key(status))),
        actions: action_buttons(ctx, status, &listing.title),
        images: listing
            .images
            .iter()
            .enumerate()
            .map(|(i, img)| image_item(ctx, i + 1, img))
            .collect(),
        can_add_image: listing.images.len() < max_images,
        image_error,
        image_hint: ctx.t1(
            "listings-image-hint",
            "max_mb",
            state.app.policy.listing_image_max_bytes / crate::upload::MIB,
        ),
        images_count_text: ctx.tr.ta(
            "listings-images-count",
            [
                ("count", Arg::from(listing.images.len())),
                ("max", Arg::from(max_images)),
            ],
        ),
    }
}

fn image_item(ctx: &Ctx, n: usize, image: &ImageView) -> ImageItem {
    ImageItem {
        id: image.id,
        alt: ctx.t1("listings-image-alt", "n", n),
        delete_label: ctx.t1("listings-image-delete-label", "n", n),
    }
}

/// The status actions the status machine allows now, labelled for buttons.
pub(super) fn action_buttons(ctx: &Ctx, status: ListingStatus, title: &str) -> Vec<ActionButton> {
    Action::offered(status)
        .into_iter()
        .map(|a| {
            let label = ctx.t(&format!("listings-action-{}", a.key()));
            let aria_label = ctx.tr.ta(
                "listings-action-aria",
                [("action", Arg::from(&label)), ("title", Arg::from(title))],
            );
            ActionButton {
                key: a.key(),
                label,
                aria_label,
                danger: a == Action::Delete,
            }
        })
        .collect()
}

/// Whether the 「このまま送信する」 button of the contact-details warning was pressed.
fn acknowledged_in(body: &[u8]) -> bool {
    form_pairs(body).into_iter().any(|(name, value)| {
        name == safety::ACKNOWLEDGE_FIELD && safety::acknowledged(Some(&value))
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "one render for four handlers; each argument is a different part of the page"
)]
fn render(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    saved: Option<Saved>,
    form: ListingForm,
    errors: FormErrors,
    rows: Rows,
    needs_email: bool,
) -> PageResult {
    render_page(
        state,
        ctx,
        status,
        saved,
        form,
        errors,
        rows,
        needs_email,
        None,
    )
}

#[expect(clippy::too_many_arguments, reason = "the page's parts, each named")]
fn render_page(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    saved: Option<Saved>,
    form: ListingForm,
    errors: FormErrors,
    rows: Rows,
    needs_email: bool,
    contact: Option<ContactNotice>,
) -> PageResult {
    let policy = &state.app.policy;
    let (heading, action) = match &saved {
        Some(s) => (
            ctx.t("listings-edit-title"),
            format!("/listings/{}/edit", s.id),
        ),
        None => (ctx.t("listings-new-title"), "/listings/new".to_owned()),
    };
    let options = pair_rows(
        ctx,
        &form.option_titles,
        &form.option_prices,
        rows.option_blanks,
        MAX_PAID_OPTIONS,
        rows.option_error,
        [
            "listings-option-legend",
            "listings-option-name-label",
            "listings-option-price-label",
        ],
    );
    let faq = pair_rows(
        ctx,
        &form.faq_questions,
        &form.faq_answers,
        rows.faq_blanks,
        MAX_FAQ_ENTRIES,
        rows.faq_error,
        [
            "listings-faq-legend",
            "listings-faq-question-label",
            "listings-faq-answer-label",
        ],
    );
    let hints = Hints {
        title: ctx.t1("listings-field-title-hint", "max", MAX_LISTING_TITLE_CHARS),
        description: ctx.t1(
            "listings-field-description-hint",
            "max",
            MAX_LISTING_DESCRIPTION_CHARS,
        ),
        price: ctx.t1("listings-field-price-hint", "min", policy.min_listing_price),
        delivery_days: ctx.tr.ta(
            "listings-field-delivery-days-hint",
            [
                ("min", Arg::from(i64::from(MIN_DELIVERY_DAYS))),
                ("max", Arg::from(i64::from(MAX_DELIVERY_DAYS))),
            ],
        ),
        buyer_notes: ctx.t1(
            "listings-field-buyer-notes-hint",
            "max",
            MAX_BUYER_NOTES_CHARS,
        ),
        options: ctx.tr.ta(
            "listings-options-hint",
            [
                ("max", Arg::from(MAX_PAID_OPTIONS)),
                ("max_chars", Arg::from(MAX_PAID_OPTION_TITLE_CHARS)),
                ("min", Arg::from(policy.min_option_price)),
            ],
        ),
        faq: ctx.tr.ta(
            "listings-faq-hint",
            [
                ("max", Arg::from(MAX_FAQ_ENTRIES)),
                ("max_question", Arg::from(MAX_FAQ_QUESTION_CHARS)),
                ("max_answer", Arg::from(MAX_FAQ_ANSWER_CHARS)),
            ],
        ),
    };
    page_with_status(
        status,
        &FormPage {
            ctx,
            section: "listings",
            heading,
            action,
            saved,
            needs_email,
            categories: category_groups(ctx, &form.category),
            revisions: revision_choices(ctx, &form.revisions),
            can_add_option: options.len() < MAX_PAID_OPTIONS,
            can_add_faq: faq.len() < MAX_FAQ_ENTRIES,
            options,
            faq,
            form,
            errors,
            hints,
            contact,
        },
    )
}

/// The rows as given (blank ones included, so that 「2行目」 in a message is the second row
/// on the page), then `blanks` more, up to `max` rows unless more were submitted.
fn pair_rows(
    ctx: &Ctx,
    firsts: &[String],
    seconds: &[String],
    blanks: usize,
    max: usize,
    error: Option<RowError>,
    [legend, first_label, second_label]: [&str; 3],
) -> Vec<PairRow> {
    let given = firsts.len().max(seconds.len());
    let total = (given + blanks).min(max.max(given));
    (1..=total)
        .map(|n| {
            let marked = error.filter(|e| e.row == n).unwrap_or_default();
            PairRow {
                n,
                first: firsts.get(n - 1).cloned().unwrap_or_default(),
                second: seconds.get(n - 1).cloned().unwrap_or_default(),
                first_invalid: marked.first,
                second_invalid: marked.second,
                legend: ctx.t1(legend, "n", n),
                first_label: ctx.t1(first_label, "n", n),
                second_label: ctx.t1(second_label, "n", n),
            }
        })
        .collect()
}

/// Leaf categories grouped under their top-level category, names from categories.ftl.
fn category_groups(ctx: &Ctx, chosen: &str) -> Vec<CategoryGroup> {
    let chosen = chosen.trim();
    categories::top_level()
        .map(|top| CategoryGroup {
            label: ctx.t(&top.message_id()),
            choices: top
                .children()
                .map(|c| {
                    let value = c.id.to_string();
                    Choice {
                        selected: value == chosen,
                        label: ctx.t(&c.message_id()),
                        value,
                    }
                })
                .collect(),
        })
        .collect()
}

/// 0–10 revisions, then 無制限.
fn revision_choices(ctx: &Ctx, chosen: &str) -> Vec<Choice> {
    let chosen = chosen.trim();
    (0..=MAX_REVISIONS)
        .map(|n| {
            let value = n.to_string();
            Choice {
                selected: value == chosen,
                label: ctx.t1("listings-revisions-count", "count", n),
                value,
            }
        })
        .chain(std::iter::once(Choice {
            value: "unlimited".to_owned(),
            label: ctx.t("listings-revisions-unlimited"),
            selected: chosen == "unlimited",
        }))
        .collect()
}

/// Used by the image handlers, which answer with this page or a redirect to it.
pub(super) fn edit_url(listing_id: ListingId) -> String {
    format!("/listings/{listing_id}/edit")
}

#[cfg(test)]
mod tests {
    use yorozu_app::FieldError;
    use yorozu_domain::listings::{FaqError, PaidOptionsError};

    use super::*;

    /// The row and which of its two inputs are marked for one refused field.
    fn marked(e: FieldError) -> Option<(usize, bool, bool)> {
        let field = e.field;
        row_error(&AppError::Invalid(vec![e]), field).map(|r| (r.row, r.first, r.second))
    }

    #[test]
    fn the_input_the_error_names_is_marked() {
        let option = |e: PaidOptionsError| marked(FieldError::of("options", &e));
        let faq = |e: FaqError| marked(FieldError::of("faq", &e));
        assert_eq!(
            option(PaidOptionsError::TitleInvalidCharacters { row: 2 }),
            Some((2, true, false)),
            "a name with bad characters marks the name, not the price"
        );
        assert_eq!(
            option(PaidOptionsError::PriceEmpty { row: 1 }),
            Some((1, false, true))
        );
        assert_eq!(option(PaidOptionsError::TooMany { max: 10 }), None);
        assert_eq!(
            faq(FaqError::QuestionEmpty { row: 4 }),
            Some((4, true, false))
        );
        assert_eq!(
            faq(FaqError::AnswerTooLong { row: 1, max: 5 }),
            Some((1, false, true))
        );
        assert_eq!(
            faq(FaqError::InvalidCharacters { row: 3 }),
            Some((3, true, true))
        );
    }
}
