//! Services (出品): creating and editing drafts, the status machine, images, the service page,
//! vacation mode and favourites, on both databases.

mod support;

use yorozu_app::AppError;
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::search::{self as search_uc, SearchParams};
use yorozu_app::listings::{edit, favorites, images, vacation, view};
use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::{Arg, RowInput, Yen};
use yorozu_store::{Db, both_backends};

use support::*;

/// The tables a listing writes to; bad input must leave every one of them empty.
const LISTING_TABLES: [&str; 4] = [
    "listings",
    "listing_options",
    "listing_faqs",
    "search_changes",
];

fn full_form() -> ListingForm {
    ListingForm {
        title: "  名刺デザインします【両面対応】  ".into(),
        category: "301".into(),
        description:
            "ビジネス用の名刺を作成します。\r\n<script>alert('x')</script> もそのまま保存されます。"
                .into(),
        price: "３，０００円".into(),
        delivery_days: "5".into(),
        revisions: "unlimited".into(),
        buyer_notes: "ロゴのデータがあればお送りください。".into(),
        option_titles: vec!["納期短縮".into(), "".into(), "商用利用".into()],
        option_prices: vec!["1000".into(), "".into(), "¥2,000".into()],
        faq_questions: vec!["修正は何回まで？".into()],
        faq_answers: vec!["無制限です。".into()],
    }
}

async fn ids_found(t: &TestApp, q: &str) -> Vec<ListingId> {
    let params = SearchParams {
        q: q.into(),
        sort: "new".into(),
        ..Default::default()
    };
    search_uc::run(&t.app, &params)
        .await
        .expect("search")
        .cards
        .iter()
        .map(|c| c.id)
        .collect()
}

async fn table_counts(t: &TestApp) -> Vec<(&'static str, i64)> {
    let mut out = vec![];
    for table in LISTING_TABLES {
        out.push((table, t.count(table).await));
    }
    out
}

fn nothing_stored() -> Vec<(&'static str, i64)> {
    LISTING_TABLES.iter().map(|t| (*t, 0)).collect()
}

async fn status_of(t: &TestApp, id: ListingId) -> (String, Option<i64>) {
    let mut c = t.app.db.read().await.expect("read");
    let row = yorozu_store::listings::rows::find(&mut c, id)
        .await
        .expect("find")
        .expect("row");
    (row.status.as_str().to_owned(), row.published_at)
}

// ---- Creating ----

both_backends!(
    an_unconfirmed_member_cannot_create_a_listing,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("new@example.jp", "しんじん").await;
        let member = t.load_user(registered.user_id).await;
        assert!(!member.email_verified);
        let result = edit::create(&t.app, &member, &full_form()).await;
        assert!(
            matches!(
                result,
                Err(AppError::Conflict("listing-needs-confirmed-email"))
            ),
            "{result:?}"
        );
        assert_eq!(table_counts(&t).await, nothing_stored());
    }
);

both_backends!(
    bad_input_reports_every_field_and_stores_nothing,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;

        let mut form = full_form();
        form.title = "あ".repeat(61);
        form.category = "3".into(); // 名刺・チラシ itself: listings go into one of its children
        form.price = "499".into();
        form.option_titles = vec!["納期短縮".into(), "商用利用".into()];
        form.option_prices = vec!["1000".into(), "".into()];
        let errors = field_errors(edit::create(&t.app, &seller, &form).await);
        let pairs: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            pairs,
            [
                ("title", "listing-title-too-long"),
                ("category", "listing-category-not-leaf"),
                ("price", "price-below-minimum"),
                ("options", "paid-option-price-empty"),
            ],
            "every field at once; the <script> description is not an error"
        );
        let args = |field: &str| {
            errors
                .iter()
                .find(|e| e.field == field)
                .expect("field")
                .args
                .clone()
        };
        assert_eq!(args("title"), [("max", Arg::Number(60))]);
        assert_eq!(args("price"), [("min", Arg::Money(Yen::new(500)))]);
        assert_eq!(
            args("options"),
            [("row", Arg::Number(2))],
            "the row is named so the page can point at it"
        );
        assert_eq!(
            errors
                .iter()
                .find(|e| e.field == "options")
                .and_then(|e| e.row_input),
            Some(RowInput::OptionPrice { row: 2 }),
            "and the input, so the page marks the price"
        );
        assert_eq!(table_counts(&t).await, nothing_stored());

        form.price = "abc".into();
        let pairs = invalid_fields(edit::create(&t.app, &seller, &form).await);
        assert!(
            pairs.contains(&("price", "amount-not-a-number")),
            "{pairs:?}"
        );
        assert_eq!(table_counts(&t).await, nothing_stored());

        // The limits themselves are fine.
        let mut form = full_form();
        form.title = "あ".repeat(60);
        form.price = "500".into();
        edit::create(&t.app, &seller, &form)
            .await
            .expect("60 characters and ¥500 are accepted");
        assert_eq!(t.count("listings").await, 1);
    }
);

both_backends!(
    a_valid_draft_is_stored_with_options_faq_and_found_once_published,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let id = edit::create(&t.app, &seller, &full_form())
            .await
            .expect("create");

        let page = view::load(&t.app, Some(&seller), id)
            .await
            .expect("the seller sees the draft");
        assert_eq!(page.status.as_str(), "draft");
        assert_eq!(page.title, "名刺デザインします【両面対応】", "trimmed");
        assert_eq!(
            page.description,
            "ビジネス用の名刺を作成します。\n<script>alert('x')</script> もそのまま保存されます。",
            "stored verbatim (CRLF → LF); escaping is the page's job"
        );
        assert_eq!(page.category_id, 301);
        assert_eq!(page.price.get(), 3000);
        assert_eq!(page.delivery_days, 5);
        assert_eq!(page.revisions, None, "unlimited");
        assert_eq!(page.buyer_notes, "ロゴのデータがあればお送りください。");
        let options: Vec<_> = page
            .options
            .iter()
            .map(|o| (o.title.as_str(), o.price.get()))
            .collect();
        assert_eq!(
            options,
            [("納期短縮", 1000), ("商用利用", 2000)],
            "the blank row is dropped"
        );
        let faq: Vec<_> = page
            .faq
            .iter()
            .map(|f| (f.question.as_str(), f.answer.as_str()))
            .collect();
        assert_eq!(faq, [("修正は何回まで？", "無制限です。")]);
        assert!(page.images.is_empty());
        assert_eq!(page.published_at, None);
        assert!(page.viewer_is_seller && !page.purchasable && !page.paused_notice);

        let mut c = t.app.db.read().await.expect("read");
        let row = yorozu_store::listings::rows::find(&mut c, id)
            .await
            .expect("find")
            .expect("row");
        drop(c);
        assert_eq!(
            (row.seller_id, row.parent_category_id, row.revisions),
            (seller.id, 3, -1)
        );
        assert_eq!(count_for_listing(&t.app.db, "listing_options", id).await, 2);
        assert_eq!(count_for_listing(&t.app.db, "listing_faqs", id).await, 1);

        assert!(
            ids_found(&t, "名刺").await.is_empty(),
            "a draft is not searchable"
        );
        let mine = manage::mine(&t.app, &seller).await.expect("mine");
        assert_eq!(mine.iter().map(|r| r.id).collect::<Vec<_>>(), [id]);

        // Round trip through the edit form: the stored values parse back to the same listing.
        let (form, _) = view::edit_form(&t.app, &seller, id)
            .await
            .expect("edit form");
        assert_eq!(form.price, "3000");
        assert_eq!(form.revisions, "unlimited");
        assert_eq!(form.option_titles, ["納期短縮", "商用利用"]);
        edit::update(&t.app, &seller, id, &form)
            .await
            .expect("saving the edit form unchanged");
        assert_eq!(count_for_listing(&t.app.db, "listing_options", id).await, 2);

        // Published, it is found by its title and its description, folded as the search
        // engine folds (width, case, katakana to hiragana).
        manage::apply(&t.app, &seller, id, Action::Publish)
            .await
            .expect("publish");
        for (q, found) in [
            ("名刺デザイン", true),
            ("ﾃﾞｻﾞｲﾝ", true),
            ("でざいん", true),
            ("両面対応", true),
            ("ビジネス用", true),
            ("ALERT", true),
            ("名刺印刷", false),
        ] {
            let expected: &[ListingId] = if found { &[id] } else { &[] };
            assert_eq!(ids_found(&t, q).await, expected, "{q}");
        }
    }
);

both_backends!(
    a_verified_sellers_listings_carry_the_badge_for_the_filter,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let mut tx = t.app.db.begin().await.expect("begin");
        yorozu_store::profiles::set_identity_verified(&mut tx, seller.id, START)
            .await
            .expect("verify");
        tx.commit().await.expect("commit");
        let id = publish_new(&t, &seller, &full_form()).await;
        let verified = SearchParams {
            verified: "1".into(),
            ..Default::default()
        };
        let cards = search_uc::run(&t.app, &verified)
            .await
            .expect("search")
            .cards
            .clone();
        assert_eq!(
            cards
                .iter()
                .map(|c| (c.id, c.seller_verified))
                .collect::<Vec<_>>(),
            [(id, true)]
        );
    }
);

// ---- The status machine ----

both_backends!(
    a_listing_moves_through_publish_pause_resume_and_delete,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let other = confirmed_member(&t, "other@example.jp", "たにん").await;
        let id = edit::create(&t.app, &seller, &full_form())
            .await
            .expect("create");

        let refused = manage::apply(&t.app, &seller, id, Action::Pause).await;
        assert!(
            matches!(
                refused,
                Err(AppError::Conflict("listing-status-transition-not-allowed"))
            ),
            "{refused:?}"
        );
        let refused = manage::apply(&t.app, &other, id, Action::Publish).await;
        // Someone else's draft looks missing, so its existence is not revealed.
        assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
        assert_eq!(status_of(&t, id).await, ("draft".to_owned(), None));

        t.advance(HOUR);
        let published_at = START + HOUR;
        assert_eq!(
            manage::apply(&t.app, &seller, id, Action::Publish)
                .await
                .expect("publish"),
            ListingStatus::Published
        );
        assert_eq!(
            status_of(&t, id).await,
            ("published".to_owned(), Some(published_at))
        );
        let again = manage::apply(&t.app, &seller, id, Action::Publish).await;
        assert!(
            matches!(
                again,
                Err(AppError::Conflict("listing-status-transition-not-allowed"))
            ),
            "{again:?}"
        );
        assert_eq!(ids_found(&t, "名刺").await, [id]);

        t.advance(DAY);
        let refused = manage::apply(&t.app, &other, id, Action::Pause).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        assert_eq!(
            manage::apply(&t.app, &seller, id, Action::Pause)
                .await
                .expect("pause"),
            ListingStatus::Paused
        );
        assert_eq!(
            status_of(&t, id).await,
            ("paused".to_owned(), Some(published_at))
        );
        assert!(
            ids_found(&t, "名刺").await.is_empty(),
            "paused listings are not listed"
        );

        t.advance(DAY);
        assert_eq!(
            manage::apply(&t.app, &seller, id, Action::Resume)
                .await
                .expect("resume"),
            ListingStatus::Published
        );
        assert_eq!(
            status_of(&t, id).await,
            ("published".to_owned(), Some(published_at)),
            "published_at is the first publication, kept on resume"
        );
        assert_eq!(ids_found(&t, "名刺").await, [id]);

        let refused = manage::apply(&t.app, &other, id, Action::Delete).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        assert_eq!(
            manage::apply(&t.app, &seller, id, Action::Delete)
                .await
                .expect("delete"),
            ListingStatus::Deleted
        );
        assert_eq!(status_of(&t, id).await.0, "deleted");
        assert!(
            ids_found(&t, "名刺").await.is_empty(),
            "the index entry goes"
        );
        assert!(
            manage::mine(&t.app, &seller)
                .await
                .expect("mine")
                .is_empty(),
            "deleted listings leave the seller's list"
        );

        // Deleted is terminal, and a deleted listing looks missing to everyone, its seller included.
        for action in [
            Action::Resume,
            Action::Publish,
            Action::Pause,
            Action::Delete,
        ] {
            let after = manage::apply(&t.app, &seller, id, action).await;
            assert!(
                matches!(after, Err(AppError::NotFound)),
                "{action:?}: {after:?}"
            );
            let after = manage::apply(&t.app, &other, id, action).await;
            assert!(
                matches!(after, Err(AppError::NotFound)),
                "{action:?} by another member: {after:?}"
            );
        }
        let edit_after = edit::update(&t.app, &seller, id, &full_form()).await;
        assert!(
            matches!(edit_after, Err(AppError::NotFound)),
            "{edit_after:?}"
        );
        assert_eq!(status_of(&t, id).await.0, "deleted");

        let missing = manage::apply(&t.app, &seller, ListingId::new(12345), Action::Publish).await;
        assert!(matches!(missing, Err(AppError::NotFound)), "{missing:?}");
    }
);

both_backends!(
    a_draft_can_be_deleted_and_the_seller_lists_drafts_and_paused,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let draft = edit::create(&t.app, &seller, &listing_form("下書きの出品", "説明"))
            .await
            .expect("draft");
        t.advance(1);
        let paused = publish_new(&t, &seller, &listing_form("停止中の出品", "説明")).await;
        manage::apply(&t.app, &seller, paused, Action::Pause)
            .await
            .expect("pause");
        t.advance(1);
        let gone = edit::create(&t.app, &seller, &listing_form("消す出品", "説明"))
            .await
            .expect("draft");
        assert_eq!(
            manage::apply(&t.app, &seller, gone, Action::Delete)
                .await
                .expect("delete draft"),
            ListingStatus::Deleted
        );

        let mine: Vec<_> = manage::mine(&t.app, &seller)
            .await
            .expect("mine")
            .into_iter()
            .map(|r| (r.id, r.status.as_str().to_owned()))
            .collect();
        assert_eq!(
            mine,
            [(paused, "paused".to_owned()), (draft, "draft".to_owned())],
            "newest change first"
        );
    }
);

// ---- Editing ----

both_backends!(
    editing_is_for_the_seller_alone_and_reindexes_the_text,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let other = confirmed_member(&t, "other@example.jp", "たにん").await;
        let id = publish_new(
            &t,
            &seller,
            &listing_form("名刺デザインします", "ビジネス用の名刺"),
        )
        .await;
        assert_eq!(ids_found(&t, "名刺").await, [id]);

        let mut changed = listing_form("ロゴ作成します", "会社のロゴを作ります");
        changed.category = "201".into();
        changed.price = "8000".into();
        let refused = edit::update(&t.app, &other, id, &changed).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let form = view::edit_form(&t.app, &other, id).await;
        assert!(
            matches!(form, Err(AppError::Forbidden)),
            "another member gets no edit form: {form:?}"
        );
        let page = view::load(&t.app, None, id).await.expect("page");
        assert_eq!(
            (page.title.as_str(), page.price.get()),
            ("名刺デザインします", 3000),
            "nothing changed"
        );
        assert_eq!(ids_found(&t, "名刺").await, [id]);

        let bad = ListingForm {
            price: "100".into(),
            ..changed.clone()
        };
        assert_eq!(
            invalid_fields(edit::update(&t.app, &seller, id, &bad).await),
            [("price", "price-below-minimum")]
        );
        assert_eq!(
            ids_found(&t, "名刺").await,
            [id],
            "a refused edit changes nothing"
        );

        t.advance(HOUR);
        edit::update(&t.app, &seller, id, &changed)
            .await
            .expect("update");
        let page = view::load(&t.app, None, id).await.expect("page");
        assert_eq!(
            (page.title.as_str(), page.price.get(), page.category_id),
            ("ロゴ作成します", 8000, 201)
        );
        assert_eq!(page.updated_at, START + HOUR);
        assert_eq!(
            page.status.as_str(),
            "published",
            "editing keeps the status"
        );
        assert_eq!(page.published_at, Some(START));
        assert!(
            ids_found(&t, "名刺").await.is_empty(),
            "the old words are no longer indexed"
        );
        assert_eq!(ids_found(&t, "ロゴ").await, [id]);
        assert_eq!(ids_found(&t, "ろご").await, [id]);
        let category = SearchParams {
            category: "3".into(),
            ..Default::default()
        };
        assert!(
            search_uc::run(&t.app, &category)
                .await
                .expect("search")
                .cards
                .is_empty(),
            "moved out of 名刺・チラシ"
        );
        let category = SearchParams {
            category: "2".into(),
            ..Default::default()
        };
        assert_eq!(
            search_uc::run(&t.app, &category)
                .await
                .expect("search")
                .cards
                .len(),
            1,
            "into ロゴ"
        );
    }
);

// ---- Images ----

both_backends!(
    an_image_is_stored_encrypted_as_jpeg_with_a_thumbnail,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let other = confirmed_member(&t, "other@example.jp", "たにん").await;
        let id = edit::create(&t.app, &seller, &full_form())
            .await
            .expect("create");

        let refused = images::add(&t.app, &other, id, png(40, 30)).await;
        // A draft of someone else looks missing.
        assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
        let image_id = images::add(&t.app, &seller, id, png(1600, 900))
            .await
            .expect("add image");

        let full = images::load(&t.app, Some(&seller), image_id, false)
            .await
            .expect("full image");
        let thumb = images::load(&t.app, Some(&seller), image_id, true)
            .await
            .expect("thumbnail");
        assert!(is_jpeg(&full) && is_jpeg(&thumb));
        let full_img = image::load_from_memory(&full).expect("decode full");
        assert_eq!(
            (full_img.width(), full_img.height()),
            (1280, 720),
            "longest side limited to 1280"
        );
        let thumb_img = image::load_from_memory(&thumb).expect("decode thumb");
        assert_eq!((thumb_img.width(), thumb_img.height()), (480, 360));

        let mut keys = t.app.files.keys().await.expect("keys");
        keys.sort();
        assert_eq!(
            keys,
            [
                format!("listings/{image_id}"),
                format!("listings/{image_id}_thumb")
            ]
        );
        for key in &keys {
            let raw = std::fs::read(t.files_dir.0.join(key)).expect("file on disk");
            assert!(
                !is_jpeg(&raw) && !is_png(&raw),
                "{key} is encrypted at rest"
            );
        }

        let page = view::load(&t.app, Some(&seller), id).await.expect("page");
        let shown: Vec<_> = page
            .images
            .iter()
            .map(|i| (i.id, i.width, i.height))
            .collect();
        assert_eq!(shown, [(image_id, 1280, 720)]);

        // A draft's images are the seller's alone.
        for viewer in [None, Some(&other)] {
            let hidden = images::load(&t.app, viewer, image_id, true).await;
            assert!(matches!(hidden, Err(AppError::NotFound)), "{hidden:?}");
        }
        manage::apply(&t.app, &seller, id, Action::Publish)
            .await
            .expect("publish");
        assert!(is_jpeg(
            &images::load(&t.app, None, image_id, false)
                .await
                .expect("public image")
        ));
        let cards = search_uc::run(&t.app, &SearchParams::default())
            .await
            .expect("search")
            .cards
            .clone();
        assert_eq!(
            cards[0].thumb_image_id,
            Some(image_id),
            "the first image is the card's thumbnail"
        );

        // Removing: another member cannot; the seller removes row and both files.
        let refused = images::remove(&t.app, &other, image_id).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        images::remove(&t.app, &seller, image_id)
            .await
            .expect("remove");
        assert!(
            t.app.files.keys().await.expect("keys").is_empty(),
            "both files deleted"
        );
        assert_eq!(t.count("listing_images").await, 0);
        let gone = images::load(&t.app, Some(&seller), image_id, false).await;
        assert!(matches!(gone, Err(AppError::NotFound)), "{gone:?}");
        let again = images::remove(&t.app, &seller, image_id).await;
        assert!(matches!(again, Err(AppError::NotFound)), "{again:?}");
    }
);

both_backends!(
    images_are_limited_in_number_and_must_be_images,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let id = edit::create(&t.app, &seller, &full_form())
            .await
            .expect("create");

        let not_image = images::add(
            &t.app,
            &seller,
            id,
            b"just some text, not a picture".to_vec(),
        )
        .await;
        assert_eq!(invalid_fields(not_image), [("image", "upload-not-image")]);
        let renamed = images::add(&t.app, &seller, id, b"\x89PNG\r\n\x1a\nbroken".to_vec()).await;
        assert_eq!(
            invalid_fields(renamed),
            [("image", "upload-not-image")],
            "a PNG header alone is not enough"
        );
        assert!(t.app.files.keys().await.expect("keys").is_empty());

        let mut added = vec![];
        for i in 0..10 {
            added.push(
                images::add(&t.app, &seller, id, png(20 + i, 20))
                    .await
                    .expect("image within the limit"),
            );
        }
        let too_many = images::add(&t.app, &seller, id, png(20, 20)).await;
        assert_eq!(
            invalid_fields(too_many),
            [("image", "listing-images-too-many")]
        );
        assert_eq!(count_for_listing(&t.app.db, "listing_images", id).await, 10);
        assert_eq!(
            t.app.files.keys().await.expect("keys").len(),
            20,
            "the refused image left no file"
        );
        let page = view::load(&t.app, Some(&seller), id).await.expect("page");
        assert_eq!(
            page.images.iter().map(|i| i.id).collect::<Vec<_>>(),
            added,
            "in upload order"
        );

        // Removing one makes room again; the new one goes last.
        images::remove(&t.app, &seller, added[3])
            .await
            .expect("remove");
        let last = images::add(&t.app, &seller, id, png(20, 20))
            .await
            .expect("room again");
        let page = view::load(&t.app, Some(&seller), id).await.expect("page");
        assert_eq!(page.images.last().map(|i| i.id), Some(last));
        assert_eq!(page.images.len(), 10);
    }
);

both_backends!(deleting_a_listing_deletes_its_images, |db: Db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
    let id = publish_new(&t, &seller, &full_form()).await;
    let first = images::add(&t.app, &seller, id, png(64, 48))
        .await
        .expect("image");
    let second = images::add(&t.app, &seller, id, png(48, 64))
        .await
        .expect("image");
    assert_eq!(t.app.files.keys().await.expect("keys").len(), 4);

    manage::apply(&t.app, &seller, id, Action::Delete)
        .await
        .expect("delete");
    for image_id in [first, second] {
        for thumb in [false, true] {
            let gone = images::load(&t.app, Some(&seller), image_id, thumb).await;
            assert!(matches!(gone, Err(AppError::NotFound)), "{gone:?}");
        }
    }
    assert_eq!(t.count("listing_images").await, 0);
    assert!(
        t.app.files.keys().await.expect("keys").is_empty(),
        "files deleted with the listing"
    );
    let add_after = images::add(&t.app, &seller, id, png(20, 20)).await;
    assert!(
        matches!(add_after, Err(AppError::NotFound)),
        "{add_after:?}"
    );
});

// ---- The service page ----

both_backends!(
    who_sees_a_listing_depends_on_its_status,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let other = confirmed_member(&t, "other@example.jp", "たにん").await;
        let id = edit::create(&t.app, &seller, &full_form())
            .await
            .expect("create");

        // Draft: the seller's alone.
        for viewer in [None, Some(&other)] {
            let hidden = view::load(&t.app, viewer, id).await;
            assert!(matches!(hidden, Err(AppError::NotFound)), "{hidden:?}");
        }
        let own = view::load(&t.app, Some(&seller), id).await.expect("seller");
        assert!(own.viewer_is_seller && !own.paused_notice && !own.purchasable);

        // Published: everyone, in full, and it can be bought.
        manage::apply(&t.app, &seller, id, Action::Publish)
            .await
            .expect("publish");
        for viewer in [None, Some(&other)] {
            let page = view::load(&t.app, viewer, id).await.expect("public page");
            assert!(!page.viewer_is_seller && !page.paused_notice && page.purchasable);
            assert_eq!(page.seller.display_name, "うりて");
        }
        let own = view::load(&t.app, Some(&seller), id).await.expect("seller");
        assert!(own.viewer_is_seller && !own.paused_notice && own.purchasable);

        // Paused (ListingStatus::page_view): others see the 「出品停止中」 notice, the seller sees
        // the page in full (with the status, to resume it); nobody can buy.
        manage::apply(&t.app, &seller, id, Action::Pause)
            .await
            .expect("pause");
        for viewer in [None, Some(&other)] {
            let page = view::load(&t.app, viewer, id).await.expect("paused page");
            assert!(
                page.paused_notice && !page.purchasable && !page.viewer_is_seller,
                "{page:?}"
            );
            assert_eq!(page.status.as_str(), "paused");
        }
        let own = view::load(&t.app, Some(&seller), id).await.expect("seller");
        assert!(own.viewer_is_seller && !own.paused_notice && !own.purchasable);
        assert_eq!(own.status.as_str(), "paused");

        // Deleted: gone for everyone.
        manage::apply(&t.app, &seller, id, Action::Delete)
            .await
            .expect("delete");
        for viewer in [None, Some(&other), Some(&seller)] {
            let gone = view::load(&t.app, viewer, id).await;
            assert!(matches!(gone, Err(AppError::NotFound)), "{gone:?}");
        }
        let missing = view::load(&t.app, None, ListingId::new(999)).await;
        assert!(matches!(missing, Err(AppError::NotFound)), "{missing:?}");
    }
);

both_backends!(
    vacation_stops_sales_until_the_return_date,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let buyer = confirmed_member(&t, "buyer@example.jp", "かいて").await;
        let id = publish_new(&t, &seller, &full_form()).await;

        let past = vacation::set(&t.app, &seller, Some(START - DAY)).await;
        assert_eq!(
            invalid_fields(past),
            [("vacation_until", "vacation-in-past")]
        );
        let now = vacation::set(&t.app, &seller, Some(START)).await;
        assert_eq!(
            invalid_fields(now),
            [("vacation_until", "vacation-in-past")],
            "now is not in the future"
        );
        let too_long = vacation::set(&t.app, &seller, Some(START + 181 * DAY)).await;
        assert_eq!(
            invalid_fields(too_long),
            [("vacation_until", "vacation-too-long")]
        );
        assert_eq!(vacation::get(&t.app, &seller).await.expect("get"), None);

        let until = START + 3 * DAY;
        vacation::set(&t.app, &seller, Some(until))
            .await
            .expect("set vacation");
        assert_eq!(
            vacation::get(&t.app, &seller).await.expect("get"),
            Some(until)
        );
        let page = view::load(&t.app, Some(&buyer), id)
            .await
            .expect("still visible");
        assert!(!page.purchasable && !page.paused_notice);
        assert_eq!(page.vacation_until, Some(until));
        assert_eq!(ids_found(&t, "名刺").await, [id], "still searchable");

        t.advance(3 * DAY - 1);
        assert!(
            !view::load(&t.app, Some(&buyer), id)
                .await
                .expect("page")
                .purchasable,
            "one second before the end"
        );
        t.advance(1);
        let page = view::load(&t.app, Some(&buyer), id).await.expect("page");
        assert!(page.purchasable, "sales resume at the return time");
        assert_eq!(page.vacation_until, None);
        assert_eq!(
            vacation::get(&t.app, &seller).await.expect("get"),
            None,
            "a vacation in the past is over"
        );

        // Ending it early.
        vacation::set(&t.app, &seller, Some(t.app.now() + DAY))
            .await
            .expect("set again");
        assert!(
            !view::load(&t.app, None, id)
                .await
                .expect("page")
                .purchasable
        );
        vacation::set(&t.app, &seller, None).await.expect("clear");
        assert!(
            view::load(&t.app, None, id)
                .await
                .expect("page")
                .purchasable
        );
    }
);

// ---- Favourites ----

both_backends!(
    favourites_count_once_and_list_only_published_services,
    |db: Db| async move {
        let t = test_app(db);
        let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
        let member = confirmed_member(&t, "fan@example.jp", "ふぁん").await;
        let id = publish_new(&t, &seller, &full_form()).await;
        t.advance(1);
        let second = publish_new(&t, &seller, &listing_form("ロゴ作成", "ロゴを作ります")).await;
        let draft = edit::create(&t.app, &seller, &listing_form("下書き", "まだ公開しない"))
            .await
            .expect("draft");

        assert!(
            favorites::set(&t.app, &member, id, true)
                .await
                .expect("favourite")
        );
        assert!(
            favorites::set(&t.app, &member, id, true)
                .await
                .expect("favourite again"),
            "a double click is harmless"
        );
        assert_eq!(
            view::load(&t.app, None, id)
                .await
                .expect("page")
                .favorites_count,
            1,
            "counted once"
        );
        assert!(
            favorites::is_favorite(&t.app, &member, id)
                .await
                .expect("is favourite")
        );
        assert!(
            !favorites::is_favorite(&t.app, &seller, id)
                .await
                .expect("is favourite")
        );
        t.advance(1);
        favorites::set(&t.app, &member, second, true)
            .await
            .expect("favourite");
        let listed: Vec<_> = favorites::list(&t.app, &member)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(listed, [second, id], "newest favourite first");

        let refused = favorites::set(&t.app, &member, draft, true).await;
        assert!(
            matches!(refused, Err(AppError::NotFound)),
            "a draft cannot be favourited: {refused:?}"
        );
        let refused = favorites::set(&t.app, &member, ListingId::new(4242), true).await;
        assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
        assert_eq!(t.count("favorites").await, 2);

        // A paused listing stays a favourite but is not listed until it is resumed.
        manage::apply(&t.app, &seller, second, Action::Pause)
            .await
            .expect("pause");
        let listed: Vec<_> = favorites::list(&t.app, &member)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(listed, [id]);
        let refused = favorites::set(&t.app, &member, second, true).await;
        assert!(
            matches!(refused, Err(AppError::NotFound)),
            "no new favourites of a paused listing: {refused:?}"
        );
        manage::apply(&t.app, &seller, second, Action::Resume)
            .await
            .expect("resume");
        assert_eq!(
            favorites::list(&t.app, &member).await.expect("list").len(),
            2
        );

        assert!(
            !favorites::set(&t.app, &member, id, false)
                .await
                .expect("remove")
        );
        assert!(
            !favorites::set(&t.app, &member, id, false)
                .await
                .expect("remove again")
        );
        assert_eq!(
            view::load(&t.app, None, id)
                .await
                .expect("page")
                .favorites_count,
            0
        );
        assert!(
            !favorites::is_favorite(&t.app, &member, id)
                .await
                .expect("is favourite")
        );
        let listed: Vec<_> = favorites::list(&t.app, &member)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(listed, [second]);

        // Deleted listings drop out of the list.
        manage::apply(&t.app, &seller, second, Action::Delete)
            .await
            .expect("delete");
        assert!(
            favorites::list(&t.app, &member)
                .await
                .expect("list")
                .is_empty()
        );
    }
);
