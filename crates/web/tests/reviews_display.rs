//! Reviews on public pages: the service page's rating summary and newest reviews, the full
//! paginated list, and the profile page's ratings as a seller and as a buyer, with anonymous
//! reviews and reviews by withdrawn members. Orders are completed through the use cases
//! (sandbox card, delivery, approval, review); the pages are read through the real router.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_domain::ListingId;
use yorozu_domain::orders::ReviewRole;
use yorozu_domain::{OrderId, UserId};
use yorozu_store::orders::reviews::{self, ReviewRow};
use yorozu_store::{both_backends, listings::rows as listing_rows};

/// The review of a buyer whose account was since erased: the row stays with no author, as
/// withdrawal leaves the reviews a member wrote (written here through the store, since
/// withdrawal is not built yet).
async fn review_by_withdrawn_buyer(
    app: &App,
    order_id: OrderId,
    listing_id: ListingId,
    seller: UserId,
) {
    let mut tx = app.db.begin().await.expect("begin");
    let row = ReviewRow {
        id: app.new_id(),
        order_id,
        listing_id,
        author_id: None,
        subject_id: seller,
        author_role: ReviewRole::Buyer,
        rating: 4,
        comment: "納期どおりでした。".into(),
        anonymous: false,
        created_at: app.now(),
    };
    assert!(reviews::insert(&mut tx, &row).await.expect("insert"));
    listing_rows::record_rating(&mut tx, listing_id, row.rating)
        .await
        .expect("rating");
    tx.commit().await.expect("commit");
}

struct Market {
    seller: CurrentUser,
    listing: ListingId,
}

async fn market(app: &App) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let listing = publish(app, &seller, "ロゴを作成します").await;
    Market { seller, listing }
}

both_backends!(
    the_service_and_profile_pages_show_reviews_with_names_anonymity_and_withdrawals,
    |db| async move {
        let (s, clock) = server_with_clock(db);
        let app = &s.app;
        let m = market(app).await;
        let ichiro = member(app, "ichiro@example.jp", "買い手一郎").await;
        let jiro = member(app, "jiro@example.jp", "買い手二郎").await;
        let saburo = member(app, "saburo@example.jp", "買い手三郎").await;
        let mut visitor = Browser::new(&s);

        // Before any review: no summary, no list, no link (and the page is now cached).
        let page = visitor.get(&format!("/services/{}", m.listing)).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["まだ評価はありません。"]);
        page.assert_lacks(&[r#"class="reviews""#, "/reviews\"", "取引機能の公開後"]);

        let card = card(app, &ichiro).await;
        let first = completed_order(app, &ichiro, card, &m.seller, m.listing).await;
        review(
            app,
            &ichiro,
            first,
            5,
            "とても丁寧でした。\nまたお願いします。",
            false,
        )
        .await;
        review(
            app,
            &m.seller,
            first,
            3,
            "やり取りがスムーズでした。",
            false,
        )
        .await;
        clock.advance_seconds(3600);
        let card = pages::card(app, &jiro).await;
        let second = completed_order(app, &jiro, card, &m.seller, m.listing).await;
        review(app, &jiro, second, 4, "匿名で失礼します。", true).await;
        clock.advance_seconds(3600);
        let card = pages::card(app, &saburo).await;
        let third = completed_order(app, &saburo, card, &m.seller, m.listing).await;
        review_by_withdrawn_buyer(app, third, m.listing, m.seller.id).await;

        // The cached page was dropped by the review's change: summary and reviews show.
        let page = visitor.get(&format!("/services/{}", m.listing)).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "5点中 4.3点（3件の評価）",
            r#"<span class="stars" aria-hidden="true">★★★★★</span><span class="visually-hidden">5点中5点</span>"#,
            "<p>とても丁寧でした。<br>またお願いします。</p>",
            "投稿者: 買い手一郎 · 2025年6月16日",
            "匿名で失礼します。",
            "投稿者: 匿名",
            "納期どおりでした。",
            "投稿者: 退会したユーザー",
            &format!(
                r#"<a href="/services/{}/reviews">このサービスのレビューをすべて見る（3件）</a>"#,
                m.listing
            ),
        ]);
        page.assert_lacks(&[
            "買い手二郎",
            "やり取りがスムーズでした。",
            "取引機能の公開後",
        ]);
        let newest = page.html.find("納期どおりでした。").expect("third");
        let middle = page.html.find("匿名で失礼します。").expect("second");
        let oldest = page.html.find("とても丁寧でした。").expect("first");
        assert!(newest < middle && middle < oldest, "newest first");

        // The seller's profile: rating from buyers with the latest reviews, rating as a buyer.
        let profile = visitor.get(&format!("/users/{}", m.seller.id)).await;
        assert_eq!(profile.status, StatusCode::OK);
        profile.assert_contains(&[
            "<dt>出品者としての評価</dt>",
            "4.3（3件）",
            "<dt>購入者としての評価</dt>",
            "まだ評価はありません。",
            "最近のレビュー（出品者として）",
            &format!(
                r#"対象のサービス: <a href="/services/{}">ロゴを作成します</a>"#,
                m.listing
            ),
            "投稿者: 買い手一郎",
            "投稿者: 匿名",
            "投稿者: 退会したユーザー",
        ]);
        profile.assert_lacks(&["買い手二郎", "取引機能の公開後"]);

        // The buyer's profile: rated 3 by the seller, nothing as a seller.
        let buyer_profile = visitor.get(&format!("/users/{}", ichiro.id)).await;
        buyer_profile.assert_contains(&["<dt>購入者としての評価</dt>", "3.0（1件）"]);
        buyer_profile.assert_lacks(&["やり取りがスムーズでした。"]);
        assert!(
            buyer_profile
                .html
                .contains("<dt>出品者としての評価</dt><dd>まだ評価はありません。"),
            "no rating as a seller:\n{}",
            buyer_profile.html
        );

        let english = Browser::new(&s)
            .english()
            .get(&format!("/services/{}", m.listing))
            .await;
        english.assert_contains(&[
            "4.3 out of 5",
            "By Anonymous",
            "By Former member",
            "By 買い手一郎",
            "See all reviews of this service (3)",
        ]);
    }
);

both_backends!(
    the_service_page_shows_ten_and_the_full_list_is_paginated,
    |db| async move {
        let (s, clock) = server_with_clock(db);
        let app = &s.app;
        let m = market(app).await;
        let buyer = member(app, "buyer@example.jp", "常連さん").await;
        let card = card(app, &buyer).await;
        for n in 1..=21 {
            let order = completed_order(app, &buyer, card, &m.seller, m.listing).await;
            review(app, &buyer, order, 5, &format!("レビュー{n:02}"), false).await;
            clock.advance_seconds(60);
        }
        let mut visitor = Browser::new(&s);

        let page = visitor.get(&format!("/services/{}", m.listing)).await;
        assert_eq!(
            page.html.matches(r#"<li class="review">"#).count() as i64,
            SERVICE_PAGE_REVIEWS
        );
        page.assert_contains(&["レビュー21", "レビュー12", "（21件）"]);
        page.assert_lacks(&["レビュー11"]);

        let base = format!("/services/{}/reviews", m.listing);
        let first = visitor.get(&base).await;
        assert_eq!(first.status, StatusCode::OK);
        assert_eq!(first.html.matches(r#"<li class="review">"#).count(), 20);
        first.assert_contains(&[
            "<h1 id=\"reviews-title\">「ロゴを作成します」のレビュー</h1>",
            "5点中 5.0点（21件の評価）",
            "レビュー21",
            "レビュー02",
            &format!(r#"<a href="{base}?page=2" rel="next">"#),
            &format!(r#"<a href="/services/{}">"#, m.listing),
        ]);
        first.assert_lacks(&["レビュー01", "rel=\"prev\""]);

        let second = visitor.get(&format!("{base}?page=2")).await;
        assert_eq!(second.status, StatusCode::OK);
        assert_eq!(second.html.matches(r#"<li class="review">"#).count(), 1);
        second.assert_contains(&["レビュー01", &format!(r#"<a href="{base}" rel="prev">"#)]);
        second.assert_lacks(&["rel=\"next\""]);

        for bad in ["?page=3", "?page=0", "?page=abc", "?page=-1"] {
            let page = visitor.get(&format!("{base}{bad}")).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{bad}");
        }
        assert_eq!(
            visitor.get("/services/999999/reviews").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

both_backends!(
    a_service_without_reviews_has_an_empty_review_list,
    |db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let mut visitor = Browser::new(&s);
        let page = visitor
            .get(&format!("/services/{}/reviews", m.listing))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["このサービスにはまだレビューがありません。"]);
        let profile = visitor.get(&format!("/users/{}", m.seller.id)).await;
        profile.assert_contains(&[
            "最近のレビュー（出品者として）",
            "まだレビューはありません。",
        ]);
    }
);
