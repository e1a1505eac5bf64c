//! The JSON Schema of the archive's `data/*.json` files (`schema/export.schema.json`),
//! generated from the section descriptions, so that it always matches what is written.

use serde_json::{Map, Value, json};
use yorozu_store::export::sections::Kind;
use yorozu_store::export::tables::ALL;

use super::SCHEMA_VERSION;

/// Whether a column holds an id (`…_id`): ids are written as decimal strings.
pub fn is_id(column: &str) -> bool {
    column.ends_with("_id")
}

fn type_of(column: &str, kind: Kind) -> Value {
    match kind {
        Kind::Int if is_id(column) => json!({"type": "string", "pattern": "^[0-9]+$"}),
        Kind::OptInt if is_id(column) => json!({"type": ["string", "null"], "pattern": "^[0-9]+$"}),
        Kind::Int => json!({"type": "integer"}),
        Kind::OptInt => json!({"type": ["integer", "null"]}),
        Kind::Text => json!({"type": "string"}),
        Kind::OptText => json!({"type": ["string", "null"]}),
        Kind::Bool => json!({"type": "boolean"}),
    }
}

/// The schema document: one definition per section (an array of objects).
pub fn document() -> Value {
    let mut defs = Map::new();
    for section in ALL {
        let properties: Map<String, Value> = section
            .columns
            .iter()
            .map(|(name, kind)| ((*name).to_owned(), type_of(name, *kind)))
            .collect();
        let required: Vec<&str> = section.columns.iter().map(|(n, _)| *n).collect();
        defs.insert(
            section.name.to_owned(),
            json!({
                "description": format!("data/{}.json", section.name),
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false
                }
            }),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_VERSION,
        "title": "Yorozu data export",
        "description": "Times are Unix seconds (UTC); amounts are yen; ids (…_id) are decimal strings; other members appear only by their public display name, empty once they have left.",
        "$defs": defs
    })
}
