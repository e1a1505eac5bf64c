//! The paperwork pages on each database kind: a paid order's receipt for its buyer only (with
//! the tax breakdown, another addressee, and the invoice number when one is configured), the
//! links to it and to the statements, and a seller's monthly statements.

#[path = "support/pages.rs"]
mod pages;
mod support;

use std::sync::Arc;

use axum::http::{StatusCode, header};
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::legal::InvoiceNumber;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_store::{Db, both_backends};
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

/// What the receipt and statement say when the operator has no registration number.
const NOT_REGISTERED: &str = "運営者は適格請求書発行事業者ではありません";

/// The test server, rebuilt over an app whose operator has a registration number.
fn with_invoice_number(mut s: TestServer, number: &str) -> TestServer {
    s.app.site.business.invoice_number = Some(InvoiceNumber::parse(number).expect("valid"));
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
    s
}

struct Market {
    seller: CurrentUser,
    buyer: CurrentUser,
    stranger: CurrentUser,
    listing: ListingId,
    card: i64,
}

async fn market(app: &App) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let stranger = member(app, "stranger@example.jp", "通りすがり").await;
    let listing = publish(app, &seller, "ロゴを作成します").await;
    let card = card(app, &buyer).await;
    Market {
        seller,
        buyer,
        stranger,
        listing,
        card,
    }
}

impl Market {
    async fn completed_order(&self, app: &App) -> OrderId {
        completed_order(app, &self.buyer, self.card, &self.seller, self.listing).await
    }

    /// An order on the deferred-payment path, not yet paid.
    async fn unpaid_order(&self, app: &App) -> OrderId {
        place(
            app,
            &self.buyer,
            &Purchase {
                choice: Choice::of(self.listing),
                payment: Payment::Deferred,
                request: "よろしくお願いします。".into(),
                purchase_key: yorozu_app::crypto::random_token(),
                expected_total: None,
            },
        )
        .await
        .expect("place order")
        .order_id
    }
}

both_backends!(
    the_receipt_is_shown_to_the_buyer_only,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = m.completed_order(&s.app).await;
        let path = format!("/orders/{id}/receipt");

        let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
        let page = buyer.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "<h1 id=\"receipt-heading\" class=\"paper-title\">領収書",
            &format!("<dd>{id}</dd>"),
            "買い手太郎 様",
            // ¥3,000 and the ¥165 fee; ¥287 of the ¥3,165 is consumption tax.
            "<strong>3,165円</strong>",
            "但し「ロゴを作成します」の代金として",
            "サービス価格",
            "3,000円",
            "165円",
            "10%対象",
            "287円",
            "クレジットカード",
            "よろず株式会社（デモ）",
            NOT_REGISTERED,
            "data-print hidden>印刷する</button>",
            "/static/paperwork/print.css",
        ]);
        page.assert_lacks(&["取消", "登録番号: "]);

        // The order page links to it, for the buyer.
        buyer
            .get(&format!("/orders/{id}"))
            .await
            .assert_contains(&[&format!("<a href=\"{path}\">領収書を表示</a>")]);

        // The seller, another member and a visitor see nothing of it.
        let mut seller = Browser::signed_in(&s, m.seller.id).await;
        assert_eq!(seller.get(&path).await.status, StatusCode::NOT_FOUND);
        seller
            .get(&format!("/orders/{id}"))
            .await
            .assert_lacks(&[&path]);
        let mut stranger = Browser::signed_in(&s, m.stranger.id).await;
        let page = stranger.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        page.assert_lacks(&["3,165円"]);
        let page = Browser::new(&s).get(&path).await;
        assert!(page.status.is_redirection());
        assert!(page.location().is_some_and(|l| l.starts_with("/login")));
        assert_eq!(
            buyer.get("/orders/not-a-number/receipt").await.status,
            StatusCode::NOT_FOUND
        );

        // An unpaid order has no receipt and no link.
        let unpaid = m.unpaid_order(&s.app).await;
        assert_eq!(
            buyer.get(&format!("/orders/{unpaid}/receipt")).await.status,
            StatusCode::NOT_FOUND
        );
        buyer
            .get(&format!("/orders/{unpaid}"))
            .await
            .assert_lacks(&["/receipt"]);
    }
);

both_backends!(
    the_receipt_can_be_made_out_to_another_name,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = m.completed_order(&s.app).await;
        let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
        let name = urlencoding::encode("株式会社テスト <経理部>");
        let page = buyer
            .get(&format!("/orders/{id}/receipt?name={name}"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["株式会社テスト &#60;経理部&#62; 様"]);
        page.assert_lacks(&["買い手太郎 様", "<経理部>"]);

        // Too long: the receipt keeps the buyer's name and the field says why.
        let long = "あ".repeat(51);
        let page = buyer
            .get(&format!(
                "/orders/{id}/receipt?name={}",
                urlencoding::encode(&long)
            ))
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        page.assert_contains(&[
            "買い手太郎 様",
            "宛名は50文字以内で入力してください。",
            "aria-invalid=\"true\"",
        ]);
    }
);

both_backends!(
    papers_show_the_configured_invoice_number,
    |db: Db| async move {
        let s = with_invoice_number(server(db), "Ｔ１２３４５６７８９０１２３");
        let m = market(&s.app).await;
        let id = m.completed_order(&s.app).await;
        let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
        let page = buyer.get(&format!("/orders/{id}/receipt")).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "登録番号: <span class=\"paper-invoice-number\">T1234567890123</span>",
        ]);
        page.assert_lacks(&[NOT_REGISTERED]);

        let mut seller = Browser::signed_in(&s, m.seller.id).await;
        let page = seller.get("/sales/statements/2025-06").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["T1234567890123"]);
        page.assert_lacks(&[NOT_REGISTERED]);
    }
);

both_backends!(
    a_cancelled_order_has_a_receipt_marked_cancelled,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = place(
            &s.app,
            &m.buyer,
            &Purchase {
                choice: Choice::of(m.listing),
                payment: Payment::Card(m.card),
                request: "よろしくお願いします。".into(),
                purchase_key: "cancelled-receipt".into(),
                expected_total: None,
            },
        )
        .await
        .expect("place")
        .order_id;
        yorozu_app::orders::cancel::request(&s.app, &m.buyer, id, "依頼内容を変更したいため")
            .await
            .expect("request");
        yorozu_app::orders::cancel::answer(
            &s.app,
            &m.seller,
            id,
            yorozu_app::orders::cancel::Answer::Agree,
            "",
        )
        .await
        .expect("agree");
        let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
        let page = buyer.get(&format!("/orders/{id}/receipt")).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "paper paper-receipt paper-cancelled",
            "<span class=\"paper-stamp\">取消</span>",
            "3,165円を返金しました。この領収書は取り消されています。",
        ]);
    }
);

both_backends!(sellers_see_their_monthly_statements, |db: Db| async move {
    let s = server(db);
    let m = market(&s.app).await;
    // The test clock stands at 2025-06-16 00:06 in Japan.
    let first = m.completed_order(&s.app).await;
    let second = m.completed_order(&s.app).await;

    let mut seller = Browser::signed_in(&s, m.seller.id).await;
    seller
        .get("/orders?tab=sales")
        .await
        .assert_contains(&["<a href=\"/sales/statements\">支払明細書（売上明細）</a>"]);
    let page = seller.get("/sales/statements").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains(&["<a href=\"/sales/statements/2025-06\">2025年6月</a>"]);

    let page = seller.get("/sales/statements/2025-06").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    page.assert_contains(&[
        "支払明細書（2025年6月分）",
        "デザイン工房 様",
        "2025年6月1日 〜 2025年6月30日（日本時間）",
        &format!("<a href=\"/orders/{first}\">{first}</a>"),
        &format!("<a href=\"/orders/{second}\">{second}</a>"),
        "2件",
        // Two ¥3,000 sales, ¥660 fee each, ¥2,340 each to the seller.
        "6,000円",
        "1,320円",
        "4,680円",
        // floor(1,320 × 10 / 110) = ¥120.
        "<td class=\"num\">120円</td>",
        // June is not over at the test clock's time.
        "明細は確定していません",
        NOT_REGISTERED,
    ]);

    // In English too.
    let mut english = Browser::signed_in(&s, m.seller.id).await.english();
    english
        .get("/sales/statements/2025-06")
        .await
        .assert_contains(&["Sales statement for June 2025", "¥6,000", "¥120"]);

    // An earlier month is empty.
    seller
        .get("/sales/statements/2025-05")
        .await
        .assert_contains(&["この月に完了した取引はありません。"]);
    // Malformed months, and one that has not begun, do not exist.
    for bad in ["2025-13", "2025-6", "june", "2025-06-01", "2025-07"] {
        assert_eq!(
            seller.get(&format!("/sales/statements/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }

    // The buyer sold nothing: no months, and June shows none of the seller's sales.
    let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
    buyer
        .get("/sales/statements")
        .await
        .assert_contains(&["完了した取引はまだありません。"]);
    let page = buyer.get("/sales/statements/2025-06").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_lacks(&[&format!("/orders/{first}\""), "6,000円"]);
    let page = Browser::new(&s).get("/sales/statements").await;
    assert!(page.location().is_some_and(|l| l.starts_with("/login")));
});

both_backends!(the_print_files_are_served, |db: Db| async move {
    let s = server(db);
    let mut visitor = Browser::new(&s);
    for (path, content_type, needle) in [
        ("/static/paperwork/print.css", "text/css", "@media print"),
        (
            "/static/paperwork/print.js",
            "text/javascript",
            "window.print()",
        ),
    ] {
        let page = visitor.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with(content_type)),
            "{path}"
        );
        page.assert_contains(&[needle]);
    }
});
