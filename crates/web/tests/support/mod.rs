//! The API test harness shared by tests/api.rs and tests/api_listings.rs: the real router over a
//! test database, requests under /api/v1, and checks of every JSON body against the OpenAPI
//! document's schemas.

// Each test crate uses a different part of the harness.
#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use serde_json::{Value, json};
use tower::ServiceExt;
use yorozu_app::App;
use yorozu_app::ports::FixedClock;
use yorozu_store::Db;
use yorozu_store::testing::TempDir;
use yorozu_web::api::openapi::spec;
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

pub const START: i64 = 1_750_000_000;
pub const PASSWORD: &str = "correct horse battery";

/// The router over a test database, with a clock that stands still and mail kept in the
/// database (the same ports as the use-case tests).
pub struct TestServer {
    pub router: Router,
    pub app: App,
    /// Moves only when a test says so (token expiry, throttle windows).
    pub clock: Arc<FixedClock>,
    pub _files: TempDir,
}

pub fn server(db: Db) -> TestServer {
    server_with_limit(db, 8 * 1024 * 1024)
}

pub fn server_with_limit(db: Db, max_body_bytes: usize) -> TestServer {
    server_with(db, max_body_bytes, |_| {})
}

/// A server whose per-client limit on sign-ups, resets and resends is `limit`.
pub fn server_with_request_limit(db: Db, limit: i64) -> TestServer {
    server_with(db, 8 * 1024 * 1024, move |policy| {
        policy.client_request_limit = limit;
    })
}

/// The server with a changed policy, e.g. a rule the test app leaves off turned on again.
pub fn server_with_policy(
    db: Db,
    change: impl FnOnce(&mut yorozu_app::config::Policy),
) -> TestServer {
    server_with(db, 8 * 1024 * 1024, change)
}

fn server_with(
    db: Db,
    max_body_bytes: usize,
    change: impl FnOnce(&mut yorozu_app::config::Policy),
) -> TestServer {
    let clock = Arc::new(FixedClock::at(START));
    let files = TempDir::new("yorozu-api-files");
    let mut app = yorozu_app::testing::app(db, clock.clone(), &files.0, 7);
    change(&mut app.policy);
    let web = WebConfig {
        secure_cookies: false,
        mailbox_enabled: true,
        max_body_bytes,
        trust_proxy: false,
        ..WebConfig::default()
    };
    let router = yorozu_web::router(AppState {
        app: app.clone(),
        web: Arc::new(web),
        metrics: Arc::new(Metrics::default()),
    });
    TestServer {
        router,
        app,
        clock,
        _files: files,
    }
}

/// Runs every job that is due (mail, exports, purges), as the worker would.
pub async fn run_jobs(app: &App) {
    yorozu_app::jobs::Worker::new(app.clone(), std::time::Duration::from_millis(10))
        .run_due()
        .await
        .expect("jobs");
}

/// One answer: status, headers and the body as JSON (Null when empty).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn code(&self) -> &str {
        self.body["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("not an error body: {}", self.body))
    }

    /// (field, code) of each field error.
    pub fn fields(&self) -> Vec<(String, String)> {
        self.body["error"]["fields"]
            .as_array()
            .unwrap_or_else(|| panic!("no fields in {}", self.body))
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap_or("").to_owned(),
                    f["code"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    }

    pub fn field_message(&self, field: &str) -> String {
        self.body["error"]["fields"]
            .as_array()
            .and_then(|fs| fs.iter().find(|f| f["field"] == field))
            .and_then(|f| f["message"].as_str())
            .unwrap_or_else(|| panic!("no message for {field} in {}", self.body))
            .to_owned()
    }
}

/// A request under /api/v1.
pub struct Call {
    pub request: axum::http::request::Builder,
    pub body: Body,
}

pub fn call(method: Method, path: &str) -> Call {
    Call {
        request: Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}")),
        body: Body::empty(),
    }
}

impl Call {
    pub fn token(mut self, token: &str) -> Call {
        self.request = self
            .request
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        self
    }

    pub fn header(mut self, name: header::HeaderName, value: &str) -> Call {
        self.request = self.request.header(name, value);
        self
    }

    pub fn lang(self, lang: &str) -> Call {
        self.header(header::ACCEPT_LANGUAGE, lang)
    }

    pub fn json(mut self, body: Value) -> Call {
        self.request = self
            .request
            .header(header::CONTENT_TYPE, "application/json");
        self.body = Body::from(body.to_string());
        self
    }

    pub fn raw(mut self, content_type: &str, bytes: Vec<u8>) -> Call {
        self.request = self.request.header(header::CONTENT_TYPE, content_type);
        self.body = Body::from(bytes);
        self
    }
}

impl TestServer {
    pub async fn send_raw(&self, call: Call) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request = call.request.body(call.body).expect("request");
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        assert!(
            !headers.contains_key(header::SET_COOKIE),
            "the API never sets cookies"
        );
        (status, headers, bytes.to_vec())
    }

    pub async fn send(&self, call: Call) -> Answer {
        let (status, headers, bytes) = self.send_raw(call).await;
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{status}: not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            })
        };
        if body.get("error").is_some() {
            assert_schema(&body, "Error");
        }
        Answer {
            status,
            headers,
            body,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Checking bodies against the document's schemas (as tests/api.rs does, plus `oneOf`).

pub fn assert_schema(value: &Value, schema_name: &str) {
    let schema = json!({ "$ref": format!("#/components/schemas/{schema_name}") });
    if let Err(e) = check_schema(&schema, value, schema_name) {
        panic!("{e}");
    }
}

/// The first way `value` does not match `schema`, if any.
pub fn check_schema(schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    pub fn ensure(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
        if ok { Ok(()) } else { Err(message()) }
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .ok_or_else(|| format!("odd $ref {reference}"))?;
        let target = &spec()["components"]["schemas"][name];
        ensure(!target.is_null(), || {
            format!("{at}: $ref to missing schema {name}")
        })?;
        return check_schema(target, value, at);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = options
            .iter()
            .filter(|o| check_schema(o, value, at).is_ok())
            .count();
        ensure(matching == 1, || {
            format!("{at}: {value} matches {matching} of the oneOf schemas")
        })?;
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            other => return Err(format!("{at}: odd type {other}")),
        };
        ensure(types.iter().any(|t| has_type(t, value)), || {
            format!("{at}: {value} is not of type {types:?}")
        })?;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        ensure(allowed.contains(value), || {
            format!("{at}: {value} is not one of {allowed:?}")
        })?;
    }
    if let (Some(min), Some(v)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        ensure(v >= min, || format!("{at}: {v} is below {min}"))?;
    }
    if let (Some(max), Some(v)) = (
        schema.get("maximum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        ensure(v <= max, || format!("{at}: {v} is above {max}"))?;
    }
    if schema.get("pattern").and_then(Value::as_str) == Some("^[0-9]+$") {
        let s = value.as_str().unwrap_or("");
        ensure(
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
            || format!("{at}: {value} is not a decimal id"),
        )?;
    }
    match value {
        Value::Object(map) => {
            if let Some(required) = schema.get("required").and_then(Value::as_array) {
                for name in required.iter().filter_map(Value::as_str) {
                    ensure(map.contains_key(name), || {
                        format!("{at}: required field {name} missing in {value}")
                    })?;
                }
            }
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, v) in map {
                    match properties.get(key) {
                        Some(s) => check_schema(s, v, &format!("{at}.{key}"))?,
                        None => ensure(
                            schema.get("additionalProperties") != Some(&Value::Bool(false)),
                            || format!("{at}: field {key} is not in the document"),
                        )?,
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check_schema(item_schema, item, &format!("{at}[{i}]"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

pub fn has_type(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// Asserts the status, then that the body (or its absence) matches the document.
pub fn expect(answer: &Answer, method: &str, path: &str, status: StatusCode) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    let documented = &spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
    if answer.body.is_null() {
        assert!(
            documented.get("content").is_none(),
            "{method} {path}: documented with a body, sent none"
        );
    } else {
        let schema = &documented["content"]["application/json"]["schema"];
        assert!(
            !schema.is_null(),
            "{method} {path}: no JSON {status} in the document"
        );
        if let Err(e) = check_schema(schema, &answer.body, &format!("{method} {path}")) {
            panic!("{e}");
        }
    }
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode png");
    out.into_inner()
}

/// Checks the bytes are a ZIP file that Python's zipfile (an independent reader) opens whole,
/// and returns the names of its entries.
pub fn zip_entries(bytes: &[u8]) -> Vec<String> {
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a ZIP file");
    let dir = TempDir::new("yorozu-web-zip");
    let file = dir.0.join("archive.zip");
    std::fs::write(&file, bytes).expect("write zip");
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint('\\n'.join(z.namelist()))",
            file.to_str().expect("path"),
        ])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}
