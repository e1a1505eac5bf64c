//! The notification centre (お知らせ): notifications raised beside the mail of each event,
//! the unread count the session carries, read marks only the owner can set, the settings
//! grid governing both channels and the unsubscribe links, and the daily message digest.

mod support;

use yorozu_app::AppError;
use yorozu_app::mail::{MailCategory, unsubscribe};
use yorozu_app::notifications::centre;
use yorozu_app::notifications::digest;
use yorozu_app::notifications::grid::{self, Changes, Channel};
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

async fn unread(m: &Market, user: &yorozu_app::accounts::CurrentUser) -> i64 {
    m.t.load_user(user.id).await.unread_notifications
}

both_backends!(
    an_order_tells_the_seller_and_only_the_owner_marks_it_read,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "centre").await;
        assert_eq!(
            unread(&m, &m.seller).await,
            1,
            "the seller's bell shows the sale"
        );
        assert_eq!(
            unread(&m, &m.buyer).await,
            0,
            "the buyer did it and is not told"
        );

        let page = centre::page(&m.t.app, m.seller.id, 1).await.expect("page");
        assert_eq!(page.unread, 1);
        assert_eq!(page.notifications.len(), 1);
        let n = &page.notifications[0];
        assert_eq!(n.kind, NotificationKind::OrderPlaced);
        assert_eq!(n.subject, NotificationSubject::Order(id));
        assert!(!n.read);

        // Someone else's notification is not found, and stays unread.
        let stranger = centre::open(&m.t.app, m.buyer.id, n.id).await;
        assert!(matches!(stranger, Err(AppError::NotFound)), "{stranger:?}");
        assert_eq!(unread(&m, &m.seller).await, 1);

        // Opening leads to the order and marks it read, once.
        let subject = centre::open(&m.t.app, m.seller.id, n.id)
            .await
            .expect("open");
        assert_eq!(subject.path(), format!("/orders/{id}"));
        assert_eq!(unread(&m, &m.seller).await, 0);
        centre::open(&m.t.app, m.seller.id, n.id)
            .await
            .expect("again");
        assert_eq!(
            unread(&m, &m.seller).await,
            0,
            "opening again changes nothing"
        );

        // Delivery tells the buyer; a message tells the other party; mark all read.
        deliver(&m, id).await;
        yorozu_app::orders::talk::post_message(&m.t.app, &m.seller, id, "ご確認ください。", vec![])
            .await
            .expect("message");
        assert_eq!(unread(&m, &m.buyer).await, 2);
        let kinds: Vec<_> = centre::page(&m.t.app, m.buyer.id, 1)
            .await
            .expect("page")
            .notifications
            .iter()
            .map(|n| n.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                NotificationKind::NewMessage,
                NotificationKind::OrderDelivered
            ],
            "newest first"
        );
        assert_eq!(
            centre::mark_all_read(&m.t.app, m.buyer.id)
                .await
                .expect("all"),
            2
        );
        assert_eq!(unread(&m, &m.buyer).await, 0);
        assert_eq!(
            centre::mark_all_read(&m.t.app, m.buyer.id)
                .await
                .expect("all"),
            0
        );

        // Approval tells the seller (the buyer acted); the session carries the count.
        yorozu_app::orders::deliver::approve(&m.t.app, &m.buyer, id)
            .await
            .expect("approve");
        let seller_kinds: Vec<_> = centre::page(&m.t.app, m.seller.id, 1)
            .await
            .expect("page")
            .notifications
            .iter()
            .map(|n| n.kind)
            .collect();
        assert_eq!(seller_kinds[0], NotificationKind::OrderApproved);
        assert_eq!(unread(&m, &m.seller).await, 1);
        assert_eq!(unread(&m, &m.buyer).await, 0);
    }
);

both_backends!(the_centre_pages_newest_first, |db: Db| async move {
    let m = market(db).await;
    let id = buy(&m, "pages").await;
    for i in 0..(centre::PAGE_SIZE + 4) {
        yorozu_app::orders::talk::post_message(
            &m.t.app,
            &m.buyer,
            id,
            &format!("メッセージ{i}"),
            vec![],
        )
        .await
        .expect("message");
        m.t.advance(1);
    }
    let first = centre::page(&m.t.app, m.seller.id, 1).await.expect("page");
    assert_eq!(first.pages, 2);
    assert_eq!(first.notifications.len() as i64, centre::PAGE_SIZE);
    let second = centre::page(&m.t.app, m.seller.id, 2).await.expect("page");
    assert_eq!(second.notifications.len(), 5, "4 messages and the order");
    assert_eq!(second.notifications[4].kind, NotificationKind::OrderPlaced);
    assert!(first.notifications[0].created_at >= second.notifications[0].created_at);
    assert_eq!(first.unread, centre::PAGE_SIZE + 5);
});

both_backends!(
    the_grid_governs_both_channels_and_the_unsubscribe_link_switches_its_mail_cell,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        t.run_jobs().await;
        // On-site notifications of orders off: the sale still mails (locked), raises nothing.
        grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![(MailCategory::Transactions, Channel::Site, false)],
                message_digest: None,
            },
        )
        .await
        .expect("grid");
        let id = buy(&m, "grid").await;
        t.run_jobs().await;
        assert_eq!(unread(&m, &m.seller).await, 0);
        assert!(
            t.mails_to("seller@example.jp")
                .await
                .iter()
                .any(|mail| mail.subject.contains("購入")),
            "transaction mail stays on"
        );
        // Transaction mail cannot be switched off through the grid either.
        let locked = grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![(MailCategory::Transactions, Channel::Mail, false)],
                message_digest: None,
            },
        )
        .await;
        assert!(matches!(
            locked,
            Err(AppError::Conflict("settings-transactional-locked"))
        ));
        // Marketing rows have no on-site cell.
        let no_site = grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![(MailCategory::Newsletter, Channel::Site, true)],
                message_digest: None,
            },
        )
        .await;
        assert!(matches!(
            no_site,
            Err(AppError::BadRequest("settings-no-site-channel"))
        ));

        // The unsubscribe link of message mail switches the grid's mail cell of messages.
        let token = unsubscribe::token(&t.app, m.seller.id, MailCategory::Messages);
        unsubscribe::unsubscribe(&t.app, &token)
            .await
            .expect("unsubscribe");
        let shown = grid::of(&t.app, m.seller.id).await.expect("grid");
        let messages = shown
            .rows
            .iter()
            .find(|r| r.category == MailCategory::Messages)
            .expect("messages row");
        assert!(!messages.mail.enabled, "the same cell the grid shows");
        assert!(messages.site.expect("site cell").enabled);
        let before = t.mails_to("seller@example.jp").await.len();
        yorozu_app::orders::talk::post_message(&t.app, &m.buyer, id, "はじめまして。", vec![])
            .await
            .expect("message");
        t.run_jobs().await;
        assert_eq!(
            t.mails_to("seller@example.jp").await.len(),
            before,
            "a switched-off cell sends no mail"
        );
        assert_eq!(
            unread(&m, &m.seller).await,
            1,
            "the on-site cell still tells"
        );
        // And switched off on the site too: nothing at all.
        grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![(MailCategory::Messages, Channel::Site, false)],
                message_digest: None,
            },
        )
        .await
        .expect("grid");
        yorozu_app::orders::talk::post_message(
            &t.app,
            &m.buyer,
            id,
            "よろしくお願いします。",
            vec![],
        )
        .await
        .expect("message");
        assert_eq!(unread(&m, &m.seller).await, 1);
    }
);

both_backends!(
    the_daily_digest_replaces_message_mail_once_a_day_and_only_with_news,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let id = buy(&m, "digest").await;
        t.run_jobs().await;
        grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![],
                message_digest: Some(true),
            },
        )
        .await
        .expect("digest on");
        t.advance(60);
        let mails = || async { t.mails_to("seller@example.jp").await.len() };
        let before = mails().await;
        for body in ["一通目です。", "二通目です。"] {
            yorozu_app::orders::talk::post_message(&t.app, &m.buyer, id, body, vec![])
                .await
                .expect("message");
        }
        t.run_jobs().await;
        assert_eq!(mails().await, before, "no mail per message");

        t.advance(HOUR);
        assert_eq!(digest::send_due(&t.app).await.expect("digest"), 1);
        t.run_jobs().await;
        let sent = t.last_mail_to("seller@example.jp").await;
        assert!(sent.subject.contains('2'), "{}", sent.subject);
        assert!(
            sent.body_text.contains("ロゴを作成します"),
            "{}",
            sent.body_text
        );
        assert_eq!(mails().await, before + 1);

        // Once a day: another message the same day waits for tomorrow's digest.
        t.advance(60);
        yorozu_app::orders::talk::post_message(&t.app, &m.buyer, id, "三通目です。", vec![])
            .await
            .expect("message");
        t.advance(HOUR);
        assert_eq!(digest::send_due(&t.app).await.expect("digest"), 0);
        t.advance(DAY);
        assert_eq!(digest::send_due(&t.app).await.expect("digest"), 1);
        t.run_jobs().await;
        assert!(
            t.last_mail_to("seller@example.jp")
                .await
                .subject
                .contains('1')
        );
        // Nothing new: nothing sent.
        t.advance(DAY);
        assert_eq!(digest::send_due(&t.app).await.expect("digest"), 0);

        // Digest off again: one mail per message as before.
        grid::update(
            &t.app,
            m.seller.id,
            &Changes {
                cells: vec![],
                message_digest: Some(false),
            },
        )
        .await
        .expect("digest off");
        let before = mails().await;
        yorozu_app::orders::talk::post_message(&t.app, &m.buyer, id, "四通目です。", vec![])
            .await
            .expect("message");
        t.run_jobs().await;
        assert_eq!(mails().await, before + 1);
    }
);

#[test]
fn every_kind_is_worded_in_both_languages() {
    for locale in [yorozu_domain::Locale::Ja, yorozu_domain::Locale::En] {
        let tr = yorozu_i18n::Tr::new(locale);
        for kind in NotificationKind::ALL {
            assert!(tr.has(&kind.message_id()), "{locale:?} lacks {kind:?}");
        }
    }
}

/// The notification kinds `member` has, newest first.
async fn kinds_of(m: &Market, member: &yorozu_app::accounts::CurrentUser) -> Vec<NotificationKind> {
    centre::page(&m.t.app, member.id, 1)
        .await
        .expect("page")
        .notifications
        .iter()
        .map(|n| n.kind)
        .collect()
}

both_backends!(
    quotes_and_offers_tell_the_other_side_and_their_row_switches_mail_only,
    |db: Db| async move {
        use yorozu_app::offers::form::OfferForm;
        use yorozu_app::offers::{consult, decide, send};
        let m = market(db).await;
        let t = &m.t;
        let id = consult::consult(
            &t.app,
            &m.buyer,
            m.listing,
            "お見積りをお願いします。",
            vec![],
        )
        .await
        .expect("consult");
        assert_eq!(
            kinds_of(&m, &m.seller).await,
            [NotificationKind::ConsultationReceived]
        );
        let page = centre::page(&t.app, m.seller.id, 1).await.expect("page");
        assert_eq!(
            page.notifications[0].subject.path(),
            format!("/consultations/{id}#offers")
        );
        let form = OfferForm {
            title: "ロゴ".into(),
            included: "ロゴ1案".into(),
            price: "5000".into(),
            delivery_days: "5".into(),
            revisions: "1".into(),
            option_titles: vec![],
            option_prices: vec![],
            expiry_days: String::new(),
        };
        send::send(&t.app, &m.seller, id, &form)
            .await
            .expect("offer");
        let revised = send::send(&t.app, &m.seller, id, &form)
            .await
            .expect("revised");
        decide::decline(&t.app, &m.buyer, revised, "")
            .await
            .expect("decline");
        assert_eq!(
            kinds_of(&m, &m.buyer).await,
            [
                NotificationKind::OfferRevised,
                NotificationKind::OfferReceived
            ]
        );
        assert_eq!(
            kinds_of(&m, &m.seller).await,
            [
                NotificationKind::OfferDeclined,
                NotificationKind::ConsultationReceived
            ]
        );

        // The row of offers: its mail can be switched off (it is not locked), and then only the
        // notification tells.
        let row = grid::of(&t.app, m.buyer.id)
            .await
            .expect("grid")
            .rows
            .into_iter()
            .find(|r| r.category == MailCategory::Offers)
            .expect("offers row");
        assert!(row.mail.enabled && !row.mail.locked);
        grid::update(
            &t.app,
            m.buyer.id,
            &Changes {
                cells: vec![(MailCategory::Offers, Channel::Mail, false)],
                message_digest: None,
            },
        )
        .await
        .expect("grid");
        t.run_jobs().await;
        let before = t.mails_to("buyer@example.jp").await.len();
        send::send(&t.app, &m.seller, id, &form)
            .await
            .expect("third");
        t.run_jobs().await;
        assert_eq!(t.mails_to("buyer@example.jp").await.len(), before);
        assert_eq!(
            kinds_of(&m, &m.buyer).await[0],
            NotificationKind::OfferReceived
        );
    }
);

both_backends!(
    changes_during_an_order_tell_the_other_side,
    |db: Db| async move {
        use yorozu_app::orders::changes::{additions, extension};
        let m = market(db).await;
        let t = &m.t;
        let id = buy(&m, "changes").await;
        let form = additions::AdditionForm {
            title: "裏面デザイン".into(),
            description: "裏面もお作りします。".into(),
            price: "1000".into(),
            extra_days: "1".into(),
        };
        let added = additions::propose(&t.app, &m.seller, id, &form)
            .await
            .expect("propose");
        additions::decline(&t.app, &m.buyer, id, added, "")
            .await
            .expect("decline");
        extension::request(&t.app, &m.seller, id, "2", "確認のため")
            .await
            .expect("extension");
        extension::answer(&t.app, &m.buyer, id, extension::Answer::Accept, "")
            .await
            .expect("answer");
        assert_eq!(
            kinds_of(&m, &m.buyer).await,
            [
                NotificationKind::ExtensionRequested,
                NotificationKind::AdditionProposed
            ]
        );
        let seller = kinds_of(&m, &m.seller).await;
        assert_eq!(
            seller[..2],
            [
                NotificationKind::ExtensionAnswered,
                NotificationKind::AdditionDeclined
            ]
        );
        let page = centre::page(&t.app, m.buyer.id, 1).await.expect("page");
        assert_eq!(
            page.notifications[0].subject,
            NotificationSubject::Order(id)
        );
    }
);
