//! Accounts: registration and confirmation, sign-in and its throttle, password reset, e-mail and
//! password changes, sessions and API tokens. Every test runs on SQLite and on PostgreSQL.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::register::{Registration, SignUp, register};
use yorozu_app::accounts::{
    api_tokens, change_email, change_password, confirm, password_reset, sessions, sign_in,
};
use yorozu_app::mail::outbox;
use yorozu_domain::Locale;
use yorozu_store::accounts::users;
use yorozu_store::{Db, both_backends};

use support::*;

const NEW_PASSWORD: &str = "a brand new secret";

// ---- registration and confirmation ----

both_backends!(
    registration_creates_account_profile_and_session_and_mails_a_confirmation_link,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("Taro@Example.jp", "山田 太郎").await;

        let mut c = t.app.db.read().await.expect("read");
        let user = users::find(&mut c, registered.user_id)
            .await
            .expect("find")
            .expect("user row");
        assert_eq!(
            user.email.as_deref(),
            Some("taro@example.jp"),
            "the address is stored lower-cased"
        );
        assert_eq!(
            (
                user.status.as_str(),
                user.role.as_str(),
                user.locale.as_str()
            ),
            ("active", "member", "ja")
        );
        assert!(user.email_verified_at.is_none(), "not confirmed yet");
        assert!(
            user.password_hash
                .as_deref()
                .is_some_and(|h| h.starts_with("$argon2id$")),
            "password is hashed"
        );
        let profile = yorozu_store::profiles::find(&mut c, registered.user_id)
            .await
            .expect("find")
            .expect("profile row");
        assert_eq!(profile.display_name, "山田 太郎");
        drop(c);

        let (me, _) = t.current_user(&registered.session_token).await;
        assert_eq!(me.id, registered.user_id);
        assert!(!me.email_verified);

        // The mail is a job committed with the account; only the worker sends it.
        assert!(t.mailbox().await.is_empty());
        assert_eq!(queued_jobs::<outbox::MailJob>(&t.app.db).await, 1);
        assert_eq!(t.run_jobs().await, 1);
        let mail = t.last_mail_to("taro@example.jp").await;
        assert_eq!(mail.user_id, Some(registered.user_id));
        assert_eq!(mail.subject, "【よろず】メールアドレスの確認をお願いします");
        assert!(
            mail.body_text.contains("山田 太郎 様"),
            "{}",
            mail.body_text
        );
        let link = link_in(&mail.body_text);
        assert!(
            link.starts_with("http://test.local/account/confirm?token="),
            "{link}"
        );

        let confirmed = confirm::confirm_email(&t.app, &token_in(&link))
            .await
            .expect("confirm");
        assert_eq!(confirmed, registered.user_id);
        assert!(
            t.current_user(&registered.session_token)
                .await
                .0
                .email_verified
        );
    }
);

both_backends!(a_confirmation_link_works_only_once, |db: Db| async move {
    let t = test_app(db);
    t.register("once@example.jp", "一度きり").await;
    t.run_jobs().await;
    let token = token_in(&t.last_mail_to("once@example.jp").await.body_text);
    confirm::confirm_email(&t.app, &token)
        .await
        .expect("first use");
    assert_eq!(
        link_invalid(confirm::confirm_email(&t.app, &token).await),
        "link-used"
    );
});

both_backends!(
    a_confirmation_link_expires_after_24_hours,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("late@example.jp", "遅刻").await;
        t.run_jobs().await;
        let token = token_in(&t.last_mail_to("late@example.jp").await.body_text);
        t.advance(24 * HOUR + 1);
        assert_eq!(
            link_invalid(confirm::confirm_email(&t.app, &token).await),
            "link-expired"
        );
        assert!(!t.load_user(registered.user_id).await.email_verified);
    }
);

both_backends!(
    an_unknown_confirmation_link_is_refused,
    |db: Db| async move {
        let t = test_app(db);
        t.register("someone@example.jp", "誰か").await;
        assert_eq!(
            link_invalid(confirm::confirm_email(&t.app, "not-a-token-we-issued").await),
            "link-unknown"
        );
    }
);

both_backends!(
    issue14_7_a_taken_email_gets_the_answer_of_a_new_one_and_its_owner_is_told,
    |db: Db| async move {
        let t = test_app(db);
        t.register("hanako@example.jp", "花子").await;
        t.run_jobs().await;
        let (users_before, sessions_before) = (t.count("users").await, t.count("sessions").await);
        let mails_before = t.mails_to("hanako@example.jp").await.len();

        for address in ["hanako@example.jp", "Hanako@EXAMPLE.jp"] {
            let second = register(
                &t.app,
                &Registration {
                    email: address,
                    password: "another password",
                    display_name: "別の花子",
                    locale: Locale::Ja,
                },
                &client(),
            )
            .await;
            // No "taken" error: the caller cannot tell members from strangers.
            assert!(
                matches!(second, Ok(SignUp::AddressTaken)),
                "{address}: {second:?}"
            );
        }
        assert_eq!(t.count("users").await, users_before, "no second user row");
        assert_eq!(t.count("profiles").await, users_before);
        assert_eq!(t.count("sessions").await, sessions_before);
        t.run_jobs().await;
        let notices = t.mails_to("hanako@example.jp").await;
        assert_eq!(
            notices.len(),
            mails_before + 1,
            "one notice to the owner for both attempts within the hour"
        );
        let notice = notices.last().expect("notice");
        assert!(
            notice.subject.contains("会員登録が試みられました"),
            "{}",
            notice.subject
        );
        assert!(
            notice
                .body_text
                .contains("http://test.local/account/forgot")
        );
        assert!(!notice.body_text.contains("token="), "no confirmation link");
    }
);

both_backends!(
    issue14_7_sign_ups_resets_and_resends_are_limited_per_client,
    |db: Db| async move {
        let mut t = test_app(db);
        t.app.policy.client_request_limit = 3;
        let stranger = yorozu_app::accounts::Client {
            ip: "198.51.100.9".into(),
            user_agent: "flood/1.0".into(),
        };
        let sign_up = |n: usize| {
            let app = t.app.clone();
            let client = stranger.clone();
            async move {
                let email = format!("victim{n}@example.jp");
                register(
                    &app,
                    &Registration {
                        email: &email,
                        password: PASSWORD,
                        display_name: "だれか",
                        locale: Locale::Ja,
                    },
                    &client,
                )
                .await
            }
        };
        for n in 0..3 {
            sign_up(n).await.expect("within the limit");
        }
        let refused = sign_up(3).await;
        assert!(
            matches!(refused, Err(AppError::Throttled { retry_after_seconds }) if retry_after_seconds > 0 && retry_after_seconds <= 15 * 60),
            "{refused:?}"
        );
        // Another client is not affected; the window passes.
        t.register("own@example.jp", "自分").await;
        t.advance(15 * 60);
        sign_up(4).await.expect("a new window");

        for n in 0..3 {
            password_reset::request(&t.app, &format!("victim{n}@example.jp"), &stranger)
                .await
                .expect("within the limit");
        }
        let refused = password_reset::request(&t.app, "victim0@example.jp", &stranger).await;
        assert!(
            matches!(refused, Err(AppError::Throttled { .. })),
            "{refused:?}"
        );

        let member = t.register("resend@example.jp", "再送").await;
        let (me, _) = t.current_user(&member.session_token).await;
        for _ in 0..3 {
            confirm::resend(&t.app, &me, &stranger)
                .await
                .expect("within the limit");
        }
        let refused = confirm::resend(&t.app, &me, &stranger).await;
        assert!(
            matches!(refused, Err(AppError::Throttled { .. })),
            "{refused:?}"
        );
    }
);

both_backends!(
    invalid_registration_reports_every_field_and_writes_nothing,
    |db: Db| async move {
        let t = test_app(db);
        let result = register(
            &t.app,
            &Registration {
                email: "not-an-address",
                password: "short",
                display_name: " \u{3000} ",
                locale: Locale::Ja,
            },
            &client(),
        )
        .await;
        assert_eq!(
            invalid_fields(result),
            [
                ("email", "email-invalid"),
                ("password", "password-too-short"),
                ("display_name", "display-name-empty")
            ]
        );
        for table in ["users", "profiles", "sessions", "email_tokens", "jobs"] {
            assert_eq!(t.count(table).await, 0, "{table} is empty");
        }
    }
);

// ---- signing in ----

both_backends!(
    sign_in_with_the_right_password_starts_a_session,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        let (user_id, token) = sign_in::sign_in(&t.app, " TARO@example.jp ", PASSWORD, &client())
            .await
            .expect("sign in");
        assert_eq!(user_id, registered.user_id);
        assert_ne!(token, registered.session_token, "a new session");
        let (me, _) = sessions::authenticate(&t.app, &token)
            .await
            .expect("authenticate")
            .expect("session accepted");
        assert_eq!(me.id, registered.user_id);
        assert_eq!(me.email, "taro@example.jp");
        assert!(
            sessions::authenticate(&t.app, "made-up-cookie")
                .await
                .expect("authenticate")
                .is_none()
        );
    }
);

both_backends!(
    sign_in_with_a_wrong_password_or_unknown_address_is_bad_credentials,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        let sessions_before = t.count("sessions").await;
        let wrong = sign_in::sign_in(&t.app, "taro@example.jp", "not my password", &client()).await;
        assert!(matches!(wrong, Err(AppError::BadCredentials)), "{wrong:?}");
        let unknown = sign_in::sign_in(&t.app, "nobody@example.jp", PASSWORD, &client()).await;
        assert!(
            matches!(unknown, Err(AppError::BadCredentials)),
            "{unknown:?}"
        );
        let malformed = sign_in::sign_in(&t.app, "nobody", PASSWORD, &client()).await;
        assert!(
            matches!(malformed, Err(AppError::BadCredentials)),
            "{malformed:?}"
        );
        assert_eq!(
            t.count("sessions").await,
            sessions_before,
            "no session was started"
        );
    }
);

both_backends!(
    issue14_6_failures_slow_the_address_down_with_a_growing_delay_not_a_lock_out,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        for attempt in 1..=5 {
            let result = sign_in::sign_in(&t.app, "taro@example.jp", "guess", &client()).await;
            assert!(
                matches!(result, Err(AppError::BadCredentials)),
                "attempt {attempt}: {result:?}"
            );
        }
        // The sixth attempt must wait a second after the fifth, the seventh two, then four…
        let throttled = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client()).await;
        assert!(
            matches!(
                throttled,
                Err(AppError::Throttled {
                    retry_after_seconds: 1
                })
            ),
            "{throttled:?}"
        );
        for wait in [1, 2, 4, 8] {
            t.advance(wait);
            let result = sign_in::sign_in(&t.app, "taro@example.jp", "guess", &client()).await;
            assert!(
                matches!(result, Err(AppError::BadCredentials)),
                "after {wait}s: {result:?}"
            );
            let early = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client()).await;
            assert!(
                matches!(early, Err(AppError::Throttled { retry_after_seconds }) if retry_after_seconds == wait * 2),
                "{early:?}"
            );
        }
        // The owner waits 16 seconds, not 15 minutes, and the count starts over.
        t.advance(16);
        let (user_id, _) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("the owner gets in");
        assert_eq!(user_id, registered.user_id);
        for _ in 0..5 {
            let result = sign_in::sign_in(&t.app, "taro@example.jp", "guess", &client()).await;
            assert!(
                matches!(result, Err(AppError::BadCredentials)),
                "{result:?}"
            );
        }
    }
);

both_backends!(
    issue14_6_the_delay_is_capped_at_the_window,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        let mut waited = 0;
        for _ in 0..20 {
            match sign_in::sign_in(&t.app, "taro@example.jp", "guess", &client()).await {
                Err(AppError::BadCredentials) => {}
                Err(AppError::Throttled {
                    retry_after_seconds,
                }) => {
                    assert!(retry_after_seconds <= 15 * 60, "{retry_after_seconds}");
                    waited = waited.max(retry_after_seconds);
                    t.advance(retry_after_seconds);
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(waited > 0 && waited <= 15 * 60, "{waited}");
    }
);

both_backends!(
    issue14_6_parallel_guesses_are_counted_before_the_password_is_checked,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        // 40 guesses at the same moment (the clock stands still): only the free attempts
        // reach the password check, the rest are refused without it.
        let guesses = (0..40).map(|n| {
            let app = t.app.clone();
            tokio::spawn(async move {
                let client = yorozu_app::accounts::Client {
                    ip: format!("198.51.100.{n}"),
                    user_agent: "guesser".into(),
                };
                sign_in::sign_in(&app, "taro@example.jp", &format!("guess {n}"), &client).await
            })
        });
        let (mut checked, mut throttled) = (0, 0);
        for guess in guesses.collect::<Vec<_>>() {
            match guess.await.expect("task") {
                Err(AppError::BadCredentials) => checked += 1,
                Err(AppError::Throttled { .. }) => throttled += 1,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!((checked, throttled), (5, 35));
    }
);

both_backends!(issue14_6_the_per_client_limit_stays, |db: Db| async move {
    let t = test_app(db);
    t.register("taro@example.jp", "太郎").await;
    // One client guessing many addresses: 30 attempts in the window, then refused.
    for n in 0..30 {
        let result = sign_in::sign_in(
            &t.app,
            &format!("someone{n}@example.jp"),
            "guess",
            &client(),
        )
        .await;
        assert!(
            matches!(result, Err(AppError::BadCredentials)),
            "{n}: {result:?}"
        );
    }
    let refused = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client()).await;
    assert!(
        matches!(refused, Err(AppError::Throttled { retry_after_seconds }) if retry_after_seconds == 15 * 60),
        "{refused:?}"
    );
    t.advance(15 * 60);
    sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
        .await
        .expect("a new window");
});

// ---- password reset ----

both_backends!(
    a_reset_request_for_an_unknown_address_does_nothing,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        t.run_jobs().await;
        let tokens_before = t.count("email_tokens").await;
        password_reset::request(&t.app, "stranger@example.jp", &client())
            .await
            .expect("same answer as for a member");
        assert_eq!(t.count("email_tokens").await, tokens_before);
        assert_eq!(t.run_jobs().await, 0, "no mail queued");
        assert!(t.mails_to("stranger@example.jp").await.is_empty());
    }
);

both_backends!(
    a_password_reset_changes_the_password_ends_sessions_and_works_once,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        let (_, other_session) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        t.run_jobs().await;

        password_reset::request(&t.app, "Taro@example.jp", &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let mail = t.last_mail_to("taro@example.jp").await;
        assert_eq!(mail.subject, "【よろず】パスワード再設定のご案内");
        let link = link_in(&mail.body_text);
        assert!(
            link.starts_with("http://test.local/account/reset?token="),
            "{link}"
        );
        let token = token_in(&link);

        // A refused password leaves the link usable.
        let short = password_reset::reset(&t.app, &token, "short").await;
        assert_eq!(invalid_fields(short), [("password", "password-too-short")]);
        assert!(
            sessions::authenticate(&t.app, &registered.session_token)
                .await
                .expect("authenticate")
                .is_some(),
            "a refused reset ends no session"
        );

        let reset = password_reset::reset(&t.app, &token, NEW_PASSWORD)
            .await
            .expect("reset");
        assert_eq!(reset.user_id, registered.user_id);
        assert!(!reset.reopened);
        for session in [&registered.session_token, &other_session] {
            assert!(
                sessions::authenticate(&t.app, session)
                    .await
                    .expect("authenticate")
                    .is_none(),
                "session ended"
            );
        }
        let old = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client()).await;
        assert!(matches!(old, Err(AppError::BadCredentials)), "{old:?}");
        sign_in::sign_in(&t.app, "taro@example.jp", NEW_PASSWORD, &client())
            .await
            .expect("new password works");

        assert_eq!(
            link_invalid(password_reset::reset(&t.app, &token, "yet another secret").await),
            "link-used"
        );

        t.run_jobs().await;
        assert_eq!(
            t.last_mail_to("taro@example.jp").await.subject,
            "【よろず】パスワードが変更されました"
        );
    }
);

both_backends!(
    a_password_reset_lifts_the_sign_in_throttle,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        for _ in 0..5 {
            let _ = sign_in::sign_in(&t.app, "taro@example.jp", "guess", &client()).await;
        }
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let token = token_in(&t.last_mail_to("taro@example.jp").await.body_text);
        password_reset::reset(&t.app, &token, NEW_PASSWORD)
            .await
            .expect("reset");
        sign_in::sign_in(&t.app, "taro@example.jp", NEW_PASSWORD, &client())
            .await
            .expect("not throttled any more");
    }
);

both_backends!(
    a_reset_link_expires_after_an_hour_and_a_newer_one_replaces_it,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("first request");
        t.run_jobs().await;
        let first = token_in(&t.last_mail_to("taro@example.jp").await.body_text);
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("a request too soon is accepted");
        t.run_jobs().await;
        assert_eq!(
            t.mails_to("taro@example.jp").await.len(),
            2,
            "but sends nothing: confirmation + first reset only"
        );
        t.advance(3 * 60);
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("second request");
        t.run_jobs().await;
        let second = token_in(&t.last_mail_to("taro@example.jp").await.body_text);
        assert_ne!(first, second);
        assert_eq!(
            link_invalid(password_reset::reset(&t.app, &first, NEW_PASSWORD).await),
            "link-expired",
            "superseded"
        );

        t.advance(HOUR);
        assert_eq!(
            link_invalid(password_reset::reset(&t.app, &second, NEW_PASSWORD).await),
            "link-expired"
        );
        sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("password unchanged");
    }
);

both_backends!(
    a_reset_link_used_twice_at_the_same_moment_works_exactly_once,
    |db: Db| async move {
        let t = test_app(db);
        t.register("taro@example.jp", "太郎").await;
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let token = token_in(&t.last_mail_to("taro@example.jp").await.body_text);

        let attempts = ["first new secret", "second new secret"].map(|password| {
            let (app, token) = (t.app.clone(), token.clone());
            tokio::spawn(async move {
                (
                    password,
                    password_reset::reset(&app, &token, password).await,
                )
            })
        });
        let mut won = vec![];
        for attempt in attempts {
            match attempt.await.expect("task") {
                (password, Ok(_)) => won.push(password),
                (_, Err(AppError::LinkInvalid("link-used"))) => {}
                (_, other) => panic!("unexpected outcome {other:?}"),
            }
        }
        assert_eq!(won.len(), 1, "exactly one reset took effect");
        sign_in::sign_in(&t.app, "taro@example.jp", won[0], &client())
            .await
            .expect("the winner's password is set");
    }
);

// ---- changing the e-mail address ----

both_backends!(
    an_email_change_needs_the_current_password,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&registered.session_token).await;
        let jobs_before = t.count("jobs").await;
        let result = change_email::request(&t.app, &me, "new@example.jp", "not my password").await;
        assert_eq!(
            invalid_fields(result),
            [("current_password", "password-wrong")]
        );
        assert_eq!(t.count("jobs").await, jobs_before, "no mail queued");
    }
);

both_backends!(
    an_email_change_to_a_taken_address_is_refused,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register_confirmed("taro@example.jp", "太郎").await;
        t.register("hanako@example.jp", "花子").await;
        let (me, _) = t.current_user(&registered.session_token).await;
        let result = change_email::request(&t.app, &me, "HANAKO@example.jp", PASSWORD).await;
        assert_eq!(invalid_fields(result), [("new_email", "email-taken")]);
    }
);

both_backends!(
    an_email_change_is_confirmed_from_the_new_address_and_frees_the_old_one,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register_confirmed("old@example.jp", "太郎").await;
        let (me, _) = t.current_user(&registered.session_token).await;
        change_email::request(&t.app, &me, "new@example.jp", PASSWORD)
            .await
            .expect("request");
        t.run_jobs().await;

        let to_new = t.last_mail_to("new@example.jp").await;
        let link = link_in(&to_new.body_text);
        assert!(
            link.starts_with("http://test.local/account/email/confirm?token="),
            "{link}"
        );
        let notice = t.last_mail_to("old@example.jp").await;
        assert_eq!(
            notice.subject,
            "【よろず】メールアドレス変更のお申し込みがありました"
        );
        assert!(
            notice.body_text.contains("new@example.jp"),
            "{}",
            notice.body_text
        );
        assert!(
            !notice.body_text.contains("token="),
            "the old address never gets the link"
        );
        assert_eq!(
            t.load_user(registered.user_id).await.email,
            "old@example.jp",
            "unchanged until confirmed"
        );

        let user_id = change_email::confirm(&t.app, &token_in(&link))
            .await
            .expect("confirm");
        assert_eq!(user_id, registered.user_id);
        let me = t.load_user(registered.user_id).await;
        assert_eq!(me.email, "new@example.jp");
        assert!(me.email_verified);
        sign_in::sign_in(&t.app, "new@example.jp", PASSWORD, &client())
            .await
            .expect("new address signs in");
        let old = sign_in::sign_in(&t.app, "old@example.jp", PASSWORD, &client()).await;
        assert!(matches!(old, Err(AppError::BadCredentials)), "{old:?}");

        let again = t.register("old@example.jp", "新しい太郎").await;
        assert_ne!(
            again.user_id, registered.user_id,
            "the old address is free for a new account"
        );
    }
);

both_backends!(
    an_email_change_fails_if_the_address_was_taken_before_confirmation,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&registered.session_token).await;
        change_email::request(&t.app, &me, "wanted@example.jp", PASSWORD)
            .await
            .expect("request");
        t.run_jobs().await;
        let token = token_in(&t.last_mail_to("wanted@example.jp").await.body_text);

        t.register("wanted@example.jp", "先客").await;
        let result = change_email::confirm(&t.app, &token).await;
        assert!(
            matches!(result, Err(AppError::Conflict("email-taken"))),
            "{result:?}"
        );
        assert_eq!(
            t.load_user(registered.user_id).await.email,
            "taro@example.jp"
        );
    }
);

// ---- changing the password ----

both_backends!(
    a_password_change_ends_other_sessions_and_keeps_the_current_one,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        let (_, laptop) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let (_, phone) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let (me, current) = t.current_user(&registered.session_token).await;

        let wrong =
            change_password::change(&t.app, &me, &current, "not my password", NEW_PASSWORD).await;
        assert_eq!(
            invalid_fields(wrong),
            [("current_password", "password-wrong")]
        );
        assert!(
            sessions::authenticate(&t.app, &laptop)
                .await
                .expect("authenticate")
                .is_some(),
            "nothing ended"
        );

        change_password::change(&t.app, &me, &current, PASSWORD, NEW_PASSWORD)
            .await
            .expect("change");
        assert!(
            sessions::authenticate(&t.app, &registered.session_token)
                .await
                .expect("authenticate")
                .is_some()
        );
        for other in [&laptop, &phone] {
            assert!(
                sessions::authenticate(&t.app, other)
                    .await
                    .expect("authenticate")
                    .is_none(),
                "other device signed out"
            );
        }
        let old = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client()).await;
        assert!(matches!(old, Err(AppError::BadCredentials)), "{old:?}");
        sign_in::sign_in(&t.app, "taro@example.jp", NEW_PASSWORD, &client())
            .await
            .expect("new password works");
    }
);

// ---- sessions ----

both_backends!(
    sessions_can_be_listed_revoked_and_ended_everywhere_else,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        let (_, laptop) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let (_, phone) = sign_in::sign_in(&t.app, "taro@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let (me, current) = t.current_user(&registered.session_token).await;
        let (_, laptop_id) = t.current_user(&laptop).await;

        let listed = sessions::list(&t.app, me.id, &current).await.expect("list");
        assert_eq!(listed.len(), 3);
        assert_eq!(listed.iter().filter(|s| s.current).count(), 1);
        assert!(listed.iter().any(|s| s.current && s.id == current));
        assert!(
            listed
                .iter()
                .all(|s| s.user_agent == "test-browser/1.0" && s.ip == "192.0.2.10")
        );
        assert!(
            listed.iter().all(|s| s.id != registered.session_token),
            "the cookie value is never listed"
        );

        sessions::revoke(&t.app, me.id, &laptop_id)
            .await
            .expect("revoke the laptop");
        assert!(
            sessions::authenticate(&t.app, &laptop)
                .await
                .expect("authenticate")
                .is_none()
        );
        let revoked_again = sessions::revoke(&t.app, me.id, &laptop_id).await;
        assert!(
            matches!(revoked_again, Err(AppError::NotFound)),
            "{revoked_again:?}"
        );

        // Another member cannot end this member's session.
        let other = t.register("hanako@example.jp", "花子").await;
        let (_, phone_id) = t.current_user(&phone).await;
        let foreign = sessions::revoke(&t.app, other.user_id, &phone_id).await;
        assert!(matches!(foreign, Err(AppError::NotFound)), "{foreign:?}");
        assert!(
            sessions::authenticate(&t.app, &phone)
                .await
                .expect("authenticate")
                .is_some()
        );

        assert_eq!(
            sessions::sign_out_everywhere(&t.app, me.id, &current)
                .await
                .expect("sign out everywhere"),
            1
        );
        assert!(
            sessions::authenticate(&t.app, &phone)
                .await
                .expect("authenticate")
                .is_none()
        );
        assert!(
            sessions::authenticate(&t.app, &registered.session_token)
                .await
                .expect("authenticate")
                .is_some()
        );
        assert_eq!(
            sessions::list(&t.app, me.id, &current)
                .await
                .expect("list")
                .len(),
            1
        );
        assert!(
            sessions::authenticate(&t.app, &other.session_token)
                .await
                .expect("authenticate")
                .is_some(),
            "others untouched"
        );

        sessions::sign_out(&t.app, &current)
            .await
            .expect("sign out");
        assert!(
            sessions::authenticate(&t.app, &registered.session_token)
                .await
                .expect("authenticate")
                .is_none()
        );
    }
);

both_backends!(a_session_expires_after_30_idle_days, |db: Db| async move {
    let t = test_app(db);
    let registered = t.register("taro@example.jp", "太郎").await;
    t.advance(29 * DAY);
    assert!(
        sessions::authenticate(&t.app, &registered.session_token)
            .await
            .expect("authenticate")
            .is_some()
    );
    // Use extended the session: another 29 days later it is still alive.
    t.advance(29 * DAY);
    assert!(
        sessions::authenticate(&t.app, &registered.session_token)
            .await
            .expect("authenticate")
            .is_some()
    );
    t.advance(30 * DAY + 1);
    assert!(
        sessions::authenticate(&t.app, &registered.session_token)
            .await
            .expect("authenticate")
            .is_none()
    );
});

// ---- API tokens ----

both_backends!(
    an_api_token_authenticates_until_revoked,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register_confirmed("taro@example.jp", "太郎").await;
        let (info, secret) = api_tokens::create(
            &t.app,
            &t.current_user(&registered.session_token).await.0,
            &new_token("  CLI  "),
        )
        .await
        .expect("create");
        assert!(secret.starts_with("yzp_"), "{secret}");
        assert_eq!(info.name, "CLI");
        let listed = api_tokens::list(&t.app, registered.user_id)
            .await
            .expect("list");
        assert_eq!(listed.iter().map(|i| i.id).collect::<Vec<_>>(), [info.id]);

        let me = api_tokens::authenticate(&t.app, &secret)
            .await
            .expect("authenticate")
            .expect("token accepted");
        assert_eq!(me.id, registered.user_id);
        let used = api_tokens::list(&t.app, registered.user_id)
            .await
            .expect("list");
        assert!(used[0].last_used_at.is_some(), "use is recorded");
        for forged in [
            "yzp_forged",
            "not-even-prefixed",
            &secret[..secret.len() - 1],
        ] {
            assert!(
                api_tokens::authenticate(&t.app, forged)
                    .await
                    .expect("authenticate")
                    .is_none(),
                "{forged}"
            );
        }

        api_tokens::revoke(&t.app, registered.user_id, info.id)
            .await
            .expect("revoke");
        assert!(
            api_tokens::authenticate(&t.app, &secret)
                .await
                .expect("authenticate")
                .is_none()
        );
        assert!(
            api_tokens::list(&t.app, registered.user_id)
                .await
                .expect("list")
                .is_empty()
        );
    }
);

both_backends!(
    a_member_cannot_revoke_another_members_api_token,
    |db: Db| async move {
        let t = test_app(db);
        let owner = t.register_confirmed("taro@example.jp", "太郎").await;
        let intruder = t.register("hanako@example.jp", "花子").await;
        let (info, secret) = api_tokens::create(
            &t.app,
            &t.current_user(&owner.session_token).await.0,
            &new_token("deploy"),
        )
        .await
        .expect("create");
        let result = api_tokens::revoke(&t.app, intruder.user_id, info.id).await;
        assert!(matches!(result, Err(AppError::NotFound)), "{result:?}");
        assert!(
            api_tokens::authenticate(&t.app, &secret)
                .await
                .expect("authenticate")
                .is_some(),
            "still valid"
        );
    }
);

both_backends!(an_api_token_needs_a_name, |db: Db| async move {
    let t = test_app(db);
    let registered = t.register_confirmed("taro@example.jp", "太郎").await;
    assert_eq!(
        invalid_fields(
            api_tokens::create(
                &t.app,
                &t.current_user(&registered.session_token).await.0,
                &new_token("   ")
            )
            .await
        ),
        [("name", "token-name-empty")]
    );
    assert_eq!(t.count("api_tokens").await, 0);
});

/// A full-access token for 90 days, confirmed with [`PASSWORD`].
fn new_token(name: &str) -> api_tokens::NewToken<'_> {
    api_tokens::NewToken {
        name,
        scope: "full",
        lifetime_days: None,
        password: PASSWORD,
        totp_code: "",
    }
}

both_backends!(
    issue14_2_a_token_needs_a_confirmed_address_and_the_current_password,
    |db: Db| async move {
        let t = test_app(db);
        let unconfirmed = t.register("early@example.jp", "先回り").await;
        let (me, _) = t.current_user(&unconfirmed.session_token).await;
        let result = api_tokens::create(&t.app, &me, &new_token("squatter")).await;
        assert!(
            matches!(
                result,
                Err(AppError::Conflict("token-needs-confirmed-email"))
            ),
            "{result:?}"
        );

        let member = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&member.session_token).await;
        for wrong in ["", "not my password"] {
            let input = api_tokens::NewToken {
                password: wrong,
                totp_code: "",
                ..new_token("cli")
            };
            assert_eq!(
                invalid_fields(api_tokens::create(&t.app, &me, &input).await),
                [("password", "password-wrong")],
                "{wrong:?}"
            );
        }
        let bad_choices = api_tokens::NewToken {
            scope: "admin",
            lifetime_days: Some(10_000),
            ..new_token("cli")
        };
        assert_eq!(
            invalid_fields(api_tokens::create(&t.app, &me, &bad_choices).await),
            [
                ("scope", "token-scope-unknown"),
                ("lifetime_days", "token-lifetime-unknown")
            ]
        );
        assert_eq!(t.count("api_tokens").await, 0, "nothing was created");
    }
);

both_backends!(
    issue14_2_a_token_expires_and_can_be_renewed_from_now,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&member.session_token).await;
        let input = api_tokens::NewToken {
            lifetime_days: Some(30),
            scope: "read",
            ..new_token("cli")
        };
        let (info, secret) = api_tokens::create(&t.app, &me, &input)
            .await
            .expect("create");
        assert_eq!(info.expires_at, START + 30 * DAY);
        assert_eq!(info.scope, yorozu_domain::accounts::TokenScope::Read);
        let default = api_tokens::create(&t.app, &me, &new_token("default"))
            .await
            .expect("create");
        assert_eq!(
            default.0.expires_at,
            START + 90 * DAY,
            "90 days unless chosen"
        );

        t.advance(30 * DAY - 1);
        assert!(matches!(
            api_tokens::check(&t.app, &secret).await.expect("check"),
            api_tokens::TokenCheck::Accepted {
                scope: yorozu_domain::accounts::TokenScope::Read,
                ..
            }
        ));
        t.advance(1);
        assert!(matches!(
            api_tokens::check(&t.app, &secret).await.expect("check"),
            api_tokens::TokenCheck::Expired
        ));
        let listed = api_tokens::list(&t.app, member.user_id)
            .await
            .expect("list");
        let expired = listed
            .iter()
            .find(|i| i.id == info.id)
            .expect("still listed");
        assert!(expired.is_expired(t.app.now()));

        let until = api_tokens::renew(&t.app, member.user_id, info.id)
            .await
            .expect("renew");
        assert_eq!(until, t.app.now() + 30 * DAY, "its own lifetime, from now");
        assert!(matches!(
            api_tokens::check(&t.app, &secret).await.expect("check"),
            api_tokens::TokenCheck::Accepted { .. }
        ));
        let other = t.register_confirmed("hanako@example.jp", "花子").await;
        let result = api_tokens::renew(&t.app, other.user_id, info.id).await;
        assert!(matches!(result, Err(AppError::NotFound)), "{result:?}");
    }
);

both_backends!(
    issue14_2_a_token_records_its_use_at_most_once_a_minute,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&member.session_token).await;
        let (_, secret) = api_tokens::create(&t.app, &me, &new_token("cli"))
            .await
            .expect("create");
        let last_used = || async {
            api_tokens::list(&t.app, member.user_id)
                .await
                .expect("list")[0]
                .last_used_at
        };
        api_tokens::authenticate(&t.app, &secret)
            .await
            .expect("use");
        assert_eq!(last_used().await, Some(START));
        t.advance(59);
        api_tokens::authenticate(&t.app, &secret)
            .await
            .expect("use");
        assert_eq!(
            last_used().await,
            Some(START),
            "not written again within a minute"
        );
        t.advance(2);
        api_tokens::authenticate(&t.app, &secret)
            .await
            .expect("use");
        assert_eq!(last_used().await, Some(START + 61));
    }
);

both_backends!(
    issue14_2_password_reset_password_change_and_email_change_revoke_every_token,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register_confirmed("taro@example.jp", "太郎").await;
        let (me, _) = t.current_user(&member.session_token).await;
        let tokens = |label: &'static str| {
            let (app, me) = (t.app.clone(), me.clone());
            async move {
                let mut secrets = vec![];
                for n in 0..2 {
                    let name = format!("{label} {n}");
                    let (_, secret) = api_tokens::create(
                        &app,
                        &me,
                        &api_tokens::NewToken {
                            name: &name,
                            ..new_token("")
                        },
                    )
                    .await
                    .expect("create");
                    secrets.push(secret);
                }
                secrets
            }
        };
        let all_dead = |secrets: Vec<String>| async {
            for secret in secrets {
                assert!(
                    api_tokens::authenticate(&t.app, &secret)
                        .await
                        .expect("authenticate")
                        .is_none(),
                    "revoked"
                );
            }
            assert!(
                api_tokens::list(&t.app, member.user_id)
                    .await
                    .expect("list")
                    .is_empty()
            );
        };

        // A password change (the session is kept, the tokens are not).
        let before = tokens("change").await;
        change_password::change(&t.app, &me, "", PASSWORD, NEW_PASSWORD)
            .await
            .expect("change");
        all_dead(before).await;

        // A password reset through the mailed link.
        let me_again = t.load_user(member.user_id).await;
        let before = {
            let mut secrets = vec![];
            for name in ["reset 0", "reset 1"] {
                let input = api_tokens::NewToken {
                    name,
                    password: NEW_PASSWORD,
                    totp_code: "",
                    ..new_token("")
                };
                secrets.push(
                    api_tokens::create(&t.app, &me_again, &input)
                        .await
                        .expect("create")
                        .1,
                );
            }
            secrets
        };
        password_reset::request(&t.app, "taro@example.jp", &client())
            .await
            .expect("request");
        t.run_jobs().await;
        let link = token_in(&t.last_mail_to("taro@example.jp").await.body_text);
        password_reset::reset(&t.app, &link, PASSWORD)
            .await
            .expect("reset");
        all_dead(before).await;

        // An e-mail change, when its link is opened.
        let before = tokens("email").await;
        change_email::request(&t.app, &me, "new-taro@example.jp", PASSWORD)
            .await
            .expect("request");
        t.run_jobs().await;
        let link = token_in(&t.last_mail_to("new-taro@example.jp").await.body_text);
        let still = api_tokens::authenticate(&t.app, &before[0])
            .await
            .expect("authenticate");
        assert!(still.is_some(), "asking alone revokes nothing");
        change_email::confirm(&t.app, &link).await.expect("confirm");
        all_dead(before).await;
    }
);
