//! Seller analytics through the web layer, on both databases: a service page served from
//! the rendered-HTML cache still counts its view; the links' `?from=` and `?src=` tags say
//! where a visitor came from and leave the cache key, the page's links and its canonical URL
//! clean; robots and the seller are not counted; search and category pages count
//! impressions and tag their links; the seller's pages (`/sales/analytics`, per service) and
//! the JSON API show the numbers to the seller only.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode, header};
use pages::*;
use support::*;
use yorozu_app::analytics::{flush, report};
use yorozu_store::both_backends;

const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

fn visitor<'a>(s: &'a TestServer) -> Browser<'a> {
    Browser::new(s).with_header(header::USER_AGENT, CHROME)
}

both_backends!(
    a_cached_service_page_counts_and_its_tags_stay_out_of_the_cache_and_canonical,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let canonical = format!(
            r#"<link rel="canonical" href="{}/services/{id}">"#,
            app.site.base_url
        );

        // From search (the tag wins over the referrer): rendered and kept under the clean key.
        let page = visitor(&s)
            .with_header(header::REFERER, "https://blog.example.com/post/1?me=taro")
            .get(&format!("/services/{id}?from=search"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[&canonical]);
        page.assert_lacks(&["from=search"]);
        assert!(app.catalog.holds_page(&format!("ja:/services/{id}")));
        assert!(
            !app.catalog
                .holds_page(&format!("ja:/services/{id}?from=search"))
        );

        // A share link's tag, then another site, then a direct visit: all from the cache.
        let page = visitor(&s).get(&format!("/services/{id}?src=x")).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[&canonical]);
        page.assert_lacks(&["src=x"]);
        visitor(&s)
            .with_header(header::REFERER, "https://blog.example.com/post/1?me=taro")
            .get(&format!("/services/{id}"))
            .await;
        visitor(&s).get(&format!("/services/{id}")).await;
        assert!(!app.catalog.holds_page(&format!("ja:/services/{id}?src=x")));

        // Robots, an empty agent and the seller are not counted.
        Browser::new(&s)
            .with_header(header::USER_AGENT, GOOGLEBOT)
            .get(&format!("/services/{id}"))
            .await;
        Browser::new(&s).get(&format!("/services/{id}")).await;
        let page = Browser::signed_in(&s, seller.id)
            .await
            .with_header(header::USER_AGENT, CHROME)
            .get(&format!("/services/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[&format!("/sales/analytics/services/{id}")]);

        flush(app).await.expect("flush");
        let r = report::for_service(app, &seller, id, 7)
            .await
            .expect("report");
        assert_eq!(r.report.totals.views, 4);
        let source = |key: &str| {
            r.report
                .sources
                .iter()
                .find(|s| s.value == key)
                .map_or(0, |s| s.count)
        };
        assert_eq!(
            [
                source("search"),
                source("tag"),
                source("outside"),
                source("direct")
            ],
            [1, 1, 1, 1]
        );
        assert_eq!(r.report.hosts[0].value, "blog.example.com");
        assert_eq!(r.report.tags[0].value, "x");
    }
);

both_backends!(
    results_pages_count_impressions_and_tag_their_links,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let mut browser = visitor(&s);
        for _ in 0..2 {
            let page = browser.get("/search?q=%E4%BC%BC%E9%A1%94%E7%B5%B5").await;
            assert_eq!(page.status, StatusCode::OK);
            page.assert_contains(&[&format!(r#"href="/services/{id}?from=search""#)]);
        }
        let page = browser.get("/categories/301").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[&format!(r#"href="/services/{id}?from=category""#)]);
        let page = browser.get(&format!("/users/{}", seller.id)).await;
        page.assert_contains(&[&format!(r#"href="/services/{id}?from=profile""#)]);
        // A crawler reading results adds nothing.
        Browser::new(&s)
            .with_header(header::USER_AGENT, GOOGLEBOT)
            .get("/search?q=%E4%BC%BC%E9%A1%94%E7%B5%B5")
            .await;
        flush(app).await.expect("flush");
        let r = report::for_service(app, &seller, id, 30)
            .await
            .expect("report");
        assert_eq!(r.report.totals.impressions, 3);
        assert_eq!(r.report.words.len(), 1);
        assert_eq!(r.report.words[0].value, "似顔絵");
        assert_eq!(r.report.words[0].count, 2);
    }
);

both_backends!(
    the_seller_reads_the_numbers_on_the_pages_and_the_api,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let other = member(app, "other@example.jp", "ほかの人").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        for _ in 0..3 {
            visitor(&s)
                .get(&format!("/services/{id}?from=search"))
                .await;
        }
        visitor(&s)
            .get("/search?q=%E4%BC%BC%E9%A1%94%E7%B5%B5")
            .await;
        flush(app).await.expect("flush");

        let mut browser = Browser::signed_in(&s, seller.id).await;
        let page = browser.get("/sales").await;
        page.assert_contains(&[r#"href="/sales/analytics""#]);
        let page = browser.get("/sales/analytics?days=7").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "アクセス解析",
            r#"id="analytics-total-views">3<"#,
            r#"id="analytics-total-impressions">1<"#,
            "<svg",
            // Hidden for the eye, read by screen readers (the box around it, so that it
            // cannot widen a narrow page).
            "<div class=\"visually-hidden\">\n  <table id=\"analytics-days\">",
            "似顔絵を描きます",
            &format!("/sales/analytics/services/{id}?days=7"),
            r#"aria-current="page">過去7日間"#,
        ]);
        let page = browser
            .get(&format!(
                "/sales/analytics/services/{id}?days=90&metric=impressions"
            ))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "「似顔絵を描きます」のアクセス解析",
            "似顔絵",
            "検索結果",
            r#"aria-current="page">過去90日間"#,
            r#"aria-current="page">検索表示回数"#,
        ]);
        // 90 days in the hidden table.
        assert_eq!(page.html.matches(r#"<tr><th scope="row">"#).count(), 90);
        let page = Browser::signed_in(&s, seller.id)
            .await
            .english()
            .get("/sales/analytics")
            .await;
        page.assert_contains(&["Analytics", "Page views", "Last 30 days"]);

        // Another member's service is not theirs to read.
        let page = Browser::signed_in(&s, other.id)
            .await
            .get(&format!("/sales/analytics/services/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        // Visitors are asked to sign in.
        let page = Browser::new(&s).get("/sales/analytics").await;
        assert!(page.status.is_redirection());

        // The API.
        let token = yorozu_app::testing::api_token(app, seller.id)
            .await
            .expect("token");
        let answer = s
            .send(call(Method::GET, "/sales/analytics?days=7").token(&token))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        assert_schema(&answer.body, "SellerAnalyticsBody");
        assert_eq!(answer.body["report"]["days"], 7);
        assert_eq!(answer.body["report"]["totals"]["views"], 3);
        assert_eq!(
            answer.body["report"]["series"].as_array().map(Vec::len),
            Some(7)
        );
        assert_eq!(answer.body["services"][0]["service_id"], id.to_string());
        let answer = s
            .send(call(Method::GET, &format!("/sales/analytics/services/{id}")).token(&token))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        assert_schema(&answer.body, "ServiceAnalyticsBody");
        assert_eq!(answer.body["report"]["days"], 30);
        assert_eq!(answer.body["report"]["search_words"][0]["value"], "似顔絵");
        assert_eq!(answer.body["report"]["totals"]["conversion_per_mille"], 0);
        let other_token = yorozu_app::testing::api_token(app, other.id)
            .await
            .expect("token");
        let answer = s
            .send(call(Method::GET, &format!("/sales/analytics/services/{id}")).token(&other_token))
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        let answer = s.send(call(Method::GET, "/sales/analytics")).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
);
