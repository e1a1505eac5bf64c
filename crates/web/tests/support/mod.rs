//! The API test harness shared by tests/api.rs and tests/api_listings.rs: the real router over a
//! test database, requests under /api/v1, and checks of every JSON body against the OpenAPI
//! document's schemas.

// Each test crate uses a different part of the harness.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

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
    /// The search index folder.
    pub _search: TempDir,
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
    let search = TempDir::new("yorozu-api-search");
    let index = yorozu_search::TantivyIndex::open(&search.0).expect("search index");
    let mut app = yorozu_app::testing::app(db, clock.clone(), &files.0, 7, Arc::new(index));
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
        _search: search,
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
// Checking bodies against the document's schemas, with the `jsonschema` crate: OpenAPI 3.1
// schemas are JSON Schema 2020-12, and `$ref`s point into the document's `components`.

/// Asserts `value` matches the document's schema `components/schemas/NAME`.
pub fn assert_schema(value: &Value, schema_name: &str) {
    let schema = json!({ "$ref": format!("#/components/schemas/{schema_name}") });
    if let Err(e) = check_schema(&schema, value, schema_name) {
        panic!("{e}");
    }
}

/// Every way `value` does not match `schema` (a schema from the document), if any.
pub fn check_schema(schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let validator = schema_validator(schema);
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{at}{}: {e}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\nin {value}", errors.join("\n")))
    }
}

/// A validator for `schema`, compiled once per schema: the document's components ride along
/// so that its `$ref`s resolve; nothing is fetched from anywhere. Panics if `schema` is not
/// valid JSON Schema 2020-12.
pub fn schema_validator(schema: &Value) -> Arc<jsonschema::Validator> {
    static VALIDATORS: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> =
        OnceLock::new();
    let key = schema.to_string();
    let mut cache = VALIDATORS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(key)
        .or_insert_with(|| {
            let root = json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "components": spec()["components"],
                "allOf": [schema],
            });
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .build(&root)
                .unwrap_or_else(|e| panic!("the document's schema {schema} is invalid: {e}"));
            Arc::new(validator)
        })
        .clone()
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
