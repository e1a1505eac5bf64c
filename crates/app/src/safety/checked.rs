//! The writing use cases with the contact-details rule in front: a text with findings is held
//! back with a [`ContactWarning`] unless the writer acknowledged it; acknowledged, it is saved
//! as usual and reported with [`contact::sent_anyway`]. The pages and the API call these.

use yorozu_domain::{ConsultationId, ListingId, OfferId, OrderId, RequestId, UserId};

use super::contact::{self, ContactTarget, ContactWarning};
use crate::accounts::CurrentUser;
use crate::listings::form::ListingForm;
use crate::offers::consult;
use crate::offers::form::OfferForm;
use crate::orders::talk::{self, Upload};
use crate::profile::edit::ProfileForm;
use crate::requests::form::RequestForm;
use crate::requests::post;
use crate::{App, AppResult};

/// The outcome of a checked write.
#[derive(Debug, Clone)]
pub enum Checked<T> {
    /// Saved (and, if it broke the rule, reported).
    Done(T),
    /// Not saved: the writer is asked to confirm or edit.
    Warning(ContactWarning),
}

/// The list entries of a form field as one text, one entry a line.
fn joined(entries: &[String]) -> String {
    entries.join("\n")
}

/// Runs `save` unless `texts` break the rule and the writer has not acknowledged it; then
/// reports what was sent anyway.
async fn guarded<T, F, Fut>(
    app: &App,
    texts: &[(&'static str, &str)],
    acknowledged: bool,
    target: ContactTarget,
    save: F,
    target_id: impl Fn(&T) -> i64,
) -> AppResult<Checked<T>>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = AppResult<T>>,
{
    let warning = contact::review(app, texts).await?;
    if let Some(w) = &warning
        && !acknowledged
    {
        return Ok(Checked::Warning(w.clone()));
    }
    let saved = save().await?;
    if let Some(w) = warning {
        contact::sent_anyway(app, target, target_id(&saved), &w.summary()).await?;
    }
    Ok(Checked::Done(saved))
}

/// [`post::post`] with the rule (fields `title` and `request_description`).
pub async fn post_request(
    app: &App,
    member: &CurrentUser,
    form: &RequestForm,
    files: Vec<Upload>,
    acknowledged: bool,
) -> AppResult<Checked<RequestId>> {
    guarded(
        app,
        &[
            ("title", form.title.as_str()),
            ("request_description", form.description.as_str()),
        ],
        acknowledged,
        ContactTarget::Request,
        || post::post(app, member, form, files),
        |id| id.get(),
    )
    .await
}

/// [`talk::post_message`] with the rule (field `body`).
pub async fn post_message(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    body: &str,
    files: Vec<Upload>,
    acknowledged: bool,
) -> AppResult<Checked<i64>> {
    guarded(
        app,
        &[("body", body)],
        acknowledged,
        ContactTarget::Message,
        || talk::post_message(app, member, order_id, body, files),
        |id| *id,
    )
    .await
}

fn listing_texts(form: &ListingForm) -> [(&'static str, String); 6] {
    [
        ("title", form.title.clone()),
        ("description", form.description.clone()),
        ("buyer_notes", form.buyer_notes.clone()),
        ("option_titles", joined(&form.option_titles)),
        ("faq_questions", joined(&form.faq_questions)),
        ("faq_answers", joined(&form.faq_answers)),
    ]
}

/// [`crate::listings::edit::create`] with the rule on the service's texts.
pub async fn create_listing(
    app: &App,
    seller: &CurrentUser,
    form: &ListingForm,
    acknowledged: bool,
) -> AppResult<Checked<ListingId>> {
    let texts = listing_texts(form);
    let texts: Vec<(&'static str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    guarded(
        app,
        &texts,
        acknowledged,
        ContactTarget::Listing,
        || crate::listings::edit::create(app, seller, form),
        |id| id.get(),
    )
    .await
}

/// [`crate::listings::edit::update`] with the rule on the service's texts.
pub async fn update_listing(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
    form: &ListingForm,
    acknowledged: bool,
) -> AppResult<Checked<()>> {
    let texts = listing_texts(form);
    let texts: Vec<(&'static str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    guarded(
        app,
        &texts,
        acknowledged,
        ContactTarget::Listing,
        || crate::listings::edit::update(app, seller, listing_id, form),
        |_| listing_id.get(),
    )
    .await
}

/// [`crate::profile::edit::update`] with the rule on the profile's texts. The SNS links are
/// not checked: the field is there for links to the member's public accounts.
pub async fn update_profile(
    app: &App,
    user_id: UserId,
    form: &ProfileForm,
    acknowledged: bool,
) -> AppResult<Checked<()>> {
    let texts = [
        ("display_name", form.display_name.as_str()),
        ("introduction", form.introduction.as_str()),
        ("skills", form.skills.as_str()),
        ("career", form.career.as_str()),
        ("track_record", form.track_record.as_str()),
    ];
    guarded(
        app,
        &texts,
        acknowledged,
        ContactTarget::Profile,
        || crate::profile::edit::update(app, user_id, form),
        |_| user_id.get(),
    )
    .await
}

/// [`consult::consult`] with the rule (field `body`): the quote request's message.
pub async fn consult(
    app: &App,
    buyer: &CurrentUser,
    listing_id: ListingId,
    body: &str,
    files: Vec<Upload>,
    acknowledged: bool,
) -> AppResult<Checked<ConsultationId>> {
    let checked = guarded(
        app,
        &[("body", body)],
        acknowledged,
        ContactTarget::ConsultationMessage,
        || consult::consult_message(app, buyer, listing_id, body, files),
        |(_, message)| *message,
    )
    .await?;
    Ok(match checked {
        Checked::Done((id, _)) => Checked::Done(id),
        Checked::Warning(w) => Checked::Warning(w),
    })
}

/// [`consult::post_message`] with the rule (field `body`).
pub async fn post_consultation_message(
    app: &App,
    member: &CurrentUser,
    id: ConsultationId,
    body: &str,
    files: Vec<Upload>,
    acknowledged: bool,
) -> AppResult<Checked<i64>> {
    guarded(
        app,
        &[("body", body)],
        acknowledged,
        ContactTarget::ConsultationMessage,
        || consult::post_message(app, member, id, body, files),
        |message| *message,
    )
    .await
}

/// [`crate::offers::send::send`] with the rule on the offer's texts.
pub async fn send_offer(
    app: &App,
    seller: &CurrentUser,
    id: ConsultationId,
    form: &OfferForm,
    acknowledged: bool,
) -> AppResult<Checked<OfferId>> {
    let options = joined(&form.option_titles);
    let texts = [
        ("title", form.title.as_str()),
        ("included", form.included.as_str()),
        ("option_titles", options.as_str()),
    ];
    guarded(
        app,
        &texts,
        acknowledged,
        ContactTarget::Offer,
        || crate::offers::send::send(app, seller, id, form),
        |offer| offer.get(),
    )
    .await
}
