//! Seller analytics (アクセス解析) on both databases with an injected clock: counts kept in
//! memory add up across two processes when written; robots and the seller's own visits are
//! not counted; the reports fill every day of 7/30/90-day windows (zeros included) with
//! impressions, views, favourites, orders and conversion; only a referrer's host is stored;
//! search words are counted with impressions; the purge erases a withdrawn seller's counts;
//! the data export carries them.

mod support;

use std::sync::Arc;

use yorozu_app::App;
use yorozu_app::analytics::report::{self, Figures};
use yorozu_app::analytics::{Counter, Visitor, flush, record_view};
use yorozu_app::listings::search::{SearchParams, count_impressions, run};
use yorozu_domain::analytics::{Source, day_start};
use yorozu_domain::{ListingId, UserId};
use yorozu_store::analytics::{StoredCount, of_seller};
use yorozu_store::testing::TestDb;
use yorozu_store::{Db, DbConfig, both_backends};

use support::orders::*;
use support::withdrawal::{close_now, purge_all};
use support::*;

const BROWSER: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

fn visitor(member: Option<UserId>) -> Visitor<'static> {
    Visitor {
        user_agent: BROWSER,
        member,
    }
}

fn view(app: &App, listing: ListingId, seller: UserId, source: &Source) {
    record_view(app, listing, Some(seller), &visitor(None), source);
}

async fn stored(db: &Db, seller: UserId) -> Vec<StoredCount> {
    let mut c = db.read().await.expect("read");
    of_seller(&mut c, seller).await.expect("stored counts")
}

fn sum(rows: &[StoredCount], kind: &str, value: &str) -> i64 {
    rows.iter()
        .filter(|r| r.kind == kind && r.value == value)
        .map(|r| r.n)
        .sum()
}

/// A second process over the same database: its own pool and its own counts in memory.
fn second_process(first: &App, db: Db) -> App {
    App {
        db,
        analytics: Arc::new(Counter::default()),
        ..first.clone()
    }
}

/// Two processes count views of one service at the same time and write them in turns and
/// at once: every count arrives, none overwrites another.
async fn processes_add_up(first: TestApp, other_db: Db) {
    let seller = confirmed_member(&first, "seller@example.jp", "売り手").await;
    let listing = publish_new(
        &first,
        &seller,
        &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
    )
    .await;
    let second = second_process(&first.app, other_db);
    let mut tasks = Vec::new();
    for round in 0..3 {
        for (i, app) in [first.app.clone(), second.clone()].into_iter().enumerate() {
            tasks.push(tokio::spawn(async move {
                for _ in 0..(10 + i) {
                    view(&app, listing, seller.id, &Source::Search);
                }
                flush(&app).await.expect("flush");
                round
            }));
        }
    }
    for t in tasks {
        t.await.expect("task");
    }
    // Anything still in memory (a flush raced another's counts) goes now.
    flush(&first.app).await.expect("flush");
    flush(&second).await.expect("flush");
    let rows = stored(&first.app.db, seller.id).await;
    assert_eq!(sum(&rows, "view", ""), 3 * (10 + 11));
    assert_eq!(sum(&rows, "source", "search"), 3 * (10 + 11));
    // One row per key however many writes: the upsert added.
    assert_eq!(rows.iter().filter(|r| r.kind == "view").count(), 1);
    assert_eq!(first.app.analytics.pending(), 0);
    assert_eq!(second.analytics.pending(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_add_up_on_one_sqlite_file() {
    let database = TestDb::sqlite().await;
    let dir = database.sqlite_dir().expect("sqlite folder").to_path_buf();
    let other = Db::connect(&DbConfig {
        url: format!("sqlite://{}", dir.join("test.db").display()),
        max_connections: 4,
        pg_schema: None,
    })
    .await
    .expect("second pool on the same file");
    processes_add_up(test_app(database.db.clone()), other).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_add_up_on_one_postgres() {
    let Some(database) = TestDb::postgres_if_set().await else {
        return;
    };
    let other = database.another_pool().await;
    processes_add_up(test_app(database.db.clone()), other).await;
}

both_backends!(
    bots_and_the_sellers_own_visits_are_not_counted,
    |db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let buyer = confirmed_member(&t, "buyer@example.jp", "買い手").await;
        let listing = publish_new(
            &t,
            &seller,
            &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
        )
        .await;
        let app = &t.app;
        for ua in [
            "",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "curl/8.5.0",
        ] {
            let robot = Visitor {
                user_agent: ua,
                member: None,
            };
            record_view(app, listing, Some(seller.id), &robot, &Source::Direct);
            count_impressions(
                app,
                &SearchParams {
                    q: "ロゴ".into(),
                    ..Default::default()
                },
                &run(
                    app,
                    &SearchParams {
                        q: "ロゴ".into(),
                        ..Default::default()
                    },
                )
                .await
                .expect("search"),
                &robot,
            );
        }
        // The seller on their own page and in their own search.
        record_view(
            app,
            listing,
            Some(seller.id),
            &visitor(Some(seller.id)),
            &Source::Direct,
        );
        let params = SearchParams {
            q: "ロゴ".into(),
            ..Default::default()
        };
        let results = run(app, &params).await.expect("search");
        assert_eq!(results.cards.len(), 1);
        count_impressions(app, &params, &results, &visitor(Some(seller.id)));
        flush(app).await.expect("flush");
        assert!(stored(&app.db, seller.id).await.is_empty());

        // A member who is not the seller, and an anonymous person, count.
        record_view(
            app,
            listing,
            Some(seller.id),
            &visitor(Some(buyer.id)),
            &Source::Direct,
        );
        record_view(app, listing, None, &visitor(None), &Source::Direct);
        count_impressions(app, &params, &results, &visitor(Some(buyer.id)));
        flush(app).await.expect("flush");
        let rows = stored(&app.db, seller.id).await;
        assert_eq!(sum(&rows, "view", ""), 2);
        assert_eq!(sum(&rows, "impression", ""), 1);

        // Switched off, nothing is counted.
        app.analytics.set_enabled(false);
        record_view(app, listing, None, &visitor(None), &Source::Direct);
        assert_eq!(app.analytics.pending(), 0);
    }
);

both_backends!(reports_fill_every_day_of_the_window, |db| async move {
    let m = market(db).await;
    let t = &m.t;
    let app = &t.app;
    // Counts 100, 20 and 0 days ago, 3 days ago, and today.
    t.advance(-100 * DAY);
    view(app, m.listing, m.seller.id, &Source::Direct);
    flush(app).await.expect("flush");
    t.advance(80 * DAY);
    for _ in 0..4 {
        view(app, m.listing, m.seller.id, &Source::Search);
    }
    flush(app).await.expect("flush");
    t.advance(17 * DAY);
    for _ in 0..2 {
        view(app, m.listing, m.seller.id, &Source::Category);
    }
    flush(app).await.expect("flush");
    t.advance(3 * DAY);
    for _ in 0..4 {
        view(app, m.listing, m.seller.id, &Source::Profile);
    }
    yorozu_app::listings::favorites::set(app, &m.buyer, m.listing, true)
        .await
        .expect("favourite");
    buy(&m, "analytics-1").await;
    flush(app).await.expect("flush");

    let today = day_start(app.now());
    for (days, views) in [(7, 6), (30, 10), (90, 10)] {
        let r = report::for_service(app, &m.seller, m.listing, days)
            .await
            .expect("report");
        assert_eq!(r.report.days, days);
        assert_eq!(r.report.series.len() as i64, days, "{days} days");
        // Oldest first, one per day, ending today.
        assert_eq!(r.report.series.last().expect("today").start, today);
        assert!(
            r.report
                .series
                .windows(2)
                .all(|w| w[1].start - w[0].start == DAY)
        );
        assert_eq!(r.report.totals.views, views, "{days} days");
        assert_eq!(r.report.totals.orders, 1);
        assert_eq!(r.report.totals.favorites, 1);
        // Days without counts are zeros, not gaps.
        let zero_days = r
            .report
            .series
            .iter()
            .filter(|d| d.figures == Figures::default())
            .count() as i64;
        let busy_days = if days == 7 { 2 } else { 3 };
        assert_eq!(zero_days, days - busy_days, "{days} days");
    }
    let r = report::for_service(app, &m.seller, m.listing, 7)
        .await
        .expect("report");
    let last = r.report.series.last().expect("today").figures;
    assert_eq!(
        last,
        Figures {
            impressions: 0,
            views: 4,
            favorites: 1,
            orders: 1,
        }
    );
    // One order in six views: 16.7%.
    assert_eq!(r.report.totals.conversion_permille(), Some(167));
    assert_eq!(Figures::default().conversion_permille(), None);
    let source = |key: &str| {
        r.report
            .sources
            .iter()
            .find(|s| s.value == key)
            .map(|s| s.count)
    };
    assert_eq!(source("profile"), Some(4));
    assert_eq!(source("category"), Some(2));
    assert_eq!(source("search"), Some(0), "4 search views were 20 days ago");
    assert_eq!(r.report.sources.len(), Source::KEYS.len());

    // The seller's overview: the same numbers, and the service on its own line.
    let all = report::for_seller(app, &m.seller, 30)
        .await
        .expect("overview");
    assert_eq!(all.report.totals.views, 10);
    assert_eq!(all.services.len(), 1);
    assert_eq!(all.services[0].listing_id, m.listing);
    assert_eq!(all.services[0].figures.views, 10);
    assert_eq!(all.services[0].figures.orders, 1);
    // An unknown window is 30 days.
    let odd = report::for_seller(app, &m.seller, 31)
        .await
        .expect("overview");
    assert_eq!(odd.report.days, 30);

    // Another member cannot read the service's report.
    let other = report::for_service(app, &m.buyer, m.listing, 7).await;
    assert!(matches!(other, Err(yorozu_app::AppError::NotFound)));
});

both_backends!(only_the_referrers_host_is_kept, |db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
    let listing = publish_new(
        &t,
        &seller,
        &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
    )
    .await;
    let app = &t.app;
    let outside = Source::classify(
        None,
        None,
        Some("https://Blog.Example.com:8443/2026/my-post?user=taro%40example.jp#c1"),
        "http://yorozu.test",
    );
    view(app, listing, seller.id, &outside);
    let tagged = Source::classify(Some("search"), Some("x"), None, "http://yorozu.test");
    view(app, listing, seller.id, &tagged);
    let own = Source::classify(
        None,
        None,
        Some("http://yorozu.test/favorites"),
        "http://yorozu.test",
    );
    view(app, listing, seller.id, &own);
    flush(app).await.expect("flush");
    let rows = stored(&app.db, seller.id).await;
    assert_eq!(sum(&rows, "host", "blog.example.com"), 1);
    assert_eq!(sum(&rows, "source", "outside"), 1);
    assert_eq!(sum(&rows, "tag", "x"), 1);
    assert_eq!(sum(&rows, "source", "tag"), 1);
    assert_eq!(sum(&rows, "source", "site"), 1);
    for r in &rows {
        for leak in ["2026", "my-post", "taro", "8443", "https"] {
            assert!(!r.value.contains(leak), "{r:?} keeps {leak}");
        }
    }
    let r = report::for_service(app, &seller, listing, 7)
        .await
        .expect("report");
    assert_eq!(r.report.hosts.len(), 1);
    assert_eq!(r.report.hosts[0].value, "blog.example.com");
    assert_eq!(r.report.tags[0].value, "x");
});

both_backends!(search_words_come_with_impressions, |db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
    let buyer = confirmed_member(&t, "buyer@example.jp", "買い手").await;
    let logo = publish_new(
        &t,
        &seller,
        &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
    )
    .await;
    let card = publish_new(
        &t,
        &seller,
        &listing_form("名刺をデザインします", "名刺のデザインをお作りします。"),
    )
    .await;
    let app = &t.app;
    for (q, times) in [("ロゴ", 3), ("ロゴ 作成", 1), ("名刺", 2)] {
        let params = SearchParams {
            q: q.into(),
            ..Default::default()
        };
        for _ in 0..times {
            // The second time the page comes from the results cache: it counts the same.
            let results = run(app, &params).await.expect("search");
            count_impressions(app, &params, &results, &visitor(Some(buyer.id)));
        }
    }
    flush(app).await.expect("flush");
    let r = report::for_service(app, &seller, logo, 30)
        .await
        .expect("report");
    assert_eq!(r.report.totals.impressions, 4);
    let words: Vec<(&str, i64)> = r
        .report
        .words
        .iter()
        .map(|w| (w.value.as_str(), w.count))
        .collect();
    assert_eq!(words, vec![("ロゴ", 4), ("作成", 1)]);
    let r = report::for_service(app, &seller, card, 30)
        .await
        .expect("report");
    assert_eq!(r.report.totals.impressions, 2);
    assert_eq!(r.report.words[0].value, "名刺");
    let all = report::for_seller(app, &seller, 7).await.expect("overview");
    assert_eq!(all.report.totals.impressions, 6);
});

both_backends!(
    the_purge_erases_a_withdrawn_sellers_analytics,
    |db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let other = confirmed_member(&t, "other@example.jp", "別の売り手").await;
        let form = listing_form("ロゴを作成します", "シンプルなロゴをお作りします。");
        let listing = publish_new(&t, &seller, &form).await;
        let kept = publish_new(&t, &other, &form).await;
        let app = &t.app;
        let outside = Source::Outside("blog.example.com".into());
        view(app, listing, seller.id, &outside);
        view(app, kept, other.id, &outside);
        flush(app).await.expect("flush");
        assert_eq!(
            count_for_listing(&app.db, "listing_analytics", listing).await,
            3
        );

        let closed = close_now(&t, &seller, true).await;
        purge_all(&t, closed.withdrawal_id).await;
        assert_eq!(
            count_for_listing(&app.db, "listing_analytics", listing).await,
            0
        );
        // Another seller's counts stay.
        assert_eq!(
            count_for_listing(&app.db, "listing_analytics", kept).await,
            3
        );
        // A count still in memory for the purged service is dropped when written.
        view(app, listing, seller.id, &outside);
        flush(app).await.expect("flush");
        assert_eq!(
            count_for_listing(&app.db, "listing_analytics", listing).await,
            0
        );
        assert_eq!(app.analytics.pending(), 0);
    }
);

both_backends!(
    orders_count_when_paid_and_not_once_cancelled,
    |db| async move {
        let m = market(db).await;
        let app = &m.t.app;
        view(app, m.listing, m.seller.id, &Source::Direct);
        flush(app).await.expect("flush");
        // Paid by card: a purchase.
        buy(&m, "paid").await;
        // Ordered on the deferred path and never paid: no purchase yet.
        let mut deferred = purchase(&m, "deferred");
        deferred.payment = yorozu_app::orders::place::Payment::Deferred;
        yorozu_app::orders::place::place(app, &m.buyer, &deferred)
            .await
            .expect("deferred order");
        // Paid, then cancelled by agreement: refunded, no purchase.
        let cancelled = buy(&m, "cancelled").await;
        yorozu_app::orders::cancel::request(app, &m.seller, cancelled, "体調不良のため")
            .await
            .expect("cancel request");
        yorozu_app::orders::cancel::answer(
            app,
            &m.buyer,
            cancelled,
            yorozu_app::orders::cancel::Answer::Agree,
            "",
        )
        .await
        .expect("agree");
        let r = report::for_service(app, &m.seller, m.listing, 7)
            .await
            .expect("report");
        assert_eq!(r.report.totals.orders, 1);
        assert_eq!(r.report.totals.conversion_permille(), Some(1000));
        let all = report::for_seller(app, &m.seller, 7)
            .await
            .expect("overview");
        assert_eq!(all.services[0].figures.orders, 1);
    }
);

both_backends!(
    a_days_distinct_words_are_capped_and_the_rest_is_other,
    |db| async move {
        use yorozu_app::analytics::record_impressions;
        use yorozu_domain::analytics::{MAX_VALUES_PER_DAY, OTHER};
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
        let listing = publish_new(
            &t,
            &seller,
            &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
        )
        .await;
        let app = &t.app;
        let distinct = MAX_VALUES_PER_DAY + 10;
        // Random-looking searches that all showed the service, one word each.
        for i in 0..distinct {
            record_impressions(
                app,
                &[(listing, seller.id)],
                &[format!("word{i:03}")],
                &visitor(None),
            );
        }
        flush(app).await.expect("flush");
        // A word already kept still counts on its own the next time; a new one is other.
        record_impressions(
            app,
            &[(listing, seller.id)],
            &["word000".to_owned(), "brand-new".to_owned()],
            &visitor(None),
        );
        flush(app).await.expect("flush");
        let rows = stored(&app.db, seller.id).await;
        let words: Vec<&StoredCount> = rows.iter().filter(|r| r.kind == "word").collect();
        assert_eq!(words.len() as i64, MAX_VALUES_PER_DAY + 1, "{words:?}");
        assert_eq!(words.iter().map(|r| r.n).sum::<i64>(), distinct + 2);
        assert_eq!(sum(&rows, "word", "word000"), 2);
        assert_eq!(sum(&rows, "word", "brand-new"), 0);
        assert_eq!(sum(&rows, "word", OTHER), 11);
        assert_eq!(sum(&rows, "impression", ""), distinct + 1);
        let r = report::for_service(app, &seller, listing, 7)
            .await
            .expect("report");
        assert!(
            r.report
                .words
                .iter()
                .any(|w| w.value == OTHER && w.count == 11)
        );
    }
);

/// PostgreSQL: a flush that began while a purge was erasing the service (the purge marked it
/// deleted and erased its counts, not yet committed) writes nothing once the purge commits.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flush_racing_the_purge_leaves_no_count_on_postgres() {
    let Some(database) = TestDb::postgres_if_set().await else {
        return;
    };
    let t = test_app(database.db.clone());
    let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
    let listing = publish_new(
        &t,
        &seller,
        &listing_form("ロゴを作成します", "シンプルなロゴをお作りします。"),
    )
    .await;
    let app = t.app.clone();
    view(
        &app,
        listing,
        seller.id,
        &Source::Outside("blog.example.com".into()),
    );

    let purge_db = database.another_pool().await;
    let mut purge = purge_db
        .begin_background()
        .await
        .expect("purge transaction");
    yorozu_store::withdrawal::purge::erase_listings(&mut purge, &[listing], app.now())
        .await
        .expect("erase the service");
    yorozu_store::analytics::erase_listings(&mut purge, &[listing])
        .await
        .expect("erase its counts");
    let flushing = tokio::spawn({
        let app = app.clone();
        async move { flush(&app).await }
    });
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    purge.commit().await.expect("purge commits");
    flushing.await.expect("task").expect("flush");
    assert_eq!(
        count_for_listing(&app.db, "listing_analytics", listing).await,
        0
    );
    assert_eq!(app.analytics.pending(), 0);
}
