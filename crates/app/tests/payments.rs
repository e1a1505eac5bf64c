//! Registered cards through the sandbox payment gateway, and the gateway's idempotent charges,
//! on both databases.

mod support;

use std::sync::Arc;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::payments::cards::{self, Card};
use yorozu_app::ports::{PaymentError, PaymentGateway, SandboxGateway};
use yorozu_store::{Db, both_backends};

use support::*;

/// A test app whose sandbox the test can also inspect.
fn payments_app(db: Db) -> (TestApp, Arc<SandboxGateway>) {
    let mut t = test_app(db);
    let sandbox = Arc::new(SandboxGateway::default());
    t.app.payments = sandbox.clone();
    (t, sandbox)
}

async fn token_of(t: &TestApp, card: &Card) -> String {
    let mut c = t.app.db.read().await.expect("read");
    yorozu_store::cards::find(&mut c, card.id)
        .await
        .expect("find")
        .expect("row")
        .provider_token
}

/// Every stored card row (deleted ones too), as text.
async fn cards_table_text(t: &TestApp, member: &CurrentUser) -> String {
    let sql = "SELECT id, user_id, provider_token, brand, last4, exp_month, exp_year, created_at, deleted_at
               FROM cards WHERE user_id = $1";
    let mut c = t.app.db.read().await.expect("read");
    let rows: Vec<yorozu_store::cards::CardRow> = yorozu_store::query_as!(
        &mut c,
        fetch_all,
        yorozu_store::cards::CardRow,
        sql,
        member.id.get()
    )
    .expect("rows");
    format!("{rows:?}")
}

both_backends!(each_test_card_type_registers, |db: Db| async move {
    let (t, _) = payments_app(db);
    let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
    let cases = [
        ("4242 4242 4242 4242", "12/30", "123", "visa", "4242"),
        (
            "5555-5555-5555-4444",
            "06/2025",
            "456",
            "mastercard",
            "4444",
        ),
        (
            "３５３０　１１１３　３３３０　００００",
            "１／２９",
            "７８９",
            "jcb",
            "0000",
        ),
        ("4000000000009995", "01/27", "123", "visa", "9995"),
        ("4000000000000119", "01/27", "123", "visa", "0119"),
    ];
    for (number, exp, cvc, brand, last4) in cases {
        let card = cards::register_card(&t.app, &member, number, exp, cvc)
            .await
            .expect(number);
        assert_eq!((card.brand.as_str(), card.last4.as_str()), (brand, last4));
    }
    let listed = cards::list_cards(&t.app, &member).await.expect("list");
    assert_eq!(listed.len(), cases.len());
    assert_eq!(
        (
            listed[0].last4.as_str(),
            listed[0].exp_month,
            listed[0].exp_year
        ),
        ("0119", 1, 2027)
    );
    assert_eq!((listed[1].exp_month, listed[1].exp_year), (1, 2027));
    let mc = listed
        .iter()
        .find(|c| c.brand == "mastercard")
        .expect("mastercard");
    assert_eq!(
        (mc.exp_month, mc.exp_year),
        (6, 2025),
        "the current month is still valid"
    );

    let text = cards_table_text(&t, &member).await;
    for full in [
        "4242424242424242",
        "5555555555554444",
        "3530111333300000",
        "4000000000009995",
        "4000000000000119",
    ] {
        assert!(!text.contains(full), "{full} is stored: {text}");
    }
});

/// Number, expiry, security code and the expected `(field, code)` errors.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

both_backends!(
    bad_cards_are_field_errors_and_store_nothing,
    |db: Db| async move {
        let (t, sandbox) = payments_app(db);
        let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
        let cases: [Case; 9] = [
            (
                "4000000000000002",
                "12/30",
                "123",
                vec![("number", "card-declined")],
            ),
            (
                "4000000000000069",
                "12/30",
                "123",
                vec![("exp", "card-expired")],
            ),
            (
                "4242424242424241",
                "12/30",
                "123",
                vec![("number", "card-number-invalid")],
            ),
            (
                "4242 4242 abcd 4242",
                "12/30",
                "123",
                vec![("number", "card-number-invalid")],
            ),
            (
                "",
                "",
                "",
                vec![
                    ("number", "card-number-empty"),
                    ("exp", "card-expiry-empty"),
                    ("cvc", "card-cvc-invalid"),
                ],
            ),
            (
                "4242424242424242",
                "05/25",
                "123",
                vec![("exp", "card-expired")],
            ),
            (
                "4242424242424242",
                "13/30",
                "123",
                vec![("exp", "card-expiry-invalid")],
            ),
            (
                "4242424242424242",
                "1230",
                "12",
                vec![("exp", "card-expiry-invalid"), ("cvc", "card-cvc-invalid")],
            ),
            (
                "378282246310005",
                "12/30",
                "123",
                vec![("cvc", "card-cvc-invalid")],
            ),
        ];
        for (number, exp, cvc, expected) in cases {
            let result = cards::register_card(&t.app, &member, number, exp, cvc).await;
            assert_eq!(invalid_fields(result), expected, "{number} {exp} {cvc}");
        }
        assert_eq!(t.count("cards").await, 0);
        assert!(
            format!("{sandbox:?}").contains("cards: 0"),
            "no token was created: {sandbox:?}"
        );

        // American Express takes a 4-digit code.
        let amex = cards::register_card(&t.app, &member, "3782 822463 10005", "12/30", "1234")
            .await
            .expect("amex");
        assert_eq!(amex.brand, "amex");
    }
);

both_backends!(charges_are_idempotent, |db: Db| async move {
    let (t, sandbox) = payments_app(db);
    let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
    let card = cards::register_card(&t.app, &member, "4242424242424242", "12/30", "123")
        .await
        .expect("card");
    let token = token_of(&t, &card).await;

    let first = t
        .app
        .payments
        .charge(&token, 3300, "order-1")
        .await
        .expect("charge");
    let again = t
        .app
        .payments
        .charge(&token, 3300, "order-1")
        .await
        .expect("repeat");
    assert_eq!(first, again);
    assert_eq!(
        sandbox.charge_count(),
        1,
        "one charge for a repeated request"
    );
    assert_eq!(
        t.app.payments.charge(&token, 9999, "order-1").await,
        Err(PaymentError::IdempotencyMismatch)
    );
    let other = t
        .app
        .payments
        .charge(&token, 3300, "order-2")
        .await
        .expect("another order");
    assert_ne!(other.id, first.id);
    assert_eq!(sandbox.charge_count(), 2);

    // A card that registers but whose charges are declined.
    let poor = cards::register_card(&t.app, &member, "4000000000009995", "12/30", "123")
        .await
        .expect("card");
    let poor = token_of(&t, &poor).await;
    let declined = t.app.payments.charge(&poor, 3300, "order-3").await;
    assert_eq!(
        declined,
        Err(PaymentError::Declined {
            code: "insufficient_funds".into()
        })
    );
    assert_eq!(sandbox.charge_count(), 2);
});

both_backends!(
    transient_failure_then_success_with_the_same_key,
    |db: Db| async move {
        let (t, sandbox) = payments_app(db);
        let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
        let card = cards::register_card(&t.app, &member, "4000 0000 0000 0119", "12/30", "123")
            .await
            .expect("card");
        let token = token_of(&t, &card).await;

        let first = t.app.payments.charge(&token, 5000, "order-1").await;
        assert!(
            matches!(&first, Err(e @ PaymentError::Transient(_)) if e.is_retryable()),
            "{first:?}"
        );
        assert_eq!(sandbox.charge_count(), 0);
        let retry = t
            .app
            .payments
            .charge(&token, 5000, "order-1")
            .await
            .expect("retry succeeds");
        assert_eq!(
            t.app.payments.charge(&token, 5000, "order-1").await,
            Ok(retry)
        );
        assert_eq!(sandbox.charge_count(), 1);
        // Each new key fails once first.
        assert!(matches!(
            t.app.payments.charge(&token, 5000, "order-2").await,
            Err(PaymentError::Transient(_))
        ));
    }
);

both_backends!(
    deleting_a_card_marks_it_and_kills_the_token,
    |db: Db| async move {
        let (t, sandbox) = payments_app(db);
        let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
        let other = confirmed_member(&t, "other@example.jp", "他人").await;
        let card = cards::register_card(&t.app, &member, "4242424242424242", "12/30", "123")
            .await
            .expect("card");
        let kept = cards::register_card(&t.app, &member, "5555555555554444", "12/30", "123")
            .await
            .expect("card");
        let token = token_of(&t, &card).await;

        assert!(matches!(
            cards::delete_card(&t.app, &other, card.id).await,
            Err(AppError::NotFound)
        ));
        assert!(
            sandbox.token_is_live(&token),
            "someone else cannot remove it"
        );

        t.advance(HOUR);
        cards::delete_card(&t.app, &member, card.id)
            .await
            .expect("delete");
        let row = {
            let mut c = t.app.db.read().await.expect("read");
            yorozu_store::cards::find(&mut c, card.id)
                .await
                .expect("find")
                .expect("row kept")
        };
        assert_eq!(row.deleted_at, Some(START + HOUR));
        assert!(!sandbox.token_is_live(&token));
        assert_eq!(
            t.app.payments.charge(&token, 1000, "after-delete").await,
            Err(PaymentError::UnknownToken)
        );
        let listed: Vec<i64> = cards::list_cards(&t.app, &member)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(listed, vec![kept.id]);
        assert!(matches!(
            cards::delete_card(&t.app, &member, card.id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            cards::delete_card(&t.app, &member, 12345).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(a_member_has_at_most_ten_cards, |db: Db| async move {
    let (t, _) = payments_app(db);
    let member = confirmed_member(&t, "buyer@example.jp", "買い手").await;
    for _ in 0..cards::MAX_CARDS {
        cards::register_card(&t.app, &member, "4242424242424242", "12/30", "123")
            .await
            .expect("card");
    }
    let result = cards::register_card(&t.app, &member, "4242424242424242", "12/30", "123").await;
    assert_eq!(invalid_fields(result), vec![("number", "card-too-many")]);
});

#[tokio::test]
async fn the_gateway_is_usable_as_a_trait_object() {
    let gateway: Arc<dyn PaymentGateway> = Arc::new(SandboxGateway::default());
    let card = gateway
        .create_card_token("4242424242424242", 12, 2030, "123")
        .await
        .expect("token");
    assert!(format!("{gateway:?}").contains("SandboxGateway"));
    gateway.delete_card(&card.token).await.expect("delete");
}
