//! Issue 14 findings 2, 5, 6 and 7 as a browser (or a script pretending to be one) meets them,
//! on each database kind: the token page asks for the password and shows scope and expiry; the
//! sign-in throttle keys on the hop our proxy added, not on what the client wrote; throttled
//! pages say when to come back; a taken address signs up like a new one.

#[path = "support/pages.rs"]
mod pages;
mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pages::*;
use support::*;
use tower::ServiceExt;
use yorozu_store::{Db, both_backends};
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

/// A router behind `hops` trusted proxies, with a per-client sign-in limit of `ip_limit`.
fn behind_proxies(s: &TestServer, hops: usize, ip_limit: i64) -> axum::Router {
    let mut app = s.app.clone();
    app.policy.sign_in_max_failures_per_ip = ip_limit;
    yorozu_web::router(AppState {
        app,
        web: Arc::new(WebConfig {
            secure_cookies: false,
            mailbox_enabled: true,
            max_body_bytes: 1024 * 1024,
            trust_proxy: true,
            trusted_proxy_hops: hops,
            ..WebConfig::default()
        }),
        metrics: Arc::new(Metrics::default()),
    })
}

/// Posts a sign-in form through the proxy chain `forwarded_for`; returns the status.
async fn login_via(
    s: &TestServer,
    router: &axum::Router,
    forwarded_for: &str,
    password: &str,
) -> StatusCode {
    const NONCE: &str = "proxy-test-csrf-nonce-0123456789abcdef";
    // The form token is bound to the nonce cookie (and the session, none here).
    let csrf = yorozu_web::ctx::csrf_token(&s.app.signer, NONCE, None);
    let body = format!(
        "_csrf={csrf}&email=taro%40example.jp&password={}",
        urlencoding::encode(password)
    );
    let request = Request::builder()
        .method(Method::POST)
        .uri("/login")
        .header(header::COOKIE, format!("yz_csrf={NONCE}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded_for)
        .body(Body::from(body))
        .expect("request");
    router
        .clone()
        .oneshot(request)
        .await
        .expect("infallible")
        .status()
}

both_backends!(
    issue14_5_the_sign_in_throttle_ignores_a_forged_first_forwarded_hop,
    |db: Db| async move {
        let s = server(db);
        member(&s.app, "taro@example.jp", "太郎").await;
        let router = behind_proxies(&s, 1, 3);
        // The attacker at 203.0.113.7 writes a new "first hop" each time; our proxy appends
        // the address it really saw.
        for n in 0..3 {
            let chain = format!("10.9.9.{n}, 203.0.113.7");
            assert_eq!(
                login_via(&s, &router, &chain, &format!("guess {n}")).await,
                StatusCode::UNAUTHORIZED
            );
        }
        let forged = login_via(&s, &router, "10.9.9.99, 203.0.113.7", "guess").await;
        assert_eq!(
            forged,
            StatusCode::TOO_MANY_REQUESTS,
            "still the same client"
        );
        // Someone else behind the same proxy is not throttled.
        let other = login_via(&s, &router, "203.0.113.8", PASSWORD).await;
        assert_eq!(other, StatusCode::SEE_OTHER);
    }
);

both_backends!(
    issue14_6_a_throttled_sign_in_page_says_when_to_come_back,
    |db: Db| async move {
        let s = server(db);
        member(&s.app, "taro@example.jp", "太郎").await;
        let mut browser = Browser::new(&s);
        for _ in 0..5 {
            let page = browser
                .post(
                    "/login",
                    &[("email", "taro@example.jp"), ("password", "guess")],
                )
                .await;
            assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        }
        let page = browser
            .post(
                "/login",
                &[("email", "taro@example.jp"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(page.headers[header::RETRY_AFTER], "1");
        page.assert_contains(&["しばらく待ってから、もう一度お試しください。"]);
    }
);

both_backends!(
    issue14_7_signing_up_with_a_taken_address_answers_like_a_new_sign_up,
    |db: Db| async move {
        let s = server(db);
        let form = |email: &'static str| {
            [
                ("email", email),
                ("password", PASSWORD),
                ("display_name", "花子"),
            ]
        };
        let mut first = Browser::new(&s);
        let fresh = first.post("/signup", &form("hanako@example.jp")).await;
        let mut second = Browser::new(&s);
        let taken = second.post("/signup", &form("hanako@example.jp")).await;
        assert_eq!(fresh.status, StatusCode::SEE_OTHER);
        assert_eq!(
            (taken.status, taken.location()),
            (fresh.status, fresh.location())
        );
        assert_eq!(taken.html, fresh.html);
        let flash = |p: &Page| {
            p.headers
                .get_all(header::SET_COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find(|c| c.starts_with("yz_flash="))
                .map(str::to_owned)
        };
        assert_eq!(flash(&taken), flash(&fresh));
        let mut c = s.app.db.read().await.expect("read");
        let users = yorozu_store::accounts::users::find_by_email(&mut c, "hanako@example.jp")
            .await
            .expect("find");
        assert!(users.is_some());
    }
);

both_backends!(
    issue14_2_the_token_page_needs_the_password_and_shows_scope_and_expiry,
    |db: Db| async move {
        let s = server(db);
        let me = member(&s.app, "taro@example.jp", "太郎").await;
        let mut browser = Browser::signed_in(&s, me.id).await;
        let form = browser.get("/settings/tokens").await;
        form.assert_contains(&[
            "現在のパスワード",
            r#"value="read" checked"#,
            r#"<option value="90" selected>90日</option>"#,
        ]);

        let wrong = browser
            .post(
                "/settings/tokens",
                &[
                    ("name", "集計"),
                    ("scope", "full"),
                    ("lifetime_days", "30"),
                    ("password", "not mine"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        wrong.assert_contains(&[
            "現在のパスワードが正しくありません。",
            r#"value="full" checked"#,
            r#"<option value="30" selected>"#,
        ]);
        wrong.assert_lacks(&["not mine", "トークンを作成しました"]);

        let made = browser
            .post(
                "/settings/tokens",
                &[
                    ("name", "集計"),
                    ("scope", "read"),
                    ("lifetime_days", "30"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(made.status, StatusCode::OK);
        made.assert_contains(&["トークンを作成しました", "yzp_", "読み取りのみ", "有効期限"]);
        let listed = yorozu_app::accounts::api_tokens::list(&s.app, me.id)
            .await
            .expect("list");
        assert_eq!(listed[0].expires_at, START + 30 * 86_400);

        let renew = browser
            .post(&format!("/settings/tokens/{}/renew", listed[0].id), &[])
            .await;
        assert_eq!(renew.location(), Some("/settings/tokens"));
    }
);
