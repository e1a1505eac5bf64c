//! Editing the profile (プロフィールの編集): the texts, the avatar, and the completeness meter
//! that tells the member what to fill in next.

use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use yorozu_app::profile::edit::ProfileForm;
use yorozu_app::profile::{ProfileView, avatar, view};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::UserId;
use yorozu_domain::profile::{
    MAX_PROFILE_TEXT_CHARS, MAX_SKILL_CHARS, MAX_SKILLS, MAX_SNS_LINKS, NdaWillingness, Suggestion,
};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageError, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::pages::safety::{self, notice::ContactNotice};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// The multipart field that carries the avatar image.
const AVATAR_FIELD: &str = "avatar";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/profile", get(edit_form).post(save))
        .route("/settings/profile/avatar", post(upload_avatar))
        .route("/settings/profile/avatar/delete", post(delete_avatar))
}

/// One step of the completeness meter, as a sentence and where to do it.
struct SuggestionLine {
    text: String,
    href: &'static str,
}

/// One radio button of the NDA question.
struct NdaChoice {
    value: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "settings_profile.html")]
struct ProfilePage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    /// The saved profile (avatar, skill tags, public link).
    profile: ProfileView,
    initial: String,
    percent: u8,
    suggestions: Vec<SuggestionLine>,
    /// What the form fields show: the saved values, or what was just submitted.
    form: ProfileForm,
    errors: FormErrors,
    nda_choices: Vec<NdaChoice>,
    avatar_error: Option<String>,
    /// The contact-details warning, when the texts were held back for one.
    contact: Option<ContactNotice>,
    avatar_max_mb: usize,
    max_text_chars: usize,
    skills_hint: String,
    max_sns_links: usize,
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let profile = load(&state, user.id).await?;
    let form = form_of(&profile);
    render(
        &state,
        &ctx,
        StatusCode::OK,
        profile,
        form,
        FormErrors::default(),
        None,
    )
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<SaveForm>, FormRejection>,
) -> PageResult {
    // A body that is not a form at all is treated like an empty form: the display name is
    // then missing, and the member sees that instead of a bare 4xx.
    let SaveForm {
        profile: form,
        acknowledge_contact_warning,
    } = form.map(|Form(f)| f).unwrap_or_default();
    let acknowledged = safety::acknowledged(acknowledge_contact_warning.as_deref());
    match checked::update_profile(&state.app, user.id, &form, acknowledged).await {
        Ok(Checked::Done(())) => Ok(redirect_with_flash(
            &ctx,
            "/settings/profile",
            "flash-profile-saved",
        )),
        Ok(Checked::Warning(w)) => {
            let profile = load(&state, user.id).await?;
            let notice = ContactNotice::new(&ctx, &w, "introduction");
            render_page(
                &state,
                &ctx,
                StatusCode::OK,
                profile,
                form,
                FormErrors::default(),
                None,
                Some(notice),
            )
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let profile = load(&state, user.id).await?;
            render(&state, &ctx, status, profile, form, errors, None)
        }
    }
}

async fn upload_avatar(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let max = state.app.policy.avatar_max_bytes;
    let result = match crate::upload::read(multipart, AVATAR_FIELD, max).await.file {
        Ok(bytes) => avatar::upload(&state.app, user.id, bytes).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/profile",
            "flash-avatar-updated",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let message = errors
                .get(AVATAR_FIELD)
                .map(str::to_owned)
                .or_else(|| errors.all().first().map(|m| (*m).to_owned()));
            let profile = load(&state, user.id).await?;
            let form = form_of(&profile);
            render(
                &state,
                &ctx,
                status,
                profile,
                form,
                FormErrors::default(),
                message,
            )
        }
    }
}

async fn delete_avatar(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    avatar::remove(&state.app, user.id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/profile",
        "flash-avatar-deleted",
    ))
}

async fn load(state: &AppState, user_id: UserId) -> Result<ProfileView, PageError> {
    Ok(view::find(&state.app, user_id).await?)
}

/// The saved profile as the form shows it: one skill and one link per line.
fn form_of(profile: &ProfileView) -> ProfileForm {
    ProfileForm {
        display_name: profile.display_name.clone(),
        introduction: profile.introduction.clone(),
        skills: profile.skills.join("\n"),
        career: profile.career.clone(),
        track_record: profile.track_record.clone(),
        sns_links: profile
            .sns_links
            .iter()
            .map(|l| l.url.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        nda: profile.nda.as_str().to_owned(),
    }
}

/// The profile form as posted, with the 「このまま送信する」 button of the contact-details
/// warning when it was pressed.
#[derive(Debug, Default, serde::Deserialize)]
struct SaveForm {
    #[serde(flatten)]
    profile: ProfileForm,
    #[serde(default)]
    acknowledge_contact_warning: Option<String>,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    profile: ProfileView,
    form: ProfileForm,
    errors: FormErrors,
    avatar_error: Option<String>,
) -> PageResult {
    render_page(
        state,
        ctx,
        status,
        profile,
        form,
        errors,
        avatar_error,
        None,
    )
}

#[expect(clippy::too_many_arguments, reason = "the page's parts, each named")]
fn render_page(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    profile: ProfileView,
    form: ProfileForm,
    errors: FormErrors,
    avatar_error: Option<String>,
    contact: Option<ContactNotice>,
) -> PageResult {
    let completeness = profile.completeness();
    let suggestions = completeness
        .suggestions
        .iter()
        .map(|s| suggestion_line(ctx, s))
        .collect();
    let nda_choices = NdaWillingness::ALL
        .into_iter()
        .map(|n| NdaChoice {
            value: n.as_str(),
            label: ctx.t(&format!("nda-{}", n.as_str())),
        })
        .collect();
    page_with_status(
        status,
        &ProfilePage {
            ctx,
            section: "profile",
            initial: profile
                .display_name
                .chars()
                .next()
                .map(String::from)
                .unwrap_or_default(),
            profile,
            percent: completeness.percent,
            suggestions,
            form,
            errors,
            nda_choices,
            avatar_error,
            contact,
            avatar_max_mb: state.app.policy.avatar_max_bytes / crate::upload::MIB,
            max_text_chars: MAX_PROFILE_TEXT_CHARS,
            skills_hint: ctx.tr.ta(
                "profile-field-skills-hint",
                [
                    ("max", Arg::from(MAX_SKILLS)),
                    ("max_chars", Arg::from(MAX_SKILL_CHARS)),
                ],
            ),
            max_sns_links: MAX_SNS_LINKS,
        },
    )
}

/// 「アバター画像を設定しましょう（+15%）」, linked to the field that does it.
fn suggestion_line(ctx: &Ctx, s: &Suggestion) -> SuggestionLine {
    let mut args = vec![("gain", Arg::from(s.gain()))];
    if let Suggestion::ExtendIntroduction { current, target }
    | Suggestion::AddSkills { current, target } = *s
    {
        args.push(("current", Arg::from(current)));
        args.push(("target", Arg::from(target)));
    }
    let href = match s {
        Suggestion::AddAvatar => "#avatar",
        Suggestion::WriteIntroduction | Suggestion::ExtendIntroduction { .. } => "#introduction",
        Suggestion::AddSkills { .. } => "#skills",
        Suggestion::AddCareer => "#career",
        Suggestion::AddTrackRecord => "#track_record",
        Suggestion::AddSnsLink => "#sns_links",
        Suggestion::ChooseNda => "#nda",
        Suggestion::VerifyIdentity => "/settings/identity",
    };
    SuggestionLine {
        text: ctx.tr.tv(s.key(), &args),
        href,
    }
}
