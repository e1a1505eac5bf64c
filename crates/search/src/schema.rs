//! The index's fields: the listing id, the analysed text and the fast fields filters and
//! sorts read. Nothing is stored: a search returns ids and the cards come from the database.
//!
//! Requests of the board (公開依頼) live in the same index with fields of their own (their id,
//! their text, budget and deadline) and share the category fields; a listing search never
//! sees them (they have no listing id, and their text is in another field).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    /// Pre-tokenised ([`yorozu_domain::search::document_tokens`]) with positions, so that
    /// a term is a phrase over bigrams.
    pub text: Field,
    pub request_id: Field,
    /// A request's text, analysed as a listing's.
    pub request_text: Field,
}

/// Fast-field names, read per segment by the collector.
pub(crate) const ID: &str = "id";
pub(crate) const TEXT: &str = "text";
pub(crate) const CATEGORY: &str = "category";
pub(crate) const PARENT_CATEGORY: &str = "parent_category";
pub(crate) const PRICE: &str = "price";
pub(crate) const DELIVERY_DAYS: &str = "delivery_days";
pub(crate) const RATING: &str = "rating_x100";
pub(crate) const RATING_COUNT: &str = "rating_count";
pub(crate) const SALES: &str = "sales";
pub(crate) const RANK: &str = "rank";
pub(crate) const PUBLISHED_AT: &str = "published_at";
pub(crate) const VERIFIED: &str = "verified";
pub(crate) const REQUEST_ID: &str = "request_id";
pub(crate) const REQUEST_TEXT: &str = "request_text";
pub(crate) const BUDGET_MIN: &str = "budget_min";
pub(crate) const BUDGET_MAX: &str = "budget_max";
pub(crate) const DEADLINE: &str = "proposal_deadline";

/// The numeric fast fields of a listing besides its id, in the order [`crate::document`]
/// fills them.
pub(crate) const NUMBERS: [&str; 10] = [
    CATEGORY,
    PARENT_CATEGORY,
    PRICE,
    DELIVERY_DAYS,
    RATING,
    RATING_COUNT,
    SALES,
    RANK,
    PUBLISHED_AT,
    VERIFIED,
];

/// The numeric fast fields of a request besides its id, in the order
/// [`crate::document::request`] fills them.
pub(crate) const REQUEST_NUMBERS: [&str; 5] =
    [CATEGORY, PARENT_CATEGORY, BUDGET_MIN, BUDGET_MAX, DEADLINE];

fn analysed() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

pub(crate) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_i64_field(ID, INDEXED | FAST);
    let text = builder.add_text_field(TEXT, analysed());
    for name in NUMBERS {
        builder.add_i64_field(name, FAST);
    }
    let request_id = builder.add_i64_field(REQUEST_ID, INDEXED | FAST);
    let request_text = builder.add_text_field(REQUEST_TEXT, analysed());
    for name in [BUDGET_MIN, BUDGET_MAX, DEADLINE] {
        builder.add_i64_field(name, FAST);
    }
    let fields = Fields {
        id,
        text,
        request_id,
        request_text,
    };
    (builder.build(), fields)
}
