//! Who a page serves and what its path names, as the page extractors decide it, on each
//! database kind: visitors are sent to sign in and brought back, members meet 403 on the
//! operator console, an operator without two-step sign-in is sent to set it up (on every
//! console address), and an id that is not a number is a page that does not exist, for
//! visitors, members and operators alike, while the API answers it as before.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use support::*;
use yorozu_store::{Db, both_backends};

const NOT_FOUND_TEXT: &str = "お探しのページは見つかりませんでした。";

both_backends!(
    visitors_are_sent_to_sign_in_and_brought_back_with_the_query,
    |db: Db| async move {
        let s = server(db);
        let mut visitor = Browser::new(&s);
        for (path, next) in [
            ("/orders", "%2Forders"),
            ("/settings", "%2Fsettings"),
            ("/orders/12?tab=talk", "%2Forders%2F12%3Ftab%3Dtalk"),
            ("/operator/identity/7", "%2Foperator%2Fidentity%2F7"),
        ] {
            let page = visitor.get(path).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(
                page.location(),
                Some(format!("/login?next={next}").as_str()),
                "{path}"
            );
        }
        // A form sent signed out goes the same way.
        let page = visitor.post("/settings/identity/delete", &[]).await;
        assert_eq!(
            page.location(),
            Some("/login?next=%2Fsettings%2Fidentity%2Fdelete")
        );
    }
);

both_backends!(
    an_id_that_is_not_a_number_is_not_found_on_every_kind_of_page,
    |db: Db| async move {
        let s = server(db);
        let taro = member(&s.app, "taro@example.jp", "太郎").await;
        let op = operator(&s.app, "op@example.jp").await;
        let mut visitor = Browser::new(&s);
        for path in ["/services/abc", "/users/1x", "/categories/-"] {
            let page = visitor.get(path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
            page.assert_contains(&[NOT_FOUND_TEXT]);
        }
        let mut member = Browser::signed_in(&s, taro.id).await;
        for path in ["/orders/abc", "/orders/1/files/x", "/listings/x/edit"] {
            let page = member.get(path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
            page.assert_contains(&[NOT_FOUND_TEXT]);
        }
        let page = member.post("/settings/cards/x/delete", &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let mut console = Browser::signed_in(&s, op.id).await;
        for path in ["/operator/identity/abc", "/operator/payouts/batches/1.5"] {
            let page = console.get(path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
            page.assert_contains(&[NOT_FOUND_TEXT]);
        }
        // The API reads ids with the same rule and answers in its own shape.
        let answer = s.send(call(Method::GET, "/listings/abc")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(answer.code(), "error-not-found");
    }
);

both_backends!(
    the_console_is_for_operators_with_two_step_sign_in,
    |db: Db| async move {
        let s = server_with_policy(db, |p| p.operator_two_step = true);
        let taro = member(&s.app, "taro@example.jp", "太郎").await;
        let op = operator(&s.app, "op@example.jp").await;
        let mut member = Browser::signed_in(&s, taro.id).await;
        for path in ["/operator", "/operator/audit", "/operator/identity/1"] {
            assert_eq!(
                member.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        assert_eq!(
            member.post("/operator/coupons/1/disable", &[]).await.status,
            StatusCode::FORBIDDEN
        );
        let mut console = Browser::signed_in(&s, op.id).await;
        for path in ["/operator", "/operator/payouts/batches/abc"] {
            let page = console.get(path).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(
                page.location(),
                Some("/settings/two-step?required=operator"),
                "{path}"
            );
        }
        let page = console.post("/operator/points", &[]).await;
        assert_eq!(
            page.location(),
            Some("/settings/two-step?required=operator")
        );
    }
);
