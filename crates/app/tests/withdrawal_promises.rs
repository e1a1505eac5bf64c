//! The promises of issue 15, on both databases: 「すぐに削除する」 has no way back from the
//! moment of confirmation; after the grace period nothing undoes a withdrawal; a forgotten
//! password can still undo one in its grace period; an undone withdrawal's reasons are not
//! counted; favourites counted off by a purge re-rank the services; and the review form is
//! not offered for a departed counterpart.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::password_reset;
use yorozu_app::accounts::sign_in::{WITHDRAWAL_FINAL, sign_in_telling};
use yorozu_app::listings::rank::rank_score;
use yorozu_app::orders::review::ReviewInput;
use yorozu_domain::{UserId, WithdrawalId};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

const SELLER_EMAIL: &str = "seller@example.jp";

fn final_refusal<T: std::fmt::Debug>(result: Result<T, AppError>) {
    match result {
        Err(AppError::Conflict(code)) => assert_eq!(code, WITHDRAWAL_FINAL),
        other => panic!("expected the withdrawal-final refusal, got {other:?}"),
    }
}

/// Asserts the account's status and the withdrawal's state.
async fn assert_states(
    t: &TestApp,
    user_id: UserId,
    withdrawal_id: WithdrawalId,
    expected: (&str, &str),
) {
    let found = (
        status(&t.app.db, user_id).await,
        withdrawal_state(&t.app.db, withdrawal_id).await,
    );
    assert_eq!((found.0.as_str(), found.1.as_str()), expected);
}

async fn reason_rows(db: &Db) -> i64 {
    count_where(db, "SELECT COUNT(*) FROM withdrawal_reasons").await
}

both_backends!(
    erase_now_cannot_be_undone_by_signing_in,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let closed = close_now(t, &m.seller, true).await;

        // In the same second as the confirmation, before any purge job ran.
        final_refusal(sign_in_telling(&t.app, SELLER_EMAIL, PASSWORD, &client()).await);
        assert_states(t, m.seller.id, closed.withdrawal_id, ("closed", "closed")).await;
        // A wrong password learns nothing.
        assert!(matches!(
            sign_in_telling(&t.app, SELLER_EMAIL, "not the password", &client()).await,
            Err(AppError::BadCredentials)
        ));

        // After the purge the account is gone: only the plain refusal.
        purge_all(t, closed.withdrawal_id).await;
        assert_eq!(
            withdrawal_state(&t.app.db, closed.withdrawal_id).await,
            "purged"
        );
        assert!(matches!(
            sign_in_telling(&t.app, SELLER_EMAIL, PASSWORD, &client()).await,
            Err(AppError::BadCredentials)
        ));
    }
);

both_backends!(
    erase_now_cannot_be_undone_by_a_password_reset,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        // A reset link asked for before withdrawing, used after: closing expired it.
        password_reset::request(&t.app, SELLER_EMAIL, &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let early_link = token_in(&t.last_mail_to(SELLER_EMAIL).await.body_text);
        let closed = close_now(t, &m.seller, true).await;
        assert!(
            !password_reset::undoes_withdrawal(&t.app, &early_link)
                .await
                .expect("preview")
        );
        assert_eq!(
            link_invalid(password_reset::reset(&t.app, &early_link, "a brand new secret").await),
            "link-expired"
        );
        t.run_jobs().await;
        let mails_before = t.mails_to(SELLER_EMAIL).await.len();

        // Asking for a reset now mails nothing (the form answers the same either way).
        password_reset::request(&t.app, SELLER_EMAIL, &client())
            .await
            .expect("request");
        t.run_jobs().await;
        assert_eq!(t.mails_to(SELLER_EMAIL).await.len(), mails_before);

        assert_states(t, m.seller.id, closed.withdrawal_id, ("purged", "purged")).await;
    }
);

both_backends!(
    a_reset_link_used_after_the_grace_period_is_refused,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let grace = t.app.policy.withdrawal_grace_days * DAY;
        let closed = close_now(t, &m.seller, false).await;
        t.run_jobs().await;
        // Asked for ten minutes before the grace period ends, used ten minutes after.
        t.advance(grace - 600);
        password_reset::request(&t.app, SELLER_EMAIL, &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let link = token_in(&t.last_mail_to(SELLER_EMAIL).await.body_text);
        t.advance(1200);
        final_refusal(password_reset::reset(&t.app, &link, "a brand new secret").await);
        assert_states(t, m.seller.id, closed.withdrawal_id, ("closed", "closed")).await;
    }
);

both_backends!(
    signing_in_undoes_within_the_grace_period_and_never_after,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let grace = t.app.policy.withdrawal_grace_days * DAY;

        // Within the grace period: undone, and the sign-in says so.
        close_now(t, &m.seller, false).await;
        t.advance(grace - 60);
        let signed_in = sign_in_telling(&t.app, SELLER_EMAIL, PASSWORD, &client())
            .await
            .expect("sign-in undoes");
        assert!(signed_in.reopened);
        assert_eq!(status(&t.app.db, m.seller.id).await, "active");

        // Closed again; the grace period ends before the purge job has run.
        let seller = t.load_user(m.seller.id).await;
        let closed = close_now(t, &seller, false).await;
        t.advance(grace);
        final_refusal(sign_in_telling(&t.app, SELLER_EMAIL, PASSWORD, &client()).await);
        assert_states(t, m.seller.id, closed.withdrawal_id, ("closed", "closed")).await;
    }
);

both_backends!(
    a_password_reset_in_the_grace_period_undoes_the_withdrawal,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let closed = close_now(t, &m.seller, false).await;
        t.run_jobs().await;

        password_reset::request(&t.app, SELLER_EMAIL, &client())
            .await
            .expect("request");
        t.run_jobs().await;
        // The mail says, before anything happens, that the reset undoes the withdrawal.
        let mail = t.last_mail_to(SELLER_EMAIL).await;
        assert!(mail.subject.contains("退会の取り消し"), "{}", mail.subject);
        assert!(
            mail.body_text.contains("退会は取り消され"),
            "{}",
            mail.body_text
        );
        let link = token_in(&mail.body_text);
        assert!(
            password_reset::undoes_withdrawal(&t.app, &link)
                .await
                .expect("preview")
        );

        let reset = password_reset::reset(&t.app, &link, "a brand new secret")
            .await
            .expect("reset");
        assert!(reset.reopened);
        assert_states(t, m.seller.id, closed.withdrawal_id, ("active", "undone")).await;
        // The purge that was queued finds nothing to do.
        t.advance(t.app.policy.withdrawal_grace_days * DAY + 1);
        t.run_jobs().await;
        assert_eq!(status(&t.app.db, m.seller.id).await, "active");
        sign_in_telling(&t.app, SELLER_EMAIL, "a brand new secret", &client())
            .await
            .expect("signs in with the new password");
    }
);

both_backends!(
    a_withdrawal_undone_and_closed_again_counts_its_reasons_once,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        close_now(t, &m.seller, false).await;
        assert_eq!(reason_rows(&t.app.db).await, 1);
        sign_in_telling(&t.app, SELLER_EMAIL, PASSWORD, &client())
            .await
            .expect("undo");
        assert_eq!(
            reason_rows(&t.app.db).await,
            0,
            "undone: not a reason to leave"
        );

        let seller = t.load_user(m.seller.id).await;
        let closed = close_now(t, &seller, false).await;
        assert_eq!(reason_rows(&t.app.db).await, 1);
        // After the purge nothing ties the reasons to the member, and they stay counted.
        t.advance(t.app.policy.withdrawal_grace_days * DAY + 1);
        purge_all(t, closed.withdrawal_id).await;
        assert_eq!(reason_rows(&t.app.db).await, 1);
        assert_eq!(
            count_where(
                &t.app.db,
                "SELECT COUNT(*) FROM withdrawals WHERE reason_id IS NOT NULL"
            )
            .await,
            0
        );
    }
);

both_backends!(
    favourites_counted_off_by_a_purge_rerank_the_services,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        yorozu_app::listings::favorites::set(&t.app, &m.buyer, m.listing, true)
            .await
            .expect("favourite");
        let rank = |db: Db| async move {
            count_where(
                &db,
                &format!("SELECT rank_score FROM listings WHERE id = {}", m.listing),
            )
            .await
        };
        let with_favourite = rank(t.app.db.clone()).await;
        assert_eq!(with_favourite, rank_score(0, 0, 0, 1, false));

        let closed = close_now(t, &m.buyer, true).await;
        purge_all(t, closed.withdrawal_id).await;
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
        assert_eq!(rank(t.app.db.clone()).await, rank_score(0, 0, 0, 0, false));
        assert_ne!(with_favourite, rank_score(0, 0, 0, 0, false));
    }
);

both_backends!(
    no_review_is_offered_for_a_departed_counterpart,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let order = complete_orders(&m, 1, "departed").await[0];
        let detail = yorozu_app::orders::view::detail(&t.app, &m.buyer, order)
            .await
            .expect("detail");
        assert!(detail.actions.review, "offered while the seller is here");

        // The seller acknowledges forfeiting the sale's balance and erases at once.
        let closed = close_now(t, &m.seller, true).await;
        purge_all(t, closed.withdrawal_id).await;

        let detail = yorozu_app::orders::view::detail(&t.app, &m.buyer, order)
            .await
            .expect("detail");
        assert!(!detail.actions.review, "nothing that would be refused");
        let refused = yorozu_app::orders::review::write(
            &t.app,
            &m.buyer,
            order,
            &ReviewInput {
                rating: "5".into(),
                comment: "ありがとうございました。".into(),
                anonymous: false,
            },
        )
        .await;
        assert!(
            matches!(refused, Err(AppError::Conflict("review-counterpart-left"))),
            "{refused:?}"
        );
    }
);
