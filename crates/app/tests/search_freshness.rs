//! The search index is per process and kept current from the database's change log: two
//! processes (two `App`s with their own index folders on one database) each find a service
//! published, edited or paused on the other within one second, by their background
//! follower alone (no search on them triggers a catch-up here). The same holds for a request
//! posted on the board (公開依頼) and closed. On one PostgreSQL database and on one SQLite
//! file.

mod support;

use std::time::{Duration, Instant};
use yorozu_domain::{ListingId, RequestId};

use yorozu_app::App;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::{edit, search::SearchParams};
use yorozu_app::search_sync;
use yorozu_store::testing::TestDb;
use yorozu_store::{Db, DbConfig};

use support::*;

/// The promise: a change shows on every process within this.
const FRESHNESS: Duration = Duration::from_secs(1);

/// How often the followers poll (what `yorozu serve` uses).
const POLL: Duration = Duration::from_millis(250);

/// The ids this process's index finds for `q`, without catching up first.
fn indexed(app: &App, q: &str) -> Vec<ListingId> {
    let query = SearchParams {
        q: q.into(),
        ..Default::default()
    }
    .query();
    app.search.index().search(&query).expect("search").ids
}

/// The board's requests this process's index finds for `q`, without catching up first.
fn indexed_requests(app: &App, q: &str) -> Vec<RequestId> {
    let query = yorozu_app::ports::RequestIndexQuery {
        phrases: yorozu_domain::search::SearchQuery::parse(q).term_phrases(),
        category: None,
        budget_at_least: None,
        budget_at_most: None,
        open_at: app.now(),
        before: None,
        limit: 10,
    };
    app.search.index().search_requests(&query).expect("board")
}

/// Waits until `found` holds on both processes; fails past [`FRESHNESS`] after `since`.
async fn within_a_second(
    apps: [&App; 2],
    since: Instant,
    what: &str,
    found: impl Fn(&App) -> bool,
) {
    for (n, app) in apps.iter().enumerate() {
        while !found(app) {
            assert!(
                since.elapsed() < FRESHNESS,
                "process {n} did not see {what} within {FRESHNESS:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn two_processes(first_db: Db, second_db: Db) {
    let first = test_app(first_db);
    let second = test_app(second_db);
    for t in [&first, &second] {
        search_sync::catch_up(&t.app).await.expect("initial build");
        tokio::spawn(search_sync::follow(t.app.clone(), POLL));
    }
    let apps = [&first.app, &second.app];
    let seller = confirmed_member(&first, "seller@example.jp", "売り手").await;

    let id = publish_new(&first, &seller, &listing_form("鮮度の確認です", "説明文")).await;
    let since = Instant::now();
    within_a_second(apps, since, "a new service", |app| {
        indexed(app, "鮮度") == [id]
    })
    .await;

    let mut form = listing_form("新鮮な書き直し", "説明文");
    form.price = "4000".into();
    edit::update(&first.app, &seller, id, &form)
        .await
        .expect("edit");
    let since = Instant::now();
    within_a_second(apps, since, "an edit", |app| {
        indexed(app, "書き直し") == [id] && indexed(app, "鮮度").is_empty()
    })
    .await;

    manage::apply(&first.app, &seller, id, Action::Pause)
        .await
        .expect("pause");
    let since = Instant::now();
    within_a_second(apps, since, "a pause", |app| {
        indexed(app, "書き直し").is_empty()
    })
    .await;

    let buyer = confirmed_member(&first, "buyer@example.jp", "買い手").await;
    let form = yorozu_app::requests::form::RequestForm {
        category_id: "301".into(),
        title: "鮮度を確かめる依頼".into(),
        description: "ロゴを作ってください。".into(),
        budget_min: "10000".into(),
        budget_max: "30000".into(),
        ..Default::default()
    };
    let request = yorozu_app::requests::post::post(&second.app, &buyer, &form, vec![])
        .await
        .expect("request");
    let since = Instant::now();
    within_a_second(apps, since, "a new request", |app| {
        indexed_requests(app, "確かめる") == [request]
    })
    .await;

    yorozu_app::requests::close::close(&second.app, &buyer, request)
        .await
        .expect("close");
    let since = Instant::now();
    within_a_second(apps, since, "a closed request", |app| {
        indexed_requests(app, "確かめる").is_empty()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_database_see_changes_within_a_second() {
    let Some(database) = TestDb::postgres_if_set().await else {
        return;
    };
    let other_pool = database.another_pool().await;
    two_processes(database.db.clone(), other_pool).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_sqlite_file_see_changes_within_a_second() {
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
