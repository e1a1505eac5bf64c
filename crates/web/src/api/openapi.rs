//! The OpenAPI 3.1 document of the API, written by hand (a derive crate would cost more
//! build time than these few pages of JSON). Tests check that its paths are exactly
//! [`super::ROUTES`] and that real responses match the schemas described here.

mod constraints;
mod conventions;
mod derived;
pub mod fields;
mod optional_bodies;
pub mod order_fields;
pub mod payout_fields;
pub mod responses;
pub mod withdrawal_fields;

use std::sync::OnceLock;

use axum::Json;
use serde_json::{Map, Value, json};
use yorozu_domain::listings::{
    MAX_BUYER_NOTES_CHARS, MAX_DELIVERY_DAYS, MAX_FAQ_ANSWER_CHARS, MAX_FAQ_ENTRIES,
    MAX_FAQ_QUESTION_CHARS, MAX_LISTING_DESCRIPTION_CHARS, MAX_LISTING_PRICE,
    MAX_LISTING_TITLE_CHARS, MAX_PAID_OPTION_TITLE_CHARS, MAX_PAID_OPTIONS, MAX_REVISIONS,
    MIN_DELIVERY_DAYS,
};

/// `GET /api/v1/openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "getOpenApi",
    tag = "meta",
    summary = "This document",
    security(),
    responses((status = 200, description = "The OpenAPI 3.1 document.", body = Object)),
)]
pub async fn document() -> Json<Value> {
    Json(spec().clone())
}

/// The document, built once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(build)
}

fn build() -> Value {
    let mut doc = derived::merged_over(document_as_written());
    constraints::apply(&mut doc);
    doc
}

/// The operations and schemas not derived yet.
fn document_as_written() -> Value {
    json!({
        "paths": paths(),
        "components": { "schemas": schemas() },
    })
}

/// Which credentials an operation takes.
#[derive(Clone, Copy)]
enum Auth {
    /// A token is required.
    Token,
    /// Anyone may call it; a token changes what is shown.
    Optional,
    /// No token is needed.
    Public,
}

/// One operation: everything but the responses is optional.
struct Op {
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    description: &'static str,
    auth: Auth,
    path_id: Option<&'static str>,
    query: Vec<Value>,
    body: Option<Value>,
    responses: Vec<(&'static str, Value)>,
}

impl Op {
    fn new(id: &'static str, tag: &'static str, summary: &'static str) -> Op {
        Op {
            id,
            tag,
            summary,
            description: "",
            auth: Auth::Token,
            path_id: None,
            query: vec![],
            body: None,
            responses: vec![],
        }
    }

    fn describe(mut self, text: &'static str) -> Op {
        self.description = text;
        self
    }

    fn auth(mut self, auth: Auth) -> Op {
        self.auth = auth;
        self
    }

    /// The `{id}` path parameter.
    fn path_id(mut self, description: &'static str) -> Op {
        self.path_id = Some(description);
        self
    }

    /// An optional query-string parameter.
    fn query(mut self, name: &'static str, description: &'static str, schema: Value) -> Op {
        self.query.push(json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema }));
        self
    }

    fn json_body(mut self, schema: &str) -> Op {
        self.body = Some(json!({
            "required": true,
            "content": { "application/json": { "schema": schema_ref(schema) } },
        }));
        self
    }

    fn image_body(mut self) -> Op {
        self.body = Some(json!({
            "required": true,
            "description": "The image file itself (JPEG, PNG, WebP or GIF), not multipart.",
            "content": { "image/*": { "schema": { "type": "string", "contentMediaType": "image/*" } } },
        }));
        self
    }

    /// A success answered with a JSON body.
    fn ok(mut self, status: &'static str, description: &'static str, schema: Value) -> Op {
        self.responses.push((
            status,
            json!({
                "description": description,
                "content": { "application/json": { "schema": schema } },
            }),
        ));
        self
    }

    /// A success answered with a JPEG image.
    fn jpeg(mut self, status: &'static str, description: &'static str) -> Op {
        self.responses.push((status, json!({
            "description": description,
            "content": { "image/jpeg": { "schema": { "type": "string", "contentMediaType": "image/jpeg" } } },
        })));
        self
    }

    /// A success without a body.
    fn empty(mut self, status: &'static str, description: &'static str) -> Op {
        self.responses
            .push((status, json!({ "description": description })));
        self
    }

    /// Error responses by status, from `components/responses`.
    fn errors(mut self, statuses: &[&'static str]) -> Op {
        for status in statuses {
            self.responses.push((status, json!({ "$ref": format!("#/components/responses/{}", error_response_name(status)) })));
        }
        self
    }

    fn into_json(self) -> Value {
        let mut op = Map::new();
        op.insert("operationId".into(), self.id.into());
        op.insert("tags".into(), json!([self.tag]));
        op.insert("summary".into(), self.summary.into());
        if !self.description.is_empty() {
            op.insert("description".into(), self.description.into());
        }
        match self.auth {
            Auth::Token => {}
            Auth::Optional => {
                op.insert("security".into(), json!([{}, { "bearerAuth": [] }]));
            }
            Auth::Public => {
                op.insert("security".into(), json!([]));
            }
        }
        let mut parameters = vec![];
        if let Some(description) = self.path_id {
            parameters.push(
                json!({ "name": "id", "in": "path", "required": true, "description": description, "schema": { "type": "string" } }),
            );
        }
        parameters.extend(self.query);
        if !parameters.is_empty() {
            op.insert("parameters".into(), Value::Array(parameters));
        }
        if let Some(body) = self.body {
            op.insert("requestBody".into(), body);
        }
        let mut responses: Map<String, Value> = self
            .responses
            .into_iter()
            .map(|(s, v)| (s.to_owned(), v))
            .collect();
        if matches!(self.auth, Auth::Token | Auth::Optional) {
            responses.insert(
                "401".into(),
                json!({ "$ref": "#/components/responses/Unauthenticated" }),
            );
        }
        responses.insert(
            "default".into(),
            json!({ "$ref": "#/components/responses/Internal" }),
        );
        op.insert("responses".into(), Value::Object(responses));
        Value::Object(op)
    }
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn list_of(name: &str) -> Value {
    json!({ "type": "array", "items": schema_ref(name) })
}

fn paths() -> Value {
    let ops = vec![(
        "get",
        "/me/identity",
        Op::new(
            "getIdentityState",
            "identity",
            "Identity verification state",
        )
        .ok(
            "200",
            "The latest submission's state.",
            schema_ref("IdentityState"),
        ),
    )];
    let mut ops = ops;
    ops.extend(listing_paths());
    let mut paths = Map::new();
    for (method, path, op) in ops {
        let entry = paths
            .entry(path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(methods) = entry {
            methods.insert(method.to_owned(), op.into_json());
        }
    }
    Value::Object(paths)
}

fn error_response_name(status: &str) -> &'static str {
    match status {
        "400" => "BadRequest",
        "403" => "Forbidden",
        "429" => "TooManyRequests",
        "404" => "NotFound",
        "409" => "Conflict",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "ValidationFailed",
        _ => "Internal",
    }
}

/// Every schema: the accounts', the listings' and the orders'.
fn schemas() -> Value {
    let mut all = account_schemas();
    if let (Value::Object(all), Value::Object(more)) = (&mut all, listing_schemas()) {
        all.extend(more);
    }
    all
}

fn account_schemas() -> Value {
    let nullable_time =
        json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." });
    let nullable_text = json!({ "type": ["string", "null"] });
    json!({
        "IdentityState": {
            "type": "object",
            "required": ["status", "kind", "submitted_at", "decided_at", "rejection_reason", "file_erased_at"],
            "additionalProperties": false,
            "properties": {
                "status": { "type": ["string", "null"], "enum": ["pending", "approved", "rejected", null], "description": "Null before the first submission." },
                "kind": { "type": ["string", "null"], "description": "The document type, e.g. drivers-license." },
                "submitted_at": nullable_time,
                "decided_at": nullable_time,
                "rejection_reason": nullable_text,
                "file_erased_at": nullable_time,
            },
        },
    })
}

// ---------------------------------------------------------------------------------------
// Listings, search and favourites

fn listing_paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("post", "/me/listings", Op::new("createListing", "listings", "Create a draft")
            .describe("Creates a private draft; publish it with POST /listings/{id}/status. Needs a confirmed e-mail \
                       address (409 `listing-needs-confirmed-email`). Every field is checked and all problems are \
                       reported at once, nothing is saved unless everything is valid; a problem with one paid option \
                       or FAQ entry names its 1-based row in the message.")
            .json_body("ListingInput")
            .ok("201", "The draft; `Location` points at it.", schema_ref("Listing"))
            .errors(&["400", "409", "415", "422"])),
        ("get", "/me/listings", Op::new("listMyListings", "listings", "The caller's listings")
            .describe("Drafts, published and paused listings (not deleted ones), most recently updated first.")
            .ok("200", "The listings.", list_of("OwnListing"))),
        ("get", "/listings/{id}", Op::new("getListing", "listings", "A listing")
            .describe("Published and paused listings are public (`status` tells them apart; a paused one cannot be \
                       bought). A draft is shown to its seller only; to anyone else it does not exist.")
            .auth(Auth::Optional)
            .path_id("The listing id.")
            .ok("200", "The listing.", schema_ref("Listing"))
            .errors(&["404"])),
        ("put", "/listings/{id}", Op::new("updateListing", "listings", "Replace a listing's content")
            .describe("The caller's own listing, in any status but deleted; the same rules as creating one. Images \
                       and status are unchanged.")
            .path_id("The listing id.")
            .json_body("ListingInput")
            .ok("200", "The updated listing.", schema_ref("Listing"))
            .errors(&["400", "403", "404", "415", "422"])),
        ("post", "/listings/{id}/status", Op::new("changeListingStatus", "listings", "Publish, pause, resume or delete")
            .describe("draft → published (`publish`, needs a confirmed e-mail address), published → paused (`pause`, \
                       出品停止), paused → published (`resume`), any → deleted (`delete`, final: the listing and its \
                       images are gone). Other moves are a 409 `listing-status-transition-not-allowed`.")
            .path_id("The listing id.")
            .json_body("ListingStatusRequest")
            .ok("200", "The new status.", schema_ref("ListingStatusResult"))
            .errors(&["400", "403", "404", "409", "415"])),
        ("post", "/listings/{id}/images", Op::new("addListingImage", "listings", "Add an image")
            .describe("Up to 10 images per listing (422 `listing-images-too-many` on field `image`). The image is \
                       checked by its content, scaled to at most 1280 pixels and stored as JPEG with a 480×360 \
                       thumbnail.")
            .path_id("The listing id.")
            .image_body()
            .ok("201", "The new image; `Location` points at it.", schema_ref("CreatedImage"))
            .errors(&["403", "404", "413", "415", "422"])),
        ("get", "/listing-images/{id}", Op::new("getListingImage", "listings", "A listing image")
            .describe("Public for published and paused listings; a draft's images for its seller only.")
            .auth(Auth::Optional)
            .path_id("The image id.")
            .jpeg("200", "The image as JPEG.")
            .errors(&["404"])),
        ("get", "/listing-images/{id}/thumb", Op::new("getListingThumbnail", "listings", "A listing image's thumbnail")
            .describe("480×360, under the same rules as the image.")
            .auth(Auth::Optional)
            .path_id("The image id.")
            .jpeg("200", "The thumbnail as JPEG.")
            .errors(&["404"])),
        ("delete", "/listing-images/{id}", Op::new("removeListingImage", "listings", "Remove an image")
            .path_id("The image id.")
            .empty("204", "Removed.")
            .errors(&["403", "404"])),
        ("put", "/listings/{id}/favorite", Op::new("addFavorite", "favorites", "Favourite a service")
            .describe("Only published services can be favourited. Doing it twice changes nothing.")
            .path_id("The listing id.")
            .empty("204", "It is a favourite.")
            .errors(&["404"])),
        ("delete", "/listings/{id}/favorite", Op::new("removeFavorite", "favorites", "Stop favouriting a service")
            .describe("Removing a favourite that is not there changes nothing.")
            .path_id("The listing id.")
            .empty("204", "It is not a favourite.")
            .errors(&["404"])),
        ("get", "/me/favorites", Op::new("listFavorites", "favorites", "The caller's favourites")
            .describe("Those still published, most recently added first.")
            .ok("200", "The favourites.", list_of("ListingCard"))),
        ("get", "/search", Op::new("searchListings", "search", "Search published services")
            .describe("Every parameter is optional, and lenient as on the site's search page: a value that cannot be \
                       read (a price of `abc`, an unknown sort) is ignored rather than refused. Keywords work for \
                       Japanese: one- and two-character terms such as 名刺 find results; full-width and half-width \
                       forms, upper and lower case, katakana and hiragana are folded. Several terms must all match. \
                       24 results a page, at most 40 pages.")
            .auth(Auth::Public)
            .query("q", "Keywords, separated by spaces.", json!({ "type": "string" }))
            .query("category", "A category id; a top-level one includes its subcategories.", json!({ "type": "string" }))
            .query("min_price", "Lowest price in yen (digits).", json!({ "type": "string" }))
            .query("max_price", "Highest price in yen (digits).", json!({ "type": "string" }))
            .query("days", "Delivered within this many days (1–90).", json!({ "type": "string" }))
            .query("rating", "Minimum average rating: `3`, `4` or `4.5`.", json!({ "type": "string" }))
            .query("verified", "`1`: identity-verified sellers only.", json!({ "type": "string" }))
            .query("sort", "Order: `recommended` (the default), `new`, `price-low`, `price-high`, `rating` or `sales`.",
                json!({ "type": "string" }))
            .query("page", "1-based page number; clamped into 1–40.", json!({ "type": "string" }))
            .ok("200", "One page of results.", schema_ref("SearchResults"))
            .errors(&["400"])),
        ("get", "/categories", Op::new("listCategories", "search", "The category tree")
            .describe("Every category in display order, each top-level one followed by its subcategories. Names are \
                       in the language of `Accept-Language`. Listings are filed under subcategories only.")
            .auth(Auth::Public)
            .ok("200", "The categories.", list_of("Category"))),
    ]
}

fn listing_schemas() -> Value {
    let id = json!({ "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." });
    let time = json!({ "type": "integer", "format": "int64", "description": "Unix seconds." });
    let nullable_time =
        json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." });
    let yen = json!({ "type": "integer", "format": "int64", "description": "Whole yen." });
    let rating = json!({
        "type": ["number", "null"],
        "minimum": 1, "maximum": 5,
        "description": "Average rating with two decimals; null before the first review.",
    });
    let revisions = json!({
        "oneOf": [
            { "type": "integer", "minimum": 0, "maximum": MAX_REVISIONS },
            { "type": "string", "enum": ["unlimited"] },
        ],
        "description": "How many revisions are included, or unlimited.",
    });
    json!({
        "ListingInput": {
            "type": "object",
            "required": ["title", "category", "description", "price", "delivery_days", "revisions"],
            "properties": {
                "title": { "type": "string", "maxLength": MAX_LISTING_TITLE_CHARS, "description": "One line." },
                "category": { "type": "string", "description": "A subcategory id from GET /categories (one with a parent_id)." },
                "description": { "type": "string", "maxLength": MAX_LISTING_DESCRIPTION_CHARS, "description": "Plain text; shown escaped." },
                "price": { "type": "integer", "maximum": MAX_LISTING_PRICE.get(), "description": "Whole yen, at least the configured minimum (¥500 by default)." },
                "delivery_days": { "type": "integer", "minimum": MIN_DELIVERY_DAYS, "maximum": MAX_DELIVERY_DAYS },
                "revisions": revisions,
                "buyer_notes": { "type": "string", "maxLength": MAX_BUYER_NOTES_CHARS, "description": "購入にあたってのお願い." },
                "options": { "type": "array", "maxItems": MAX_PAID_OPTIONS, "items": {
                    "type": "object",
                    "required": ["title", "price"],
                    "properties": {
                        "title": { "type": "string", "maxLength": MAX_PAID_OPTION_TITLE_CHARS },
                        "price": { "type": "integer", "description": "Whole yen, at least the configured minimum (¥500 by default)." },
                    },
                } },
                "faq": { "type": "array", "maxItems": MAX_FAQ_ENTRIES, "items": {
                    "type": "object",
                    "required": ["question", "answer"],
                    "properties": {
                        "question": { "type": "string", "maxLength": MAX_FAQ_QUESTION_CHARS, "description": "One line." },
                        "answer": { "type": "string", "maxLength": MAX_FAQ_ANSWER_CHARS },
                    },
                } },
            },
        },
        "ListingStatus": { "type": "string", "enum": ["draft", "published", "paused", "deleted"] },
        "Category": {
            "type": "object",
            "required": ["id", "slug", "parent_id", "name"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "slug": { "type": "string", "description": "URL key, unique among its siblings." },
                "parent_id": { "type": ["string", "null"], "description": "The top-level category; null for a top-level one." },
                "name": { "type": "string", "description": "In the language of Accept-Language." },
            },
        },
        "Listing": {
            "type": "object",
            "required": [
                "id", "status", "category", "title", "description", "price", "delivery_days", "revisions", "buyer_notes",
                "options", "faq", "images", "sales_count", "rating", "rating_count", "favorites_count", "published_at",
                "updated_at", "seller", "vacation_until", "purchasable", "web_url",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "status": schema_ref("ListingStatus"),
                "category": schema_ref("Category"),
                "title": { "type": "string" },
                "description": { "type": "string" },
                "price": yen,
                "delivery_days": { "type": "integer" },
                "revisions": revisions,
                "buyer_notes": { "type": "string" },
                "options": { "type": "array", "items": {
                    "type": "object",
                    "required": ["title", "price"],
                    "additionalProperties": false,
                    "properties": { "title": { "type": "string" }, "price": yen },
                } },
                "faq": { "type": "array", "items": {
                    "type": "object",
                    "required": ["question", "answer"],
                    "additionalProperties": false,
                    "properties": { "question": { "type": "string" }, "answer": { "type": "string" } },
                } },
                "images": list_of("ListingImage"),
                "sales_count": { "type": "integer" },
                "rating": rating,
                "rating_count": { "type": "integer" },
                "favorites_count": { "type": "integer" },
                "published_at": nullable_time,
                "updated_at": time,
                "seller": schema_ref("Seller"),
                "vacation_until": { "type": ["integer", "null"], "format": "int64", "description": "Unix seconds; set while the seller is on vacation (the service cannot be bought until then)." },
                "purchasable": { "type": "boolean", "description": "Published and the seller is not on vacation." },
                "web_url": { "type": "string", "description": "The service page on the site, for sharing." },
            },
        },
        "ListingImage": {
            "type": "object",
            "required": ["id", "width", "height", "url", "thumb_url"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "width": { "type": "integer" },
                "height": { "type": "integer" },
                "url": { "type": "string", "description": "GET /listing-images/{id}." },
                "thumb_url": { "type": "string", "description": "GET /listing-images/{id}/thumb (480×360)." },
            },
        },
        "Seller": {
            "type": "object",
            "required": ["user_id", "display_name", "departed", "has_avatar", "avatar_version", "identity_verified"],
            "additionalProperties": false,
            "properties": {
                "user_id": id,
                "display_name": { "type": "string", "minLength": 1 },
                "departed": { "type": "boolean", "description": "The seller has withdrawn (退会); `display_name` is then the localized 「退会したユーザー」." },
                "has_avatar": { "type": "boolean" },
                "avatar_version": { "type": "integer", "format": "int64" },
                "identity_verified": { "type": "boolean", "description": "本人確認済み." },
            },
        },
        "OwnListing": {
            "type": "object",
            "required": [
                "id", "status", "category_id", "title", "price", "delivery_days", "sales_count", "rating", "rating_count",
                "favorites_count", "published_at", "created_at", "updated_at",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "status": schema_ref("ListingStatus"),
                "category_id": id,
                "title": { "type": "string" },
                "price": yen,
                "delivery_days": { "type": "integer" },
                "sales_count": { "type": "integer" },
                "rating": rating,
                "rating_count": { "type": "integer" },
                "favorites_count": { "type": "integer" },
                "published_at": nullable_time,
                "created_at": time,
                "updated_at": time,
            },
        },
        "ListingStatusRequest": {
            "type": "object",
            "required": ["action"],
            "properties": { "action": { "type": "string", "enum": ["publish", "pause", "resume", "delete"] } },
        },
        "ListingStatusResult": {
            "type": "object",
            "required": ["status"],
            "additionalProperties": false,
            "properties": { "status": schema_ref("ListingStatus") },
        },
        "CreatedImage": {
            "type": "object",
            "required": ["id", "url", "thumb_url"],
            "additionalProperties": false,
            "properties": { "id": id, "url": { "type": "string" }, "thumb_url": { "type": "string" } },
        },
        "ListingCard": {
            "type": "object",
            "required": [
                "id", "title", "price", "delivery_days", "rating", "rating_count", "sales_count", "favorites_count",
                "category_id", "published_at", "seller_id", "seller_name", "seller_verified", "thumb_url",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "title": { "type": "string" },
                "price": yen,
                "delivery_days": { "type": "integer" },
                "rating": rating,
                "rating_count": { "type": "integer" },
                "sales_count": { "type": "integer" },
                "favorites_count": { "type": "integer" },
                "category_id": id,
                "published_at": nullable_time,
                "seller_id": id,
                "seller_name": { "type": "string" },
                "seller_verified": { "type": "boolean", "description": "本人確認済み." },
                "thumb_url": { "type": ["string", "null"], "description": "The first image's thumbnail; null without images." },
            },
        },
        "SearchResults": {
            "type": "object",
            "required": ["total", "capped", "page", "pages", "items"],
            "additionalProperties": false,
            "properties": {
                "total": { "type": "integer", "description": "Matches, counted up to 1,001." },
                "capped": { "type": "boolean", "description": "True when there are more than 1,000 matches (show “1,000+”)." },
                "page": { "type": "integer" },
                "pages": { "type": "integer" },
                "items": list_of("ListingCard"),
            },
        },
    })
}
