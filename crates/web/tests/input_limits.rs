//! What any request may carry, through the real router over a test database of each kind:
//! control characters are refused with a clear 400 wherever they come in (PostgreSQL used to
//! answer 500 for a NUL in a search term, a path key or a withdrawal comment), page numbers
//! are clamped (a huge one used to become a negative OFFSET), and bidirectional and invisible
//! format characters are dropped from file names and display names.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode, header};
use serde_json::json;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::paging::MAX_PAGE;
use yorozu_store::both_backends;

const REFUSED: &str = "input-control-characters";

struct Member {
    user: CurrentUser,
    token: String,
}

async fn member(app: &App, email: &str, name: &str) -> Member {
    let user = pages::member(app, email, name).await;
    let token = yorozu_app::testing::api_token(app, user.id)
        .await
        .expect("token");
    Member { user, token }
}

/// Asserts a refusal for control characters, with its message in Japanese and English.
async fn assert_refused(s: &TestServer, make: impl Fn() -> Call) {
    let ja = s.send(make()).await;
    assert_eq!(ja.status, StatusCode::BAD_REQUEST, "{}", ja.body);
    assert_eq!(ja.code(), REFUSED);
    let message = ja.body["error"]["message"].as_str().expect("message");
    assert!(message.contains("制御文字"), "{message}");
    let en = s.send(make().lang("en")).await;
    assert_eq!(en.status, StatusCode::BAD_REQUEST);
    let message = en.body["error"]["message"].as_str().expect("message");
    assert!(message.contains("control character"), "{message}");
}

both_backends!(a_nul_in_a_search_term_is_refused, |db| async move {
    let s = server(db);
    pages::publish(
        &s.app,
        &pages::member(&s.app, "seller@example.jp", "名刺工房").await,
        "名刺をデザインします",
    )
    .await;
    assert_refused(&s, || call(Method::GET, "/search?q=%E5%90%8D%00%E5%88%BA")).await;
    assert_refused(&s, || call(Method::GET, "/search?q=%1B%5B31m")).await;
    // The page refuses it the same way, in the visitor's language.
    let page = pages::Browser::new(&s).get("/search?q=a%00b").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_contains(&["制御文字"]);
    // Ordinary searches still work.
    let found = s
        .send(call(Method::GET, "/search?q=%E5%90%8D%E5%88%BA"))
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert_eq!(found.body["total"], 1);
});

both_backends!(a_nul_in_a_path_key_is_refused, |db| async move {
    let s = server(db);
    let m = member(&s.app, "taro@example.jp", "太郎").await;
    assert_refused(&s, || {
        call(Method::DELETE, "/me/sessions/abc%00def").token(&m.token)
    })
    .await;
    assert_refused(&s, || call(Method::GET, "/listings/1%00").token(&m.token)).await;
    let page = pages::Browser::signed_in(&s, m.user.id)
        .await
        .get("/orders/1%00")
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_contains(&["制御文字"]);
});

both_backends!(
    a_nul_in_a_withdrawal_comment_is_refused_and_changes_nothing,
    |db| async move {
        let s = server(db);
        let m = member(&s.app, "taro@example.jp", "太郎").await;
        assert_refused(&s, || {
            call(Method::POST, "/me/withdrawal")
                .token(&m.token)
                .json(json!({ "password": PASSWORD, "comment": "ありがとう\u{0}ございました" }))
        })
        .await;
        // The form on the page is refused too.
        let page = pages::Browser::signed_in(&s, m.user.id)
            .await
            .post(
                "/settings/withdrawal",
                &[("comment", "a\u{0}b"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.assert_contains(&["制御文字"]);
        // Still a member: the token works.
        let me = s.send(call(Method::GET, "/me").token(&m.token)).await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.body);
        // Line breaks in a multi-line comment are fine (only the password is wrong here).
        let wrong = s
            .send(
                call(Method::POST, "/me/withdrawal")
                    .token(&m.token)
                    .json(json!({ "password": "wrong password", "comment": "一行目\r\n二行目\t" })),
            )
            .await;
        assert_ne!(wrong.status, StatusCode::BAD_REQUEST, "{}", wrong.body);
        assert!(wrong.status.is_client_error(), "{}", wrong.body);
    }
);

both_backends!(a_huge_page_number_is_clamped, |db| async move {
    let s = server(db);
    let m = member(&s.app, "taro@example.jp", "太郎").await;
    let answer = s
        .send(call(Method::GET, "/me/orders?page=9223372036854775807").token(&m.token))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["page"], MAX_PAGE);
    let sales = s
        .send(
            call(
                Method::GET,
                "/me/orders?role=seller&page=-9223372036854775808",
            )
            .token(&m.token),
        )
        .await;
    assert_eq!(sales.status, StatusCode::OK, "{}", sales.body);
    assert_eq!(sales.body["page"], 1);
    let mut browser = pages::Browser::signed_in(&s, m.user.id).await;
    for path in [
        "/orders?page=9223372036854775807",
        "/orders?tab=sales&page=99999999999999999999999",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
    }
});

/// A multipart body with a `body` field and one file.
fn multipart(body: &str, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "yorozu-input-limits-boundary";
    let mut out = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n{body}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\n\
         Content-Type: text/plain\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(bytes);
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), out)
}

both_backends!(
    an_attachment_name_loses_its_right_to_left_override,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "名刺工房").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let listing = pages::publish(&s.app, &seller.user, "名刺をデザインします").await;
        let card = pages::card(&s.app, &buyer.user).await;
        let order = place(
            &s.app,
            &buyer.user,
            &Purchase {
                choice: Choice::of(listing),
                payment: Payment::Card(card),
                request: "よろしくお願いします。".into(),
                purchase_key: yorozu_app::crypto::random_token(),
                expected_total: None,
            },
        )
        .await
        .expect("place order")
        .order_id;

        // Shown as 「請求書exe.txt」 by a bidi-aware renderer: it is an .exe.
        let (content_type, body) =
            multipart("ご確認ください。", "請求書\u{202E}txt.exe\u{200B}", b"MZ");
        let path = format!("/orders/{order}/messages");
        let posted = s
            .send(
                call(Method::POST, &path)
                    .token(&seller.token)
                    .raw(&content_type, body),
            )
            .await;
        assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
        assert_eq!(posted.body["attachments"][0]["file_name"], "請求書txt.exe");

        let room = s.send(call(Method::GET, &path).token(&buyer.token)).await;
        let names: Vec<String> = room
            .body
            .as_array()
            .expect("messages")
            .iter()
            .flat_map(|m| m["attachments"].as_array().cloned().unwrap_or_default())
            .map(|a| a["file_name"].as_str().expect("name").to_owned())
            .collect();
        assert_eq!(names, ["請求書txt.exe"]);

        let url = posted.body["attachments"][0]["url"]
            .as_str()
            .expect("url")
            .strip_prefix("/api/v1")
            .expect("API path")
            .to_owned();
        let (status, headers, _) = s
            .send_raw(call(Method::GET, &url).token(&buyer.token))
            .await;
        assert_eq!(status, StatusCode::OK);
        let disposition = headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii");
        assert!(!disposition.contains("%E2%80%AE"), "{disposition}");
        assert!(disposition.ends_with("txt.exe"), "{disposition}");
    }
);

both_backends!(
    a_display_name_loses_bidi_and_invisible_characters,
    |db| async move {
        let s = server(db);
        let answer = s
            .send(call(Method::POST, "/accounts").json(json!({
                "email": "mallory@example.jp",
                "password": PASSWORD,
                "display_name": "\u{202E}nimda\u{200B}太郎",
            })))
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{}", answer.body);
        // Sign-up answers alike for every address; the new member is found by theirs.
        let mut c = s.app.db.read().await.expect("read");
        let id = yorozu_store::accounts::users::find_by_email(&mut c, "mallory@example.jp")
            .await
            .expect("find")
            .expect("registered")
            .id;
        drop(c);
        let profile = s
            .send(call(Method::GET, &format!("/users/{id}/profile")))
            .await;
        assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
        assert_eq!(profile.body["display_name"], "nimda太郎");
    }
);
