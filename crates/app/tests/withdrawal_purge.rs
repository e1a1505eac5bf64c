//! The purge, on both databases: after it, no table and no stored file holds the member's
//! e-mail, name, bank number, card token or profile, listing and identity files, while the
//! counterparty keeps the orders, the talk room (with the files delivered in it) and the
//! reviews the member wrote, shown without an author. Interrupted after every batch and run
//! again, it ends in the same state as an uninterrupted run.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::review::ReviewInput;
use yorozu_app::orders::talk::Upload;
use yorozu_app::withdrawal::purge::{self, Progress};
use yorozu_domain::OrderId;
use yorozu_domain::withdrawal::PurgeStep;
use yorozu_store::testing::TestDb;
use yorozu_store::{Backend, Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;
use support::*;

const SELLER_EMAIL: &str = "seller@example.jp";
const SELLER_NAME: &str = "売り手";

fn review(comment: &str) -> ReviewInput {
    ReviewInput {
        rating: "5".into(),
        comment: comment.into(),
        anonymous: false,
    }
}

/// What the seller leaves behind in the market: profile and avatar, services with images, an
/// identity document, a bank account, two cards, an API token, completed orders with a
/// delivered file, reviews both ways, and a quote consultation with files both ways and
/// three offers (revised, declined, bought). Returns the keys of the files that must go.
async fn rich_seller(m: &Market, extra_listings: usize) -> Vec<String> {
    let t = &m.t;
    let seller = &m.seller;
    yorozu_app::profile::avatar::upload(&t.app, seller.id, png(64, 64))
        .await
        .expect("avatar");
    yorozu_app::listings::images::add(&t.app, seller, m.listing, png(800, 600))
        .await
        .expect("image");
    for i in 0..extra_listings {
        let id = publish_new(
            t,
            seller,
            &listing_form(&format!("名刺デザイン {i}"), "名刺をデザインします。"),
        )
        .await;
        yorozu_app::listings::images::add(&t.app, seller, id, png(400, 300))
            .await
            .expect("image");
    }
    yorozu_app::identity::submit::submit(&t.app, seller, "drivers-license", png(300, 200))
        .await
        .expect("identity");
    register_bank(t, seller).await;
    register_card(t, seller, "4242424242424242").await;
    register_card(t, seller, "5555555555554444").await;
    yorozu_app::testing::api_token(&t.app, seller.id)
        .await
        .expect("token");
    consulted_and_offered(m).await;
    for i in 0..2 {
        let id = buy(m, &format!("rich-{i}")).await;
        // Changes during the order: a paid addition and an accepted extension on the first,
        // a declined addition on the second.
        let addition = yorozu_app::orders::changes::additions::AdditionForm {
            title: "裏面デザイン".into(),
            description: "裏面もお作りします。".into(),
            price: "1000".into(),
            extra_days: "1".into(),
        };
        let added = yorozu_app::orders::changes::additions::propose(&t.app, seller, id, &addition)
            .await
            .expect("propose");
        if i == 0 {
            yorozu_app::orders::changes::additions::accept(&t.app, &m.buyer, id, added, m.card)
                .await
                .expect("pay addition");
            yorozu_app::orders::changes::extension::request(&t.app, seller, id, "2", "確認のため")
                .await
                .expect("extension");
            yorozu_app::orders::changes::extension::answer(
                &t.app,
                &m.buyer,
                id,
                yorozu_app::orders::changes::extension::Answer::Accept,
                "",
            )
            .await
            .expect("accept extension");
        } else {
            yorozu_app::orders::changes::additions::decline(&t.app, &m.buyer, id, added, "")
                .await
                .expect("decline addition");
        }
        yorozu_app::orders::deliver::deliver(
            &t.app,
            seller,
            id,
            "納品いたします。",
            vec![Upload {
                file_name: "logo.png".into(),
                content_type: "image/png".into(),
                bytes: png(32, 32),
            }],
        )
        .await
        .expect("deliver");
        yorozu_app::orders::deliver::approve(&t.app, &m.buyer, id)
            .await
            .expect("approve");
        yorozu_app::orders::review::write(&t.app, &m.buyer, id, &review("とても良いロゴでした。"))
            .await
            .expect("buyer review");
        yorozu_app::orders::review::write(&t.app, seller, id, &review("スムーズなお取引でした。"))
            .await
            .expect("seller review");
    }
    t.run_jobs().await;
    let mut keys = Vec::new();
    let mut c = t.app.db.read().await.expect("read");
    for sql in [
        format!(
            "SELECT avatar_key FROM profiles WHERE user_id = {}",
            seller.id
        ),
        format!(
            "SELECT file_key FROM identity_documents WHERE user_id = {}",
            seller.id
        ),
        format!(
            "SELECT i.file_key FROM listing_images i JOIN listings l ON l.id = i.listing_id WHERE l.seller_id = {}",
            seller.id
        ),
        format!(
            "SELECT i.thumb_key FROM listing_images i JOIN listings l ON l.id = i.listing_id WHERE l.seller_id = {}",
            seller.id
        ),
        format!(
            "SELECT a.file_key FROM consultation_attachments a
             JOIN consultation_messages m ON m.id = a.message_id WHERE m.author_id = {}",
            seller.id
        ),
    ] {
        let found: Vec<Option<String>> = yorozu_store::query_scalar!(
            &mut c,
            fetch_all,
            Option<String>,
            sqlx::AssertSqlSafe(sql)
        )
        .expect("keys");
        keys.extend(found.into_iter().flatten());
    }
    keys
}

fn upload(name: &str) -> Upload {
    Upload {
        file_name: name.into(),
        content_type: "application/pdf".into(),
        bytes: b"%PDF-1.4".to_vec(),
    }
}

/// The buyer asks for a quote with a file; the seller answers with a file of theirs and sends
/// an offer naming themselves, revises it, the buyer declines with a reason; a third version
/// is bought and the order completed.
async fn consulted_and_offered(m: &Market) {
    use yorozu_app::offers::form::OfferForm;
    use yorozu_app::offers::{consult, decide, send};
    let app = &m.t.app;
    let form = |included: String, price: &str| OfferForm {
        title: "会社ロゴ".into(),
        included,
        price: price.into(),
        delivery_days: "7".into(),
        revisions: "1".into(),
        option_titles: vec![],
        option_prices: vec![],
        expiry_days: String::new(),
    };
    let id = consult::consult(
        app,
        &m.buyer,
        m.listing,
        "ロゴの見積りをお願いします。",
        vec![upload("要望.pdf")],
    )
    .await
    .expect("consult");
    consult::post_message(
        app,
        &m.seller,
        id,
        &format!("{SELLER_NAME}です。お見積りします。"),
        vec![upload("見本.pdf")],
    )
    .await
    .expect("reply");
    send::send(
        app,
        &m.seller,
        id,
        &form(format!("{SELLER_NAME}が3案お作りします"), "30000"),
    )
    .await
    .expect("offer");
    let revised = send::send(
        app,
        &m.seller,
        id,
        &form(format!("{SELLER_NAME}が2案お作りします"), "25000"),
    )
    .await
    .expect("revised");
    decide::decline(app, &m.buyer, revised, "予算が合いませんでした")
        .await
        .expect("decline");
    let bought = send::send(
        app,
        &m.seller,
        id,
        &form("ロゴ2案、修正1回".into(), "20000"),
    )
    .await
    .expect("third");
    let mut p = purchase(m, "consulted");
    p.choice.offer = Some(bought);
    let order = yorozu_app::orders::place::place(app, &m.buyer, &p)
        .await
        .expect("buy the offer")
        .order_id;
    deliver(m, order).await;
    yorozu_app::orders::deliver::approve(app, &m.buyer, order)
        .await
        .expect("approve");
}

/// Every (table, text column) of the schema.
async fn text_columns(db: &Db) -> Vec<(String, String)> {
    let mut c = db.read().await.expect("read");
    match db.backend() {
        Backend::Sqlite => {
            let tables: Vec<String> = yorozu_store::query_scalar!(
                &mut c,
                fetch_all,
                String,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            .expect("tables");
            let mut out = Vec::new();
            for table in tables {
                let columns: Vec<String> = yorozu_store::query_scalar!(
                    &mut c,
                    fetch_all,
                    String,
                    "SELECT name FROM pragma_table_info($1) WHERE type = 'TEXT'",
                    &table
                )
                .expect("columns");
                out.extend(columns.into_iter().map(|col| (table.clone(), col)));
            }
            out
        }
        Backend::Postgres => yorozu_store::query_as!(
            &mut c,
            fetch_all,
            (String, String),
            "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns
             WHERE table_schema = current_schema() AND data_type = 'text'"
        )
        .expect("columns"),
    }
}

/// Where `needle` still appears: `table.column` names. The local mailbox stands in for other
/// people's own inboxes, so only mail addressed to the member is searched there.
async fn traces(db: &Db, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (table, column) in text_columns(db).await {
        let scope = if table == "mailbox" {
            format!(" AND to_addr = '{SELLER_EMAIL}'")
        } else {
            String::new()
        };
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} LIKE '%{needle}%'{scope}");
        if count_where(db, &sql).await > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

both_backends!(
    the_purge_leaves_no_trace_and_keeps_what_the_other_side_needs,
    |db: Db| async move {
        let m = market(db).await;
        let t = &m.t;
        let files = rich_seller(&m, 1).await;
        assert_eq!(
            files.len(),
            1 + 1 + 2 + 2 + 1,
            "avatar, identity, 2 images × (file + thumbnail), a consultation file"
        );
        let tokens: Vec<String> = {
            let mut c = t.app.db.read().await.expect("read");
            yorozu_store::query_scalar!(
                &mut c,
                fetch_all,
                String,
                "SELECT provider_token FROM cards WHERE user_id = $1",
                m.seller.id.get()
            )
            .expect("tokens")
        };
        assert_eq!(tokens.len(), 2);
        let orders_before = t.count("orders").await;
        for needle in [SELLER_EMAIL, SELLER_NAME] {
            assert!(
                !traces(&t.app.db, needle).await.is_empty(),
                "{needle} should be found before"
            );
        }

        let closed = close_now(t, &m.seller, true).await;
        t.run_jobs().await;
        t.advance(11);
        t.run_jobs().await;
        assert_eq!(
            withdrawal_state(&t.app.db, closed.withdrawal_id).await,
            "purged"
        );

        let mut needles = vec![
            SELLER_EMAIL.to_owned(),
            SELLER_NAME.to_owned(),
            "1234567".to_owned(),
            "ﾔﾏﾀﾞ".to_owned(),
        ];
        needles.extend(tokens);
        for needle in &needles {
            assert_eq!(
                traces(&t.app.db, needle).await,
                Vec::<String>::new(),
                "{needle} left behind"
            );
        }
        let stored = t.app.files.keys().await.expect("keys");
        for key in &files {
            assert!(!stored.contains(key), "file {key} left behind");
        }
        // The provider forgot the cards too.
        for token in &needles[4..] {
            assert!(!m.sandbox.token_is_live(token));
        }

        // Kept for the buyer: the orders, their talk room with the delivered files, and the
        // reviews the seller wrote, now without an author. Reviews the seller received are gone.
        assert_eq!(t.count("orders").await, orders_before);
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT COUNT(*) FROM reviews WHERE subject_id = {}",
                    m.seller.id
                )
            )
            .await,
            0
        );
        assert_eq!(
            count_where(
                &t.app.db,
                &format!(
                    "SELECT COUNT(*) FROM reviews WHERE subject_id = {} AND author_id IS NULL",
                    m.buyer.id
                )
            )
            .await,
            2
        );
        assert_eq!(
            count_where(&t.app.db, "SELECT COUNT(*) FROM order_attachments").await,
            2
        );
        let mut c = t.app.db.read().await.expect("read");
        let order_ids: Vec<i64> = yorozu_store::query_scalar!(
            &mut c,
            fetch_all,
            i64,
            "SELECT id FROM orders WHERE buyer_id = $1",
            m.buyer.id.get()
        )
        .expect("ids");
        drop(c);
        for id in order_ids.into_iter().map(OrderId::new) {
            let detail = yorozu_app::orders::view::detail(&t.app, &m.buyer, id)
                .await
                .expect("the buyer's order");
            assert_eq!(detail.order.id, id);
        }
        assert!(stored.len() >= 2, "the delivered files stay for the buyer");
        // The consultation: the buyer's message and file stay theirs; of the seller's offers
        // only the one bought stays, with its order (the buyer's decline reason is theirs).
        let rows = |sql: &'static str| count_where(&t.app.db, sql);
        assert_eq!(rows("SELECT COUNT(*) FROM consultations").await, 1);
        assert_eq!(rows("SELECT COUNT(*) FROM consultation_messages").await, 1);
        assert_eq!(
            rows("SELECT COUNT(*) FROM consultation_messages WHERE body LIKE '%見積り%'").await,
            1
        );
        assert_eq!(
            rows("SELECT COUNT(*) FROM consultation_attachments").await,
            1
        );
        assert_eq!(
            rows("SELECT COUNT(*) FROM offers WHERE order_id IS NOT NULL").await,
            1
        );
        assert_eq!(rows("SELECT COUNT(*) FROM offers").await, 1);
        // The tombstone: id, status and dates; the address is free again.
        let mut c = t.app.db.read().await.expect("read");
        let user = yorozu_store::accounts::users::find(&mut c, m.seller.id)
            .await
            .expect("find")
            .expect("tombstone");
        drop(c);
        assert_eq!(
            (user.status.as_str(), user.email, user.password_hash),
            ("purged", None, None)
        );
        assert_eq!(
            t.count("profiles").await,
            1,
            "only the buyer's profile is left"
        );
    }
);

/// The state a purge leaves, in terms that do not depend on ids: row counts of every table,
/// blanked listings, anonymous reviews, stored files.
async fn fingerprint(t: &TestApp) -> Vec<(String, i64)> {
    let mut tables: Vec<String> = text_columns(&t.app.db)
        .await
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    tables.sort();
    tables.dedup();
    let mut out = Vec::new();
    for table in tables {
        if table.starts_with('_') || table == "schema_migrations" {
            continue;
        }
        out.push((table.clone(), t.count(&table).await));
    }
    for sql in [
        "SELECT COUNT(*) FROM listings WHERE title = '' AND status = 'deleted'",
        "SELECT COUNT(*) FROM reviews WHERE author_id IS NULL",
        "SELECT COUNT(*) FROM users WHERE email IS NULL",
        "SELECT COUNT(*) FROM bank_accounts WHERE holder_sealed = ''",
    ] {
        out.push((sql.to_owned(), count_where(&t.app.db, sql).await));
    }
    out.push((
        "files".to_owned(),
        t.app.files.keys().await.expect("keys").len() as i64,
    ));
    out
}

async fn purged_fixture(db: Db, interrupt: bool) -> (Vec<(String, i64)>, usize) {
    let mut m = market(db).await;
    m.t.app.policy.purge_batch_size = 1;
    rich_seller(&m, 2).await;
    // With the grace period, the worker sends the closing mail and leaves the purge to us.
    let closed = close_now(&m.t, &m.seller, false).await;
    m.t.run_jobs().await;
    m.t.advance(14 * DAY);
    let mut interruptions = 0;
    loop {
        let mut crashed = false;
        let mut hook = |step: PurgeStep| {
            if interrupt && !crashed {
                crashed = true;
                return Err(AppError::Internal(format!(
                    "crash after a batch of {}",
                    step.as_str()
                )));
            }
            Ok(())
        };
        match purge::run(&m.t.app, closed.withdrawal_id, &mut hook).await {
            Ok(Progress::Purged) => break,
            Ok(other) => panic!("unexpected {other:?}"),
            Err(_) => interruptions += 1,
        }
        assert!(interruptions < 500, "the purge does not end");
    }
    assert_eq!(
        withdrawal_state(&m.t.app.db, closed.withdrawal_id).await,
        "purged"
    );
    // Running it again changes nothing.
    assert_eq!(
        purge::run(&m.t.app, closed.withdrawal_id, &mut purge::no_interruption)
            .await
            .expect("again"),
        Progress::NotDue
    );
    (fingerprint(&m.t).await, interruptions)
}

both_backends!(
    a_purge_interrupted_after_every_batch_ends_like_an_uninterrupted_one,
    |db: Db| async move {
        let other = TestDb::new(db.backend()).await;
        let (straight, none) = purged_fixture(other.db.clone(), false).await;
        let (resumed, interruptions) = purged_fixture(db, true).await;
        assert_eq!(none, 0);
        // Every step has at least one batch boundary; with a batch size of 1 most have several.
        assert!(
            interruptions > yorozu_domain::withdrawal::PurgeStep::ALL.len(),
            "{interruptions}"
        );
        assert_eq!(resumed, straight);
    }
);

/// Records what reaches the outside world: the local mailbox is erased with the member.
#[derive(Debug, Default)]
struct Outbox(std::sync::Mutex<Vec<yorozu_app::ports::OutgoingMail>>);

#[async_trait::async_trait]
impl yorozu_app::ports::Mailer for Outbox {
    async fn send(
        &self,
        mail: &yorozu_app::ports::OutgoingMail,
    ) -> Result<(), yorozu_app::ports::MailError> {
        self.0.lock().expect("outbox").push(mail.clone());
        Ok(())
    }
}

both_backends!(the_purge_waits_for_the_closing_mail, |db: Db| async move {
    let mut m = market(db).await;
    let outbox = std::sync::Arc::new(Outbox::default());
    m.t.app.mailer = outbox.clone();
    let t = &m.t;
    let closed = close_now(t, &m.buyer, true).await;
    assert_eq!(
        purge::run(&t.app, closed.withdrawal_id, &mut purge::no_interruption)
            .await
            .expect("purge"),
        Progress::WaitingForMail
    );
    assert_eq!(status(&t.app.db, m.buyer.id).await, "closed");
    // The worker sends the mail first, then purges.
    t.run_jobs().await;
    assert_eq!(
        withdrawal_state(&t.app.db, closed.withdrawal_id).await,
        "purged"
    );
    let sent = outbox.0.lock().expect("outbox").clone();
    let to_member: Vec<_> = sent.iter().filter(|m| m.to == "buyer@example.jp").collect();
    assert_eq!(to_member.len(), 1);
    assert!(
        to_member[0].body_text.contains("今から削除します"),
        "{}",
        to_member[0].body_text
    );
    assert_eq!(
        traces(&t.app.db, "buyer@example.jp").await,
        Vec::<String>::new()
    );
});
