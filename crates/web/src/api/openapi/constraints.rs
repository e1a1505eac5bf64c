//! Constraints the server enforces on every request, stated in the document once for all
//! operations rather than beside each field, so that no field can forget them:
//!
//! - ids in paths are decimal strings (anything else names nothing: 404);
//! - no text may hold a control character (see `input_guard`): path and query values none at
//!   all, JSON strings none but line breaks and tabs;
//! - request objects take only the properties they document (the server refuses others with
//!   400 `error-bad-json`).

use serde_json::{Map, Value, json};

/// A JSON string in a request body: anything but C0/C1 controls other than `\t`, `\n`, `\r`.
pub const TEXT_PATTERN: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
/// A path or query value: no control character at all.
pub const LINE_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
/// An id in a path: a 63-bit id as a decimal string.
pub const ID_PATTERN: &str = "^[0-9]{1,19}$";
/// A session's id in a path: the SHA-256 of its cookie, in hex.
pub const SESSION_PATTERN: &str = "^[0-9a-f]{64}$";

/// Adds the constraints to `doc` (the whole document).
pub fn apply(doc: &mut Value) {
    let mut request_schemas = Vec::new();
    if let Some(Value::Object(paths)) = doc.get_mut("paths") {
        for (path, methods) in paths.iter_mut() {
            let Value::Object(methods) = methods else {
                continue;
            };
            let path_pattern = if path.starts_with("/me/sessions/") {
                SESSION_PATTERN
            } else {
                ID_PATTERN
            };
            for op in methods.values_mut() {
                constrain_parameters(op, path_pattern);
                if let Some(body) = op.get_mut("requestBody") {
                    collect_refs(body, &mut request_schemas);
                    constrain_inline_bodies(body);
                }
            }
        }
    }
    let Some(Value::Object(schemas)) = doc.pointer_mut("/components/schemas") else {
        return;
    };
    // Follow references from request schemas to every schema they use.
    let mut seen: Vec<String> = Vec::new();
    while let Some(name) = request_schemas.pop() {
        if seen.contains(&name) {
            continue;
        }
        if let Some(schema) = schemas.get(&name) {
            collect_refs(schema, &mut request_schemas);
        }
        seen.push(name);
    }
    for name in &seen {
        if let Some(schema) = schemas.get_mut(name) {
            constrain_request_schema(schema);
        }
    }
}

fn constrain_parameters(op: &mut Value, path_pattern: &'static str) {
    let Some(Value::Array(parameters)) = op.get_mut("parameters") else {
        return;
    };
    for p in parameters {
        let location = p.get("in").and_then(Value::as_str).unwrap_or("").to_owned();
        let Some(schema) = p.get_mut("schema") else {
            continue;
        };
        if !is_free_string(schema) {
            continue;
        }
        let pattern = if location == "path" {
            path_pattern
        } else {
            LINE_PATTERN
        };
        schema["pattern"] = json!(pattern);
    }
}

/// Multipart bodies (a message with files): their text fields.
fn constrain_inline_bodies(body: &mut Value) {
    let Some(Value::Object(content)) = body.get_mut("content") else {
        return;
    };
    for (media_type, media) in content.iter_mut() {
        if media_type == "multipart/form-data"
            && let Some(schema) = media.get_mut("schema")
        {
            constrain_request_schema(schema);
        }
    }
}

fn constrain_request_schema(schema: &mut Value) {
    let Value::Object(map) = schema else {
        return;
    };
    if is_free_string_map(map) {
        map.insert("pattern".into(), json!(TEXT_PATTERN));
        return;
    }
    if is_integer_map(map) {
        // Request integers are read as i64.
        map.entry("format").or_insert(json!("int64"));
        map.entry("minimum").or_insert(json!(i64::MIN));
        map.entry("maximum").or_insert(json!(i64::MAX));
        return;
    }
    let is_object =
        map.get("type").and_then(Value::as_str) == Some("object") || map.contains_key("properties");
    if is_object && !map.contains_key("additionalProperties") {
        map.insert("additionalProperties".into(), json!(false));
    }
    for key in ["properties"] {
        if let Some(Value::Object(props)) = map.get_mut(key) {
            for prop in props.values_mut() {
                constrain_request_schema(prop);
            }
        }
    }
    for key in ["items"] {
        if let Some(items) = map.get_mut(key) {
            constrain_request_schema(items);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(parts)) = map.get_mut(key) {
            for part in parts {
                constrain_request_schema(part);
            }
        }
    }
}

/// A string without an enum, pattern, format or media type: free text.
fn is_free_string(schema: &Value) -> bool {
    matches!(schema, Value::Object(map) if is_free_string_map(map))
}

fn is_free_string_map(map: &Map<String, Value>) -> bool {
    let is_string = match map.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    };
    is_string
        && !["enum", "const", "pattern", "format", "contentMediaType"]
            .iter()
            .any(|k| map.contains_key(*k))
}

fn is_integer_map(map: &Map<String, Value>) -> bool {
    match map.get("type") {
        Some(Value::String(t)) => t == "integer",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "integer"),
        _ => false,
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref")
                && let Some(name) = r.strip_prefix("#/components/schemas/")
            {
                out.push(name.to_owned());
            }
            for v in map.values() {
                collect_refs(v, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect_refs(v, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_ids_query_text_and_request_objects_are_constrained() {
        let mut doc = json!({
            "paths": { "/things/{id}": { "post": {
                "parameters": [
                    { "name": "id", "in": "path", "schema": { "type": "string" } },
                    { "name": "q", "in": "query", "schema": { "type": "string" } },
                    { "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["a"] } },
                ],
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/In" } } } },
            } } },
            "components": { "schemas": {
                "In": { "type": "object", "properties": {
                    "text": { "type": "string" },
                    "nested": { "$ref": "#/components/schemas/Nested" },
                } },
                "Nested": { "type": "object", "properties": { "list": { "type": "array", "items": { "type": "string" } } } },
                "Out": { "type": "object", "properties": { "text": { "type": "string" } } },
            } },
        });
        apply(&mut doc);
        let params = &doc["paths"]["/things/{id}"]["post"]["parameters"];
        assert_eq!(params[0]["schema"]["pattern"], ID_PATTERN);
        assert_eq!(params[1]["schema"]["pattern"], LINE_PATTERN);
        assert!(params[2]["schema"].get("pattern").is_none());
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["In"]["additionalProperties"], false);
        assert_eq!(schemas["In"]["properties"]["text"]["pattern"], TEXT_PATTERN);
        assert_eq!(
            schemas["Nested"]["properties"]["list"]["items"]["pattern"],
            TEXT_PATTERN
        );
        // Response schemas are left alone.
        assert!(schemas["Out"].get("additionalProperties").is_none());
        assert!(
            schemas["Out"]["properties"]["text"]
                .get("pattern")
                .is_none()
        );
    }
}
