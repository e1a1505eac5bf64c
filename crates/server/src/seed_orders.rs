//! Demo orders for `yorozu seed --demo`: completed purchases between the demo members, with
//! reviews both ways, one order still in progress with a conversation, and a welcome coupon —
//! all made through the real use cases (sandbox card payments, ledger entries included).
//! Safe to run twice: each demo purchase has a fixed purchase key.

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::orders::review::{ReviewInput, write};
use yorozu_app::orders::{deliver, talk};
use yorozu_domain::Yen;
use yorozu_store::accounts::users;
use yorozu_store::promotions::coupons::{self, CouponRow};

/// The code of the demo coupon (¥500 off orders of ¥3,000 or more, valid for a year).
pub const DEMO_COUPON: &str = "WELCOME500";

const BUYER_REVIEWS: &[(&str, &str)] = &[
    (
        "5",
        "イメージ以上の仕上がりで大満足です。やり取りもとても丁寧で安心してお任せできました。",
    ),
    (
        "5",
        "急ぎのお願いにも快く対応していただき、本当に助かりました。またお願いしたいです。",
    ),
    (
        "4",
        "細かい修正にも対応していただきました。納品も予定より早く、ありがとうございました。",
    ),
    (
        "5",
        "こちらの曖昧な要望をうまく汲み取っていただき、素敵な形にしてくださいました。",
    ),
];
const SELLER_REVIEW: &str =
    "ご依頼内容が分かりやすく、スムーズにお取引できました。ありがとうございました。";

async fn member(app: &App, email: &str) -> anyhow::Result<Option<CurrentUser>> {
    let mut c = app.db.read().await?;
    let Some(user) = users::find_by_email(&mut c, email).await? else {
        return Ok(None);
    };
    Ok(CurrentUser::load(&mut c, user.id).await?)
}

fn err(e: yorozu_app::AppError) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// Creates the demo orders; returns how many were new.
pub async fn demo_orders(app: &App, emails: &[&str]) -> anyhow::Result<usize> {
    let mut people = Vec::new();
    for email in emails {
        if let Some(m) = member(app, email).await? {
            people.push(m);
        }
    }
    if people.len() < 2 {
        return Ok(0);
    }
    let mut cards = Vec::new();
    for m in &people {
        let existing = yorozu_app::payments::cards::list_cards(app, m)
            .await
            .map_err(err)?;
        let card = match existing.first() {
            Some(card) => card.id,
            None => {
                yorozu_app::payments::cards::register_card(
                    app,
                    m,
                    "4242424242424242",
                    "12/30",
                    "123",
                )
                .await
                .map_err(err)?
                .id
            }
        };
        cards.push(card);
    }
    let mut c = app.db.read().await?;
    let mut listings = Vec::new();
    for m in &people {
        for l in yorozu_store::listings::rows::list_published_by_seller(&mut c, m.id, 10).await? {
            listings.push(l);
        }
    }
    drop(c);

    let mut created = 0;
    for (i, listing) in listings.iter().enumerate() {
        // Two buyers per service, picked round the circle of demo members.
        for k in 1..=2 {
            let b = (i + k * 3) % people.len();
            let buyer = &people[b];
            if buyer.id == listing.seller_id {
                continue;
            }
            let seller = people.iter().find(|p| p.id == listing.seller_id).cloned();
            let Some(seller) = seller else { continue };
            let purchase = Purchase {
                choice: Choice::of(listing.id),
                payment: Payment::Card(cards[b]),
                request: "はじめまして。こちらのサービスをお願いしたく購入しました。よろしくお願いいたします。".into(),
                purchase_key: format!("demo-seed-{}-{}", listing.id, buyer.id),
                expected_total: None,
            };
            let placed = place(app, buyer, &purchase).await.map_err(err)?;
            if !placed.created {
                continue;
            }
            created += 1;
            let id = placed.order_id;
            talk::post_message(
                app,
                &seller,
                id,
                "ご購入ありがとうございます！内容を確認して、さっそく取りかかりますね。",
                vec![],
            )
            .await
            .map_err(err)?;
            // The first demo order stays in progress, so the talk room can be tried out.
            if created == 1 {
                continue;
            }
            deliver::deliver(
                app,
                &seller,
                id,
                "納品いたします。ご確認をお願いいたします。",
                vec![],
            )
            .await
            .map_err(err)?;
            deliver::approve(app, buyer, id).await.map_err(err)?;
            let (rating, comment) = BUYER_REVIEWS[(i + k) % BUYER_REVIEWS.len()];
            let review = ReviewInput {
                rating: rating.into(),
                comment: comment.into(),
                anonymous: (i + k) % 5 == 0,
            };
            write(app, buyer, id, &review).await.map_err(err)?;
            let back = ReviewInput {
                rating: "5".into(),
                comment: SELLER_REVIEW.into(),
                anonymous: false,
            };
            write(app, &seller, id, &back).await.map_err(err)?;
        }
    }
    // Every demo seller has a bank account; the first one has already asked for a payout.
    for (i, m) in people.iter().enumerate() {
        if yorozu_app::payouts::bank::view(app, m)
            .await
            .map_err(err)?
            .is_some()
        {
            continue;
        }
        let input = yorozu_app::payouts::bank::BankInput {
            bank_code: "0001".into(),
            branch_code: "001".into(),
            account_type: "ordinary".into(),
            account_number: format!("{:07}", 1_234_500 + i),
            holder: "ヨロズ デモ".into(),
        };
        // Demo data acts for its members: no password asked, no hold on the demo accounts.
        let confirmed = yorozu_app::accounts::reauth::Reauthenticated::confirmed_earlier();
        let mut unheld = app.clone();
        unheld.policy.bank_change_hold_hours = 0;
        yorozu_app::payouts::bank::register(&unheld, m, &confirmed, &input)
            .await
            .map_err(err)?;
        if i == 0 && created > 0 {
            // Nothing to pay out (no completed sale yet) is fine for the demo.
            let _ = yorozu_app::payouts::request::request(&unheld, m, &confirmed).await;
        }
    }
    // Demo members never asked for mail about these orders.
    let mut tx = app.db.begin().await?;
    for m in &people {
        yorozu_app::mail::outbox::drop_queued_for(&mut tx, app, m.id).await?;
    }
    let now = app.now();
    coupons::insert(
        &mut tx,
        &CouponRow {
            id: app.new_id(),
            code: DEMO_COUPON.into(),
            title: "はじめてのご購入に".into(),
            discount: Yen::new(500),
            min_order: Yen::new(3_000),
            starts_at: now,
            expires_at: now + 365 * 86_400,
            created_by: None,
            created_at: now,
            disabled_at: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}
