//! Races with the withdrawal's confirmation, on both databases: an order placed on the
//! member's service, a purchase by the member, a payout request by the member — each fired at
//! the same moment as the confirmation. Whatever wins, afterwards no live order or payout
//! request is tied to a closed account, and the ledger balances.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::withdrawal::confirm::{Confirmation, When, withdraw};
use yorozu_domain::ListingId;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

const ROUNDS: usize = 6;

/// How long the racing request waits before it starts: the confirmation first checks the
/// password (slow on purpose), so rounds move the request across the confirmation's
/// transaction, from well before it to after it.
fn stagger(round: usize) -> std::time::Duration {
    std::time::Duration::from_millis(round as u64 * 8)
}

fn purchase_of(listing_id: ListingId, card: i64, key: &str) -> Purchase {
    Purchase {
        choice: Choice::of(listing_id),
        payment: Payment::Card(card),
        request: "よろしくお願いします。".into(),
        purchase_key: format!("test-purchase-key-race-{key}"),
        expected_total: None,
    }
}

/// Live orders (not completed, cancelled or expired) where `user` is on `column`'s side.
async fn live_orders(db: &Db, column: &str, user: i64) -> i64 {
    count_where(
        db,
        &format!(
            "SELECT COUNT(*) FROM orders WHERE {column} = {user}
             AND state NOT IN ('completed', 'cancelled', 'expired')"
        ),
    )
    .await
}

async fn seller_with_service(t: &TestApp, round: usize) -> (CurrentUser, ListingId) {
    let seller =
        confirmed_member(t, &format!("race-seller-{round}@example.jp"), "競う売り手").await;
    let listing = publish_new(
        t,
        &seller,
        &listing_form("イラストを描きます", "丁寧に描きます。"),
    )
    .await;
    (seller, listing)
}

/// Fires the confirmation and, `stagger` later, `other`; returns whether the account closed.
/// `other` must either
/// succeed or be refused because the account is closing.
async fn race<F, T>(
    t: &TestApp,
    member: &CurrentUser,
    confirmation: Confirmation,
    stagger: std::time::Duration,
    other: F,
) -> bool
where
    F: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
{
    let app = t.app.clone();
    let who = member.clone();
    let confirm = tokio::spawn(async move { withdraw(&app, &who, &confirmation, When::Now).await });
    let other = tokio::spawn(async move {
        tokio::time::sleep(stagger).await;
        other.await
    });
    let closed = confirm.await.expect("join").is_ok();
    match other.await.expect("join") {
        Ok(_) => {}
        Err(AppError::Conflict("account-closed" | "order-not-purchasable")) => {
            assert!(closed, "refused although the account did not close");
        }
        Err(e) => panic!("the racing request failed otherwise: {e:?}"),
    }
    assert_eq!(status(&t.app.db, member.id).await == "closed", closed);
    closed
}

both_backends!(
    an_order_on_the_members_service_races_the_confirmation,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let mut outcomes = Vec::new();
        for round in 0..ROUNDS {
            let (seller, listing) = seller_with_service(t, round).await;
            let confirmation = acknowledging(t, &seller, false).await;
            let (app, buyer, card) = (t.app.clone(), m.buyer.clone(), m.card);
            let order = async move {
                place(
                    &app,
                    &buyer,
                    &purchase_of(listing, card, &format!("a{round}")),
                )
                .await
            };
            let closed = race(t, &seller, confirmation, stagger(round), order).await;
            let live = live_orders(&t.app.db, "seller_id", seller.id.get()).await;
            assert!(
                !(closed && live > 0),
                "round {round}: a live order on a closed seller"
            );
            assert!(closed || live == 1, "round {round}: neither happened");
            outcomes.push(closed);
        }
        assert_ledger_balanced(&t.app.db).await;
        println!("closed per round: {outcomes:?}");
    }
);

both_backends!(
    a_purchase_by_the_member_races_the_confirmation,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        for round in 0..ROUNDS {
            let buyer =
                confirmed_member(t, &format!("race-buyer-{round}@example.jp"), "競う買い手").await;
            let card = register_card(t, &buyer, "4242424242424242").await;
            let confirmation = acknowledging(t, &buyer, false).await;
            let (app, who, listing) = (t.app.clone(), buyer.clone(), m.listing);
            let order = async move {
                place(
                    &app,
                    &who,
                    &purchase_of(listing, card, &format!("b{round}")),
                )
                .await
            };
            let closed = race(t, &buyer, confirmation, stagger(round), order).await;
            let live = live_orders(&t.app.db, "buyer_id", buyer.id.get()).await;
            assert!(
                !(closed && live > 0),
                "round {round}: a live purchase by a closed member"
            );
            assert!(closed || live == 1, "round {round}: neither happened");
        }
        assert_ledger_balanced(&t.app.db).await;
        // Every charge of a refused purchase was given back.
        assert_eq!(balance(&t.app.db, "escrow", None).await, {
            let live = count_where(
                &t.app.db,
                "SELECT COUNT(*) FROM orders WHERE state = 'in_progress'",
            )
            .await;
            -3_165 * live
        });
    }
);

both_backends!(
    a_payout_request_races_the_confirmation,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        register_bank(t, &m.seller).await;
        complete_orders(&m, 2, "earn").await;
        let confirmation = acknowledging(t, &m.seller, false).await;
        assert_eq!(confirmation.acknowledged.sales_balance, 4_680);
        let (app, seller) = (t.app.clone(), m.seller.clone());
        let payout = async move {
            yorozu_app::payouts::request::request(
                &app,
                &seller,
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
            )
            .await
        };
        let closed = race(t, &m.seller, confirmation, stagger(1), payout).await;
        let in_flight = count_where(
        &t.app.db,
        &format!("SELECT COUNT(*) FROM payout_requests WHERE seller_id = {} AND status <> 'transferred'", m.seller.id),
    )
    .await;
        assert!(
            closed != (in_flight == 1),
            "closed: {closed}, payout requests in flight: {in_flight}"
        );
        // The balance went one way only: forfeited or requested.
        assert_eq!(
            balance(&t.app.db, "seller_balance", Some(m.seller.id)).await,
            0
        );
        assert_ledger_balanced(&t.app.db).await;
    }
);
