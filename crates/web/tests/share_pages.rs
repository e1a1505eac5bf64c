//! The share kit through the web layer, on both databases: the seller's share page with a
//! read-only text and a copy button per network, each text's URL tagged and on the configured
//! base URL (not the request's Host), no outside script; visits that follow those links are
//! counted by analytics as their tags (the seller's own and robots' not); the QR code and the
//! public Open Graph image with their headers (ETag, 304, `no-cache`), the service page's
//! Open Graph tags; `GET /api/v1/listings/{id}/share` for the seller only, as documented.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use pages::*;
use support::*;
use tower::ServiceExt;
use yorozu_app::analytics::{flush, report};
use yorozu_app::listings::{edit, form::ListingForm};
use yorozu_store::both_backends;
use yorozu_web::api::openapi::spec;

const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const NETWORKS: [&str; 5] = ["x", "facebook", "line", "instagram", "newsletter"];

fn font_installed() -> bool {
    std::path::Path::new(yorozu_app::share::font::DEFAULT_PATH).exists()
}

/// A GET of a page path with its raw bytes (an image).
async fn raw_get(
    s: &TestServer,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = Request::builder().method(Method::GET).uri(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = s
        .router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (status, headers, bytes.to_vec())
}

both_backends!(
    the_share_page_gives_each_network_a_tagged_text_to_copy_and_only_to_the_seller,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let other = member(app, "other@example.jp", "ほか").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let base = app.site.base_url.clone();
        assert_eq!(base, "http://test.local");

        let mut browser = Browser::signed_in(&s, seller.id)
            .await
            .with_header(header::HOST, "evil.example");
        let page = browser.get(&format!("/listings/{id}/share")).await;
        assert_eq!(page.status, StatusCode::OK);
        for key in NETWORKS {
            page.assert_contains(&[
                &format!(
                    r#"<textarea id="share-text-{key}" class="share-text" rows="7" readonly>"#
                ),
                &format!(r#"data-copy="share-text-{key}""#),
                &format!("{base}/services/{id}?src={key}"),
            ]);
        }
        page.assert_contains(&[
            "コピー",
            "¥3,000",
            "https://x.com/intent/post?text=",
            &format!(
                "https://social-plugins.line.me/lineit/share?url=http%3A%2F%2Ftest.local%2Fservices%2F{id}%3Fsrc%3Dline"
            ),
            "https://www.facebook.com/sharer/sharer.php?u=",
            &format!("/listings/{id}/share/qr.svg"),
            &format!("{base}/services/{id}?src=qr"),
            "Instagram",
        ]);
        if font_installed() {
            page.assert_contains(&[&format!(r#"src="/listings/{id}/og.png""#)]);
        }
        // The configured address, never the request's; no outside script, pixel or widget.
        page.assert_lacks(&[
            "evil.example",
            "<script src=\"http",
            "<iframe",
            "<img src=\"http",
        ]);

        // Reached from the service page, the list of one's services and the analytics.
        let service = browser.get(&format!("/services/{id}")).await;
        service.assert_contains(&[&format!(r#"href="/listings/{id}/share""#)]);
        let mine = browser.get("/settings/listings").await;
        mine.assert_contains(&[&format!(r#"href="/listings/{id}/share""#)]);
        let analytics = browser
            .get(&format!("/sales/analytics/services/{id}"))
            .await;
        analytics.assert_contains(&[&format!(r#"href="/listings/{id}/share""#)]);
        let mine = browser.get("/listings/mine").await;
        assert_eq!(mine.location(), Some("/settings/listings"));

        // The QR code: an SVG for the seller, a download on request.
        let qr = browser.get(&format!("/listings/{id}/share/qr.svg")).await;
        assert_eq!(qr.status, StatusCode::OK);
        assert_eq!(qr.headers[header::CONTENT_TYPE], "image/svg+xml");
        assert!(qr.html.contains("<svg"));
        let qr = browser
            .get(&format!("/listings/{id}/share/qr.svg?download=1"))
            .await;
        assert!(
            qr.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .expect("ascii")
                .starts_with("attachment")
        );

        // Someone else: forbidden; a visitor: sent to sign in; a draft: not found.
        let mut others = Browser::signed_in(&s, other.id).await;
        let page = others.get(&format!("/listings/{id}/share")).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        let page = others.get(&format!("/listings/{id}/share/qr.svg")).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        let page = Browser::new(&s).get(&format!("/listings/{id}/share")).await;
        assert!(page.status.is_redirection(), "{}", page.status);
        let draft = edit::create(
            app,
            &seller,
            &ListingForm {
                title: "下書きです".into(),
                category: "301".into(),
                description: "まだ公開しません。".into(),
                price: "3000".into(),
                delivery_days: "5".into(),
                revisions: "2".into(),
                ..Default::default()
            },
        )
        .await
        .expect("draft");
        let page = browser.get(&format!("/listings/{draft}/share")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let page = others.get(&format!("/listings/{draft}/share")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
    }
);

both_backends!(
    visits_through_the_share_links_count_as_their_tags_but_not_the_sellers_own,
    |db| async move {
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let kit = yorozu_app::share::kit(app, &seller, id).await.expect("kit");
        for post in &kit.posts {
            let path = post
                .url
                .strip_prefix(&app.site.base_url)
                .expect("on the base URL");
            let page = Browser::new(&s)
                .with_header(header::USER_AGENT, CHROME)
                .get(path)
                .await;
            assert_eq!(page.status, StatusCode::OK);
        }
        let qr_path = kit.qr_url.strip_prefix(&app.site.base_url).expect("base");
        Browser::new(&s)
            .with_header(header::USER_AGENT, CHROME)
            .get(qr_path)
            .await;
        // The seller trying their own link, and a link-preview robot: not counted.
        Browser::signed_in(&s, seller.id)
            .await
            .with_header(header::USER_AGENT, CHROME)
            .get(&format!("/services/{id}?src=x"))
            .await;
        Browser::new(&s)
            .with_header(header::USER_AGENT, "facebookexternalhit/1.1")
            .get(&format!("/services/{id}?src=facebook"))
            .await;

        flush(app).await.expect("flush");
        let r = report::for_service(app, &seller, id, 7)
            .await
            .expect("report");
        assert_eq!(r.report.totals.views, 6);
        let tag = |key: &str| {
            r.report
                .tags
                .iter()
                .find(|t| t.value == key)
                .map_or(0, |t| t.count)
        };
        for key in NETWORKS {
            assert_eq!(tag(key), 1, "{key}");
        }
        assert_eq!(tag("qr"), 1);
        let tagged = r
            .report
            .sources
            .iter()
            .find(|s| s.value == "tag")
            .map_or(0, |s| s.count);
        assert_eq!(tagged, 6);
    }
);

both_backends!(
    the_og_image_is_public_cached_by_etag_and_named_by_the_service_page,
    |db| async move {
        if !font_installed() {
            eprintln!("skipped: fonts-ipaexfont-gothic is not installed");
            return;
        }
        let (s, _clock) = server_with_clock(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let path = format!("/listings/{id}/og.png");

        let (status, headers, png) = raw_get(&s, &path, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "image/png");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let img = image::load_from_memory(&png).expect("a png");
        assert_eq!((img.width(), img.height()), (1200, 630));
        let etag = headers[header::ETAG].to_str().expect("ascii").to_owned();
        assert!(
            headers[header::CACHE_CONTROL]
                .to_str()
                .expect("ascii")
                .contains("no-cache")
        );
        let (status, _, body) = raw_get(&s, &path, &[(header::IF_NONE_MATCH, &etag)]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());

        let page = Browser::new(&s).get(&format!("/services/{id}")).await;
        page.assert_contains(&[
            &format!(
                r#"<meta property="og:image" content="http://test.local/listings/{id}/og.png">"#
            ),
            r#"<meta property="og:title" content="似顔絵を描きます">"#,
            &format!(r#"<meta property="og:url" content="http://test.local/services/{id}">"#),
            "<meta property=\"og:description\"",
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"<meta property="og:image:width" content="1200">"#,
            // The visitors' share buttons carry the networks' tags too.
            &format!("sharer.php?u=http%3A%2F%2Ftest.local%2Fservices%2F{id}%3Fsrc%3Dfacebook"),
            &format!("lineit/share?url=http%3A%2F%2Ftest.local%2Fservices%2F{id}%3Fsrc%3Dline"),
            "https://x.com/intent/post?text=",
            &format!("url=http%3A%2F%2Ftest.local%2Fservices%2F{id}%3Fsrc%3Dx"),
        ]);

        // Unpublished: gone, and a cached copy is not confirmed either.
        yorozu_app::listings::manage::apply(
            app,
            &seller,
            id,
            yorozu_app::listings::manage::Action::Pause,
        )
        .await
        .expect("pause");
        let (status, _, _) = raw_get(&s, &path, &[(header::IF_NONE_MATCH, &etag)]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = raw_get(&s, "/listings/123456789/og.png", &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
);

both_backends!(
    the_share_kit_api_answers_the_seller_only_as_documented,
    |db| async move {
        let s = server(db);
        let app = &s.app;
        let seller = member(app, "seller@example.jp", "売り手").await;
        let other = member(app, "other@example.jp", "ほか").await;
        let id = publish(app, &seller, "似顔絵を描きます").await;
        let token = yorozu_app::testing::api_token(app, seller.id)
            .await
            .expect("token");
        let others = yorozu_app::testing::api_token(app, other.id)
            .await
            .expect("token");
        let path = format!("/listings/{id}/share");

        let answer = s.send(call(Method::GET, &path).token(&token)).await;
        expect(&answer, "get", "/listings/{id}/share", StatusCode::OK);
        let body = &answer.body;
        assert_eq!(body["service_id"], id.to_string());
        assert_eq!(body["price"], 3000);
        assert_eq!(
            body["qr_url"],
            format!("http://test.local/services/{id}?src=qr")
        );
        assert!(body["qr_svg"].as_str().expect("svg").contains("<svg"));
        let posts = body["posts"].as_array().expect("posts");
        assert_eq!(posts.len(), 5);
        for (post, key) in posts.iter().zip(NETWORKS) {
            assert_eq!(post["network"], key);
            let url = format!("http://test.local/services/{id}?src={key}");
            assert_eq!(post["url"], url.as_str());
            assert!(post["text"].as_str().expect("text").contains(&url));
        }
        assert!(posts[3]["share_link"].is_null());

        // Error bodies are checked against the `Error` schema by `send`.
        let answer = s.send(call(Method::GET, &path).token(&others)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
        assert_eq!(answer.code(), "error-forbidden");
        let answer = s.send(call(Method::GET, &path)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        let answer = s
            .send(call(Method::GET, "/listings/123456789/share").token(&token))
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(answer.code(), "error-not-found");
        let documented = &spec()["paths"]["/listings/{id}/share"]["get"]["responses"];
        for status in ["200", "401", "403", "404"] {
            assert!(!documented[status].is_null(), "{status} is documented");
        }
    }
);
