//! Profiles: editing the text fields, the completeness meter and the avatar, which is stored
//! encrypted and re-encoded as JPEG.

mod support;

use yorozu_app::profile::edit::{self, ProfileForm};
use yorozu_app::profile::{ProfileView, avatar, view};
use yorozu_domain::UserId;
use yorozu_store::{Db, both_backends, profiles};

use support::*;

async fn load(t: &TestApp, user_id: UserId) -> ProfileView {
    let mut c = t.app.db.read().await.expect("read");
    view::load(&mut c, user_id)
        .await
        .expect("load")
        .expect("profile of an active member")
}

async fn avatar_key(t: &TestApp, user_id: UserId) -> Option<String> {
    let mut c = t.app.db.read().await.expect("read");
    profiles::find(&mut c, user_id)
        .await
        .expect("find")
        .expect("profile row")
        .avatar_key
}

fn filled_form() -> ProfileForm {
    ProfileForm {
        display_name: "  山田 太郎  ".into(),
        introduction: "翻訳とデザインを承ります。".repeat(10),
        skills: "Rust、翻訳\nデザイン, rust".into(),
        career: "翻訳会社に10年勤務".into(),
        track_record: "書籍の翻訳 12冊".into(),
        sns_links: "https://github.com/taro\n\nhttps://x.com/taro_yamada".into(),
        nda: "willing".into(),
    }
}

both_backends!(
    a_valid_profile_update_is_shown_when_loaded,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;
        edit::update(&t.app, member.user_id, &filled_form())
            .await
            .expect("update");

        let profile = load(&t, member.user_id).await;
        assert_eq!(profile.display_name, "山田 太郎", "trimmed");
        assert_eq!(
            profile.introduction,
            "翻訳とデザインを承ります。".repeat(10)
        );
        assert_eq!(
            profile.skills,
            ["Rust", "翻訳", "デザイン"],
            "split on any separator, duplicates dropped"
        );
        assert_eq!(profile.career, "翻訳会社に10年勤務");
        assert_eq!(profile.track_record, "書籍の翻訳 12冊");
        let links: Vec<_> = profile
            .sns_links
            .iter()
            .map(|l| (l.kind, l.url.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("github", "https://github.com/taro"),
                ("x", "https://x.com/taro_yamada")
            ]
        );
        assert_eq!(profile.nda.as_str(), "willing");
        assert!(!profile.has_avatar);
        assert!(profile.identity_verified_at.is_none());
        assert_eq!(profile.member_since, START, "the registration time");
    }
);

both_backends!(
    an_invalid_profile_update_reports_each_field_and_keeps_the_old_values,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;
        edit::update(&t.app, member.user_id, &filled_form())
            .await
            .expect("first update");
        let before = load(&t, member.user_id).await;

        let bad = ProfileForm {
            display_name: "あ".repeat(31),
            introduction: "い".repeat(2001),
            sns_links: "https://github.com/taro\njavascript:alert(1)".into(),
            ..filled_form()
        };
        let result = edit::update(&t.app, member.user_id, &bad).await;
        assert_eq!(
            invalid_fields(result),
            [
                ("display_name", "display-name-too-long"),
                ("introduction", "profile-text-too-long"),
                ("sns_links", "sns-link-invalid")
            ]
        );

        let after = load(&t, member.user_id).await;
        assert_eq!(after.display_name, before.display_name);
        assert_eq!(after.introduction, before.introduction);
        assert_eq!(after.sns_links.len(), 2);
        assert_eq!(
            after.avatar_version, before.avatar_version,
            "the row was not touched"
        );
    }
);

both_backends!(the_limits_themselves_are_accepted, |db: Db| async move {
    let t = test_app(db);
    let member = t.register("taro@example.jp", "たろう").await;
    let form = ProfileForm {
        display_name: "あ".repeat(30),
        introduction: "い".repeat(2000),
        ..ProfileForm::default()
    };
    edit::update(&t.app, member.user_id, &form)
        .await
        .expect("30 and 2000 characters are allowed");
    let profile = load(&t, member.user_id).await;
    assert_eq!(profile.display_name.chars().count(), 30);
    assert_eq!(profile.introduction.chars().count(), 2000);
});

both_backends!(
    completeness_rises_as_the_profile_is_filled,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;
        let empty = load(&t, member.user_id).await.completeness();
        assert_eq!(empty.percent, 0);

        let short = ProfileForm {
            display_name: "たろう".into(),
            introduction: "よろしく".into(),
            ..ProfileForm::default()
        };
        edit::update(&t.app, member.user_id, &short)
            .await
            .expect("update");
        let started = load(&t, member.user_id).await.completeness();
        assert_eq!(
            started.percent, 10,
            "a short introduction earns half its weight"
        );

        edit::update(&t.app, member.user_id, &filled_form())
            .await
            .expect("update");
        let filled = load(&t, member.user_id).await.completeness();
        assert_eq!(
            filled.percent, 70,
            "everything but the avatar (15) and identity (15)"
        );
        let left: Vec<_> = filled.suggestions.iter().map(|s| s.key()).collect();
        assert_eq!(left, ["suggest-add-avatar", "suggest-verify-identity"]);

        avatar::upload(&t.app, member.user_id, png(64, 48))
            .await
            .expect("avatar");
        assert_eq!(load(&t, member.user_id).await.completeness().percent, 85);
    }
);

both_backends!(
    an_avatar_is_stored_encrypted_as_a_square_jpeg,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;
        let upload = png(640, 480);
        assert!(is_png(&upload));
        avatar::upload(&t.app, member.user_id, upload)
            .await
            .expect("upload");

        let key = avatar_key(&t, member.user_id)
            .await
            .expect("avatar key set");
        let raw = std::fs::read(t.files_dir.0.join(&key)).expect("file on disk");
        assert!(
            !is_png(&raw) && !is_jpeg(&raw),
            "the file at rest is not an image but ciphertext"
        );

        let stored = t.app.files.get(&key).await.expect("decrypt");
        assert!(is_jpeg(&stored), "re-encoded as JPEG");
        let decoded = image::load_from_memory(&stored).expect("decodes");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (400, 400),
            "cropped to the configured square"
        );

        let served = avatar::load(&t.app, member.user_id)
            .await
            .expect("load")
            .expect("has avatar");
        assert_eq!(served, stored);
        assert!(load(&t, member.user_id).await.has_avatar);
    }
);

both_backends!(
    replacing_an_avatar_deletes_the_old_file,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;
        avatar::upload(&t.app, member.user_id, png(100, 100))
            .await
            .expect("first");
        let first = avatar_key(&t, member.user_id).await.expect("first key");

        avatar::upload(&t.app, member.user_id, png(200, 120))
            .await
            .expect("second");
        let second = avatar_key(&t, member.user_id).await.expect("second key");
        assert_ne!(first, second);
        assert!(!t.files_dir.0.join(&first).exists(), "old file deleted");
        assert_eq!(t.app.files.keys().await.expect("keys"), [second]);

        avatar::remove(&t.app, member.user_id)
            .await
            .expect("remove");
        assert!(avatar_key(&t, member.user_id).await.is_none());
        assert!(
            t.app.files.keys().await.expect("keys").is_empty(),
            "no file left behind"
        );
        assert!(
            avatar::load(&t.app, member.user_id)
                .await
                .expect("load")
                .is_none()
        );
    }
);

both_backends!(
    an_avatar_upload_that_is_not_an_image_or_too_large_is_refused,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "たろう").await;

        let text = b"hello, this is a text file pretending to be a picture".to_vec();
        assert_eq!(
            invalid_fields(avatar::upload(&t.app, member.user_id, text).await),
            [("avatar", "upload-not-image")]
        );

        // A PNG signature followed by garbage is not an image either.
        let mut fake_png = b"\x89PNG\r\n\x1a\n".to_vec();
        fake_png.extend_from_slice(&[0u8; 64]);
        assert_eq!(
            invalid_fields(avatar::upload(&t.app, member.user_id, fake_png).await),
            [("avatar", "upload-not-image")]
        );

        // Small in bytes but too many pixels to decode safely: refused from the header, with
        // its own message (a 197 KB PNG of 8000×8000 used to decode into ~240 MB).
        let too_wide = png(10_001, 1);
        assert!(too_wide.len() < t.app.policy.avatar_max_bytes);
        assert_eq!(
            invalid_fields(avatar::upload(&t.app, member.user_id, too_wide).await),
            [("avatar", "upload-image-too-many-pixels")]
        );
        let bomb = {
            let mut out = std::io::Cursor::new(Vec::new());
            image::GrayImage::new(8_000, 8_000)
                .write_to(&mut out, image::ImageFormat::Png)
                .expect("encode png");
            out.into_inner()
        };
        assert!(bomb.len() < t.app.policy.avatar_max_bytes);
        assert_eq!(
            invalid_fields(avatar::upload(&t.app, member.user_id, bomb).await),
            [("avatar", "upload-image-too-many-pixels")]
        );

        let mut huge = png(8, 8);
        huge.resize(t.app.policy.avatar_max_bytes + 1, 0);
        assert_eq!(
            invalid_fields(avatar::upload(&t.app, member.user_id, huge).await),
            [("avatar", "upload-too-large")]
        );

        assert!(avatar_key(&t, member.user_id).await.is_none());
        assert!(
            t.app.files.keys().await.expect("keys").is_empty(),
            "nothing stored"
        );
    }
);

both_backends!(
    recent_members_are_the_newest_active_members_without_operators,
    |db: Db| async move {
        let t = test_app(db);
        let first = t.register("first@example.jp", "一番").await;
        t.advance(10);
        let second = t.register("second@example.jp", "二番").await;
        t.advance(10);
        yorozu_app::operators::create::create_operator(
            &t.app,
            "ops@yorozu.test",
            "operator secret 1",
            "運営担当",
        )
        .await
        .expect("operator");
        let recent = view::recent_members(&t.app, 10).await.expect("recent");
        let shown: Vec<_> = recent
            .iter()
            .map(|p| (p.user_id, p.display_name.as_str()))
            .collect();
        assert_eq!(shown, [(second.user_id, "二番"), (first.user_id, "一番")]);
        assert_eq!(
            view::recent_members(&t.app, 1).await.expect("recent").len(),
            1
        );
    }
);
