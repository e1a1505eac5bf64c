//! The JSON API under /api/v1, driven through the real router over a test database of each
//! kind. Every JSON body a test receives is also checked against the schema the OpenAPI
//! document gives for it, so the document cannot drift from what the handlers send.

mod support;

use support::*;
use yorozu_domain::UserId;

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use yorozu_app::accounts::{Client, sessions};
use yorozu_i18n::Tr;
use yorozu_store::both_backends;
use yorozu_web::api::ROUTES;
use yorozu_web::api::openapi::spec;

impl TestServer {
    /// Registers through the API and creates a token through the use case (the site's
    /// settings page does the same).
    async fn member(&self, email: &str, name: &str) -> (UserId, String) {
        let answer = self
            .send(
                call(Method::POST, "/accounts")
                    .json(json!({ "email": email, "password": PASSWORD, "display_name": name })),
            )
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{}", answer.body);
        let user_id = self.user_id_of(email).await;
        let token = yorozu_app::testing::api_token(&self.app, user_id)
            .await
            .expect("token");
        (user_id, token)
    }

    /// The id of the member with this address (the sign-up answer does not tell it).
    async fn user_id_of(&self, email: &str) -> UserId {
        let mut c = self.app.db.read().await.expect("read");
        yorozu_store::accounts::users::find_by_email(&mut c, email)
            .await
            .expect("find")
            .expect("registered")
            .id
    }

    /// A browser session, as signing in on the site would start.
    async fn browser_session(&self, user_id: UserId) {
        let mut tx = self.app.db.begin().await.expect("begin");
        let client = Client {
            ip: "192.0.2.10".into(),
            user_agent: "test-browser/1.0".into(),
        };
        sessions::start(&mut tx, &self.app, user_id, &client)
            .await
            .expect("session");
        tx.commit().await.expect("commit");
    }
}

// ---------------------------------------------------------------------------------------
// The document

/// (method, path) pairs of the OpenAPI document.
fn documented_routes() -> BTreeSet<(String, String)> {
    let paths = spec()["paths"].as_object().expect("paths");
    paths
        .iter()
        .flat_map(|(path, methods)| {
            methods
                .as_object()
                .expect("methods")
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect()
}

#[test]
fn the_document_lists_exactly_the_routes_of_the_router() {
    let registered: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    let documented = documented_routes();
    let undocumented: Vec<_> = registered.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&registered).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from openapi.json: {undocumented:?}"
    );
    assert!(
        unrouted.is_empty(),
        "openapi.json describes routes the router lacks: {unrouted:?}"
    );
    assert_eq!(registered.len(), ROUTES.len(), "a route is listed twice");
}

/// The whole document, reviewed: any change to an operation, a schema or a description shows up
/// as a diff of `tests/snapshots/api__openapi_document.snap`. Review it, then accept it with
/// `INSTA_UPDATE=always cargo nextest run -p yorozu-web -E 'test(the_document_is_as_reviewed)'`
/// (or `cargo insta review`).
#[test]
fn the_document_is_as_reviewed() {
    insta::assert_json_snapshot!("openapi_document", spec());
}

/// Every schema in the document is valid JSON Schema 2020-12 (the dialect of OpenAPI 3.1), so
/// the validator of the response checks can compile each of them.
#[test]
fn every_schema_in_the_document_is_valid_json_schema() {
    let schemas = spec()["components"]["schemas"]
        .as_object()
        .expect("schemas");
    assert!(!schemas.is_empty());
    for name in schemas.keys() {
        schema_validator(&json!({ "$ref": format!("#/components/schemas/{name}") }));
    }
}

/// The response checks can fail: a body the document does not allow is refused, with where.
#[test]
fn the_schema_check_refuses_what_the_document_does_not_allow() {
    let me = json!({ "$ref": "#/components/schemas/Me" });
    let good = json!({
        "id": "1", "email": "a@example.jp", "email_verified": true, "display_name": "A",
        "locale": "ja", "role": "member",
    });
    assert_eq!(check_schema(&me, &good, "Me"), Ok(()));
    for (field, bad) in [
        ("id", json!("12a")),
        ("locale", json!("fr")),
        ("email_verified", json!("yes")),
        ("extra", json!(1)),
    ] {
        let mut body = good.clone();
        body[field] = bad;
        let error = check_schema(&me, &body, "Me").expect_err(field);
        assert!(error.contains("Me"), "{error}");
    }
    let mut missing = good.clone();
    missing.as_object_mut().expect("object").remove("role");
    assert!(check_schema(&me, &missing, "Me").is_err());
}

#[test]
fn every_reference_in_the_document_resolves() {
    fn walk(v: &Value, refs: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                    refs.push(r.to_owned());
                }
                m.values().for_each(|v| walk(v, refs));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let mut refs = vec![];
    walk(spec(), &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external $ref {r}"));
        assert!(spec().pointer(pointer).is_some(), "{r} does not resolve");
    }
    let mut ids = BTreeSet::new();
    for (method, path) in documented_routes() {
        let op = &spec()["paths"][&path][&method];
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
        assert!(ids.insert(id.to_owned()), "operationId {id} used twice");
        assert!(
            op["responses"]["default"].is_object(),
            "{method} {path} documents no default (error) response"
        );
    }
}

both_backends!(
    openapi_json_is_served_and_every_route_answers,
    |db| async move {
        let s = server(db);
        let answer = s.send(call(Method::GET, "/openapi.json")).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body["openapi"], "3.1.0");
        assert_eq!(&answer.body, spec());
        assert_eq!(
            answer.body["components"]["securitySchemes"]["bearerAuth"]["scheme"],
            "bearer"
        );
        for (method, path) in ROUTES {
            let documented = answer.body["paths"][path][method].is_object();
            assert!(documented, "{method} {path} not in the served document");
            // Every listed route reaches a handler: never the unknown-route or wrong-method answer.
            let concrete = path.replace("{id}", "1");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let answer = s.send(call(method.clone(), &concrete)).await;
            assert_ne!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
            if answer.status == StatusCode::NOT_FOUND {
                assert_ne!(
                    answer.code(),
                    "error-api-route-unknown",
                    "{method} {path} is not routed"
                );
            }
        }
    }
);

// ---------------------------------------------------------------------------------------
// Accounts and authentication

both_backends!(register_then_token_then_me, |db| async move {
    let s = server(db);
    let answer = s
        .send(call(Method::POST, "/accounts").json(json!({
            "email": "hanako@example.jp",
            "password": PASSWORD,
            "display_name": "花子",
            "locale": "en",
        })))
        .await;
    expect(&answer, "post", "/accounts", StatusCode::ACCEPTED);
    assert_eq!(answer.body, json!({ "status": "confirmation-sent" }));
    let id = s.user_id_of("hanako@example.jp").await;
    let user_id = id.to_string();

    // API registration starts no browser session.
    assert!(
        sessions::list(&s.app, id, "")
            .await
            .expect("sessions")
            .is_empty()
    );

    let token = yorozu_app::testing::api_token(&s.app, id)
        .await
        .expect("token");
    assert!(token.starts_with("yzp_"));
    let me = s.send(call(Method::GET, "/me").token(&token)).await;
    expect(&me, "get", "/me", StatusCode::OK);
    assert_eq!(me.body["id"], user_id.as_str());
    assert_eq!(me.body["email"], "hanako@example.jp");
    assert_eq!(me.body["email_verified"], false);
    assert_eq!(me.body["display_name"], "花子");
    assert_eq!(me.body["locale"], "en");
    assert_eq!(me.body["role"], "member");

    // The same address again gets the very same answer (issue 14 #7): nothing tells a
    // member's address from a stranger's.
    let again = s
        .send(call(Method::POST, "/accounts").json(json!({
            "email": "hanako@example.jp", "password": PASSWORD, "display_name": "花子2",
        })))
        .await;
    assert_eq!(
        (again.status, &again.body),
        (answer.status, &answer.body),
        "issue14_7: a taken address is answered like a new one"
    );
    assert!(again.headers.get(header::LOCATION).is_none());
    let (other, other_token) = s.member("taro@example.jp", "太郎").await;
    let other_me = s.send(call(Method::GET, "/me").token(&other_token)).await;
    assert_eq!(other_me.body["id"], other.to_string().as_str());
    assert_eq!(other_me.body["locale"], "ja");
    let unsupported = s
        .send(call(Method::POST, "/accounts").json(json!({
            "email": "jiro@example.jp", "password": PASSWORD, "display_name": "次郎", "locale": "fr",
        })))
        .await;
    assert_eq!(
        unsupported.fields(),
        vec![("locale".to_owned(), "lang-unknown".to_owned())]
    );
});

both_backends!(missing_or_wrong_tokens_are_401, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;

    let none = s.send(call(Method::GET, "/me")).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.code(), "error-unauthenticated");
    assert_eq!(
        none.headers[header::WWW_AUTHENTICATE],
        r#"Bearer realm="yorozu""#
    );
    assert_eq!(none.headers[header::CONTENT_TYPE], "application/json");

    for bad in [
        "yzp_not-a-real-token",
        "not-even-prefixed",
        &token[..token.len() - 1],
    ] {
        let wrong = s.send(call(Method::GET, "/me").token(bad)).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(wrong.code(), "error-unauthenticated");
        let challenge = wrong.headers[header::WWW_AUTHENTICATE]
            .to_str()
            .expect("ascii");
        assert!(
            challenge.starts_with("Bearer ") && challenge.contains(r#"error="invalid_token""#),
            "{challenge}"
        );
    }

    let basic = s
        .send(call(Method::GET, "/me").header(header::AUTHORIZATION, "Basic aGFuYWtvOnB3"))
        .await;
    assert_eq!(basic.status, StatusCode::UNAUTHORIZED);

    // A session cookie is no credential for the API.
    let cookie = s
        .send(call(Method::GET, "/me").header(header::COOKIE, "yz_session=whatever"))
        .await;
    assert_eq!(cookie.status, StatusCode::UNAUTHORIZED);

    // A public endpoint with a broken token still says so rather than ignoring it.
    let public = s
        .send(call(Method::GET, &format!("/users/{user_id}/profile")).token("yzp_nope"))
        .await;
    assert_eq!(public.status, StatusCode::UNAUTHORIZED);

    // A revoked token stops working at once.
    let list = s.send(call(Method::GET, "/me/tokens").token(&token)).await;
    let id = list.body[0]["id"].as_str().expect("id").to_owned();
    let revoked = s
        .send(call(Method::DELETE, &format!("/me/tokens/{id}")).token(&token))
        .await;
    expect(
        &revoked,
        "delete",
        "/me/tokens/{id}",
        StatusCode::NO_CONTENT,
    );
    assert_eq!(
        s.send(call(Method::GET, "/me").token(&token)).await.status,
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(
    validation_errors_speak_the_callers_language,
    |db| async move {
        let s = server(db);
        let bad = json!({ "email": "not-an-address", "password": "short", "display_name": "" });

        let ja = s
            .send(call(Method::POST, "/accounts").json(bad.clone()))
            .await;
        assert_eq!(ja.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(ja.code(), "error-invalid-input");
        let codes: Vec<String> = ja.fields().into_iter().map(|(f, _)| f).collect();
        assert_eq!(codes, vec!["email", "password", "display_name"]);
        let tr_ja = Tr::new(yorozu_domain::Locale::Ja);
        assert_eq!(
            ja.body["error"]["message"],
            tr_ja.t("error-invalid-input").as_str()
        );
        assert_eq!(ja.field_message("email"), tr_ja.t("email-invalid"));
        assert!(
            ja.field_message("password").contains('8'),
            "{}",
            ja.field_message("password")
        );
        assert!(ja.field_message("display_name").contains("表示名"));

        let en = s
            .send(
                call(Method::POST, "/accounts")
                    .lang("en-US,en;q=0.9,ja;q=0.5")
                    .json(bad.clone()),
            )
            .await;
        assert_eq!(en.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            en.fields(),
            ja.fields(),
            "codes do not depend on the language"
        );
        let tr_en = Tr::new(yorozu_domain::Locale::En);
        assert_eq!(
            en.body["error"]["message"],
            tr_en.t("error-invalid-input").as_str()
        );
        assert_eq!(en.field_message("email"), tr_en.t("email-invalid"));
        assert_ne!(
            en.field_message("display_name"),
            ja.field_message("display_name")
        );

        // Unsupported languages fall back to Japanese; other errors are localised too.
        let fr = s
            .send(call(Method::POST, "/accounts").lang("fr").json(bad))
            .await;
        assert_eq!(fr.field_message("email"), tr_ja.t("email-invalid"));
        let en_401 = s.send(call(Method::GET, "/me").lang("en")).await;
        assert_eq!(
            en_401.body["error"]["message"],
            tr_en.t("error-unauthenticated").as_str()
        );
    }
);

both_backends!(bad_requests_get_the_error_shape, |db| async move {
    let s = server_with_limit(db, 4096);
    let (_, token) = s.member("hanako@example.jp", "花子").await;

    let syntax = s
        .send(
            call(Method::POST, "/me/password")
                .token(&token)
                .raw("application/json", b"{\"current_password\":".to_vec()),
        )
        .await;
    assert_eq!(syntax.status, StatusCode::BAD_REQUEST);
    assert_eq!(syntax.code(), "error-bad-json");
    assert!(syntax.body["error"]["detail"].is_string());

    let shape = s
        .send(
            call(Method::POST, "/me/password")
                .token(&token)
                .json(json!({ "current_password": 5 })),
        )
        .await;
    assert_eq!(shape.status, StatusCode::BAD_REQUEST);
    assert_eq!(shape.code(), "error-bad-json");

    let no_type = s
        .send(
            call(Method::POST, "/me/password")
                .token(&token)
                .raw("text/plain", b"{}".to_vec()),
        )
        .await;
    assert_eq!(no_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(no_type.code(), "error-unsupported-media-type");

    let huge = json!({ "current_password": "x".repeat(10_000) });
    let too_large = s
        .send(call(Method::POST, "/me/password").token(&token).json(huge))
        .await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(too_large.code(), "error-body-too-large");

    let unknown = s.send(call(Method::GET, "/no/such/thing").lang("en")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "error-api-route-unknown");
    assert_eq!(
        unknown.body["error"]["message"],
        Tr::new(yorozu_domain::Locale::En)
            .t("error-api-route-unknown")
            .as_str()
    );

    let wrong_method = s.send(call(Method::PATCH, "/me").token(&token)).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong_method.code(), "error-method-not-allowed");
});

both_backends!(email_and_password_changes, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;

    let wrong = s
        .send(
            call(Method::POST, "/me/email")
                .token(&token)
                .json(json!({ "new_email": "new@example.jp", "current_password": "nope" })),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.fields(),
        vec![("current_password".to_owned(), "password-wrong".to_owned())]
    );
    let accepted = s
        .send(
            call(Method::POST, "/me/email")
                .token(&token)
                .json(json!({ "new_email": "new@example.jp", "current_password": PASSWORD })),
        )
        .await;
    expect(&accepted, "post", "/me/email", StatusCode::ACCEPTED);

    s.browser_session(user_id).await;
    s.browser_session(user_id).await;
    let listed = s
        .send(call(Method::GET, "/me/sessions").token(&token))
        .await;
    expect(&listed, "get", "/me/sessions", StatusCode::OK);
    assert_eq!(listed.body.as_array().map(Vec::len), Some(2));

    let weak = s
        .send(
            call(Method::POST, "/me/password")
                .token(&token)
                .json(json!({ "current_password": PASSWORD, "new_password": "short" })),
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(weak.fields()[0].0, "new_password");
    let changed = s
        .send(
            call(Method::POST, "/me/password")
                .token(&token)
                .json(json!({
                    "current_password": PASSWORD, "new_password": "a much better passphrase",
                })),
        )
        .await;
    expect(&changed, "post", "/me/password", StatusCode::NO_CONTENT);
    // Every browser session is signed out and every token revoked, this one included.
    let mut c = s.app.db.read().await.expect("read");
    let sessions_left = yorozu_store::accounts::sessions::list_for_user(&mut c, user_id, START)
        .await
        .expect("sessions");
    assert!(sessions_left.is_empty(), "{sessions_left:?}");
    let after = s
        .send(call(Method::GET, "/me/sessions").token(&token))
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
});

// ---------------------------------------------------------------------------------------
// Profile

both_backends!(profile_update_then_public_profile, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;
    let path = format!("/users/{user_id}/profile");

    let updated = s
        .send(call(Method::PUT, "/me/profile").token(&token).json(json!({
            "display_name": "花子デザイン",
            "introduction": "ロゴとバナーを作ります。",
            "skills": ["Illustrator", "Photoshop", "ロゴ制作"],
            "sns_links": ["https://github.com/hanako"],
            "nda": "willing",
        })))
        .await;
    expect(&updated, "put", "/me/profile", StatusCode::OK);
    assert_eq!(updated.body["display_name"], "花子デザイン");
    assert_eq!(
        updated.body["skills"],
        json!(["Illustrator", "Photoshop", "ロゴ制作"])
    );
    assert_eq!(
        updated.body["sns_links"],
        json!([{ "kind": "github", "url": "https://github.com/hanako" }])
    );
    assert!(
        updated.body["completeness"]["percent"]
            .as_u64()
            .is_some_and(|p| p > 0 && p < 100)
    );

    let public = s.send(call(Method::GET, &path)).await;
    expect(&public, "get", "/users/{id}/profile", StatusCode::OK);
    assert_eq!(public.body["user_id"], user_id.to_string().as_str());
    assert_eq!(public.body["introduction"], "ロゴとバナーを作ります。");
    assert_eq!(public.body["nda"], "willing");
    assert!(
        public.body.get("completeness").is_none(),
        "strangers do not see the completeness"
    );

    let own = s.send(call(Method::GET, &path).token(&token)).await;
    expect(&own, "get", "/users/{id}/profile", StatusCode::OK);
    let suggestions = own.body["completeness"]["suggestions"]
        .as_array()
        .expect("suggestions");
    assert!(
        suggestions
            .iter()
            .any(|x| x["code"] == "suggest-add-avatar")
    );

    let (_, other_token) = s.member("taro@example.jp", "太郎").await;
    let someone_else = s.send(call(Method::GET, &path).token(&other_token)).await;
    assert!(someone_else.body.get("completeness").is_none());

    // All problems at once, nothing saved.
    let invalid = s
        .send(
            call(Method::PUT, "/me/profile")
                .token(&token)
                .lang("en")
                .json(json!({
                    "display_name": "",
                    "sns_links": ["not a url"],
                    "nda": "maybe",
                })),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = invalid.fields().into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, vec!["display_name", "sns_links", "nda"]);
    assert!(invalid.field_message("sns_links").contains("not a url"));
    let unchanged = s.send(call(Method::GET, &path)).await;
    assert_eq!(unchanged.body["display_name"], "花子デザイン");

    for missing in ["/users/1/profile", "/users/abc/profile"] {
        let answer = s.send(call(Method::GET, missing)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(answer.code(), "error-not-found");
    }
});

both_backends!(avatar_upload_and_removal, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;
    let path = format!("/users/{user_id}/profile");

    let uploaded = s
        .send(
            call(Method::PUT, "/me/avatar")
                .token(&token)
                .raw("image/png", png(64, 48)),
        )
        .await;
    expect(&uploaded, "put", "/me/avatar", StatusCode::NO_CONTENT);
    assert_eq!(
        s.send(call(Method::GET, &path)).await.body["has_avatar"],
        true
    );

    let not_image = s
        .send(
            call(Method::PUT, "/me/avatar")
                .token(&token)
                .raw("image/png", b"hello".to_vec()),
        )
        .await;
    assert_eq!(not_image.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(not_image.fields()[0].1, "upload-not-image");
    let wrong_type = s
        .send(
            call(Method::PUT, "/me/avatar")
                .token(&token)
                .raw("text/plain", png(8, 8)),
        )
        .await;
    assert_eq!(wrong_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let removed = s
        .send(call(Method::DELETE, "/me/avatar").token(&token))
        .await;
    expect(&removed, "delete", "/me/avatar", StatusCode::NO_CONTENT);
    assert_eq!(
        s.send(call(Method::GET, &path)).await.body["has_avatar"],
        false
    );
});

// ---------------------------------------------------------------------------------------
// Sessions, tokens, notifications, identity

both_backends!(tokens_are_the_callers_own, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;
    let (_, other_token) = s.member("taro@example.jp", "太郎").await;
    let first = s.send(call(Method::GET, "/me/tokens").token(&token)).await;
    let first_id = first.body[0]["id"].clone();
    let new_secret = yorozu_app::testing::api_token(&s.app, user_id)
        .await
        .expect("token");
    assert_eq!(
        s.send(call(Method::GET, "/me").token(&new_secret))
            .await
            .status,
        StatusCode::OK
    );

    let listed = s.send(call(Method::GET, "/me/tokens").token(&token)).await;
    expect(&listed, "get", "/me/tokens", StatusCode::OK);
    let list = listed.body.as_array().expect("list");
    assert_eq!(list.len(), 2);
    assert!(
        list.iter().all(|t| t.get("token").is_none()),
        "secrets are never listed"
    );
    assert!(
        list.iter()
            .all(|t| t["scope"] == "full" && t["expires_at"].is_i64())
    );
    let new_id = list
        .iter()
        .filter_map(|t| t["id"].as_str())
        .find(|id| first_id != *id)
        .expect("the new token")
        .to_owned();

    // Another member cannot revoke it, or even learn that it exists.
    let theirs = s
        .send(call(Method::DELETE, &format!("/me/tokens/{new_id}")).token(&other_token))
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(theirs.code(), "error-not-found");
    assert_eq!(
        s.send(call(Method::GET, "/me").token(&new_secret))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        s.send(call(Method::DELETE, "/me/tokens/not-a-number").token(&token))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let mine = s
        .send(call(Method::DELETE, &format!("/me/tokens/{new_id}")).token(&token))
        .await;
    expect(&mine, "delete", "/me/tokens/{id}", StatusCode::NO_CONTENT);
    assert_eq!(
        s.send(call(Method::GET, "/me").token(&new_secret))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(issue14_2_a_token_cannot_create_a_token, |db| async move {
    let s = server(db);
    let (_, token) = s.member("hanako@example.jp", "花子").await;
    let created = s
        .send(
            call(Method::POST, "/me/tokens")
                .token(&token)
                .json(json!({ "name": "CI", "password": PASSWORD, "scope": "full" })),
        )
        .await;
    assert_eq!(created.status, StatusCode::FORBIDDEN);
    assert!(!spec()["paths"]["/me/tokens"]["post"]["responses"]["403"].is_null());
    assert_eq!(created.code(), "token-creation-needs-sign-in");
    let listed = s.send(call(Method::GET, "/me/tokens").token(&token)).await;
    assert_eq!(
        listed.body.as_array().expect("list").len(),
        1,
        "nothing made"
    );
});

both_backends!(
    issue14_2_a_read_token_only_reads_and_an_expired_token_is_refused,
    |db| async move {
        let s = server(db);
        let (user_id, _) = s.member("hanako@example.jp", "花子").await;
        let read = yorozu_app::testing::api_token_with(
            &s.app,
            user_id,
            yorozu_domain::accounts::TokenScope::Read,
        )
        .await
        .expect("token");
        let me = s.send(call(Method::GET, "/me").token(&read)).await;
        assert_eq!(me.status, StatusCode::OK);
        let change = s
            .send(call(Method::DELETE, "/me/avatar").token(&read))
            .await;
        assert_eq!(change.status, StatusCode::FORBIDDEN);
        assert_eq!(change.code(), "token-read-only");
        let revoke_self = s
            .send(call(Method::DELETE, "/me/tokens/1").token(&read))
            .await;
        assert_eq!(revoke_self.status, StatusCode::FORBIDDEN);

        s.clock.advance_seconds(90 * 86_400);
        let expired = s.send(call(Method::GET, "/me").token(&read)).await;
        assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
        assert_eq!(expired.code(), "token-expired");
        let challenge = expired.headers[header::WWW_AUTHENTICATE]
            .to_str()
            .expect("ascii");
        assert!(
            challenge.contains(r#"error="invalid_token""#),
            "{challenge}"
        );
    }
);

both_backends!(
    issue14_2_changing_the_password_through_the_api_revokes_every_token,
    |db| async move {
        let s = server(db);
        let (user_id, token) = s.member("hanako@example.jp", "花子").await;
        let other = yorozu_app::testing::api_token(&s.app, user_id)
            .await
            .expect("token");
        let changed = s
            .send(
                call(Method::POST, "/me/password")
                    .token(&token)
                    .json(json!({
                        "current_password": PASSWORD, "new_password": "a brand new secret",
                    })),
            )
            .await;
        expect(&changed, "post", "/me/password", StatusCode::NO_CONTENT);
        for t in [&token, &other] {
            assert_eq!(
                s.send(call(Method::GET, "/me").token(t)).await.status,
                StatusCode::UNAUTHORIZED
            );
        }
    }
);

both_backends!(
    issue14_7_api_sign_ups_are_limited_per_client_with_retry_after,
    |db| async move {
        let s = server_with_request_limit(db, 2);
        for n in 0..2 {
            let ok = s
                .send(call(Method::POST, "/accounts").json(json!({
                    "email": format!("someone{n}@example.jp"), "password": PASSWORD, "display_name": "だれか",
                })))
                .await;
            assert_eq!(ok.status, StatusCode::ACCEPTED, "{}", ok.body);
        }
        let refused = s
            .send(call(Method::POST, "/accounts").json(json!({
                "email": "someone9@example.jp", "password": PASSWORD, "display_name": "だれか",
            })))
            .await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!spec()["paths"]["/accounts"]["post"]["responses"]["429"].is_null());
        assert_eq!(refused.code(), "error-throttled");
        assert_eq!(refused.headers[header::RETRY_AFTER], "900");
    }
);

both_backends!(sessions_are_listed_and_revoked, |db| async move {
    let s = server(db);
    let (user_id, token) = s.member("hanako@example.jp", "花子").await;
    let (other_id, other_token) = s.member("taro@example.jp", "太郎").await;
    s.browser_session(user_id).await;
    s.browser_session(other_id).await;

    let listed = s
        .send(call(Method::GET, "/me/sessions").token(&token))
        .await;
    expect(&listed, "get", "/me/sessions", StatusCode::OK);
    let list = listed.body.as_array().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["user_agent"], "test-browser/1.0");
    let id = list[0]["id"].as_str().expect("id").to_owned();

    let theirs = s
        .send(call(Method::DELETE, &format!("/me/sessions/{id}")).token(&other_token))
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let revoked = s
        .send(call(Method::DELETE, &format!("/me/sessions/{id}")).token(&token))
        .await;
    expect(
        &revoked,
        "delete",
        "/me/sessions/{id}",
        StatusCode::NO_CONTENT,
    );
    assert_eq!(
        s.send(call(Method::GET, "/me/sessions").token(&token))
            .await
            .body,
        json!([])
    );
    let other_list = s
        .send(call(Method::GET, "/me/sessions").token(&other_token))
        .await;
    assert_eq!(
        other_list.body.as_array().map(Vec::len),
        Some(1),
        "the other member's session is untouched"
    );
});

both_backends!(notification_settings, |db| async move {
    let s = server(db);
    let (_, token) = s.member("hanako@example.jp", "花子").await;

    let listed = s
        .send(call(Method::GET, "/me/notifications").token(&token))
        .await;
    expect(&listed, "get", "/me/notifications", StatusCode::OK);
    let find = |body: &Value, category: &str| {
        body.as_array()
            .and_then(|l| l.iter().find(|x| x["category"] == category))
            .cloned()
    };
    assert_eq!(listed.body.as_array().map(Vec::len), Some(7));
    assert_eq!(
        find(&listed.body, "newsletter"),
        Some(json!({ "category": "newsletter", "enabled": false, "locked": false }))
    );
    assert_eq!(
        find(&listed.body, "account"),
        Some(json!({ "category": "account", "enabled": true, "locked": true }))
    );
    assert_eq!(
        find(&listed.body, "messages"),
        Some(json!({ "category": "messages", "enabled": true, "locked": false }))
    );

    let updated = s
        .send(call(Method::PUT, "/me/notifications").token(&token).json(json!({
            "settings": [{ "category": "messages", "enabled": false }, { "category": "favorites", "enabled": false }],
        })))
        .await;
    expect(&updated, "put", "/me/notifications", StatusCode::OK);
    assert_eq!(
        find(&updated.body, "messages").map(|n| n["enabled"].clone()),
        Some(json!(false))
    );
    assert_eq!(
        find(&updated.body, "favorites").map(|n| n["enabled"].clone()),
        Some(json!(false))
    );
    assert_eq!(
        find(&updated.body, "transactions").map(|n| n["enabled"].clone()),
        Some(json!(true))
    );
    let again = s
        .send(call(Method::GET, "/me/notifications").token(&token))
        .await;
    assert_eq!(again.body, updated.body);

    let locked = s
        .send(
            call(Method::PUT, "/me/notifications")
                .token(&token)
                .json(json!({
                    "settings": [{ "category": "account", "enabled": false }],
                })),
        )
        .await;
    assert_eq!(locked.status, StatusCode::CONFLICT);
    assert_eq!(locked.code(), "settings-transactional-locked");
    let unknown = s
        .send(
            call(Method::PUT, "/me/notifications")
                .token(&token)
                .json(json!({
                    "settings": [{ "category": "spam", "enabled": true }],
                })),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
});

both_backends!(identity_state_before_any_submission, |db| async move {
    let s = server(db);
    let (_, token) = s.member("hanako@example.jp", "花子").await;
    let answer = s
        .send(call(Method::GET, "/me/identity").token(&token))
        .await;
    expect(&answer, "get", "/me/identity", StatusCode::OK);
    assert_eq!(answer.body["status"], Value::Null);
    assert_eq!(
        s.send(call(Method::GET, "/me/identity")).await.status,
        StatusCode::UNAUTHORIZED
    );
});
