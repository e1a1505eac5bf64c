//! Trust and safety of the safety lane on both databases: blocks (every path: orders both
//! ways, the talk room during and after an order, review lists, the settings list, the purge)
//! and the contact-details rule's warning and acknowledgement in the talk room, the service
//! form and the profile, with the operators' NG words.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::place::place;
use yorozu_app::orders::quote::{Choice, quote};
use yorozu_app::orders::review::{ReviewInput, write};
use yorozu_app::orders::reviews_public;
use yorozu_app::profile::edit::ProfileForm;
use yorozu_app::safety::checked::{self, Checked};
use yorozu_app::safety::{blocks, ng_words};
use yorozu_domain::UserId;
use yorozu_domain::contact_rule::FindingKind;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

async fn messages(db: &Db, order: yorozu_domain::OrderId) -> i64 {
    count_where(
        db,
        &format!("SELECT COUNT(*) FROM order_messages WHERE order_id = {order}"),
    )
    .await
}

/// Automatic entries in the moderation queue for a contact-details exchange.
async fn flagged_count(db: &Db) -> i64 {
    count_where(
        db,
        "SELECT COUNT(*) FROM reports WHERE reporter_id IS NULL AND reason = 'contact_details'",
    )
    .await
}

async fn audit_count(db: &Db, action: &str) -> i64 {
    count_where(
        db,
        &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"),
    )
    .await
}

fn conflict<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Err(AppError::Conflict(code)) => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

both_backends!(blocking_is_listed_and_lifted, |db: Db| async move {
    let m = market(db).await;
    let app = &m.t.app;
    assert!(
        blocks::block(app, &m.buyer, m.seller.id)
            .await
            .expect("block")
    );
    assert!(
        !blocks::block(app, &m.buyer, m.seller.id)
            .await
            .expect("again")
    );
    assert!(
        blocks::is_blocking(app, &m.buyer, m.seller.id)
            .await
            .expect("is")
    );
    assert!(
        !blocks::is_blocking(app, &m.seller, m.buyer.id)
            .await
            .expect("other way")
    );
    let list = blocks::list(app, &m.buyer).await.expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].user_id, m.seller.id);
    assert_eq!(list[0].display_name.as_deref(), Some("売り手"));
    assert!(blocks::list(app, &m.seller).await.expect("list").is_empty());

    assert!(matches!(
        blocks::block(app, &m.buyer, m.buyer.id).await,
        Err(AppError::BadRequest("block-self"))
    ));
    assert!(matches!(
        blocks::block(app, &m.buyer, UserId::new(987_654_321)).await,
        Err(AppError::NotFound)
    ));

    assert!(
        blocks::unblock(app, &m.buyer, m.seller.id)
            .await
            .expect("unblock")
    );
    assert!(
        !blocks::unblock(app, &m.buyer, m.seller.id)
            .await
            .expect("twice")
    );
    assert!(blocks::list(app, &m.buyer).await.expect("list").is_empty());
});

both_backends!(
    no_purchase_between_blocked_members_either_way,
    |db: Db| async move {
        let m = market(db).await;
        let app = &m.t.app;
        blocks::block(app, &m.buyer, m.seller.id)
            .await
            .expect("block");
        assert_eq!(
            conflict(quote(app, &m.buyer, &Choice::of(m.listing)).await),
            "order-blocked"
        );
        assert_eq!(
            conflict(place(app, &m.buyer, &purchase(&m, "blocker-buys")).await),
            "order-blocked"
        );
        blocks::unblock(app, &m.buyer, m.seller.id)
            .await
            .expect("unblock");

        // The other direction: the seller blocks the buyer.
        blocks::block(app, &m.seller, m.buyer.id)
            .await
            .expect("block");
        assert_eq!(
            conflict(place(app, &m.buyer, &purchase(&m, "blocked-buys")).await),
            "order-blocked"
        );
        assert_eq!(m.sandbox.charge_count(), 0, "nothing was charged");
        blocks::unblock(app, &m.seller, m.buyer.id)
            .await
            .expect("unblock");
        buy(&m, "after-unblock").await;
    }
);

both_backends!(
    an_order_in_progress_continues_and_a_finished_one_takes_no_messages,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let id = buy(&m, "in-progress").await;
        blocks::block(app, &m.seller, m.buyer.id)
            .await
            .expect("block");
        // In progress: both sides still talk, deliver and approve.
        yorozu_app::orders::talk::post_message(app, &m.buyer, id, "進捗はいかがですか", vec![])
            .await
            .expect("buyer talks");
        yorozu_app::orders::talk::post_message(app, &m.seller, id, "明日お送りします", vec![])
            .await
            .expect("seller talks");
        deliver(&m, id).await;
        yorozu_app::orders::deliver::approve(app, &m.buyer, id)
            .await
            .expect("approve");
        // Finished: the room is closed to new messages between them, both ways.
        let before = messages(&db, id).await;
        assert_eq!(
            conflict(
                yorozu_app::orders::talk::post_message(
                    app,
                    &m.buyer,
                    id,
                    "ありがとうございました",
                    vec![]
                )
                .await
            ),
            "talk-blocked"
        );
        assert_eq!(
            conflict(
                yorozu_app::orders::talk::post_message(app, &m.seller, id, "またどうぞ", vec![])
                    .await
            ),
            "talk-blocked"
        );
        assert_eq!(messages(&db, id).await, before);
        blocks::unblock(app, &m.seller, m.buyer.id)
            .await
            .expect("unblock");
        yorozu_app::orders::talk::post_message(app, &m.buyer, id, "ありがとうございました", vec![])
            .await
            .expect("talks again");
    }
);

both_backends!(
    reviews_of_blocked_members_are_not_in_the_lists_the_blocker_sees,
    |db: Db| async move {
        let m = market(db).await;
        let app = &m.t.app;
        let id = complete_orders(&m, 1, "review").await[0];
        write(
            app,
            &m.buyer,
            id,
            &ReviewInput {
                rating: "5".into(),
                comment: "丁寧なご対応ありがとうございました。".into(),
                anonymous: true,
            },
        )
        .await
        .expect("review");
        let viewer = confirmed_member(&m.t, "viewer@example.jp", "閲覧者").await;
        let seen = |v: Option<&yorozu_app::accounts::CurrentUser>| {
            let v = v.cloned();
            async move {
                let page = reviews_public::service_page(app, v.as_ref(), m.listing)
                    .await
                    .expect("page");
                let all = reviews_public::service_reviews(app, v.as_ref(), m.listing, 1)
                    .await
                    .expect("all");
                (page.reviews.len(), all.reviews.len())
            }
        };
        assert_eq!(seen(Some(&viewer)).await, (1, 1));
        // The viewer blocks the author (an anonymous review is hidden too).
        blocks::block(app, &viewer, m.buyer.id)
            .await
            .expect("block");
        assert_eq!(seen(Some(&viewer)).await, (0, 0));
        assert_eq!(seen(None).await, (1, 1), "others still see it");
        assert_eq!(seen(Some(&m.seller)).await, (1, 1));
        blocks::unblock(app, &viewer, m.buyer.id)
            .await
            .expect("unblock");
        // The author blocks the viewer: the viewer does not see it either.
        blocks::block(app, &m.buyer, viewer.id)
            .await
            .expect("block");
        assert_eq!(seen(Some(&viewer)).await, (0, 0));
    }
);

both_backends!(a_purge_erases_blocks_both_ways, |db: Db| async move {
    let m = market(db.clone()).await;
    let app = &m.t.app;
    let leaver = confirmed_member(&m.t, "leaver@example.jp", "退会者").await;
    blocks::block(app, &leaver, m.seller.id)
        .await
        .expect("block");
    blocks::block(app, &m.buyer, leaver.id)
        .await
        .expect("blocked");
    blocks::block(app, &m.buyer, m.seller.id)
        .await
        .expect("unrelated");
    assert_eq!(m.t.count("member_blocks").await, 3);
    let closed = close_now(&m.t, &leaver, true).await;
    purge_all(&m.t, closed.withdrawal_id).await;
    assert_eq!(status(&db, leaver.id).await, "purged");
    let sql = format!(
        "SELECT COUNT(*) FROM member_blocks WHERE blocker_id = {0} OR blocked_id = {0}",
        leaver.id
    );
    assert_eq!(count_where(&db, &sql).await, 0);
    assert_eq!(m.t.count("member_blocks").await, 1, "others' blocks stay");
    // A purged member cannot be blocked any more.
    assert!(matches!(
        blocks::block(app, &m.seller, leaver.id).await,
        Err(AppError::NotFound)
    ));
});

both_backends!(
    a_message_with_a_full_width_address_waits_for_the_writer,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let id = buy(&m, "contact").await;
        let before = messages(&db, id).await;
        let body = "こちらにご連絡ください ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ";
        let warning = match checked::post_message(app, &m.buyer, id, body, vec![], false)
            .await
            .expect("checked")
        {
            Checked::Warning(w) => w,
            Checked::Done(_) => panic!("saved without a warning"),
        };
        assert_eq!(warning.kinds(), [FindingKind::Email]);
        let field = &warning.fields[0];
        assert_eq!(field.field, "body");
        assert_eq!(
            field.findings[0].excerpt(body),
            "ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ"
        );
        let highlighted: Vec<_> = field
            .segments()
            .into_iter()
            .filter(|s| s.found.is_some())
            .collect();
        assert_eq!(highlighted.len(), 1);
        assert_eq!(messages(&db, id).await, before, "nothing saved");
        assert_eq!(flagged_count(&db).await, 0);

        // Sent anyway: delivered, and reported without the address itself.
        let Checked::Done(message_id) =
            checked::post_message(app, &m.buyer, id, body, vec![], true)
                .await
                .expect("sent")
        else {
            panic!("acknowledged but held back");
        };
        assert_eq!(messages(&db, id).await, before + 1);
        assert_eq!(flagged_count(&db).await, 1);
        let sql = format!(
            "SELECT COUNT(*) FROM reports WHERE target_kind = 'message' AND target_id = {message_id} \
             AND comment = 'body: email×1' AND target_owner_id = {} AND state = 'open'",
            m.buyer.id
        );
        assert_eq!(count_where(&db, &sql).await, 1);

        // A clean message goes straight through.
        let Checked::Done(_) =
            checked::post_message(app, &m.seller, id, "承知しました。", vec![], false)
                .await
                .expect("clean")
        else {
            panic!("a clean message was held back");
        };
        assert_eq!(flagged_count(&db).await, 1);
    }
);

both_backends!(
    service_and_profile_texts_wait_for_the_writer,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let app = &m.t.app;
        let mut form = listing_form(
            "ロゴを作成します",
            "ご依頼は 〇九〇の一二三四の五六七八 までお電話ください。",
        );
        let Checked::Warning(w) = checked::update_listing(app, &m.seller, m.listing, &form, false)
            .await
            .expect("checked")
        else {
            panic!("saved without a warning");
        };
        assert_eq!(w.kinds(), [FindingKind::Phone]);
        assert_eq!(w.fields[0].field, "description");
        let description = |db: Db, id: yorozu_domain::ListingId| async move {
            let mut c = db.read().await.expect("read");
            yorozu_store::listings::rows::find(&mut c, id)
                .await
                .expect("find")
                .expect("listing")
                .description
        };
        assert_eq!(
            description(db.clone(), m.listing).await,
            "シンプルで覚えやすいロゴをお作りします。"
        );
        let Checked::Done(()) = checked::update_listing(app, &m.seller, m.listing, &form, true)
            .await
            .expect("saved")
        else {
            panic!("held back");
        };
        assert!(description(db.clone(), m.listing).await.contains("〇九〇"));
        // A new service with a payment request in its FAQ.
        form.description = "シンプルなロゴをお作りします。".into();
        form.faq_questions = vec!["支払い方法は？".into()];
        form.faq_answers = vec!["PayPayで直接お支払いいただけます".into()];
        let Checked::Warning(w) = checked::create_listing(app, &m.seller, &form, false)
            .await
            .expect("checked")
        else {
            panic!("saved without a warning");
        };
        assert_eq!(w.fields[0].field, "faq_answers");
        assert_eq!(w.kinds(), [FindingKind::ExternalPayment]);

        let profile = ProfileForm {
            display_name: "買い手".into(),
            introduction: "お気軽にどうぞ。LINE ID: kaite_01 で連絡ください".into(),
            ..Default::default()
        };
        let Checked::Warning(w) = checked::update_profile(app, m.buyer.id, &profile, false)
            .await
            .expect("checked")
        else {
            panic!("saved without a warning");
        };
        assert_eq!(w.kinds(), [FindingKind::Line]);
        let Checked::Done(()) = checked::update_profile(app, m.buyer.id, &profile, true)
            .await
            .expect("saved")
        else {
            panic!("held back");
        };
        assert_eq!(flagged_count(&db).await, 2);
        // An invalid text is still refused after the acknowledgement.
        let empty_name = ProfileForm {
            display_name: String::new(),
            introduction: "090-1234-5678".into(),
            ..Default::default()
        };
        assert!(matches!(
            checked::update_profile(app, m.buyer.id, &empty_name, true).await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(flagged_count(&db).await, 2);
    }
);

both_backends!(operators_keep_the_ng_words, |db: Db| async move {
    let m = market(db.clone()).await;
    let app = &m.t.app;
    let op = operator(&m.t).await;
    let id = buy(&m, "ng").await;
    let body = "ウラ 取引 しましょう";
    let Checked::Done(_) = checked::post_message(app, &m.buyer, id, body, vec![], false)
        .await
        .expect("clean before")
    else {
        panic!("no NG word yet");
    };
    assert!(matches!(
        ng_words::add(app, &m.buyer, "裏取引").await,
        Err(AppError::Forbidden)
    ));
    let word = ng_words::add(app, &op, "裏取引").await.expect("add");
    assert!(matches!(
        ng_words::add(app, &op, "裏\u{3000}取引").await,
        Err(AppError::Invalid(_))
    ));
    assert!(matches!(
        ng_words::add(app, &op, "  ").await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(ng_words::list(app, &op).await.expect("list").len(), 1);
    let body = "裏 取引 しましょう";
    let Checked::Warning(w) = checked::post_message(app, &m.buyer, id, body, vec![], false)
        .await
        .expect("checked")
    else {
        panic!("the NG word was not found");
    };
    assert_eq!(w.kinds(), [FindingKind::NgWord]);
    ng_words::remove(app, &op, word).await.expect("remove");
    assert!(matches!(
        ng_words::remove(app, &op, word).await,
        Err(AppError::NotFound)
    ));
    assert!(ng_words::list(app, &op).await.expect("list").is_empty());
    assert_eq!(audit_count(&db, "ng-word-add").await, 1);
    assert_eq!(audit_count(&db, "ng-word-remove").await, 1);
});

both_backends!(
    search_results_leave_out_blocked_sellers_for_the_blocker,
    |db: Db| async move {
        use yorozu_app::listings::search::{SearchParams, run};
        let m = market(db).await;
        let app = &m.t.app;
        let params = SearchParams {
            q: "ロゴ".into(),
            ..Default::default()
        };
        let seen = |v: Option<yorozu_app::accounts::CurrentUser>| {
            let params = params.clone();
            async move {
                let results = run(app, &params).await.expect("search");
                let page = blocks::without_hidden_sellers(app, v.as_ref(), results)
                    .await
                    .expect("filter");
                assert_eq!(page.cards.len(), page.highlights.len());
                page.cards.len()
            }
        };
        assert_eq!(seen(Some(m.buyer.clone())).await, 1);
        blocks::block(app, &m.buyer, m.seller.id)
            .await
            .expect("block");
        assert_eq!(seen(Some(m.buyer.clone())).await, 0);
        assert_eq!(seen(None).await, 1, "visitors still find it");
        blocks::unblock(app, &m.buyer, m.seller.id)
            .await
            .expect("unblock");
        // Blocked by the seller: the buyer does not find the service either.
        blocks::block(app, &m.seller, m.buyer.id)
            .await
            .expect("block");
        assert_eq!(seen(Some(m.buyer.clone())).await, 0);
    }
);

both_backends!(
    a_request_with_contact_details_is_held_then_queued_when_posted_anyway,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let form = yorozu_app::requests::form::RequestForm {
            category_id: "301".into(),
            title: "ロゴの依頼".into(),
            description: "詳しくはメール logo@example.jp までご連絡ください。".into(),
            budget_min: "10000".into(),
            budget_max: "30000".into(),
            ..Default::default()
        };
        let held = checked::post_request(&m.t.app, &m.buyer, &form, vec![], false)
            .await
            .expect("post");
        let Checked::Warning(warning) = held else {
            panic!("expected the contact warning");
        };
        assert!(
            warning
                .fields
                .iter()
                .any(|f| f.field == "request_description"),
            "the description is what holds the address"
        );
        assert_eq!(count_where(&db, "SELECT COUNT(*) FROM requests").await, 0);
        assert_eq!(flagged_count(&db).await, 0);
        let Checked::Done(id) = checked::post_request(&m.t.app, &m.buyer, &form, vec![], true)
            .await
            .expect("posted anyway")
        else {
            panic!("acknowledged, yet warned");
        };
        assert_eq!(
            count_where(
                &db,
                &format!(
                    "SELECT COUNT(*) FROM reports WHERE reporter_id IS NULL
                       AND reason = 'contact_details' AND target_kind = 'request'
                       AND target_id = {id}"
                ),
            )
            .await,
            1
        );
        // The operator's queue shows the request and links to it.
        let target = yorozu_app::moderation::Target {
            kind: yorozu_domain::moderation::TargetKind::Request,
            id: id.get(),
        };
        let content = {
            let mut c = db.read().await.expect("read");
            yorozu_app::moderation::targets::load(&mut c, target)
                .await
                .expect("load")
                .expect("content")
        };
        assert_eq!(content.owner, Some(m.buyer.id));
        assert_eq!(content.path, format!("/requests/{id}"));
    }
);
