//! The order pages as a browser uses them, on each database kind: the final confirmation
//! screen, placing an order (once per purchase key), the order page for its parties only, the
//! seller's delivery form, a refused card, and talk-room attachments up and down.
//!
//! Requests go through the real router with a session cookie and the CSRF double-submit
//! cookie, as a browser sends them.

mod support;

use support::*;

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use tower::ServiceExt;
use yorozu_app::accounts::register::{Registration, register};
use yorozu_app::accounts::{Client, CurrentUser};
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::{edit, manage};
use yorozu_app::orders::Party;
use yorozu_app::orders::view;
use yorozu_app::payments::cards;
use yorozu_domain::ListingId;
use yorozu_domain::orders::OrderEvent;
use yorozu_domain::{Locale, OrderId};
use yorozu_i18n::Tr;
use yorozu_store::accounts::users;
use yorozu_store::both_backends;

/// The CSRF nonce every test browser holds in its cookie; forms send the token derived from it
/// and the session ([`Browser::csrf`]).
const CSRF: &str = "order-pages-test-csrf-token-0123456789";

/// One answer to a page request.
struct Page {
    status: StatusCode,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl Page {
    fn html(&self) -> String {
        String::from_utf8(self.bytes.clone()).expect("UTF-8 page")
    }

    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("no Location ({}): {}", self.status, self.html()))
    }
}

/// A signed-in member's browser.
struct Browser {
    user: CurrentUser,
    session: String,
}

impl Browser {
    fn cookies(&self) -> String {
        format!("yz_csrf={CSRF}; yz_session={}", self.session)
    }

    /// The form token the pages show this browser.
    fn csrf(&self, s: &TestServer) -> String {
        yorozu_web::ctx::csrf_token(&s.app.signer, CSRF, Some(&self.session))
    }
}

async fn send(s: &TestServer, request: Request<Body>) -> Page {
    let response = s.router.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Page {
        status,
        headers,
        bytes,
    }
}

async fn get(s: &TestServer, who: Option<&Browser>, path: &str) -> Page {
    let mut request = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, "ja");
    if let Some(b) = who {
        request = request.header(header::COOKIE, b.cookies());
    }
    send(s, request.body(Body::empty()).expect("request")).await
}

async fn post_form(s: &TestServer, who: &Browser, path: &str, fields: &[(&str, String)]) -> Page {
    let mut body = format!("_csrf={}", who.csrf(s));
    for (name, value) in fields {
        body.push('&');
        body.push_str(&urlencoding::encode(name));
        body.push('=');
        body.push_str(&urlencoding::encode(value));
    }
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, "ja")
        .header(header::COOKIE, who.cookies())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("request");
    send(s, request).await
}

/// A multipart form with text fields and files (name, file name, type, bytes); the CSRF token
/// travels in the URL, as the page's form sends it.
async fn post_multipart(
    s: &TestServer,
    who: &Browser,
    path: &str,
    texts: &[(&str, &str)],
    files: &[(&str, &str, &str, &[u8])],
) -> Page {
    let boundary = "----yorozu-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, value) in texts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, file_name, content_type, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("{path}?_csrf={}", who.csrf(s)))
        .header(header::ACCEPT_LANGUAGE, "ja")
        .header(header::COOKIE, who.cookies())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    send(s, request).await
}

/// A member with a confirmed address and a browser session.
async fn member(s: &TestServer, email: &str, name: &str) -> Browser {
    let registered = register(
        &s.app,
        &Registration {
            email,
            password: PASSWORD,
            display_name: name,
            locale: Locale::Ja,
        },
        &Client {
            ip: "127.0.0.1".into(),
            user_agent: "order-pages-test".into(),
        },
    )
    .await
    .expect("register")
    .registered()
    .expect("a new member");
    let mut tx = s.app.db.begin().await.expect("begin");
    users::mark_email_verified(&mut tx, registered.user_id, START)
        .await
        .expect("verify");
    tx.commit().await.expect("commit");
    let mut c = s.app.db.read().await.expect("read");
    let user = CurrentUser::load(&mut c, registered.user_id)
        .await
        .expect("load")
        .expect("active member");
    Browser {
        user,
        session: registered.session_token,
    }
}

/// A seller, a buyer with a Visa test card, and a published ¥3,000 service with one ¥1,000
/// option.
struct Market {
    s: TestServer,
    seller: Browser,
    buyer: Browser,
    listing: ListingId,
    card: i64,
}

async fn market(db: yorozu_store::Db) -> Market {
    let s = server(db);
    let seller = member(&s, "seller@example.jp", "売り手花子").await;
    let buyer = member(&s, "buyer@example.jp", "買い手太郎").await;
    let form = ListingForm {
        title: "ロゴを作成します".into(),
        category: "301".into(),
        description: "シンプルで覚えやすいロゴをお作りします。".into(),
        price: "3000".into(),
        delivery_days: "5".into(),
        revisions: "2".into(),
        option_titles: vec!["商用利用".into()],
        option_prices: vec!["1000".into()],
        ..Default::default()
    };
    let listing = edit::create(&s.app, &seller.user, &form)
        .await
        .expect("create listing");
    manage::apply(&s.app, &seller.user, listing, manage::Action::Publish)
        .await
        .expect("publish");
    let card = register_card(&s, &buyer, "4242424242424242").await;
    Market {
        s,
        seller,
        buyer,
        listing,
        card,
    }
}

async fn register_card(s: &TestServer, who: &Browser, number: &str) -> i64 {
    cards::register_card(&s.app, &who.user, number, "12/30", "123")
        .await
        .expect("register card")
        .id
}

/// The value of the first `name="…" value="…"` input in a page.
fn input_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no input {name} in:\n{html}"))
        + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

/// Opens the confirmation screen and returns the form fields that 「注文を確定する」 sends.
async fn confirmation_fields(m: &Market, card: i64) -> Vec<(&'static str, String)> {
    let page = get(
        &m.s,
        Some(&m.buyer),
        &format!("/orders/new?listing={}", m.listing),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html());
    let html = page.html();
    vec![
        ("listing", m.listing.to_string()),
        ("payment", card.to_string()),
        ("request", "よろしくお願いします。".into()),
        ("purchase_key", input_value(&html, "purchase_key")),
        ("expected_total", input_value(&html, "expected_total")),
    ]
}

/// Places an order through the page; returns its id.
async fn place(m: &Market) -> OrderId {
    let fields = confirmation_fields(m, m.card).await;
    let placed = post_form(&m.s, &m.buyer, "/orders", &fields).await;
    assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.html());
    order_id_of(placed.location())
}

fn order_id_of(location: &str) -> OrderId {
    location
        .strip_prefix("/orders/")
        .and_then(|id| id.parse().ok())
        .map(OrderId::new)
        .unwrap_or_else(|| panic!("not an order page: {location}"))
}

async fn purchases(m: &Market) -> i64 {
    view::list(&m.s.app, &m.buyer.user, Party::Buyer, 1)
        .await
        .expect("list")
        .1
}

/// A missing message shows its id: none of the order pages' ids may show.
fn assert_no_message_ids(html: &str) {
    for prefix in ["orders-", "order-event-"] {
        assert!(
            !html.contains(prefix),
            "page shows a message id starting {prefix}:\n{html}"
        );
    }
}

// ---------------------------------------------------------------------------------------

both_backends!(
    confirmation_screen_shows_the_breakdown_terms_and_legal_links,
    |db| async move {
        let m = market(db).await;

        // Signed out: sign in first, then come back to the same screen.
        let page = get(
            &m.s,
            None,
            &format!("/orders/new?listing={}&options=0", m.listing),
        )
        .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(
            page.location(),
            format!(
                "/login?next=%2Forders%2Fnew%3Flisting%3D{}%26options%3D0",
                m.listing
            )
        );

        let page = get(
            &m.s,
            Some(&m.buyer),
            &format!("/orders/new?listing={}&options=0", m.listing),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        for text in [
            "ご注文内容の確認",
            "ロゴを作成します",
            "売り手花子",
            "商用利用",
            "サービス価格",
            "3,000円",
            "オプション",
            "1,000円",
            "サービス利用料（5.5%）",
            "220円",
            "お支払い金額（税込）",
            "4,220円",
            "保有ポイント: 0ポイント",
            "お支払い後5日以内",
            "24時間以内に同意するか異議を伝えます",
            "お支払いに使われた方法で返金され",
            "3日以内に承認も差し戻しもない場合は自動的に承認され",
            "Visa ****4242（有効期限 12/30）",
            "後払い（72時間以内にお支払い）",
            "href=\"/settings/cards\"",
            "ご要望・ご依頼内容（任意）",
            "href=\"/legal/terms\"",
            "href=\"/legal/tokushoho\"",
            "利用規約に同意のうえ",
            "再計算する",
            "注文を確定する",
        ] {
            assert!(html.contains(text), "confirmation lacks {text:?}:\n{html}");
        }
        assert!(html.contains("name=\"options\" value=\"0\" checked"));
        assert_eq!(input_value(&html, "expected_total"), "4220");
        let key = input_value(&html, "purchase_key");
        assert!(key.len() >= 16, "purchase key {key:?}");
        assert_eq!(
            page.headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        assert_no_message_ids(&html);

        // Each showing has its own key.
        let again = get(
            &m.s,
            Some(&m.buyer),
            &format!("/orders/new?listing={}", m.listing),
        )
        .await
        .html();
        assert_ne!(input_value(&again, "purchase_key"), key);
        assert!(
            again.contains("3,165円"),
            "without the option: ¥3,000 + ¥165"
        );

        // A wrong coupon code: the message by the field, the breakdown without it.
        let page = get(
            &m.s,
            Some(&m.buyer),
            &format!("/orders/new?listing={}&coupon=NOPE-1234", m.listing),
        )
        .await;
        let html = page.html();
        assert!(
            html.contains("このクーポンコードは見つかりません。"),
            "{html}"
        );
        assert!(html.contains("value=\"NOPE-1234\""));
        assert_eq!(input_value(&html, "expected_total"), "3165");

        // The seller cannot buy their own service.
        let own = get(
            &m.s,
            Some(&m.seller),
            &format!("/orders/new?listing={}", m.listing),
        )
        .await;
        assert_eq!(own.status, StatusCode::CONFLICT);
    }
);

both_backends!(
    placing_an_order_redirects_to_it_once_per_purchase_key,
    |db| async move {
        let m = market(db).await;
        let fields = confirmation_fields(&m, m.card).await;

        let first = post_form(&m.s, &m.buyer, "/orders", &fields).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.html());
        let id = order_id_of(first.location());

        // The same form sent again (a double click, a reload): the same order, no second one.
        let second = post_form(&m.s, &m.buyer, "/orders", &fields).await;
        assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.html());
        assert_eq!(second.location(), first.location());
        assert_eq!(purchases(&m).await, 1);

        let page = get(&m.s, Some(&m.buyer), &format!("/orders/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        for text in [
            "ロゴを作成します",
            "作業中",
            "aria-current=\"step\"",
            "売り手花子",
            "お支払い金額（税込）",
            "3,165円",
            "よろしくお願いします。",
            "トークルーム",
        ] {
            assert!(html.contains(text), "order page lacks {text:?}:\n{html}");
        }
        assert_no_message_ids(&html);

        // Both lists show it.
        let list = get(&m.s, Some(&m.buyer), "/orders?tab=purchases")
            .await
            .html();
        assert!(list.contains(&format!("href=\"/orders/{id}\"")), "{list}");
        assert!(list.contains("売り手花子"));
        let list = get(&m.s, Some(&m.seller), "/orders?tab=sales").await.html();
        assert!(list.contains(&format!("href=\"/orders/{id}\"")), "{list}");
        assert!(
            list.contains("未読 1件"),
            "the buyer's request is unread: {list}"
        );
        assert_no_message_ids(&list);

        // The seller sees their share rather than what the buyer paid.
        let html = get(&m.s, Some(&m.seller), &format!("/orders/{id}"))
            .await
            .html();
        for text in [
            "販売手数料",
            "-660円",
            "あなたの売上金",
            "2,340円",
            "買い手太郎",
        ] {
            assert!(html.contains(text), "seller's page lacks {text:?}:\n{html}");
        }
        assert!(!html.contains("3,165円"));
        // Opening the order read the request.
        let list = get(&m.s, Some(&m.seller), "/orders?tab=sales").await.html();
        assert!(!list.contains("未読"), "{list}");
    }
);

both_backends!(
    a_refused_card_shows_the_screen_again_and_orders_nothing,
    |db| async move {
        let m = market(db).await;
        // The sandbox registers this card but declines every charge (insufficient funds); the
        // card 4000000000000002 is already refused when it is registered.
        let poor = register_card(&m.s, &m.buyer, "4000000000009995").await;
        let fields = confirmation_fields(&m, poor).await;
        let key = fields
            .iter()
            .find(|(n, _)| *n == "purchase_key")
            .map(|(_, v)| v.clone())
            .expect("key");

        let page = post_form(&m.s, &m.buyer, "/orders", &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = page.html();
        assert!(html.contains("ご注文内容の確認"), "{html}");
        assert!(html.contains("class=\"error-summary\""));
        assert!(
            html.contains("ご利用可能枠が不足しているため、このカードでは支払えませんでした。"),
            "{html}"
        );
        assert!(html.contains("id=\"card-error\""));
        // The inputs are kept; the declined key is replaced, so another card can be tried.
        assert!(html.contains("よろしくお願いします。"));
        assert!(html.contains(&format!("name=\"payment\" value=\"{poor}\" checked")));
        assert_ne!(input_value(&html, "purchase_key"), key);
        assert_eq!(purchases(&m).await, 0);

        // With the good card under the new key, the order goes through.
        let mut retry = fields.clone();
        for (name, value) in retry.iter_mut() {
            match *name {
                "payment" => *value = m.card.to_string(),
                "purchase_key" => *value = input_value(&html, "purchase_key"),
                _ => {}
            }
        }
        let placed = post_form(&m.s, &m.buyer, "/orders", &retry).await;
        assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.html());
        assert_eq!(purchases(&m).await, 1);
    }
);

both_backends!(
    only_the_parties_see_an_order_and_its_files,
    |db| async move {
        let m = market(db).await;
        let id = place(&m).await;
        let stranger = member(&m.s, "stranger@example.jp", "第三者").await;

        let sent = post_multipart(
            &m.s,
            &m.buyer,
            &format!("/orders/{id}/messages"),
            &[("body", "参考資料です。")],
            &[("files", "資料.txt", "text/plain", "ロゴの参考".as_bytes())],
        )
        .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html());
        let detail = view::detail(&m.s.app, &m.buyer.user, id)
            .await
            .expect("detail");
        let attachment = detail
            .messages
            .iter()
            .flat_map(|msg| msg.attachments.iter())
            .next()
            .expect("attachment")
            .id;

        let page = get(&m.s, Some(&stranger), &format!("/orders/{id}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(!page.html().contains("ロゴを作成します"));
        let file = get(
            &m.s,
            Some(&stranger),
            &format!("/orders/{id}/files/{attachment}"),
        )
        .await;
        assert_eq!(file.status, StatusCode::NOT_FOUND);
        let reference = "ロゴの参考".as_bytes();
        assert!(!file.bytes.windows(reference.len()).any(|w| w == reference));

        // Nor can the stranger act on it.
        let acted = post_form(&m.s, &stranger, &format!("/orders/{id}/approve"), &[]).await;
        assert_eq!(acted.status, StatusCode::NOT_FOUND);

        // Signed out: to the sign-in page.
        let page = get(&m.s, None, &format!("/orders/{id}")).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert!(page.location().starts_with("/login?next="));
    }
);

both_backends!(the_seller_delivers_and_the_buyer_decides, |db| async move {
    let m = market(db).await;
    let id = place(&m).await;
    let deliver_form = format!("action=\"/orders/{id}/delivery?_csrf=");

    let seller_page = get(&m.s, Some(&m.seller), &format!("/orders/{id}"))
        .await
        .html();
    assert!(seller_page.contains(&deliver_form), "{seller_page}");
    assert!(seller_page.contains("正式に納品する"));
    let buyer_page = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
        .await
        .html();
    assert!(!buyer_page.contains(&deliver_form));
    assert!(!buyer_page.contains("正式に納品する"));
    assert!(!buyer_page.contains(&format!("/orders/{id}/approve")));

    // A delivery without a note: the form comes back with its message.
    let refused = post_multipart(
        &m.s,
        &m.seller,
        &format!("/orders/{id}/delivery"),
        &[("body", "  ")],
        &[],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html().contains("id=\"body-error\""),
        "{}",
        refused.html()
    );

    let delivered = post_multipart(
        &m.s,
        &m.seller,
        &format!("/orders/{id}/delivery"),
        &[("body", "ロゴをお届けします。")],
        &[("files", "logo.png", "image/png", &png(8, 8))],
    )
    .await;
    assert_eq!(
        delivered.status,
        StatusCode::SEE_OTHER,
        "{}",
        delivered.html()
    );
    assert_eq!(delivered.location(), format!("/orders/{id}"));

    let buyer_page = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
        .await
        .html();
    for text in [
        "納品済み（承認待ち）",
        "正式な納品",
        "ロゴをお届けします。",
        "logo.png",
        "承認して取引を完了する",
        "差し戻す",
        "自動的に承認されます",
    ] {
        assert!(
            buyer_page.contains(text),
            "buyer's page lacks {text:?}:\n{buyer_page}"
        );
    }
    let seller_page = get(&m.s, Some(&m.seller), &format!("/orders/{id}"))
        .await
        .html();
    assert!(
        !seller_page.contains(&deliver_form),
        "no second delivery while one is pending"
    );

    let approved = post_form(&m.s, &m.buyer, &format!("/orders/{id}/approve"), &[]).await;
    assert_eq!(
        approved.status,
        StatusCode::SEE_OTHER,
        "{}",
        approved.html()
    );
    let buyer_page = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
        .await
        .html();
    assert!(buyer_page.contains("出品者を評価する"), "{buyer_page}");

    let reviewed = post_form(
        &m.s,
        &m.buyer,
        &format!("/orders/{id}/review"),
        &[("rating", "5".into()), ("comment", "丁寧でした。".into())],
    )
    .await;
    assert_eq!(
        reviewed.status,
        StatusCode::SEE_OTHER,
        "{}",
        reviewed.html()
    );
    let seller_page = get(&m.s, Some(&m.seller), &format!("/orders/{id}"))
        .await
        .html();
    assert!(seller_page.contains("購入者からの評価"), "{seller_page}");
    assert!(seller_page.contains("丁寧でした。"));
    assert!(seller_page.contains("購入者を評価する"));
    assert_no_message_ids(&seller_page);
});

both_backends!(
    an_attachment_downloads_with_its_bytes_and_name,
    |db| async move {
        let m = market(db).await;
        let id = place(&m).await;
        let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();

        let sent = post_multipart(
            &m.s,
            &m.seller,
            &format!("/orders/{id}/messages"),
            &[("body", "ラフ案です。")],
            &[("files", "ラフ案 v1.bin", "application/octet-stream", &bytes)],
        )
        .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html());

        let page = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
            .await
            .html();
        let marker = format!("href=\"/orders/{id}/files/");
        let start = page
            .find(&marker)
            .unwrap_or_else(|| panic!("no file link:\n{page}"));
        let href = page[start + 6..]
            .split('"')
            .next()
            .expect("href")
            .to_owned();
        assert!(page.contains("ラフ案 v1.bin"));

        let file = get(&m.s, Some(&m.buyer), &href).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.bytes, bytes);
        let header_value = |name: header::HeaderName| {
            file.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        assert_eq!(
            header_value(header::CONTENT_DISPOSITION),
            "attachment; filename=\"___ v1.bin\"; filename*=UTF-8''%E3%83%A9%E3%83%95%E6%A1%88%20v1.bin"
        );
        assert_eq!(header_value(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert_eq!(
            header_value(header::CONTENT_TYPE),
            "application/octet-stream"
        );
        assert!(header_value(header::CACHE_CONTROL).contains("no-store"));

        // The author may download it too.
        let own = get(&m.s, Some(&m.seller), &href).await;
        assert_eq!(own.status, StatusCode::OK);
        assert_eq!(own.bytes, bytes);
    }
);

both_backends!(a_deferred_order_is_paid_from_its_page, |db| async move {
    let m = market(db).await;
    let mut fields = confirmation_fields(&m, m.card).await;
    for (name, value) in fields.iter_mut() {
        if *name == "payment" {
            *value = "deferred".into();
        }
    }
    let placed = post_form(&m.s, &m.buyer, "/orders", &fields).await;
    assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.html());
    let id = order_id_of(placed.location());

    let html = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
        .await
        .html();
    for text in [
        "支払い待ち",
        "までにお支払いください。",
        "このカードで支払う",
        "お支払い期限",
    ] {
        assert!(html.contains(text), "buyer's page lacks {text:?}:\n{html}");
    }
    let seller = get(&m.s, Some(&m.seller), &format!("/orders/{id}"))
        .await
        .html();
    assert!(!seller.contains("このカードで支払う"));
    assert!(
        !seller.contains(&format!("action=\"/orders/{id}/delivery")),
        "no delivery before payment"
    );

    // Without a card chosen: the message by the form.
    let refused = post_form(&m.s, &m.buyer, &format!("/orders/{id}/pay"), &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html().contains("お支払い方法を選んでください。"));

    let paid = post_form(
        &m.s,
        &m.buyer,
        &format!("/orders/{id}/pay"),
        &[("card", m.card.to_string())],
    )
    .await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER, "{}", paid.html());
    let html = get(&m.s, Some(&m.buyer), &format!("/orders/{id}"))
        .await
        .html();
    assert!(
        html.contains("<span class=\"order-state order-state-in_progress\">作業中</span>"),
        "{html}"
    );
    assert!(html.contains("お支払いが完了しました。出品者は作業を始めてください。"));
    assert!(!html.contains("このカードで支払う"));
});

#[test]
fn every_talk_room_note_has_a_message_in_both_languages() {
    let mut ids: Vec<String> = OrderEvent::ALL
        .iter()
        .map(|e| format!("order-event-{}", e.as_str()))
        .collect();
    ids.extend(
        [
            "order-event-cancellation-requested",
            "order-event-cancellation-objected",
            "order-event-cancellation-withdrawn",
            "order-event-refunded",
        ]
        .map(String::from),
    );
    for locale in [Locale::Ja, Locale::En] {
        let tr = Tr::new(locale);
        for id in &ids {
            assert!(tr.has(id), "{id} has no {} message", locale.tag());
        }
    }
}
