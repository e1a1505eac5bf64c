//! The catalogue cache follows the database's change log: two processes (two `App`s on one
//! database, each with its own cache) both show a price change, a pause and a seller's new
//! name within one second, and a completed order or a review of one service leaves every
//! other service's cached page in place. On PostgreSQL and on one SQLite file.

mod support;

use std::time::{Duration, Instant};

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::follows;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::{edit, view};
use yorozu_app::orders::deliver::approve;
use yorozu_app::orders::review::{ReviewInput, write as write_review};
use yorozu_app::profile::edit::{ProfileForm, update as update_profile};
use yorozu_app::safety::blocks;
use yorozu_app::{catalog, change_log_prune};
use yorozu_domain::{ListingId, UserId};
use yorozu_store::testing::TestDb;
use yorozu_store::{Db, DbConfig, both_backends};

use support::orders::*;
use support::*;

/// The promise: a change shows on every process within this.
const FRESHNESS: Duration = Duration::from_secs(1);

/// Waits until `shown` holds for the anonymous page on both processes; fails past
/// [`FRESHNESS`] after `since`.
async fn within_a_second(
    apps: [&App; 2],
    id: ListingId,
    since: Instant,
    what: &str,
    shown: impl Fn(&view::ListingView) -> bool,
) {
    for (n, app) in apps.iter().enumerate() {
        loop {
            let page = view::load(app, None, id).await.expect("page");
            if shown(&page) {
                break;
            }
            assert!(
                since.elapsed() < FRESHNESS,
                "process {n} did not show {what} within {FRESHNESS:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn two_processes(first_db: Db, second_db: Db) {
    let first = test_app(first_db);
    let second = test_app(second_db);
    let apps = [&first.app, &second.app];
    let seller = confirmed_member(&first, "seller@example.jp", "売り手").await;
    let id = publish_new(&first, &seller, &listing_form("鮮度の確認です", "説明文")).await;
    for app in apps {
        let page = view::load(app, None, id).await.expect("page");
        assert_eq!(page.price.get(), 3000);
        assert!(app.catalog.holds_listing(id), "the page is cached");
    }

    let mut form = listing_form("鮮度の確認です", "説明文");
    form.price = "4000".into();
    edit::update(&first.app, &seller, id, &form)
        .await
        .expect("edit");
    let since = Instant::now();
    within_a_second(apps, id, since, "a new price", |p| p.price.get() == 4000).await;

    let renamed = ProfileForm {
        display_name: "新しい屋号".into(),
        ..Default::default()
    };
    update_profile(&first.app, seller.id, &renamed)
        .await
        .expect("rename");
    let since = Instant::now();
    within_a_second(apps, id, since, "the seller's new name", |p| {
        p.seller.display_name == "新しい屋号"
    })
    .await;

    manage::apply(&first.app, &seller, id, Action::Pause)
        .await
        .expect("pause");
    let since = Instant::now();
    within_a_second(apps, id, since, "a pause", |p| p.paused_notice).await;

    // The 「フォロー中」 mark each process keeps for a member follows their follow and unfollow.
    let fan = confirmed_member(&first, "fan@example.jp", "ファン").await;
    for app in apps {
        assert!(!following(app, &fan, seller.id).await);
        assert_eq!(
            app.catalog.follow_mark(fan.id, seller.id),
            Some(false),
            "cached"
        );
    }
    for on in [true, false] {
        follows::set(&first.app, &fan, seller.id, on)
            .await
            .expect("follow or unfollow");
        let since = Instant::now();
        for (n, app) in apps.iter().enumerate() {
            while following(app, &fan, seller.id).await != on {
                assert!(
                    since.elapsed() < FRESHNESS,
                    "process {n} did not show following = {on} within {FRESHNESS:?}"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
}

async fn following(app: &App, member: &CurrentUser, seller: UserId) -> bool {
    let seen = catalog::sync(app).await.expect("sync");
    follows::is_following(app, seen, member, seller)
        .await
        .expect("is following")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_database_show_changes_within_a_second() {
    let Some(database) = TestDb::postgres_if_set().await else {
        return;
    };
    let other_pool = database.another_pool().await;
    two_processes(database.db.clone(), other_pool).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_sqlite_file_show_changes_within_a_second() {
    let database = TestDb::sqlite().await;
    let dir = database.sqlite_dir().expect("sqlite dir");
    let other_pool = Db::connect(&DbConfig {
        url: format!("sqlite://{}", dir.join("test.db").display()),
        max_connections: 4,
        pg_schema: None,
    })
    .await
    .expect("second pool");
    two_processes(database.db.clone(), other_pool).await;
}

both_backends!(
    an_order_and_a_review_of_one_service_keep_the_others_cached,
    |db: Db| async move {
        let m = market(db).await;
        let app = &m.t.app;
        let other_seller = confirmed_member(&m.t, "other@example.jp", "別の売り手").await;
        let other = publish_new(&m.t, &other_seller, &listing_form("翻訳します", "英日")).await;
        let warm = || async {
            for id in [m.listing, other] {
                view::load(app, None, id).await.expect("page");
            }
            assert!(app.catalog.holds_listing(m.listing) && app.catalog.holds_listing(other));
        };

        warm().await;
        let order = buy(&m, "a").await;
        deliver(&m, order).await;
        approve(app, &m.buyer, order).await.expect("approve");
        catalog::sync(app).await.expect("sync");
        assert!(
            !app.catalog.holds_listing(m.listing),
            "the sold service's page is dropped (its sales count moved)"
        );
        assert!(
            app.catalog.holds_listing(other),
            "another seller's service keeps its cached page"
        );

        warm().await;
        let review = ReviewInput {
            rating: "5".into(),
            comment: "丁寧でした。".into(),
            anonymous: false,
        };
        write_review(app, &m.buyer, order, &review)
            .await
            .expect("review");
        catalog::sync(app).await.expect("sync");
        assert!(
            !app.catalog.holds_listing(m.listing),
            "the rated service's page is dropped"
        );
        assert!(app.catalog.holds_listing(other), "the other one stays");
        let page = view::load(app, None, m.listing).await.expect("page");
        assert_eq!((page.rating_count, page.sales_count), (1, 1));
    }
);

both_backends!(
    a_process_idle_past_the_pruned_log_forgets_its_cached_pages,
    |db: Db| async move {
        let first = test_app(db.clone());
        let idle = test_app(db);
        let seller = confirmed_member(&first, "seller@example.jp", "売り手").await;
        let other = confirmed_member(&first, "other@example.jp", "別の会員").await;
        let id = publish_new(&first, &seller, &listing_form("鮮度の確認です", "説明文")).await;
        let page = view::load(&idle.app, None, id).await.expect("page");
        assert_eq!(page.price.get(), 3000);
        assert!(idle.app.catalog.holds_listing(id));

        // While `idle` serves nothing, the price changes, then another member's name; the
        // log is pruned down to that last change, which says nothing of the service.
        let mut form = listing_form("鮮度の確認です", "説明文");
        form.price = "4000".into();
        edit::update(&first.app, &seller, id, &form)
            .await
            .expect("edit");
        let renamed = ProfileForm {
            display_name: "改名しました".into(),
            ..Default::default()
        };
        update_profile(&first.app, other.id, &renamed)
            .await
            .expect("rename");
        change_log_prune::prune(&first.app).await.expect("note");
        first.advance(change_log_prune::KEEP_FOR);
        change_log_prune::prune(&first.app).await.expect("prune");
        assert_eq!(first.count("catalog_changes").await, 1, "the newest stays");

        let page = view::load(&idle.app, None, id).await.expect("page");
        assert_eq!(page.price.get(), 4000, "the pruned change is not missed");
    }
);

/// Waits until `viewer`'s hidden members on `app` are `expected`; fails past [`FRESHNESS`].
async fn hidden_within_a_second(
    app: &App,
    viewer: &yorozu_app::accounts::CurrentUser,
    expected: &[yorozu_domain::UserId],
    what: &str,
) {
    let since = Instant::now();
    loop {
        let hidden = blocks::hidden_from(app, Some(viewer))
            .await
            .expect("hidden");
        if hidden.as_slice() == expected {
            return;
        }
        assert!(
            since.elapsed() < FRESHNESS,
            "{what}: still {hidden:?} after {FRESHNESS:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

both_backends!(
    a_block_on_one_process_hides_both_members_on_the_other,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let other = test_app(db);
        // Both processes hold both members' (empty) lists before the block.
        for app in [&m.t.app, &other.app] {
            for viewer in [&m.buyer, &m.seller] {
                assert!(
                    blocks::hidden_from(app, Some(viewer))
                        .await
                        .expect("hidden")
                        .is_empty()
                );
            }
        }

        blocks::block(&m.t.app, &m.buyer, m.seller.id)
            .await
            .expect("block");
        for app in [&m.t.app, &other.app] {
            hidden_within_a_second(app, &m.buyer, &[m.seller.id], "the blocker's list").await;
            hidden_within_a_second(app, &m.seller, &[m.buyer.id], "the blocked member's list")
                .await;
        }

        blocks::unblock(&other.app, &m.buyer, m.seller.id)
            .await
            .expect("unblock");
        for app in [&m.t.app, &other.app] {
            hidden_within_a_second(app, &m.buyer, &[], "lifted for the blocker").await;
            hidden_within_a_second(app, &m.seller, &[], "lifted for the other").await;
        }
    }
);
