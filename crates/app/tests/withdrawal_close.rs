//! Confirming a withdrawal, on both databases: everything DESIGN.md says happens at once
//! happens in the one transaction; wrong passwords and missing acknowledgements change
//! nothing; a schedule closes the account when the last blocker clears (or is called off when
//! more would be forfeited); signing in during the grace period undoes it; and after
//! confirming, the member receives nothing but the closing mail.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::sign_in::sign_in;
use yorozu_app::orders::place::{Payment, place};
use yorozu_app::withdrawal::confirm::{Outcome, When, withdraw};
use yorozu_app::withdrawal::schedule;
use yorozu_app::withdrawal::undo;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

fn codes<T: std::fmt::Debug>(r: Result<T, AppError>) -> Vec<(&'static str, &'static str)> {
    field_errors(r)
        .into_iter()
        .map(|f| (f.field, f.code))
        .collect()
}

fn conflict<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Err(AppError::Conflict(code)) => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

both_backends!(closing_does_everything_at_once, |db: Db| async move {
    let m = market(db).await;
    let t = &m.t;
    complete_orders(&m, 1, "done").await;
    let token = yorozu_app::testing::api_token(&t.app, m.seller.id)
        .await
        .expect("token");
    let mut unpaid = purchase(&m, "unpaid");
    unpaid.payment = Payment::Deferred;
    let unpaid = place(&t.app, &m.buyer, &unpaid)
        .await
        .expect("place")
        .order_id;
    t.run_jobs().await;
    let seller_mails_before = t.mails_to("seller@example.jp").await.len();
    assert!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM sessions WHERE user_id = {}",
                m.seller.id
            )
        )
        .await
            > 0
    );

    let closed = close_now(t, &m.seller, false).await;

    assert_eq!(status(&t.app.db, m.seller.id).await, "closed");
    assert_eq!(closed.forfeited.sales_balance, 2_340);
    assert_eq!(closed.purge_at, START + 14 * DAY);
    assert_eq!(closed.cancelled_orders, 1);
    // Money: the balance is forfeited in the ledger, and the sale can no longer be claimed.
    assert_eq!(
        balance(&t.app.db, "seller_balance", Some(m.seller.id)).await,
        0
    );
    assert_eq!(balance(&t.app.db, "forfeiture", None).await, -2_340);
    assert_ledger_balanced(&t.app.db).await;
    assert_eq!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM sales WHERE withdrawal_id = {}",
                closed.withdrawal_id
            )
        )
        .await,
        1
    );
    // Access is revoked.
    assert_eq!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM sessions WHERE user_id = {}",
                m.seller.id
            )
        )
        .await,
        0
    );
    assert!(
        yorozu_app::accounts::api_tokens::authenticate(&t.app, &token)
            .await
            .expect("auth")
            .is_none()
    );
    // Services are paused; the unpaid order on them is cancelled.
    assert_eq!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM listings WHERE id = {} AND status = 'paused'",
                m.listing
            )
        )
        .await,
        1
    );
    assert_eq!(order(&m, unpaid).await.state.as_str(), "cancelled");
    // Marketing is off, a hashed suppression entry is kept, and the purge is queued.
    assert_eq!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM notification_settings WHERE user_id = {} AND enabled = FALSE",
                m.seller.id
            )
        )
        .await,
        2
    );
    assert_eq!(
        count_where(
            &t.app.db,
            "SELECT COUNT(*) FROM mail_suppressions WHERE reason = 'withdrawal'"
        )
        .await,
        1
    );
    assert_eq!(
        queued_jobs::<yorozu_app::withdrawal::job_kinds::Purge>(&t.app.db).await,
        1
    );
    // The reasons are kept for statistics without the member and scrubbed of personal data.
    let mut c = t.app.db.read().await.expect("read");
    let reasons: Vec<(String, String, String)> = yorozu_store::query_as!(
        &mut c,
        fetch_all,
        (String, String, String),
        "SELECT month, choices, comment FROM withdrawal_reasons"
    )
    .expect("reasons");
    drop(c);
    assert_eq!(
        reasons,
        [(
            "2025-06".to_owned(),
            "fees-too-high,other".to_owned(),
            "連絡先は [削除] です".to_owned()
        )]
    );
    assert_eq!(
        count_where(
            &t.app.db,
            "SELECT COUNT(*) FROM withdrawals WHERE reason_choices <> '' OR reason_comment <> ''"
        )
        .await,
        0
    );

    // One mail to the member: the closing mail with the receipt. The buyer is told.
    t.run_jobs().await;
    let mails = t.mails_to("seller@example.jp").await;
    assert_eq!(mails.len(), seller_mails_before + 1);
    let last = mails.last().expect("closing mail");
    assert_eq!(last.subject, "【よろず】退会の手続きが完了しました");
    for part in [
        "削除内容の控え",
        "2,340円",
        "メールアドレス",
        "再登録に使えるようになります",
        "受付番号",
    ] {
        assert!(
            last.body_text.contains(part),
            "{part} missing in\n{}",
            last.body_text
        );
    }
    let buyer_mail = t.last_mail_to("buyer@example.jp").await;
    assert!(
        buyer_mail.subject.contains("出品者の退会により"),
        "{}",
        buyer_mail.subject
    );
});

both_backends!(
    a_wrong_password_or_a_missing_acknowledgement_changes_nothing,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        grant_points(&m, 500).await;
        let good = acknowledging(t, &m.buyer, true).await;
        assert_eq!(good.acknowledged.points, 500);

        let mut wrong = good.clone();
        wrong.password = "not the password".into();
        let fields = codes(withdraw(&t.app, &m.buyer, &wrong, When::Now).await);
        assert_eq!(fields, [("password", "withdrawal-password-wrong")]);

        for acknowledged in [0, 400] {
            let mut unticked = good.clone();
            unticked.acknowledged.points = acknowledged;
            let fields = codes(withdraw(&t.app, &m.buyer, &unticked, When::Now).await);
            assert_eq!(
                fields,
                [("acknowledge_points", "withdrawal-acknowledge-points")]
            );
        }
        // An amount acknowledged that is no longer there: the page was stale.
        let mut stale = good.clone();
        stale.acknowledged.sales_balance = 1_000;
        assert_eq!(
            conflict(withdraw(&t.app, &m.buyer, &stale, When::Now).await),
            "withdrawal-amounts-changed"
        );
        let mut unknown = good.clone();
        unknown.reasons = vec!["売れない".into()];
        let fields = codes(withdraw(&t.app, &m.buyer, &unknown, When::Now).await);
        assert_eq!(fields, [("reasons", "withdrawal-reason-unknown")]);
        assert_eq!(status(&t.app.db, m.buyer.id).await, "active");
        assert_eq!(t.count("withdrawals").await, 0);
        assert_eq!(points_balance(&t.app.db, m.buyer.id).await, 500);

        let Outcome::Closed(closed) = withdraw(&t.app, &m.buyer, &good, When::Now)
            .await
            .expect("withdraw")
        else {
            panic!("expected closed");
        };
        assert_eq!(closed.forfeited.points, 500);
        assert_eq!(closed.purge_at, START);
        assert_eq!(points_balance(&t.app.db, m.buyer.id).await, 0);
        assert_eq!(
            conflict(withdraw(&t.app, &m.buyer, &good, When::Now).await),
            "account-closed"
        );
    }
);

both_backends!(
    a_schedule_closes_the_account_when_the_last_blocker_clears,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let id = buy(&m, "open").await;
        let confirmation = acknowledging(t, &m.buyer, false).await;
        assert_eq!(
            conflict(withdraw(&t.app, &m.buyer, &confirmation, When::Now).await),
            "withdrawal-blocked"
        );
        let Outcome::Scheduled {
            withdrawal_id,
            readiness,
        } = withdraw(&t.app, &m.buyer, &confirmation, When::WhenReady)
            .await
            .expect("schedule")
        else {
            panic!("expected a schedule");
        };
        assert_eq!(readiness.blockers.len(), 1);
        assert_eq!(status(&t.app.db, m.buyer.id).await, "active");
        assert!(
            schedule::current(&t.app, &m.buyer)
                .await
                .expect("current")
                .is_some()
        );
        assert_eq!(
            count_where(
                &t.app.db,
                "SELECT COUNT(*) FROM withdrawal_stats WHERE event = 'blocker:purchase'"
            )
            .await,
            1
        );

        // Still blocked while the seller works: the re-check finds the order open.
        t.advance(2 * HOUR);
        t.run_jobs().await;
        assert_eq!(
            withdrawal_state(&t.app.db, withdrawal_id).await,
            "scheduled"
        );
        deliver(&m, id).await;
        let_auto_approval_run(t).await;
        assert_eq!(order(&m, id).await.state.as_str(), "completed");
        assert_eq!(withdrawal_state(&t.app.db, withdrawal_id).await, "closed");
        assert_eq!(status(&t.app.db, m.buyer.id).await, "closed");
    }
);

both_backends!(
    a_schedule_is_called_off_rather_than_forfeit_an_unseen_amount,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let id = buy(&m, "open").await;
        let confirmation = acknowledging(t, &m.seller, false).await;
        let withdrawal_id = schedule(t, &m.seller, &confirmation).await;
        // The seller's services stop taking orders at once.
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT COUNT(*) FROM listings WHERE id = {} AND status = 'paused'",
                    m.listing
                )
            )
            .await,
            1
        );
        deliver(&m, id).await;
        let_auto_approval_run(t).await;
        // The sale completed: ¥2,340 would be forfeited, which the seller never acknowledged.
        assert_eq!(
            withdrawal_state(&t.app.db, withdrawal_id).await,
            "cancelled"
        );
        assert_eq!(status(&t.app.db, m.seller.id).await, "active");
        assert_eq!(
            balance(&t.app.db, "seller_balance", Some(m.seller.id)).await,
            -2_340
        );
        let mail = t.last_mail_to("seller@example.jp").await;
        assert_eq!(mail.subject, "【よろず】予約していた退会を中止しました");
    }
);

both_backends!(
    a_sellers_schedule_pays_out_the_grown_balance_and_closes_after_the_transfer,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        register_bank(t, &m.seller).await;
        let id = buy(&m, "open").await;
        let confirmation = acknowledging(t, &m.seller, false).await;
        let withdrawal_id = schedule(t, &m.seller, &confirmation).await;
        deliver(&m, id).await;
        let_auto_approval_run(t).await;
        // The completed sale's ¥2,340 went into a payout request instead of being forfeited.
        assert_eq!(
            withdrawal_state(&t.app.db, withdrawal_id).await,
            "scheduled"
        );
        let mut c = t.app.db.read().await.expect("read");
        let request = yorozu_store::payouts::requests::in_flight(&mut c, m.seller.id)
            .await
            .expect("in flight")
            .expect("a payout request");
        drop(c);
        assert_eq!((request.gross.get(), request.net.get()), (2_340, 2_180));
        let op = operator(t).await;
        let batch = yorozu_app::payouts::batches::close(&t.app, &op, &request.transfer_date)
            .await
            .expect("close batch");
        yorozu_app::payouts::batches::mark_transferred(&t.app, &op, batch.id)
            .await
            .expect("transferred");
        t.advance(2 * HOUR);
        t.run_jobs().await;
        assert_eq!(withdrawal_state(&t.app.db, withdrawal_id).await, "closed");
        assert_eq!(status(&t.app.db, m.seller.id).await, "closed");
        assert_eq!(
            balance(&t.app.db, "seller_balance", Some(m.seller.id)).await,
            0
        );
        assert_ledger_balanced(&t.app.db).await;
    }
);

both_backends!(
    guessing_the_password_on_the_withdrawal_form_is_throttled,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let mut wrong = acknowledging(t, &m.buyer, false).await;
        wrong.password = "guess".into();
        for _ in 0..5 {
            assert_eq!(
                codes(withdraw(&t.app, &m.buyer, &wrong, When::Now).await),
                [("password", "withdrawal-password-wrong")]
            );
        }
        let right = acknowledging(t, &m.buyer, false).await;
        assert!(matches!(
            withdraw(&t.app, &m.buyer, &right, When::Now).await,
            Err(AppError::Throttled { .. })
        ));
        assert_eq!(status(&t.app.db, m.buyer.id).await, "active");
    }
);

both_backends!(a_member_can_cancel_their_schedule, |db: Db| async move {
    let m = market(db).await;
    let t = &m.t;
    let id = buy(&m, "open").await;
    let confirmation = acknowledging(t, &m.buyer, false).await;
    let withdrawal_id = schedule(t, &m.buyer, &confirmation).await;
    assert_eq!(
        conflict(withdraw(&t.app, &m.buyer, &confirmation, When::WhenReady).await),
        "withdrawal-already-requested"
    );
    schedule::cancel(&t.app, &m.buyer).await.expect("cancel");
    assert_eq!(
        conflict(schedule::cancel(&t.app, &m.buyer).await),
        "withdrawal-not-scheduled"
    );
    deliver(&m, id).await;
    t.advance(4 * DAY);
    t.run_jobs().await;
    assert_eq!(
        withdrawal_state(&t.app.db, withdrawal_id).await,
        "cancelled"
    );
    assert_eq!(status(&t.app.db, m.buyer.id).await, "active");
});

both_backends!(
    signing_in_during_the_grace_period_undoes_the_withdrawal,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        complete_orders(&m, 1, "done").await;
        let closed = close_now(t, &m.seller, false).await;
        assert!(
            sign_in(&t.app, "seller@example.jp", "wrong password", &client())
                .await
                .is_err()
        );
        assert_eq!(status(&t.app.db, m.seller.id).await, "closed");

        t.advance(13 * DAY);
        let (id, _) = sign_in(&t.app, "seller@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        assert_eq!(id, m.seller.id);
        assert_eq!(status(&t.app.db, m.seller.id).await, "active");
        assert_eq!(
            withdrawal_state(&t.app.db, closed.withdrawal_id).await,
            "undone"
        );
        // What was forfeited is back, and the sale is open again.
        assert_eq!(
            balance(&t.app.db, "seller_balance", Some(m.seller.id)).await,
            -2_340
        );
        assert_eq!(count_where(&t.app.db, "SELECT COUNT(*) FROM sales WHERE withdrawal_id IS NOT NULL OR expired_at IS NOT NULL").await, 0);
        assert_ledger_balanced(&t.app.db).await;
        // The purge, when its day comes, does nothing.
        t.advance(2 * DAY);
        t.run_jobs().await;
        assert_eq!(status(&t.app.db, m.seller.id).await, "active");
        assert_eq!(
            t.last_mail_to("seller@example.jp").await.subject,
            "【よろず】退会を取り消しました"
        );
        assert_eq!(
            undo::reopen(&t.app, m.seller.id).await.expect("reopen"),
            undo::Undo::Nothing
        );
    }
);

both_backends!(
    after_the_purge_sign_in_fails_and_the_address_is_free,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        yorozu_app::listings::favorites::set(&t.app, &m.buyer, m.listing, true)
            .await
            .expect("favourite");
        let closed = close_now(t, &m.buyer, false).await;
        t.advance(14 * DAY);
        t.run_jobs().await;
        assert_eq!(
            withdrawal_state(&t.app.db, closed.withdrawal_id).await,
            "purged"
        );
        assert_eq!(status(&t.app.db, m.buyer.id).await, "purged");
        assert!(matches!(
            sign_in(&t.app, "buyer@example.jp", PASSWORD, &client()).await,
            Err(AppError::BadCredentials)
        ));
        // Their favourite is counted off the seller's service.
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT favorites_count FROM listings WHERE id = {}",
                    m.listing
                )
            )
            .await,
            0
        );
        let again = t.register_confirmed("buyer@example.jp", "新しい私").await;
        assert_ne!(again.user_id, m.buyer.id);
    }
);

both_backends!(
    nothing_but_the_closing_mail_reaches_the_member,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let ids = complete_orders(&m, 1, "done").await;
        t.run_jobs().await;
        let before = t.mails_to("seller@example.jp").await.len();
        // Mail to the seller queued but not yet sent: a message from the buyer.
        yorozu_app::orders::talk::post_message(
            &t.app,
            &m.buyer,
            ids[0],
            "その後いかがですか。",
            vec![],
        )
        .await
        .expect("message");
        assert!(queued_jobs::<yorozu_app::mail::outbox::MailJob>(&t.app.db).await > 0);
        close_now(t, &m.seller, false).await;
        t.run_jobs().await;
        let mails = t.mails_to("seller@example.jp").await;
        assert_eq!(
            mails.len(),
            before + 1,
            "{:?}",
            mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
        );
        assert_eq!(
            mails[before].subject,
            "【よろず】退会の手続きが完了しました"
        );
    }
);

both_backends!(
    the_other_side_keeps_the_order_but_cannot_message_a_closed_account,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let ids = complete_orders(&m, 1, "done").await;
        close_now(t, &m.seller, false).await;
        let detail = yorozu_app::orders::view::detail(&t.app, &m.buyer, ids[0])
            .await
            .expect("the buyer still sees the order");
        assert!(!detail.counterpart_active);
        assert!(!detail.actions.message);
        assert_eq!(
            conflict(
                yorozu_app::orders::talk::post_message(
                    &t.app,
                    &m.buyer,
                    ids[0],
                    "こんにちは",
                    vec![]
                )
                .await
            ),
            "talk-counterpart-left"
        );
        // Nor can a closed account be reviewed.
        assert_eq!(
            conflict(
                yorozu_app::orders::review::write(
                    &t.app,
                    &m.buyer,
                    ids[0],
                    &yorozu_app::orders::review::ReviewInput {
                        rating: "5".into(),
                        comment: "ありがとうございました。".into(),
                        anonymous: false,
                    },
                )
                .await
            ),
            "review-counterpart-left"
        );
        // Signing in reopens the account, and the room with it.
        sign_in(&t.app, "seller@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let detail = yorozu_app::orders::view::detail(&t.app, &m.buyer, ids[0])
            .await
            .expect("order");
        assert!(detail.counterpart_active);
    }
);
