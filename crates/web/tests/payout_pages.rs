//! The seller's payout pages on each database kind: the sales page (balance, escrow, fee rule,
//! transfer date, each sale with its deadline and state, payout requests, the monthly chart as
//! accessible SVG), the payout confirmation and request, and the bank account settings with
//! their validation. Every page shows only the signed-in member's own data.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::payouts::batches::{self, Failure};
use yorozu_app::payouts::{expiry, request};
use yorozu_domain::ListingId;
use yorozu_domain::payouts::schedule::{Date, transfer_date};
use yorozu_domain::{OrderId, Timestamp};
use yorozu_store::{Db, both_backends};

const DAY: i64 = 86_400;

/// The valid account every test registers through the form.
const BANK_FORM: [(&str, &str); 5] = [
    ("bank_code", "0001"),
    ("branch_code", "001"),
    ("account_type", "ordinary"),
    ("account_number", "3141592"),
    ("holder", "ヤマダ　タロウ"),
];

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

    /// A paid order the seller has not delivered yet: its share is in escrow.
    async fn paid_order(&self, app: &App) -> OrderId {
        place(
            app,
            &self.buyer,
            &Purchase {
                choice: Choice::of(self.listing),
                payment: Payment::Card(self.card),
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

/// A date as the Japanese pages write it: 「2025年7月7日」.
fn ja(d: Date) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// Today in Japan on the app's clock.
fn today(app: &App) -> Date {
    Date::in_japan(Timestamp::from_unix(app.now()))
}

/// The transfer date of a request made now.
fn next_transfer(app: &App) -> Date {
    transfer_date(today(app), &app.policy.bank_holidays)
}

/// How often `needle` occurs in the page.
fn count(page: &Page, needle: &str) -> usize {
    page.html.matches(needle).count()
}

/// The part of the page from `start` to the next `end` (for looking inside one section).
fn between<'p>(page: &'p Page, start: &str, end: &str) -> &'p str {
    let from = page
        .html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{}", page.html));
    let rest = &page.html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

both_backends!(
    the_sales_page_shows_balance_sales_and_the_chart,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let first = m.completed_order(&s.app).await;
        let second = m.completed_order(&s.app).await;
        m.paid_order(&s.app).await;

        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        let page = seller.get("/sales").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        let deadline = Date::in_japan(Timestamp::from_unix(s.app.now() + 120 * DAY));
        page.assert_contains(&[
            "<h1>売上管理</h1>",
            // Two completed orders available, the paid one in escrow.
            "<dd class=\"sales-amount\" id=\"sales-available\">4,680円</dd>",
            "<dd class=\"sales-amount\">2,340円</dd>",
            "申請額が3,000円未満の場合は160円、3,000円以上の場合は無料です。",
            "今日申請した場合の振込予定日",
            &ja(next_transfer(&s.app)),
            // Each sale: linked title, amount, credited date, deadline, state.
            &format!("<a href=\"/orders/{first}\">ロゴを作成します</a>"),
            &format!("<a href=\"/orders/{second}\">ロゴを作成します</a>"),
            &ja(today(&s.app)),
            &ja(deadline),
            "売上が確定した日から120日以内に振込申請してください",
            // No account yet: the reason and the way to fix it instead of the button.
            "振込先の口座が登録されていません。",
            "<a class=\"button secondary\" href=\"/settings/bank\">振込先口座を登録する</a>",
            "振込申請の履歴はまだありません。",
        ]);
        assert_eq!(page.headers[axum::http::header::CACHE_CONTROL], "no-store");
        assert_eq!(count(&page, "sales-state-open\">申請可能</span>"), 2);
        page.assert_lacks(&["振込申請へ進む", "失効</span>", "expired-note"]);

        // The chart: an accessible SVG with twelve bars and a hidden table of the same numbers.
        page.assert_contains(&[
            "role=\"img\" aria-labelledby=\"sales-chart-title sales-chart-desc\"",
            "<title id=\"sales-chart-title\">月別の売上（過去12か月）</title>",
            "<desc id=\"sales-chart-desc\">2024年7月から2025年6月までの月ごとの売上の棒グラフです。12か月の合計は4,680円で、最も多かったのは2025年6月の4,680円です。</desc>",
            "<table class=\"visually-hidden\">",
            "<tr><th scope=\"row\">2025年6月</th><td>4,680円</td></tr>",
            "<tr><th scope=\"row\">2024年7月</th><td>0円</td></tr>",
        ]);
        assert_eq!(count(&page, "class=\"sales-chart-bar\""), 12);
        let table = between(&page, "<table class=\"visually-hidden\">", "</table>");
        assert_eq!(table.matches("<th scope=\"row\">").count(), 12);
        // Only June has a bar of any width (it fills the plot); the others are empty.
        assert_eq!(count(&page, "width=\"0\" height=\"18\""), 11);

        // The stylesheet the page links to is served.
        let css = seller.get("/static/sales/sales.css").await;
        assert_eq!(css.status, StatusCode::OK);
        assert!(css.html.contains(".sales-chart"));

        // Found from the header menu and from the sales tab of the orders list.
        page.assert_contains(&["<li><a href=\"/sales\">売上管理</a></li>"]);
        seller
            .get("/orders?tab=sales")
            .await
            .assert_contains(&["<a href=\"/sales\">売上管理・振込申請</a>"]);

        // In English too.
        let mut english = Browser::reauthenticated(&s, m.seller.id).await.english();
        english.get("/sales").await.assert_contains(&[
            "<h1>Sales</h1>",
            "¥4,680",
            "¥160 for payouts under ¥3,000; free from ¥3,000.",
            "<tr><th scope=\"row\">2025-06</th><td>¥4,680</td></tr>",
        ]);
    }
);

both_backends!(
    a_seller_without_sales_sees_empty_months,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        seller.submit("/settings/bank", &BANK_FORM).await;
        let page = seller.get("/sales").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "まだ売上はありません。",
            "この期間の売上はありません。",
            // The account is there, but the balance does not exceed the fee.
            "振込申請できる売上金がありません。売上金が振込手数料（160円）を超えると申請できます。",
        ]);
        assert_eq!(count(&page, "class=\"sales-chart-bar\""), 12);
        assert_eq!(count(&page, "width=\"0\" height=\"18\""), 12);
        page.assert_lacks(&["振込申請へ進む"]);

        // The confirmation says the same and offers no button; a POST moves nothing.
        let confirm = seller.get("/sales/payout").await;
        assert_eq!(confirm.status, StatusCode::UNPROCESSABLE_ENTITY);
        confirm.assert_contains(&["現在は振込申請できません", "振込手数料（160円）を超えると"]);
        confirm.assert_lacks(&["振込を申請する</button>"]);
        let refused = seller.post("/sales/payout", &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_contains(&[
            "role=\"alert\"",
            "振込手数料（160円）を超えると申請できます",
        ]);
        assert!(
            request::mine(&s.app, &m.seller)
                .await
                .expect("requests")
                .is_empty()
        );
    }
);

both_backends!(
    bank_form_errors_are_shown_with_the_form,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;

        let page = seller.get("/settings/bank").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "<h1>振込先口座</h1>",
            "<a href=\"/settings/bank\" aria-current=\"page\">振込先口座</a>",
            "振込先口座はまだ登録されていません。",
            "list=\"bank-options\"",
            "<option value=\"0001\">みずほ銀行</option>",
            "<option value=\"9900\">ゆうちょ銀行</option>",
            "東京営業部（001）",
            "inputmode=\"numeric\"",
            "maxlength=\"7\"",
            "value=\"ordinary\" checked",
            "> 普通</label>",
            "> 当座</label>",
            "> 貯蓄</label>",
            "半角カタカナ（ﾔﾏﾀﾞ ﾀﾛｳ）に変換して登録します",
        ]);

        // An unknown bank, a kanji name, letters in the number: each field says why.
        let page = seller
            .post(
                "/settings/bank",
                &[
                    ("bank_code", "9999"),
                    ("branch_code", "001"),
                    ("account_type", "checking"),
                    ("account_number", "12a4567"),
                    ("holder", "山田太郎"),
                ],
            )
            .await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            page.html
        );
        page.assert_contains(&[
            "class=\"error-summary\" role=\"alert\"",
            "<p class=\"field-error\" id=\"bank_code-error\">この金融機関コードの銀行は見つかりません。コードをご確認ください。</p>",
            "<p class=\"field-error\" id=\"account_number-error\">口座番号は7桁以内の数字で入力してください。</p>",
            "<p class=\"field-error\" id=\"holder-error\">「山」は口座名義に使えません。",
            // What was typed stays in the form.
            "value=\"9999\"",
            "value=\"山田太郎\"",
            "value=\"checking\" checked",
            "aria-invalid=\"true\"",
        ]);

        // Malformed codes and an unknown branch of a known bank.
        let page = seller
            .post(
                "/settings/bank",
                &[
                    ("bank_code", "12"),
                    ("branch_code", "999"),
                    ("account_type", "ordinary"),
                    ("account_number", "1234567"),
                    ("holder", "ヤマダ タロウ"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        page.assert_contains(&["金融機関コードは4桁の数字で入力してください。"]);
        let page = seller
            .post(
                "/settings/bank",
                &[
                    ("bank_code", "0001"),
                    ("branch_code", "999"),
                    ("account_type", "ordinary"),
                    ("account_number", "1234567"),
                    ("holder", ""),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        page.assert_contains(&[
            "この銀行には、この支店コードの支店が見つかりません。",
            "口座名義（カナ）を入力してください。",
        ]);

        // Nothing was registered.
        seller
            .get("/settings/bank")
            .await
            .assert_contains(&["振込先口座はまだ登録されていません。"]);
    }
);

both_backends!(
    a_valid_account_is_shown_back_normalised,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        let page = seller.submit("/settings/bank", &BANK_FORM).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "振込先口座を登録しました。",
            "<dd>みずほ銀行（0001）</dd>",
            "<dd>東京営業部（001）</dd>",
            "<dd>普通</dd>",
            "<dd>****592</dd>",
            // Full-width katakana and the ideographic space, as half-width transfer kana.
            "<dd id=\"bank-holder\">ﾔﾏﾀﾞ ﾀﾛｳ</dd>",
            "口座を変更する",
            "口座を削除する",
        ]);
        // The form is empty again; the number is never sent back.
        page.assert_lacks(&["3141592", "value=\"ヤマダ"]);

        // Full-width digits from an IME work as well; the account is replaced.
        let page = seller
            .submit(
                "/settings/bank",
                &[
                    ("bank_code", "００３６"),
                    ("branch_code", "２０１"),
                    ("account_type", "savings"),
                    ("account_number", "７６５４"),
                    ("holder", "スズキ ハナコ"),
                ],
            )
            .await;
        page.assert_contains(&[
            "<dd>楽天銀行（0036）</dd>",
            "<dd>ジャズ（201）</dd>",
            "<dd>貯蓄</dd>",
            "<dd>****654</dd>",
            "<dd id=\"bank-holder\">ｽｽﾞｷ ﾊﾅｺ</dd>",
        ]);

        // Removed, it is gone.
        let page = seller.submit("/settings/bank/delete", &[]).await;
        page.assert_contains(&[
            "振込先口座を削除しました。",
            "振込先口座はまだ登録されていません。",
        ]);
        page.assert_lacks(&["ｽｽﾞｷ"]);
    }
);

both_backends!(
    a_payout_request_is_confirmed_and_listed,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        m.completed_order(&s.app).await;
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        seller.submit("/settings/bank", &BANK_FORM).await;

        // The sales page offers the button now.
        let page = seller.get("/sales").await;
        page.assert_contains(&["<a class=\"button\" href=\"/sales/payout\">振込申請へ進む</a>"]);
        page.assert_lacks(&["payout-blocked"]);

        // The confirmation: ¥2,340 is under ¥3,000, so ¥160 is charged.
        let date = ja(next_transfer(&s.app));
        let page = seller.get("/sales/payout").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "<h1>振込申請の確認</h1>",
            "<tr><th scope=\"row\">申請額</th><td>2,340円</td></tr>",
            "<tr><th scope=\"row\">振込手数料</th><td>160円</td></tr>",
            "<tr class=\"payout-net\"><th scope=\"row\">お振込額</th><td>2,180円</td></tr>",
            &format!("<dd>{date}</dd>"),
            "みずほ銀行 東京営業部<br>普通 ****592<br><span lang=\"ja\">ﾔﾏﾀﾞ ﾀﾛｳ</span>",
            "<form method=\"post\" action=\"/sales/payout\">",
            "振込を申請する</button>",
        ]);
        page.assert_lacks(&["3141592"]);

        // Requested: back on the sales page with a notice, the request listed as 申請中.
        let answer = seller.post("/sales/payout", &[]).await;
        assert_eq!(answer.location(), Some("/sales"));
        let page = seller.get("/sales").await;
        page.assert_contains(&[
            "振込申請を受け付けました。",
            "<dd class=\"sales-amount\" id=\"sales-available\">0円</dd>",
            "sales-status-requested\">申請中</span>",
            "<td class=\"num\">2,340円</td>",
            "<td class=\"num\">160円</td>",
            "<td class=\"num\">2,180円</td>",
            &format!("<td>{}</td>", ja(today(&s.app))),
            &format!("<td>{date}</td>"),
            "sales-state-requested\">申請済み</span>",
            // The request in flight is why there is no button.
            &format!("（お振込額 2,180円）は、現在「申請中」です。振込予定日は{date}です。"),
        ]);
        page.assert_lacks(&["振込申請へ進む", "申請可能</span>"]);

        // A second request is refused with the reason, and nothing moves.
        let page = seller.get("/sales/payout").await;
        assert_eq!(page.status, StatusCode::CONFLICT);
        page.assert_contains(&["現在は振込申請できません", "は、現在「申請中」です"]);
        let page = seller.post("/sales/payout", &[]).await;
        assert_eq!(page.status, StatusCode::CONFLICT);
        page.assert_contains(&[
            "処理中の振込申請があります。振込が完了してから、次の申請ができます。",
        ]);
        assert_eq!(
            request::mine(&s.app, &m.seller)
                .await
                .expect("requests")
                .len(),
            1
        );

        // The account cannot be removed while the request needs it.
        let page = seller.post("/settings/bank/delete", &[]).await;
        assert_eq!(page.status, StatusCode::CONFLICT);
        page.assert_contains(&[
            "処理中の振込申請があるため、振込先口座を削除できません。",
            "<dd id=\"bank-holder\">ﾔﾏﾀﾞ ﾀﾛｳ</dd>",
        ]);
    }
);

both_backends!(
    transferred_and_failed_requests_show_their_outcome,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let ops = operator(&s.app, "ops@example.jp").await;
        for _ in 0..2 {
            m.completed_order(&s.app).await;
        }
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        seller.submit("/settings/bank", &BANK_FORM).await;

        // ¥4,680 from ¥3,000 up: no fee. Transferred by the operator.
        let first = request::request(
            &s.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        assert_eq!(first.fee.get(), 0);
        let batch = batches::close(&s.app, &ops, &first.transfer_date)
            .await
            .expect("close");
        seller
            .get("/sales")
            .await
            .assert_contains(&["sales-status-processing\">処理中</span>"]);
        batches::mark_transferred(&s.app, &ops, batch.id)
            .await
            .expect("transferred");
        let page = seller.get("/sales").await;
        page.assert_contains(&[
            "sales-status-transferred\">振込済み</span>",
            "<td class=\"num\">4,680円</td>",
        ]);
        // Nothing in flight and nothing left: the balance is the reason now.
        page.assert_contains(&["振込申請できる売上金がありません。"]);

        // A later request fails on the account data: the money is back, the account blocked.
        m.completed_order(&s.app).await;
        let second = request::request(
            &s.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        batches::close(&s.app, &ops, &second.transfer_date)
            .await
            .expect("close");
        batches::mark_failed(
            &s.app,
            &ops,
            second.id,
            Failure::AccountData,
            "名義が異なります",
        )
        .await
        .expect("failed");
        let page = seller.get("/sales").await;
        page.assert_contains(&[
            "sales-status-failed\">失敗</span>",
            "口座情報に誤りがあったため振り込めませんでした。",
            "<dd class=\"sales-amount\" id=\"sales-available\">2,340円</dd>",
            "前回の振込で口座情報に誤りがあり、振込できませんでした。",
            "<a class=\"button secondary\" href=\"/settings/bank\">振込先口座を登録し直す</a>",
        ]);
        page.assert_lacks(&["振込申請へ進む"]);
        let page = seller.get("/settings/bank").await;
        page.assert_contains(&[
            "id=\"bank-invalid\"",
            "口座情報の誤りのため完了しませんでした",
            "運営からの連絡: 名義が異なります",
        ]);

        // Registered again, the seller can request again.
        seller.submit("/settings/bank", &BANK_FORM).await;
        seller
            .get("/sales")
            .await
            .assert_contains(&["振込申請へ進む"]);
    }
);

both_backends!(
    expired_sales_are_marked_with_the_way_to_reclaim_them,
    |db: Db| async move {
        let (s, clock) = server_with_clock(db);
        let m = market(&s.app).await;
        let order = m.completed_order(&s.app).await;
        clock.advance_seconds(121 * DAY);
        expiry::expire_due(&s.app).await.expect("expire");

        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        let page = seller.get("/sales").await;
        page.assert_contains(&[
            &format!("<a href=\"/orders/{order}\">ロゴを作成します</a>"),
            "sales-state-expired\">失効</span>",
            "<p class=\"notice\" id=\"expired-note\">",
            "運営が確認のうえ売上金を復活できます。",
            "<a href=\"/help\">ヘルプ・お問い合わせ</a>",
            "<dd class=\"sales-amount\" id=\"sales-available\">0円</dd>",
        ]);
        page.assert_lacks(&["申請可能</span>"]);
    }
);

both_backends!(
    members_only_see_their_own_sales_and_account,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        m.completed_order(&s.app).await;
        let mut seller = Browser::reauthenticated(&s, m.seller.id).await;
        seller.submit("/settings/bank", &BANK_FORM).await;
        seller.post("/sales/payout", &[]).await;

        // Another member sees their own, empty pages: nothing of the seller's.
        let mut stranger = Browser::signed_in(&s, m.stranger.id).await;
        let page = stranger.get("/sales").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "<dd class=\"sales-amount\" id=\"sales-available\">0円</dd>",
            "まだ売上はありません。",
            "振込申請の履歴はまだありません。",
            "振込先の口座が登録されていません。",
        ]);
        page.assert_lacks(&["ロゴを作成します", "2,340円", "2,180円", "申請中</span>"]);
        let page = stranger.get("/settings/bank").await;
        page.assert_contains(&["振込先口座はまだ登録されていません。"]);
        page.assert_lacks(&["bank-holder", "****592", "<dd>みずほ銀行（0001）</dd>"]);
        // The buyer of the seller's order neither.
        let mut buyer = Browser::signed_in(&s, m.buyer.id).await;
        buyer
            .get("/sales")
            .await
            .assert_lacks(&["ロゴを作成します", "申請中</span>"]);
        // Removing "an" account removes only one's own (there is none).
        let page = stranger.post("/settings/bank/delete", &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        seller
            .get("/settings/bank")
            .await
            .assert_contains(&["<dd id=\"bank-holder\">ﾔﾏﾀﾞ ﾀﾛｳ</dd>"]);

        // Visitors are sent to sign in.
        for path in ["/sales", "/sales/payout", "/settings/bank"] {
            let page = Browser::new(&s).get(path).await;
            assert!(page.status.is_redirection(), "{path}");
            assert!(
                page.location().is_some_and(|l| l.starts_with("/login")),
                "{path}"
            );
        }
        let page = Browser::new(&s).post("/sales/payout", &[]).await;
        assert!(page.location().is_some_and(|l| l.starts_with("/login")));
    }
);
