//! Operators: created from the command line, confirmed from the start, and the only ones who
//! may read the audit log.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::sign_in;
use yorozu_app::operators::{audit, create::create_operator};
use yorozu_store::{Db, both_backends};

use support::*;

both_backends!(
    a_new_operator_is_confirmed_and_can_sign_in,
    |db: Db| async move {
        let t = test_app(db);
        let id = create_operator(&t.app, "Ops@Yorozu.test", "operator secret 1", "審査担当")
            .await
            .expect("create");
        let operator = t.load_user(id).await;
        assert!(operator.is_operator());
        assert!(operator.email_verified, "no confirmation mail needed");
        assert_eq!(
            (operator.email.as_str(), operator.display_name.as_str()),
            ("ops@yorozu.test", "審査担当")
        );
        let (signed_in, _) =
            sign_in::sign_in(&t.app, "ops@yorozu.test", "operator secret 1", &client())
                .await
                .expect("sign in");
        assert_eq!(signed_in, id);
        assert!(
            audit::list(&t.app, &operator, None)
                .await
                .expect("audit log")
                .is_empty()
        );
    }
);

both_backends!(
    creating_an_operator_for_an_existing_address_promotes_that_member,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "太郎").await;
        assert!(matches!(
            audit::list(&t.app, &t.load_user(member.user_id).await, None).await,
            Err(AppError::Forbidden)
        ));

        let id = create_operator(
            &t.app,
            "taro@example.jp",
            "operator secret 2",
            "無視される名前",
        )
        .await
        .expect("promote");
        assert_eq!(id, member.user_id, "the same account");
        let promoted = t.load_user(id).await;
        assert!(promoted.is_operator() && promoted.email_verified);
        assert_eq!(promoted.display_name, "太郎", "the profile is kept");
        assert_eq!(t.count("users").await, 1);
        sign_in::sign_in(&t.app, "taro@example.jp", "operator secret 2", &client())
            .await
            .expect("new password");
        audit::list(&t.app, &promoted, None)
            .await
            .expect("operators read the audit log");
    }
);

both_backends!(an_operator_needs_valid_credentials, |db: Db| async move {
    let t = test_app(db);
    let result = create_operator(&t.app, "ops", "short", "admin").await;
    assert_eq!(
        invalid_fields(result),
        [
            ("email", "email-invalid"),
            ("password", "password-too-short"),
            ("display_name", "display-name-reserved")
        ]
    );
    assert_eq!(t.count("users").await, 0);
});
