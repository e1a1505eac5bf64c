//! What holds for every operation, said once instead of on each handler: how to authenticate,
//! and the two error answers any operation may give (no valid token; a server fault).

use utoipa::Modify;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi, Ref};

/// The security scheme; the 401 of every operation that reads a token; the default (500)
/// answer of every operation.
#[derive(Debug)]
pub struct Conventions;

/// The scheme's name, as operations' `security` lists refer to it.
pub const BEARER: &str = "bearerAuth";

impl Modify for Conventions {
    fn modify(&self, api: &mut OpenApi) {
        let bearer = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("yzp_…")
            .description(Some(
                "A personal access token, created in the site's settings (signed in, with the current password). \
                 A token expires (30, 90 or 365 days after creation or renewal) and has a scope: `read` allows \
                 GET and HEAD only (anything else is 403 `token-read-only`), `full` allows everything.",
            ))
            .build();
        api.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(BEARER, SecurityScheme::Http(bearer));
        each_operation(api, add_common_errors);
    }
}

/// Calls `f` with every operation of the document.
pub fn each_operation(api: &mut OpenApi, mut f: impl FnMut(&mut Operation)) {
    for item in api.paths.paths.values_mut() {
        for operation in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            f(operation);
        }
    }
}

/// An operation without its own `security` takes the document's (a token); one whose list is
/// empty is public and cannot answer 401.
fn add_common_errors(operation: &mut Operation) {
    let public = operation.security.as_ref().is_some_and(Vec::is_empty);
    let responses = &mut operation.responses.responses;
    if !public {
        responses.insert(
            "401".into(),
            Ref::from_response_name("Unauthenticated").into(),
        );
    }
    responses.insert("default".into(), Ref::from_response_name("Internal").into());
}
