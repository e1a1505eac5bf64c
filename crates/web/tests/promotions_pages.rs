//! The points and coupons pages: the operator's coupon list and form, the points grant form,
//! and the member's points page in settings, driven through the real router like a browser,
//! on each database kind.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::orders::cancel::{self, Answer};
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::promotions::coupons;
use yorozu_store::both_backends;

/// 2025-06-16 00:06 JST is [`START`]; points granted then are valid for one year (365 days).
const EXPIRY_JA: &str = "有効期限: 2026年6月16日";
const EXPIRY_EN: &str = "Valid until: 2026-06-16";

both_backends!(operator_creates_lists_and_stops_coupons, |db| async move {
    let s = server(db);
    let op = operator(&s.app, "ops@example.jp").await;
    let mut browser = Browser::signed_in(&s, op.id).await;

    let console = browser.get("/operator").await;
    assert_eq!(console.status, StatusCode::OK);
    console.assert_contains(&[
        "ポイントとクーポン",
        r#"href="/operator/coupons""#,
        r#"href="/operator/points""#,
    ]);

    let empty = browser.get("/operator/coupons").await;
    assert_eq!(empty.status, StatusCode::OK);
    empty.assert_contains(&[
        "<h1>クーポン</h1>",
        "クーポンを作成",
        "まだクーポンはありません。",
        r#"<label for="code">クーポンコード</label>"#,
        r#"<label for="min_order">最低注文金額（円）</label>"#,
        r#"name="valid_days" type="text" inputmode="numeric" required maxlength="3" value="30""#,
    ]);

    let created = browser
        .submit(
            "/operator/coupons",
            &[
                ("code", "welcome-500"),
                ("title", "新規会員向け500円引き"),
                ("discount", "500"),
                ("min_order", "3,000"),
                ("valid_days", "30"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::OK);
    created.assert_contains(&[
        r#"<p class="flash" role="status">クーポンを作成しました。</p>"#,
        "<code>WELCOME-500</code>",
        "新規会員向け500円引き",
        r#"<td class="num">500円</td>"#,
        r#"<td class="num">3,000円</td>"#,
        "2025年6月16日 00:06 〜 2025年7月16日 00:06",
        r#"<td class="num">0回</td>"#,
        "<td>有効</td>",
        r#"aria-label="クーポン WELCOME-500 を停止する""#,
    ]);

    // The same code again, typed differently: refused with the message, input kept.
    let duplicate = browser
        .post(
            "/operator/coupons",
            &[
                ("code", " Welcome-500 "),
                ("title", "もう一枚"),
                ("discount", "300"),
                ("min_order", "0"),
                ("valid_days", "7"),
            ],
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    duplicate.assert_contains(&[
            r#"<p class="field-error" id="code-error">このクーポンコードはすでに使われています。別のコードにしてください。</p>"#,
            r#"value="もう一枚""#,
            r#"aria-describedby="code-hint code-error" aria-invalid="true""#,
            "<code>WELCOME-500</code>",
        ]);

    let invalid = browser
        .post(
            "/operator/coupons",
            &[
                ("code", "ab"),
                ("title", ""),
                ("discount", "abc"),
                ("min_order", "-1"),
                ("valid_days", "400"),
            ],
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    invalid.assert_contains(&[
        "クーポンコードは半角英数字とハイフンで4〜20文字です。",
        "金額は1円以上の整数で入力してください。",
        "金額は0円以上の整数で入力してください。",
        "有効日数は1〜366日で入力してください。",
        r#"id="title-error""#,
    ]);
    let listed = coupons::list(&s.app, &op).await.expect("list");
    assert_eq!(listed.len(), 1, "only the first coupon was created");

    let id = listed[0].0.id;
    let stopped = browser
        .submit(&format!("/operator/coupons/{id}/disable"), &[])
        .await;
    assert_eq!(stopped.status, StatusCode::OK);
    stopped.assert_contains(&[
        "クーポンを停止しました。新しい注文では使えません。",
        "<td>停止中（2025年6月16日）</td>",
    ]);
    stopped.assert_lacks(&["を停止する\""]);

    let audit = browser.get("/operator/audit").await;
    audit.assert_contains(&["クーポンを作成", "クーポンを停止", "WELCOME-500"]);

    let unknown = browser.post("/operator/coupons/999999/disable", &[]).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let english = Browser::signed_in(&s, op.id)
        .await
        .english()
        .get("/operator/coupons")
        .await;
    english.assert_contains(&["<h1>Coupons</h1>", "Stopped (2025-06-16)", "¥3,000"]);
});

both_backends!(only_operators_reach_the_promotion_pages, |db| async move {
    let s = server(db);
    let op = operator(&s.app, "ops@example.jp").await;
    let someone = member(&s.app, "member@example.jp", "会員").await;
    let mut browser = Browser::signed_in(&s, someone.id).await;
    for path in ["/operator/coupons", "/operator/points"] {
        assert_eq!(
            browser.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let posted = browser
        .post(
            "/operator/coupons",
            &[
                ("code", "SNEAKY-1"),
                ("title", "不正"),
                ("discount", "3000"),
                ("min_order", "0"),
                ("valid_days", "30"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::FORBIDDEN);
    let granted = browser
        .post(
            "/operator/points",
            &[
                ("email", "member@example.jp"),
                ("amount", "1000"),
                ("note", "自分で"),
            ],
        )
        .await;
    assert_eq!(granted.status, StatusCode::FORBIDDEN);
    assert!(coupons::list(&s.app, &op).await.expect("list").is_empty());
    let own = browser.get("/settings/points").await;
    own.assert_contains(&["0ポイント", "現在お持ちのポイントはありません。"]);

    // Signed out: sent to sign in, and back here afterwards.
    let mut visitor = Browser::new(&s);
    let page = visitor.get("/operator/points").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/login?next=%2Foperator%2Fpoints"));
    let page = visitor.get("/settings/points").await;
    assert_eq!(page.location(), Some("/login?next=%2Fsettings%2Fpoints"));
});

both_backends!(
    granted_points_show_on_the_members_page_with_their_expiry,
    |db| async move {
        let s = server(db);
        let op = operator(&s.app, "ops@example.jp").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let mut console = Browser::signed_in(&s, op.id).await;

        let form = console.get("/operator/points").await;
        assert_eq!(form.status, StatusCode::OK);
        form.assert_contains(&[
            "<h1>ポイント付与</h1>",
            r#"<label for="email">会員のメールアドレス</label>"#,
            r#"<label for="amount">付与するポイント</label>"#,
            r#"<label for="note">メモ（会員に表示されます）</label>"#,
            "1回に付与できるのは1,000,000ポイントまでです。",
        ]);

        let unknown = console
            .post(
                "/operator/points",
                &[
                    ("email", "nobody@example.jp"),
                    ("amount", "100"),
                    ("note", "テスト"),
                ],
            )
            .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        unknown.assert_contains(&[
            "このメールアドレスの会員は見つかりません。",
            r#"value="nobody@example.jp""#,
        ]);
        let too_many = console
            .post(
                "/operator/points",
                &[
                    ("email", "buyer@example.jp"),
                    ("amount", "0"),
                    ("note", "テスト"),
                ],
            )
            .await;
        assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
        too_many.assert_contains(&["付与するポイントは1〜1,000,000の整数で入力してください。"]);

        let granted = console
            .submit(
                "/operator/points",
                &[
                    ("email", "buyer@example.jp"),
                    ("amount", "1,500"),
                    ("note", "キャンペーン参加のお礼"),
                ],
            )
            .await;
        assert_eq!(granted.status, StatusCode::OK);
        granted.assert_contains(&[
            r#"<p class="flash" role="status">ポイントを付与しました。会員にはメールでお知らせしています。</p>"#,
        ]);
        granted.assert_lacks(&["キャンペーン参加のお礼"]);

        let mut own = Browser::signed_in(&s, buyer.id).await;
        let page = own.get("/settings/points").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            r#"<a href="/settings/points" aria-current="page">ポイント</a>"#,
            r#"<p class="points-balance">1,500ポイント</p>"#,
            EXPIRY_JA,
            "最後にポイントを獲得した日から1年間です",
            "<td>2025年6月16日</td>",
            "<td>付与</td>",
            r#"<td class="num">+1,500</td>"#,
            "キャンペーン参加のお礼",
        ]);

        // Using points on an order, then cancelling it: the history links both to the order.
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let card_id = card(&s.app, &buyer).await;
        let placed = place(
            &s.app,
            &buyer,
            &Purchase {
                choice: Choice {
                    points: "500".into(),
                    ..Choice::of(listing)
                },
                payment: Payment::Card(card_id),
                request: "よろしくお願いします。".into(),
                purchase_key: "points-page-test-key-1".into(),
                expected_total: None,
            },
        )
        .await
        .expect("place with points");
        let page = own.get("/settings/points").await;
        page.assert_contains(&[
            r#"<p class="points-balance">1,000ポイント</p>"#,
            "<td>利用</td>",
            r#"<td class="num">-500</td>"#,
            "ご注文での利用",
            &format!(r#"<a href="/orders/{}">"#, placed.order_id),
            EXPIRY_JA,
        ]);
        cancel::request(&s.app, &buyer, placed.order_id, "都合が悪くなりました。")
            .await
            .expect("request cancellation");
        cancel::answer(&s.app, &seller, placed.order_id, Answer::Agree, "")
            .await
            .expect("agree");
        let page = own.get("/settings/points").await;
        page.assert_contains(&[
            r#"<p class="points-balance">1,500ポイント</p>"#,
            "<td>返還</td>",
            r#"<td class="num">+500</td>"#,
            "キャンセルによる返還",
            EXPIRY_JA,
        ]);
        let returned = page.html.find("<td>返還</td>").expect("restore row");
        let used = page.html.find("<td>利用</td>").expect("use row");
        let grant = page.html.find("<td>付与</td>").expect("grant row");
        assert!(returned < used && used < grant, "newest first");

        let english = Browser::signed_in(&s, buyer.id)
            .await
            .english()
            .get("/settings/points")
            .await;
        english.assert_contains(&[
            r#"<p class="points-balance">1,500 points</p>"#,
            EXPIRY_EN,
            "<td>Granted</td>",
            "<td>Used</td>",
            "<td>Returned</td>",
        ]);
    }
);
