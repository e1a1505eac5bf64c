//! Reports (通報), the moderation queue and operators' actions, suspension (利用停止), on
//! both databases: every action closes the target's reports with its outcome, tells the
//! member concerned with the reason, mails the reporters and leaves an audit entry.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::moderation::actions::{DecisionInput, MESSAGE_REMOVED_NOTE, decide};
use yorozu_app::moderation::automatic::flag_automatically;
use yorozu_app::moderation::report::{Filed, ReportInput, file};
use yorozu_app::moderation::suspension::{self, SuspensionInput};
use yorozu_app::moderation::{Target, holds, my_reports, notices, queue, standing};
use yorozu_app::orders::review::{ReviewInput, write as write_review};
use yorozu_app::orders::talk::post_message;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::{ModerationAction, ReportReason, ReportState, TargetKind};
use yorozu_domain::orders::OrderState;
use yorozu_domain::{ListingId, OrderId};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::count_where;
use support::withdrawal::*;
use support::*;

fn report(reason: &str, comment: &str) -> ReportInput {
    ReportInput {
        reason: reason.into(),
        comment: comment.into(),
    }
}

fn decision(action: &str, reason: &str) -> DecisionInput {
    DecisionInput {
        action: action.into(),
        reason: reason.into(),
        orders: String::new(),
    }
}

fn service(listing: ListingId) -> Target {
    Target {
        kind: TargetKind::Service,
        id: listing.get(),
    }
}

async fn listing_status(m: &Market, id: ListingId) -> ListingStatus {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::listings::rows::find(&mut c, id)
        .await
        .expect("find")
        .expect("listing")
        .status
}

async fn audit_actions(m: &Market) -> Vec<String> {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::audit::list(&mut c, None, 100)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// An order in progress with one message from the seller; returns the order and message.
async fn order_with_message(m: &Market, key: &str, text: &str) -> (OrderId, i64) {
    let order_id = buy(m, key).await;
    let message = post_message(&m.t.app, &m.seller, order_id, text, vec![])
        .await
        .expect("message");
    (order_id, message)
}

both_backends!(
    reports_are_one_per_reporter_and_grouped_by_target_in_the_queue,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let other = confirmed_member(t, "other@example.jp", "第三者").await;
        let (order_id, message) =
            order_with_message(&m, "q1", "LINEで直接やり取りしましょう").await;

        let filed = file(
            &t.app,
            &m.buyer,
            service(m.listing),
            &report("fraud", "前払いを求められました"),
        )
        .await
        .expect("report");
        assert_eq!(filed, Filed::Created);
        t.advance(60);
        let again = file(
            &t.app,
            &m.buyer,
            service(m.listing),
            &report("prohibited_service", "やはり禁止のサービスです"),
        )
        .await
        .expect("second report");
        assert_eq!(
            again,
            Filed::Updated,
            "a second report rewrites the open one"
        );
        file(
            &t.app,
            &other,
            service(m.listing),
            &report("prohibited_service", "規約違反です"),
        )
        .await
        .expect("other's report");
        let message_target = Target {
            kind: TargetKind::Message,
            id: message,
        };
        t.advance(60);
        file(
            &t.app,
            &m.buyer,
            message_target,
            &report("contact_details", "LINEに誘われました"),
        )
        .await
        .expect("message report");

        // Only a party of the order may report its message; nobody reports themselves.
        assert!(matches!(
            file(
                &t.app,
                &other,
                message_target,
                &report("harassment", "見えないはず")
            )
            .await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            file(
                &t.app,
                &m.seller,
                service(m.listing),
                &report("other", "自分のもの")
            )
            .await,
            Err(AppError::Conflict("moderation-report-own"))
        ));
        assert_eq!(
            invalid_fields(file(&t.app, &m.buyer, service(m.listing), &report("spam", "")).await),
            [
                ("reason", "moderation-reason-required"),
                ("comment", "order-text-empty")
            ]
        );
        // Members are not operators.
        assert!(matches!(
            queue::open(&t.app, &m.buyer).await,
            Err(AppError::Forbidden)
        ));

        let q = queue::open(&t.app, &op).await.expect("queue");
        assert_eq!(q.entries.len(), 2, "grouped by target");
        let first = &q.entries[0];
        assert_eq!(first.target, service(m.listing), "oldest first");
        assert_eq!(first.total, 2);
        assert_eq!(first.counts, [(ReportReason::ProhibitedService, 2)]);
        let content = first.content.as_ref().expect("content");
        assert_eq!(content.title, "ロゴを作成します");
        assert_eq!(first.owner_name.as_deref(), Some("売り手"));
        let second = &q.entries[1];
        assert_eq!(second.target, message_target);
        assert_eq!(
            second.content.as_ref().expect("message").text,
            "LINEで直接やり取りしましょう"
        );
        assert_eq!(
            second.content.as_ref().expect("message").order_id,
            Some(order_id)
        );

        // Each reporter sees their own reports only, and got a receipt.
        let mine = my_reports::list(&t.app, &m.buyer).await.expect("mine");
        assert_eq!(mine.len(), 2);
        assert!(mine.iter().all(|r| r.state == ReportState::Open));
        assert_eq!(
            my_reports::list(&t.app, &other).await.expect("other").len(),
            1
        );
        t.run_jobs().await;
        assert_eq!(
            t.mails_to("buyer@example.jp")
                .await
                .iter()
                .filter(|mail| mail.subject.contains("通報を受け付けました"))
                .count(),
            2
        );

        // The dashboard counts the targets waiting.
        let dashboard = yorozu_app::operators::dashboard::summary(&t.app, &op)
            .await
            .expect("dashboard");
        assert_eq!(dashboard.moderation_waiting, 2);
    }
);

both_backends!(
    an_automatic_entry_lands_in_the_queue_without_a_reporter,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let (_, message) = order_with_message(&m, "auto", "連絡先は seller@example.jp です").await;
        let target = Target {
            kind: TargetKind::Message,
            id: message,
        };
        for _ in 0..2 {
            let mut tx = t.app.db.begin().await.expect("begin");
            flag_automatically(
                &mut tx,
                &t.app,
                target,
                ReportReason::ContactDetails,
                "メールアドレス",
            )
            .await
            .expect("flag");
            tx.commit().await.expect("commit");
        }
        let q = queue::open(&t.app, &op).await.expect("queue");
        assert_eq!(q.entries.len(), 1);
        assert_eq!(q.entries[0].total, 1, "one open system entry per target");
        assert!(q.entries[0].reports[0].automatic);
        assert_eq!(q.entries[0].reports[0].comment, "メールアドレス");
    }
);

both_backends!(
    dismissing_closes_the_reports_and_tells_the_reporters,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        file(
            &t.app,
            &m.buyer,
            service(m.listing),
            &report("fraud", "怪しいです"),
        )
        .await
        .expect("report");
        // A reason is required for every action.
        assert!(matches!(
            decide(&t.app, &op, service(m.listing), &decision("dismiss", " ")).await,
            Err(AppError::Invalid(_))
        ));
        let decided = decide(
            &t.app,
            &op,
            service(m.listing),
            &decision("dismiss", "問題は見つかりませんでした"),
        )
        .await
        .expect("dismiss");
        assert_eq!(decided.closed_reports, 1);
        assert_eq!(
            listing_status(&m, m.listing).await,
            ListingStatus::Published
        );
        let mine = my_reports::list(&t.app, &m.buyer).await.expect("mine");
        assert_eq!(mine[0].state, ReportState::Closed);
        assert_eq!(mine[0].outcome, Some(ModerationAction::Dismiss));
        // A decided report is not filed again.
        assert!(matches!(
            file(
                &t.app,
                &m.buyer,
                service(m.listing),
                &report("fraud", "再度")
            )
            .await,
            Err(AppError::Conflict("moderation-report-already-decided"))
        ));
        t.run_jobs().await;
        let mail = t.last_mail_to("buyer@example.jp").await;
        assert!(
            mail.subject.contains("通報への対応が終わりました"),
            "{}",
            mail.subject
        );
        assert!(
            mail.body_text.contains("規約違反は見つかりませんでした"),
            "{}",
            mail.body_text
        );
        assert!(
            audit_actions(&m)
                .await
                .contains(&"moderation.dismiss".to_owned())
        );
        assert!(
            queue::open(&t.app, &op)
                .await
                .expect("queue")
                .entries
                .is_empty()
        );
    }
);

both_backends!(
    a_hidden_service_waits_for_the_sellers_fix_and_an_operators_restore,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        file(
            &t.app,
            &m.buyer,
            service(m.listing),
            &report("prohibited_service", "禁止です"),
        )
        .await
        .expect("report");
        // Hiding fits a service only.
        assert!(matches!(
            decide(
                &t.app,
                &op,
                service(m.listing),
                &decision("remove_content", "理由")
            )
            .await,
            Err(AppError::Invalid(_))
        ));
        decide(
            &t.app,
            &op,
            service(m.listing),
            &decision("hide_service", "商標を含む画像があります"),
        )
        .await
        .expect("hide");
        assert_eq!(listing_status(&m, m.listing).await, ListingStatus::Paused);
        // The seller cannot publish it again themselves.
        assert!(matches!(
            manage::apply(&t.app, &m.seller, m.listing, Action::Resume).await,
            Err(AppError::Conflict("moderation-service-held"))
        ));
        let held = holds::mine(&t.app, &m.seller).await.expect("held");
        assert_eq!(held.len(), 1);
        assert!(held[0].hidden);
        assert_eq!(held[0].reason, "商標を含む画像があります");
        let told = notices::mine(&t.app, &m.seller).await.expect("notices");
        assert_eq!(told[0].message_id, "moderation-notice-service-hidden");
        t.run_jobs().await;
        assert!(
            t.last_mail_to("seller@example.jp")
                .await
                .body_text
                .contains("商標を含む画像があります")
        );

        holds::request_review(&t.app, &m.seller, m.listing)
            .await
            .expect("ask for a review");
        assert!(matches!(
            holds::request_review(&t.app, &m.seller, m.listing).await,
            Err(AppError::Conflict("moderation-review-already-requested"))
        ));
        let q = queue::open(&t.app, &op).await.expect("queue");
        assert_eq!(q.review_requests.len(), 1);
        assert_eq!(q.review_requests[0].listing_id, m.listing);
        holds::restore(&t.app, &op, m.listing, "修正を確認しました")
            .await
            .expect("restore");
        assert_eq!(
            listing_status(&m, m.listing).await,
            ListingStatus::Published
        );
        assert!(
            holds::mine(&t.app, &m.seller)
                .await
                .expect("held")
                .is_empty()
        );
        let actions = audit_actions(&m).await;
        assert!(actions.contains(&"moderation.hide_service".to_owned()));
        assert!(actions.contains(&"moderation.restore_service".to_owned()));
    }
);

both_backends!(
    a_removed_message_becomes_a_note_and_the_reporter_sees_the_outcome,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let (order_id, message) = order_with_message(&m, "rm", "ひどい言葉").await;
        let target = Target {
            kind: TargetKind::Message,
            id: message,
        };
        file(&t.app, &m.buyer, target, &report("harassment", "暴言です"))
            .await
            .expect("report");
        decide(
            &t.app,
            &op,
            target,
            &decision("remove_content", "暴言のため"),
        )
        .await
        .expect("remove");
        let view = yorozu_app::orders::view::detail(&t.app, &m.buyer, order_id)
            .await
            .expect("order");
        let removed = view
            .messages
            .iter()
            .find(|msg| msg.id == message)
            .expect("still in the room");
        assert_eq!(removed.body, MESSAGE_REMOVED_NOTE);
        assert_eq!(removed.author, None);
        assert!(
            count_where(
                &t.app.db,
                "SELECT COUNT(*) FROM order_messages WHERE body = 'ひどい言葉'"
            )
            .await
                == 0
        );
        let mine = my_reports::list(&t.app, &m.buyer).await.expect("mine");
        assert_eq!(mine[0].outcome, Some(ModerationAction::RemoveContent));
        let told = notices::mine(&t.app, &m.seller).await.expect("notices");
        assert_eq!(told[0].message_id, "moderation-notice-content-removed");
        assert_eq!(told[0].reason, "暴言のため");
        // A removed message is no longer something to report.
        assert!(matches!(
            file(&t.app, &m.buyer, target, &report("harassment", "再度")).await,
            Err(AppError::Conflict("moderation-report-already-decided") | AppError::NotFound)
        ));
    }
);

both_backends!(a_removed_review_leaves_the_ratings, |db: Db| async move {
    let m = market(db).await;
    let t = &m.t;
    let op = operator(t).await;
    let mut rated = vec![];
    for (key, rating) in [("r1", "1"), ("r2", "5")] {
        let order_id = buy(&m, key).await;
        deliver(&m, order_id).await;
        yorozu_app::orders::deliver::approve(&t.app, &m.buyer, order_id)
            .await
            .expect("approve");
        write_review(
            &t.app,
            &m.buyer,
            order_id,
            &ReviewInput {
                rating: rating.into(),
                comment: format!("評価{rating}"),
                anonymous: false,
            },
        )
        .await
        .expect("review");
        rated.push(order_id);
    }
    let review_id: i64 = count_where(&t.app.db, "SELECT id FROM reviews WHERE rating = 1").await;
    let other = confirmed_member(t, "other@example.jp", "第三者").await;
    let target = Target {
        kind: TargetKind::Review,
        id: review_id,
    };
    file(&t.app, &other, target, &report("harassment", "中傷です"))
        .await
        .expect("report");
    decide(
        &t.app,
        &op,
        target,
        &decision("remove_content", "中傷のため"),
    )
    .await
    .expect("remove");
    let mut c = t.app.db.read().await.expect("read");
    let listing = yorozu_store::listings::rows::find(&mut c, m.listing)
        .await
        .expect("find")
        .expect("listing");
    assert_eq!(
        (
            listing.rating_count,
            listing.rating_sum,
            listing.rating_x100
        ),
        (1, 5, 500)
    );
    let page = yorozu_store::orders::reviews::for_listing(&mut c, m.listing, 10, 0)
        .await
        .expect("reviews");
    drop(c);
    let removed = page.iter().find(|r| r.id == review_id).expect("listed");
    assert!(removed.removed && removed.comment.is_empty());
    let seller_summary = yorozu_app::orders::reviews_public::profile(&t.app, m.seller.id)
        .await
        .expect("profile reviews");
    assert_eq!(seller_summary.as_seller.count, 1);
});

both_backends!(a_warning_is_a_notice_and_a_mail, |db: Db| async move {
    let m = market(db).await;
    let t = &m.t;
    let op = operator(t).await;
    let profile = Target {
        kind: TargetKind::Profile,
        id: m.seller.id.get(),
    };
    file(
        &t.app,
        &m.buyer,
        profile,
        &report("other", "プロフィールに外部サイトへの誘導"),
    )
    .await
    .expect("report");
    decide(
        &t.app,
        &op,
        profile,
        &decision("warn", "外部への誘導はご遠慮ください"),
    )
    .await
    .expect("warn");
    let told = notices::mine(&t.app, &m.seller).await.expect("notices");
    assert_eq!(told[0].message_id, "moderation-notice-warning");
    t.run_jobs().await;
    let mail = t.last_mail_to("seller@example.jp").await;
    assert!(mail.subject.contains("警告"), "{}", mail.subject);
    assert!(mail.body_text.contains("外部への誘導はご遠慮ください"));
    assert!(
        audit_actions(&m)
            .await
            .contains(&"moderation.warn".to_owned())
    );
});

async fn suspend_seller(m: &Market, op: &CurrentUser, orders: &str) {
    file(
        &m.t.app,
        &m.buyer,
        service(m.listing),
        &report("fraud", "詐欺です"),
    )
    .await
    .expect("report");
    decide(
        &m.t.app,
        op,
        service(m.listing),
        &DecisionInput {
            action: "suspend".into(),
            reason: "詐欺の疑いがあります".into(),
            orders: orders.into(),
        },
    )
    .await
    .expect("suspend");
}

both_backends!(
    a_suspension_lets_orders_in_progress_continue_when_the_operator_says_so,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let order_id = buy(&m, "go-on").await;
        // The operator must choose what becomes of the orders.
        assert!(matches!(
            decide(
                &t.app,
                &op,
                service(m.listing),
                &decision("suspend", "理由")
            )
            .await,
            Err(AppError::Invalid(_))
        ));
        suspend_seller(&m, &op, "continue").await;

        let seller = t.load_user(m.seller.id).await;
        assert!(seller.suspended);
        assert_eq!(listing_status(&m, m.listing).await, ListingStatus::Paused);
        assert_eq!(order(&m, order_id).await.state, OrderState::InProgress);
        // No messages, no services, no purchases: the one standing rule says so.
        assert!(matches!(
            post_message(&t.app, &seller, order_id, "こんにちは", vec![]).await,
            Err(AppError::Conflict("moderation-suspended"))
        ));
        assert!(matches!(
            manage::apply(&t.app, &seller, m.listing, Action::Resume).await,
            Err(AppError::Conflict("moderation-suspended"))
        ));
        assert!(matches!(
            yorozu_app::listings::edit::create(
                &t.app,
                &seller,
                &listing_form("新しい", "新しいサービスです。")
            )
            .await,
            Err(AppError::Conflict("moderation-suspended"))
        ));
        // The order goes on: the seller delivers and the buyer approves.
        deliver(&m, order_id).await;
        yorozu_app::orders::deliver::approve(&t.app, &m.buyer, order_id)
            .await
            .expect("approve");
        assert_eq!(order(&m, order_id).await.state, OrderState::Completed);
        assert_ledger_balanced(&t.app.db).await;

        // Lifting the suspension publishes the services it paused.
        suspension::lift(&t.app, &op, m.seller.id, "確認が取れました")
            .await
            .expect("lift");
        assert!(!t.load_user(m.seller.id).await.suspended);
        assert_eq!(
            listing_status(&m, m.listing).await,
            ListingStatus::Published
        );
        let told = notices::mine(&t.app, &m.seller).await.expect("notices");
        assert_eq!(told[0].message_id, "moderation-notice-suspension-lifted");
        assert_eq!(told[1].message_id, "moderation-notice-suspended");
        let actions = audit_actions(&m).await;
        assert!(actions.contains(&"moderation.suspend".to_owned()));
        assert!(actions.contains(&"moderation.lift_suspension".to_owned()));
    }
);

both_backends!(
    a_suspension_can_cancel_orders_in_progress_with_refunds,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let working = buy(&m, "cancel-1").await;
        let delivered = buy(&m, "cancel-2").await;
        deliver(&m, delivered).await;
        let escrow_before = balance(&t.app.db, "escrow", None).await;
        assert!(escrow_before != 0);
        suspend_seller(&m, &op, "cancel").await;

        for id in [working, delivered] {
            assert_eq!(order(&m, id).await.state, OrderState::Cancelled, "{id}");
        }
        assert_eq!(
            balance(&t.app.db, "escrow", None).await,
            0,
            "escrow refunded"
        );
        assert_ledger_balanced(&t.app.db).await;
        // The buyer, in good standing, is told in the talk room.
        let view = yorozu_app::orders::view::detail(&t.app, &m.buyer, working)
            .await
            .expect("order");
        assert!(
            view.messages
                .iter()
                .any(|msg| msg.body == "order-event-party_suspended")
        );
        assert_eq!(
            standing::mine(&t.app, &m.buyer).await.expect("standing"),
            yorozu_domain::moderation::Standing::Good,
            "the counterpart keeps their standing"
        );
    }
);

both_backends!(
    a_suspended_member_can_still_export_and_withdraw,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        suspension::suspend(
            &t.app,
            &op,
            m.buyer.id,
            &SuspensionInput {
                reason: "規約違反".into(),
                orders: "continue".into(),
            },
        )
        .await
        .expect("suspend");
        assert!(matches!(
            suspension::suspend(
                &t.app,
                &op,
                m.buyer.id,
                &SuspensionInput {
                    reason: "再度".into(),
                    orders: "cancel".into()
                }
            )
            .await,
            Err(AppError::Conflict("moderation-already-suspended"))
        ));
        let buyer = t.load_user(m.buyer.id).await;
        assert!(matches!(
            yorozu_app::orders::place::place(&t.app, &buyer, &purchase(&m, "suspended")).await,
            Err(AppError::Conflict("moderation-suspended"))
        ));
        yorozu_app::export::request::request(&t.app, &buyer)
            .await
            .expect("a suspended member downloads their data");
        t.run_jobs().await;
        let closed = close_now(t, &buyer, true).await;
        purge_all(t, closed.withdrawal_id).await;
        assert_eq!(status(&t.app.db, m.buyer.id).await, "purged");
        assert_eq!(t.count("suspensions").await, 0, "erased at the purge");
    }
);

both_backends!(
    the_purge_keeps_filed_reports_without_the_reporter_and_drops_reports_about_the_member,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let op = operator(t).await;
        let other = confirmed_member(t, "other@example.jp", "第三者").await;
        // The buyer reports the seller's service; someone reports the buyer's profile, and
        // an operator warns the buyer.
        file(
            &t.app,
            &m.buyer,
            service(m.listing),
            &report("fraud", "買い手の通報"),
        )
        .await
        .expect("buyer's report");
        let buyer_profile = Target {
            kind: TargetKind::Profile,
            id: m.buyer.id.get(),
        };
        file(
            &t.app,
            &other,
            buyer_profile,
            &report("other", "買い手についての通報"),
        )
        .await
        .expect("report about the buyer");
        decide(
            &t.app,
            &op,
            buyer_profile,
            &decision("warn", "買い手への警告"),
        )
        .await
        .expect("warn");

        let closed = close_now(t, &m.buyer, true).await;
        purge_all(t, closed.withdrawal_id).await;

        let kept = count_where(
            &t.app.db,
            "SELECT COUNT(*) FROM reports WHERE comment = '買い手の通報' AND reporter_id IS NULL",
        )
        .await;
        assert_eq!(kept, 1, "the buyer's report stays, without their id");
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT COUNT(*) FROM reports WHERE reporter_id = {0} OR target_owner_id = {0}",
                    m.buyer.id
                )
            )
            .await,
            0
        );
        assert_eq!(
            count_where(&t.app.db, "SELECT COUNT(*) FROM moderation_notices").await,
            0,
            "the warning went with the member"
        );
        // The operators still see the kept report in the queue.
        let q = queue::open(&t.app, &op).await.expect("queue");
        assert_eq!(q.entries.len(), 1);
        assert_eq!(q.entries[0].target, service(m.listing));
    }
);
