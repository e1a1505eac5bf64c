//! Listings, search and favourites in the JSON API under /api/v1, driven through the real
//! router over a test database of each kind. As in tests/api.rs, every JSON body is checked
//! against the schema the OpenAPI document gives for it.
//!
//! The harness (server, requests, schema checks) repeats the one in tests/api.rs, which is
//! private to that file; this copy also checks `oneOf`, `minimum` and `maximum`.

mod support;

use support::*;
use yorozu_domain::UserId;

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use yorozu_domain::Locale;
use yorozu_domain::listings::categories;
use yorozu_i18n::Tr;
use yorozu_store::accounts::users;
use yorozu_store::both_backends;
use yorozu_web::api::openapi::spec;

impl Answer {
    /// The ids of a list of listings (or of a search result's items).
    fn ids(&self) -> Vec<String> {
        let list = self.body.get("items").unwrap_or(&self.body);
        list.as_array()
            .unwrap_or_else(|| panic!("not a list: {}", self.body))
            .iter()
            .map(|x| x["id"].as_str().expect("id").to_owned())
            .collect()
    }
}

impl TestServer {
    /// A member with a token; `confirmed` members have confirmed their e-mail address.
    async fn member(&self, email: &str, name: &str, confirmed: bool) -> (UserId, String) {
        let answer = self
            .send(
                call(Method::POST, "/accounts")
                    .json(json!({ "email": email, "password": PASSWORD, "display_name": name })),
            )
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{}", answer.body);
        let mut c = self.app.db.read().await.expect("read");
        let user_id = users::find_by_email(&mut c, email)
            .await
            .expect("find")
            .expect("registered")
            .id;
        drop(c);
        if confirmed {
            let mut tx = self.app.db.begin().await.expect("begin");
            users::mark_email_verified(&mut tx, user_id, START)
                .await
                .expect("verify");
            tx.commit().await.expect("commit");
        }
        let token = yorozu_app::testing::api_token(&self.app, user_id)
            .await
            .expect("token");
        (user_id, token)
    }

    /// Creates a draft and returns its id.
    async fn draft(&self, token: &str, body: Value) -> String {
        let created = self
            .send(call(Method::POST, "/me/listings").token(token).json(body))
            .await;
        expect(&created, "post", "/me/listings", StatusCode::CREATED);
        created.body["id"].as_str().expect("id").to_owned()
    }

    async fn act(&self, token: &str, id: &str, action: &str) -> Answer {
        self.send(
            call(Method::POST, &format!("/listings/{id}/status"))
                .token(token)
                .json(json!({ "action": action })),
        )
        .await
    }

    async fn publish(&self, token: &str, id: &str) {
        let answer = self.act(token, id, "publish").await;
        expect(&answer, "post", "/listings/{id}/status", StatusCode::OK);
        assert_eq!(answer.body["status"], "published");
    }

    async fn search(&self, query: &str) -> Answer {
        let answer = self
            .send(call(Method::GET, &format!("/search?{query}")))
            .await;
        expect(&answer, "get", "/search", StatusCode::OK);
        answer
    }
}

/// An error status that the document lists for the operation (401 for any that takes a token).
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    assert_eq!(answer.code(), code, "{method} {path}");
    let documented = &spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

fn business_card_id() -> String {
    categories::by_slug("print/business-card")
        .expect("category")
        .id
        .to_string()
}

/// A valid listing: 名刺 (business cards) at ¥5,000.
fn business_cards(title: &str, price: i64) -> Value {
    json!({
        "title": title,
        "category": business_card_id(),
        "description": "お店や会社の名刺を、そのまま印刷に出せるデータでお届けします。",
        "price": price,
        "delivery_days": 5,
        "revisions": 3,
        "buyer_notes": "ロゴのデータがあればご用意ください。",
        "options": [{ "title": "特急納品（2日）", "price": 2000 }],
        "faq": [{ "question": "両面デザインも可能ですか？", "answer": "はい、追加料金なしで対応します。" }],
    })
}

// ---------------------------------------------------------------------------------------
// Creating and editing

both_backends!(create_then_read_as_owner_and_as_others, |db| async move {
    let s = server(db);
    let (seller_id, token) = s.member("hanako@example.jp", "花子", true).await;
    let (_, other_token) = s.member("taro@example.jp", "太郎", true).await;

    let created = s
        .send(
            call(Method::POST, "/me/listings")
                .token(&token)
                .json(business_cards("名刺デザインを丁寧に作成します", 5000)),
        )
        .await;
    expect(&created, "post", "/me/listings", StatusCode::CREATED);
    let id = created.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.headers[header::LOCATION],
        format!("/api/v1/listings/{id}").as_str()
    );
    let b = &created.body;
    assert_eq!(b["status"], "draft");
    assert_eq!(b["title"], "名刺デザインを丁寧に作成します");
    assert_eq!(b["price"], 5000);
    assert_eq!(b["delivery_days"], 5);
    assert_eq!(b["revisions"], 3);
    assert_eq!(b["category"]["id"], business_card_id().as_str());
    assert_eq!(
        b["category"]["name"],
        Tr::new(Locale::Ja)
            .t("category-print-business-card")
            .as_str()
    );
    assert_eq!(
        b["options"],
        json!([{ "title": "特急納品（2日）", "price": 2000 }])
    );
    assert_eq!(b["faq"][0]["question"], "両面デザインも可能ですか？");
    assert_eq!(b["seller"]["user_id"], seller_id.to_string().as_str());
    assert_eq!(b["seller"]["display_name"], "花子");
    assert_eq!(b["published_at"], Value::Null);
    assert_eq!(b["rating"], Value::Null);
    assert_eq!(b["purchasable"], false);
    assert_eq!(
        b["web_url"],
        format!("http://test.local/services/{id}").as_str()
    );

    let path = format!("/listings/{id}");
    let own = s
        .send(call(Method::GET, &path).token(&token).lang("en"))
        .await;
    expect(&own, "get", "/listings/{id}", StatusCode::OK);
    assert_eq!(
        own.body["category"]["name"],
        Tr::new(Locale::En)
            .t("category-print-business-card")
            .as_str()
    );
    // A draft does not exist for anyone else.
    for answer in [
        s.send(call(Method::GET, &path)).await,
        s.send(call(Method::GET, &path).token(&other_token)).await,
    ] {
        expect_error(
            &answer,
            "get",
            "/listings/{id}",
            StatusCode::NOT_FOUND,
            "error-not-found",
        );
    }
    let mine = s
        .send(call(Method::GET, "/me/listings").token(&token))
        .await;
    expect(&mine, "get", "/me/listings", StatusCode::OK);
    assert_eq!(mine.ids(), vec![id.clone()]);
    assert_eq!(mine.body[0]["status"], "draft");
    let theirs = s
        .send(call(Method::GET, "/me/listings").token(&other_token))
        .await;
    assert_eq!(theirs.body, json!([]));

    s.publish(&token, &id).await;
    let public = s.send(call(Method::GET, &path)).await;
    expect(&public, "get", "/listings/{id}", StatusCode::OK);
    assert_eq!(public.body["status"], "published");
    assert_eq!(public.body["published_at"], START);
    assert_eq!(public.body["purchasable"], true);

    // Paused: still shown to others, not purchasable; deleted: gone for everyone.
    let paused = s.act(&token, &id, "pause").await;
    expect(&paused, "post", "/listings/{id}/status", StatusCode::OK);
    assert_eq!(paused.body["status"], "paused");
    let seen = s.send(call(Method::GET, &path).token(&other_token)).await;
    assert_eq!(seen.body["status"], "paused");
    assert_eq!(seen.body["purchasable"], false);
    let again = s.act(&token, &id, "pause").await;
    expect_error(
        &again,
        "post",
        "/listings/{id}/status",
        StatusCode::CONFLICT,
        "listing-status-transition-not-allowed",
    );
    let resumed = s.act(&token, &id, "resume").await;
    assert_eq!(resumed.body["status"], "published");
    let deleted = s.act(&token, &id, "delete").await;
    assert_eq!(deleted.body["status"], "deleted");
    assert_eq!(
        s.send(call(Method::GET, &path).token(&token)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.send(call(Method::GET, "/me/listings").token(&token))
            .await
            .body,
        json!([])
    );
});

both_backends!(
    invalid_listings_are_refused_field_by_field_in_the_callers_language,
    |db| async move {
        let s = server(db);
        let (_, token) = s.member("hanako@example.jp", "花子", true).await;
        let bad = json!({
            "title": "",
            "category": "3",
            "description": "<script>alert(1)</script>",
            "price": 100,
            "delivery_days": 5,
            "revisions": "unlimited",
            "options": [{ "title": "特急納品", "price": 2000 }, { "title": "", "price": 800 }],
            "faq": [{ "question": "納品形式は？", "answer": "" }],
        });

        let ja = s
            .send(
                call(Method::POST, "/me/listings")
                    .token(&token)
                    .json(bad.clone()),
            )
            .await;
        expect_error(
            &ja,
            "post",
            "/me/listings",
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-invalid-input",
        );
        let expected: Vec<(String, String)> = [
            ("title", "listing-title-empty"),
            ("category", "listing-category-not-leaf"),
            ("price", "price-below-minimum"),
            ("options", "paid-option-title-empty"),
            ("faq", "faq-answer-empty"),
        ]
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect();
        assert_eq!(ja.fields(), expected);
        let tr_ja = Tr::new(Locale::Ja);
        assert_eq!(
            ja.body["error"]["message"],
            tr_ja.t("error-invalid-input").as_str()
        );
        assert!(
            ja.field_message("options").contains("2行目"),
            "{}",
            ja.field_message("options")
        );
        assert!(
            ja.field_message("faq").contains("1件目"),
            "{}",
            ja.field_message("faq")
        );
        assert!(
            ja.field_message("price").contains("500円"),
            "{}",
            ja.field_message("price")
        );

        let en = s
            .send(
                call(Method::POST, "/me/listings")
                    .token(&token)
                    .lang("en")
                    .json(bad),
            )
            .await;
        assert_eq!(en.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(en.fields(), expected, "codes do not depend on the language");
        assert_eq!(
            en.body["error"]["message"],
            Tr::new(Locale::En).t("error-invalid-input").as_str()
        );
        assert!(
            en.field_message("options").contains("row 2"),
            "{}",
            en.field_message("options")
        );
        assert!(
            en.field_message("faq").contains("entry 1"),
            "{}",
            en.field_message("faq")
        );
        assert!(
            en.field_message("price").contains("500"),
            "{}",
            en.field_message("price")
        );

        // Missing fields are reported like empty ones; wrong JSON types are unreadable JSON.
        let missing = s
            .send(
                call(Method::POST, "/me/listings")
                    .token(&token)
                    .json(json!({})),
            )
            .await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<String> = missing.fields().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                "title",
                "category",
                "description",
                "price",
                "delivery_days",
                "revisions"
            ]
        );
        let mut wrong_type = business_cards("名刺", 5000);
        wrong_type["price"] = json!("5,000円");
        let unreadable = s
            .send(
                call(Method::POST, "/me/listings")
                    .token(&token)
                    .json(wrong_type),
            )
            .await;
        expect_error(
            &unreadable,
            "post",
            "/me/listings",
            StatusCode::BAD_REQUEST,
            "error-bad-json",
        );
        assert!(
            unreadable.body["error"]["detail"]
                .as_str()
                .is_some_and(|d| d.contains("price")),
            "{}",
            unreadable.body
        );

        // Nothing was saved.
        assert_eq!(
            s.send(call(Method::GET, "/me/listings").token(&token))
                .await
                .body,
            json!([])
        );
    }
);

both_backends!(
    only_members_with_a_confirmed_address_sell,
    |db| async move {
        let s = server(db);
        let anonymous = s
            .send(call(Method::POST, "/me/listings").json(business_cards("名刺", 5000)))
            .await;
        expect_error(
            &anonymous,
            "post",
            "/me/listings",
            StatusCode::UNAUTHORIZED,
            "error-unauthenticated",
        );
        assert_eq!(
            anonymous.headers[header::WWW_AUTHENTICATE],
            r#"Bearer realm="yorozu""#
        );
        assert_eq!(
            s.send(call(Method::GET, "/me/listings")).await.status,
            StatusCode::UNAUTHORIZED
        );
        let bad_token = s
            .send(call(Method::GET, "/listings/1").token("yzp_nope"))
            .await;
        assert_eq!(bad_token.status, StatusCode::UNAUTHORIZED);

        let (_, token) = s.member("hanako@example.jp", "花子", false).await;
        let unconfirmed = s
            .send(
                call(Method::POST, "/me/listings")
                    .token(&token)
                    .json(business_cards("名刺", 5000)),
            )
            .await;
        expect_error(
            &unconfirmed,
            "post",
            "/me/listings",
            StatusCode::CONFLICT,
            "listing-needs-confirmed-email",
        );
        assert_eq!(
            unconfirmed.body["error"]["message"],
            Tr::new(Locale::Ja)
                .t("listing-needs-confirmed-email")
                .as_str()
        );
        assert_eq!(
            s.send(call(Method::GET, "/me/listings").token(&token))
                .await
                .body,
            json!([])
        );
    }
);

both_backends!(only_the_seller_changes_a_listing, |db| async move {
    let s = server(db);
    let (_, token) = s.member("hanako@example.jp", "花子", true).await;
    let (_, other_token) = s.member("taro@example.jp", "太郎", true).await;
    let id = s
        .draft(
            &token,
            business_cards("名刺デザインを丁寧に作成します", 5000),
        )
        .await;
    s.publish(&token, &id).await;
    let path = format!("/listings/{id}");

    let mut changed = business_cards("名刺とショップカードのデザイン", 8000);
    changed["revisions"] = json!("unlimited");
    changed["options"] = json!([]);
    let theirs = s
        .send(
            call(Method::PUT, &path)
                .token(&other_token)
                .json(changed.clone()),
        )
        .await;
    expect_error(
        &theirs,
        "put",
        "/listings/{id}",
        StatusCode::FORBIDDEN,
        "error-forbidden",
    );
    let status = s.act(&other_token, &id, "pause").await;
    expect_error(
        &status,
        "post",
        "/listings/{id}/status",
        StatusCode::FORBIDDEN,
        "error-forbidden",
    );
    let anonymous = s.send(call(Method::PUT, &path).json(changed.clone())).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let unchanged = s.send(call(Method::GET, &path)).await;
    assert_eq!(unchanged.body["title"], "名刺デザインを丁寧に作成します");
    assert_eq!(unchanged.body["status"], "published");

    let updated = s
        .send(call(Method::PUT, &path).token(&token).json(changed))
        .await;
    expect(&updated, "put", "/listings/{id}", StatusCode::OK);
    assert_eq!(updated.body["title"], "名刺とショップカードのデザイン");
    assert_eq!(updated.body["price"], 8000);
    assert_eq!(updated.body["revisions"], "unlimited");
    assert_eq!(updated.body["options"], json!([]));
    assert_eq!(
        updated.body["status"], "published",
        "editing keeps the status"
    );

    let unknown_action = s.act(&token, &id, "archive").await;
    expect_error(
        &unknown_action,
        "post",
        "/listings/{id}/status",
        StatusCode::BAD_REQUEST,
        "error-bad-json",
    );
    for missing in ["/listings/999", "/listings/abc"] {
        let answer = s
            .send(
                call(Method::PUT, missing)
                    .token(&token)
                    .json(business_cards("名刺", 5000)),
            )
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{missing}");
    }
});

both_backends!(images_are_added_served_and_removed, |db| async move {
    let s = server(db);
    let (_, token) = s.member("hanako@example.jp", "花子", true).await;
    let (_, other_token) = s.member("taro@example.jp", "太郎", true).await;
    let id = s.draft(&token, business_cards("名刺デザイン", 5000)).await;
    let images_path = format!("/listings/{id}/images");

    let added = s
        .send(
            call(Method::POST, &images_path)
                .token(&token)
                .raw("image/png", png(1600, 1000)),
        )
        .await;
    expect(&added, "post", "/listings/{id}/images", StatusCode::CREATED);
    let image_id = added.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        added.headers[header::LOCATION],
        format!("/api/v1/listing-images/{image_id}").as_str()
    );
    let listing = s
        .send(call(Method::GET, &format!("/listings/{id}")).token(&token))
        .await;
    let images = listing.body["images"].as_array().expect("images");
    assert_eq!(images.len(), 1);
    assert_eq!(images[0]["width"], 1280, "scaled down to 1280 pixels");
    assert_eq!(images[0]["height"], 800);

    // A draft's image is its seller's alone.
    let image_path = format!("/listing-images/{image_id}");
    let (status, headers, bytes) = s
        .send_raw(call(Method::GET, &image_path).token(&token))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
    assert!(
        spec()["paths"]["/listing-images/{id}"]["get"]["responses"]["200"]["content"]["image/jpeg"]
            .is_object()
    );
    assert_eq!(image::load_from_memory(&bytes).expect("jpeg").width(), 1280);
    let hidden = s.send(call(Method::GET, &image_path)).await;
    expect_error(
        &hidden,
        "get",
        "/listing-images/{id}",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    s.publish(&token, &id).await;
    let (status, _, thumb) = s
        .send_raw(call(Method::GET, &format!("{image_path}/thumb")))
        .await;
    assert_eq!(status, StatusCode::OK);
    let thumb = image::load_from_memory(&thumb).expect("jpeg");
    assert_eq!((thumb.width(), thumb.height()), (480, 360));

    let not_image = s
        .send(
            call(Method::POST, &images_path)
                .token(&token)
                .raw("image/png", b"<html>".to_vec()),
        )
        .await;
    expect_error(
        &not_image,
        "post",
        "/listings/{id}/images",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(not_image.fields()[0].1, "upload-not-image");
    let wrong_type = s
        .send(
            call(Method::POST, &images_path)
                .token(&token)
                .raw("text/plain", png(8, 8)),
        )
        .await;
    expect_error(
        &wrong_type,
        "post",
        "/listings/{id}/images",
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "error-unsupported-media-type",
    );
    let theirs = s
        .send(
            call(Method::POST, &images_path)
                .token(&other_token)
                .raw("image/png", png(8, 8)),
        )
        .await;
    expect_error(
        &theirs,
        "post",
        "/listings/{id}/images",
        StatusCode::FORBIDDEN,
        "error-forbidden",
    );
    let remove_theirs = s
        .send(call(Method::DELETE, &image_path).token(&other_token))
        .await;
    expect_error(
        &remove_theirs,
        "delete",
        "/listing-images/{id}",
        StatusCode::FORBIDDEN,
        "error-forbidden",
    );

    // At most ten images (the policy's default); the eleventh is refused.
    for _ in 1..10 {
        let more = s
            .send(
                call(Method::POST, &images_path)
                    .token(&token)
                    .raw("image/png", png(8, 8)),
            )
            .await;
        assert_eq!(more.status, StatusCode::CREATED, "{}", more.body);
    }
    let too_many = s
        .send(
            call(Method::POST, &images_path)
                .token(&token)
                .lang("en")
                .raw("image/png", png(8, 8)),
        )
        .await;
    expect_error(
        &too_many,
        "post",
        "/listings/{id}/images",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(
        too_many.fields(),
        vec![("image".to_owned(), "listing-images-too-many".to_owned())]
    );
    assert_eq!(
        too_many.field_message("image"),
        Tr::new(Locale::En).t("listing-images-too-many")
    );

    let removed = s
        .send(call(Method::DELETE, &image_path).token(&token))
        .await;
    expect(
        &removed,
        "delete",
        "/listing-images/{id}",
        StatusCode::NO_CONTENT,
    );
    assert_eq!(
        s.send(call(Method::GET, &image_path)).await.status,
        StatusCode::NOT_FOUND
    );
    let again = s
        .send(call(Method::DELETE, &image_path).token(&token))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let listing = s.send(call(Method::GET, &format!("/listings/{id}"))).await;
    let left = listing.body["images"].as_array().expect("images");
    assert_eq!(left.len(), 9);
    assert!(left.iter().all(|i| i["id"] != image_id.as_str()));
});

// ---------------------------------------------------------------------------------------
// Search and categories

both_backends!(
    search_finds_published_services_by_a_two_character_query,
    |db| async move {
        let s = server(db);
        let (_, token) = s.member("hanako@example.jp", "花子", true).await;
        let cheap = s
            .draft(
                &token,
                business_cards("名刺デザインを丁寧に作成します", 5000),
            )
            .await;
        let dear = s
            .draft(
                &token,
                business_cards("高級名刺の活版印刷データ作成", 20000),
            )
            .await;
        let mut other = business_cards("ロゴを作成します", 30000);
        other["description"] = json!("お店のロゴをデザインします。");
        other["category"] = json!(
            categories::by_slug("logo/business")
                .expect("logo")
                .id
                .to_string()
        );
        let logo = s.draft(&token, other).await;

        // Drafts are not found.
        assert_eq!(s.search("q=%E5%90%8D%E5%88%BA").await.body["total"], 0);
        for id in [&cheap, &dear, &logo] {
            s.publish(&token, id).await;
        }

        // 名刺 (two characters), percent-encoded as a browser would send it.
        let found = s.search("q=%E5%90%8D%E5%88%BA&sort=price-low").await;
        assert_eq!(found.ids(), vec![cheap.clone(), dear.clone()]);
        assert_eq!(found.body["total"], 2);
        assert_eq!(found.body["capped"], false);
        assert_eq!(found.body["page"], 1);
        assert_eq!(found.body["pages"], 1);
        let card = &found.body["items"][0];
        assert_eq!(card["title"], "名刺デザインを丁寧に作成します");
        assert_eq!(card["price"], 5000);
        assert_eq!(card["seller_name"], "花子");
        assert_eq!(card["thumb_url"], Value::Null);

        let under = s.search("q=%E5%90%8D%E5%88%BA&max_price=10000").await;
        assert_eq!(under.ids(), vec![cheap.clone()]);
        let over = s.search("q=%E5%90%8D%E5%88%BA&min_price=10000").await;
        assert_eq!(over.ids(), vec![dear.clone()]);
        let all = s.search("min_price=10000&sort=price-high").await;
        assert_eq!(all.ids(), vec![logo.clone(), dear.clone()]);
        // Katakana and hiragana are folded; unreadable filters are ignored.
        let folded = s.search("q=%E3%82%8D%E3%81%94").await;
        assert_eq!(folded.ids(), vec![logo.clone()], "ろご finds ロゴ");
        let lenient = s
            .search("q=%E5%90%8D%E5%88%BA&max_price=abc&sort=nonsense&page=-3")
            .await;
        assert_eq!(lenient.body["total"], 2);
        assert_eq!(lenient.body["page"], 1);
        let category = s.search(&format!("category={}", business_card_id())).await;
        assert_eq!(category.body["total"], 2);
        let top_level = s.search("category=3").await;
        assert_eq!(
            top_level.body["total"], 2,
            "a top-level category includes its subcategories"
        );

        // Paused services are not found.
        s.act(&token, &dear, "pause").await;
        assert_eq!(s.search("q=%E5%90%8D%E5%88%BA").await.ids(), vec![cheap]);
    }
);

/// The title as a client would render the segments, matched pieces in brackets.
fn marked_title(card: &Value) -> String {
    card["title_segments"]
        .as_array()
        .unwrap_or_else(|| panic!("no title_segments: {card}"))
        .iter()
        .map(|seg| {
            let text = seg["text"].as_str().expect("text");
            if seg["mark"] == true {
                format!("[{text}]")
            } else {
                text.to_owned()
            }
        })
        .collect()
}

both_backends!(
    search_answers_with_marked_titles_category_counts_and_suggestions,
    |db| async move {
        let s = server(db);
        let (_, token) = s.member("hanako@example.jp", "花子", true).await;
        let cheap = s
            .draft(&token, business_cards("名刺デザインを作成します<b>", 5000))
            .await;
        let dear = s
            .draft(&token, business_cards("高級ﾒｲｼと名刺の印刷データ", 20000))
            .await;
        let mut other = business_cards("ロゴを作成します", 30000);
        other["description"] = json!("お店のロゴをデザインします。");
        let logo_category = categories::by_slug("logo/business").expect("logo");
        other["category"] = json!(logo_category.id.to_string());
        let logo = s.draft(&token, other).await;
        for id in [&cheap, &dear, &logo] {
            s.publish(&token, id).await;
        }

        // Each card's title in pieces that spell it exactly, the matches marked; markup in a
        // title is text like the rest.
        let found = s.search("q=%E5%90%8D%E5%88%BA&sort=price-low").await;
        assert_eq!(found.ids(), vec![cheap.clone(), dear.clone()]);
        let items = found.body["items"].as_array().expect("items");
        assert_eq!(marked_title(&items[0]), "[名刺]デザインを作成します<b>");
        assert_eq!(marked_title(&items[1]), "高級ﾒｲｼと[名刺]の印刷データ");
        // Folded matching marks the original characters: ﾃﾞｻﾞｲﾝ marks デザイン.
        let wide = s
            .search("q=%EF%BE%83%EF%BE%9E%EF%BD%BB%EF%BE%9E%EF%BD%B2%EF%BE%9D&sort=price-low")
            .await;
        assert_eq!(wide.ids(), vec![cheap.clone(), logo.clone()]);
        assert_eq!(
            marked_title(&wide.body["items"][0]),
            "名刺[デザイン]を作成します<b>"
        );
        // Without a keyword each title is one unmarked piece.
        let everything = s.search("").await;
        for card in everything.body["items"].as_array().expect("items") {
            assert_eq!(marked_title(card), card["title"].as_str().expect("title"));
        }

        // Category counts: every filter but the category, top level before its children.
        let business_card = business_card_id();
        let with_filter = s
            .search(&format!("q=%E4%BD%9C%E6%88%90&category={business_card}"))
            .await;
        assert_eq!(
            with_filter.ids(),
            vec![cheap.clone()],
            "作成 in business cards"
        );
        assert_eq!(with_filter.body["matches"], 1);
        let counts: Vec<(String, String, u64)> = with_filter.body["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().expect("id").to_owned(),
                    c["slug"].as_str().expect("slug").to_owned(),
                    c["count"].as_u64().expect("count"),
                )
            })
            .collect();
        let logo_top = logo_category.parent.expect("parent").to_string();
        let mut expected = vec![
            ("3".to_owned(), "print".to_owned(), 1),
            (business_card.clone(), "business-card".to_owned(), 1),
            (logo_top, "logo".to_owned(), 1),
            (logo_category.id.to_string(), "business".to_owned(), 1),
        ];
        expected.sort_by_key(|(id, _, _)| {
            categories::CATEGORIES
                .iter()
                .position(|c| c.id.to_string() == *id)
        });
        assert_eq!(counts, expected);
        let print = with_filter.body["categories"]
            .as_array()
            .and_then(|l| l.iter().find(|c| c["id"] == "3"))
            .expect("print");
        assert_eq!(print["parent_id"], Value::Null);
        assert_eq!(
            print["name"],
            Tr::new(Locale::Ja).t("category-print").as_str()
        );
        assert_eq!(with_filter.body["nearest_categories"], json!([]));
        assert_eq!(with_filter.body["popular_searches"], json!([]));

        // Nothing found: where the keyword does occur, and what others found things with,
        // named in the caller's language.
        let none = s
            .send(
                call(
                    Method::GET,
                    &format!("/search?q=%E5%90%8D%E5%88%BA&category={}", logo_category.id),
                )
                .lang("en"),
            )
            .await;
        expect(&none, "get", "/search", StatusCode::OK);
        assert_eq!(none.headers[header::CONTENT_LANGUAGE], "en");
        assert_eq!(none.body["total"], 0);
        assert_eq!(none.body["items"], json!([]));
        let nearest = &none.body["nearest_categories"];
        assert_eq!(nearest.as_array().map(Vec::len), Some(1), "{nearest}");
        assert_eq!(nearest[0]["id"], business_card.as_str());
        assert_eq!(
            nearest[0]["name"],
            Tr::new(Locale::En)
                .t("category-print-business-card")
                .as_str()
        );
        let popular: Vec<&str> = none.body["popular_searches"]
            .as_array()
            .expect("popular")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(popular.contains(&"名刺"), "{popular:?}");
    }
);

both_backends!(
    categories_are_named_in_the_callers_language,
    |db| async move {
        let s = server(db);
        let ja = s.send(call(Method::GET, "/categories")).await;
        expect(&ja, "get", "/categories", StatusCode::OK);
        assert_eq!(ja.headers[header::CONTENT_LANGUAGE], "ja");
        let list = ja.body.as_array().expect("list");
        assert_eq!(list.len(), categories::CATEGORIES.len());
        let card = list
            .iter()
            .find(|c| c["slug"] == "business-card")
            .expect("business cards");
        assert_eq!(card["parent_id"], "3");
        assert_eq!(
            card["name"],
            Tr::new(Locale::Ja)
                .t("category-print-business-card")
                .as_str()
        );
        let print = list.iter().find(|c| c["id"] == "3").expect("print");
        assert_eq!(print["parent_id"], Value::Null);

        let en = s
            .send(call(Method::GET, "/categories").lang("en-GB,en;q=0.8"))
            .await;
        expect(&en, "get", "/categories", StatusCode::OK);
        assert_eq!(en.headers[header::CONTENT_LANGUAGE], "en");
        let card = en
            .body
            .as_array()
            .and_then(|l| l.iter().find(|c| c["slug"] == "business-card"))
            .expect("business cards");
        assert_eq!(
            card["name"],
            Tr::new(Locale::En)
                .t("category-print-business-card")
                .as_str()
        );
        assert_ne!(
            card["name"],
            ja.body
                .as_array()
                .and_then(|l| l.iter().find(|c| c["slug"] == "business-card"))
                .expect("ja")["name"]
        );
    }
);

// ---------------------------------------------------------------------------------------
// Favourites

both_backends!(
    favourites_are_idempotent_and_the_members_own,
    |db| async move {
        let s = server(db);
        let (_, seller_token) = s.member("hanako@example.jp", "花子", true).await;
        let (_, token) = s.member("taro@example.jp", "太郎", false).await;
        let (_, other_token) = s.member("jiro@example.jp", "次郎", false).await;
        let id = s
            .draft(
                &seller_token,
                business_cards("名刺デザインを丁寧に作成します", 5000),
            )
            .await;
        let path = format!("/listings/{id}/favorite");

        // Drafts cannot be favourited.
        let draft = s.send(call(Method::PUT, &path).token(&token)).await;
        expect_error(
            &draft,
            "put",
            "/listings/{id}/favorite",
            StatusCode::NOT_FOUND,
            "error-not-found",
        );
        s.publish(&seller_token, &id).await;

        for _ in 0..2 {
            let added = s.send(call(Method::PUT, &path).token(&token)).await;
            expect(
                &added,
                "put",
                "/listings/{id}/favorite",
                StatusCode::NO_CONTENT,
            );
        }
        let listed = s
            .send(call(Method::GET, "/me/favorites").token(&token))
            .await;
        expect(&listed, "get", "/me/favorites", StatusCode::OK);
        assert_eq!(listed.ids(), vec![id.clone()]);
        assert!(
            listed.body[0].get("title_segments").is_none(),
            "segments are search's"
        );
        assert_eq!(
            listed.body[0]["favorites_count"], 1,
            "adding twice counts once"
        );
        let listing = s.send(call(Method::GET, &format!("/listings/{id}"))).await;
        assert_eq!(listing.body["favorites_count"], 1);
        assert_eq!(
            s.send(call(Method::GET, "/me/favorites").token(&other_token))
                .await
                .body,
            json!([])
        );
        assert_eq!(
            s.send(call(Method::PUT, &path)).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            s.send(call(Method::GET, "/me/favorites")).await.status,
            StatusCode::UNAUTHORIZED
        );

        for _ in 0..2 {
            let removed = s.send(call(Method::DELETE, &path).token(&token)).await;
            expect(
                &removed,
                "delete",
                "/listings/{id}/favorite",
                StatusCode::NO_CONTENT,
            );
        }
        assert_eq!(
            s.send(call(Method::GET, "/me/favorites").token(&token))
                .await
                .body,
            json!([])
        );
        let missing = s
            .send(call(Method::PUT, "/listings/12345/favorite").token(&token))
            .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }
);
