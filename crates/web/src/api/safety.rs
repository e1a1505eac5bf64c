//! Blocks in the API (block, unblock, the caller's list) and the contact-details warning as
//! an answer: a text with contact details is not saved unless the request acknowledges it
//! (`"acknowledge_contact_warning": true`); otherwise the answer is a 422 with code
//! `contact-details-found` and the parts found, as character ranges of each field's text.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{ToResponse, ToSchema};
use yorozu_app::safety::blocks;
use yorozu_app::safety::contact::ContactWarning;
use yorozu_domain::UserId;
use yorozu_i18n::Tr;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, locale_of};
use crate::api::openapi::responses::{BadRequest, NotFound};
use crate::state::AppState;

/// The request field that sends a text despite the contact-details warning.
pub const ACKNOWLEDGE_FIELD: &str = "acknowledge_contact_warning";

/// One part of a text that the contact-details rule found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactFinding {
    /// The request field (`body`, `title`, `description`, `faq`, `introduction`…).
    field: &'static str,
    /// email, phone, line, messenger, external_payment or ng_word.
    kind: &'static str,
    /// Start, in characters (Unicode code points) of the field's text.
    start: usize,
    /// End (exclusive), in characters.
    end: usize,
    /// The part found.
    text: String,
}

/// The body of the warning: the shape of every error (`Error`), with `findings`.
#[derive(Debug, Serialize)]
struct ContactEnvelope {
    error: ContactBody,
}

#[derive(Debug, Serialize)]
struct ContactBody {
    code: &'static str,
    message: String,
    fields: Vec<serde_json::Value>,
    findings: Vec<ContactFinding>,
}

/// The 422 answer of the endpoints that save a member's text.
#[derive(Debug)]
pub struct ValidationOrContactDetails;

impl<'r> ToResponse<'r> for ValidationOrContactDetails {
    fn response() -> (&'r str, RefOr<utoipa::openapi::Response>) {
        let response = ResponseBuilder::new()
            .description(
                "Some fields are invalid (`error-invalid-input`; `fields` lists each one), or the text holds \
                 contact details or asks to deal outside Yorozu (`contact-details-found`; `findings` lists each \
                 part). Send the same request with `acknowledge_contact_warning: true` to save it anyway; it is \
                 then shown to the operators.",
            )
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Error")))
                    .build(),
            )
            .build();
        ("ValidationOrContactDetails", response.into())
    }
}

/// The 422 answer for a contact-details warning, in the caller's language.
pub fn warning_response(headers: &HeaderMap, warning: &ContactWarning) -> Response {
    let tr = Tr::new(locale_of(headers));
    let findings = warning
        .fields
        .iter()
        .flat_map(|f| {
            f.findings.iter().map(|x| ContactFinding {
                field: api_field(f.field),
                kind: x.kind.as_str(),
                start: x.chars.start,
                end: x.chars.end,
                text: x.excerpt(&f.text).to_owned(),
            })
        })
        .collect();
    let body = ContactEnvelope {
        error: ContactBody {
            code: "contact-details-found",
            message: tr.t("contact-details-found"),
            fields: Vec::new(),
            findings,
        },
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// The API's name of a form field (its lists are `options` and `faq`).
fn api_field(field: &'static str) -> &'static str {
    match field {
        "option_titles" => "options",
        "faq_questions" | "faq_answers" => "faq",
        other => other,
    }
}

/// One member the caller blocks.
#[derive(Debug, Serialize, ToSchema)]
pub struct BlockedMember {
    /// The member's id (a decimal string).
    #[schema(value_type = String)]
    user_id: String,
    /// Null once the member has withdrawn.
    display_name: Option<String>,
    /// Unix seconds.
    blocked_at: i64,
}

/// Blocks a member; doing it again changes nothing.
#[utoipa::path(
    put,
    path = "/users/{id}/block",
    operation_id = "blockMember",
    tag = "blocks",
    summary = "Block a member",
    description = "Between the caller and the member: no new orders either way (409 `order-blocked`), no new \
                   messages outside orders in progress (409 `talk-blocked`), and neither sees the other's reviews. \
                   Orders in progress continue. Blocking oneself is a 400 `block-self`.",
    params(("id" = String, Path, description = "The member's id.")),
    responses(
        (status = 204, description = "The member is blocked."),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    ),
)]
pub async fn block(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<UserId>,
) -> ApiResult<StatusCode> {
    blocks::block(&state.app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a block; lifting one that is not there changes nothing.
#[utoipa::path(
    delete,
    path = "/users/{id}/block",
    operation_id = "unblockMember",
    tag = "blocks",
    summary = "Unblock a member",
    description = "Lifting a block that is not there changes nothing.",
    params(("id" = String, Path, description = "The member's id.")),
    responses(
        (status = 204, description = "The member is not blocked."),
        (status = 404, response = NotFound),
    ),
)]
pub async fn unblock(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<UserId>,
) -> ApiResult<StatusCode> {
    blocks::unblock(&state.app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The members the caller blocks, most recent first.
#[utoipa::path(
    get,
    path = "/me/blocks",
    operation_id = "listBlockedMembers",
    tag = "blocks",
    summary = "The members the caller blocks",
    description = "Most recently blocked first.",
    responses((status = 200, description = "The blocked members.", body = Vec<BlockedMember>)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<BlockedMember>>> {
    let rows = blocks::list(&state.app, &user).await?;
    Ok(Json(
        rows.into_iter()
            .map(|b| BlockedMember {
                user_id: b.user_id.to_string(),
                display_name: b.display_name,
                blocked_at: b.blocked_at,
            })
            .collect(),
    ))
}
