//! Two-step sign-in and re-authentication through the pages and the API, on both databases:
//! the bank account change (finding #3 of issue 14) needs the password again, holds payouts
//! with the sales page saying until when; sign-in asks for the code after the password; the
//! set-up page shows the QR code and the secret; operators are sent to set it up first.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::accounts::two_step::{self, totp};
use yorozu_store::{Db, both_backends};

const BANK_FORM: [(&str, &str); 5] = [
    ("bank_code", "0001"),
    ("branch_code", "001"),
    ("account_type", "ordinary"),
    ("account_number", "3141592"),
    ("holder", "ヤマダ　タロウ"),
];

/// A seller with two completed ¥3,000 orders.
async fn seller_with_sales(app: &App) -> CurrentUser {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = publish(app, &seller, "ロゴを作成します").await;
    let card = card(app, &buyer).await;
    for _ in 0..2 {
        completed_order(app, &buyer, card, &seller, listing).await;
    }
    seller
}

/// The code of `step` steps from now (the server accepts one step either side).
fn code(app: &App, secret: &str, step: i64) -> String {
    let key = totp::base32_decode(secret).expect("base32");
    totp::code_at_step(&key, totp::step_at(app.now()) + step)
}

/// Turns two-step sign-in on with the previous step's code (so the current and the next
/// step's codes are still unused); returns the secret and the recovery codes.
async fn turn_on(app: &App, member: &CurrentUser) -> (String, Vec<String>) {
    let setup = two_step::begin(app, member).await.expect("begin");
    let proof = yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER;
    let codes = two_step::confirm(app, member, &proof, &code(app, &setup.secret, -1))
        .await
        .expect("confirm");
    (setup.secret, codes)
}

both_backends!(
    changing_the_bank_account_needs_the_password_and_holds_payouts,
    |db: Db| async move {
        let s = server_with_policy(db, |p| p.bank_change_hold_hours = 72);
        let seller = seller_with_sales(&s.app).await;
        let mut browser = Browser::signed_in(&s, seller.id).await;

        // A session alone no longer changes the account: the form is not offered, and a
        // posted form goes to the re-authentication page and changes nothing.
        let page = browser.get("/settings/bank").await;
        page.assert_contains(&["href=\"/settings/reauth?next=/settings/bank\""]);
        page.assert_lacks(&["<form method=\"post\" action=\"/settings/bank\""]);
        let answer = browser.post("/settings/bank", &BANK_FORM).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert_eq!(
            answer.location(),
            Some("/settings/reauth?next=%2Fsettings%2Fbank")
        );
        assert!(
            yorozu_app::payouts::bank::view(&s.app, &seller)
                .await
                .expect("view")
                .is_none()
        );

        // A wrong password is refused; the right one comes back to the form.
        let wrong = browser
            .post(
                "/settings/reauth",
                &[("password", "not my password"), ("next", "/settings/bank")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        wrong.assert_contains(&["id=\"current_password-error\""]);
        let back = browser
            .post(
                "/settings/reauth",
                &[("password", PASSWORD), ("next", "/settings/bank")],
            )
            .await;
        assert_eq!(back.location(), Some("/settings/bank"));
        let page = browser.submit("/settings/bank", &BANK_FORM).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["id=\"bank-held\"", "2025年6月19日 00:06"]);

        // The sales page says until when, and the request is refused with the same words.
        let sales = browser.get("/sales").await;
        sales.assert_contains(&[
            "振込先の変更から72時間は振込申請できません（2025年6月19日 00:06まで）",
        ]);
        let refused = browser.post("/sales/payout", &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_contains(&[
            "振込先の登録・変更から72時間は振込申請できません（2025年6月19日 0時06分まで）",
        ]);

        // The member was mailed, and the change is in the audit log.
        yorozu_app::jobs::Worker::new(s.app.clone(), std::time::Duration::from_millis(10))
            .run_due()
            .await
            .expect("jobs");
        let mut c = s.app.db.read().await.expect("read");
        let mails = yorozu_store::mailbox::latest(&mut c, 100)
            .await
            .expect("mailbox");
        let audit = yorozu_store::audit::list(&mut c, None, 10)
            .await
            .expect("audit");
        drop(c);
        assert!(
            mails.iter().any(|m| m.to_addr == seller.email
                && m.subject.contains("振込先口座が変更されました")
                && m.body_text.contains("****592")),
            "no mail about the change"
        );
        assert!(audit.iter().any(|a| a.action == "bank_account.register" && a.target_user_id == Some(seller.id)));
    }
);

both_backends!(
    the_api_asks_for_the_password_with_the_change,
    |db: Db| async move {
        let s = server_with_policy(db, |p| p.bank_change_hold_hours = 72);
        let seller = seller_with_sales(&s.app).await;
        let token = yorozu_app::testing::api_token(&s.app, seller.id)
            .await
            .expect("token");
        let account = json!({
            "bank_code": "0001",
            "branch_code": "001",
            "account_type": "ordinary",
            "account_number": "3141592",
            "holder": "ヤマダ タロウ",
        });
        let put = |body: serde_json::Value| {
            call(Method::PUT, "/me/bank-account")
                .token(&token)
                .json(body)
        };
        // A token alone: 403 reauth-required, nothing registered.
        let refused = s.send(put(account.clone())).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        assert_eq!(refused.code(), "reauth-required");
        let mut wrong = account.clone();
        wrong["password"] = json!("not my password");
        let wrong = s.send(put(wrong)).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            wrong.fields(),
            vec![("current_password".to_owned(), "password-wrong".to_owned())]
        );
        let none = s
            .send(call(Method::GET, "/me/bank-account").token(&token))
            .await;
        assert_eq!(none.status, StatusCode::NOT_FOUND);

        let mut right = account.clone();
        right["password"] = json!(PASSWORD);
        let registered = s.send(put(right)).await;
        assert_eq!(registered.status, StatusCode::OK, "{}", registered.body);
        assert_eq!(registered.body["held_until"], json!(START + 72 * 3600));
        assert_schema(&registered.body, "BankAccount");

        // A payout request: the password too, and then the hold says until when.
        let bare = s
            .send(call(Method::POST, "/me/payout-requests").token(&token))
            .await;
        assert_eq!(bare.status, StatusCode::FORBIDDEN);
        assert_eq!(bare.code(), "reauth-required");
        let held = s
            .send(
                call(Method::POST, "/me/payout-requests")
                    .token(&token)
                    .json(json!({ "password": PASSWORD })),
            )
            .await;
        assert_eq!(
            held.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            held.body
        );
        assert_eq!(
            held.fields(),
            vec![("".to_owned(), "payout-bank-account-held".to_owned())]
        );
        assert!(
            held.field_message("").contains("2025年6月19日 0時06分"),
            "{}",
            held.body
        );

        // With two-step sign-in on, the code is needed as well.
        let (secret, _) = turn_on(&s.app, &seller).await;
        let mut no_code = account.clone();
        no_code["password"] = json!(PASSWORD);
        let no_code = s.send(put(no_code)).await;
        assert_eq!(
            no_code.fields(),
            vec![("totp_code".to_owned(), "two-step-code-required".to_owned())]
        );
        let mut with_code = account.clone();
        with_code["password"] = json!(PASSWORD);
        with_code["totp_code"] = json!(code(&s.app, &secret, 0));
        let changed = s.send(put(with_code)).await;
        assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    }
);

both_backends!(
    sign_in_pages_ask_for_the_code_after_the_password,
    |db: Db| async move {
        let s = server(db);
        let user = member(&s.app, "two@example.jp", "二段").await;
        let (secret, recovery) = turn_on(&s.app, &user).await;

        let mut browser = Browser::new(&s);
        let answer = browser
            .post(
                "/login",
                &[
                    ("email", "two@example.jp"),
                    ("password", PASSWORD),
                    ("next", "/sales"),
                ],
            )
            .await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert_eq!(answer.location(), Some("/login/two-step?next=%2Fsales"));
        // No session yet: only the challenge.
        let settings = browser.get("/settings/account").await;
        assert_eq!(settings.status, StatusCode::SEE_OTHER);
        let form = browser.get("/login/two-step?next=%2Fsales").await;
        form.assert_contains(&["autocomplete=\"one-time-code\"", "name=\"totp_code\""]);

        let wrong = browser
            .post(
                "/login/two-step",
                &[("totp_code", "000000"), ("next", "/sales")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        wrong.assert_contains(&["id=\"totp_code-error\""]);
        let done = browser
            .post(
                "/login/two-step",
                &[("totp_code", &code(&s.app, &secret, 0)), ("next", "/sales")],
            )
            .await;
        assert_eq!(done.location(), Some("/sales"));
        let settings = browser.get("/settings/two-step").await;
        assert_eq!(settings.status, StatusCode::OK);
        settings.assert_contains(&["二段階認証は有効です", "未使用のリカバリーコード: 10個"]);

        // Re-authentication asks for the code too; a recovery code does instead.
        let page = browser.get("/settings/reauth?next=/settings/bank").await;
        page.assert_contains(&["name=\"totp_code\""]);
        let ok = browser
            .post(
                "/settings/reauth",
                &[
                    ("password", PASSWORD),
                    ("totp_code", &recovery[0]),
                    ("next", "/settings/bank"),
                ],
            )
            .await;
        assert_eq!(ok.location(), Some("/settings/bank"));
    }
);

both_backends!(
    the_set_up_page_shows_the_qr_code_and_the_recovery_codes_once,
    |db: Db| async move {
        let s = server(db);
        let user = member(&s.app, "setup@example.jp", "設定").await;
        let mut browser = Browser::signed_in(&s, user.id).await;
        let page = browser.get("/settings/two-step").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["src=\"data:image/svg+xml;base64,", "id=\"two-step-secret\""]);
        let secret = page
            .html
            .split("data-secret=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("secret on the page")
            .to_owned();
        // Without the password the session alone cannot turn it on.
        let no_password = browser
            .post(
                "/settings/two-step/confirm",
                &[("totp_code", &code(&s.app, &secret, 0))],
            )
            .await;
        assert_eq!(no_password.status, StatusCode::UNPROCESSABLE_ENTITY);
        no_password.assert_contains(&["id=\"current_password-error\""]);
        assert!(
            !two_step::status(&s.app, user.id)
                .await
                .expect("status")
                .enabled
        );
        let wrong = browser
            .post(
                "/settings/two-step/confirm",
                &[("password", PASSWORD), ("totp_code", "12345")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let codes = browser
            .post(
                "/settings/two-step/confirm",
                &[
                    ("password", PASSWORD),
                    ("totp_code", &code(&s.app, &secret, 0)),
                ],
            )
            .await;
        assert_eq!(codes.status, StatusCode::OK);
        assert_eq!(codes.html.matches("<li><code>").count(), 10);
        assert!(
            two_step::status(&s.app, user.id)
                .await
                .expect("status")
                .enabled
        );
        // Off again: password and code.
        let off = browser
            .post(
                "/settings/two-step/disable",
                &[
                    ("password", PASSWORD),
                    ("totp_code", &code(&s.app, &secret, 1)),
                ],
            )
            .await;
        assert_eq!(off.status, StatusCode::SEE_OTHER);
        assert!(
            !two_step::status(&s.app, user.id)
                .await
                .expect("status")
                .enabled
        );
    }
);

both_backends!(
    operators_set_up_two_step_sign_in_before_the_console,
    |db: Db| async move {
        let s = server_with_policy(db, |p| p.operator_two_step = true);
        let op = operator(&s.app, "op@example.jp").await;
        let mut browser = Browser::signed_in(&s, op.id).await;
        let answer = browser.get("/operator").await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert_eq!(
            answer.location(),
            Some("/settings/two-step?required=operator")
        );
        let setup = browser.get("/settings/two-step?required=operator").await;
        setup.assert_contains(&["id=\"two-step-required\""]);
        turn_on(&s.app, &op).await;
        assert_eq!(browser.get("/operator").await.status, StatusCode::OK);
        // Members are unaffected (403 as before).
        let m = member(&s.app, "m@example.jp", "会員").await;
        let mut member_browser = Browser::signed_in(&s, m.id).await;
        assert_eq!(
            member_browser.get("/operator").await.status,
            StatusCode::FORBIDDEN
        );
    }
);

both_backends!(
    password_and_e_mail_changes_and_withdrawal_ask_for_the_code_when_it_is_on,
    |db: Db| async move {
        let s = server(db);
        let user = member(&s.app, "codes@example.jp", "コード").await;
        let (secret, recovery) = turn_on(&s.app, &user).await;
        let mut browser = Browser::signed_in(&s, user.id).await;
        let page = browser.get("/settings/account").await;
        page.assert_contains(&["id=\"email_totp_code\"", "id=\"password_totp_code\""]);
        let refused = browser
            .post(
                "/settings/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "a brand new passphrase"),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_contains(&["id=\"totp_code-error\""]);
        let changed = browser
            .post(
                "/settings/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "a brand new passphrase"),
                    ("totp_code", &code(&s.app, &secret, 0)),
                ],
            )
            .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.html);

        // The API: the e-mail change and the withdrawal need the code too.
        let token = yorozu_app::testing::api_token(&s.app, user.id)
            .await
            .expect("token");
        let no_code = s
            .send(
                call(Method::POST, "/me/email")
                    .token(&token)
                    .json(json!({ "new_email": "new@example.jp", "current_password": "a brand new passphrase" })),
            )
            .await;
        assert_eq!(
            no_code.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            no_code.body
        );
        assert_eq!(
            no_code.fields(),
            vec![("totp_code".to_owned(), "two-step-code-required".to_owned())]
        );
        let withdrawal = s
            .send(
                call(Method::POST, "/me/withdrawal")
                    .token(&token)
                    .json(json!({ "password": "a brand new passphrase", "totp_code": "000000" })),
            )
            .await;
        assert_eq!(
            withdrawal.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            withdrawal.body
        );
        assert_eq!(
            withdrawal.fields(),
            vec![("totp_code".to_owned(), "two-step-code-wrong".to_owned())]
        );
        let accepted = s
            .send(call(Method::POST, "/me/email").token(&token).json(json!({
                "new_email": "new@example.jp",
                "current_password": "a brand new passphrase",
                "totp_code": recovery[0],
            })))
            .await;
        assert_eq!(accepted.status, StatusCode::ACCEPTED, "{}", accepted.body);
    }
);

both_backends!(
    two_step_sign_in_is_managed_through_the_api,
    |db: Db| async move {
        let s = server(db);
        let user = member(&s.app, "api2@example.jp", "エーピーアイ").await;
        let token = yorozu_app::testing::api_token(&s.app, user.id)
            .await
            .expect("token");
        let status = s
            .send(call(Method::GET, "/me/two-step").token(&token))
            .await;
        assert_eq!(status.status, StatusCode::OK);
        assert_schema(&status.body, "TwoStepStatus");
        assert_eq!(status.body["enabled"], json!(false));
        let setup = s
            .send(call(Method::POST, "/me/two-step/setup").token(&token))
            .await;
        assert_eq!(setup.status, StatusCode::OK, "{}", setup.body);
        assert_schema(&setup.body, "TwoStepSetup");
        let secret = setup.body["secret"].as_str().expect("secret").to_owned();
        let no_password = s
            .send(
                call(Method::POST, "/me/two-step")
                    .token(&token)
                    .json(json!({ "totp_code": code(&s.app, &secret, 0) })),
            )
            .await;
        assert_eq!(
            no_password.status,
            StatusCode::FORBIDDEN,
            "{}",
            no_password.body
        );
        let on = s
            .send(
                call(Method::POST, "/me/two-step")
                    .token(&token)
                    .json(json!({ "password": PASSWORD, "totp_code": code(&s.app, &secret, 0) })),
            )
            .await;
        assert_eq!(on.status, StatusCode::CREATED, "{}", on.body);
        assert_schema(&on.body, "TwoStepRecoveryCodes");
        let off = s
            .send(
                call(Method::DELETE, "/me/two-step")
                    .token(&token)
                    .json(json!({ "password": PASSWORD, "totp_code": code(&s.app, &secret, 1) })),
            )
            .await;
        assert_eq!(off.status, StatusCode::NO_CONTENT, "{}", off.body);
    }
);
