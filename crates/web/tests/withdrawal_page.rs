//! The withdrawal page (`/settings/withdrawal`) as a browser sees it, on each database kind:
//! found from the footer and the settings menu, ready for a fresh member, every blocker listed
//! with its order link and the date it clears by itself, the exact amounts a withdrawal would
//! forfeit, the data table, and how the reviews a member wrote will look.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{StatusCode, header};
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::withdrawal::DATA_TABLE;
use yorozu_i18n::Tr;
use yorozu_store::{Db, both_backends};

const PATH: &str = "/settings/withdrawal";
const DAY: i64 = 86_400;
const TITLE: &str = "名刺をデザインします";

/// A seller with a published ¥3,000 service and a buyer with a card.
struct Market {
    seller: CurrentUser,
    buyer: CurrentUser,
    listing: i64,
    card: i64,
}

async fn market(app: &App) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = publish(app, &seller, TITLE).await;
    let card = card(app, &buyer).await;
    Market {
        seller,
        buyer,
        listing,
        card,
    }
}

/// Places an order (paid by card unless `deferred`); it is then in progress (or unpaid).
async fn order(app: &App, m: &Market, deferred: bool) -> i64 {
    place(
        app,
        &m.buyer,
        &Purchase {
            choice: Choice {
                listing_id: m.listing,
                ..Choice::default()
            },
            payment: if deferred {
                Payment::Deferred
            } else {
                Payment::Card(m.card)
            },
            request: "よろしくお願いします。".into(),
            purchase_key: yorozu_app::crypto::random_token(),
            expected_total: None,
        },
    )
    .await
    .expect("place order")
    .order_id
}

async fn page_of(s: &TestServer, who: &CurrentUser) -> Page {
    let page = Browser::signed_in(s, who.id).await.get(PATH).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    page
}

/// The order link as the page writes it.
fn order_link(id: i64) -> String {
    format!(r#"<a href="/orders/{id}">{TITLE}</a>"#)
}

both_backends!(
    a_fresh_member_is_ready_and_sees_every_kind_of_data,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "fresh@example.jp", "はじめて").await;
        let page = page_of(&s, &m).await;
        page.assert_contains(&[
            "<h1>退会</h1>",
            "退会の前に確認すること",
            "退会を妨げるものはありません。",
            r#"<td class="num" id="withdrawal-sales-balance">0円</td>"#,
            r#"<td class="num" id="withdrawal-points">0ポイント</td>"#,
            "退会によって失われるクーポンはありません",
            "あなたが書いたレビューはまだありません。",
            "次の段階",
            // The settings menu marks the page as current.
            r#"<a href="/settings/withdrawal" aria-current="page">退会</a>"#,
        ]);
        // Nothing to request, so no way to it; no button of a later step either.
        page.assert_lacks(&[
            r#"href="/sales/payout""#,
            "退会できません",
            "<form method=\"post\" action=\"/settings/withdrawal",
        ]);
        assert_eq!(
            page.headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );

        // One row per kind of data, each with its name, its fate and why, in words.
        let tr = Tr::new(yorozu_domain::Locale::Ja);
        let rows = page.html.matches("<th scope=\"row\">").count();
        assert_eq!(
            rows,
            DATA_TABLE.len() + 2,
            "12 data rows and 2 forfeit rows"
        );
        assert_eq!(DATA_TABLE.len(), 12);
        for category in DATA_TABLE {
            let name = tr.t(&format!("data-{}-name", category.key()));
            let why = tr.t(&format!("data-{}-why", category.key()));
            assert!(!name.starts_with("data-") && !why.starts_with("data-"));
            page.assert_contains(&[&format!("<th scope=\"row\">{name}</th>")]);
        }
        // Every message was found: no message id shows through.
        page.assert_lacks(&[">data-", ">withdrawal-", "aria-label=\"withdrawal-"]);
        page.assert_contains(&[
            "すぐに停止・無効化",
            "完全に削除",
            "個人を特定できない形で保管（7年）",
            "あなたの名前を外して保管（取引相手のために）",
            "金額を確認のうえ放棄",
            "再登録に使えるようになります",
            "税務上の記録として、7年間の保存が必要なためです。",
        ]);
    }
);

both_backends!(
    an_order_in_progress_blocks_both_sides_with_a_link_to_it,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, false).await;

        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            "次の1件が終わるまでは退会できません。",
            "<strong>購入中の取引</strong>",
            &order_link(id),
            "状態: 作業中",
            "お相手または運営の対応が必要です",
        ]);
        buyer.assert_lacks(&["退会を妨げるものはありません。", "すべて解消され"]);

        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "<strong>販売中の取引</strong>",
            &order_link(id),
            "状態: 作業中",
            // The delivery is the seller's own to make.
            "納品など、あなたの対応が必要です",
        ]);
        seller.assert_lacks(&["退会を妨げるものはありません。"]);
    }
);

both_backends!(
    a_delivered_order_shows_when_it_is_approved_automatically,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, false).await;
        yorozu_app::orders::deliver::deliver(&s.app, &m.seller, id, "納品いたします。", vec![])
            .await
            .expect("deliver");
        // Delivered at START (2025-06-16 00:06 in Japan): auto-approval three days later.
        assert_eq!(START + 3 * DAY, 1_750_259_200);
        for who in [&m.seller, &m.buyer] {
            let page = page_of(&s, who).await;
            page.assert_contains(&[
                &order_link(id),
                "状態: 納品済み（承認待ち）",
                "2025年6月19日 00:06に自動的に解消されます",
                "このまま何もしなければ、2025年6月19日 00:06にはすべて解消され、退会できるようになります。",
            ]);
        }
    }
);

both_backends!(
    forfeits_are_the_exact_amounts_with_a_way_to_request_the_balance,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        let operator = operator(&s.app, "ops@example.jp").await;
        yorozu_app::promotions::points::grant(
            &s.app,
            &operator,
            "buyer@example.jp",
            "1500",
            "キャンペーン",
        )
        .await
        .expect("grant points");

        // Two ¥3,000 orders less the 22% fee.
        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "退会を妨げるものはありません。",
            r#"<td class="num" id="withdrawal-sales-balance">4,680円</td>"#,
            r#"<a href="/sales/payout">振込申請へ進む</a>"#,
        ]);
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            r#"<td class="num" id="withdrawal-sales-balance">0円</td>"#,
            r#"<td class="num" id="withdrawal-points">1,500ポイント</td>"#,
        ]);
        buyer.assert_lacks(&[r#"href="/sales/payout""#]);
    }
);

both_backends!(
    unpaid_orders_on_the_members_services_are_announced_not_blocking,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, true).await;
        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "退会を妨げるものはありません。",
            "お支払い待ちの注文が1件あります。",
            "購入者にはその旨をお知らせします。",
        ]);
        // The buyer's unpaid purchase blocks until its payment deadline passes.
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            "<strong>購入中の取引</strong>",
            &order_link(id),
            "状態: 支払い待ち",
            "に自動的に解消されます",
        ]);
    }
);

both_backends!(
    the_newest_written_review_is_previewed_as_a_withdrawn_members,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let first = completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        let second = completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        review(&s.app, &m.seller, first, 5, "丁寧なご依頼でした。", false).await;
        review(&s.app, &m.buyer, second, 4, "迅速な対応でした。", true).await;

        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "あなたが書いたレビューの表示",
            "丁寧なご依頼でした。",
            "投稿者: 退会したユーザー",
            &format!(r#"<a href="/services/{}">{TITLE}</a>"#, m.listing),
        ]);
        seller.assert_lacks(&["投稿者: デザイン工房", "まだありません"]);

        // An anonymous review stays anonymous: saying its author left would tell more.
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&["迅速な対応でした。", "投稿者: 匿名"]);
        buyer.assert_lacks(&["投稿者: 買い手太郎"]);
    }
);

both_backends!(
    the_page_is_two_clicks_away_and_only_for_members,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "finder@example.jp", "さがす人").await;
        let mut browser = Browser::signed_in(&s, m.id).await;
        for path in ["/", "/orders", "/settings/profile"] {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            page.assert_contains(&[r#"<a href="/settings/withdrawal">退会について</a>"#]);
        }
        let settings = browser.get("/settings/account").await;
        settings.assert_contains(&[r#"<a href="/settings/withdrawal">退会</a>"#]);

        let visitor = Browser::new(&s).get(PATH).await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER);
        assert_eq!(
            visitor.location(),
            Some("/login?next=%2Fsettings%2Fwithdrawal")
        );

        // In English too, with every message defined.
        let mut english = Browser::signed_in(&s, m.id).await.english();
        let page = english.get(PATH).await;
        page.assert_contains(&[
            "Nothing keeps you from closing your account.",
            "Kept in a form that does not identify you (7 years)",
            "Free to register again",
        ]);
        page.assert_lacks(&[
            ">data-",
            ">withdrawal-",
            "aria-label=\"withdrawal-",
            "退会を妨げる",
        ]);
    }
);
