//! Pruning the search change log, on both databases: housekeeping deletes the changes noted
//! long enough ago (never the newest), and a process that had stopped applying before them
//! (its last applied id below the oldest row left) rebuilds its index and finds what the
//! database holds, while a process that kept up goes on applying.

mod support;

use yorozu_app::App;
use yorozu_app::change_log_prune;
use yorozu_app::jobs::maintenance;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::search::SearchParams;
use yorozu_app::search_sync;
use yorozu_domain::ListingId;
use yorozu_store::{Db, both_backends};

use support::*;

/// The ids this process's index finds for `q`, after applying what it has not seen.
async fn found(app: &App, q: &str) -> Vec<ListingId> {
    search_sync::catch_up(app).await.expect("catch up");
    let query = SearchParams {
        q: q.into(),
        sort: "new".into(),
        ..Default::default()
    }
    .query();
    app.search.index().search(&query).expect("search").ids
}

both_backends!(
    a_process_behind_the_pruned_log_rebuilds_and_finds_the_right_services,
    |db: Db| async move {
        let first = test_app(db.clone());
        let behind = test_app(db);
        let seller = confirmed_member(&first, "seller@example.jp", "売り手").await;
        let old = publish_new(&first, &seller, &listing_form("古い名刺のご案内", "説明文")).await;
        assert_eq!(found(&first.app, "名刺").await, [old]);
        assert_eq!(found(&behind.app, "名刺").await, [old]);

        // `behind` stops applying; the service is paused and another published meanwhile.
        manage::apply(&first.app, &seller, old, Action::Pause)
            .await
            .expect("pause");
        first.advance(60);
        let new = publish_new(&first, &seller, &listing_form("新しい名刺の作成", "説明文")).await;
        assert_eq!(found(&first.app, "名刺").await, [new]);
        let logged = first.count("search_changes").await;
        assert!(logged > 2, "{logged}");

        // Housekeeping notes the log's head, and deletes through it once that is old enough.
        maintenance::run(&first.app).await.expect("maintenance");
        assert_eq!(first.count("search_changes").await, logged, "too recent");
        first.advance(change_log_prune::KEEP_FOR);
        maintenance::run(&first.app).await.expect("maintenance");
        assert_eq!(
            first.count("search_changes").await,
            1,
            "the newest row stays, so a process behind can tell"
        );

        // The process behind rebuilds from the listings; the one that kept up is current.
        assert_eq!(found(&behind.app, "名刺").await, [new]);
        assert_eq!(found(&first.app, "名刺").await, [new]);

        // The log goes on after pruning: a change reaches both.
        manage::apply(&first.app, &seller, old, Action::Resume)
            .await
            .expect("resume");
        for app in [&first.app, &behind.app] {
            assert_eq!(found(app, "名刺").await, [new, old]);
        }
    }
);
