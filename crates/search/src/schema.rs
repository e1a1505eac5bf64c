//! The index's fields: the listing id, the analysed text and the fast fields filters and
//! sorts read. Nothing is stored: a search returns ids and the cards come from the database.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    /// Pre-tokenised ([`yorozu_domain::search::document_tokens`]) with positions, so that
    /// a term is a phrase over bigrams.
    pub text: Field,
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

/// The numeric fast fields besides the id, in the order [`crate::document`] fills them.
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

pub(crate) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_i64_field(ID, INDEXED | FAST);
    let text = builder.add_text_field(
        TEXT,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    for name in NUMBERS {
        builder.add_i64_field(name, FAST);
    }
    (builder.build(), Fields { id, text })
}
