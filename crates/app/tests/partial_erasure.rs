//! Erasing parts of one's data without leaving, on both databases: the identity document (the
//! verification stays on the profile), the bank account (refused while a payout needs it),
//! a card (the provider forgets its token) and the avatar — files and rows really go.

mod support;

use yorozu_app::AppError;
use yorozu_app::identity::review::{Decision, decide};
use yorozu_app::identity::{current, remove, submit};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::*;

async fn stored_files(t: &TestApp) -> Vec<String> {
    t.app.files.keys().await.expect("keys")
}

both_backends!(
    the_identity_document_goes_and_the_verification_stays,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let id = submit::submit(&t.app, &m.seller, "drivers-license", png(300, 200))
            .await
            .expect("submit");
        assert!(matches!(
            remove::remove(&t.app, &m.seller).await,
            Err(AppError::Conflict("identity-under-review"))
        ));
        let op = operator(t).await;
        decide(&t.app, &op, id, Decision::Approve, "")
            .await
            .expect("approve");
        let before = stored_files(t).await.len();
        assert_eq!(remove::remove(&t.app, &m.seller).await.expect("remove"), 1);
        assert_eq!(stored_files(t).await.len(), before - 1);
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT COUNT(*) FROM identity_documents WHERE user_id = {}",
                    m.seller.id
                )
            )
            .await,
            0
        );
        let state = current(&t.app, m.seller.id).await.expect("state");
        assert_eq!(state.status.map(|s| s.as_str()), Some("approved"));
        assert_eq!(state.decided_at, Some(START));
        assert!(matches!(
            remove::remove(&t.app, &m.seller).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    the_bank_account_is_erased_unless_a_payout_needs_it,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        register_bank(t, &m.seller).await;
        complete_orders(&m, 2, "bank").await;
        let request = yorozu_app::payouts::request::request(
            &t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("payout");
        assert!(matches!(
            yorozu_app::payouts::bank::remove(&t.app, &m.seller).await,
            Err(AppError::Conflict("bank-account-in-use"))
        ));
        let op = operator(t).await;
        let batch = yorozu_app::payouts::batches::close(&t.app, &op, &request.transfer_date)
            .await
            .expect("batch");
        yorozu_app::payouts::batches::mark_transferred(&t.app, &op, batch.id)
            .await
            .expect("transferred");
        yorozu_app::payouts::bank::remove(&t.app, &m.seller)
            .await
            .expect("remove");
        assert!(
            yorozu_app::payouts::bank::view(&t.app, &m.seller)
                .await
                .expect("view")
                .is_none()
        );
        assert_eq!(
        count_where(
            &t.app.db,
            &format!(
                "SELECT COUNT(*) FROM bank_accounts WHERE user_id = {} AND (account_number_sealed <> '' OR holder_sealed <> '')",
                m.seller.id
            )
        )
        .await,
        0
    );
    }
);

both_backends!(
    the_card_and_the_avatar_go_with_their_files_and_tokens,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let mut c = t.app.db.read().await.expect("read");
        let token: String = yorozu_store::query_scalar!(
            &mut c,
            fetch_one,
            String,
            "SELECT provider_token FROM cards WHERE id = $1",
            m.card
        )
        .expect("token");
        drop(c);
        yorozu_app::payments::cards::delete_card(&t.app, &m.buyer, m.card)
            .await
            .expect("delete card");
        assert!(!m.sandbox.token_is_live(&token));
        yorozu_app::profile::avatar::upload(&t.app, m.buyer.id, png(64, 64))
            .await
            .expect("avatar");
        let with_avatar = stored_files(t).await.len();
        yorozu_app::profile::avatar::remove(&t.app, m.buyer.id)
            .await
            .expect("remove avatar");
        assert_eq!(stored_files(t).await.len(), with_avatar - 1);
    }
);
