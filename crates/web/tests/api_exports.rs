//! The data export in the JSON API — asking for an archive (`POST /api/v1/me/exports`),
//! following it (`GET /api/v1/me/exports/latest`) and downloading it (`GET
//! /api/v1/me/exports/{id}/download`) — through the real router over a test database of each
//! kind. Every JSON body is checked against the schema the OpenAPI document gives for the
//! operation.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode, header};
use support::*;
use yorozu_app::App;
use yorozu_app::export::request;
use yorozu_store::export::archives;
use yorozu_store::{Db, both_backends};
use yorozu_web::api::openapi::spec;

const EXPORTS: &str = "/me/exports";
const LATEST: &str = "/me/exports/latest";
const DOWNLOAD: &str = "/me/exports/{id}/download";

/// A member with a token.
async fn member(app: &App, email: &str, name: &str) -> (yorozu_app::accounts::CurrentUser, String) {
    let user = pages::member(app, email, name).await;
    let token = yorozu_app::testing::api_token(app, user.id)
        .await
        .expect("token");
    (user, token)
}

/// An error answer: its status (documented for the operation) and code; `send` has checked the
/// body against the `Error` schema.
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    assert_eq!(answer.code(), code, "{method} {path}");
    let documented = &spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

/// The API path of archive `id`'s download.
fn download_path(id: &str) -> String {
    DOWNLOAD.replace("{id}", id)
}

both_backends!(every_export_route_needs_a_token, |db: Db| async move {
    let s = server(db);
    for (method, path, concrete) in [
        (Method::POST, EXPORTS, EXPORTS.to_owned()),
        (Method::GET, LATEST, LATEST.to_owned()),
        (Method::GET, DOWNLOAD, download_path("1")),
    ] {
        let answer = s.send(call(method.clone(), &concrete)).await;
        expect_error(
            &answer,
            &method.as_str().to_lowercase(),
            path,
            StatusCode::UNAUTHORIZED,
            "error-unauthenticated",
        );
        let answer = s
            .send(call(method.clone(), &concrete).token("yzp_nonsense"))
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
});

both_backends!(
    an_archive_is_asked_for_followed_and_downloaded,
    |db: Db| async move {
        let s = server(db);
        let (user, token) = member(&s.app, "hanako@example.jp", "花子").await;

        // Nothing asked for yet.
        let none = s.send(call(Method::GET, LATEST).token(&token)).await;
        expect_error(
            &none,
            "get",
            LATEST,
            StatusCode::NOT_FOUND,
            "error-not-found",
        );

        let created = s.send(call(Method::POST, EXPORTS).token(&token)).await;
        expect(&created, "post", EXPORTS, StatusCode::ACCEPTED);
        assert_eq!(created.body["status"], "queued");
        assert_eq!(created.body["progress"], 0);
        assert_eq!(created.body["size_bytes"], 0);
        assert!(created.body["download_url"].is_null());
        assert!(created.body["ready_at"].is_null());
        let id = created.body["id"].as_str().expect("id").to_owned();
        let requested_at = created.body["requested_at"].as_i64().expect("requested_at");
        assert_eq!(
            created.body["next_request_at"].as_i64(),
            Some(requested_at + 24 * 3_600)
        );

        // Not ready yet: not downloadable.
        let early = s
            .send(call(Method::GET, &download_path(&id)).token(&token))
            .await;
        expect_error(
            &early,
            "get",
            DOWNLOAD,
            StatusCode::CONFLICT,
            "export-not-available",
        );

        // While it is built, its progress.
        let mut tx = s.app.db.begin().await.expect("begin");
        let now = s.app.now();
        let export_id: i64 = id.parse().expect("id");
        assert!(
            archives::claim(&mut tx, export_id, now, now)
                .await
                .expect("claim")
        );
        archives::progress(&mut tx, export_id, 40, 1, now)
            .await
            .expect("progress");
        tx.commit().await.expect("commit");
        let building = s.send(call(Method::GET, LATEST).token(&token)).await;
        expect(&building, "get", LATEST, StatusCode::OK);
        assert_eq!(building.body["status"], "building");
        assert_eq!(building.body["progress"], 40);
        let busy = s.send(call(Method::POST, EXPORTS).token(&token)).await;
        expect_error(
            &busy,
            "post",
            EXPORTS,
            StatusCode::CONFLICT,
            "export-in-progress",
        );

        // That builder goes silent; the job takes the build over.
        let mut tx = s.app.db.begin().await.expect("begin");
        let then = now - archives::STALE_SECONDS - 1;
        archives::progress(&mut tx, export_id, 40, 1, then)
            .await
            .expect("progress");
        tx.commit().await.expect("commit");
        run_jobs(&s.app).await;
        let ready = s.send(call(Method::GET, LATEST).token(&token)).await;
        expect(&ready, "get", LATEST, StatusCode::OK);
        assert_eq!(ready.body["id"], id.as_str());
        assert_eq!(ready.body["status"], "ready");
        assert_eq!(ready.body["progress"], 100);
        let url = format!("/api/v1{}", download_path(&id));
        assert_eq!(ready.body["download_url"], url.as_str());
        let size = ready.body["size_bytes"].as_i64().expect("size");
        assert!(size > 0);
        let ready_at = ready.body["ready_at"].as_i64().expect("ready_at");
        assert_eq!(
            ready.body["expires_at"].as_i64(),
            Some(ready_at + 7 * 86_400)
        );

        // The download: documented, a whole ZIP file of the announced length.
        let documented = &spec()["paths"][DOWNLOAD]["get"]["responses"]["200"];
        assert!(documented["content"]["application/zip"].is_object());
        let (status, headers, bytes) = s
            .send_raw(call(Method::GET, &download_path(&id)).token(&token))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(headers[header::CONTENT_LENGTH], size.to_string().as_str());
        let row = request::latest(&s.app, &user)
            .await
            .expect("latest")
            .expect("row");
        assert!(
            headers[header::CONTENT_DISPOSITION]
                .to_str()
                .expect("ascii")
                .starts_with(&format!(
                    "attachment; filename=\"{}\"",
                    request::file_name(&row)
                ))
        );
        assert_eq!(bytes.len() as i64, size);
        assert!(
            zip_entries(&bytes).iter().any(|name| name == "index.html"),
            "the archive holds index.html"
        );

        // Someone else's archive is not found for another member.
        let (_, other) = member(&s.app, "other@example.jp", "別の人").await;
        let theirs = s
            .send(call(Method::GET, &download_path(&id)).token(&other))
            .await;
        expect_error(
            &theirs,
            "get",
            DOWNLOAD,
            StatusCode::NOT_FOUND,
            "error-not-found",
        );
        let missing = s
            .send(call(Method::GET, &download_path("nonsense")).token(&token))
            .await;
        expect_error(
            &missing,
            "get",
            DOWNLOAD,
            StatusCode::NOT_FOUND,
            "error-not-found",
        );
        let others_latest = s.send(call(Method::GET, LATEST).token(&other)).await;
        expect_error(
            &others_latest,
            "get",
            LATEST,
            StatusCode::NOT_FOUND,
            "error-not-found",
        );

        // Once a day: the second request is refused, in the caller's language.
        let again = s.send(call(Method::POST, EXPORTS).token(&token)).await;
        expect_error(
            &again,
            "post",
            EXPORTS,
            StatusCode::CONFLICT,
            "export-once-a-day",
        );
        assert!(
            again.body["error"]["message"]
                .as_str()
                .expect("message")
                .contains("1日に1回")
        );
        let english = s
            .send(call(Method::POST, EXPORTS).token(&token).lang("en"))
            .await;
        expect_error(
            &english,
            "post",
            EXPORTS,
            StatusCode::CONFLICT,
            "export-once-a-day",
        );
        let message = english.body["error"]["message"].as_str().expect("message");
        assert!(message.is_ascii(), "{message}");
    }
);
