//! Downloading one's data (`/settings/export`) as a browser sees it, on each database kind:
//! the explanation and the button, a request built by the job and downloaded as a real ZIP
//! file, the progress bar while it is built, the once-a-day rule, expiry, the link from the
//! withdrawal page, and the public key that checks the signed reviews.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, StatusCode, header};
use pages::*;
use support::*;
use tower::ServiceExt;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::export::signed::{PUBLIC_KEY_PATH, PublicKeyDocument, public_key_document};
use yorozu_app::export::{Archive, request};
use yorozu_domain::UserId;
use yorozu_store::export::archives;
use yorozu_store::{Db, both_backends};

const PATH: &str = "/settings/export";
const DAY: i64 = 86_400;

async fn latest(app: &App, who: &CurrentUser) -> Archive {
    request::latest(app, who)
        .await
        .expect("latest")
        .expect("an archive")
}

/// A seller with a completed, reviewed sale, so that the archive has something in every part.
async fn seller_with_a_sale(app: &App) -> CurrentUser {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = publish(app, &seller, "名刺をデザインします").await;
    let card = card(app, &buyer).await;
    let order = completed_order(app, &buyer, card, &seller, listing).await;
    review(app, &buyer, order, 5, "とても丁寧でした。", false).await;
    seller
}

fn header_of(page: &Page, name: header::HeaderName) -> &str {
    page.headers
        .get(&name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
}

both_backends!(
    the_page_explains_the_archive_and_offers_the_button,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        let page = Browser::signed_in(&s, m.id).await.get(PATH).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        page.assert_contains(&[
            "<h1>データのダウンロード</h1>",
            // In the settings menu, before 退会, marked as the current page.
            r#"<a href="/settings/export" aria-current="page">データのダウンロード</a></li>
      <li><a href="/settings/withdrawal">退会</a>"#,
            "まだお申し込みはありません。",
            "プロフィール（表示名、自己紹介、アイコン画像など）",
            "出品したサービス（オプション、よくある質問、画像を含む）",
            "購入・販売した取引",
            "トークルームのメッセージと、やり取りしたファイル",
            "受け取った評価と、あなたが書いた評価",
            "売上、売上金の会計記録、振込申請",
            "ポイントの履歴と、使ったクーポン",
            "JSON 形式",
            "Excel",
            "index.html",
            "公開されている表示名だけ",
            "準備ができましたら、ご登録のメールアドレスにお知らせします。",
            "準備ができてから7日間",
            "お申し込みは24時間に1回までです。",
            "署名付きの評価データ",
            "実績を示す",
            r#"<a href="/.well-known/yorozu-reviews-key.json">"#,
            r#"<form method="post" action="/settings/export">"#,
            r#"<input type="hidden" name="_csrf" value=""#,
            r#"<button type="submit" class="button">データのダウンロードを申し込む</button>"#,
        ]);
        page.assert_lacks(&[
            "http-equiv=\"refresh\"",
            "<progress",
            ">export-",
            ">settings-nav-",
        ]);
        assert_eq!(header_of(&page, header::CACHE_CONTROL), "no-store");

        // Every other settings page lists it too.
        let points = Browser::signed_in(&s, m.id)
            .await
            .get("/settings/points")
            .await;
        points.assert_contains(&[r#"<a href="/settings/export">データのダウンロード</a>"#]);

        let en = Browser::signed_in(&s, m.id).await.english().get(PATH).await;
        en.assert_contains(&[
            "<h1>Download your data</h1>",
            r#"<a href="/settings/export" aria-current="page">Download your data</a>"#,
            "You have not asked for an archive yet.",
            "opens directly in Excel",
            "You can download it for 7 days after it is ready.",
            "You can ask for an archive once every 24 hours.",
            "Signed reviews",
            r#"<button type="submit" class="button">Request a download of my data</button>"#,
        ]);
        en.assert_lacks(&[">export-", "データ"]);

        // Signed out: to the sign-in page, and back here afterwards.
        let anonymous = Browser::new(&s).get(PATH).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
        assert_eq!(
            anonymous.location(),
            Some("/login?next=%2Fsettings%2Fexport")
        );
    }
);

both_backends!(
    a_request_is_built_then_downloaded_as_a_zip_file,
    |db: Db| async move {
        let s = server(db);
        let seller = seller_with_a_sale(&s.app).await;
        let mut browser = Browser::signed_in(&s, seller.id).await;

        let queued = browser.submit(PATH, &[]).await;
        assert_eq!(queued.status, StatusCode::OK, "{}", queued.html);
        queued.assert_contains(&[
            "お申し込みを受け付けました。アーカイブの準備ができましたら、メールでお知らせします。",
            r#"<meta http-equiv="refresh" content="3">"#,
            "アーカイブの作成を待っています。このページは自動で更新されます。",
            r#"max="100" value="0""#,
        ]);
        // Nothing more to ask for while it is built.
        queued.assert_lacks(&[
            "データのダウンロードを申し込む</button>",
            "次のお申し込みは",
        ]);

        run_jobs(&s.app).await;
        let row = latest(&s.app, &seller).await;
        assert_eq!(row.status.as_str(), "ready");
        let file_name = request::file_name(&row);
        let href = format!("/settings/export/{}/download", row.id);
        let ready = browser.get(PATH).await;
        ready.assert_contains(&[
            "アーカイブの準備ができました。",
            &file_name,
            &format!(r#"href="{href}""#),
            // 2025-06-16 00:06 JST, a week later.
            "2025年6月23日 00:06まで",
            // The next request is allowed a day after this one.
            "次のお申し込みは 2025年6月17日 00:06 からできます。",
        ]);
        ready.assert_lacks(&["http-equiv=\"refresh\"", "<progress", "申し込む</button>"]);
        let size = ready
            .html
            .split(r#"<dd id="export-size">"#)
            .nth(1)
            .and_then(|rest| rest.split("</dd>").next())
            .expect("size shown");
        assert!(size.ends_with(" KB") || size.ends_with(" MB"), "{size}");

        // The download: the whole archive, announced with its length, never kept.
        let (status, headers, raw) = raw_get(&s, seller.id, &href).await;
        assert_eq!(status, StatusCode::OK);
        let header = |name: header::HeaderName| {
            headers
                .get(&name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("no {name} header"))
                .to_owned()
        };
        assert_eq!(header(header::CONTENT_TYPE), "application/zip");
        assert!(
            header(header::CONTENT_DISPOSITION)
                .starts_with(&format!("attachment; filename=\"{file_name}\"")),
        );
        assert_eq!(header(header::CACHE_CONTROL), "no-store");
        assert_eq!(header(header::CONTENT_LENGTH), row.size_bytes.to_string());
        assert_eq!(raw.len() as i64, row.size_bytes);
        let entries = zip_entries(&raw);
        for name in [
            "index.html",
            "data/profile.json",
            "csv/orders.csv",
            "reviews/reviews.json",
            "reviews/reviews.json.sig",
            "schema/export.schema.json",
        ] {
            assert!(
                entries.iter().any(|e| e == name),
                "{name} missing: {entries:?}"
            );
        }

        // Someone else's archive does not exist for them, signed in or not.
        let other = member(&s.app, "other@example.jp", "別の人").await;
        let theirs = Browser::signed_in(&s, other.id).await.get(&href).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        theirs.assert_lacks(&[&file_name]);
        let anonymous = Browser::new(&s).get(&href).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
        let nonsense = browser.get("/settings/export/abc/download").await;
        assert_eq!(nonsense.status, StatusCode::NOT_FOUND);

        // A second request the same day is refused, with the reason, and nothing is queued.
        let again = browser.post(PATH, &[]).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        again.assert_contains(&[
            "データのダウンロードは1日に1回までです。",
            "アーカイブの準備ができました。",
        ]);
        assert_eq!(latest(&s.app, &seller).await.id, row.id);
    }
);

/// A GET by a fresh session of `user_id`, answered as the router sends it (the test browser
/// keeps bodies as text, and a ZIP file is not text).
async fn signed_in_get(s: &TestServer, user_id: UserId, path: &str) -> axum::response::Response {
    let mut tx = s.app.db.begin().await.expect("begin");
    let session = yorozu_app::accounts::sessions::start(&mut tx, &s.app, user_id, &client())
        .await
        .expect("session");
    tx.commit().await.expect("commit");
    let request = axum::http::Request::builder()
        .uri(path)
        .header(header::COOKIE, format!("yz_session={session}"))
        .body(Body::empty())
        .expect("request");
    s.router.clone().oneshot(request).await.expect("infallible")
}

/// A signed-in GET whose body is kept as bytes.
async fn raw_get(s: &TestServer, user_id: UserId, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = signed_in_get(s, user_id, path).await;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    (status, headers, bytes)
}

both_backends!(
    while_it_is_built_the_page_shows_the_progress_and_refreshes,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        let row = request::request(&s.app, &m).await.expect("request");
        let mut tx = s.app.db.begin().await.expect("begin");
        assert!(
            archives::claim(&mut tx, row.id, s.app.now(), s.app.now())
                .await
                .expect("claim")
        );
        archives::progress(&mut tx, row.id, 40, 1, s.app.now())
            .await
            .expect("progress");
        tx.commit().await.expect("commit");

        let mut browser = Browser::signed_in(&s, m.id).await;
        let page = browser.get(PATH).await;
        page.assert_contains(&[
            r#"<meta http-equiv="refresh" content="3">"#,
            "アーカイブを作成しています（40%）。このページは自動で更新されます。",
            r#"<progress id="export-progress" class="export-progress" max="100" value="40" aria-label="アーカイブの作成の進み具合">40%</progress>"#,
            "お申し込み日時: 2025年6月16日 00:06",
        ]);
        page.assert_lacks(&["申し込む</button>", "アーカイブの準備ができました。"]);

        // Asking again meanwhile (from a page left open) is refused with the reason.
        let again = browser.post(PATH, &[]).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        again.assert_contains(&[
            "アーカイブを作成中です。完了するまでお待ちください。",
            "（40%）",
        ]);
        // Not ready, so not downloadable.
        let early = browser
            .get(&format!("/settings/export/{}/download", row.id))
            .await;
        assert_eq!(early.status, StatusCode::CONFLICT);
        early.assert_contains(&["このアーカイブはダウンロードできません。"]);

        let en = Browser::signed_in(&s, m.id).await.english().get(PATH).await;
        en.assert_contains(&[
            "Your archive is being built (40%). This page refreshes by itself.",
            r#"<meta http-equiv="refresh" content="3">"#,
        ]);
    }
);

both_backends!(
    an_expired_archive_is_explained_and_a_new_one_can_be_asked_for,
    |db: Db| async move {
        let (s, clock) = server_with_clock(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        let row = request::request(&s.app, &m).await.expect("request");
        run_jobs(&s.app).await;
        clock.advance_seconds(8 * DAY);

        let mut browser = Browser::signed_in(&s, m.id).await;
        let page = browser.get(PATH).await;
        page.assert_contains(&[
            "前回のアーカイブは、ダウンロードの期限が過ぎたため削除しました。",
            r#"<button type="submit" class="button">データのダウンロードを申し込む</button>"#,
        ]);
        page.assert_lacks(&[
            "次のお申し込みは",
            "<progress",
            "アーカイブの準備ができました。",
        ]);
        let late = browser
            .get(&format!("/settings/export/{}/download", row.id))
            .await;
        assert_eq!(late.status, StatusCode::CONFLICT);

        let en = Browser::signed_in(&s, m.id).await.english().get(PATH).await;
        en.assert_contains(&[
            "Your previous archive was deleted because its download period ended.",
        ]);

        let queued = browser.submit(PATH, &[]).await;
        queued.assert_contains(&["お申し込みを受け付けました。"]);
        assert_ne!(latest(&s.app, &m).await.id, row.id);
    }
);

both_backends!(
    the_ready_archive_reads_in_english_too,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        request::request(&s.app, &m).await.expect("request");
        run_jobs(&s.app).await;
        let row = latest(&s.app, &m).await;
        let page = Browser::signed_in(&s, m.id).await.english().get(PATH).await;
        page.assert_contains(&[
            "Your archive is ready.",
            "Available until",
            "2025-06-23 00:06 JST",
            "You can ask for the next archive from 2025-06-17 00:06 JST.",
            &request::file_name(&row),
            r#">Download</a>"#,
        ]);
        page.assert_lacks(&[">export-"]);
    }
);

both_backends!(
    the_withdrawal_page_recommends_downloading_first,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        let page = Browser::signed_in(&s, m.id)
            .await
            .get("/settings/withdrawal")
            .await;
        page.assert_contains(&[
            "退会の前に、データをダウンロードして保存しておくことをおすすめします。",
            r#"<a href="/settings/export">データのダウンロード</a></p>"#,
        ]);
        let en = Browser::signed_in(&s, m.id)
            .await
            .english()
            .get("/settings/withdrawal")
            .await;
        en.assert_contains(&[
            "We recommend downloading your data before you close your account.",
            r#"<a href="/settings/export">Download your data</a></p>"#,
        ]);
    }
);

both_backends!(
    the_public_key_is_served_for_anyone_to_check_signed_reviews,
    |db: Db| async move {
        let s = server(db);
        let answer = Browser::new(&s).get(PUBLIC_KEY_PATH).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(header_of(&answer, header::CONTENT_TYPE), "application/json");
        assert_eq!(
            header_of(&answer, header::CACHE_CONTROL),
            "public, max-age=86400"
        );
        assert_eq!(header_of(&answer, header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
        assert!(!answer.headers.contains_key(header::SET_COOKIE));
        let body: serde_json::Value = serde_json::from_str(&answer.html).expect("json");
        assert_schema(&body, "ReviewsPublicKey");
        let document: PublicKeyDocument = serde_json::from_value(body).expect("document");
        assert_eq!(document, public_key_document(&s.app.signer));
    }
);

both_backends!(
    an_archive_in_several_parts_is_sent_in_their_order,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "hanako@example.jp", "花子").await;
        // An archive as the build leaves a large one: several stored parts, then ready.
        let id = s.app.new_id();
        let parts: Vec<Vec<u8>> = (0..3u8)
            .map(|n| vec![b'a' + n; 1000 + usize::from(n)])
            .collect();
        for (n, bytes) in parts.iter().enumerate() {
            s.app
                .files
                .put(&yorozu_app::export::part_key(id, n as i64), bytes)
                .await
                .expect("part");
        }
        let size = parts.iter().map(Vec::len).sum::<usize>() as i64;
        let now = s.app.now();
        let mut tx = s.app.db.begin().await.expect("begin");
        archives::insert(&mut tx, id, m.id, now)
            .await
            .expect("insert");
        assert!(archives::claim(&mut tx, id, now, now).await.expect("claim"));
        assert!(
            archives::mark_ready(&mut tx, id, 3, size, now + 7 * DAY, now)
                .await
                .expect("ready")
        );
        tx.commit().await.expect("commit");

        let href = format!("/settings/export/{id}/download");
        let (status, headers, body) = raw_get(&s, m.id, &href).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_LENGTH], size.to_string().as_str());
        assert_eq!(body, parts.concat());

        // A part that went missing cuts the download short rather than sending a damaged file
        // that looks whole.
        s.app
            .files
            .delete(&yorozu_app::export::part_key(id, 1))
            .await
            .expect("delete");
        let response = signed_in_get(&s, m.id, &href).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
    }
);
