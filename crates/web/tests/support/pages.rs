//! Driving the HTML pages like a browser: a cookie jar with a session and a CSRF token, GETs
//! and form POSTs through the real router, redirects followed so flash messages show; and the
//! members, services and completed orders those page tests need, made through the use cases.
//!
//! Include it next to `support` with `#[path = "support/pages.rs"] mod pages;`.

// Each test crate uses a different part of the harness.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;
use yorozu_domain::ListingId;
use yorozu_domain::{OrderId, UserId};

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use tower::ServiceExt;
use yorozu_app::App;
use yorozu_app::accounts::register::{Registration, register};
use yorozu_app::accounts::{Client, CurrentUser, sessions};
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::{edit, manage};
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::orders::review::{ReviewInput, write};
use yorozu_app::orders::{deliver, reviews_public};
use yorozu_app::payments::cards;
use yorozu_app::ports::FixedClock;
use yorozu_domain::Locale;
use yorozu_store::accounts::users;

use yorozu_store::Db;
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

use super::{PASSWORD, START, TestServer, server};

/// The test server with a clock the test moves (`support::server` keeps its clock to itself).
pub fn server_with_clock(db: Db) -> (TestServer, Arc<FixedClock>) {
    let mut s = server(db);
    let clock = Arc::new(FixedClock::at(START));
    s.app.clock = clock.clone();
    s.router = yorozu_web::router(AppState {
        app: s.app.clone(),
        web: Arc::new(WebConfig {
            secure_cookies: false,
            mailbox_enabled: true,
            max_body_bytes: 8 * 1024 * 1024,
            trust_proxy: false,
            ..WebConfig::default()
        }),
        metrics: Arc::new(Metrics::default()),
    });
    (s, clock)
}

/// A page as the browser got it.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub html: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    pub fn assert_contains(&self, expected: &[&str]) {
        for text in expected {
            assert!(
                self.html.contains(text),
                "page lacks {text:?}:\n{}",
                self.html
            );
        }
    }

    pub fn assert_lacks(&self, unexpected: &[&str]) {
        for text in unexpected {
            assert!(
                !self.html.contains(text),
                "page shows {text:?}:\n{}",
                self.html
            );
        }
    }
}

/// A browser: cookies kept between requests, signed in or not.
pub struct Browser<'a> {
    pub server: &'a TestServer,
    cookies: BTreeMap<String, String>,
    lang: &'static str,
    /// Headers sent with every GET (a browser's `User-Agent`, a `Referer`).
    headers: Vec<(header::HeaderName, String)>,
}

/// The CSRF nonce cookie every test browser holds; forms carry the token derived from it and
/// the session cookie, as the page's `_csrf` field would (see [`Browser::csrf`]).
const CSRF_NONCE: &str = "test-csrf-nonce-0123456789abcdefghijklmnop";

impl<'a> Browser<'a> {
    pub fn new(server: &'a TestServer) -> Browser<'a> {
        let mut cookies = BTreeMap::new();
        cookies.insert("yz_csrf".to_owned(), CSRF_NONCE.to_owned());
        Browser {
            server,
            cookies,
            lang: "ja",
            headers: Vec::new(),
        }
    }

    /// Signed in with a fresh session of `user_id`.
    pub async fn signed_in(server: &'a TestServer, user_id: UserId) -> Browser<'a> {
        let mut browser = Browser::new(server);
        let mut tx = server.app.db.begin().await.expect("begin");
        let token = sessions::start(&mut tx, &server.app, user_id, &client())
            .await
            .expect("session");
        tx.commit().await.expect("commit");
        browser.cookies.insert("yz_session".to_owned(), token);
        browser
    }

    /// Signed in, and re-authenticated through the page (password again), so sensitive pages
    /// (bank account, payout request) proceed for the next minutes.
    pub async fn reauthenticated(server: &'a TestServer, user_id: UserId) -> Browser<'a> {
        let mut browser = Browser::signed_in(server, user_id).await;
        let page = browser
            .post("/settings/reauth", &[("password", PASSWORD), ("next", "/")])
            .await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "re-authentication: {}",
            page.html
        );
        browser
    }

    /// Pages in English from now on (the language cookie wins over the member's setting).
    pub fn english(mut self) -> Self {
        self.lang = "en";
        self.cookies.insert("yz_lang".to_owned(), "en".to_owned());
        self
    }

    /// Sends `name: value` with every GET from now on (replacing an earlier value).
    pub fn with_header(mut self, name: header::HeaderName, value: &str) -> Self {
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.to_owned()));
        self
    }

    /// Another visitor's browser: its own CSRF nonce, so its forms carry their own token.
    pub fn with_nonce(mut self, nonce: &str) -> Self {
        self.cookies.insert("yz_csrf".to_owned(), nonce.to_owned());
        self
    }

    /// The token a page shows this browser in its forms: bound to its nonce and session.
    pub fn csrf(&self) -> String {
        yorozu_web::ctx::csrf_token(
            &self.server.app.signer,
            self.cookies.get("yz_csrf").map_or("", String::as_str),
            self.cookies.get("yz_session").map(String::as_str),
        )
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, request: Request<Body>) -> Page {
        let response = self
            .server
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let Some((pair, _)) = set
                .to_str()
                .ok()
                .map(|s| s.split_once(';').unwrap_or((s, "")))
            else {
                continue;
            };
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let bytes = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        Page {
            status,
            headers,
            html: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// GETs a page without following redirects.
    pub async fn get(&mut self, path: &str) -> Page {
        let mut request = Request::builder()
            .uri(path)
            .header(header::ACCEPT_LANGUAGE, self.lang)
            .header(header::COOKIE, self.cookie_header());
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let request = request.body(Body::empty()).expect("request");
        self.send(request).await
    }

    /// POSTs a form (with the CSRF field) without following redirects.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut body = format!("_csrf={}", self.csrf());
        for (k, v) in fields {
            body.push_str(&format!(
                "&{}={}",
                urlencoding::encode(k),
                urlencoding::encode(v)
            ));
        }
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::ACCEPT_LANGUAGE, self.lang)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// POSTs a form and follows the redirect it answers with (303), as a browser does.
    pub async fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let answer = self.post(path, fields).await;
        match answer.location() {
            Some(to) if answer.status.is_redirection() => {
                let to = to.to_owned();
                self.get(&to).await
            }
            _ => answer,
        }
    }
}

pub fn client() -> Client {
    Client {
        ip: "192.0.2.10".into(),
        user_agent: "test-browser/1.0".into(),
    }
}

/// A member with a confirmed address (registered through the use case, confirmed in the store
/// as the mailed link would), as the use cases see them.
pub async fn member(app: &App, email: &str, name: &str) -> CurrentUser {
    let registered = register(
        app,
        &Registration {
            email,
            password: PASSWORD,
            display_name: name,
            locale: Locale::Ja,
        },
        &client(),
    )
    .await
    .expect("register")
    .registered()
    .expect("a new member");
    let mut tx = app.db.begin().await.expect("begin");
    users::mark_email_verified(&mut tx, registered.user_id, app.now())
        .await
        .expect("confirm");
    tx.commit().await.expect("commit");
    load_user(app, registered.user_id).await
}

pub async fn load_user(app: &App, user_id: UserId) -> CurrentUser {
    let mut c = app.db.read().await.expect("read");
    CurrentUser::load(&mut c, user_id)
        .await
        .expect("load")
        .expect("active member")
}

/// An operator account, as `yorozu admin create-operator` makes it.
pub async fn operator(app: &App, email: &str) -> CurrentUser {
    let id = yorozu_app::operators::create::create_operator(app, email, PASSWORD, "運営担当")
        .await
        .expect("create operator");
    load_user(app, id).await
}

/// Publishes a ¥3,000 service (名刺 category, 5 days) of `seller`; returns its id.
pub async fn publish(app: &App, seller: &CurrentUser, title: &str) -> ListingId {
    let form = ListingForm {
        title: title.into(),
        category: "301".into(),
        description: "丁寧にお作りします。ご要望をお聞かせください。".into(),
        price: "3000".into(),
        delivery_days: "5".into(),
        revisions: "2".into(),
        ..Default::default()
    };
    let id = edit::create(app, seller, &form)
        .await
        .expect("create listing");
    manage::apply(app, seller, id, manage::Action::Publish)
        .await
        .expect("publish listing");
    id
}

/// Registers the sandbox card that always succeeds; returns its id.
pub async fn card(app: &App, buyer: &CurrentUser) -> i64 {
    cards::register_card(app, buyer, "4242424242424242", "12/30", "123")
        .await
        .expect("register card")
        .id
}

/// Buys the service by card, delivers and approves it: a completed order.
pub async fn completed_order(
    app: &App,
    buyer: &CurrentUser,
    card_id: i64,
    seller: &CurrentUser,
    listing_id: ListingId,
) -> OrderId {
    let placed = place(
        app,
        buyer,
        &Purchase {
            choice: Choice::of(listing_id),
            payment: Payment::Card(card_id),
            request: "よろしくお願いします。".into(),
            purchase_key: yorozu_app::crypto::random_token(),
            expected_total: None,
        },
    )
    .await
    .expect("place order");
    deliver::deliver(app, seller, placed.order_id, "納品いたします。", vec![])
        .await
        .expect("deliver");
    deliver::approve(app, buyer, placed.order_id)
        .await
        .expect("approve");
    placed.order_id
}

/// Writes `member`'s review of a completed order.
pub async fn review(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    rating: u8,
    comment: &str,
    anonymous: bool,
) {
    write(
        app,
        member,
        order_id,
        &ReviewInput {
            rating: rating.to_string(),
            comment: comment.into(),
            anonymous,
        },
    )
    .await
    .expect("write review");
}

/// How many reviews the service page shows before linking to the full list.
pub const SERVICE_PAGE_REVIEWS: i64 = reviews_public::SERVICE_PAGE_REVIEWS;
