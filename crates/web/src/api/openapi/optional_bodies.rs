//! Bodies a client may leave out. utoipa describes `request_body = Option<T>` as a required
//! body that may be JSON `null`; the server means the opposite: no body at all is fine, but a
//! body must be a `T` (`null` is a 400 like any other malformed body). This says so: the body
//! is not required, and its schema is `T` alone.

use utoipa::Modify;
use utoipa::openapi::request_body::RequestBody;
use utoipa::openapi::schema::{SchemaType, Type};
use utoipa::openapi::{OpenApi, RefOr, Required, Schema};

use super::conventions::each_operation;

/// Rewrites every body documented as "`T` or null" into an optional `T`.
#[derive(Debug)]
pub struct OptionalBodies;

impl Modify for OptionalBodies {
    fn modify(&self, api: &mut OpenApi) {
        each_operation(api, |operation| {
            if let Some(body) = operation.request_body.as_mut() {
                make_optional(body);
            }
        });
    }
}

fn make_optional(body: &mut RequestBody) {
    let mut optional = false;
    for content in body.content.values_mut() {
        if let Some(schema) = content.schema.as_mut()
            && let Some(inner) = without_null(schema)
        {
            *schema = inner;
            optional = true;
        }
    }
    if optional {
        body.required = Some(Required::False);
    }
}

/// `T` of a `oneOf: [null, T]`.
fn without_null(schema: &RefOr<Schema>) -> Option<RefOr<Schema>> {
    let RefOr::T(Schema::OneOf(one_of)) = schema else {
        return None;
    };
    let [null, inner] = one_of.items.as_slice() else {
        return None;
    };
    let is_null = matches!(
        null,
        RefOr::T(Schema::Object(object)) if object.schema_type == SchemaType::Type(Type::Null)
    );
    is_null.then(|| inner.clone())
}
