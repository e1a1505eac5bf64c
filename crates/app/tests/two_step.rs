//! Two-step sign-in (TOTP), re-authentication for sensitive actions, and the bank account
//! change (finding #3 of issue 14: it needs the password, is mailed and audited, and holds
//! payouts for 72 hours), on both databases.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::reauth::{self, Credentials};
use yorozu_app::accounts::sign_in::sign_in;
use yorozu_app::accounts::two_step::{self, sign_in as second_step, totp};
use yorozu_app::accounts::{CurrentUser, sessions};
use yorozu_app::operators::audit;
use yorozu_app::payouts::{bank, request};
use yorozu_domain::Arg;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::*;

/// The code an authenticator app shows now for `secret` (base32).
fn code_now(t: &TestApp, secret: &str) -> String {
    let key = totp::base32_decode(secret).expect("base32");
    totp::code_at_step(&key, totp::step_at(t.app.now()))
}

/// Turns two-step sign-in on for `member`; returns the secret and the recovery codes.
async fn turn_on(t: &TestApp, member: &CurrentUser) -> (String, Vec<String>) {
    let setup = two_step::begin(&t.app, member).await.expect("begin");
    let codes = two_step::confirm(
        &t.app,
        member,
        &reauth::Reauthenticated::CONFIRMED_EARLIER,
        &code_now(t, &setup.secret),
    )
    .await
    .expect("confirm");
    // The next code must come from a later step.
    t.advance(totp::STEP_SECONDS);
    (setup.secret, codes)
}

fn challenge_of<T: std::fmt::Debug>(result: Result<T, AppError>) -> String {
    match result {
        Err(AppError::SecondStepRequired(challenge)) => challenge,
        other => panic!("expected the second step, got {other:?}"),
    }
}

both_backends!(
    set_up_shows_a_qr_code_and_stores_the_secret_sealed,
    |db: Db| async move {
        let t = test_app(db);
        let member = confirmed_member(&t, "a@example.jp", "エー").await;
        let setup = two_step::begin(&t.app, &member).await.expect("begin");
        assert_eq!(setup.secret.len(), 32);
        assert!(
            setup
                .uri
                .starts_with("otpauth://totp/Yorozu:a@example.jp?secret=")
        );
        assert!(setup.qr_svg.contains("<svg"), "{}", &setup.qr_svg[..80]);
        // Showing the page again keeps the pending secret (the app may have scanned it).
        let again = two_step::begin(&t.app, &member).await.expect("begin again");
        assert_eq!(again.secret, setup.secret);
        // At rest the secret is sealed.
        let mut c = t.app.db.read().await.expect("read");
        let row = yorozu_store::accounts::two_step::find(&mut c, member.id)
            .await
            .expect("find")
            .expect("row");
        drop(c);
        assert!(!row.secret_sealed.contains(&setup.secret));
        assert_eq!(row.enabled_at, None);

        // Turning it on needs the password (a hijacked session must not lock the owner out).
        let proof = reauth::confirm(
            &t.app,
            &member,
            None,
            &Credentials {
                password: PASSWORD.into(),
                totp_code: String::new(),
            },
        )
        .await
        .expect("re-authenticate");
        // A wrong code changes nothing; the right one turns it on with ten recovery codes.
        assert_eq!(
            invalid_fields(two_step::confirm(&t.app, &member, &proof, "000000x").await),
            vec![("totp_code", "two-step-code-wrong")]
        );
        assert!(
            !two_step::status(&t.app, member.id)
                .await
                .expect("status")
                .enabled
        );
        let codes = two_step::confirm(&t.app, &member, &proof, &code_now(&t, &setup.secret))
            .await
            .expect("confirm");
        assert_eq!(codes.len(), 10);
        let status = two_step::status(&t.app, member.id).await.expect("status");
        assert!(status.enabled);
        assert_eq!(status.recovery_codes_left, 10);
        // Recovery codes are stored hashed only.
        assert_eq!(t.count("two_step_recovery_codes").await, 10);
        t.run_jobs().await;
        assert!(
            t.last_mail_to("a@example.jp")
                .await
                .subject
                .contains("二段階認証が有効になりました")
        );
        assert!(matches!(
            two_step::begin(&t.app, &member).await,
            Err(AppError::Conflict("two-step-already-on"))
        ));
    }
);

both_backends!(
    sign_in_asks_for_the_code_after_the_password,
    |db: Db| async move {
        let t = test_app(db);
        let member = confirmed_member(&t, "b@example.jp", "ビー").await;
        let (secret, recovery) = turn_on(&t, &member).await;

        // The right password earns no session, only a challenge.
        let sessions_before = t.count("sessions").await;
        let challenge = challenge_of(sign_in(&t.app, "b@example.jp", PASSWORD, &client()).await);
        assert_eq!(t.count("sessions").await, sessions_before);

        // A wrong code is refused and counted like a wrong password.
        let failures = t.count("sign_in_failures").await;
        assert_eq!(
            invalid_fields(second_step::complete(&t.app, &challenge, "123456", &client()).await),
            vec![("totp_code", "two-step-code-wrong")]
        );
        assert_eq!(t.count("sign_in_failures").await, failures + 1);

        // The right code signs in; the same code (same step) never works twice.
        let code = code_now(&t, &secret);
        let signed_in = second_step::complete(&t.app, &challenge, &code, &client())
            .await
            .expect("second step");
        assert_eq!(signed_in.user_id, member.id);
        let (user, _) = t.current_user(&signed_in.token).await;
        assert_eq!(user.id, member.id);
        // The challenge is used up.
        assert_eq!(
            link_invalid(second_step::complete(&t.app, &challenge, &code, &client()).await),
            "two-step-challenge-expired"
        );
        let challenge = challenge_of(sign_in(&t.app, "b@example.jp", PASSWORD, &client()).await);
        assert_eq!(
            invalid_fields(second_step::complete(&t.app, &challenge, &code, &client()).await),
            vec![("totp_code", "two-step-code-wrong")]
        );

        // A recovery code works once.
        let signed_in =
            second_step::complete(&t.app, &challenge, &recovery[0].to_uppercase(), &client())
                .await
                .expect("recovery code");
        assert_eq!(signed_in.user_id, member.id);
        let challenge = challenge_of(sign_in(&t.app, "b@example.jp", PASSWORD, &client()).await);
        assert_eq!(
            invalid_fields(
                second_step::complete(&t.app, &challenge, &recovery[0], &client()).await
            ),
            vec![("totp_code", "two-step-code-wrong")]
        );
        assert_eq!(
            two_step::status(&t.app, member.id)
                .await
                .expect("status")
                .recovery_codes_left,
            9
        );

        // A challenge lasts ten minutes.
        t.advance(second_step::CHALLENGE_MINUTES * 60 + 1);
        assert_eq!(
            link_invalid(
                second_step::complete(&t.app, &challenge, &code_now(&t, &secret), &client()).await
            ),
            "two-step-challenge-expired"
        );
    }
);

both_backends!(
    turning_it_off_needs_the_password_and_a_code,
    |db: Db| async move {
        let t = test_app(db);
        let member = confirmed_member(&t, "c@example.jp", "シー").await;
        let (secret, _) = turn_on(&t, &member).await;
        assert_eq!(
            invalid_fields(
                two_step::disable(&t.app, &member, "wrong password", &code_now(&t, &secret)).await
            ),
            vec![("current_password", "password-wrong")]
        );
        assert_eq!(
            invalid_fields(two_step::disable(&t.app, &member, PASSWORD, "").await),
            vec![("totp_code", "two-step-code-required")]
        );
        assert!(
            two_step::status(&t.app, member.id)
                .await
                .expect("status")
                .enabled
        );
        two_step::disable(&t.app, &member, PASSWORD, &code_now(&t, &secret))
            .await
            .expect("disable");
        assert!(
            !two_step::status(&t.app, member.id)
                .await
                .expect("status")
                .enabled
        );
        assert_eq!(t.count("two_step_recovery_codes").await, 0);
        // Signing in is one step again.
        sign_in(&t.app, "c@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
    }
);

both_backends!(
    sensitive_actions_need_a_re_authentication_that_lasts_ten_minutes,
    |db: Db| async move {
        let t = test_app(db);
        let member = confirmed_member(&t, "d@example.jp", "ディー").await;
        let (_, token) = sign_in(&t.app, "d@example.jp", PASSWORD, &client())
            .await
            .expect("sign in");
        let (_, session) = t.current_user(&token).await;
        // Nothing given, nothing recent: refused.
        assert!(matches!(
            reauth::require(&t.app, &member, Some(&session), None).await,
            Err(AppError::ReauthRequired)
        ));
        let wrong = Credentials {
            password: "wrong password".into(),
            totp_code: String::new(),
        };
        assert_eq!(
            invalid_fields(reauth::require(&t.app, &member, Some(&session), Some(&wrong)).await),
            vec![("current_password", "password-wrong")]
        );
        // With two-step sign-in on, the password alone is not enough.
        let (secret, _) = turn_on(&t, &member).await;
        let password_only = Credentials {
            password: PASSWORD.into(),
            totp_code: String::new(),
        };
        assert_eq!(
            invalid_fields(reauth::confirm(&t.app, &member, Some(&session), &password_only).await),
            vec![("totp_code", "two-step-code-required")]
        );
        let both = Credentials {
            password: PASSWORD.into(),
            totp_code: code_now(&t, &secret),
        };
        reauth::confirm(&t.app, &member, Some(&session), &both)
            .await
            .expect("re-authenticate");
        // Within ten minutes the session proceeds without asking; another session does not.
        t.advance(9 * 60);
        reauth::require(&t.app, &member, Some(&session), None)
            .await
            .expect("still fresh");
        let mut tx = t.app.db.begin().await.expect("begin");
        let other = sessions::start(&mut tx, &t.app, member.id, &client())
            .await
            .expect("session");
        tx.commit().await.expect("commit");
        let (_, other_hash) = t.current_user(&other).await;
        assert!(matches!(
            reauth::require(&t.app, &member, Some(&other_hash), None).await,
            Err(AppError::ReauthRequired)
        ));
        t.advance(60 + 1);
        assert!(matches!(
            reauth::require(&t.app, &member, Some(&session), None).await,
            Err(AppError::ReauthRequired)
        ));
    }
);

// Finding #3: a bank account change needs the password (a proof of re-authentication is
// part of the use case's signature, see `sensitive_actions_…`), mails the member, is
// audited, and holds payouts to the new account for 72 hours.
both_backends!(
    a_bank_account_change_is_mailed_audited_and_holds_payouts_for_72_hours,
    |db: Db| async move {
        let mut m = market(db).await;
        m.t.app.policy.bank_change_hold_hours = 72;
        complete_orders(&m, 2, "held").await;
        m.t.run_jobs().await;
        register_bank(&m.t, &m.seller).await;
        m.t.run_jobs().await;

        let mail = m.t.last_mail_to(&m.seller.email).await;
        assert!(
            mail.subject.contains("振込先口座が変更されました"),
            "{}",
            mail.subject
        );
        assert!(mail.body_text.contains("****567"), "{}", mail.body_text);
        assert!(!mail.body_text.contains("1234567"), "{}", mail.body_text);

        let operator = yorozu_app::operators::create::create_operator(
            &m.t.app,
            "op@example.jp",
            PASSWORD,
            "運営担当",
        )
        .await
        .expect("operator");
        let operator = m.t.load_user(operator).await;
        let log = audit::list(&m.t.app, &operator, None).await.expect("audit");
        let entry = log
            .iter()
            .find(|e| e.action == bank::AUDIT_REGISTERED)
            .expect("audited");
        assert_eq!(
            (entry.operator_id, entry.target_user_id),
            (m.seller.id, Some(m.seller.id))
        );
        assert!(!entry.detail.contains("1234567"), "{}", entry.detail);

        // Within 72 hours the request is refused, saying until when; nothing moves.
        let confirmed = reauth::Reauthenticated::confirmed_earlier();
        let errors = field_errors(request::request(&m.t.app, &m.seller, &confirmed).await);
        assert_eq!(errors[0].code, "payout-bank-account-held");
        // START is 2025-06-15 15:06:40 UTC; plus 72 hours in Japan time.
        assert!(
            errors[0]
                .args
                .contains(&("until", Arg::Text("2025年6月19日 0時06分".to_owned()))),
            "{:?}",
            errors[0].args
        );
        let view = bank::view(&m.t.app, &m.seller)
            .await
            .expect("view")
            .expect("account");
        assert_eq!(view.held_until, Some(START + 72 * HOUR));
        assert_eq!(m.t.count("payout_requests").await, 0);

        m.t.advance(72 * HOUR - 60);
        assert_eq!(
            field_errors(request::request(&m.t.app, &m.seller, &confirmed).await)[0].code,
            "payout-bank-account-held"
        );
        m.t.advance(60);
        request::request(&m.t.app, &m.seller, &confirmed)
            .await
            .expect("payout after the hold");

        // A change of an existing account is audited as a change, and held again.
        register_bank(&m.t, &m.seller).await;
        let log = audit::list(&m.t.app, &operator, None).await.expect("audit");
        assert!(log.iter().any(|e| e.action == bank::AUDIT_CHANGED));
        let view = bank::view(&m.t.app, &m.seller)
            .await
            .expect("view")
            .expect("account");
        assert_eq!(view.held_until, Some(m.t.app.now() + 72 * HOUR));
    }
);
