//! Sales balance and payouts on both databases: requests take the whole balance once, fees,
//! transfer dates, batches, transfers and failures, expiry and reinstatement — with the
//! ledger balanced through every step.

mod support;

use yorozu_app::AppError;
use yorozu_app::payouts::batches::{self, Failure};
use yorozu_app::payouts::{expiry, request, sales};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::*;

async fn seller_balance(m: &Market) -> i64 {
    -balance(&m.t.app.db, "seller_balance", Some(m.seller.id)).await
}

both_backends!(a_payout_takes_the_whole_balance_once, |db: Db| async move {
    let m = market(db.clone()).await;
    complete_orders(&m, 2, "two").await;
    let page = sales::page(&m.t.app, &m.seller).await.expect("page");
    assert_eq!(
        (page.available.get(), page.in_escrow.get(), page.sales.len()),
        (4_680, 0, 2)
    );
    assert!(matches!(
        request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
        )
        .await,
        Err(AppError::Conflict("payout-no-bank-account"))
    ));
    register_bank(&m.t, &m.seller).await;
    let r = request::request(
        &m.t.app,
        &m.seller,
        &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
    )
    .await
    .expect("request");
    // ¥4,680 ≥ ¥3,000: no fee. Requested on 2025-06-16 (Japan) → the 5th of July, a
    // Saturday → Monday the 7th.
    assert_eq!(
        (r.gross.get(), r.fee.get(), r.net.get(), r.status.as_str()),
        (4_680, 0, 4_680, "requested")
    );
    assert_eq!(r.transfer_date, "2025-07-07");
    assert_eq!(seller_balance(&m).await, 0);
    assert_eq!(balance(&db, "payout_in_flight", None).await, -4_680);
    assert!(matches!(
        request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
        )
        .await,
        Err(AppError::Conflict("payout-already-requested"))
    ));
    assert_ledger_balanced(&db).await;
    m.t.run_jobs().await;
    assert!(
        m.t.last_mail_to("seller@example.jp")
            .await
            .body_text
            .contains("4,680")
    );
});

both_backends!(
    small_balances_pay_the_fee_and_empty_ones_cannot_request,
    |db: Db| async move {
        let m = market(db.clone()).await;
        register_bank(&m.t, &m.seller).await;
        let errors = field_errors(
            request::request(
                &m.t.app,
                &m.seller,
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
            )
            .await,
        );
        assert_eq!(errors[0].code, "payout-balance-too-low");
        complete_orders(&m, 1, "one").await;
        let r = request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        assert_eq!(
            (r.gross.get(), r.fee.get(), r.net.get()),
            (2_340, 160, 2_180)
        );
        assert_eq!(balance(&db, "transfer_fee", None).await, -160);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(concurrent_requests_pay_out_once, |db: Db| async move {
    let m = market(db.clone()).await;
    complete_orders(&m, 2, "race").await;
    register_bank(&m.t, &m.seller).await;
    let (a, b) = tokio::join!(
        request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
        ),
        request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
        )
    );
    assert!(a.is_ok() ^ b.is_ok(), "{a:?} {b:?}");
    assert_eq!(
        count_where(&db, "SELECT COUNT(*) FROM payout_requests").await,
        1
    );
    assert_eq!(seller_balance(&m).await, 0);
    assert_eq!(balance(&db, "payout_in_flight", None).await, -4_680);
    assert_ledger_balanced(&db).await;
});

both_backends!(
    a_batch_is_closed_paid_and_marked_transferred,
    |db: Db| async move {
        let m = market(db.clone()).await;
        complete_orders(&m, 2, "batch").await;
        register_bank(&m.t, &m.seller).await;
        let r = request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        let op = operator(&m.t).await;
        assert!(matches!(
            batches::close(&m.t.app, &m.seller, &r.transfer_date).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            batches::close(&m.t.app, &op, "2030-01-01").await,
            Err(AppError::Conflict("payout-batch-empty"))
        ));
        let batch = batches::close(&m.t.app, &op, &r.transfer_date)
            .await
            .expect("close");
        assert_eq!((batch.transfer_count, batch.total_net.get()), (1, 4_680));
        m.t.run_jobs().await;
        let told = m.t.last_mail_to("seller@example.jp").await;
        assert!(
            told.subject.contains("振込の手続き") && told.body_text.contains("2025-07-07"),
            "{}",
            told.subject
        );
        let (_, items) = batches::batch(&m.t.app, &op, batch.id)
            .await
            .expect("batch");
        assert_eq!(items[0].status.as_str(), "processing");
        assert_eq!(
            batches::mark_transferred(&m.t.app, &op, batch.id)
                .await
                .expect("transferred"),
            1
        );
        assert!(matches!(
            batches::mark_transferred(&m.t.app, &op, batch.id).await,
            Err(AppError::Conflict("payout-batch-not-processing"))
        ));
        assert_eq!(balance(&db, "payout_in_flight", None).await, 0);
        assert_eq!(balance(&db, "payout", None).await, -4_680);
        assert_eq!(
            count_where(
                &db,
                "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'payouts.%'"
            )
            .await,
            2
        );
        // The seller may request again (nothing to pay yet).
        let errors = field_errors(
            request::request(
                &m.t.app,
                &m.seller,
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
            )
            .await,
        );
        assert_eq!(errors[0].code, "payout-balance-too-low");
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    a_failed_transfer_returns_the_money_and_blocks_a_bad_account,
    |db: Db| async move {
        let m = market(db.clone()).await;
        complete_orders(&m, 1, "fail").await;
        register_bank(&m.t, &m.seller).await;
        let r = request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        let op = operator(&m.t).await;
        batches::close(&m.t.app, &op, &r.transfer_date)
            .await
            .expect("close");
        batches::mark_failed(&m.t.app, &op, r.id, Failure::AccountData, "口座番号相違")
            .await
            .expect("failed");
        assert!(matches!(
            batches::mark_failed(&m.t.app, &op, r.id, Failure::Other, "").await,
            Err(AppError::Conflict("payout-not-processing"))
        ));
        // The whole ¥2,340 (fee included) is back; the sale is open again.
        assert_eq!(seller_balance(&m).await, 2_340);
        assert_eq!(balance(&db, "transfer_fee", None).await, 0);
        assert_eq!(balance(&db, "payout_in_flight", None).await, 0);
        assert_eq!(
            count_where(
                &db,
                "SELECT COUNT(*) FROM sales WHERE payout_request_id IS NULL"
            )
            .await,
            1
        );
        assert!(matches!(
            request::request(
                &m.t.app,
                &m.seller,
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER
            )
            .await,
            Err(AppError::Conflict("payout-bank-account-invalid"))
        ));
        register_bank(&m.t, &m.seller).await;
        let again = request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request again");
        assert_eq!(again.gross.get(), 2_340);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    unrequested_sales_expire_and_can_be_reinstated,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let ids = complete_orders(&m, 1, "expire").await;
        m.t.advance(120 * DAY - 60);
        assert_eq!(expiry::expire_due(&m.t.app).await.expect("expire"), 0);
        m.t.advance(120);
        assert_eq!(expiry::expire_due(&m.t.app).await.expect("expire"), 1);
        assert_eq!(expiry::expire_due(&m.t.app).await.expect("expire again"), 0);
        assert_eq!(seller_balance(&m).await, 0);
        assert_eq!(balance(&db, "forfeiture", None).await, -2_340);
        let page = sales::page(&m.t.app, &m.seller).await.expect("page");
        assert!(page.sales[0].expired_at.is_some());
        let op = operator(&m.t).await;
        assert!(matches!(
            expiry::reinstate(&m.t.app, &m.seller, ids[0]).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            expiry::reinstate(&m.t.app, &op, ids[0])
                .await
                .expect("reinstate")
                .get(),
            2_340
        );
        assert!(matches!(
            expiry::reinstate(&m.t.app, &op, ids[0]).await,
            Err(AppError::Conflict("sale-not-expired"))
        ));
        assert_eq!(seller_balance(&m).await, 2_340);
        assert_eq!(balance(&db, "forfeiture", None).await, 0);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    the_batch_file_is_a_zengin_transfer_file,
    |db: Db| async move {
        use yorozu_domain::payouts::zengin;
        let m = market(db.clone()).await;
        complete_orders(&m, 2, "file").await;
        register_bank(&m.t, &m.seller).await;
        let r = request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("request");
        let op = operator(&m.t).await;
        let batch = batches::close(&m.t.app, &op, &r.transfer_date)
            .await
            .expect("close");
        assert!(matches!(
            batches::transfer_file(&m.t.app, &m.seller, batch.id).await,
            Err(AppError::Forbidden)
        ));
        let (name, bytes) = batches::transfer_file(&m.t.app, &op, batch.id)
            .await
            .expect("file");
        assert_eq!(name, format!("zengin-2025-07-07-{}.txt", batch.id));
        assert_eq!(
            bytes.len(),
            4 * 122,
            "header, one transfer, trailer, end: 120 bytes + CRLF each"
        );
        let parsed = zengin::read(&bytes).expect("a valid Zengin file");
        assert_eq!(
            (
                parsed.header.kind_code.as_str(),
                parsed.header.transfer_date
            ),
            ("21", (7, 7))
        );
        assert_eq!(parsed.header.requester_code, "0000000001");
        let t = &parsed.transfers[0];
        assert_eq!(
            (
                t.bank_code.as_str(),
                t.branch_code.as_str(),
                t.account_type,
                t.account_number.as_str()
            ),
            ("0001", "001", 1, "1234567")
        );
        assert_eq!(t.recipient_name, "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(t.amount.get(), 4_680);
        assert_eq!(
            (parsed.trailer.count, parsed.trailer.total.get()),
            (1, 4_680)
        );
        // The account number never sits in the database in clear.
        assert_eq!(count_where(&db, "SELECT COUNT(*) FROM bank_accounts WHERE account_number_sealed LIKE '%1234567%' OR holder_sealed LIKE '%ﾔﾏﾀﾞ%'").await, 0);
        assert_eq!(
            count_where(
                &db,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'payouts.file'"
            )
            .await,
            1
        );
    }
);

both_backends!(
    bank_accounts_are_validated_and_shown_back,
    |db: Db| async move {
        use yorozu_app::payouts::bank::{self, BankInput};
        let m = market(db).await;
        let bad = BankInput {
            bank_code: "12".into(),
            branch_code: "001".into(),
            account_type: "ordinary".into(),
            account_number: "12345678".into(),
            holder: "山田太郎".into(),
        };
        let codes: Vec<&str> = field_errors(
            bank::register(
                &m.t.app,
                &m.seller,
                &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
                &bad,
            )
            .await,
        )
        .iter()
        .map(|e| e.code)
        .collect();
        assert_eq!(
            codes,
            [
                "bank-code-invalid",
                "account-number-invalid",
                "account-holder-invalid-characters"
            ]
        );
        let unknown = BankInput {
            bank_code: "9999".into(),
            account_number: "123".into(),
            holder: "ﾔﾏﾀﾞ".into(),
            ..bad.clone()
        };
        assert_eq!(
            invalid_fields(
                bank::register(
                    &m.t.app,
                    &m.seller,
                    &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
                    &unknown
                )
                .await
            ),
            [("bank_code", "bank-unknown")]
        );
        let good = BankInput {
            bank_code: "０００１".into(),
            branch_code: "001".into(),
            account_number: "123".into(),
            holder: "やまだ　たろう".into(),
            ..bad
        };
        let view = bank::register(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
            &good,
        )
        .await
        .expect("register");
        assert_eq!(
            (view.bank_name.as_str(), view.branch_name.as_str()),
            ("みずほ銀行", "東京営業部")
        );
        assert_eq!(
            (view.number_masked.as_str(), view.holder.as_str()),
            ("****123", "ﾔﾏﾀﾞ ﾀﾛｳ")
        );
        assert_eq!(bank::view(&m.t.app, &m.buyer).await.expect("view"), None);
        bank::remove(&m.t.app, &m.seller).await.expect("remove");
        assert_eq!(bank::view(&m.t.app, &m.seller).await.expect("view"), None);
    }
);
