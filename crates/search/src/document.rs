//! A port document as a tantivy document.

use tantivy::TantivyDocument;
use tantivy::schema::{Field, Schema};
use tantivy::tokenizer::{PreTokenizedString, Token};
use yorozu_app::ports::{RequestDocument, SearchDocument};
use yorozu_domain::search::Positioned;

use crate::schema::{Fields, NUMBERS, REQUEST_NUMBERS};

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
    add_tokens(&mut doc, fields.text, d.tokens);
    doc
}

pub(crate) fn request(schema: &Schema, fields: Fields, d: RequestDocument) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_i64(fields.request_id, d.id.get());
    let values = [
        d.category_id,
        d.parent_category_id,
        d.budget_min,
        d.budget_max,
        d.proposal_deadline,
    ];
    for (name, value) in REQUEST_NUMBERS.iter().zip(values) {
        if let Ok(field) = schema.get_field(name) {
            doc.add_i64(field, value);
        }
    }
    add_tokens(&mut doc, fields.request_text, d.tokens);
    doc
}

/// The tokens carry their own positions; offsets into the text are not used (nothing is
/// stored or highlighted by the engine).
fn add_tokens(doc: &mut TantivyDocument, field: Field, tokens: Vec<Positioned>) {
    let tokens = tokens
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
        field,
        PreTokenizedString {
            text: String::new(),
            tokens,
        },
    );
}
