//! Orders from purchase to review on both databases: the card path, idempotent purchases,
//! declined cards, delivery, send-back, approval, reviews, the talk room, and refusals.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::place::place;
use yorozu_app::orders::review::{ReviewInput, write};
use yorozu_app::orders::talk::{Upload, attachment, post_message};
use yorozu_app::orders::{deliver, view};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

fn review(rating: &str) -> ReviewInput {
    ReviewInput {
        rating: rating.into(),
        comment: "丁寧なご対応ありがとうございました。".into(),
        anonymous: false,
    }
}

both_backends!(a_card_purchase_pays_into_escrow, |db: Db| async move {
    let m = market(db.clone()).await;
    let id = buy(&m, "one").await;
    let o = order(&m, id).await;
    assert_eq!(o.state.as_str(), "in_progress");
    // ¥3,000, buyer fee 5.5 % = ¥165, seller fee 22 % = ¥660.
    assert_eq!(
        (o.subtotal.get(), o.buyer_fee.get(), o.buyer_total.get()),
        (3_000, 165, 3_165)
    );
    assert_eq!((o.platform_fee.get(), o.seller_share.get()), (660, 2_340));
    assert!(o.paid_at.is_some() && o.charge_id.is_some());
    assert_eq!(m.sandbox.charge_count(), 1);
    assert_eq!(m.sandbox.net_charged(), 3_165);
    assert_eq!(assert_ledger_balanced(&db).await, 1);
    assert_eq!(balance(&db, "buyer_payment", None).await, 3_165);
    assert_eq!(balance(&db, "escrow", None).await, -3_165);
    m.t.run_jobs().await;
    assert!(
        m.t.last_mail_to("buyer@example.jp")
            .await
            .subject
            .contains("ロゴを作成します")
    );
    assert!(
        m.t.last_mail_to("seller@example.jp")
            .await
            .subject
            .contains("ロゴを作成します")
    );
    // The room opens with the payment note and the buyer's request.
    let detail = view::detail(&m.t.app, &m.seller, id).await.expect("detail");
    let bodies: Vec<&str> = detail
        .messages
        .iter()
        .map(|msg| msg.body.as_str())
        .collect();
    assert_eq!(
        bodies,
        ["order-event-payment_succeeded", "よろしくお願いします。"]
    );
    assert!(detail.actions.deliver && !detail.actions.approve);
});

both_backends!(options_are_part_of_the_order, |db: Db| async move {
    let m = market(db).await;
    let mut p = purchase(&m, "options");
    p.choice.options = vec![0];
    let placed = place(&m.t.app, &m.buyer, &p).await.expect("place");
    let o = order(&m, placed.order_id).await;
    assert_eq!(
        (o.subtotal.get(), o.buyer_fee.get(), o.buyer_total.get()),
        (4_000, 220, 4_220)
    );
    p.choice.options = vec![7];
    p.purchase_key = "test-purchase-key-unknown-option".into();
    assert_eq!(
        invalid_fields(place(&m.t.app, &m.buyer, &p).await),
        [("options", "order-option-unknown")]
    );
});

both_backends!(
    a_resent_purchase_makes_one_order_and_one_charge,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let first = place(&m.t.app, &m.buyer, &purchase(&m, "same"))
            .await
            .expect("first");
        let again = place(&m.t.app, &m.buyer, &purchase(&m, "same"))
            .await
            .expect("again");
        assert!(first.created && !again.created);
        assert_eq!(first.order_id, again.order_id);
        assert_eq!(m.t.count("orders").await, 1);
        assert_eq!(m.sandbox.charge_count(), 1);
        assert_eq!(assert_ledger_balanced(&db).await, 1);
    }
);

both_backends!(a_declined_card_books_nothing, |db: Db| async move {
    let mut m = market(db.clone()).await;
    m.card = register_card(&m.t, &m.buyer, "4000000000009995").await;
    let result = place(&m.t.app, &m.buyer, &purchase(&m, "declined")).await;
    assert_eq!(
        invalid_fields(result),
        [("card", "card-insufficient-funds")]
    );
    assert_eq!(m.t.count("orders").await, 0);
    assert_eq!(m.t.count("ledger_transactions").await, 0);
    assert_eq!(m.sandbox.net_charged(), 0);
});

both_backends!(
    someone_elses_card_or_own_service_is_refused,
    |db: Db| async move {
        let mut m = market(db).await;
        let seller_card = register_card(&m.t, &m.seller, "4242424242424242").await;
        let mut p = purchase(&m, "not-mine");
        p.payment = yorozu_app::orders::place::Payment::Card(seller_card);
        assert_eq!(
            invalid_fields(place(&m.t.app, &m.buyer, &p).await),
            [("card", "order-card-unknown")]
        );
        std::mem::swap(&mut m.buyer, &mut m.seller);
        let mut p = purchase(&m, "own-service");
        p.payment = yorozu_app::orders::place::Payment::Card(seller_card);
        assert!(matches!(
            place(&m.t.app, &m.buyer, &p).await,
            Err(AppError::Conflict("order-own-listing"))
        ));
        assert_eq!(m.t.count("orders").await, 0);
    }
);

both_backends!(a_changed_total_asks_to_confirm_again, |db: Db| async move {
    let m = market(db).await;
    let mut p = purchase(&m, "changed");
    p.expected_total = Some(3_000);
    assert!(matches!(
        place(&m.t.app, &m.buyer, &p).await,
        Err(AppError::Conflict("order-total-changed"))
    ));
    assert_eq!(m.sandbox.charge_count(), 0);
});

both_backends!(
    delivery_send_back_approval_and_reviews,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "flow").await;
        let app = &m.t.app;
        // Only the seller delivers, and only once per round.
        assert!(matches!(
            deliver::deliver(app, &m.buyer, id, "x", vec![]).await,
            Err(AppError::Forbidden)
        ));
        deliver(&m, id).await;
        assert!(matches!(
            deliver::deliver(app, &m.seller, id, "もう一度", vec![]).await,
            Err(AppError::Conflict("order-transition-not-allowed"))
        ));
        assert_eq!(order(&m, id).await.state.as_str(), "delivered");
        // Reviews wait for completion.
        assert!(matches!(
            write(app, &m.buyer, id, &review("5")).await,
            Err(AppError::Conflict("review-not-yet"))
        ));
        // Send back once; the second time is refused with the limit.
        deliver::send_back(app, &m.buyer, id, "色を変えてください。")
            .await
            .expect("send back");
        assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
        deliver(&m, id).await;
        let errors = field_errors(deliver::send_back(app, &m.buyer, id, "もう一度").await);
        assert_eq!(errors[0].code, "order-send-back-limit-reached");
        assert_eq!(errors[0].args, [("max", yorozu_domain::Arg::Number(1))]);
        deliver::approve(app, &m.buyer, id).await.expect("approve");
        let o = order(&m, id).await;
        assert_eq!(o.state.as_str(), "completed");
        assert!(o.completed_at.is_some());
        // Escrow went to the seller (their share) and the platform (both fees).
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            -2_340
        );
        assert_eq!(balance(&db, "platform_revenue", None).await, -(660 + 165));
        // Approving again is refused and books nothing more.
        assert!(matches!(
            deliver::approve(app, &m.buyer, id).await,
            Err(AppError::Conflict(_))
        ));
        assert_eq!(assert_ledger_balanced(&db).await, 2);

        // Reviews both ways, once each; the buyer's feeds the service's rating.
        assert_eq!(
            invalid_fields(write(app, &m.buyer, id, &review("6")).await),
            [("rating", "rating-invalid")]
        );
        write(
            app,
            &m.buyer,
            id,
            &ReviewInput {
                anonymous: true,
                ..review("4")
            },
        )
        .await
        .expect("buyer review");
        write(app, &m.seller, id, &review("5"))
            .await
            .expect("seller review");
        assert!(matches!(
            write(app, &m.buyer, id, &review("5")).await,
            Err(AppError::Conflict("review-already-written"))
        ));
        let mut c = db.read().await.expect("read");
        let listing = yorozu_store::listings::rows::find(&mut c, m.listing)
            .await
            .expect("find")
            .expect("listing");
        assert_eq!(
            (
                listing.sales_count,
                listing.rating_count,
                listing.rating_sum,
                listing.rating_x100
            ),
            (1, 1, 4, 400)
        );
        let reviews = yorozu_store::orders::reviews::for_order(&mut c, id)
            .await
            .expect("reviews");
        assert_eq!(reviews.len(), 2);
        assert!(reviews.iter().any(|r| r.author_role.as_str() == "buyer"
            && r.anonymous
            && r.subject_id == m.seller.id));
        assert!(reviews.iter().any(|r| r.author_role.as_str() == "seller"
            && !r.anonymous
            && r.subject_id == m.buyer.id));
        drop(c);
        let detail = view::detail(app, &m.buyer, id).await.expect("detail");
        assert!(
            !detail.actions.review
                && detail.my_review().is_some()
                && detail.their_review().is_some()
        );
    }
);

both_backends!(others_cannot_see_or_act_on_an_order, |db: Db| async move {
    let m = market(db).await;
    let id = buy(&m, "private").await;
    let stranger = confirmed_member(&m.t, "stranger@example.jp", "第三者").await;
    let app = &m.t.app;
    assert!(matches!(
        view::detail(app, &stranger, id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        post_message(app, &stranger, id, "こんにちは", vec![]).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        deliver::deliver(app, &stranger, id, "x", vec![]).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        yorozu_app::orders::cancel::request(app, &stranger, id, "理由").await,
        Err(AppError::NotFound)
    ));
    assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
});

both_backends!(
    talk_room_messages_files_read_marks_and_closing,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "talk").await;
        let app = &m.t.app;
        m.t.run_jobs().await;
        let before = m.t.mails_to("seller@example.jp").await.len();
        let file = Upload {
            file_name: "../../資料.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF-1.4 test".to_vec(),
        };
        post_message(app, &m.buyer, id, "参考資料をお送りします。", vec![file])
            .await
            .expect("message");
        assert_eq!(
            invalid_fields(post_message(app, &m.buyer, id, "  ", vec![]).await),
            [("body", "order-text-empty")]
        );
        m.t.run_jobs().await;
        assert_eq!(m.t.mails_to("seller@example.jp").await.len(), before + 1);

        // The buyer's message is unread until the seller opens the room.
        let buyer_view = view::detail(app, &m.buyer, id).await.expect("buyer view");
        let mine = buyer_view
            .messages
            .iter()
            .find(|msg| msg.body.starts_with("参考資料"))
            .expect("message");
        assert!(mine.mine && !mine.read_by_other);
        let att = &mine.attachments[0];
        assert_eq!(att.file_name, "資料.pdf");
        let seller_view = view::detail(app, &m.seller, id).await.expect("seller view");
        assert!(!seller_view.messages.iter().any(|msg| msg.mine));
        let buyer_view = view::detail(app, &m.buyer, id).await.expect("buyer view");
        assert!(
            buyer_view
                .messages
                .iter()
                .filter(|msg| msg.mine)
                .all(|msg| msg.read_by_other)
        );
        let (row, bytes) = attachment(app, &m.seller, id, att.id)
            .await
            .expect("download");
        assert_eq!(
            (row.file_name.as_str(), bytes.as_slice()),
            ("資料.pdf", &b"%PDF-1.4 test"[..])
        );
        let stranger = confirmed_member(&m.t, "stranger@example.jp", "第三者").await;
        assert!(matches!(
            attachment(app, &stranger, id, att.id).await,
            Err(AppError::NotFound)
        ));

        // Too many files, and the 120-day rule.
        let many = (0..6)
            .map(|i| Upload {
                file_name: format!("{i}.txt"),
                content_type: "text/plain".into(),
                bytes: vec![b'x'],
            })
            .collect();
        assert_eq!(
            invalid_fields(post_message(app, &m.buyer, id, "多い", many).await),
            [("files", "attachment-too-many")]
        );
        m.t.advance(120 * DAY);
        assert!(matches!(
            post_message(app, &m.buyer, id, "まだ大丈夫ですか", vec![]).await,
            Err(AppError::Conflict("talk-room-closed"))
        ));
        assert!(
            !view::detail(app, &m.buyer, id)
                .await
                .expect("view")
                .actions
                .message
        );
    }
);

both_backends!(
    message_mail_follows_the_notification_setting,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "quiet").await;
        m.t.run_jobs().await;
        yorozu_app::mail::settings::update(
            &m.t.app,
            m.seller.id,
            &[(yorozu_app::mail::MailCategory::Messages, false)],
        )
        .await
        .expect("settings");
        let before = m.t.mails_to("seller@example.jp").await.len();
        post_message(&m.t.app, &m.buyer, id, "ご確認ください。", vec![])
            .await
            .expect("message");
        m.t.run_jobs().await;
        assert_eq!(
            m.t.mails_to("seller@example.jp").await.len(),
            before,
            "messages mail is off"
        );
        // Order mail is transactional and still arrives.
        deliver(&m, id).await;
        deliver::approve(&m.t.app, &m.buyer, id)
            .await
            .expect("approve");
        m.t.run_jobs().await;
        assert_eq!(m.t.mails_to("seller@example.jp").await.len(), before + 1);
    }
);
