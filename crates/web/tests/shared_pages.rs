//! The anonymous service page and home page come from HTML rendered once and shared by every
//! anonymous visitor: nothing of a signed-in member (their favourite mark, their menu) and
//! nothing of another visitor (their form token) is ever in it, each language has its own,
//! and a change (a new favourite count) shows at once.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::listings::favorites;
use yorozu_store::both_backends;

const OTHER_NONCE: &str = "another-visitors-nonce-0123456789abcdefghij";

both_backends!(
    the_shared_page_never_carries_one_visitors_parts_to_another,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let fan = member(app, "fan@example.jp", "ファンの花子").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let path = format!("/services/{id}");

        let mut first = Browser::new(&s);
        let page = first.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "似顔絵を描きます",
            "お気に入りに追加",
            &format!(r#"<meta name="csrf-token" content="{}">"#, first.csrf()),
        ]);
        assert!(
            app.catalog.holds_page(&format!("ja:{path}")),
            "rendered once, kept"
        );

        favorites::set(app, &fan, id, true)
            .await
            .expect("favourite");
        let mut signed_in = Browser::signed_in(&s, fan.id).await;
        let page = signed_in.get(&path).await;
        page.assert_contains(&[
            "お気に入りから外す",
            "ログアウト",
            "1人がお気に入りに追加しています",
            &format!(r#"href="/users/{}""#, fan.id),
        ]);

        let mut other = Browser::new(&s).with_nonce(OTHER_NONCE);
        for _ in 0..2 {
            let page = other.get(&path).await;
            assert_eq!(page.status, StatusCode::OK);
            page.assert_contains(&[
                "お気に入りに追加",
                "ログイン",
                "1人がお気に入りに追加しています",
                &format!(r#"<meta name="csrf-token" content="{}">"#, other.csrf()),
            ]);
            page.assert_lacks(&[
                "お気に入りから外す",
                "ログアウト",
                &format!(r#"href="/users/{}""#, fan.id),
                &first.csrf(),
                &signed_in.csrf(),
            ]);
        }
        assert_ne!(first.csrf(), other.csrf());

        let mut english = Browser::new(&s).english();
        let page = english.get(&path).await;
        page.assert_contains(&["Add to favourites", "Sign in"]);
        page.assert_lacks(&["お気に入りに追加", "ログイン"]);
        assert!(app.catalog.holds_page(&format!("en:{path}")));
        first
            .get(&path)
            .await
            .assert_contains(&["お気に入りに追加"]);
    }
);

both_backends!(
    the_shared_home_page_is_anonymous_and_follows_new_services,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        publish(app, &seller, "似顔絵を描きます").await;

        let mut visitor = Browser::new(&s);
        let page = visitor.get("/").await;
        page.assert_contains(&["似顔絵を描きます", "ログイン"]);
        assert!(app.catalog.holds_page("ja:/"));

        let mut signed_in = Browser::signed_in(&s, seller.id).await;
        signed_in.get("/").await.assert_contains(&["ログアウト"]);

        publish(app, &seller, "ロゴを作ります").await;
        let mut other = Browser::new(&s).with_nonce(OTHER_NONCE);
        let page = other.get("/").await;
        page.assert_contains(&[
            "似顔絵を描きます",
            "ロゴを作ります",
            "ログイン",
            &other.csrf(),
        ]);
        page.assert_lacks(&["ログアウト", &visitor.csrf(), &signed_in.csrf()]);
    }
);

both_backends!(
    members_share_a_page_but_each_gets_their_own_menu_token_and_favourite_mark,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let fan = member(app, "fan@example.jp", "ファンの花子").await;
        let other = member(app, "other@example.jp", "通りがかりの太郎").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let path = format!("/services/{id}");
        favorites::set(app, &fan, id, true)
            .await
            .expect("favourite");

        let mut fan_browser = Browser::signed_in(&s, fan.id).await;
        let mut other_browser = Browser::signed_in(&s, other.id).await;
        for _ in 0..2 {
            let page = fan_browser.get(&path).await;
            assert_eq!(page.status, StatusCode::OK);
            page.assert_contains(&[
                "お気に入りから外す",
                "ログアウト",
                &format!(r#"href="/users/{}""#, fan.id),
                &format!(
                    r#"<meta name="csrf-token" content="{}">"#,
                    fan_browser.csrf()
                ),
            ]);
            page.assert_lacks(&[&format!(r#"href="/users/{}""#, other.id)]);

            let page = other_browser.get(&path).await;
            page.assert_contains(&[
                "お気に入りに追加",
                "ログアウト",
                &format!(r#"href="/users/{}""#, other.id),
                &format!(
                    r#"<meta name="csrf-token" content="{}">"#,
                    other_browser.csrf()
                ),
            ]);
            page.assert_lacks(&[
                "お気に入りから外す",
                &format!(r#"href="/users/{}""#, fan.id),
                &fan_browser.csrf(),
            ]);
        }
        let signed_in_keys = |favorite: &str| format!("ja:{path}:member:0100:{favorite}");
        assert!(
            app.catalog.holds_page(&signed_in_keys("favorite"))
                && app.catalog.holds_page(&signed_in_keys("-")),
            "one page per favourite mark, shared by the members who see it alike"
        );

        // Taking the favourite back shows at once, on the shared page too.
        fan_browser
            .post(&format!("/services/{id}/favorite"), &[("favorite", "0")])
            .await;
        let page = fan_browser.get(&path).await;
        page.assert_contains(&["お気に入りに追加", &format!(r#"href="/users/{}""#, fan.id)]);
        page.assert_lacks(&["お気に入りから外す", "1人がお気に入りに追加しています"]);

        // The seller sees their own page, never the shared one.
        let mut seller_browser = Browser::signed_in(&s, seller.id).await;
        let page = seller_browser.get(&path).await;
        page.assert_lacks(&["お気に入りに追加", "お気に入りから外す"]);
    }
);

both_backends!(
    a_member_who_blocks_a_reviewer_never_gets_or_gives_the_shared_page,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let reviewer = member(app, "reviewer@example.jp", "評価した人").await;
        let blocker = member(app, "blocker@example.jp", "ブロックした人").await;
        let other = member(app, "other@example.jp", "ほかの人").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let card_id = card(app, &reviewer).await;
        let order = completed_order(app, &reviewer, card_id, &seller, id).await;
        review(app, &reviewer, order, 5, "とても丁寧な似顔絵でした", false).await;
        yorozu_app::safety::blocks::block(app, &blocker, reviewer.id)
            .await
            .expect("block");
        let path = format!("/services/{id}");

        let mut blocker_browser = Browser::signed_in(&s, blocker.id).await;
        let mut other_browser = Browser::signed_in(&s, other.id).await;
        // The blocker first: their page must not become everyone's.
        blocker_browser
            .get(&path)
            .await
            .assert_lacks(&["とても丁寧な似顔絵でした"]);
        other_browser
            .get(&path)
            .await
            .assert_contains(&["とても丁寧な似顔絵でした"]);
        // And the shared page, now stored, must not be served to the blocker.
        blocker_browser
            .get(&path)
            .await
            .assert_lacks(&["とても丁寧な似顔絵でした"]);
    }
);

both_backends!(
    a_suspended_members_banner_stays_on_their_own_shared_page,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let suspended = member(app, "suspended@example.jp", "利用停止の人").await;
        let other = member(app, "other@example.jp", "ほかの人").await;
        let ops = operator(app, "ops@example.jp").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        yorozu_app::moderation::suspension::suspend(
            app,
            &ops,
            suspended.id,
            &yorozu_app::moderation::suspension::SuspensionInput {
                reason: "規約違反が続いたため".into(),
                orders: "continue".into(),
            },
        )
        .await
        .expect("suspend");
        let path = format!("/services/{id}");
        let banner = "このアカウントは利用停止中です。";

        let mut suspended_browser = Browser::signed_in(&s, suspended.id).await;
        let mut other_browser = Browser::signed_in(&s, other.id).await;
        for _ in 0..2 {
            suspended_browser
                .get(&path)
                .await
                .assert_contains(&[banner, "似顔絵を描きます"]);
            other_browser.get(&path).await.assert_lacks(&[banner]);
        }
    }
);
