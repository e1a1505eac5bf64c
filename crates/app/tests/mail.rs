//! Mail: per-category settings (checked again when the worker sends), the opt-in newsletter with
//! one-click unsubscribe headers, and the signed unsubscribe link.

mod support;

use yorozu_app::AppError;
use yorozu_app::mail::{MailCategory, newsletter, outbox, settings, unsubscribe};
use yorozu_app::ports::OutgoingMail;
use yorozu_domain::UserId;
use yorozu_store::{Db, both_backends};

use support::*;

async fn operator(t: &TestApp) -> UserId {
    yorozu_app::operators::create::create_operator(
        &t.app,
        "ops@yorozu.test",
        "operator secret 1",
        "配信担当",
    )
    .await
    .expect("operator")
}

async fn effective(t: &TestApp, user_id: UserId) -> Vec<settings::Setting> {
    let mut c = t.app.db.read().await.expect("read");
    settings::effective(&mut c, user_id)
        .await
        .expect("settings")
}

fn enabled(settings: &[settings::Setting], category: MailCategory) -> bool {
    settings
        .iter()
        .find(|s| s.category == category)
        .expect("every category is listed")
        .enabled
}

/// The value of a header line in a mailbox row (`Name: value` lines).
fn header<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
}

both_backends!(
    new_members_get_service_mail_but_no_marketing_mail,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "太郎").await;
        let shown = effective(&t, member.user_id).await;
        let on: Vec<_> = shown
            .iter()
            .filter(|s| s.enabled)
            .map(|s| s.category.key())
            .collect();
        assert_eq!(
            on,
            ["account", "transactions", "messages", "offers", "favorites"]
        );
        let locked: Vec<_> = shown
            .iter()
            .filter(|s| s.locked)
            .map(|s| s.category.key())
            .collect();
        assert_eq!(locked, ["account", "transactions"]);
    }
);

both_backends!(
    transactional_mail_cannot_be_switched_off,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "太郎").await;
        for category in [MailCategory::Account, MailCategory::Transactions] {
            let result = settings::update(
                &t.app,
                member.user_id,
                &[(MailCategory::Messages, false), (category, false)],
            )
            .await;
            assert!(
                matches!(
                    result,
                    Err(AppError::Conflict("settings-transactional-locked"))
                ),
                "{result:?}"
            );
        }
        let shown = effective(&t, member.user_id).await;
        assert!(
            enabled(&shown, MailCategory::Account) && enabled(&shown, MailCategory::Transactions)
        );
        assert!(
            enabled(&shown, MailCategory::Messages),
            "the whole update was refused, not half saved"
        );
        assert_eq!(t.count("notification_settings").await, 0);
        // Leaving them on is fine.
        settings::update(
            &t.app,
            member.user_id,
            &[
                (MailCategory::Account, true),
                (MailCategory::Favorites, false),
            ],
        )
        .await
        .expect("update");
        assert!(!enabled(
            &effective(&t, member.user_id).await,
            MailCategory::Favorites
        ));
    }
);

both_backends!(
    queued_mail_is_dropped_when_its_category_is_switched_off_before_sending,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "太郎").await;
        t.run_jobs().await;
        let message_mail = |subject: &str| OutgoingMail {
            to: "taro@example.jp".into(),
            user_id: Some(member.user_id),
            subject: subject.into(),
            body_text: "新しいメッセージが届きました".into(),
            headers: vec![],
        };
        let mut tx = t.app.db.begin().await.expect("begin");
        outbox::enqueue(
            &mut tx,
            &t.app,
            MailCategory::Messages,
            message_mail("before"),
        )
        .await
        .expect("enqueue");
        tx.commit().await.expect("commit");

        settings::update(&t.app, member.user_id, &[(MailCategory::Messages, false)])
            .await
            .expect("switch off");
        assert_eq!(t.run_jobs().await, 1, "the job ran");
        assert!(
            t.mailbox().await.iter().all(|m| m.subject != "before"),
            "and sent nothing"
        );
        assert_eq!(
            queued_jobs::<outbox::MailJob>(&t.app.db).await,
            0,
            "dropped, not retried"
        );

        // Switched on again, the same kind of mail goes out.
        settings::update(&t.app, member.user_id, &[(MailCategory::Messages, true)])
            .await
            .expect("switch on");
        let mut tx = t.app.db.begin().await.expect("begin");
        outbox::enqueue(
            &mut tx,
            &t.app,
            MailCategory::Messages,
            message_mail("after"),
        )
        .await
        .expect("enqueue");
        tx.commit().await.expect("commit");
        t.run_jobs().await;
        assert_eq!(t.last_mail_to("taro@example.jp").await.subject, "after");
    }
);

both_backends!(
    the_newsletter_reaches_only_members_who_opted_in,
    |db: Db| async move {
        let t = test_app(db);
        let operator = operator(&t).await;
        let reader = t.register_confirmed("reader@example.jp", "読者").await;
        t.register_confirmed("quiet@example.jp", "静か").await;
        settings::update(&t.app, reader.user_id, &[(MailCategory::Newsletter, true)])
            .await
            .expect("opt in");
        t.run_jobs().await;
        let before = t.mailbox().await.len();

        let queued = newsletter::send(
            &t.app,
            operator,
            "よろず通信 6月号",
            "今月のおすすめサービスです。",
        )
        .await
        .expect("send");
        assert_eq!(queued, 1);
        t.run_jobs().await;
        let sent: Vec<_> = t.mailbox().await.into_iter().skip(before).collect();
        assert_eq!(
            sent.iter().map(|m| m.to_addr.as_str()).collect::<Vec<_>>(),
            ["reader@example.jp"]
        );
        let mail = &sent[0];
        assert_eq!(mail.subject, "よろず通信 6月号");
        assert!(mail.body_text.starts_with("今月のおすすめサービスです。"));
        assert!(
            mail.body_text
                .contains("http://test.local/mail/unsubscribe?token="),
            "{}",
            mail.body_text
        );

        let list_unsubscribe =
            header(&mail.headers, "List-Unsubscribe").expect("List-Unsubscribe header");
        assert!(
            list_unsubscribe.starts_with("<http://test.local/mail/unsubscribe?token=")
                && list_unsubscribe.ends_with('>')
        );
        assert_eq!(
            header(&mail.headers, "List-Unsubscribe-Post"),
            Some("List-Unsubscribe=One-Click")
        );

        let log = yorozu_store::audit::list(&mut t.app.db.read().await.expect("read"), None, 10)
            .await
            .expect("audit");
        assert_eq!(
            (log[0].operator_id, log[0].action.as_str()),
            (operator, "newsletter.send")
        );
    }
);

both_backends!(
    one_click_unsubscribe_stops_the_newsletter_at_once,
    |db: Db| async move {
        let t = test_app(db);
        let operator = operator(&t).await;
        let reader = t.register_confirmed("reader@example.jp", "読者").await;
        settings::update(&t.app, reader.user_id, &[(MailCategory::Newsletter, true)])
            .await
            .expect("opt in");
        newsletter::send(&t.app, operator, "6月号", "本文")
            .await
            .expect("send");
        t.run_jobs().await;
        let mail = t.last_mail_to("reader@example.jp").await;
        let link = header(&mail.headers, "List-Unsubscribe")
            .expect("header")
            .trim_matches(['<', '>']);
        let token = token_in(link);

        // A copy already queued when the member unsubscribes is not sent either.
        newsletter::send(&t.app, operator, "7月号", "本文")
            .await
            .expect("send");
        let category = unsubscribe::unsubscribe(&t.app, &token)
            .await
            .expect("unsubscribe");
        assert_eq!(category, MailCategory::Newsletter);
        assert!(!enabled(
            &effective(&t, reader.user_id).await,
            MailCategory::Newsletter
        ));
        t.run_jobs().await;
        assert_eq!(
            t.mails_to("reader@example.jp")
                .await
                .iter()
                .filter(|m| m.subject == "7月号")
                .count(),
            0
        );

        assert_eq!(
            newsletter::send(&t.app, operator, "8月号", "本文")
                .await
                .expect("send"),
            0,
            "reaches nobody"
        );
        t.run_jobs().await;
        assert!(t.mailbox().await.iter().all(|m| m.subject != "8月号"));
        // Unsubscribing twice is harmless.
        unsubscribe::unsubscribe(&t.app, &token)
            .await
            .expect("second click");
    }
);

both_backends!(
    a_tampered_unsubscribe_token_is_refused,
    |db: Db| async move {
        let t = test_app(db);
        let reader = t.register_confirmed("reader@example.jp", "読者").await;
        let other = t.register_confirmed("other@example.jp", "他人").await;
        for member in [reader.user_id, other.user_id] {
            settings::update(&t.app, member, &[(MailCategory::Newsletter, true)])
                .await
                .expect("opt in");
        }
        let token = unsubscribe::token(&t.app, reader.user_id, MailCategory::Newsletter);
        let (value, signature) = token.rsplit_once('.').expect("value.signature");

        let forgeries = [
            // The signature moved onto another member or another category.
            format!("{}-newsletter.{signature}", other.user_id),
            format!("{}-recommendations.{signature}", reader.user_id),
            // No signature, or a damaged one.
            value.to_owned(),
            format!("{value}.{}", &signature[1..]),
            // Genuine, but for mail that cannot be switched off.
            unsubscribe::token(&t.app, reader.user_id, MailCategory::Account),
            // Signed with another server's key.
            unsubscribe::token(
                &test_app_with_key(t.app.db.clone(), 9).app,
                reader.user_id,
                MailCategory::Newsletter,
            ),
            String::new(),
        ];
        for forged in &forgeries {
            assert_eq!(
                link_invalid(unsubscribe::unsubscribe(&t.app, forged).await),
                "unsubscribe-link-invalid",
                "{forged:?}"
            );
        }
        for member in [reader.user_id, other.user_id] {
            assert!(
                enabled(&effective(&t, member).await, MailCategory::Newsletter),
                "nothing changed for {member}"
            );
        }
    }
);

both_backends!(
    an_unconfirmed_address_cannot_opt_in_to_marketing_mail,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("unconfirmed@example.jp", "未確認").await;
        let result =
            settings::update(&t.app, member.user_id, &[(MailCategory::Newsletter, true)]).await;
        assert!(
            matches!(
                result,
                Err(yorozu_app::AppError::Conflict(
                    "settings-confirm-email-first"
                ))
            ),
            "{result:?}"
        );
        let mut c = t.app.db.read().await.expect("read");
        let newsletter = settings::effective(&mut c, member.user_id)
            .await
            .expect("settings")
            .into_iter()
            .find(|s| s.category == MailCategory::Newsletter)
            .expect("newsletter row");
        assert!(!newsletter.enabled, "nothing was saved");
    }
);
