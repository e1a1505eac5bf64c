//! After a withdrawal, on each database kind: the operators' statistics page counts it and
//! shows its reason and its scrubbed comment (and nothing that leads to the member), and once
//! the member's data is purged the people they traded with still see their orders and the
//! reviews the member wrote, with the member shown as 「退会したユーザー」.

#[path = "support/pages.rs"]
mod pages;
mod support;

use std::time::Duration;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::jobs::Worker;
use yorozu_app::withdrawal::confirm::{Confirmation, Outcome, When, withdraw};
use yorozu_app::withdrawal::purge::{self, Progress};
use yorozu_app::withdrawal::readiness::{self, Forfeits};
use yorozu_domain::WithdrawalId;
use yorozu_store::withdrawal::withdrawals;
use yorozu_store::{Db, both_backends};

const STATS: &str = "/operator/withdrawals";
const DAY: i64 = 86_400;

/// Closes `member`'s account through the use case, acknowledging whatever it would forfeit.
async fn close_account(
    app: &App,
    member: &CurrentUser,
    reasons: &[&str],
    comment: &str,
) -> WithdrawalId {
    let r = readiness::check(app, member).await.expect("readiness");
    let outcome = withdraw(
        app,
        member,
        &Confirmation {
            password: PASSWORD.into(),
            reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
            comment: comment.into(),
            acknowledged: Forfeits {
                sales_balance: r.forfeits.sales_balance,
                points: r.forfeits.points,
            },
            erase_now: false,
        },
        When::Now,
    )
    .await
    .expect("withdraw");
    match outcome {
        Outcome::Closed(closed) => closed.withdrawal_id,
        Outcome::Scheduled { .. } => panic!("expected the account to close"),
    }
}

both_backends!(
    operators_see_the_reason_and_the_scrubbed_comment_and_nobody_else_does,
    |db: Db| async move {
        let s = server(db);
        let ops = operator(&s.app, "ops@example.jp").await;
        let leaver = member(&s.app, "leaver@example.jp", "去る人").await;

        // Before any withdrawal: an empty period, said in words.
        let mut console = Browser::signed_in(&s, ops.id).await;
        let dashboard = console.get("/operator").await;
        dashboard.assert_contains(&[
            r#"<a class="button secondary" href="/operator/withdrawals">退会の統計を見る</a>"#,
        ]);
        let empty = console.get(STATS).await;
        assert_eq!(empty.status, StatusCode::OK, "{}", empty.html);
        empty.assert_contains(&[
            "<h1>退会の統計</h1>",
            "この期間に選ばれた理由はありません。",
            "まだご意見はありません。",
            "この期間に、退会を妨げたものはありません。",
        ]);

        close_account(
            &s.app,
            &leaver,
            &["fees-too-high"],
            "手数料が高いです。連絡は leaver@example.jp か 090-1234-5678 まで",
        )
        .await;

        let page = console.get(STATS).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "直近12か月の数字です。",
            // START is in June 2025 (Japan time): one account closed that month.
            r#"<th scope="row">2025年6月</th>
        <td class="num">1</td>
        <td class="num">0</td>"#,
            // The chart: an image with a title and a description, one colour per reason, a
            // legend, and the same numbers in a table.
            r#"role="img" aria-labelledby="withdrawal-chart-title withdrawal-chart-desc""#,
            "最も多かったのは「手数料が高い」の1件です。",
            r##"fill="#CC79A7" stroke="#ffffff" stroke-width="1"><title>手数料が高い: 1件</title></rect>"##,
            r##"<rect width="14" height="14" rx="2" fill="#CC79A7"/></svg> 手数料が高い</li>"##,
            r#"<tr><th scope="row">2025年6月</th><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>"#,
            "理由を選ばずに退会した件数（期間中）: 0件",
            // The comment, without the address and the number.
            "手数料が高いです。連絡は [削除] か [削除] まで",
        ]);
        page.assert_lacks(&[
            "leaver@example.jp",
            "090-1234-5678",
            "去る人",
            &format!("/users/{}", leaver.id),
            ">op-withdrawals-",
            ">withdrawal-reason-",
        ]);

        // In English too.
        let english = Browser::signed_in(&s, ops.id)
            .await
            .english()
            .get(STATS)
            .await;
        english.assert_contains(&[
            "<h1>Withdrawal statistics</h1>",
            "2025-06",
            "The fees are too high",
        ]);
        english.assert_lacks(&[">op-withdrawals-", ">withdrawal-reason-"]);

        // Members are refused; visitors are sent to sign in.
        let somebody = member(&s.app, "member@example.jp", "会員").await;
        let refused = Browser::signed_in(&s, somebody.id).await.get(STATS).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        refused.assert_lacks(&["手数料が高い"]);
        let visitor = Browser::new(&s).get(STATS).await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER);
        assert_eq!(
            visitor.location(),
            Some("/login?next=%2Foperator%2Fwithdrawals")
        );
    }
);

both_backends!(
    a_blocker_met_when_scheduling_is_counted,
    |db: Db| async move {
        let s = server(db);
        let ops = operator(&s.app, "ops@example.jp").await;
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作ります").await;
        let card = card(&s.app, &buyer).await;
        yorozu_app::orders::place::place(
            &s.app,
            &buyer,
            &yorozu_app::orders::place::Purchase {
                choice: yorozu_app::orders::quote::Choice::of(listing),
                payment: yorozu_app::orders::place::Payment::Card(card),
                request: "お願いします。".into(),
                purchase_key: yorozu_app::crypto::random_token(),
                expected_total: None,
            },
        )
        .await
        .expect("order");
        let outcome = withdraw(
            &s.app,
            &buyer,
            &Confirmation {
                password: PASSWORD.into(),
                ..Confirmation::default()
            },
            When::WhenReady,
        )
        .await
        .expect("schedule");
        assert!(matches!(outcome, Outcome::Scheduled { .. }));

        let page = Browser::signed_in(&s, ops.id).await.get(STATS).await;
        page.assert_contains(&[
            "退会を予約した時点で残っていたものの件数です（多い順）。",
            "<li>購入中の取引: 1件</li>",
        ]);
    }
);

/// Runs every due job (mail, the purge) and then the purge itself, until the withdrawal is
/// purged.
async fn purge_now(app: &App, withdrawal_id: WithdrawalId) {
    for _ in 0..3 {
        Worker::new(app.clone(), Duration::from_millis(10))
            .run_due()
            .await
            .expect("jobs");
        let progress = purge::run(app, withdrawal_id, &mut purge::no_interruption)
            .await
            .expect("purge");
        assert_ne!(progress, Progress::WaitingForMail);
        let row = {
            let mut c = app.db.read().await.expect("read");
            withdrawals::find(&mut c, withdrawal_id)
                .await
                .expect("find")
                .expect("withdrawal")
        };
        if row.state.as_str() == "purged" {
            return;
        }
    }
    panic!("withdrawal {withdrawal_id} was not purged");
}

both_backends!(
    after_the_purge_the_counterparty_sees_a_withdrawn_user,
    |db: Db| async move {
        let (s, clock) = server_with_clock(db);
        // Each sells one service to the other; the seller who leaves also reviews the other.
        let leaving = member(&s.app, "seller@example.jp", "デザイン工房").await;
        let staying = member(&s.app, "buyer@example.jp", "買い手太郎").await;
        let leaving_service = publish(&s.app, &leaving, "名刺をデザインします").await;
        let staying_service = publish(&s.app, &staying, "ロゴを作ります").await;
        let staying_card = card(&s.app, &staying).await;
        let leaving_card = card(&s.app, &leaving).await;
        let bought =
            completed_order(&s.app, &staying, staying_card, &leaving, leaving_service).await;
        let sold = completed_order(&s.app, &leaving, leaving_card, &staying, staying_service).await;
        review(
            &s.app,
            &leaving,
            sold,
            5,
            "素敵なロゴをありがとうございました。",
            false,
        )
        .await;

        let profile = format!("/users/{}", staying.id);
        let service_reviews = format!("/services/{staying_service}/reviews");
        let before = Browser::signed_in(&s, staying.id).await.get(&profile).await;
        before.assert_contains(&[
            "投稿者: デザイン工房",
            "素敵なロゴをありがとうございました。",
        ]);

        let withdrawal = close_account(&s.app, &leaving, &[], "").await;
        // The grace period passes; the purge runs.
        clock.advance_seconds(15 * DAY);
        purge_now(&s.app, withdrawal).await;

        let mut browser = Browser::signed_in(&s, staying.id).await;
        let pages = [
            format!("/orders/{bought}"),
            "/orders".to_owned(),
            format!("/orders/{sold}"),
            "/orders?tab=sales".to_owned(),
            profile.clone(),
            service_reviews.clone(),
        ];
        for path in &pages {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.html);
            page.assert_contains(&["退会したユーザー"]);
            page.assert_lacks(&["デザイン工房", "seller@example.jp"]);
        }
        let profile_page = browser.get(&profile).await;
        profile_page.assert_contains(&[
            "投稿者: 退会したユーザー",
            "素敵なロゴをありがとうございました。",
        ]);
        // The member's own profile is gone.
        let gone = browser.get(&format!("/users/{}", leaving.id)).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    }
);
