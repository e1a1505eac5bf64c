//! Quote consultations and custom offers on both databases: the thread both ways, sending and
//! revising (versions, what changed), declining, expiry (injected clock, the reminder and the
//! job), buying through the final confirmation screen with the offer's terms, and the races:
//! an offer that expires while its purchase is being charged, and two purchases of one offer.

mod support;

use std::sync::Arc;

use yorozu_app::AppError;
use yorozu_app::offers::form::OfferForm;
use yorozu_app::offers::{Side, consult, decide, send, view};
use yorozu_app::orders::place::{Purchase, place};
use yorozu_app::orders::quote::{Choice, quote};
use yorozu_app::ports::{
    CardToken, Charge, FixedClock, PaymentError, PaymentGateway, Refund, SandboxGateway,
};
use yorozu_domain::offers::{OfferField, OfferState};
use yorozu_domain::{ConsultationId, OfferId};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::withdrawal::*;
use support::*;

fn offer_form(price: &str, days: &str) -> OfferForm {
    OfferForm {
        title: "会社ロゴ（3案）".into(),
        included: "ロゴ3案、修正2回、AI・PNG納品".into(),
        price: price.into(),
        delivery_days: days.into(),
        revisions: "2".into(),
        option_titles: vec!["名刺デザイン".into()],
        option_prices: vec!["2000".into()],
        expiry_days: String::new(),
    }
}

async fn consulted(m: &Market) -> ConsultationId {
    consult::consult(
        &m.t.app,
        &m.buyer,
        m.listing,
        "会社のロゴを予算5万円でお願いできますか。",
        vec![],
    )
    .await
    .expect("consult")
}

async fn offered(m: &Market, id: ConsultationId, price: &str) -> OfferId {
    send::send(&m.t.app, &m.seller, id, &offer_form(price, "10"))
        .await
        .expect("send offer")
}

fn offer_purchase(m: &Market, offer: OfferId, key: &str) -> Purchase {
    let mut p = purchase(m, key);
    p.choice.offer = Some(offer);
    p
}

fn conflict<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Err(AppError::Conflict(code)) => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

/// The mail delivered so far to `to`, after running the due jobs (mail goes through them).
async fn mails(m: &Market, to: &str) -> Vec<yorozu_store::mailbox::MailboxRow> {
    m.t.run_jobs().await;
    m.t.mails_to(to).await
}

async fn last_mail(m: &Market, to: &str) -> yorozu_store::mailbox::MailboxRow {
    mails(m, to).await.pop().expect("a mail")
}

async fn state_of(m: &Market, offer: OfferId) -> OfferState {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::offers::versions::find(&mut c, offer)
        .await
        .expect("find")
        .expect("offer")
        .state
}

both_backends!(a_consultation_goes_both_ways, |db: Db| async move {
    let m = market(db).await;
    let id = consulted(&m).await;
    let mail = last_mail(&m, "seller@example.jp").await;
    assert!(mail.subject.contains("見積り相談"), "{}", mail.subject);
    assert!(mail.body_text.contains(&format!("/consultations/{id}")));
    consult::post_message(
        &m.t.app,
        &m.seller,
        id,
        "ありがとうございます。詳細を伺えますか。",
        vec![yorozu_app::orders::talk::Upload {
            file_name: "見本.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF-1.4".to_vec(),
        }],
    )
    .await
    .expect("reply");
    // Asking again continues the same thread.
    let again = consult::consult(&m.t.app, &m.buyer, m.listing, "追加です。", vec![])
        .await
        .expect("again");
    assert_eq!(again, id);
    let seen = view::consultation(&m.t.app, &m.buyer, id)
        .await
        .expect("view");
    assert_eq!(seen.side, Side::Buyer);
    assert_eq!(seen.messages.len(), 3);
    assert!(seen.messages[0].mine && !seen.messages[1].mine);
    assert_eq!(seen.messages[1].attachments.len(), 1);
    let file = &seen.messages[1].attachments[0];
    let (_, bytes) = consult::attachment(&m.t.app, &m.buyer, id, file.id)
        .await
        .expect("download");
    assert_eq!(bytes, b"%PDF-1.4");
    assert_eq!(
        view::list(&m.t.app, &m.seller).await.expect("list")[0].side,
        Side::Seller
    );
    // Nobody else sees it; nobody consults their own service.
    let other = confirmed_member(&m.t, "other@example.jp", "第三者").await;
    assert!(matches!(
        view::consultation(&m.t.app, &other, id).await,
        Err(AppError::NotFound)
    ));
    assert_eq!(
        conflict(consult::consult(&m.t.app, &m.seller, m.listing, "自分", vec![]).await),
        "offer-own-listing"
    );
});

both_backends!(a_blocked_pair_cannot_consult, |db: Db| async move {
    let m = market(db).await;
    yorozu_app::safety::blocks::block(&m.t.app, &m.seller, m.buyer.id)
        .await
        .expect("block");
    assert_eq!(
        conflict(consult::consult(&m.t.app, &m.buyer, m.listing, "相談です", vec![]).await),
        "order-blocked"
    );
});

both_backends!(
    revising_supersedes_and_shows_what_changed,
    |db: Db| async move {
        let m = market(db).await;
        let id = consulted(&m).await;
        // The same limits as a service: the minimum price.
        let refused = send::send(&m.t.app, &m.seller, id, &offer_form("100", "10")).await;
        assert!(field_errors(refused).iter().any(|e| e.field == "price"));
        // Only the seller sends offers.
        assert!(matches!(
            send::send(&m.t.app, &m.buyer, id, &offer_form("5000", "10")).await,
            Err(AppError::Forbidden)
        ));
        let first = offered(&m, id, "50000").await;
        assert!(
            last_mail(&m, "buyer@example.jp")
                .await
                .subject
                .contains("カスタム提案が届きました")
        );
        let second = offered(&m, id, "45000").await;
        assert!(
            last_mail(&m, "buyer@example.jp")
                .await
                .subject
                .contains("更新されました")
        );
        assert_eq!(state_of(&m, first).await, OfferState::Superseded);
        let seen = view::consultation(&m.t.app, &m.buyer, id)
            .await
            .expect("view");
        assert_eq!(seen.offers.len(), 2);
        assert_eq!(seen.offers[1].version, 2);
        assert_eq!(seen.offers[1].changes, vec![OfferField::Price]);
        assert!(seen.offers[1].can_accept() && !seen.offers[0].can_accept());
        // The superseded version cannot be bought.
        let mut choice = Choice::of(m.listing);
        choice.offer = Some(first);
        assert_eq!(
            conflict(quote(&m.t.app, &m.buyer, &choice).await),
            "offer-not-open"
        );
        // Someone else's offer is not found.
        let other = confirmed_member(&m.t, "other@example.jp", "第三者").await;
        choice.offer = Some(second);
        assert!(matches!(
            quote(&m.t.app, &other, &choice).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    accepting_places_an_order_with_the_offers_terms,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = consulted(&m).await;
        let offer = offered(&m, id, "40000").await;
        let mut choice = Choice::of(m.listing);
        choice.offer = Some(offer);
        choice.options = vec![1];
        let q = quote(&m.t.app, &m.buyer, &choice).await.expect("quote");
        assert_eq!(q.offer, Some(offer));
        assert_eq!(q.listing.price.get(), 40_000);
        assert_eq!(q.listing.delivery_days, 10);
        assert_eq!(q.amounts.subtotal().get(), 42_000);
        let mut p = offer_purchase(&m, offer, "accept");
        p.choice = choice;
        let placed = place(&m.t.app, &m.buyer, &p).await.expect("place");
        let row = order(&m, placed.order_id).await;
        assert_eq!(row.listing_title, "会社ロゴ（3案）");
        assert_eq!(row.delivery_days, 10);
        assert_eq!(row.subtotal.get(), 42_000);
        assert_eq!(row.buyer_fee.get(), 2_310);
        assert_eq!(state_of(&m, offer).await, OfferState::Accepted);
        let mut c = db.read().await.expect("read");
        let stored = yorozu_store::offers::versions::of_order(&mut c, placed.order_id)
            .await
            .expect("of order")
            .expect("offer");
        assert_eq!(stored.id, offer);
        drop(c);
        assert!(
            mails(&m, "seller@example.jp")
                .await
                .iter()
                .any(|mail| mail.subject.contains("購入されました"))
        );
        // Bought once: buying it again (another purchase key) is refused.
        assert_eq!(
            conflict(place(&m.t.app, &m.buyer, &offer_purchase(&m, offer, "again")).await),
            "offer-not-open"
        );
        assert_eq!(m.t.count("orders").await, 1);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(declining_tells_the_seller_why, |db: Db| async move {
    let m = market(db).await;
    let id = consulted(&m).await;
    let offer = offered(&m, id, "30000").await;
    assert!(matches!(
        decide::decline(&m.t.app, &m.seller, offer, "").await,
        Err(AppError::Forbidden)
    ));
    decide::decline(&m.t.app, &m.buyer, offer, "予算が合いませんでした。")
        .await
        .expect("decline");
    assert_eq!(state_of(&m, offer).await, OfferState::Declined);
    let mail = last_mail(&m, "seller@example.jp").await;
    assert!(mail.body_text.contains("予算が合いませんでした。"));
    assert_eq!(
        conflict(decide::decline(&m.t.app, &m.buyer, offer, "").await),
        "offer-not-open"
    );
    assert_eq!(
        conflict(place(&m.t.app, &m.buyer, &offer_purchase(&m, offer, "declined")).await),
        "offer-not-open"
    );
});

both_backends!(
    an_offer_expires_after_seven_days_with_a_reminder,
    |db: Db| async move {
        let m = market(db).await;
        let id = consulted(&m).await;
        let offer = offered(&m, id, "30000").await;
        m.t.run_jobs().await;
        let reminder = |mails: Vec<yorozu_store::mailbox::MailboxRow>| {
            mails
                .iter()
                .filter(|mail| mail.subject.contains("有効期限が近づいて"))
                .count()
        };
        assert_eq!(reminder(m.t.mails_to("buyer@example.jp").await), 0);
        m.t.advance(6 * 86_400);
        m.t.run_jobs().await;
        assert_eq!(reminder(m.t.mails_to("buyer@example.jp").await), 1);
        assert_eq!(state_of(&m, offer).await, OfferState::Open);
        m.t.advance(86_400);
        let mut choice = Choice::of(m.listing);
        choice.offer = Some(offer);
        // Expired as of now, even before the job records it.
        assert_eq!(
            conflict(quote(&m.t.app, &m.buyer, &choice).await),
            "offer-not-open"
        );
        m.t.run_jobs().await;
        assert_eq!(state_of(&m, offer).await, OfferState::Expired);
        assert_eq!(
            view::consultation(&m.t.app, &m.buyer, id)
                .await
                .expect("view")
                .offers[0]
                .state,
            OfferState::Expired
        );
    }
);

/// A gateway that moves the clock past the offer's expiry while the charge is made: the
/// booking after the charge then meets an expired offer, deterministically.
#[derive(Debug)]
struct ExpiringGateway {
    inner: Arc<SandboxGateway>,
    clock: Arc<FixedClock>,
}

#[async_trait::async_trait]
impl PaymentGateway for ExpiringGateway {
    async fn create_card_token(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
    ) -> Result<CardToken, PaymentError> {
        self.inner
            .create_card_token(number, exp_month, exp_year, cvc)
            .await
    }

    async fn charge(
        &self,
        token: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<Charge, PaymentError> {
        self.clock.advance_seconds(8 * 86_400);
        self.inner.charge(token, amount_yen, key).await
    }

    async fn refund(
        &self,
        charge_id: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<Refund, PaymentError> {
        self.inner.refund(charge_id, amount_yen, key).await
    }

    async fn delete_card(&self, token: &str) -> Result<(), PaymentError> {
        self.inner.delete_card(token).await
    }
}

both_backends!(
    an_offer_expiring_during_its_purchase_is_not_bought,
    |db: Db| async move {
        let mut m = market(db.clone()).await;
        let id = consulted(&m).await;
        let offer = offered(&m, id, "30000").await;
        m.t.app.payments = Arc::new(ExpiringGateway {
            inner: m.sandbox.clone(),
            clock: m.t.clock.clone(),
        });
        let placed = place(&m.t.app, &m.buyer, &offer_purchase(&m, offer, "expiring")).await;
        assert_eq!(conflict(placed), "offer-not-open");
        assert_eq!(m.t.count("orders").await, 0);
        // Charged before the booking, then given back.
        assert_eq!((m.sandbox.charge_count(), m.sandbox.net_charged()), (1, 0));
        m.t.run_jobs().await;
        assert_eq!(state_of(&m, offer).await, OfferState::Expired);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    two_purchases_of_one_offer_make_one_order,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = consulted(&m).await;
        let offer = offered(&m, id, "30000").await;
        let (p1, p2) = (
            offer_purchase(&m, offer, "twice-one"),
            offer_purchase(&m, offer, "twice-two"),
        );
        let (a, b) = tokio::join!(
            place(&m.t.app, &m.buyer, &p1),
            place(&m.t.app, &m.buyer, &p2)
        );
        assert_eq!(
            [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{a:?} {b:?}"
        );
        let failed = if a.is_ok() { b } else { a };
        assert_eq!(conflict(failed), "offer-not-open");
        assert_eq!(m.t.count("orders").await, 1);
        assert_eq!(state_of(&m, offer).await, OfferState::Accepted);
        // The losing purchase's charge, if it was made, was given back: ¥30,000 + 5.5%.
        assert_eq!(m.sandbox.net_charged(), 31_650);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    withdrawal_closes_the_members_open_offers,
    |db: Db| async move {
        let m = market(db).await;
        let id = consulted(&m).await;
        let offer = offered(&m, id, "30000").await;
        close_now(&m.t, &m.seller, false).await;
        assert_eq!(state_of(&m, offer).await, OfferState::Withdrawn);
        assert_eq!(
            conflict(place(&m.t.app, &m.buyer, &offer_purchase(&m, offer, "closed")).await),
            "order-not-purchasable"
        );
    }
);
