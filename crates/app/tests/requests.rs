//! The request board (公開依頼) on both databases: posting (every field's limit, in
//! Japanese), the board and its Japanese search, proposals and their limit under concurrency,
//! buying a proposal through the final confirmation screen (an order on its terms; two
//! purchases on one request make one order), the others told, the deadline job, the buyer
//! closing early, and withdrawal (closing and purge).

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::offers::form::OfferForm;
use yorozu_app::offers::{decide, send};
use yorozu_app::orders::place::{Purchase, place};
use yorozu_app::orders::talk::Upload;
use yorozu_app::requests::board::{self, BoardQuery};
use yorozu_app::requests::form::RequestForm;
use yorozu_app::requests::propose::{self, ProposalForm};
use yorozu_app::requests::{close, post};
use yorozu_domain::offers::OfferState;
use yorozu_domain::requests::RequestState;
use yorozu_domain::{ListingId, Locale, OfferId, RequestId};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::withdrawal::*;
use support::*;

fn request_form(title: &str, description: &str) -> RequestForm {
    RequestForm {
        category_id: "301".into(),
        title: title.into(),
        description: description.into(),
        budget_min: "10000".into(),
        budget_max: "50000".into(),
        desired_date: String::new(),
        proposal_days: "7".into(),
        max_proposals: String::new(),
    }
}

async fn posted(m: &Market, form: &RequestForm) -> RequestId {
    post::post(&m.t.app, &m.buyer, form, vec![])
        .await
        .expect("post request")
}

fn proposal_form(listing: ListingId, price: &str) -> ProposalForm {
    ProposalForm {
        listing_id: listing.to_string(),
        message: "はじめまして。ロゴ制作の実績が多数ございます。ぜひお任せください。".into(),
        offer: OfferForm {
            title: "会社ロゴ（3案）".into(),
            included: "ロゴ3案、修正2回、AI・PNG納品".into(),
            price: price.into(),
            delivery_days: "6".into(),
            revisions: "2".into(),
            option_titles: vec![],
            option_prices: vec![],
            expiry_days: String::new(),
        },
    }
}

/// Another seller with a published service.
async fn seller(m: &Market, email: &str, name: &str) -> (CurrentUser, ListingId) {
    let member = confirmed_member(&m.t, email, name).await;
    let listing = publish_new(
        &m.t,
        &member,
        &listing_form("ロゴを作ります", "丁寧にロゴを制作いたします。"),
    )
    .await;
    (member, listing)
}

fn conflict<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Err(AppError::Conflict(code)) => code,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

async fn request_row(m: &Market, id: RequestId) -> yorozu_store::requests::RequestRow {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::requests::find(&mut c, id)
        .await
        .expect("find")
        .expect("request")
}

async fn offer_state(m: &Market, offer: OfferId) -> OfferState {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::offers::versions::find(&mut c, offer)
        .await
        .expect("find")
        .expect("offer")
        .state
}

async fn proposal_offer(m: &Market, id: RequestId, seller: &CurrentUser) -> OfferId {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::requests::proposal_of(&mut c, id, seller.id)
        .await
        .expect("proposal")
        .expect("a proposal")
        .offer_id
}

fn proposal_purchase(m: &Market, listing: ListingId, offer: OfferId, key: &str) -> Purchase {
    let mut p = purchase(m, key);
    p.choice.listing_id = listing;
    p.choice.offer = Some(offer);
    p
}

/// Notifications of `kind` raised for `user`.
async fn notifications(m: &Market, user: &CurrentUser, kind: &str) -> i64 {
    support::payouts::count_where(
        &m.t.app.db,
        &format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {} AND kind = '{kind}'",
            user.id
        ),
    )
    .await
}

async fn subjects(m: &Market, to: &str) -> Vec<String> {
    m.t.run_jobs().await;
    m.t.mails_to(to)
        .await
        .into_iter()
        .map(|mail| mail.subject)
        .collect()
}

both_backends!(
    posting_checks_every_field_in_japanese,
    |db: Db| async move {
        let m = market(db).await;
        let bad = RequestForm {
            category_id: "3".into(),
            title: String::new(),
            description: String::new(),
            budget_min: "300".into(),
            budget_max: "abc".into(),
            desired_date: "2026-02-30".into(),
            proposal_days: "31".into(),
            max_proposals: "51".into(),
        };
        let errors = invalid_fields(post::post(&m.t.app, &m.buyer, &bad, vec![]).await);
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        for field in [
            "category_id",
            "title",
            "description",
            "budget_min",
            "budget_max",
            "desired_date",
            "proposal_days",
            "max_proposals",
        ] {
            assert!(fields.contains(&field), "{field} in {errors:?}");
        }
        let code = |field: &str| {
            errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, c)| *c)
                .expect("field")
        };
        assert_eq!(code("budget_min"), "price-below-minimum");
        assert_eq!(code("proposal_days"), "request-deadline-out-of-range");
        assert_eq!(code("max_proposals"), "request-max-proposals-out-of-range");
        assert_eq!(code("desired_date"), "request-desired-date-invalid");
        let tr = yorozu_i18n::Tr::new(Locale::Ja);
        let args = [("max", yorozu_i18n::Arg::from(30_i64))];
        assert_eq!(
            tr.tv("request-deadline-out-of-range", &args),
            "提案の募集期間は1日から30日の間で入力してください。"
        );
        // The budget's order, and a desired date before the proposal deadline.
        let mut form = request_form("ロゴ", "会社のロゴをお願いします。");
        form.budget_min = "60000".into();
        form.desired_date = "2025-06-16".into();
        let errors = invalid_fields(post::post(&m.t.app, &m.buyer, &form, vec![]).await);
        assert!(
            errors.contains(&("budget_max", "request-budget-min-above-max")),
            "{errors:?}"
        );
        assert!(
            errors.contains(&("desired_date", "request-desired-date-too-early")),
            "{errors:?}"
        );
        assert!(
            tr.t("request-budget-min-above-max")
                .contains("上限は下限以上"),
            "a Japanese message"
        );
        assert_eq!(m.t.count("requests").await, 0);
        // A valid one, with the defaults and an attachment.
        let mut form = request_form("ロゴ制作", "会社のロゴをお願いします。");
        form.desired_date = "2025-07-31".into();
        form.proposal_days = String::new();
        let id = post::post(
            &m.t.app,
            &m.buyer,
            &form,
            vec![Upload {
                file_name: "参考.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.4".to_vec(),
            }],
        )
        .await
        .expect("post");
        let row = request_row(&m, id).await;
        assert_eq!((row.max_proposals, row.proposal_count), (10, 0));
        assert_eq!(row.proposal_deadline, START + 7 * DAY);
        assert_eq!(row.desired_date.as_deref(), Some("2025-07-31"));
        assert_eq!(row.state, RequestState::Open);
        let view = board::show(&m.t.app, None, id).await.expect("show");
        assert_eq!(view.attachments.len(), 1);
        let (_, bytes) = board::attachment(&m.t.app, None, id, view.attachments[0].id)
            .await
            .expect("download");
        assert_eq!(bytes, b"%PDF-1.4");
    }
);

both_backends!(
    the_board_searches_japanese_like_services,
    |db: Db| async move {
        let m = market(db).await;
        let logo = posted(
            &m,
            &request_form("ロゴデザインの依頼", "カフェのロゴを作ってください。"),
        )
        .await;
        let mut translation =
            request_form("英語の翻訳", "ウェブサイトを英語に翻訳してほしいです。");
        translation.category_id = "101".into();
        translation.budget_min = "3000".into();
        translation.budget_max = "8000".into();
        let translation = posted(&m, &translation).await;
        let search = |q: &str| BoardQuery {
            q: q.into(),
            ..Default::default()
        };
        let ids = |page: board::BoardPage| page.requests.iter().map(|r| r.id).collect::<Vec<_>>();
        // Newest first without a query.
        assert_eq!(
            ids(board::board(&m.t.app, &search("")).await.expect("all")),
            [translation, logo]
        );
        // Half-width katakana, hiragana and full-width forms find the same text.
        for q in ["ﾛｺﾞ", "ろご", "ロゴ　デザイン", "でざいん"] {
            assert_eq!(
                ids(board::board(&m.t.app, &search(q)).await.expect(q)),
                [logo],
                "{q}"
            );
        }
        // One character, and a substring inside a word.
        assert_eq!(
            ids(board::board(&m.t.app, &search("訳")).await.expect("訳")),
            [translation]
        );
        assert_eq!(
            ids(board::board(&m.t.app, &search("ェブサ"))
                .await
                .expect("sub")),
            [translation]
        );
        assert!(
            ids(board::board(&m.t.app, &search("ロゴ 翻訳"))
                .await
                .expect("both"))
            .is_empty()
        );
        // Filters: category (a leaf or its parent) and budget.
        let by_category = BoardQuery {
            category_id: Some(1),
            ..Default::default()
        };
        assert_eq!(
            ids(board::board(&m.t.app, &by_category).await.expect("cat")),
            [translation]
        );
        let by_budget = BoardQuery {
            budget_at_least: Some(20_000),
            ..Default::default()
        };
        assert_eq!(
            ids(board::board(&m.t.app, &by_budget).await.expect("budget")),
            [logo]
        );
        // Pages of the board: past a page's last request, the older ones.
        let older = BoardQuery {
            before: Some(translation),
            ..Default::default()
        };
        assert_eq!(
            ids(board::board(&m.t.app, &older).await.expect("older")),
            [logo]
        );
        // The board is derived data like the services' search: `yorozu reindex` builds it
        // again from the open requests.
        yorozu_app::search_sync::rebuild(&m.t.app)
            .await
            .expect("rebuild");
        assert_eq!(
            m.t.app.search.index().all_request_ids().expect("ids"),
            [logo, translation]
        );
        assert_eq!(
            ids(board::board(&m.t.app, &search("ろご"))
                .await
                .expect("rebuilt")),
            [logo]
        );
        // A closed request leaves the board and the search.
        close::close(&m.t.app, &m.buyer, logo).await.expect("close");
        assert!(
            ids(board::board(&m.t.app, &search("ロゴ"))
                .await
                .expect("closed"))
            .is_empty()
        );
        assert_eq!(
            board::mine(&m.t.app, &m.buyer).await.expect("mine").len(),
            2
        );
    }
);

both_backends!(
    the_proposal_limit_holds_under_concurrency,
    |db: Db| async move {
        let m = market(db).await;
        let mut form = request_form("ロゴ", "会社のロゴをお願いします。");
        form.max_proposals = "2".into();
        let id = posted(&m, &form).await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("first proposal");
        assert_eq!(
            conflict(
                propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "20000")).await
            ),
            "proposal-exists"
        );
        assert_eq!(
            conflict(
                propose::propose(&m.t.app, &m.buyer, id, &proposal_form(m.listing, "20000")).await
            ),
            "request-own"
        );
        let (a, la) = seller(&m, "a@example.jp", "出品者A").await;
        let (b, lb) = seller(&m, "b@example.jp", "出品者B").await;
        let (fa, fb) = (proposal_form(la, "25000"), proposal_form(lb, "26000"));
        let (ra, rb) = tokio::join!(
            propose::propose(&m.t.app, &a, id, &fa),
            propose::propose(&m.t.app, &b, id, &fb)
        );
        assert_eq!(
            [ra.is_ok(), rb.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{ra:?} {rb:?}"
        );
        let lost = if ra.is_ok() { rb } else { ra };
        assert_eq!(conflict(lost), "request-proposals-full");
        assert_eq!(request_row(&m, id).await.proposal_count, 2);
        assert_eq!(m.t.count("consultations").await, 2);
        // Withdrawing gives the slot back, once.
        propose::withdraw(&m.t.app, &m.seller, id)
            .await
            .expect("withdraw");
        assert_eq!(
            conflict(propose::withdraw(&m.t.app, &m.seller, id).await),
            "proposal-not-open"
        );
        assert_eq!(request_row(&m, id).await.proposal_count, 1);
        // The buyer was told of each proposal, by mail and on the site.
        assert_eq!(notifications(&m, &m.buyer, "proposal_received").await, 2);
        let received = subjects(&m, "buyer@example.jp").await;
        assert_eq!(
            received
                .iter()
                .filter(|s| s.contains("提案が届きました"))
                .count(),
            2,
            "{received:?}"
        );
    }
);

both_backends!(
    buying_a_proposal_books_its_terms_and_tells_the_others,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = posted(&m, &request_form("ロゴ", "会社のロゴをお願いします。")).await;
        let (a, la) = seller(&m, "a@example.jp", "出品者A").await;
        let (b, lb) = seller(&m, "b@example.jp", "出品者B").await;
        for (s, l, price) in [
            (&m.seller, m.listing, "30000"),
            (&a, la, "24000"),
            (&b, lb, "28000"),
        ] {
            propose::propose(&m.t.app, s, id, &proposal_form(l, price))
                .await
                .expect("propose");
        }
        // Side by side for the buyer; a seller sees only their own.
        let view = board::show(&m.t.app, Some(&m.buyer), id)
            .await
            .expect("show");
        assert_eq!(view.proposals.len(), 3);
        assert!(view.proposals.iter().all(|p| p.accept_href.is_some()));
        assert_eq!(view.proposals[1].price, 24_000);
        assert_eq!(view.proposals[1].delivery_days, 6);
        assert_eq!(view.proposals[1].seller_name.as_deref(), Some("出品者A"));
        assert!(!view.proposals[1].seller_verified);
        assert!(view.proposals[1].message.contains("実績"));
        let seen_by_a = board::show(&m.t.app, Some(&a), id).await.expect("a");
        assert_eq!(seen_by_a.proposals.len(), 1);
        assert!(seen_by_a.proposals[0].accept_href.is_none());

        let offer = proposal_offer(&m, id, &a).await;
        let placed = place(
            &m.t.app,
            &m.buyer,
            &proposal_purchase(&m, la, offer, "chosen"),
        )
        .await
        .expect("buy the proposal");
        let order = order(&m, placed.order_id).await;
        assert_eq!(order.subtotal.get(), 24_000);
        assert_eq!(order.delivery_days, 6);
        assert_eq!(order.listing_title, "会社ロゴ（3案）");
        assert_eq!(order.seller_id, a.id);
        let row = request_row(&m, id).await;
        assert_eq!(
            (row.state, row.order_id),
            (RequestState::Filled, Some(placed.order_id))
        );
        assert_eq!(offer_state(&m, offer).await, OfferState::Accepted);
        let other = proposal_offer(&m, id, &b).await;
        assert_eq!(offer_state(&m, other).await, OfferState::Withdrawn);
        // The chosen seller and the others are told.
        assert_eq!(notifications(&m, &a, "proposal_chosen").await, 1);
        assert_eq!(notifications(&m, &b, "proposal_not_chosen").await, 1);
        assert_eq!(notifications(&m, &m.seller, "proposal_not_chosen").await, 1);
        assert_eq!(notifications(&m, &a, "proposal_not_chosen").await, 0);
        let to_b = subjects(&m, "b@example.jp").await;
        assert!(
            to_b.iter().any(|s| s.contains("ほかの提案が選ばれました")),
            "{to_b:?}"
        );
        let to_a = subjects(&m, "a@example.jp").await;
        assert!(
            to_a.iter()
                .any(|s| s.contains("あなたの提案が選ばれました")),
            "{to_a:?}"
        );
        // The request left the board; another proposal cannot be bought.
        assert!(
            board::board(&m.t.app, &BoardQuery::default())
                .await
                .expect("board")
                .requests
                .is_empty()
        );
        assert!(
            place(
                &m.t.app,
                &m.buyer,
                &proposal_purchase(&m, lb, other, "late")
            )
            .await
            .is_err()
        );
        assert_eq!(m.t.count("orders").await, 1);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    two_purchases_on_one_request_make_one_order,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = posted(&m, &request_form("ロゴ", "会社のロゴをお願いします。")).await;
        let (a, la) = seller(&m, "a@example.jp", "出品者A").await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("propose");
        propose::propose(&m.t.app, &a, id, &proposal_form(la, "30000"))
            .await
            .expect("propose");
        let first = proposal_offer(&m, id, &m.seller).await;
        let second = proposal_offer(&m, id, &a).await;
        let (p1, p2) = (
            proposal_purchase(&m, m.listing, first, "race-one"),
            proposal_purchase(&m, la, second, "race-two"),
        );
        let (r1, r2) = tokio::join!(
            place(&m.t.app, &m.buyer, &p1),
            place(&m.t.app, &m.buyer, &p2)
        );
        assert_eq!(
            [r1.is_ok(), r2.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{r1:?} {r2:?}"
        );
        assert_eq!(m.t.count("orders").await, 1);
        assert_eq!(request_row(&m, id).await.state, RequestState::Filled);
        // The loser's charge, if it was made, was given back: ¥30,000 + 5.5%.
        assert_eq!(m.sandbox.net_charged(), 31_650);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    the_deadline_closes_a_request_and_tells_the_proposers,
    |db: Db| async move {
        let m = market(db).await;
        let mut form = request_form("ロゴ", "会社のロゴをお願いします。");
        form.proposal_days = "3".into();
        let id = posted(&m, &form).await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("propose");
        let offer = proposal_offer(&m, id, &m.seller).await;
        m.t.advance(3 * DAY - 60);
        m.t.run_jobs().await;
        assert_eq!(request_row(&m, id).await.state, RequestState::Open);
        m.t.advance(60);
        m.t.run_jobs().await;
        let row = request_row(&m, id).await;
        assert_eq!(row.state, RequestState::Closed);
        assert_eq!(row.closed_at, Some(START + 3 * DAY));
        assert_ne!(offer_state(&m, offer).await, OfferState::Open);
        assert_eq!(notifications(&m, &m.seller, "request_closed").await, 1);
        assert_eq!(notifications(&m, &m.buyer, "request_closed").await, 1);
        let to_seller = subjects(&m, "seller@example.jp").await;
        assert!(
            to_seller.iter().any(|s| s.contains("募集が終了しました")),
            "{to_seller:?}"
        );
        assert!(
            board::board(&m.t.app, &BoardQuery::default())
                .await
                .expect("board")
                .requests
                .is_empty()
        );
        let (a, la) = seller(&m, "a@example.jp", "出品者A").await;
        assert_eq!(
            conflict(propose::propose(&m.t.app, &a, id, &proposal_form(la, "20000")).await),
            "request-not-open"
        );
    }
);

both_backends!(
    the_buyer_closes_early_and_nothing_can_be_bought,
    |db: Db| async move {
        let m = market(db).await;
        let id = posted(&m, &request_form("ロゴ", "会社のロゴをお願いします。")).await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("propose");
        let offer = proposal_offer(&m, id, &m.seller).await;
        let other = confirmed_member(&m.t, "other@example.jp", "第三者").await;
        assert!(matches!(
            close::close(&m.t.app, &other, id).await,
            Err(AppError::NotFound)
        ));
        close::close(&m.t.app, &m.buyer, id).await.expect("close");
        assert_eq!(
            conflict(close::close(&m.t.app, &m.buyer, id).await),
            "request-not-open"
        );
        assert_eq!(offer_state(&m, offer).await, OfferState::Withdrawn);
        assert_eq!(notifications(&m, &m.seller, "request_closed").await, 1);
        assert!(
            place(
                &m.t.app,
                &m.buyer,
                &proposal_purchase(&m, m.listing, offer, "closed")
            )
            .await
            .is_err()
        );
        assert_eq!(m.t.count("orders").await, 0);
        // Closed: the proposer and the buyer still see it, nobody else.
        assert!(board::show(&m.t.app, Some(&m.seller), id).await.is_ok());
        assert!(matches!(
            board::show(&m.t.app, Some(&other), id).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(
            board::proposed(&m.t.app, &m.seller)
                .await
                .expect("proposed")
                .len(),
            1
        );
    }
);

both_backends!(
    withdrawal_closes_requests_and_purge_erases_them,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = post::post(
            &m.t.app,
            &m.buyer,
            &request_form("秘密のロゴ依頼", "社名は株式会社ひみつです。"),
            vec![Upload {
                file_name: "社外秘.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-secret".to_vec(),
            }],
        )
        .await
        .expect("post");
        let other = posted(&m, &request_form("別の依頼", "翻訳をお願いします。")).await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("propose");
        let key = {
            let mut c = m.t.app.db.read().await.expect("read");
            yorozu_store::requests::attachments(&mut c, id)
                .await
                .expect("files")[0]
                .file_key
                .clone()
        };
        assert!(m.t.app.files.get(&key).await.is_ok());
        // The seller's open proposal on the buyer's request ends with the buyer's withdrawal.
        let closed = close_now(&m.t, &m.buyer, true).await;
        assert_eq!(request_row(&m, id).await.state, RequestState::Closed);
        assert_eq!(request_row(&m, other).await.state, RequestState::Closed);
        assert_eq!(notifications(&m, &m.seller, "request_closed").await, 1);
        let offer = proposal_offer(&m, id, &m.seller).await;
        assert_eq!(offer_state(&m, offer).await, OfferState::Withdrawn);
        purge_all(&m.t, closed.withdrawal_id).await;
        let row = request_row(&m, id).await;
        assert_eq!((row.title.as_str(), row.description.as_str()), ("", ""));
        assert_eq!(m.t.count("request_attachments").await, 0);
        let residue = support::payouts::count_where(
        &db,
        "SELECT COUNT(*) FROM requests WHERE title LIKE '%ひみつ%' OR description LIKE '%ひみつ%'",
    )
    .await;
        assert_eq!(residue, 0);
        assert!(m.t.app.files.get(&key).await.is_err(), "the file is gone");
        assert!(matches!(
            board::show(&m.t.app, None, id).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    a_seller_withdrawing_ends_their_proposals,
    |db: Db| async move {
        let m = market(db).await;
        let mut form = request_form("ロゴ", "会社のロゴをお願いします。");
        form.max_proposals = "1".into();
        let id = posted(&m, &form).await;
        propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
            .await
            .expect("propose");
        let offer = proposal_offer(&m, id, &m.seller).await;
        close_now(&m.t, &m.seller, false).await;
        assert_eq!(offer_state(&m, offer).await, OfferState::Withdrawn);
        let row = request_row(&m, id).await;
        assert_eq!((row.state, row.proposal_count), (RequestState::Open, 0));
    }
);

both_backends!(
    a_proposal_revised_or_withdrawn_from_its_consultation_keeps_the_request_rules,
    |db: Db| async move {
        let m = market(db).await;
        let mut form = request_form("ロゴ", "会社のロゴをお願いします。");
        form.max_proposals = "1".into();
        let id = posted(&m, &form).await;
        let consultation =
            propose::propose(&m.t.app, &m.seller, id, &proposal_form(m.listing, "30000"))
                .await
                .expect("proposal");
        let deadline = request_row(&m, id).await.proposal_deadline;
        let expires_at = |offer: OfferId| {
            let app = m.t.app.clone();
            async move {
                let mut c = app.db.read().await.expect("read");
                yorozu_store::offers::versions::find(&mut c, offer)
                    .await
                    .expect("find")
                    .expect("offer")
                    .expires_at
            }
        };
        // A revision sent from the consultation page lasts as long as the request takes
        // proposals, not the offer's usual 7 days.
        let mut terms = proposal_form(m.listing, "25000").offer;
        terms.expiry_days = "3".into();
        let revised = send::send(&m.t.app, &m.seller, consultation, &terms)
            .await
            .expect("revise");
        assert_eq!(expires_at(revised).await, deadline);
        assert_eq!(request_row(&m, id).await.proposal_count, 1);
        // Withdrawn from the consultation page: the slot is free for another seller.
        decide::withdraw(&m.t.app, &m.seller, revised)
            .await
            .expect("withdraw");
        assert_eq!(request_row(&m, id).await.proposal_count, 0);
        let (other, other_listing) = seller(&m, "other@example.jp", "別の出品者").await;
        propose::propose(&m.t.app, &other, id, &proposal_form(other_listing, "28000"))
            .await
            .expect("the freed slot");
        // Offering again needs a slot: none is left.
        assert_eq!(
            conflict(send::send(&m.t.app, &m.seller, consultation, &terms).await),
            "request-proposals-full"
        );
        assert_eq!(request_row(&m, id).await.proposal_count, 1);
        // Once the buyer closes the request, no proposal's thread takes a new offer.
        close::close(&m.t.app, &m.buyer, id).await.expect("close");
        let consultations = {
            let mut c = m.t.app.db.read().await.expect("read");
            yorozu_store::requests::proposal_of(&mut c, id, other.id)
                .await
                .expect("proposal")
                .expect("other's proposal")
                .consultation_id
        };
        assert_eq!(
            conflict(send::send(&m.t.app, &other, consultations, &terms).await),
            "request-not-open"
        );
    }
);
