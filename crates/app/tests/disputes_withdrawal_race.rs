//! An operator's dispute decision racing the buyer's withdrawal (退会), on both databases.
//! The open dispute blocks the withdrawal, so the account closes only if the decision came
//! first; whatever wins, the decision is booked once, the ledger balances and no closed
//! account is left with a disputed order.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::dispute;
use yorozu_app::orders::dispute_decide::{self, DecisionForm};
use yorozu_app::orders::place::place;
use yorozu_app::withdrawal::confirm::{When, withdraw};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::withdrawal::*;
use support::*;

const ROUNDS: usize = 4;

both_backends!(
    a_decision_races_the_buyers_withdrawal,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let t = &m.t;
        let operator = operator(t).await;
        let mut closed_rounds = Vec::new();
        for round in 0..ROUNDS {
            let buyer =
                confirmed_member(t, &format!("race-buyer-{round}@example.jp"), "競う買い手").await;
            let card = register_card(t, &buyer, "4242424242424242").await;
            let mut p = purchase(&m, &format!("withdrawal-race-{round}"));
            p.payment = yorozu_app::orders::place::Payment::Card(card);
            let id = place(&t.app, &buyer, &p).await.expect("place").order_id;
            deliver(&m, id).await;
            let dispute_id = dispute::open(&t.app, &buyer, id, "quality", "違います。")
                .await
                .expect("open");
            let confirmation = acknowledging(t, &buyer, false).await;
            let (app, who) = (t.app.clone(), buyer.clone());
            let closing = tokio::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_millis(round as u64 * 5)).await;
                withdraw(&app, &who, &confirmation, When::Now).await
            });
            let form = DecisionForm {
                decision: "full_refund".into(),
                amount: String::new(),
                reason: "返金が妥当と判断しました。".into(),
            };
            let decided = dispute_decide::decide(&t.app, &operator, dispute_id, &form).await;
            assert!(decided.is_ok(), "round {round}: {decided:?}");
            let closed = match closing.await.expect("join") {
                Ok(_) => true,
                Err(AppError::Conflict("withdrawal-blocked")) => false,
                Err(e) => panic!("round {round}: the withdrawal failed otherwise: {e:?}"),
            };
            let state = order(&m, id).await.state;
            assert!(state.is_terminal(), "round {round}: {state}");
            assert_eq!(
                status(&db, buyer.id).await == "closed",
                closed,
                "round {round}"
            );
            closed_rounds.push(closed);
        }
        assert_ledger_balanced(&db).await;
        assert_eq!(balance(&db, "escrow", None).await, 0);
        println!("closed per round: {closed_rounds:?}");
    }
);
