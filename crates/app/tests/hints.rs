//! Improvement hints (改善のヒント) from real rows on both databases, with an injected clock:
//! each kind of hint with the numbers behind it, a service with nothing to improve, the
//! category report's K-seller threshold (a category with one seller reveals nothing), and the
//! withdrawal page's record of who saw hints: saw → withdrew (at purge) and saw → stayed
//! (still active `STAY_DAYS` later), counted without ids.

mod support;

use yorozu_app::accounts::CurrentUser;
use yorozu_app::analytics::{Visitor, flush, record_impressions};
use yorozu_app::hints::{self, category};
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::withdrawal::hints as withdrawal_hints;
use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::hints::{Direction, Hint, SearchWord};
use yorozu_domain::listings::categories;
use yorozu_store::{both_backends, execute};

use support::orders::*;
use support::withdrawal::{close_now, purge_all};
use support::*;

const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// The buyer buys `listing` (no options) from `seller`; `reply_after` seconds later the seller
/// delivers (their first message), and the buyer approves when `complete`.
async fn sale(
    m: &Market,
    seller: &CurrentUser,
    listing: ListingId,
    key: &str,
    reply_after: i64,
    complete: bool,
) -> OrderId {
    let placed = place(
        &m.t.app,
        &m.buyer,
        &Purchase {
            choice: Choice::of(listing),
            payment: Payment::Card(m.card),
            request: "よろしくお願いします。".into(),
            purchase_key: format!("test-purchase-key-hints-{key}"),
            expected_total: None,
        },
    )
    .await
    .expect("place order");
    m.t.advance(reply_after);
    yorozu_app::orders::deliver::deliver(&m.t.app, seller, placed.order_id, "納品です。", vec![])
        .await
        .expect("deliver");
    if complete {
        yorozu_app::orders::deliver::approve(&m.t.app, &m.buyer, placed.order_id)
            .await
            .expect("approve");
    }
    placed.order_id
}

/// Image rows (only their number matters to hints) and FAQ entries of a service.
async fn give(m: &Market, listing: ListingId, images: i64, faqs: i64) {
    let mut tx = m.t.app.db.begin().await.expect("begin");
    for i in 0..images {
        execute!(
            &mut tx,
            "INSERT INTO listing_images (id, listing_id, position, file_key, thumb_key, width, height, created_at)
             VALUES ($1, $2, $3, 'k', 't', 10, 10, 0)",
            listing.get() / 1_000 * 1_000 + i,
            listing.get(),
            i
        )
        .expect("image");
    }
    for i in 0..faqs {
        execute!(
            &mut tx,
            "INSERT INTO listing_faqs (listing_id, position, question, answer) VALUES ($1, $2, '納期は？', '5日です。')",
            listing.get(),
            i
        )
        .expect("faq");
    }
    tx.commit().await.expect("commit");
}

/// A profile at 45%: a 100-character introduction (20), a career (10), a track record (15).
async fn fill_profile(m: &Market, member: &CurrentUser) {
    let form = yorozu_app::profile::edit::ProfileForm {
        display_name: "売れている出品者".into(),
        introduction: "ロゴ".repeat(50),
        career: "デザイン事務所で10年".into(),
        track_record: "ロゴ制作300件".into(),
        ..Default::default()
    };
    yorozu_app::profile::edit::update(&m.t.app, member.id, &form)
        .await
        .expect("profile");
}

/// A seller with a ¥3,000 service in 名刺 (301), 3 images, one FAQ entry, a 45% profile, and
/// one completed order answered in 10 minutes.
async fn selling_seller(m: &Market, n: usize) -> (CurrentUser, ListingId) {
    let seller = if n == 0 {
        m.seller.clone()
    } else {
        confirmed_member(&m.t, &format!("seller{n}@example.jp"), "出品者").await
    };
    let listing = if n == 0 {
        m.listing
    } else {
        publish_new(
            &m.t,
            &seller,
            &listing_form("名刺をデザインします", "名刺のデザインをいたします。"),
        )
        .await
    };
    give(m, listing, 3, 1).await;
    fill_profile(m, &seller).await;
    sale(
        m,
        &seller,
        listing,
        &format!("selling-{n}"),
        10 * MINUTE,
        true,
    )
    .await;
    (seller, listing)
}

both_backends!(
    each_hint_with_its_numbers_and_a_service_without_any,
    |db| async move {
        let m = market(db).await;
        let (a, a_listing) = selling_seller(&m, 0).await;
        for n in 1..3 {
            selling_seller(&m, n).await;
        }
        // The service to improve: ¥1,000 (a third of the median), no images, no FAQ, a bare
        // profile, a first reply after 10 hours, and shown by searches for 名刺 it does not name.
        let d = confirmed_member(&m.t, "new-seller@example.jp", "新しい出品者").await;
        let mut form = listing_form("ロゴを作成します", "ロゴをお作りします。");
        form.price = "1000".into();
        let d_listing = publish_new(&m.t, &d, &form).await;
        sale(&m, &d, d_listing, "slow", 10 * HOUR, false).await;
        let browser = Visitor {
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            member: None,
        };
        for _ in 0..3 {
            record_impressions(
                &m.t.app,
                &[(d_listing, d.id)],
                &["名刺".to_owned(), "ロゴ".to_owned()],
                &browser,
            );
        }
        flush(&m.t.app).await.expect("flush");
        // The category's figures count sales from the day after they completed.
        m.t.advance(DAY);

        let h = hints::for_service(&m.t.app, &d, d_listing)
            .await
            .expect("hints");
        assert_eq!(h.category.id, 301);
        assert_eq!(
            h.hints,
            vec![
                Hint::Images {
                    images: 0,
                    category_median: Some(3)
                },
                Hint::Faq,
                Hint::TitleWords {
                    words: vec![SearchWord {
                        word: "名刺".into(),
                        count: 3
                    }]
                },
                Hint::Price {
                    price: 1_000,
                    category_median: 3_000,
                    percent_of_median: 33,
                    direction: Direction::Below
                },
                Hint::SlowReplies {
                    seconds: 10 * HOUR,
                    category_median_seconds: 10 * MINUTE
                },
                Hint::Profile {
                    percent: 0,
                    category_median: 45
                },
            ]
        );
        // A selling seller's service has nothing to improve.
        let a_hints = hints::for_service(&m.t.app, &a, a_listing)
            .await
            .expect("hints");
        assert_eq!(a_hints.hints, vec![]);
        // Another member's service is not found.
        assert!(matches!(
            hints::for_service(&m.t.app, &a, d_listing).await,
            Err(yorozu_app::AppError::NotFound)
        ));
        // The withdrawal page's summary carries the same hints, for the seller's services only.
        let summary = withdrawal_hints::summary(&m.t.app, &d)
            .await
            .expect("summary")
            .expect("a seller");
        assert_eq!(summary.services.len(), 1);
        assert_eq!(summary.hint_count(), 6);
        assert_eq!(summary.totals.impressions, 3);
        assert!(
            withdrawal_hints::summary(&m.t.app, &m.buyer)
                .await
                .expect("summary")
                .is_none(),
            "a member without services is shown nothing"
        );
    }
);

both_backends!(
    a_category_shows_numbers_only_over_k_sellers,
    |db| async move {
        let m = market(db).await;
        let portrait = categories::by_id(301).expect("category");
        // One seller with two completed orders: nothing about them shows.
        selling_seller(&m, 0).await;
        sale(&m, &m.seller, m.listing, "second", MINUTE, true).await;
        m.t.advance(DAY);
        let viewer = m.buyer.id;
        let r = category::report(&m.t.app, portrait, viewer)
            .await
            .expect("report");
        assert_eq!(r.numbers, None);
        // Nor do hints compare with them.
        let facts = |viewer| {
            let app = m.t.app.clone();
            async move {
                let mut c = app.db.read().await.expect("read");
                hints::category_facts(&mut c, 301, app.now(), viewer)
                    .await
                    .expect("facts")
            }
        };
        assert_eq!(facts(viewer).await, Default::default());
        // Two sellers are still too few.
        let (second, _) = selling_seller(&m, 1).await;
        m.t.advance(DAY);
        let r = category::report(&m.t.app, portrait, viewer)
            .await
            .expect("report");
        assert_eq!(r.numbers, None);
        // The third one opens it — from the next day, for anyone but the three.
        selling_seller(&m, 2).await;
        let r = category::report(&m.t.app, portrait, viewer)
            .await
            .expect("report");
        assert_eq!(r.numbers, None, "a sale counts from the day after");
        m.t.advance(DAY);
        let n = category::report(&m.t.app, portrait, viewer)
            .await
            .expect("report")
            .numbers
            .expect("numbers over three sellers");
        assert_eq!(n.completed_orders, 4);
        assert_eq!(n.selling_sellers, 3);
        assert_eq!(n.median_price, 3_000);
        assert_eq!(n.median_delivery_days, 5);
        assert_eq!(n.listed_sellers, 3);
        assert_eq!(n.recent_sellers, Some(3));
        // Each seller counts once, however many orders: 3 sellers in the bands, not 4 orders.
        assert_eq!(n.price_bands.iter().map(|b| b.count).sum::<i64>(), 3);
        let band = n
            .price_bands
            .iter()
            .find(|b| b.from == 3_000)
            .expect("the ¥3,000 band");
        assert_eq!((band.to, band.count), (Some(5_000), 3));
        assert_ne!(facts(viewer).await, Default::default());
        // One of the three sees only the two others: too few, on the page and in the hints.
        let r = category::report(&m.t.app, portrait, second.id)
            .await
            .expect("report");
        assert_eq!(r.numbers, None);
        assert_eq!(facts(second.id).await.median_price, None);
        // Sold more than 90 days ago no longer counts as recent, and fewer than K is not shown.
        m.t.advance(91 * DAY);
        let n = category::report(&m.t.app, portrait, viewer)
            .await
            .expect("report")
            .numbers
            .expect("numbers");
        assert_eq!(n.recent_sellers, None);
    }
);

both_backends!(
    members_who_saw_hints_are_counted_as_withdrew_or_stayed,
    |db| async move {
        let m = market(db).await;
        let operator = operator(&m.t).await;
        let stayer = confirmed_member(&m.t, "stayer@example.jp", "残る出品者").await;
        publish_new(
            &m.t,
            &stayer,
            &listing_form("似顔絵を描きます", "似顔絵をお描きします。"),
        )
        .await;
        let leaver = confirmed_member(&m.t, "leaver@example.jp", "去る出品者").await;
        publish_new(
            &m.t,
            &leaver,
            &listing_form("名刺を作ります", "名刺をお作りします。"),
        )
        .await;

        // A member without services is shown no hints, and nothing is recorded.
        assert!(
            !withdrawal_hints::record_seen(&m.t.app, &m.buyer)
                .await
                .expect("seen")
        );
        assert_eq!(m.t.count("withdrawal_hint_views").await, 0);
        // Seeing them twice keeps one row.
        for _ in 0..2 {
            withdrawal_hints::record_seen(&m.t.app, &stayer)
                .await
                .expect("seen");
        }
        withdrawal_hints::record_seen(&m.t.app, &leaver)
            .await
            .expect("seen");
        assert_eq!(m.t.count("withdrawal_hint_views").await, 2);

        // The leaver withdraws at once; the purge counts them and erases the row.
        let closed = close_now(&m.t, &leaver, true).await;
        purge_all(&m.t, closed.withdrawal_id).await;
        let s = yorozu_app::withdrawal::stats::load(&m.t.app, &operator)
            .await
            .expect("stats");
        assert_eq!(
            (s.hints.withdrew, s.hints.stayed, s.hints.pending),
            (1, 0, 1)
        );

        // Not yet STAY_DAYS: the stayer's outcome is still open.
        m.t.advance((withdrawal_hints::STAY_DAYS - 1) * DAY);
        yorozu_app::jobs::maintenance::run(&m.t.app)
            .await
            .expect("maintenance");
        assert_eq!(m.t.count("withdrawal_hint_views").await, 1);
        // Then they count as stayed, and no id is kept.
        m.t.advance(2 * DAY);
        yorozu_app::jobs::maintenance::run(&m.t.app)
            .await
            .expect("maintenance");
        assert_eq!(m.t.count("withdrawal_hint_views").await, 0);
        let s = yorozu_app::withdrawal::stats::load(&m.t.app, &operator)
            .await
            .expect("stats");
        assert_eq!(
            (s.hints.withdrew, s.hints.stayed, s.hints.pending),
            (1, 1, 0)
        );
        assert_eq!(s.hints.settled(), 2);
        assert_eq!(s.hints.stayed_permille(), Some(500));
        // Counting again adds nothing.
        yorozu_app::jobs::maintenance::run(&m.t.app)
            .await
            .expect("maintenance");
        let again = yorozu_app::withdrawal::stats::load(&m.t.app, &operator)
            .await
            .expect("stats");
        assert_eq!(again.hints, s.hints);
    }
);
