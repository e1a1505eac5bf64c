//! The legal pages (利用規約 and 特定商取引法に基づく表記): they render in both languages, show
//! the operator's details from the site settings rather than the demo defaults, quote the
//! policy's fees and deadlines, and every page's footer links to them.
//!
//! These pages read no data, so one database kind is enough (the router still needs one).

mod support;

use support::*;

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;
use yorozu_app::legal::Business;
use yorozu_store::testing::TestDb;
use yorozu_web::metrics::Metrics;
use yorozu_web::{AppState, WebConfig};

/// Details that differ from every demo value, so a page showing them got them from the settings.
fn configured_business() -> Business {
    Business::parse(
        "株式会社テスト商会",
        "佐藤 花子",
        "〒150-0002 東京都渋谷区渋谷2-2-2 テストビル3階",
        "03-1234-5678",
        "legal@example.jp",
    )
    .expect("valid business details")
}

/// The test server, rebuilt over an app whose site names [`configured_business`].
async fn legal_server() -> (TestServer, TestDb) {
    let db = TestDb::sqlite().await;
    let mut s = server(db.db.clone());
    s.app.site.business = configured_business();
    s.router = yorozu_web::router(AppState {
        app: s.app.clone(),
        web: Arc::new(WebConfig {
            secure_cookies: false,
            mailbox_enabled: true,
            max_body_bytes: 8 * 1024 * 1024,
            trust_proxy: false,
            trusted_proxy_hops: 0,
        }),
        metrics: Arc::new(Metrics::default()),
    });
    (s, db)
}

/// GETs a page as a browser asking for `lang`; returns the status and the HTML.
async fn get_page(s: &TestServer, path: &str, lang: &str) -> (StatusCode, String) {
    let request = Request::builder()
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(Body::empty())
        .expect("request");
    let response = s.router.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (
        status,
        String::from_utf8(bytes.to_vec()).expect("UTF-8 HTML"),
    )
}

fn assert_contains(html: &str, expected: &[&str]) {
    for text in expected {
        assert!(html.contains(text), "page lacks {text:?}:\n{html}");
    }
}

/// A missing message shows its key; none of this page's keys may show.
fn assert_no_message_keys(html: &str) {
    for prefix in [
        "legal-terms-",
        "legal-tokushoho-",
        ">footer-terms<",
        ">footer-tokushoho<",
    ] {
        assert!(
            !html.contains(prefix),
            "a message id {prefix}… is shown:\n{html}"
        );
    }
}

/// The row headings of the 特商法 table, in order.
fn row_labels(html: &str) -> Vec<String> {
    html.split(r#"<th scope="row">"#)
        .skip(1)
        .filter_map(|rest| rest.split_once("</th>").map(|(label, _)| label.to_owned()))
        .collect()
}

const CONFIGURED_DETAILS: [&str; 5] = [
    "株式会社テスト商会",
    "佐藤 花子",
    "〒150-0002 東京都渋谷区渋谷2-2-2 テストビル3階",
    "03-1234-5678",
    "legal@example.jp",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tokushoho_page_lists_the_configured_operator_in_the_legal_order() {
    let (s, _db) = legal_server().await;

    let (status, ja) = get_page(&s, "/legal/tokushoho", "ja").await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &ja,
        &["<html lang=\"ja\">", "<h1>特定商取引法に基づく表記</h1>"],
    );
    assert_eq!(
        row_labels(&ja),
        [
            "販売事業者",
            "運営統括責任者",
            "所在地",
            "電話番号",
            "メールアドレス",
            "販売価格",
            "商品代金以外の必要料金",
            "支払方法",
            "支払時期",
            "役務の提供時期",
            "キャンセル・返金",
            "動作環境",
        ]
    );
    assert_contains(&ja, &CONFIGURED_DETAILS);
    assert_contains(
        &ja,
        &[
            r#"<th scope="row">販売事業者</th>"#,
            r#"<td>株式会社テスト商会</td>"#,
            r#"<a href="tel:0312345678">03-1234-5678</a>"#,
            r#"<a href="mailto:legal@example.jp">legal@example.jp</a>"#,
            "各サービスページに表示された価格（税込）",
            "サービス利用料：購入代金の5.5%",
            "振込手数料",
            "クレジットカード、後払い（お支払い期限までにお支払いください）",
            "ご注文から72時間後",
            "お届け日数以内に提供します",
            "24時間以内に回答し",
            "お支払いに使われた方法",
            "ポイントとクーポンは元に戻ります",
            "最新のブラウザ",
        ],
    );
    assert!(
        !ja.contains("（デモ）"),
        "no demo value may show when the business is configured"
    );
    assert_no_message_keys(&ja);

    let (status, en) = get_page(&s, "/legal/tokushoho", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &en,
        &[
            "<html lang=\"en\">",
            "<h1>Disclosures under the Act on Specified Commercial Transactions</h1>",
            r#"<th scope="row">Seller (business operator)</th>"#,
            "Service fee: 5.5% of the purchase price",
            "72 hours after ordering",
            "within 24 hours",
        ],
    );
    assert_eq!(row_labels(&en).len(), 12);
    assert_contains(&en, &CONFIGURED_DETAILS);
    assert_no_message_keys(&en);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_terms_name_the_operator_and_quote_the_policy() {
    let (s, _db) = legal_server().await;

    let (status, ja) = get_page(&s, "/legal/terms", "ja").await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &ja,
        &[
            "<h1>利用規約</h1>",
            "株式会社テスト商会（以下「当社」といいます。）",
            "第1条（適用）",
            "第2条（定義）",
            "「トークルーム」とは",
            "「正式な納品」とは",
            "第3条（会員登録）",
            "第4条（取引の成立）",
            "最終確認画面",
            "第5条（料金と手数料）",
            "代金の5.5%のサービス利用料",
            "22%の販売手数料",
            "第6条（納品と承認）",
            "1回に限ります",
            "正式な納品から3日以内",
            "第7条（キャンセル）",
            "24時間以内",
            "第8条（禁止事項）",
            "第9条（退会）",
            "いつでも退会",
            "匿名化",
            "第10条（免責）",
            "第11条（準拠法・管轄）",
            "日本法",
            "東京地方裁判所",
            "制定日：2026年11月24日",
        ],
    );
    assert!(!ja.contains("第12条"), "the terms have eleven articles");
    assert_no_message_keys(&ja);

    let (status, en) = get_page(&s, "/legal/terms", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &en,
        &[
            "<h1>Terms of Service</h1>",
            "provided by 株式会社テスト商会",
            "Article 1 (Application)",
            "Article 11 (Governing law and jurisdiction)",
            "a service fee of 5.5% of the price",
            "a selling fee of 22%",
            "sent back only once per order",
            "within 3 days",
            "within 24 hours",
            "within 72 hours",
            "Tokyo District Court",
            "Enacted: November 24, 2026",
        ],
    );
    assert_no_message_keys(&en);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_footer_links_to_both_legal_pages() {
    let (s, _db) = legal_server().await;
    for (lang, terms, tokushoho) in [
        ("ja", "利用規約", "特定商取引法に基づく表記"),
        (
            "en",
            "Terms of Service",
            "Specified Commercial Transactions Act disclosures",
        ),
    ] {
        for path in ["/", "/help", "/legal/terms"] {
            let (status, html) = get_page(&s, path, lang).await;
            assert_eq!(status, StatusCode::OK, "{path} in {lang}");
            let footer = html
                .split_once(r#"<footer class="site-footer">"#)
                .map(|(_, footer)| footer)
                .unwrap_or_else(|| panic!("{path} has no footer"));
            assert_contains(
                footer,
                &[
                    &format!(r#"<a href="/legal/terms">{terms}</a>"#),
                    &format!(r#"<a href="/legal/tokushoho">{tokushoho}</a>"#),
                ],
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signup_button_names_the_terms_it_agrees_to() {
    let (s, _db) = legal_server().await;
    for (lang, sentence) in [
        ("ja", "「同意して登録する」を押すと、"),
        ("en", "you accept the "),
    ] {
        let (status, html) = get_page(&s, "/signup", lang).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert_contains(
            &html,
            &[
                sentence,
                r#"<a href="/legal/terms" target="_blank" rel="noopener">"#,
                r#"aria-describedby="signup-terms""#,
            ],
        );
        assert_no_message_keys(&html);
    }
}
