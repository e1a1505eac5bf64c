//! The data export on both databases: a seeded member's archive holds every kind of their data
//! in JSON (valid against the archive's own schema), CSV with a BOM, a readable index.html and
//! their files; other members appear only by display name; the signed review bundle verifies
//! and fails once tampered with; one archive a day; archives expire after seven days and go
//! with the member's withdrawal.

mod support;

use std::path::{Path, PathBuf};

use yorozu_app::AppError;
use yorozu_app::export::{request, signed};
use yorozu_app::orders::review::ReviewInput;
use yorozu_app::orders::talk::Upload;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

fn review(comment: &str) -> ReviewInput {
    ReviewInput {
        rating: "5".into(),
        comment: comment.into(),
        anonymous: false,
    }
}

/// The seller of the market with a bit of everything.
async fn seeded_seller(m: &Market) {
    let t = &m.t;
    // Two views of the service from another site (アクセス解析).
    for _ in 0..2 {
        yorozu_app::analytics::record_view(
            &t.app,
            m.listing,
            Some(m.seller.id),
            &yorozu_app::analytics::Visitor {
                user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
                member: None,
            },
            &yorozu_domain::analytics::Source::Outside("blog.example.com".into()),
        );
    }
    yorozu_app::analytics::flush(&t.app).await.expect("flush");
    yorozu_app::profile::avatar::upload(&t.app, m.seller.id, png(64, 64))
        .await
        .expect("avatar");
    yorozu_app::listings::images::add(&t.app, &m.seller, m.listing, png(800, 600))
        .await
        .expect("image");
    register_bank(t, &m.seller).await;
    for i in 0..2 {
        let id = buy(m, &format!("exp-{i}")).await;
        yorozu_app::orders::talk::post_message(
            &t.app,
            &m.buyer,
            id,
            "よろしくお願いします、買い手です。",
            vec![],
        )
        .await
        .expect("message");
        yorozu_app::orders::deliver::deliver(
            &t.app,
            &m.seller,
            id,
            "納品いたします。",
            vec![Upload {
                file_name: "ロゴ final.png".into(),
                content_type: "image/png".into(),
                bytes: png(32, 32),
            }],
        )
        .await
        .expect("deliver");
        yorozu_app::orders::deliver::approve(&t.app, &m.buyer, id)
            .await
            .expect("approve");
        yorozu_app::orders::review::write(&t.app, &m.buyer, id, &review("とても良いロゴでした。"))
            .await
            .expect("review");
        yorozu_app::orders::review::write(
            &t.app,
            &m.seller,
            id,
            &review("スムーズなお取引でした。"),
        )
        .await
        .expect("review");
    }
    yorozu_app::payouts::request::request(
        &t.app,
        &m.seller,
        &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
    )
    .await
    .expect("payout");
    t.run_jobs().await;
}

/// Builds and downloads the member's archive, then unpacks it with Python's zipfile (an
/// independent reader) into a temporary folder.
async fn exported(t: &TestApp, member: &yorozu_app::accounts::CurrentUser) -> (PathBuf, i64) {
    let row = request::request(&t.app, member).await.expect("request");
    assert_eq!(row.status.as_str(), "queued");
    t.run_jobs().await;
    let (ready, keys) = request::download(&t.app, member, row.id)
        .await
        .expect("ready");
    assert_eq!(ready.progress, 100);
    let mut bytes = Vec::new();
    for key in keys {
        bytes.extend(t.app.files.get(&key).await.expect("part"));
    }
    assert_eq!(bytes.len() as i64, ready.size_bytes);
    let dir = t.files_dir.0.join(format!("unzipped-{}", row.id));
    std::fs::create_dir_all(&dir).expect("dir");
    let zip = dir.join("archive.zip");
    std::fs::write(&zip, &bytes).expect("zip");
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])",
            zip.to_str().expect("path"),
            dir.join("x").to_str().expect("path"),
        ])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir.join("x"), row.id)
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.push_str(&text);
            }
        }
    }
    out
}

both_backends!(
    the_archive_holds_everything_and_only_public_names_of_others,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        seeded_seller(&m).await;
        let (dir, _) = exported(t, &m.seller).await;

        let schema: serde_json::Value =
            serde_json::from_str(&read(&dir, "schema/export.schema.json")).expect("schema");
        for section in yorozu_store::export::tables::ALL {
            let rows: Vec<serde_json::Map<String, serde_json::Value>> =
                serde_json::from_str(&read(&dir, &format!("data/{}.json", section.name)))
                    .expect(section.name);
            let def = &schema["$defs"][section.name]["items"];
            for row in &rows {
                let keys: Vec<&String> = row.keys().collect();
                assert_eq!(keys.len(), section.columns.len(), "{}", section.name);
                for (name, value) in row {
                    let types = &def["properties"][name]["type"];
                    let kind = match value {
                        serde_json::Value::Number(_) => "integer",
                        serde_json::Value::String(_) => "string",
                        serde_json::Value::Bool(_) => "boolean",
                        serde_json::Value::Null => "null",
                        other => panic!("{other}"),
                    };
                    assert!(
                        types == kind
                            || types
                                .as_array()
                                .is_some_and(|a| a.iter().any(|t| t == kind)),
                        "{}.{name}: {kind} is not {types}",
                        section.name
                    );
                }
            }
            let csv = read(&dir, &format!("csv/{}.csv", section.name));
            assert!(csv.starts_with('\u{FEFF}'), "{} has a BOM", section.name);
            assert_eq!(csv.lines().count(), rows.len() + 1, "{}", section.name);
        }
        let count = |name: &str| {
            serde_json::from_str::<Vec<serde_json::Value>>(&read(
                &dir,
                &format!("data/{name}.json"),
            ))
            .expect(name)
            .len()
        };
        assert_eq!(
            [
                count("profile"),
                count("services"),
                count("service_options"),
                count("service_images"),
                count("orders"),
                count("attachments"),
                count("reviews_received"),
                count("reviews_given"),
                count("sales"),
                count("payouts"),
            ],
            [1, 1, 1, 1, 2, 2, 2, 2, 2, 1]
        );
        assert!(
            count("messages") >= 4,
            "buyer's and seller's messages and notes"
        );
        assert!(count("ledger") >= 3, "two sales and a payout");
        // The service's analytics: its views, their source and the referrer's host.
        let analytics: Vec<serde_json::Value> =
            serde_json::from_str(&read(&dir, "data/service_analytics.json")).expect("analytics");
        let mut counted: Vec<(String, String, i64)> = analytics
            .iter()
            .map(|r| {
                assert_eq!(r["service_id"], m.listing.to_string());
                (
                    r["kind"].as_str().expect("kind").to_owned(),
                    r["value"].as_str().expect("value").to_owned(),
                    r["count"].as_i64().expect("count"),
                )
            })
            .collect();
        counted.sort();
        assert_eq!(
            counted,
            [
                ("host".to_owned(), "blog.example.com".to_owned(), 2),
                ("source".to_owned(), "outside".to_owned(), 2),
                ("view".to_owned(), String::new(), 2),
            ]
        );
        // Ids are decimal strings, exact (a JSON number would be rounded by JavaScript).
        let orders: Vec<serde_json::Value> =
            serde_json::from_str(&read(&dir, "data/orders.json")).expect("orders");
        let mut c = t.app.db.read().await.expect("read");
        let ids: Vec<i64> = yorozu_store::query_scalar!(
            &mut c,
            fetch_all,
            i64,
            "SELECT id FROM orders ORDER BY created_at, id"
        )
        .expect("ids");
        drop(c);
        let exported: Vec<&str> = orders
            .iter()
            .map(|o| o["order_id"].as_str().expect("a string id"))
            .collect();
        assert_eq!(
            exported,
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        let profile = read(&dir, "data/profile.json");
        assert!(profile.contains("seller@example.jp") && profile.contains("売り手"));
        // Files: the avatar, the service image, the delivered files.
        assert!(dir.join("files/avatar.jpg").exists());
        assert!(
            std::fs::read_dir(dir.join("files/services"))
                .expect("images")
                .count()
                == 1
        );
        assert_eq!(
            std::fs::read_dir(dir.join("files/messages"))
                .expect("files")
                .count(),
            2
        );
        let html = read(&dir, "index.html");
        assert!(
            html.contains("売り手さんのデータ")
                && html.contains("受け取った評価")
                && html.contains("files/services/")
        );
        // The buyer appears by display name only.
        let text = all_text(&dir);
        assert!(text.contains("買い手"));
        assert!(!text.contains("buyer@example.jp"));
        assert!(
            !text.contains(&m.buyer.id.to_string()),
            "no account id of another member"
        );
        // The ready mail went out.
        assert_eq!(
            t.last_mail_to("seller@example.jp").await.subject,
            "【よろず】データのダウンロードの準備ができました"
        );
    }
);

both_backends!(
    the_signed_reviews_verify_and_a_tampered_copy_does_not,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        seeded_seller(&m).await;
        let (dir, _) = exported(t, &m.seller).await;
        let bundle = std::fs::read(dir.join("reviews/reviews.json")).expect("bundle");
        let signature = read(&dir, "reviews/reviews.json.sig");
        let key = signed::public_key_document(&t.app.signer).public_key;
        assert_eq!(signed::verify_bytes(&bundle, &signature, &key), Ok(()));
        let parsed: serde_json::Value = serde_json::from_slice(&bundle).expect("json");
        assert_eq!(parsed["reviews"].as_array().map(Vec::len), Some(2));
        assert_eq!(parsed["reviews"][0]["by"], "買い手");
        let tampered =
            String::from_utf8(bundle)
                .expect("utf-8")
                .replacen("\"rating\":5", "\"rating\":1", 1);
        assert_eq!(
            signed::verify_bytes(tampered.as_bytes(), &signature, &key),
            Err(signed::VerifyError::Mismatch)
        );
        assert!(read(&dir, "reviews/README.txt").contains(&key));
    }
);

both_backends!(
    one_archive_a_day_kept_seven_days_and_erased_on_withdrawal,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let (_, first) = exported(t, &m.buyer).await;
        assert!(matches!(
            request::request(&t.app, &m.buyer).await,
            Err(AppError::Conflict("export-once-a-day"))
        ));
        t.advance(24 * HOUR);
        let (_, second) = exported(t, &m.buyer).await;
        let parts = |id: i64| {
            let t = &t;
            async move {
                t.app
                    .files
                    .keys()
                    .await
                    .expect("keys")
                    .iter()
                    .filter(|k| k.starts_with(&format!("exports/{id}-")))
                    .count()
            }
        };
        assert!(parts(first).await > 0);
        // Seven days after the first was ready, it expires and its parts are deleted.
        t.advance(6 * DAY + 1);
        yorozu_app::jobs::maintenance::run(&t.app)
            .await
            .expect("maintenance");
        assert_eq!(parts(first).await, 0);
        assert!(matches!(
            request::download(&t.app, &m.buyer, first).await,
            Err(AppError::Conflict("export-not-available"))
        ));
        assert!(request::download(&t.app, &m.buyer, second).await.is_ok());
        // Another member cannot download it.
        assert!(matches!(
            request::download(&t.app, &m.seller, second).await,
            Err(AppError::NotFound)
        ));
        // Withdrawal erases the archives with the rest.
        let closed = close_now(t, &m.buyer, true).await;
        t.run_jobs().await;
        assert_eq!(
            withdrawal_state(&t.app.db, closed.withdrawal_id).await,
            "purged"
        );
        assert_eq!(parts(second).await, 0);
        assert_eq!(t.count("exports").await, 0);
    }
);

both_backends!(
    an_export_being_built_stops_when_the_member_withdraws,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let row = request::request(&t.app, &m.buyer).await.expect("request");
        close_now(t, &m.buyer, false).await;
        t.run_jobs().await;
        let mut c = t.app.db.read().await.expect("read");
        let after = yorozu_store::export::archives::find(&mut c, row.id)
            .await
            .expect("find")
            .expect("row");
        drop(c);
        assert_eq!(after.status.as_str(), "failed");
        let parts = t.app.files.keys().await.expect("keys");
        assert!(
            !parts.iter().any(|k| k.starts_with("exports/")),
            "{parts:?}"
        );
    }
);

both_backends!(
    the_archive_holds_the_members_disputes_and_the_reports_they_filed,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let order = buy(&m, "dispute-export").await;
        yorozu_app::orders::dispute::open(
            &t.app,
            &m.buyer,
            order,
            "no_contact",
            "三日間ご連絡がありません。",
        )
        .await
        .expect("dispute");
        yorozu_app::orders::dispute::add_statement(
            &t.app,
            &m.seller,
            order,
            "体調を崩しておりました。申し訳ありません。",
        )
        .await
        .expect("statement");
        yorozu_app::moderation::report::file(
            &t.app,
            &m.buyer,
            yorozu_app::moderation::targets::Target {
                kind: yorozu_domain::moderation::TargetKind::Profile,
                id: m.seller.id.get(),
            },
            &yorozu_app::moderation::report::ReportInput {
                reason: "harassment".into(),
                comment: "プロフィールに不適切な表現があります。".into(),
            },
        )
        .await
        .expect("report");

        let (dir, _) = exported(t, &m.buyer).await;
        let rows = |name: &str| {
            serde_json::from_str::<Vec<serde_json::Value>>(&read(
                &dir,
                &format!("data/{name}.json"),
            ))
            .expect(name)
        };
        let disputes = rows("disputes");
        assert_eq!(disputes.len(), 1);
        assert_eq!(disputes[0]["opened_by"], "me");
        assert_eq!(disputes[0]["reason"], "no_contact");
        assert_eq!(disputes[0]["statement"], "三日間ご連絡がありません。");
        assert_eq!(disputes[0]["status"], "open");
        let statements = rows("dispute_statements");
        assert!(statements.iter().any(|s| s["author"] == "counterparty"
            && s["body"] == "体調を崩しておりました。申し訳ありません。"));
        let reports = rows("reports_filed");
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0]["target_kind"], "profile");
        assert_eq!(
            reports[0]["comment"],
            "プロフィールに不適切な表現があります。"
        );
        assert!(read(&dir, "index.html").contains("トラブル相談"));
        // The seller's statement was told to the buyer on the site too.
        let notices = rows("notifications");
        assert!(
            notices
                .iter()
                .any(|n| n["kind"] == "dispute_statement" && n["subject_kind"] == "dispute"),
            "{notices:?}"
        );

        // The seller's archive holds the same dispute, opened by the other side; the report
        // about them is not theirs to see.
        let (dir, _) = exported(t, &m.seller).await;
        let disputes: Vec<serde_json::Value> =
            serde_json::from_str(&read(&dir, "data/disputes.json")).expect("disputes");
        assert_eq!(disputes[0]["opened_by"], "counterparty");
        assert!(!all_text(&dir).contains("プロフィールに不適切な表現があります。"));
    }
);

both_backends!(
    the_archive_holds_the_changes_of_the_members_orders,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let order = buy(&m, "changes-export").await;
        let form = yorozu_app::orders::changes::additions::AdditionForm {
            title: "裏面デザイン".into(),
            description: "裏面もお作りします。".into(),
            price: "1500".into(),
            extra_days: "2".into(),
        };
        let addition =
            yorozu_app::orders::changes::additions::propose(&t.app, &m.seller, order, &form)
                .await
                .expect("propose");
        yorozu_app::orders::changes::additions::accept(&t.app, &m.buyer, order, addition, m.card)
            .await
            .expect("pay");
        yorozu_app::orders::changes::extension::request(
            &t.app,
            &m.buyer,
            order,
            "3",
            "確認の時間をください",
        )
        .await
        .expect("extension");

        let (dir, _) = exported(t, &m.buyer).await;
        let rows = |name: &str| {
            serde_json::from_str::<Vec<serde_json::Value>>(&read(
                &dir,
                &format!("data/{name}.json"),
            ))
            .expect(name)
        };
        let additions = rows("order_additions");
        assert_eq!(additions.len(), 1);
        assert_eq!(additions[0]["proposed_by"], "counterparty");
        assert_eq!(additions[0]["title"], "裏面デザイン");
        assert_eq!(additions[0]["status"], "paid");
        assert_eq!(additions[0]["price"], 1_500);
        let extensions = rows("order_extensions");
        assert_eq!(extensions.len(), 1);
        assert_eq!(extensions[0]["requested_by"], "me");
        assert_eq!(extensions[0]["reason"], "確認の時間をください");
        assert!(read(&dir, "index.html").contains("追加オプション"));
    }
);

both_backends!(
    quote_consultations_and_offers_are_in_both_parties_archives,
    |db: Db| async move {
        use yorozu_app::offers::form::OfferForm;
        use yorozu_app::offers::{consult, send};
        let m = market(db).await;
        let t = &m.t;
        let id = consult::consult(
            &t.app,
            &m.buyer,
            m.listing,
            "ロゴの見積りをお願いします。",
            vec![Upload {
                file_name: "要望 メモ.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.4 brief".to_vec(),
            }],
        )
        .await
        .expect("consult");
        consult::post_message(&t.app, &m.seller, id, "承知しました。", vec![])
            .await
            .expect("reply");
        let form = OfferForm {
            title: "会社ロゴ".into(),
            included: "ロゴ2案、修正1回".into(),
            price: "20000".into(),
            delivery_days: "7".into(),
            revisions: "1".into(),
            option_titles: vec![],
            option_prices: vec![],
            expiry_days: String::new(),
        };
        send::send(&t.app, &m.seller, id, &form)
            .await
            .expect("offer");
        send::send(&t.app, &m.seller, id, &form)
            .await
            .expect("revised");
        for (member, role) in [(&m.buyer, "buyer"), (&m.seller, "seller")] {
            let (dir, _) = exported(t, member).await;
            let rows = |name: &str| -> Vec<serde_json::Value> {
                serde_json::from_str(&read(&dir, &format!("data/{name}.json"))).expect(name)
            };
            let messages = rows("consultation_messages");
            assert_eq!(messages.len(), 2, "{role}");
            assert!(messages.iter().all(|r| r["role"] == role));
            let authors: Vec<&str> = messages
                .iter()
                .map(|r| r["author"].as_str().expect("author"))
                .collect();
            let expected = if role == "buyer" {
                ["me", "counterparty"]
            } else {
                ["counterparty", "me"]
            };
            assert_eq!(authors, expected);
            let other = if role == "buyer" {
                "売り手"
            } else {
                "買い手"
            };
            assert_eq!(messages[0]["counterparty"], other);
            let offers = rows("offers");
            assert_eq!(offers.len(), 2, "both versions");
            assert_eq!(
                offers
                    .iter()
                    .map(|o| o["state"].as_str().expect("state"))
                    .collect::<Vec<_>>(),
                ["superseded", "open"]
            );
            let files = rows("consultation_attachments");
            assert_eq!(files.len(), 1);
            let path = files[0]["file"].as_str().expect("path");
            assert!(path.starts_with("files/consultations/"), "{path}");
            assert_eq!(
                std::fs::read(dir.join(path)).expect("the file is in the archive"),
                b"%PDF-1.4 brief"
            );
            assert!(read(&dir, "index.html").contains("見積り相談のメッセージ"));
        }
    }
);
