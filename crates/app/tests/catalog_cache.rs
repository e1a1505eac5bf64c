//! The catalogue cache never serves a stale search page or service page: every change that a
//! visitor would see drops the entries that show it, on both databases.

mod support;

use yorozu_app::listings::search::{SearchParams, run};
use yorozu_app::listings::{edit, favorites, manage, vacation, view};
use yorozu_app::profile::edit::{ProfileForm, update as update_profile};
use yorozu_store::{Db, both_backends};

use support::*;

async fn titles_found(t: &TestApp, q: &str) -> Vec<String> {
    let params = SearchParams {
        q: q.into(),
        sort: "new".into(),
        ..Default::default()
    };
    run(&t.app, &params)
        .await
        .expect("search")
        .cards
        .iter()
        .map(|c| c.title.clone())
        .collect()
}

both_backends!(search_results_follow_every_change, |db: Db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
    let first = publish_new(
        &t,
        &seller,
        &listing_form("名刺デザインします", "両面の名刺を作ります。"),
    )
    .await;
    assert_eq!(titles_found(&t, "名刺").await, ["名刺デザインします"]);
    assert_eq!(
        titles_found(&t, "名刺").await,
        ["名刺デザインします"],
        "served again (from the cache)"
    );

    publish_new(
        &t,
        &seller,
        &listing_form("名刺を印刷用に整えます", "入稿データにします。"),
    )
    .await;
    assert_eq!(
        titles_found(&t, "名刺").await.len(),
        2,
        "a new service appears at once"
    );

    edit::update(
        &t.app,
        &seller,
        first,
        &listing_form("ロゴを作ります", "ロゴです。"),
    )
    .await
    .expect("edit");
    assert_eq!(
        titles_found(&t, "名刺").await,
        ["名刺を印刷用に整えます"],
        "an edit is seen at once"
    );

    let second = titles_found(&t, "名刺").await;
    assert_eq!(second.len(), 1);
    let listing = run(
        &t.app,
        &SearchParams {
            q: "名刺".into(),
            ..Default::default()
        },
    )
    .await
    .expect("search")
    .cards[0]
        .id;
    manage::apply(&t.app, &seller, listing, manage::Action::Pause)
        .await
        .expect("pause");
    assert!(
        titles_found(&t, "名刺").await.is_empty(),
        "a paused service disappears at once"
    );

    let renamed = ProfileForm {
        display_name: "新しい名前".into(),
        ..Default::default()
    };
    update_profile(&t.app, seller.id, &renamed)
        .await
        .expect("rename");
    let cards = run(
        &t.app,
        &SearchParams {
            q: "ロゴ".into(),
            ..Default::default()
        },
    )
    .await
    .expect("search");
    assert_eq!(
        cards.cards[0].seller_name, "新しい名前",
        "the seller's new name is on the cards at once"
    );
});

both_backends!(
    a_service_page_follows_changes_and_is_personal_where_it_must_be,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let fan = confirmed_member(&t, "fan@example.jp", "ファン").await;
        let id = publish_new(
            &t,
            &seller,
            &listing_form("似顔絵を描きます", "水彩風です。"),
        )
        .await;

        let page = view::load(&t.app, None, id).await.expect("visitor");
        assert_eq!((page.favorites_count, page.viewer_favorite), (0, false));
        favorites::set(&t.app, &fan, id, true)
            .await
            .expect("favourite");
        let page = view::load(&t.app, Some(&fan), id).await.expect("fan");
        assert_eq!(
            (page.favorites_count, page.viewer_favorite),
            (1, true),
            "count and mark change at once"
        );
        let page = view::load(&t.app, None, id).await.expect("visitor again");
        assert!(
            !page.viewer_favorite,
            "one viewer's mark never leaks to another"
        );

        edit::update(
            &t.app,
            &seller,
            id,
            &listing_form("似顔絵とアイコンを描きます", "水彩風です。"),
        )
        .await
        .expect("edit");
        assert_eq!(
            view::load(&t.app, None, id).await.expect("visitor").title,
            "似顔絵とアイコンを描きます"
        );

        let page = view::load(&t.app, Some(&seller), id).await.expect("seller");
        assert!(
            page.viewer_is_seller,
            "the seller gets their own page, not the visitors' copy"
        );

        vacation::set(&t.app, &seller, Some(t.app.now() + 3 * 86_400))
            .await
            .expect("vacation");
        assert!(
            !view::load(&t.app, None, id)
                .await
                .expect("visitor")
                .purchasable,
            "vacation is seen at once"
        );
        t.advance(4 * 86_400);
        assert!(
            view::load(&t.app, None, id)
                .await
                .expect("visitor")
                .purchasable,
            "and ends on time, cache or not"
        );
    }
);
