//! Web-layer hardening from issue 14, each test named for its finding, on both databases:
//! the local mailbox needs its key or operator rights (#1); `next` only ever leads to a path on
//! this site (#4); the language is saved by POST only and `/metrics` needs its bearer token
//! (#11); the CSRF token is bound to the session, cookies are `__Host-` and `Secure` and HSTS
//! is sent whenever the request arrived over https (#12).

#[path = "support/pages.rs"]
mod pages;
mod support;

use std::sync::Arc;
use yorozu_domain::UserId;

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use pages::*;
use support::*;
use tower::ServiceExt;
use yorozu_app::accounts::sessions;
use yorozu_domain::Locale;
use yorozu_store::mailbox::{self, MailboxRow};
use yorozu_store::{Db, both_backends};
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

const MAILBOX_KEY: &str = "mailbox-key-0123456789abcdef";
const METRICS_TOKEN: &str = "metrics-token-0123456789abcdef";
const RESET_SUBJECT: &str = "【よろず】パスワードの再設定";
const RESET_LINK: &str = "http://localhost/account/reset?token=secret-reset-token";
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The test server with these web settings (the mailbox open with [`MAILBOX_KEY`] by default).
fn server_with(db: Db, web: WebConfig) -> TestServer {
    let mut s = server(db);
    s.router = yorozu_web::router(AppState {
        app: s.app.clone(),
        web: Arc::new(web),
        metrics: Arc::new(Metrics::default()),
    });
    s
}

fn with_mailbox() -> WebConfig {
    WebConfig {
        mailbox_enabled: true,
        mailbox_key: MAILBOX_KEY.into(),
        ..WebConfig::default()
    }
}

/// A password-reset mail captured in the local mailbox; returns its id.
async fn captured_reset_mail(s: &TestServer) -> i64 {
    let id = 4_242;
    let mut tx = s.app.db.begin().await.expect("begin");
    mailbox::insert(
        &mut tx,
        &MailboxRow {
            id,
            user_id: None,
            to_addr: "victim@example.jp".into(),
            subject: RESET_SUBJECT.into(),
            body_text: format!("再設定はこちら: {RESET_LINK}"),
            headers: String::new(),
            sent_at: START,
        },
    )
    .await
    .expect("insert mail");
    tx.commit().await.expect("commit");
    id
}

/// A raw request through the router: status, headers, body text.
async fn send(s: &TestServer, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = s.router.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn set_cookies(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

/// A fresh session cookie for `user_id`.
async fn session_of(s: &TestServer, user_id: UserId) -> String {
    let mut tx = s.app.db.begin().await.expect("begin");
    let token = sessions::start(&mut tx, &s.app, user_id, &client())
        .await
        .expect("session");
    tx.commit().await.expect("commit");
    token
}

fn form_post(path: &str, cookie: &str, body: String) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, "ja")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("request")
}

// ---------------------------------------------------------------------------------------
// #1: the local mailbox

both_backends!(
    finding1_mailbox_is_closed_without_the_printed_key_or_operator_rights,
    |db: Db| async move {
        let s = server_with(db, with_mailbox());
        let id = captured_reset_mail(&s).await;
        let paths = [
            "/mailbox".to_owned(),
            "/mailbox.json".to_owned(),
            format!("/mailbox/{id}"),
        ];

        // A stranger, with no key, a wrong key, or a signed-in member's session: refused, and
        // the reset link is nowhere in the answer.
        let m = member(&s.app, "member@example.jp", "会員").await;
        let mut stranger = Browser::new(&s);
        let mut signed_in = Browser::signed_in(&s, m.id).await;
        for path in &paths {
            for page in [
                stranger.get(path).await,
                stranger
                    .get(&format!("{path}?key=wrong-key-0123456789abcdef"))
                    .await,
                stranger.get(&format!("{path}?key=")).await,
                signed_in.get(path).await,
            ] {
                assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}: {}", page.html);
                page.assert_lacks(&["secret-reset-token", RESET_SUBJECT]);
            }
        }
        let refused = stranger.get("/mailbox").await;
        refused.assert_contains(&["サーバー起動時に表示された受信箱のリンク"]);
        // Behind a proxy nothing changes: the mailbox does not trust where a request says it
        // comes from.
        let (status, _, body) = send(
            &s,
            Request::builder()
                .uri("/mailbox.json")
                .header("x-forwarded-for", "127.0.0.1")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!body.contains("secret-reset-token"));

        // The printed link opens it, and the key is kept for the mails listed there.
        let mut console = Browser::new(&s);
        let list = console.get(&format!("/mailbox?key={MAILBOX_KEY}")).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.html);
        list.assert_contains(&[RESET_SUBJECT]);
        let mail = console.get(&format!("/mailbox/{id}")).await;
        assert_eq!(mail.status, StatusCode::OK);
        mail.assert_contains(&[RESET_LINK]);
        let json = stranger
            .get(&format!("/mailbox.json?key={MAILBOX_KEY}"))
            .await;
        assert_eq!(json.status, StatusCode::OK);
        assert!(json.html.contains("secret-reset-token"), "{}", json.html);

        // Operators read it signed in, without a key.
        let op = operator(&s.app, "ops@example.jp").await;
        let mut ops = Browser::signed_in(&s, op.id).await;
        for path in &paths {
            assert_eq!(ops.get(path).await.status, StatusCode::OK, "{path}");
        }

        // With an SMTP server configured there is no mailbox at all, key or not.
        let smtp = server_with(
            s.app.db.clone(),
            WebConfig {
                mailbox_enabled: false,
                ..with_mailbox()
            },
        );
        let page = Browser::new(&smtp)
            .get(&format!("/mailbox?key={MAILBOX_KEY}"))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
    }
);

// ---------------------------------------------------------------------------------------
// #4: `next` after a language switch or sign-in

both_backends!(
    finding4_next_with_a_tab_or_control_character_goes_home,
    |db: Db| async move {
        let s = server(db);
        let mut visitor = Browser::new(&s);
        // Browsers drop the tab and read `//evil.example`; the control character used to
        // make the Location header fail with a 500.
        for next in [
            "/%09/evil.example",
            "/%0A/evil.example",
            "/%5C/evil.example",
            "%2F%2Fevil.example",
            "/%01x",
            "/%7F",
            "https://evil.example/",
        ] {
            let page = visitor.get(&format!("/lang/ja?next={next}")).await;
            // A control character in a query is refused at the edge with a message (400);
            // anything else that is not a path on this site goes home.
            if page.status == StatusCode::BAD_REQUEST {
                assert!(
                    ["%09", "%0A", "%01", "%7F"]
                        .iter()
                        .any(|c| next.contains(c)),
                    "{next}: {}",
                    page.html
                );
                page.assert_contains(&["制御文字"]);
            } else {
                assert_eq!(page.status, StatusCode::SEE_OTHER, "{next}: {}", page.html);
                assert_eq!(page.location(), Some("/"), "{next}");
            }
            let raw = urlencoding::decode(next).expect("utf-8").into_owned();
            let page = visitor.post("/lang/ja", &[("next", &raw)]).await;
            if page.status == StatusCode::BAD_REQUEST {
                page.assert_contains(&["制御文字"]);
            } else {
                assert_eq!(page.location(), Some("/"), "{raw:?} posted");
            }
        }
        // Undecodable input goes home; an unreadable query is refused with a message.
        let page = visitor.get("/lang/ja?next=/%FF").await;
        assert_eq!(page.location(), Some("/"));
        let page = visitor.get("/lang/ja?next=/a&next=/b").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.assert_contains(&["戻り先のページのアドレスを読み取れませんでした。"]);
        // A path on this site is followed.
        let page = visitor
            .post("/lang/en", &[("next", "/search?q=logo")])
            .await;
        assert_eq!(page.location(), Some("/search?q=logo"));

        // Signing in follows the same rule, from the form and from the link when signed in.
        let m = member(&s.app, "next@example.jp", "次へ").await;
        let mut browser = Browser::new(&s);
        let page = browser
            .post(
                "/login",
                &[
                    ("email", "next@example.jp"),
                    ("password", PASSWORD),
                    ("next", "/\t/evil.example"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.html);
        assert_eq!(page.location(), Some("/"));
        let mut signed_in = Browser::signed_in(&s, m.id).await;
        // A control character in the query never reaches a redirect: it is refused at the
        // edge with a message.
        for query in ["/login?next=/%09/evil.example", "/login?next=/%00"] {
            let page = signed_in.get(query).await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
            assert_eq!(page.location(), None);
            page.assert_contains(&["制御文字"]);
        }
        let page = signed_in.get("/login?next=%2F%2Fevil.example").await;
        assert_eq!(page.location(), Some("/"));
    }
);

// ---------------------------------------------------------------------------------------
// #11: the language is saved by POST; /metrics needs a secret

both_backends!(
    finding11_language_link_get_changes_no_stored_setting,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "get@example.jp", "ゲット").await;
        let mut browser = Browser::signed_in(&s, m.id).await;
        let page = browser.get("/lang/en?next=/settings").await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.location(), Some("/settings"));
        // The browser shows English (cookie) but the member's stored setting is unchanged.
        assert!(
            set_cookies(&page.headers)
                .iter()
                .any(|c| c.starts_with("yz_lang=en;"))
        );
        assert_eq!(load_user(&s.app, m.id).await.locale, Locale::Ja);
    }
);

both_backends!(
    finding11_language_form_post_saves_the_setting_with_a_valid_token,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "post@example.jp", "ポスト").await;
        let mut browser = Browser::signed_in(&s, m.id).await;
        // The footer's switch is a form posting to /lang/{tag}.
        let home = browser.get("/").await;
        home.assert_contains(&[
            r#"<form method="post" action="/lang/en" class="inline">"#,
            r#"<input type="hidden" name="next" value="/">"#,
        ]);
        // Without the CSRF token nothing changes.
        let session = session_of(&s, m.id).await;
        let cookie = format!("yz_csrf={NONCE}; yz_session={session}");
        let (status, _, _) = send(
            &s,
            form_post("/lang/en", &cookie, "next=%2Fsettings".into()),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(load_user(&s.app, m.id).await.locale, Locale::Ja);
        // With it, the setting is saved.
        let page = browser.post("/lang/en", &[("next", "/settings")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.location(), Some("/settings"));
        assert_eq!(load_user(&s.app, m.id).await.locale, Locale::En);
    }
);

both_backends!(
    finding11_metrics_need_the_bearer_token,
    |db: Db| async move {
        let metrics = |s: &TestServer, auth: Option<&str>| {
            let mut request = Request::builder().uri("/metrics");
            if let Some(auth) = auth {
                request = request.header(header::AUTHORIZATION, auth);
            }
            let request = request.body(Body::empty()).expect("request");
            let router = s.router.clone();
            async move {
                let response = router.oneshot(request).await.expect("infallible");
                let status = response.status();
                let body = to_bytes(response.into_body(), usize::MAX)
                    .await
                    .expect("body");
                (status, String::from_utf8_lossy(&body).into_owned())
            }
        };
        // No token configured: nothing on the site's address.
        let open = server(db.clone());
        let _ = Browser::new(&open).get("/operator").await;
        let (status, body) = metrics(&open, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!body.contains("/operator"), "{body}");

        let guarded = server_with(
            db.clone(),
            WebConfig {
                metrics_token: Some(METRICS_TOKEN.into()),
                ..WebConfig::default()
            },
        );
        let _ = Browser::new(&guarded).get("/operator").await;
        for auth in [
            None,
            Some("Bearer wrong-token-0123456789abcdef".to_owned()),
            Some(format!("Basic {METRICS_TOKEN}")),
            Some("Bearer ".to_owned()),
        ] {
            let (status, body) = metrics(&guarded, auth.as_deref()).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth:?}");
            assert!(!body.contains("/operator"), "{body}");
        }
        let (status, body) = metrics(&guarded, Some(&format!("Bearer {METRICS_TOKEN}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("yorozu_http_requests_total"), "{body}");

        // The separate listen address (`--metrics-bind`) serves /metrics alone, without a token.
        let state = AppState {
            app: guarded.app.clone(),
            web: Arc::new(WebConfig::default()),
            metrics: Arc::new(Metrics::default()),
        };
        let only_metrics = TestServer {
            router: yorozu_web::metrics_router(state),
            app: guarded.app.clone(),
            clock: guarded.clock.clone(),
            _files: yorozu_store::testing::TempDir::new("yorozu-metrics-bind"),
            _search: yorozu_store::testing::TempDir::new("yorozu-metrics-bind-search"),
        };
        assert_eq!(metrics(&only_metrics, None).await.0, StatusCode::OK);
        let (status, _, _) = send(
            &only_metrics,
            Request::builder()
                .uri("/mailbox")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
);

// ---------------------------------------------------------------------------------------
// #12: CSRF token bound to the session; __Host- cookies, Secure and HSTS over https

const NONCE: &str = "planted-nonce-0123456789abcdefghijklmnop";

both_backends!(
    finding12_csrf_token_is_bound_to_the_session,
    |db: Db| async move {
        let s = server(db);
        let victim = member(&s.app, "victim@example.jp", "被害者").await;
        let attacker = member(&s.app, "attacker@example.jp", "攻撃者").await;
        let victim_session = session_of(&s, victim.id).await;
        let attacker_session = session_of(&s, attacker.id).await;
        let signer = &s.app.signer;
        let cookie = format!("yz_csrf={NONCE}; yz_session={victim_session}");
        let logout = |token: &str| form_post("/logout", &cookie, format!("_csrf={token}"));

        // Double-submit alone used to pass: a nonce the attacker planted, sent back as the token.
        let (status, _, _) = send(&s, logout(NONCE)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // A token made for the attacker's own session, or for no session, with the same nonce.
        for other in [Some(attacker_session.as_str()), None] {
            let token = yorozu_web::ctx::csrf_token(signer, NONCE, other);
            let (status, _, _) = send(&s, logout(&token)).await;
            assert_eq!(status, StatusCode::FORBIDDEN);
        }
        // Still signed in.
        let (status, _, _) = send(
            &s,
            Request::builder()
                .uri("/settings/profile")
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);

        // The page shows the victim the token of their session, and that one works.
        let (_, _, page) = send(
            &s,
            Request::builder()
                .uri("/settings/profile")
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        let token = yorozu_web::ctx::csrf_token(signer, NONCE, Some(&victim_session));
        assert!(
            page.contains(&format!(r#"<meta name="csrf-token" content="{token}">"#)),
            "{page}"
        );
        assert_ne!(token, NONCE);
        let (status, _, _) = send(&s, logout(&token)).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
);

both_backends!(
    finding12_https_behind_a_trusted_proxy_gets_host_cookies_secure_and_hsts,
    |db: Db| async move {
        let s = server_with(
            db,
            WebConfig {
                trust_proxy: true,
                ..WebConfig::default()
            },
        );
        let m = member(&s.app, "tls@example.jp", "暗号").await;
        let get = |cookie: &str, proto: Option<&str>| {
            let mut r = Request::builder()
                .uri("/login")
                .header(header::ACCEPT_LANGUAGE, "ja");
            if !cookie.is_empty() {
                r = r.header(header::COOKIE, cookie);
            }
            if let Some(p) = proto {
                r = r.header("x-forwarded-proto", p);
            }
            r.body(Body::empty()).expect("request")
        };

        // Over https (as the proxy says): __Host- name, Secure, HSTS.
        let (_, headers, _) = send(&s, get("", Some("https"))).await;
        let cookies = set_cookies(&headers);
        assert!(
            cookies.iter().any(|c| c.starts_with("__Host-yz_csrf=")
                && c.ends_with("; Secure")
                && c.contains("; Path=/")
                && !c.contains("Domain")),
            "{cookies:?}"
        );
        assert_eq!(
            headers
                .get(header::STRICT_TRANSPORT_SECURITY)
                .and_then(|v| v.to_str().ok()),
            Some(HSTS)
        );

        // Signing in over https sets a __Host- session cookie, with Secure.
        let token = yorozu_web::ctx::csrf_token(&s.app.signer, NONCE, None);
        let mut login = form_post(
            "/login",
            &format!("__Host-yz_csrf={NONCE}"),
            format!(
                "_csrf={token}&email=tls%40example.jp&password={}",
                urlencoding::encode(PASSWORD)
            ),
        );
        login
            .headers_mut()
            .insert("x-forwarded-proto", "https".parse().expect("header"));
        let (status, headers, body) = send(&s, login).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let cookies = set_cookies(&headers);
        assert!(
            cookies
                .iter()
                .any(|c| c.starts_with("__Host-yz_session=") && c.ends_with("; Secure")),
            "{cookies:?}"
        );
        // A plain-named cookie is not read over https (a sibling domain or plain http could
        // have planted it), while the __Host- one is.
        let session = session_of(&s, m.id).await;
        let settings = |cookie: String| {
            let mut r = get(&cookie, Some("https"));
            *r.uri_mut() = "/settings/profile".parse().expect("uri");
            r
        };
        let (status, _, _) = send(&s, settings(format!("yz_session={session}"))).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "plain name over https");
        let (status, _, _) = send(&s, settings(format!("__Host-yz_session={session}"))).await;
        assert_eq!(status, StatusCode::OK);

        // Plain http (local development): plain names, no Secure, no HSTS.
        let (_, headers, _) = send(&s, get("", None)).await;
        let cookies = set_cookies(&headers);
        assert!(
            cookies
                .iter()
                .any(|c| c.starts_with("yz_csrf=") && !c.contains("Secure")),
            "{cookies:?}"
        );
        assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY));

        // Without --trust-proxy the header is anybody's: ignored.
        let untrusted = server_with(s.app.db.clone(), WebConfig::default());
        let (_, headers, _) = send(&untrusted, get("", Some("https"))).await;
        assert!(
            set_cookies(&headers)
                .iter()
                .all(|c| !c.starts_with("__Host-") && !c.contains("Secure"))
        );
        assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY));

        // An https base URL vouches for every request, the API included.
        let https_site = server_with(
            s.app.db.clone(),
            WebConfig {
                secure_cookies: true,
                ..WebConfig::default()
            },
        );
        let (_, headers, _) = send(&https_site, get("", None)).await;
        assert!(
            set_cookies(&headers)
                .iter()
                .any(|c| c.starts_with("__Host-yz_csrf=") && c.ends_with("; Secure"))
        );
        assert!(headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
        let (_, headers, _) = send(
            &https_site,
            Request::builder()
                .uri("/api/v1/openapi.json")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert!(headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
    }
);
