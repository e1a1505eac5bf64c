//! Improvement hints and the sellers' category page through the web layer, on both databases:
//! a seller's hints page with the number behind each hint and its fix link, reachable from
//! the services list, the sales page and the analytics page; another seller's service is not
//! found; a category with one seller shows nothing about them; the withdrawal page shows a
//! seller's hints inside the form, tied to 「売れない」 by the stylesheet, with the form's
//! controls exactly as for a member without services (who sees nothing extra); the seen
//! beacon records only sellers, first time only, and so does confirming with
//! 「売れない」; the operators' statistics show the outcome; the JSON API gives the same.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use support::*;
use yorozu_store::both_backends;

const WITHDRAWAL: &str = "/settings/withdrawal";

/// The confirmation form of the withdrawal page, with the hints panel (if any) cut out and
/// the CSRF token blanked: what the member fills in and sends.
fn form_controls(html: &str) -> String {
    let start = html
        .find(r#"<form method="post" action="/settings/withdrawal" novalidate>"#)
        .expect("the form");
    let end = start + html[start..].find("</form>").expect("form end");
    let mut form = html[start..end].to_owned();
    if let Some(a) = form.find("<aside class=\"withdrawal-hints\"") {
        let b = a + form[a..].find("</aside>").expect("aside end") + "</aside>".len();
        form.replace_range(a..b, "");
    }
    let token =
        form.find(r#"name="_csrf" value=""#).expect("csrf") + r#"name="_csrf" value=""#.len();
    let token_end = token + form[token..].find('"').expect("csrf end");
    form.replace_range(token..token_end, "");
    form.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

async fn hint_rows(s: &TestServer) -> i64 {
    let mut c = s.app.db.read().await.expect("read");
    yorozu_store::withdrawal::hint_views::pending(&mut c)
        .await
        .expect("count")
}

both_backends!(
    a_seller_reads_hints_and_follows_a_fix_link,
    |db| async move {
        let s = server(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "名刺をデザインします").await;
        let mut browser = Browser::signed_in(&s, seller.id).await;

        // Reachable from the services list, the sales page and the analytics page.
        let list = browser.get("/settings/listings").await;
        list.assert_contains(&[
            &format!(r#"href="/sales/hints/services/{id}""#),
            r#"href="/sales/categories/print/business-card""#,
        ]);
        browser
            .get("/sales")
            .await
            .assert_contains(&[r#"href="/sales/hints""#]);
        let analytics = browser
            .get(&format!("/sales/analytics/services/{id}"))
            .await;
        analytics.assert_contains(&[
            r#"id="analytics-hints""#,
            &format!(r#"<a href="/listings/{id}/edit#faq">よくある質問を追加する</a>"#),
        ]);

        // A new service: no images, no FAQ; a category too small to compare with.
        let page = browser.get(&format!("/sales/hints/services/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "「名刺をデザインします」の改善のヒント",
            r#"id="hints-images""#,
            "画像が登録されていません。",
            &format!(r#"<a href="/listings/{id}/edit#images">画像を追加する</a>"#),
            r#"id="hints-faq""#,
            &format!(r#"<a href="/listings/{id}/edit#faq">よくある質問を追加する</a>"#),
            r#"href="/sales/categories/print/business-card""#,
        ]);
        page.assert_lacks(&[r#"id="hints-price""#, r#"id="hints-profile""#]);
        // The fix link leads to the edit page, with the FAQ fields.
        let edit = browser.get(&format!("/listings/{id}/edit")).await;
        assert_eq!(edit.status, StatusCode::OK);
        edit.assert_contains(&[r#"id="faq""#, r#"id="images""#]);
        // The overview lists the service with its count.
        browser.get("/sales/hints").await.assert_contains(&[
            "ヒント2件",
            &format!(r#"href="/sales/hints/services/{id}""#),
        ]);

        // Another member's service is not found; signed out, the page asks to sign in.
        let other = member(app, "other@example.jp", "他の人").await;
        let page = Browser::signed_in(&s, other.id)
            .await
            .get(&format!("/sales/hints/services/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let page = Browser::new(&s)
            .get(&format!("/sales/hints/services/{id}"))
            .await;
        assert!(page.status.is_redirection(), "{}", page.status);

        // The API says the same.
        let token = yorozu_app::testing::api_token(app, seller.id)
            .await
            .expect("token");
        let answer = s
            .send(call(Method::GET, &format!("/sales/hints/services/{id}")).token(&token))
            .await;
        expect(&answer, "get", "/sales/hints/services/{id}", StatusCode::OK);
        let kinds: Vec<&str> = answer.body["hints"]
            .as_array()
            .expect("hints")
            .iter()
            .filter_map(|h| h["kind"].as_str())
            .collect();
        assert_eq!(kinds, ["images", "faq"]);
        assert_eq!(
            answer.body["hints"][1]["fix_path"],
            format!("/listings/{id}/edit#faq")
        );
        let other_token = yorozu_app::testing::api_token(app, other.id)
            .await
            .expect("token");
        let answer = s
            .send(call(Method::GET, &format!("/sales/hints/services/{id}")).token(&other_token))
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
    }
);

both_backends!(
    a_category_with_one_seller_reveals_nothing_about_them,
    |db| async move {
        let s = server(db);
        let app = &s.app;
        let seller = member(app, "solo@example.jp", "ひとりの出品者").await;
        let buyer = member(app, "buyer@example.jp", "買い手").await;
        let card_id = card(app, &buyer).await;
        let id = publish(app, &seller, "名刺をデザインします").await;
        for _ in 0..2 {
            completed_order(app, &buyer, card_id, &seller, id).await;
        }
        let curious = member(app, "curious@example.jp", "競合").await;
        let mut browser = Browser::signed_in(&s, curious.id).await;
        for path in [
            "/sales/categories/print/business-card",
            "/sales/categories/301",
        ] {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            page.assert_contains(&[r#"id="category-too-small""#, "3人未満"]);
            page.assert_lacks(&[
                "3,000円",
                "取引完了数",
                "<svg",
                "category-price-bands",
                "5日",
            ]);
        }
        assert_eq!(
            browser.get("/sales/categories/no-such/thing").await.status,
            StatusCode::NOT_FOUND
        );
        let token = yorozu_app::testing::api_token(app, curious.id)
            .await
            .expect("token");
        let answer = s
            .send(call(Method::GET, "/sales/categories/301").token(&token))
            .await;
        expect(&answer, "get", "/sales/categories/{id}", StatusCode::OK);
        assert!(answer.body["numbers"].is_null(), "{}", answer.body);

        // With three sellers, the numbers show — from the next day: a sale completed today
        // does not count yet, so that watching the numbers cannot tell one sale.
        for n in 0..2 {
            let other = member(app, &format!("seller{n}@example.jp"), "出品者").await;
            let listing = publish(app, &other, "名刺を作ります").await;
            completed_order(app, &buyer, card_id, &other, listing).await;
        }
        let page = browser.get("/sales/categories/print/business-card").await;
        page.assert_contains(&[r#"id="category-too-small""#]);
        s.clock.advance_seconds(86_400);
        let page = browser.get("/sales/categories/print/business-card").await;
        page.assert_contains(&[
            "取引完了数",
            "4件",
            "3人",
            "3,000円",
            r#"id="category-price-bands""#,
            "<svg",
        ]);
        page.assert_lacks(&[r#"id="category-too-small""#]);
        // One of the three sees the other two only: too few to show.
        let mut solo = Browser::signed_in(&s, seller.id).await;
        solo.get("/sales/categories/print/business-card")
            .await
            .assert_contains(&[r#"id="category-too-small""#]);
    }
);

both_backends!(
    the_withdrawal_page_shows_hints_to_a_seller_tied_to_cannot_sell_and_the_form_is_unchanged,
    |db| async move {
        let s = server(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "名刺をデザインします").await;
        let plain = member(app, "plain@example.jp", "買うだけ").await;

        let seller_page = Browser::signed_in(&s, seller.id)
            .await
            .get(WITHDRAWAL)
            .await;
        let plain_page = Browser::signed_in(&s, plain.id).await.get(WITHDRAWAL).await;
        assert_eq!(seller_page.status, StatusCode::OK);
        // The seller's panel: numbers, hints and links, inside the form after the reasons.
        seller_page.assert_contains(&[
            r#"<aside class="withdrawal-hints" id="withdrawal-hints""#,
            "退会の前に：あなたのサービスの数字と改善のヒント",
            "検索表示0回・閲覧0回・お気に入り0件・購入0件",
            &format!(r#"<a href="/sales/hints/services/{id}">名刺をデザインします</a>: ヒント2件"#),
            &format!(r#"href="/sales/analytics/services/{id}""#),
            "画像が登録されていません。",
        ]);
        let form = seller_page
            .html
            .find(r#"action="/settings/withdrawal" novalidate"#)
            .expect("form");
        let reasons = seller_page
            .html
            .find(r#"value="cannot-sell""#)
            .expect("reason");
        let panel = seller_page
            .html
            .find(r#"id="withdrawal-hints""#)
            .expect("panel");
        let form_end = form + seller_page.html[form..].find("</form>").expect("end");
        assert!(form < reasons && reasons < panel && panel < form_end);
        // A member without services sees nothing extra.
        plain_page.assert_lacks(&["withdrawal-hints", "あなたのサービスの数字", "/sales/hints"]);
        // The same form: the same controls, the same button, nothing added to send.
        assert_eq!(
            form_controls(&seller_page.html),
            form_controls(&plain_page.html)
        );
        // Hidden unless 「売れない」 is ticked (no script needed).
        let css = Browser::new(&s).get("/static/app.css").await.html;
        assert!(css.contains(".withdrawal-hints { display: none;"));
        assert!(css.contains(
            r#"form:has(input[name="reasons"][value="cannot-sell"]:checked) .withdrawal-hints { display: block; }"#
        ));

        // The beacon (a POST from the script): the seller only; never a GET, which another
        // site could make a signed-in member's browser send.
        let mut seller_browser = Browser::signed_in(&s, seller.id).await;
        seller_browser.get(WITHDRAWAL).await;
        let mut plain_browser = Browser::signed_in(&s, plain.id).await;
        let answer = plain_browser
            .post("/settings/withdrawal/hints-seen", &[])
            .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT);
        assert_eq!(hint_rows(&s).await, 0, "no services, no hints shown");
        let answer = seller_browser.get("/settings/withdrawal/hints-seen").await;
        assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(hint_rows(&s).await, 0, "a GET records nothing");
        let answer = seller_browser
            .post("/settings/withdrawal/hints-seen", &[])
            .await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT);
        assert_eq!(hint_rows(&s).await, 1);
        let again = seller_browser
            .post("/settings/withdrawal/hints-seen", &[])
            .await;
        assert_eq!(again.status, StatusCode::NO_CONTENT);
        assert_eq!(hint_rows(&s).await, 1, "first time only");
        // Signed out, nothing is recorded.
        let answer = Browser::new(&s)
            .post("/settings/withdrawal/hints-seen", &[])
            .await;
        assert!(
            answer.status.is_redirection()
                || matches!(
                    answer.status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                ),
            "{:?}",
            answer.status
        );
        assert_eq!(hint_rows(&s).await, 1);
    }
);

both_backends!(
    confirming_with_cannot_sell_records_the_hints_and_operators_see_the_outcome,
    |db| async move {
        let s = server(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        publish(app, &seller, "名刺をデザインします").await;
        // The withdrawal goes through exactly as without hints: one form, one POST.
        let mut browser = Browser::signed_in(&s, seller.id).await;
        browser.get(WITHDRAWAL).await;
        let done = browser
            .post(
                WITHDRAWAL,
                &[
                    ("when", "now"),
                    ("reasons", "cannot-sell"),
                    ("comment", ""),
                    ("erasure", "now"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert!(
            done.status.is_redirection(),
            "{}: {}",
            done.status,
            done.html
        );
        assert!(
            done.location()
                .is_some_and(|l| l.starts_with("/withdrawal/done")),
            "{:?}",
            done.location()
        );
        assert_eq!(hint_rows(&s).await, 1);
        run_jobs(app).await;
        assert_eq!(hint_rows(&s).await, 0, "erased at purge");

        let op = operator(app, "ops@example.jp").await;
        let page = Browser::signed_in(&s, op.id)
            .await
            .get("/operator/withdrawals")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "改善のヒントを見た会員",
            r#"<tr id="hints-outcome-settled"><th scope="row">ヒントを見て結果が決まった会員</th><td class="num">1人</td></tr>"#,
            r#"<tr id="hints-outcome-withdrew"><th scope="row">そのうち退会</th><td class="num">1人（100.0%）</td></tr>"#,
            r#"<tr id="hints-outcome-stayed"><th scope="row">そのうち継続</th><td class="num">0人（0.0%）</td></tr>"#,
        ]);
    }
);
