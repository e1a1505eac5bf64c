//! Tips (おひねり) on both databases with an injected clock: the amount bounds, the seven-day
//! window after completion, one charge and one booking per key, a balanced ledger with the
//! tip's own line in the seller's sales, the receipt's own line, every refusal, a declined
//! card that books nothing, and the tip inside the balance a withdrawal forfeits.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::tips::{self, Sending, SentTip, TipForm};
use yorozu_app::orders::{deliver, tips as tip_view};
use yorozu_app::withdrawal::readiness;
use yorozu_domain::OrderId;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::withdrawal::close_now;
use support::*;

fn form(amount: &str, message: &str) -> TipForm {
    TipForm {
        amount: amount.into(),
        message: message.into(),
    }
}

/// An order of the market bought, delivered and approved now.
async fn completed(m: &Market, key: &str) -> OrderId {
    let id = buy(m, key).await;
    deliver(m, id).await;
    deliver::approve(&m.t.app, &m.buyer, id)
        .await
        .expect("approve");
    id
}

async fn send(m: &Market, id: OrderId, amount: &str, key: &str) -> Result<SentTip, AppError> {
    send_with(m, id, amount, key, m.card).await
}

async fn send_with(
    m: &Market,
    id: OrderId,
    amount: &str,
    key: &str,
    card: i64,
) -> Result<SentTip, AppError> {
    let key = format!("test-tip-key-{key}");
    match tips::send(
        &m.t.app,
        &m.buyer,
        id,
        &form(amount, "素敵なロゴをありがとうございました！"),
        card,
        &key,
        false,
    )
    .await?
    {
        Sending::Sent(sent) => Ok(sent),
        Sending::Warning(w) => panic!("unexpected contact warning {w:?}"),
    }
}

fn conflict<T: std::fmt::Debug>(result: Result<T, AppError>) -> &'static str {
    match result {
        Err(AppError::Conflict(code)) => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

async fn scalar(db: &Db, sql: &'static str, id: i64) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_store::query_scalar!(&mut c, fetch_one, i64, sql, id).expect("scalar")
}

async fn tip_rows(db: &Db, id: OrderId) -> i64 {
    scalar(
        db,
        "SELECT COUNT(*) FROM order_tips WHERE order_id = $1",
        id.get(),
    )
    .await
}

async fn tip_sales(db: &Db, id: OrderId) -> i64 {
    scalar(
        db,
        "SELECT COUNT(*) FROM sales WHERE order_id = $1 AND tip_id IS NOT NULL",
        id.get(),
    )
    .await
}

both_backends!(tip_amounts_are_bounded, |db: Db| async move {
    let m = market(db.clone()).await;
    let id = completed(&m, "bounds").await;
    for (amount, key, code) in [
        ("99", "b99", "tip-amount-out-of-range"),
        ("100000", "b100000", "tip-amount-out-of-range"),
        ("", "bempty", "tip-amount-invalid"),
    ] {
        let refused = send(&m, id, amount, key).await;
        assert_eq!(invalid_fields(refused), vec![("amount", code)], "{amount}");
    }
    assert_eq!(tip_rows(&db, id).await, 0);
    let low = send(&m, id, "100", "b100").await.expect("¥100");
    assert_eq!(low.total.get(), 105);
    let high = send(&m, id, "99,999", "b99999").await.expect("¥99,999");
    // 99,999 + 5.5 % (5,499.945 → 5,499).
    assert_eq!(high.total.get(), 99_999 + 5_499);
    assert_eq!(tip_rows(&db, id).await, 2);
    // The quote shows the same amounts before paying.
    let q = tips::quote(&m.t.app, &m.buyer, id, &form("１，０００円", ""))
        .await
        .expect("quote");
    assert_eq!(q.amount.get(), 1_000);
    assert_eq!(q.buyer_fee.get(), 55);
    assert_eq!(q.buyer_total.get(), 1_055);
    assert_eq!(q.platform_fee.get(), 220);
    assert_eq!(q.seller_share.get(), 780);
});

both_backends!(
    tips_are_open_until_day_seven_after_completion,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = completed(&m, "window").await;
        m.t.advance(7 * DAY);
        send(&m, id, "500", "day7").await.expect("day 7 is in");
        m.t.advance(1);
        assert_eq!(
            conflict(send(&m, id, "500", "day7-late").await),
            "tip-window-closed"
        );
        assert_eq!(tip_rows(&db, id).await, 1);
        let shown = tip_view::view(&m.t.app, &m.buyer, id).await.expect("view");
        assert!(!shown.can_tip);
        assert_eq!(shown.tips.len(), 1);

        // Auto-approval completes an order too; its window counts from then.
        let auto = buy(&m, "auto").await;
        deliver(&m, auto).await;
        m.t.advance(3 * DAY + 1);
        m.t.run_jobs().await;
        assert_eq!(order(&m, auto).await.state.as_str(), "completed");
        m.t.advance(7 * DAY - 1);
        send(&m, auto, "300", "auto")
            .await
            .expect("within the window");
    }
);

both_backends!(
    the_same_key_charges_once_and_books_once,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = completed(&m, "idem").await;
        let charges = m.sandbox.charge_count();
        let first = send(&m, id, "1000", "same").await.expect("first");
        assert!(first.charged);
        let again = send(&m, id, "1000", "same").await.expect("again");
        assert!(!again.charged);
        assert_eq!(again.tip_id, first.tip_id);
        assert_eq!(m.sandbox.charge_count(), charges + 1);
        assert_eq!(tip_rows(&db, id).await, 1);
        assert_eq!(tip_sales(&db, id).await, 1);
        // Another key is another tip.
        let second = send(&m, id, "1000", "other").await.expect("second");
        assert!(second.charged);
        assert_ne!(second.tip_id, first.tip_id);
        assert_eq!(m.sandbox.charge_count(), charges + 2);
        assert_eq!(tip_rows(&db, id).await, 2);
        assert_eq!(tip_sales(&db, id).await, 2);
        assert_eq!(m.sandbox.net_charged(), 3_165 + 2 * 1_055);
    }
);

both_backends!(
    a_tip_is_booked_like_a_sale_and_itemised,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = completed(&m, "booked").await;
        let transactions = assert_ledger_balanced(&db).await;
        let before = balance(&db, "seller_balance", Some(m.seller.id)).await;
        send(&m, id, "2000", "booked").await.expect("tip");
        // Into escrow and straight out: two balanced transactions, escrow back to zero.
        assert_eq!(assert_ledger_balanced(&db).await, transactions + 2);
        assert_eq!(balance(&db, "escrow", None).await, 0);
        // ¥2,000 less 22 % = ¥1,560 for the seller.
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            before - 1_560
        );
        assert_eq!(
            scalar(
                &db,
                "SELECT amount FROM sales WHERE order_id = $1 AND tip_id IS NOT NULL",
                id.get()
            )
            .await,
            1_560
        );
        // The order's own sale is still there, once.
        assert_eq!(
            scalar(
                &db,
                "SELECT COUNT(*) FROM sales WHERE order_id = $1 AND tip_id IS NULL",
                id.get()
            )
            .await,
            1
        );
        // The sales page lists the tip as its own line.
        let page = yorozu_app::payouts::sales::page(&m.t.app, &m.seller)
            .await
            .expect("sales page");
        let lines: Vec<_> = page.sales.iter().filter(|s| s.order_id == id).collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines
                .iter()
                .any(|s| s.tip_id.is_some() && s.amount.get() == 1_560)
        );
        assert_eq!(page.available.get(), 2_340 + 1_560);
        // The receipt itemises it, and its total includes it.
        let receipt = yorozu_app::paperwork::receipt::receipt(&m.t.app, &m.buyer, id, None)
            .await
            .expect("receipt");
        assert_eq!(receipt.tips.len(), 1);
        assert_eq!(receipt.tips[0].amount.get(), 2_000);
        assert_eq!(receipt.tips[0].buyer_fee.get(), 110);
        assert_eq!(receipt.total.get(), 3_165 + 2_110);
        // Both parties see it with its message on the order page.
        for member in [&m.buyer, &m.seller] {
            let shown = tip_view::view(&m.t.app, member, id).await.expect("view");
            assert_eq!(shown.tips.len(), 1);
            assert_eq!(
                shown.tips[0].message,
                "素敵なロゴをありがとうございました！"
            );
        }
        // The seller is told: a mail and the TipReceived notification.
        m.t.run_jobs().await;
        let subjects: Vec<String> =
            m.t.mails_to("seller@example.jp")
                .await
                .into_iter()
                .map(|mail| mail.subject)
                .collect();
        assert!(
            subjects.iter().any(|s| s.contains("おひねりが届きました")),
            "{subjects:?}"
        );
        assert_eq!(
            scalar(
                &db,
                "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = 'tip_received'",
                m.seller.id.get()
            )
            .await,
            1
        );
    }
);

both_backends!(tips_are_refused_with_a_reason, |db: Db| async move {
    let m = market(db.clone()).await;
    // Not completed: in progress, then delivered.
    let open = buy(&m, "open").await;
    assert_eq!(
        conflict(send(&m, open, "500", "open").await),
        "tip-order-not-completed"
    );
    deliver(&m, open).await;
    assert_eq!(
        conflict(send(&m, open, "500", "delivered").await),
        "tip-order-not-completed"
    );
    let id = completed(&m, "refusals").await;
    // The seller may not tip their own order; a stranger does not see it.
    let by_seller = tips::send(
        &m.t.app,
        &m.seller,
        id,
        &form("500", ""),
        m.card,
        "test-tip-key-by-seller",
        false,
    )
    .await;
    assert_eq!(conflict(by_seller), "tip-buyer-only");
    let stranger = confirmed_member(&m.t, "stranger@example.jp", "通りすがり").await;
    let by_stranger = tips::quote(&m.t.app, &stranger, id, &form("500", "")).await;
    assert!(matches!(by_stranger, Err(AppError::NotFound)));
    // A block between the two, either way.
    yorozu_app::safety::blocks::block(&m.t.app, &m.seller, m.buyer.id)
        .await
        .expect("block");
    assert_eq!(
        conflict(send(&m, id, "500", "blocked").await),
        "tip-blocked"
    );
    yorozu_app::safety::blocks::unblock(&m.t.app, &m.seller, m.buyer.id)
        .await
        .expect("unblock");
    // A suspended seller.
    let op = operator(&m.t).await;
    yorozu_app::moderation::suspension::suspend(
        &m.t.app,
        &op,
        m.seller.id,
        &yorozu_app::moderation::suspension::SuspensionInput {
            reason: "規約違反".into(),
            orders: "continue".into(),
        },
    )
    .await
    .expect("suspend");
    assert_eq!(
        conflict(send(&m, id, "500", "suspended").await),
        "tip-party-suspended"
    );
    assert_eq!(tip_rows(&db, id).await, 0);
    assert_eq!(tip_rows(&db, open).await, 0);
});

both_backends!(no_tip_to_a_seller_who_has_withdrawn, |db: Db| async move {
    let m = market(db.clone()).await;
    let id = completed(&m, "closed").await;
    close_now(&m.t, &m.seller, false).await;
    assert_eq!(
        conflict(send(&m, id, "500", "closed").await),
        "tip-party-closed"
    );
    assert_eq!(tip_rows(&db, id).await, 0);
});

both_backends!(a_declined_card_leaves_nothing_booked, |db: Db| async move {
    let m = market(db.clone()).await;
    let id = completed(&m, "declined").await;
    let poor = register_card(&m.t, &m.buyer, "4000000000009995").await;
    let transactions = assert_ledger_balanced(&db).await;
    let charged = m.sandbox.net_charged();
    let refused = send_with(&m, id, "1000", "declined", poor).await;
    assert_eq!(
        invalid_fields(refused),
        vec![("card", "card-insufficient-funds")]
    );
    assert_eq!(tip_rows(&db, id).await, 0);
    assert_eq!(tip_sales(&db, id).await, 0);
    assert_eq!(assert_ledger_balanced(&db).await, transactions);
    assert_eq!(m.sandbox.net_charged(), charged);
    // Nothing was mailed or notified to the seller about a tip.
    m.t.run_jobs().await;
    assert!(
        !m.t.mails_to("seller@example.jp")
            .await
            .iter()
            .any(|mail| mail.subject.contains("おひねり"))
    );
});

both_backends!(
    a_tip_is_part_of_the_balance_a_withdrawal_forfeits,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = completed(&m, "forfeit").await;
        let before = readiness::check(&m.t.app, &m.seller)
            .await
            .expect("readiness")
            .forfeits
            .sales_balance;
        assert_eq!(before, 2_340);
        send(&m, id, "1000", "forfeit").await.expect("tip");
        let after = readiness::check(&m.t.app, &m.seller)
            .await
            .expect("readiness")
            .forfeits
            .sales_balance;
        assert_eq!(after, 2_340 + 780);
        // Withdrawing forfeits both lines: nothing stays open in `sales`.
        close_now(&m.t, &m.seller, false).await;
        assert_eq!(
            scalar(
                &db,
                "SELECT COUNT(*) FROM sales WHERE order_id = $1 AND withdrawal_id IS NULL",
                id.get()
            )
            .await,
            0
        );
        assert_eq!(balance(&db, "seller_balance", Some(m.seller.id)).await, 0);
    }
);

both_backends!(
    a_message_with_contact_details_is_held_then_queued_when_sent_anyway,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = completed(&m, "contact").await;
        let with_contact = form("1000", "今後はLINE ID: yorozu_line でご連絡ください");
        let key = "test-tip-key-contact";
        let warned = tips::send(&m.t.app, &m.buyer, id, &with_contact, m.card, key, false)
            .await
            .expect("send");
        assert!(matches!(warned, Sending::Warning(_)), "held back");
        let tips_now = || async {
            let mut c = db.read().await.expect("read");
            yorozu_store::query_scalar!(&mut c, fetch_one, i64, "SELECT COUNT(*) FROM order_tips")
                .expect("count")
        };
        assert_eq!(tips_now().await, 0, "nothing is charged or booked");
        let sent = match tips::send(&m.t.app, &m.buyer, id, &with_contact, m.card, key, true)
            .await
            .expect("sent anyway")
        {
            Sending::Sent(sent) => sent,
            Sending::Warning(w) => panic!("acknowledged, yet warned: {w:?}"),
        };
        assert_eq!(tips_now().await, 1);
        // The operators' queue has the tip's message, as a contact-details entry.
        assert_eq!(
            scalar(
                &db,
                "SELECT COUNT(*) FROM reports WHERE reporter_id IS NULL
                   AND reason = 'contact_details' AND target_kind = 'tip' AND target_id = $1",
                sent.tip_id,
            )
            .await,
            1
        );
    }
);
