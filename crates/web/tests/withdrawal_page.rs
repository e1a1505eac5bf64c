//! The withdrawal page (`/settings/withdrawal`) as a browser sees it, on each database kind:
//! found from the footer and the settings menu, ready for a fresh member, every blocker listed
//! with its order link and the date it clears by itself, the exact amounts a withdrawal would
//! forfeit, the data table, and how the reviews a member wrote will look.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{StatusCode, header};
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::ListingId;
use yorozu_domain::withdrawal::DATA_TABLE;
use yorozu_domain::{OrderId, UserId};
use yorozu_i18n::Tr;
use yorozu_store::{Db, both_backends};

const PATH: &str = "/settings/withdrawal";
const DAY: i64 = 86_400;
const TITLE: &str = "名刺をデザインします";

/// A seller with a published ¥3,000 service and a buyer with a card.
struct Market {
    seller: CurrentUser,
    buyer: CurrentUser,
    listing: ListingId,
    card: i64,
}

async fn market(app: &App) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = publish(app, &seller, TITLE).await;
    let card = card(app, &buyer).await;
    Market {
        seller,
        buyer,
        listing,
        card,
    }
}

/// Places an order (paid by card unless `deferred`); it is then in progress (or unpaid).
async fn order(app: &App, m: &Market, deferred: bool) -> OrderId {
    place(
        app,
        &m.buyer,
        &Purchase {
            choice: Choice::of(m.listing),
            payment: if deferred {
                Payment::Deferred
            } else {
                Payment::Card(m.card)
            },
            request: "よろしくお願いします。".into(),
            purchase_key: yorozu_app::crypto::random_token(),
            expected_total: None,
        },
    )
    .await
    .expect("place order")
    .order_id
}

async fn page_of(s: &TestServer, who: &CurrentUser) -> Page {
    let page = Browser::signed_in(s, who.id).await.get(PATH).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    page
}

/// The order link as the page writes it.
fn order_link(id: OrderId) -> String {
    format!(r#"<a href="/orders/{id}">{TITLE}</a>"#)
}

both_backends!(
    a_fresh_member_is_ready_and_sees_every_kind_of_data,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "fresh@example.jp", "はじめて").await;
        let page = page_of(&s, &m).await;
        page.assert_contains(&[
            "<h1>退会</h1>",
            "退会の前に確認すること",
            "退会を妨げるものはありません。",
            r#"<td class="num" id="withdrawal-sales-balance">0円</td>"#,
            r#"<td class="num" id="withdrawal-points">0ポイント</td>"#,
            "退会によって失われるクーポンはありません",
            "あなたが書いたレビューはまだありません。",
            // The settings menu marks the page as current.
            r#"<a href="/settings/withdrawal" aria-current="page">退会</a>"#,
            // Ready: the form closes the account now, with a plain button.
            r#"<form method="post" action="/settings/withdrawal" novalidate>"#,
            r#"<input type="hidden" name="when" value="now">"#,
            r#"<button type="submit" class="button">退会する</button>"#,
        ]);
        // Nothing to request, so no way to it; nothing to forfeit, so nothing to tick.
        page.assert_lacks(&[
            r#"href="/sales/payout""#,
            "退会できません",
            "name=\"acknowledge_",
            "退会を予約する",
        ]);
        assert_eq!(
            page.headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-store")
        );

        // One row per kind of data, each with its name, its fate and why, in words.
        let tr = Tr::new(yorozu_domain::Locale::Ja);
        let rows = page.html.matches("<th scope=\"row\">").count();
        assert_eq!(
            rows,
            DATA_TABLE.len() + 2,
            "14 data rows and 2 forfeit rows"
        );
        assert_eq!(DATA_TABLE.len(), 20);
        for category in DATA_TABLE {
            let name = tr.t(&format!("data-{}-name", category.key()));
            let why = tr.t(&format!("data-{}-why", category.key()));
            assert!(!name.starts_with("data-") && !why.starts_with("data-"));
            page.assert_contains(&[&format!("<th scope=\"row\">{name}</th>")]);
        }
        // Every message was found: no message id shows through.
        page.assert_lacks(&[">data-", ">withdrawal-", "aria-label=\"withdrawal-"]);
        page.assert_contains(&[
            "すぐに停止・無効化",
            "完全に削除",
            "個人を特定できない形で保管（7年）",
            "あなたの名前を外して保管（取引相手のために）",
            "金額を確認のうえ放棄",
            "再登録に使えるようになります",
            "税務上の記録として、7年間の保存が必要なためです。",
        ]);
    }
);

both_backends!(
    an_order_in_progress_blocks_both_sides_with_a_link_to_it,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, false).await;

        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            "次の1件が終わるまでは退会できません。",
            "<strong>購入中の取引</strong>",
            &order_link(id),
            "状態: 作業中",
            "お相手または運営の対応が必要です",
        ]);
        buyer.assert_lacks(&["退会を妨げるものはありません。", "にはすべて解消され"]);

        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "<strong>販売中の取引</strong>",
            &order_link(id),
            "状態: 作業中",
            // The delivery is the seller's own to make.
            "納品など、あなたの対応が必要です",
        ]);
        seller.assert_lacks(&["退会を妨げるものはありません。"]);
    }
);

both_backends!(
    a_delivered_order_shows_when_it_is_approved_automatically,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, false).await;
        yorozu_app::orders::deliver::deliver(&s.app, &m.seller, id, "納品いたします。", vec![])
            .await
            .expect("deliver");
        // Delivered at START (2025-06-16 00:06 in Japan): auto-approval three days later.
        assert_eq!(START + 3 * DAY, 1_750_259_200);
        for who in [&m.seller, &m.buyer] {
            let page = page_of(&s, who).await;
            page.assert_contains(&[
                &order_link(id),
                "状態: 納品済み（承認待ち）",
                "2025年6月19日 00:06に自動的に解消されます",
                "このまま何もしなければ、2025年6月19日 00:06にはすべて解消され、退会できるようになります。",
            ]);
        }
    }
);

both_backends!(
    forfeits_are_the_exact_amounts_with_a_way_to_request_the_balance,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        let operator = operator(&s.app, "ops@example.jp").await;
        yorozu_app::promotions::points::grant(
            &s.app,
            &operator,
            "buyer@example.jp",
            "1500",
            "キャンペーン",
        )
        .await
        .expect("grant points");

        // Two ¥3,000 orders less the 22% fee.
        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "退会を妨げるものはありません。",
            r#"<td class="num" id="withdrawal-sales-balance">4,680円</td>"#,
            r#"<a href="/sales/payout">振込申請へ進む</a>"#,
        ]);
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            r#"<td class="num" id="withdrawal-sales-balance">0円</td>"#,
            r#"<td class="num" id="withdrawal-points">1,500ポイント</td>"#,
        ]);
        buyer.assert_lacks(&[r#"href="/sales/payout""#]);
    }
);

both_backends!(
    unpaid_orders_on_the_members_services_are_announced_not_blocking,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, true).await;
        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "退会を妨げるものはありません。",
            "お支払い待ちの注文が1件あります。",
            "購入者にはその旨をお知らせします。",
        ]);
        // The buyer's unpaid purchase blocks until its payment deadline passes.
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&[
            "<strong>購入中の取引</strong>",
            &order_link(id),
            "状態: 支払い待ち",
            "に自動的に解消されます",
        ]);
    }
);

both_backends!(
    the_newest_written_review_is_previewed_as_a_withdrawn_members,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let first = completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        let second = completed_order(&s.app, &m.buyer, m.card, &m.seller, m.listing).await;
        review(&s.app, &m.seller, first, 5, "丁寧なご依頼でした。", false).await;
        review(&s.app, &m.buyer, second, 4, "迅速な対応でした。", true).await;

        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "あなたが書いたレビューの表示",
            "丁寧なご依頼でした。",
            "投稿者: 退会したユーザー",
            &format!(r#"<a href="/services/{}">{TITLE}</a>"#, m.listing),
        ]);
        seller.assert_lacks(&["投稿者: デザイン工房", "まだありません"]);

        // An anonymous review stays anonymous: saying its author left would tell more.
        let buyer = page_of(&s, &m.buyer).await;
        buyer.assert_contains(&["迅速な対応でした。", "投稿者: 匿名"]);
        buyer.assert_lacks(&["投稿者: 買い手太郎"]);
    }
);

both_backends!(
    the_page_is_two_clicks_away_and_only_for_members,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "finder@example.jp", "さがす人").await;
        let mut browser = Browser::signed_in(&s, m.id).await;
        for path in ["/", "/orders", "/settings/profile"] {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            page.assert_contains(&[r#"<a href="/settings/withdrawal">退会について</a>"#]);
        }
        let settings = browser.get("/settings/account").await;
        settings.assert_contains(&[r#"<a href="/settings/withdrawal">退会</a>"#]);

        let visitor = Browser::new(&s).get(PATH).await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER);
        assert_eq!(
            visitor.location(),
            Some("/login?next=%2Fsettings%2Fwithdrawal")
        );

        // In English too, with every message defined.
        let mut english = Browser::signed_in(&s, m.id).await.english();
        let page = english.get(PATH).await;
        page.assert_contains(&[
            "Nothing keeps you from closing your account.",
            "Kept in a form that does not identify you (7 years)",
            "Free to register again",
        ]);
        page.assert_lacks(&[
            ">data-",
            ">withdrawal-",
            "aria-label=\"withdrawal-",
            "退会を妨げる",
        ]);
    }
);

// ---------------------------------------------------------------------------------------
// Confirming, scheduling and cancelling from the page

/// The form as a member fills it in: `extra` adds or overrides fields.
fn fields<'a>(password: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![
        ("when", "now"),
        ("erasure", "grace"),
        ("password", password),
    ];
    all.extend_from_slice(extra);
    all
}

/// Whether the member's account is still open.
async fn is_active(app: &App, id: UserId) -> bool {
    let mut c = app.db.read().await.expect("read");
    CurrentUser::load(&mut c, id).await.expect("load").is_some()
}

/// A seller whose one completed ¥3,000 sale left a balance of ¥2,340.
async fn seller_with_balance(app: &App) -> Market {
    let m = market(app).await;
    completed_order(app, &m.buyer, m.card, &m.seller, m.listing).await;
    m
}

both_backends!(
    the_form_asks_for_exactly_the_amounts_that_would_be_forfeited,
    |db: Db| async move {
        let s = server(db);
        let m = seller_with_balance(&s.app).await;
        let page = page_of(&s, &m.seller).await;
        page.assert_contains(&[
            "退会の理由（任意・複数選べます）",
            r#"<input type="checkbox" name="reasons" value="cannot-sell"> 売れない"#,
            r#"<input type="checkbox" name="reasons" value="no-longer-used"> 使わなくなった"#,
            r#"<input type="checkbox" name="reasons" value="privacy-concern"> 個人情報が心配"#,
            r#"<input type="checkbox" name="reasons" value="fees-too-high"> 手数料が高い"#,
            r#"<input type="checkbox" name="reasons" value="new-account"> アカウントを作り直したい"#,
            r#"<input type="checkbox" name="reasons" value="other"> その他"#,
            r#"maxlength="1000""#,
            "あなたのアカウントとは結び付けずに保管します",
            // One box for the balance, with the amount as its value; no points, so no box.
            r#"name="acknowledge_sales" value="2340""#,
            "売上金2,340円を放棄することを確認しました",
            // The grace period is the default, and its length comes from the policy.
            r#"<input type="radio" name="erasure" value="grace" aria-describedby="erasure-grace-hint" checked> 14日間の猶予期間を置く"#,
            "それまでにログインすれば、退会を取り消して",
            r#"<input type="radio" name="erasure" value="now" aria-describedby="erasure-now-hint"> すぐに削除する"#,
            r#"<input id="password" name="password" type="password" autocomplete="current-password""#,
            r#"<button type="submit" class="button">退会する</button>"#,
        ]);
        page.assert_lacks(&["name=\"acknowledge_points\"", "退会を予約する"]);
    }
);

both_backends!(
    a_wrong_password_or_a_missing_acknowledgement_changes_nothing,
    |db: Db| async move {
        let s = server(db);
        let m = seller_with_balance(&s.app).await;
        let mut browser = Browser::signed_in(&s, m.seller.id).await;

        let wrong = browser
            .post(
                PATH,
                &fields(
                    "not-my-password",
                    &[
                        ("reasons", "cannot-sell"),
                        ("reasons", "other"),
                        ("comment", "しばらく休みます。"),
                        ("acknowledge_sales", "2340"),
                        ("erasure", "now"),
                    ],
                ),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        wrong.assert_contains(&[
            r#"<p class="field-error" id="password-error">パスワードが正しくありません。"#,
            r#"aria-describedby="password-hint password-error" aria-invalid="true""#,
            // What was entered comes back, the password never does.
            r#"value="cannot-sell" checked> 売れない"#,
            r#"value="other" checked> その他"#,
            ">しばらく休みます。</textarea>",
            r#"name="acknowledge_sales" value="2340" checked"#,
            r#"value="now" aria-describedby="erasure-now-hint" checked>"#,
        ]);
        wrong.assert_lacks(&["not-my-password", r#"value="fees-too-high" checked"#]);

        // The box not ticked, or ticked for an amount that is no longer the balance.
        for ack in [None, Some("1000")] {
            let mut extra = vec![];
            if let Some(v) = ack {
                extra.push(("acknowledge_sales", v));
            }
            let page = browser.post(PATH, &fields(PASSWORD, &extra)).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{ack:?}");
            page.assert_contains(&[
                r#"<p class="field-error" id="acknowledge_sales-error">放棄する売上金2,340円を確認し、チェックを入れてください。</p>"#,
            ]);
            page.assert_lacks(&[r#"name="acknowledge_sales" value="2340" checked"#]);
        }

        // Nothing happened: the account is open, nothing scheduled, the balance intact, and
        // the member is still signed in.
        assert!(is_active(&s.app, m.seller.id).await);
        assert!(
            yorozu_app::withdrawal::schedule::current(&s.app, &m.seller)
                .await
                .expect("current")
                .is_none()
        );
        let r = yorozu_app::withdrawal::readiness::check(&s.app, &m.seller)
            .await
            .expect("readiness");
        assert_eq!(r.forfeits.sales_balance, 2_340);
        assert_eq!(browser.get(PATH).await.status, StatusCode::OK);
    }
);

both_backends!(
    closing_signs_out_everywhere_and_shows_the_receipt,
    |db: Db| async move {
        let s = server(db);
        let m = seller_with_balance(&s.app).await;
        let mut browser = Browser::signed_in(&s, m.seller.id).await;
        let mut other_device = Browser::signed_in(&s, m.seller.id).await;

        let closed = browser
            .post(
                PATH,
                &fields(
                    PASSWORD,
                    &[
                        ("reasons", "fees-too-high"),
                        ("comment", "ありがとうございました。"),
                        ("acknowledge_sales", "2340"),
                    ],
                ),
            )
            .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.html);
        let to = closed.location().expect("location").to_owned();
        assert!(to.starts_with("/withdrawal/done?r="), "{to}");
        // Nothing personal in the link: no address, no member id.
        assert!(!to.contains("%40") && !to.contains('@'), "{to}");
        assert!(!to.contains(&m.seller.id.to_string()), "{to}");
        // The browser is told to forget its session.
        let cleared = closed
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.starts_with("yz_session=;") && c.contains("Max-Age=0"));
        assert!(cleared, "{:?}", closed.headers);
        assert!(!is_active(&s.app, m.seller.id).await);

        // The public page: closed, erased after the grace period unless the member signs in,
        // and the receipt with every kind of data.
        let done = browser.get(&to).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.html);
        done.assert_contains(&[
            "<h1>退会の手続きが完了しました</h1>",
            "すべての端末からログアウトしました",
            // START is 2025-06-16 00:06 in Japan; fourteen days later.
            "あなたのデータは2025年6月30日 00:06に削除します。",
            "ログインすると、退会を取り消してアカウントを元に戻せます",
            "削除内容の控え",
            r#"<a href="/login">"#,
        ]);
        done.assert_lacks(&[
            "デザイン工房",
            "seller@example.jp",
            ">data-",
            ">withdrawal-",
        ]);
        let tr = Tr::new(yorozu_domain::Locale::Ja);
        for category in DATA_TABLE {
            let name = tr.t(&format!("data-{}-name", category.key()));
            done.assert_contains(&[&format!("<th scope=\"row\">{name}</th>")]);
        }

        // Every session is gone: this browser and the other device are sent to sign in.
        for b in [&mut browser, &mut other_device] {
            let page = b.get(PATH).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER);
            assert_eq!(
                page.location(),
                Some("/login?next=%2Fsettings%2Fwithdrawal")
            );
        }

        // A link that was not signed by the server shows nothing.
        let (value, _) = to.rsplit_once('.').expect("signed");
        let forged = Browser::new(&s).get(&format!("{value}.AAAA")).await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND);
        assert_eq!(
            Browser::new(&s).get("/withdrawal/done").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

both_backends!(
    erasing_now_says_so_and_offers_no_undo,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "now@example.jp", "すぐ消す人").await;
        let mut browser = Browser::signed_in(&s, m.id).await.english();
        let form = browser.get(PATH).await;
        form.assert_contains(&[
            "Keep a 14-day grace period",
            "Erase it now",
            r#"<button type="submit" class="button">Close my account</button>"#,
        ]);
        form.assert_lacks(&[">withdrawal-", ">data-"]);
        let done = browser
            .submit(PATH, &fields(PASSWORD, &[("erasure", "now")]))
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.html);
        done.assert_contains(&[
            "<h1>Your account has been closed</h1>",
            "As you asked, erasing your data has started.",
            "Receipt: what happens to your data",
            "Kept in a form that does not identify you (7 years)",
        ]);
        done.assert_lacks(&["before then undoes", ">withdrawal-", ">data-"]);
    }
);

both_backends!(
    a_withdrawal_is_scheduled_behind_a_blocker_and_cancelled,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        order(&s.app, &m, false).await;

        // The seller is told that the completed sale's balance will be paid out first.
        let seller = page_of(&s, &m.seller).await;
        seller.assert_contains(&[
            "振込先口座が登録されていれば自動で振込申請しますので、売上金を受け取ってから退会できます。",
            r#"<button type="submit" class="button">退会を予約する</button>"#,
        ]);

        let mut browser = Browser::signed_in(&s, m.buyer.id).await;
        let page = browser.get(PATH).await;
        page.assert_contains(&[
            "いまはまだ退会できませんが、退会を予約できます。",
            "あなたのサービスはすべて出品停止になり",
            "予約を中止してメールでお知らせします",
            r#"<input type="hidden" name="when" value="when_ready">"#,
            r#"<button type="submit" class="button">退会を予約する</button>"#,
        ]);
        page.assert_lacks(&[
            "販売中の取引が完了すると",
            r#"<button type="submit" class="button">退会する</button>"#,
        ]);

        // Closing now is refused while the order is open (a tab opened before it was placed).
        let refused = browser.post(PATH, &fields(PASSWORD, &[])).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        refused.assert_contains(&["いまは退会できません"]);
        assert!(is_active(&s.app, m.buyer.id).await);

        let scheduled = browser
            .submit(
                PATH,
                &fields(
                    PASSWORD,
                    &[("when", "when_ready"), ("reasons", "no-longer-used")],
                ),
            )
            .await;
        assert_eq!(scheduled.status, StatusCode::OK);
        scheduled.assert_contains(&[
            "退会を予約しました。",
            "退会を予約中です（受付日時: 2025年6月16日 00:06）",
            r#"<form method="post" action="/settings/withdrawal/cancel">"#,
            "予約を取り消す",
        ]);
        // No second form while one is scheduled.
        scheduled.assert_lacks(&[r#"name="password""#, "退会を予約する</button>"]);
        assert!(
            is_active(&s.app, m.buyer.id).await,
            "still open while scheduled"
        );

        let cancelled = browser.submit("/settings/withdrawal/cancel", &[]).await;
        assert_eq!(cancelled.status, StatusCode::OK);
        cancelled.assert_contains(&[
            "退会の予約を取り消しました。",
            r#"<button type="submit" class="button">退会を予約する</button>"#,
        ]);
        cancelled.assert_lacks(&["退会を予約中です"]);

        // Nothing left to cancel.
        let again = browser.post("/settings/withdrawal/cancel", &[]).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        again.assert_contains(&["予約中の退会はありません。"]);
    }
);
