//! The API reference (`/api/v1/docs`): an HTML page in the visitor's language that points Redoc
//! at the served OpenAPI document, with the renderer served from our own origin (cached for a
//! year, since its URL carries its version), under a policy that still allows scripts from our
//! origin only; and the pages that link to it.
//!
//! The page reads no data, so one database kind is enough (the router still needs one).

#[path = "support/pages.rs"]
mod pages;
mod support;

use support::*;

use axum::http::{StatusCode, header};
use pages::{Browser, member};
use yorozu_store::testing::TestDb;
use yorozu_web::pages::api_docs::{SCRIPT_URL, SPEC_URL};

#[tokio::test]
async fn the_reference_page_points_the_renderer_at_the_served_document() {
    let db = TestDb::sqlite().await;
    let s = server(db.db.clone());
    let mut browser = Browser::new(&s);
    let page = browser.get("/api/v1/docs").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    assert_eq!(
        page.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    page.assert_contains(&[
        "<title>APIリファレンス",
        &format!(r#"<redoc spec-url="{SPEC_URL}">"#),
        &format!(r#"<script src="{SCRIPT_URL}" defer>"#),
        r#"href="/settings/tokens""#,
    ]);
    // Scripts from our own origin only, as on every page; inline styles for Redoc's CSS-in-JS.
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii");
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert!(csp.contains("style-src 'self' 'unsafe-inline'"), "{csp}");
    // The document it points at is the one the API serves.
    let spec = s.send(call(axum::http::Method::GET, "/openapi.json")).await;
    assert_eq!(spec.status, StatusCode::OK);

    let mut english = Browser::new(&s).english();
    let page = english.get("/api/v1/docs").await;
    page.assert_contains(&["<title>API reference", "Manage API tokens"]);
}

#[tokio::test]
async fn the_renderer_is_served_from_our_origin_with_a_long_cache() {
    let db = TestDb::sqlite().await;
    let s = server(db.db.clone());
    let script = Browser::new(&s).get(SCRIPT_URL).await;
    assert_eq!(script.status, StatusCode::OK);
    assert_eq!(
        script.headers[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        script.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert!(!script.headers.contains_key(header::SET_COOKIE));
    assert!(
        script
            .html
            .starts_with("/*! For license information please see")
    );
}

#[tokio::test]
async fn the_token_settings_and_the_help_page_link_to_the_reference() {
    let db = TestDb::sqlite().await;
    let s = server(db.db.clone());
    let user = member(&s.app, "docs@example.jp", "ドキュメント").await;
    let mut browser = Browser::signed_in(&s, user.id).await;
    let tokens = browser.get("/settings/tokens").await;
    tokens.assert_contains(&[r#"<a href="/api/v1/docs">APIリファレンスを見る</a>"#]);
    let help = browser.get("/help").await;
    help.assert_contains(&[r#"<a href="/api/v1/docs">APIリファレンスを見る</a>"#]);
}
