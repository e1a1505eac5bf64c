//! A port document as a tantivy document.

use tantivy::TantivyDocument;
use tantivy::schema::Schema;
use tantivy::tokenizer::{PreTokenizedString, Token};
use yorozu_app::ports::SearchDocument;

use crate::schema::{Fields, NUMBERS};

pub(crate) fn document(schema: &Schema, fields: Fields, d: SearchDocument) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_i64(fields.id, d.id.get());
    let values = [
        d.category_id,
        d.parent_category_id,
        d.price,
        d.delivery_days,
        d.rating_x100,
        d.rating_count,
        d.sales_count,
        d.rank_score,
        d.published_at,
        i64::from(d.seller_verified),
    ];
    for (name, value) in NUMBERS.iter().zip(values) {
        if let Ok(field) = schema.get_field(name) {
            doc.add_i64(field, value);
        }
    }
    // The tokens carry their own positions; offsets into the text are not used (nothing is
    // stored or highlighted by the engine).
    let tokens = d
        .tokens
        .into_iter()
        .map(|t| Token {
            offset_from: 0,
            offset_to: 0,
            position: t.position,
            text: t.text,
            position_length: 1,
        })
        .collect();
    doc.add_pre_tokenized_text(
        fields.text,
        PreTokenizedString {
            text: String::new(),
            tokens,
        },
    );
    doc
}
