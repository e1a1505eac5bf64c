//! The operators' payout pages on each database kind: the console lists the waiting requests
//! by transfer date, closing one makes a batch, the batch's 全銀 file is a valid Shift_JIS
//! transfer file, marking a batch transferred or a transfer failed moves the seller's money,
//! expired sales can be reinstated, and nobody but an operator gets in.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{StatusCode, header};
use pages::*;
use support::*;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::payouts::PayoutRequest;
use yorozu_app::payouts::bank::{self, BankInput};
use yorozu_app::payouts::{expiry, request, sales};
use yorozu_app::{App, AppError};
use yorozu_domain::ListingId;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::{OrderId, UserId};
use yorozu_store::{Db, both_backends};

const DAY: i64 = 86_400;

/// A seller's share of one ¥3,000 order (22% platform fee).
const SHARE: i64 = 2_340;

/// Sellers with a completed sale each and a registered bank account, a buyer, an operator.
struct Market {
    operator: CurrentUser,
    buyer: CurrentUser,
    card: i64,
    sellers: Vec<(CurrentUser, ListingId)>,
}

async fn market(app: &App, seller_names: &[&str]) -> Market {
    let operator = operator(app, "ops@example.jp").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let card = card(app, &buyer).await;
    let mut sellers = Vec::new();
    for (i, name) in seller_names.iter().enumerate() {
        let seller = member(app, &format!("seller{i}@example.jp"), name).await;
        let listing = publish(app, &seller, "名刺をデザインします").await;
        sellers.push((seller, listing));
    }
    let m = Market {
        operator,
        buyer,
        card,
        sellers,
    };
    for i in 0..m.sellers.len() {
        m.sale(app, i).await;
        register_bank(app, &m.sellers[i].0).await;
    }
    m
}

impl Market {
    fn seller(&self, i: usize) -> &CurrentUser {
        &self.sellers[i].0
    }

    /// One more completed ¥3,000 order for seller `i`; returns the order id.
    async fn sale(&self, app: &App, i: usize) -> OrderId {
        let (seller, listing) = &self.sellers[i];
        completed_order(app, &self.buyer, self.card, seller, *listing).await
    }
}

/// みずほ銀行 東京営業部 普通 1234567 ﾔﾏﾀﾞ ﾀﾛｳ.
async fn register_bank(app: &App, member: &CurrentUser) {
    bank::register(
        app,
        member,
        &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        &BankInput {
            bank_code: "0001".into(),
            branch_code: "001".into(),
            account_type: "ordinary".into(),
            account_number: "1234567".into(),
            holder: "ヤマダ タロウ".into(),
        },
    )
    .await
    .expect("register bank account");
}

async fn request_payout(app: &App, seller: &CurrentUser) -> PayoutRequest {
    request::request(
        app,
        seller,
        &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
    )
    .await
    .expect("payout request")
}

async fn available(app: &App, seller: &CurrentUser) -> i64 {
    sales::page(app, seller)
        .await
        .expect("sales page")
        .available
        .get()
}

async fn status_of(app: &App, seller: &CurrentUser, request_id: i64) -> String {
    request::mine(app, seller)
        .await
        .expect("requests")
        .into_iter()
        .find(|r| r.id == request_id)
        .expect("the request")
        .status
        .as_str()
        .to_owned()
}

/// The date as the Japanese pages write it: 「2025年7月7日」.
fn ja_date(iso: &str) -> String {
    let d = Date::parse_iso(iso).expect("iso date");
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// The batch id from a redirect to its page.
fn batch_id_from(location: Option<&str>) -> i64 {
    location
        .and_then(|l| l.strip_prefix("/operator/payouts/batches/"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a batch page: {location:?}"))
}

/// Closes the batch of `transfer_date` through the console; returns its id.
async fn close(browser: &mut Browser<'_>, transfer_date: &str) -> i64 {
    let answer = browser
        .post(
            "/operator/payouts/batches",
            &[("transfer_date", transfer_date)],
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.html);
    batch_id_from(answer.location())
}

both_backends!(
    the_console_lists_waiting_requests_by_transfer_date,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, &["デザイン工房", "翻訳屋さん"]).await;
        m.sale(&s.app, 1).await;
        let first = request_payout(&s.app, m.seller(0)).await;
        let second = request_payout(&s.app, m.seller(1)).await;
        assert_eq!(first.transfer_date, second.transfer_date);
        assert_eq!(
            (first.gross.get(), first.fee.get(), first.net.get()),
            (SHARE, 160, SHARE - 160)
        );
        assert_eq!(
            (second.gross.get(), second.fee.get(), second.net.get()),
            (2 * SHARE, 0, 2 * SHARE)
        );

        let mut browser = Browser::signed_in(&s, m.operator.id).await;
        let dashboard = browser.get("/operator").await;
        dashboard.assert_contains(&[
            "<h2 id=\"payouts-heading\">振込管理</h2>",
            r#"href="/operator/payouts""#,
            r#"href="/operator/payouts/expired""#,
        ]);

        let page = browser.get("/operator/payouts").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        assert_eq!(
            page.headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "bank details are not cached"
        );
        page.assert_contains(&[
            "<h1>振込管理</h1>",
            &format!("振込日 {}", ja_date(&first.transfer_date)),
            "<dd>2件</dd>",
            // ¥2,180 + ¥4,680.
            "<dd>6,860円</dd>",
            "デザイン工房",
            "翻訳屋さん",
            "<dd>2,340円</dd>",
            "<dd>160円</dd>",
            "<dd>2,180円</dd>",
            "<dd>4,680円</dd>",
            "<dd>0円</dd>",
            "みずほ銀行 東京営業部",
            "****567",
            &format!(r#"name="transfer_date" value="{}""#, first.transfer_date),
            "締めてバッチを作成",
            "振込バッチはまだありません。",
        ]);
        // Only the last digits: the number and the holder stay sealed. (The test CSRF token
        // happens to contain the digits, so it is left out of the check.)
        let without_csrf = page.html.replace("0123456789", "");
        assert!(!without_csrf.contains("1234567"), "{without_csrf}");
        page.assert_lacks(&["ﾔﾏﾀﾞ", "ヤマダ"]);

        let mut english = Browser::signed_in(&s, m.operator.id).await.english();
        let page = english.get("/operator/payouts").await;
        page.assert_contains(&[
            "Requests waiting for a batch",
            "2 requests",
            "¥6,860",
            "Close and create the batch",
        ]);
    }
);

both_backends!(
    closing_a_transfer_date_creates_a_batch,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, &["デザイン工房"]).await;
        let requested = request_payout(&s.app, m.seller(0)).await;
        let mut browser = Browser::signed_in(&s, m.operator.id).await;

        // A date that is not one, and a date without requests: said on the console, nothing made.
        let bad = browser
            .post("/operator/payouts/batches", &[("transfer_date", "7月7日")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        bad.assert_contains(&[
            "振込日は「2026-12-07」の形で入力してください。",
            "デザイン工房",
        ]);
        let empty = browser
            .post(
                "/operator/payouts/batches",
                &[("transfer_date", "2030-01-06")],
            )
            .await;
        assert_eq!(empty.status, StatusCode::CONFLICT);
        empty.assert_contains(&["この振込日の申請はありません。"]);

        let id = close(&mut browser, &requested.transfer_date).await;
        let page = browser
            .get(&format!("/operator/payouts/batches/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "振込バッチを作成しました。",
            &format!("{} 振込分のバッチ", ja_date(&requested.transfer_date)),
            "<dd>処理中</dd>",
            "<dd>1件</dd>",
            "<dd>2,180円</dd>",
            "運営担当（",
            &format!(r#"href="/operator/payouts/batches/{id}/zengin""#),
            "全銀ファイルをダウンロード",
            "振込済みにする",
            "振込失敗にする",
            "口座情報の誤り",
            "その他",
            "デザイン工房",
            "みずほ銀行 東京営業部 ****567",
        ]);
        assert_eq!(
            status_of(&s.app, m.seller(0), requested.id).await,
            "processing"
        );

        let console = browser.get("/operator/payouts").await;
        console.assert_contains(&[
            "締め待ちの振込申請はありません。",
            &format!(
                r#"<a href="/operator/payouts/batches/{id}">{}</a>"#,
                ja_date(&requested.transfer_date)
            ),
            "<td>処理中</td>",
            "運営担当<br>",
        ]);
        // Closing the same date again finds nothing left.
        let again = browser
            .post(
                "/operator/payouts/batches",
                &[("transfer_date", requested.transfer_date.as_str())],
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);

        let unknown = browser.get("/operator/payouts/batches/424242").await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        let garbage = browser.get("/operator/payouts/batches/abc").await;
        assert_eq!(garbage.status, StatusCode::NOT_FOUND);
    }
);

both_backends!(only_operators_reach_the_payout_pages, |db: Db| async move {
    let s = server(db);
    let m = market(&s.app, &["デザイン工房"]).await;
    let requested = request_payout(&s.app, m.seller(0)).await;
    let batch = yorozu_app::payouts::batches::close(&s.app, &m.operator, &requested.transfer_date)
        .await
        .expect("close");

    let mut seller = Browser::signed_in(&s, m.seller(0).id).await;
    let pages = [
        "/operator/payouts".to_owned(),
        "/operator/payouts/expired".to_owned(),
        format!("/operator/payouts/batches/{}", batch.id),
        format!("/operator/payouts/batches/{}/zengin", batch.id),
    ];
    for path in &pages {
        assert_eq!(
            seller.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let posts = [
        (
            "/operator/payouts/batches".to_owned(),
            vec![("transfer_date", requested.transfer_date.as_str())],
        ),
        (
            format!("/operator/payouts/batches/{}/transferred", batch.id),
            vec![],
        ),
        (
            format!(
                "/operator/payouts/batches/{}/requests/{}/failed",
                batch.id, requested.id
            ),
            vec![("reason", "other"), ("note", "")],
        ),
        ("/operator/payouts/expired/1/reinstate".to_owned(), vec![]),
    ];
    for (path, fields) in &posts {
        assert_eq!(
            seller.post(path, fields).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    // Nothing moved.
    assert_eq!(
        status_of(&s.app, m.seller(0), requested.id).await,
        "processing"
    );

    let mut visitor = Browser::new(&s);
    for path in &pages {
        let page = visitor.get(path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            page.location()
                .is_some_and(|l| l.starts_with("/login?next=")),
            "{path}"
        );
    }
    let page = visitor.get("/operator/payouts").await;
    assert_eq!(page.location(), Some("/login?next=%2Foperator%2Fpayouts"));
});

both_backends!(
    the_zengin_file_is_a_shift_jis_transfer_file,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, &["デザイン工房", "翻訳屋さん"]).await;
        m.sale(&s.app, 1).await;
        let first = request_payout(&s.app, m.seller(0)).await;
        let second = request_payout(&s.app, m.seller(1)).await;
        let mut browser = Browser::signed_in(&s, m.operator.id).await;
        let id = close(&mut browser, &first.transfer_date).await;

        let file = browser
            .get(&format!("/operator/payouts/batches/{id}/zengin"))
            .await;
        assert_eq!(file.status, StatusCode::OK);
        let header_value = |name: header::HeaderName| {
            file.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(
            header_value(header::CONTENT_TYPE),
            "text/plain; charset=Shift_JIS"
        );
        assert_eq!(
            header_value(header::CONTENT_DISPOSITION),
            format!(
                "attachment; filename=\"zengin-{}-{id}.txt\"",
                first.transfer_date
            )
        );
        assert_eq!(header_value(header::CACHE_CONTROL), "no-store");

        // The harness reads bodies as UTF-8 text; fetch the bytes again through the router.
        let bytes = zengin_bytes(&s, m.operator.id, id).await;
        assert_eq!(bytes.len() % 122, 0, "records of 120 bytes + CRLF");
        let records: Vec<&[u8]> = bytes.chunks(122).collect();
        assert_eq!(
            records.len(),
            1 + 2 + 2,
            "header, one data record per transfer, trailer, end"
        );
        for r in &records {
            assert_eq!(&r[120..], b"\r\n");
        }
        let header_record = records[0];
        assert_eq!(&header_record[0..1], b"1");
        assert_eq!(&header_record[1..3], b"21", "総合振込");
        assert_eq!(&header_record[3..4], b"0", "Shift_JIS");
        let date = Date::parse_iso(&first.transfer_date).expect("date");
        assert_eq!(
            &header_record[54..58],
            format!("{:02}{:02}", date.month, date.day).as_bytes()
        );

        let mut amounts: Vec<i64> = records[1..3]
            .iter()
            .map(|r| {
                assert_eq!(&r[0..1], b"2");
                assert_eq!(&r[1..5], b"0001");
                assert_eq!(&r[20..23], b"001");
                assert_eq!(&r[42..43], b"1", "普通");
                assert_eq!(&r[43..50], b"1234567");
                // ﾔﾏﾀﾞ ﾀﾛｳ in Shift_JIS half-width katakana, space-padded to 30 bytes.
                let holder: &[u8] = &[0xD4, 0xCF, 0xC0, 0xDE, b' ', 0xC0, 0xDB, 0xB3];
                assert_eq!(&r[50..50 + holder.len()], holder);
                assert!(r[50 + holder.len()..80].iter().all(|b| *b == b' '));
                std::str::from_utf8(&r[80..90])
                    .expect("digits")
                    .parse()
                    .expect("amount")
            })
            .collect();
        amounts.sort_unstable();
        assert_eq!(amounts, vec![first.net.get(), second.net.get()]);

        let trailer = records[3];
        assert_eq!(&trailer[0..1], b"8");
        assert_eq!(&trailer[1..7], b"000002");
        assert_eq!(
            &trailer[7..19],
            format!("{:012}", first.net.get() + second.net.get()).as_bytes()
        );
        let end = records[4];
        assert_eq!(end[0], b'9');
        assert!(end[1..120].iter().all(|b| *b == b' '));

        // The download is in the audit log.
        let audit = browser.get("/operator/audit").await;
        audit.assert_contains(&["全銀ファイルをダウンロード", "振込バッチを作成"]);
    }
);

/// The raw body of the Zengin download (the page harness keeps only text).
async fn zengin_bytes(s: &TestServer, operator_id: UserId, batch_id: i64) -> Vec<u8> {
    use axum::body::{Body, to_bytes};
    use axum::http::Request;
    use tower::ServiceExt;

    let mut tx = s.app.db.begin().await.expect("begin");
    let session = yorozu_app::accounts::sessions::start(&mut tx, &s.app, operator_id, &client())
        .await
        .expect("session");
    tx.commit().await.expect("commit");
    let request = Request::builder()
        .uri(format!("/operator/payouts/batches/{batch_id}/zengin"))
        .header(header::COOKIE, format!("yz_session={session}"))
        .body(Body::empty())
        .expect("request");
    let response = s.router.clone().oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
    to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec()
}

both_backends!(
    marking_transferred_and_failed_moves_the_sellers_money,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, &["デザイン工房", "翻訳屋さん", "写真館"]).await;
        let paid = request_payout(&s.app, m.seller(0)).await;
        let refused = request_payout(&s.app, m.seller(1)).await;
        let returned = request_payout(&s.app, m.seller(2)).await;
        for seller in [m.seller(0), m.seller(1), m.seller(2)] {
            assert_eq!(available(&s.app, seller).await, 0);
        }
        let mut browser = Browser::signed_in(&s, m.operator.id).await;
        let id = close(&mut browser, &paid.transfer_date).await;
        let batch_path = format!("/operator/payouts/batches/{id}");
        let failed_path = |request_id: i64| format!("{batch_path}/requests/{request_id}/failed");

        // A failure needs its reason, and a note within the limit.
        let no_reason = browser
            .post(&failed_path(refused.id), &[("note", "口座なし")])
            .await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        no_reason.assert_contains(&[
            "失敗の理由を選んでください。",
            &format!(r#"id="reason-{}-error""#, refused.id),
            "口座なし</textarea>",
            "<details open>",
        ]);
        let long_note = "あ".repeat(501);
        let too_long = browser
            .post(
                &failed_path(refused.id),
                &[("reason", "account_data"), ("note", long_note.as_str())],
            )
            .await;
        assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
        too_long.assert_contains(&[
            &format!(r#"id="note-{}-error""#, refused.id),
            r#"value="account_data" checked"#,
        ]);
        assert_eq!(
            status_of(&s.app, m.seller(1), refused.id).await,
            "processing"
        );

        // Wrong account data: the money is back and the account is blocked.
        let page = browser
            .submit(
                &failed_path(refused.id),
                &[("reason", "account_data"), ("note", "受取人名相違")],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "振込を「振込失敗」にしました。",
            "振込失敗（口座情報の誤り）",
        ]);
        assert_eq!(status_of(&s.app, m.seller(1), refused.id).await, "failed");
        assert_eq!(available(&s.app, m.seller(1)).await, SHARE);
        assert!(matches!(
            request::request(
                &s.app,
                m.seller(1),
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
            )
            .await,
            Err(AppError::Conflict("payout-bank-account-invalid"))
        ));
        let view = bank::view(&s.app, m.seller(1))
            .await
            .expect("view")
            .expect("account");
        assert_eq!(view.invalid_reason.as_deref(), Some("受取人名相違"));

        // Another cause: the money is back and the seller may request again.
        browser
            .submit(
                &failed_path(returned.id),
                &[("reason", "other"), ("note", "")],
            )
            .await
            .assert_contains(&["振込失敗（その他）"]);
        assert_eq!(available(&s.app, m.seller(2)).await, SHARE);
        // Failing it twice is refused: it is no longer processing.
        let twice = browser
            .post(&failed_path(returned.id), &[("reason", "other")])
            .await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        twice.assert_contains(&["この振込申請は処理中ではありません。"]);

        // The file now carries the one transfer left.
        let bytes = zengin_bytes(&s, m.operator.id, id).await;
        assert_eq!(
            bytes.len(),
            4 * 122,
            "header, one data record, trailer, end"
        );
        assert_eq!(
            &bytes[122 + 80..122 + 90],
            format!("{:010}", paid.net.get()).as_bytes()
        );

        // Transferred: only the processing transfer is paid; the failed ones stay failed.
        let page = browser
            .submit(&format!("{batch_path}/transferred"), &[])
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "バッチを振込済みにしました。",
            r#"<span class="badge">振込済み</span>"#,
        ]);
        page.assert_lacks(&["振込済みにする</button>", "この振込を「振込失敗」にする"]);
        assert_eq!(status_of(&s.app, m.seller(0), paid.id).await, "transferred");
        assert_eq!(status_of(&s.app, m.seller(1), refused.id).await, "failed");
        assert_eq!(status_of(&s.app, m.seller(2), returned.id).await, "failed");
        assert_eq!(available(&s.app, m.seller(0)).await, 0);
        let seller_page = sales::page(&s.app, m.seller(0)).await.expect("page");
        assert!(seller_page.in_flight.is_none());

        // Again: the batch is no longer processing.
        let again = browser
            .post(&format!("{batch_path}/transferred"), &[])
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        again.assert_contains(&["この振込バッチは処理中ではありません。"]);

        // Once the account is registered again, the blocked seller can request.
        register_bank(&s.app, m.seller(1)).await;
        let retried = request_payout(&s.app, m.seller(1)).await;
        assert_eq!(retried.gross.get(), SHARE);
        let console = browser.get("/operator/payouts").await;
        console.assert_contains(&["翻訳屋さん", r#"<span class="badge">振込済み</span>"#]);
    }
);

both_backends!(
    expired_sales_are_listed_and_reinstated,
    |db: Db| async move {
        let (s, clock) = server_with_clock(db);
        let m = market(&s.app, &["デザイン工房"]).await;
        let order_id = m.sale(&s.app, 0).await;
        Browser::signed_in(&s, m.operator.id)
            .await
            .get("/operator/payouts/expired")
            .await
            .assert_contains(&["<h1>失効売上金</h1>", "失効した売上金はありません。"]);

        clock.advance_seconds(121 * DAY);
        assert_eq!(expiry::expire_due(&s.app).await.expect("expire"), 1);
        assert_eq!(available(&s.app, m.seller(0)).await, 0);
        // A fresh session: the first one has expired in the meantime.
        let mut browser = Browser::signed_in(&s, m.operator.id).await;

        let page = browser.get("/operator/payouts/expired").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "デザイン工房",
            "名刺をデザインします",
            &format!("<dd>{order_id}</dd>"),
            "<dd>2,340円</dd>",
            &format!(r#"action="/operator/payouts/expired/{order_id}/reinstate""#),
            "復元する",
        ]);

        let page = browser
            .submit(
                &format!("/operator/payouts/expired/{order_id}/reinstate"),
                &[],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&["失効売上金を復元しました。"]);
        page.assert_lacks(&[&format!("<dd>{order_id}</dd>")]);
        // The other expired sale stays listed.
        page.assert_contains(&["<dd>2,340円</dd>"]);
        assert_eq!(available(&s.app, m.seller(0)).await, SHARE);

        // Twice: it is no longer expired.
        let again = browser
            .post(
                &format!("/operator/payouts/expired/{order_id}/reinstate"),
                &[],
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        again.assert_contains(&["この売上は失効していません。"]);
    }
);
