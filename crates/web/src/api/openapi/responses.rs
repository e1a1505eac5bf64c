//! The error answers, one component each: every error has the same body (the `Error` schema),
//! so an operation names the statuses it can answer with (`response = NotFound`) and the
//! document says once what each means.

use utoipa::ToResponse;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, Ref, RefOr, Response, ResponseBuilder, Schema,
};

/// Declares the error responses: type, component name, description, headers.
macro_rules! error_responses {
    ($($name:ident: $description:literal $(, header $header:literal: $header_description:literal => $schema:expr)?;)*) => {
        $(
            #[doc = $description]
            #[derive(Debug)]
            pub struct $name;

            impl<'r> ToResponse<'r> for $name {
                fn response() -> (&'r str, RefOr<Response>) {
                    #[allow(unused_mut)]
                    let mut response = error_response($description);
                    $(response = response.header(
                        $header,
                        HeaderBuilder::new()
                            .description(Some($header_description))
                            .schema($schema)
                            .build(),
                    );)?
                    (stringify!($name), response.build().into())
                }
            }
        )*
    };
}

error_responses! {
    BadRequest: "The body is not JSON of the expected shape (`error-bad-json`; `detail` says where).";
    Unauthenticated: "No token (`error-unauthenticated`), or a token that is unknown, revoked or belongs to a closed account \
        (same code), or expired (`token-expired`); for a given token `WWW-Authenticate` carries \
        `error=\"invalid_token\"`.",
        header "WWW-Authenticate": "`Bearer realm=\"yorozu\"`" => string();
    Forbidden: "The resource belongs to someone else (`error-forbidden`), a read-only token \
        was used for a change (`token-read-only`), or a sensitive action needs \
        the password again (`reauth-required`: send `password`, and `totp_code` when two-step \
        sign-in is on, in the body).";
    TooManyRequests: "Too many requests from this client address (`error-throttled`); try again after `Retry-After` seconds.",
        header "Retry-After": "Seconds to wait." => seconds();
    NotFound: "No such resource, or it belongs to someone else (`error-not-found`).";
    Conflict: "The current state does not allow this; `code` says why.";
    PayloadTooLarge: "The body is larger than the server accepts (`error-body-too-large`).";
    UnsupportedMediaType: "Wrong `Content-Type` (`error-unsupported-media-type`).";
    ValidationFailed: "Some fields are invalid (`error-invalid-input`); `fields` lists each one.";
    Internal: "Something went wrong on the server (`error-internal`); details are only logged.";
}

fn error_response(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Error")))
            .build(),
    )
}

fn string() -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .build()
        .into()
}

fn seconds() -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1))
        .build()
        .into()
}
