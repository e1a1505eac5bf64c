//! The search page on the engine: matched words marked in result titles (escaped like any
//! text), counts per category beside the filters, and, when nothing matches, the categories
//! where the words do occur and the searches that found something.

#[path = "support/pages.rs"]
mod pages;
mod support;

use pages::*;
use support::*;
use yorozu_store::{Db, both_backends};

both_backends!(
    matches_are_marked_and_counted_per_category,
    |db: Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        publish(&s.app, &seller, "ﾛｺﾞ入り<名刺>デザイン").await;
        publish(&s.app, &seller, "名刺の印刷").await;
        let mut browser = Browser::new(&s);

        let page = browser.get("/search?q=%E3%83%AD%E3%82%B4").await; // ロゴ
        page.assert_contains(&[
            // The half-width title is marked where the full-width query matched, and the
            // angle brackets of the title stay text.
            "<mark>ﾛｺﾞ</mark>入り&#60;名刺&#62;デザイン",
            "category-counts",
            "1件",
        ]);

        let page = browser.get("/search?q=%E5%90%8D%E5%88%BA").await; // 名刺
        page.assert_contains(&["<mark>名刺</mark>の印刷", "2件"]);
        assert!(!page.html.contains("<mark><"), "{}", page.html);
    }
);

both_backends!(
    an_empty_result_offers_nearest_categories_and_popular_searches,
    |db: Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        publish(&s.app, &seller, "名刺デザインします").await;
        let mut browser = Browser::new(&s);
        // Somebody found something with 名刺.
        browser.get("/search?q=%E5%90%8D%E5%88%BA").await;

        // 名刺 exists, but not at this price: the filter is dropped to find where it is.
        let page = browser
            .get("/search?q=%E5%90%8D%E5%88%BA&min_price=50000")
            .await;
        page.assert_contains(&[
            "nearest-categories",
            "/search?q=%E5%90%8D%E5%88%BA&#38;category=301",
            "popular-searches",
            "/search?q=%E5%90%8D%E5%88%BA\"",
        ]);

        // No service has 名刺作成, but 名刺 alone is found.
        let page = browser
            .get("/search?q=%E5%90%8D%E5%88%BA%E4%BD%9C%E6%88%90")
            .await;
        page.assert_contains(&["nearest-categories", "category=301"]);
    }
);
