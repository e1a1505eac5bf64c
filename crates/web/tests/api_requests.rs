//! The request board's JSON API on each database kind: posting with a token, the board for
//! anyone without signing in, lenient filters (a value that cannot be read is ignored, as on
//! the page), Japanese keywords, and a proposal from a seller; bodies checked against the
//! OpenAPI document.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use support::*;
use yorozu_store::both_backends;

both_backends!(
    the_board_is_public_lenient_and_searchable_in_japanese,
    |db| async move {
        let s = server(db);
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");
        let posted = s
            .send(call(Method::POST, "/requests").token(&token).json(json!({
                "category_id": 301,
                "title": "会社の名刺デザインをお願いします",
                "description": "両面カラーで、ロゴ入りの名刺を100枚分デザインしてください。",
                "budget_min": 5000,
                "budget_max": 20000,
            })))
            .await;
        expect(&posted, "post", "/requests", StatusCode::OK);
        let id = posted.body["summary"]["id"]
            .as_str()
            .expect("id")
            .to_owned();

        // Anyone may read the board, without a token.
        let board = s.send(call(Method::GET, "/requests")).await;
        expect(&board, "get", "/requests", StatusCode::OK);
        assert_eq!(board.body["requests"][0]["id"], id.as_str());
        // Values that cannot be read are ignored rather than refused.
        let lenient = s
            .send(call(
                Method::GET,
                "/requests?category=abc&budget_min=&budget_max=x&before=",
            ))
            .await;
        expect(&lenient, "get", "/requests", StatusCode::OK);
        assert_eq!(lenient.body["requests"].as_array().map(Vec::len), Some(1));
        // Japanese keywords: half-width katakana, hiragana for katakana and one character find it.
        for (q, hits) in [
            ("めいし", 0),
            ("名刺", 1),
            ("刺", 1),
            ("ﾛｺﾞ", 1),
            ("ろご", 1),
            ("ロゴ入り", 1),
        ] {
            let found = s
                .send(call(
                    Method::GET,
                    &format!("/requests?q={}", urlencoding(q)),
                ))
                .await;
            expect(&found, "get", "/requests", StatusCode::OK);
            assert_eq!(
                found.body["requests"].as_array().map(Vec::len),
                Some(hits),
                "{q}"
            );
        }
        // The budget filter applies when it can be read.
        let above = s
            .send(call(Method::GET, "/requests?budget_min=30000"))
            .await;
        assert_eq!(above.body["requests"].as_array().map(Vec::len), Some(0));
    }
);

both_backends!(
    a_request_with_contact_details_is_refused_until_acknowledged,
    |db| async move {
        let s = server(db);
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");
        let body = |acknowledge: bool| {
            json!({
                "category_id": 301,
                "title": "ロゴの依頼",
                "description": "詳細は LINE ID: yorozu_line までご連絡ください。",
                "budget_min": 5000,
                "budget_max": 20000,
                "acknowledge_contact_warning": acknowledge,
            })
        };
        let warned = s
            .send(
                call(Method::POST, "/requests")
                    .token(&token)
                    .json(body(false)),
            )
            .await;
        assert_eq!(warned.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(warned.code(), "contact-details-found");
        let board = s.send(call(Method::GET, "/requests")).await;
        assert_eq!(board.body["requests"].as_array().map(Vec::len), Some(0));
        let posted = s
            .send(
                call(Method::POST, "/requests")
                    .token(&token)
                    .json(body(true)),
            )
            .await;
        expect(&posted, "post", "/requests", StatusCode::OK);
    }
);

/// Percent-encodes a query value (UTF-8 bytes).
fn urlencoding(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}
