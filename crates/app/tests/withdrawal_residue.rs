//! Erasure down to the bytes on disk. After a purge no live row holds the member's data (see
//! `withdrawal_purge.rs`); these tests read what a copy of the data folder would give away:
//! the raw bytes of the SQLite database, its WAL and its shared memory, and on PostgreSQL
//! they check that the tables the purge touched were vacuumed. The logs of the whole run
//! carry no e-mail address, name or bank data either.

mod support;

use std::sync::{Arc, Mutex};

use yorozu_app::search_sync;
use yorozu_store::testing::TestDb;
use yorozu_store::withdrawal::scrub::PURGED_TABLES;

use support::count_for_listing;
use support::orders::*;
use support::payouts::*;
use support::withdrawal::*;

const SELLER_EMAIL: &str = "seller@example.jp";
const SELLER_NAME: &str = "売り手";

/// What must not survive: e-mail, display name, bank holder (as typed and as stored for the
/// transfer file, in half-width kana).
const NEEDLES: &[&str] = &[
    SELLER_EMAIL,
    SELLER_NAME,
    "ヤマダ タロウ",
    "ﾔﾏﾀﾞ ﾀﾛｳ",
    REQUEST_TEXT,
    ANALYTICS_HOST,
];

/// The referrer host of views of the seller's service (アクセス解析), found in no other text.
const ANALYTICS_HOST: &str = "analytics-residue.example";

/// The text of a request (公開依頼) the seller posted, found in no other text.
const REQUEST_TEXT: &str = "極秘の依頼文";

fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// A gram of the seller's service (「シンプルで覚えやすいロゴ」) found in no other text.
const SERVICE_GRAM: &str = "覚え";

/// `(file, needle, count)` of every needle found in every file of `dir`.
fn residue(dir: &std::path::Path) -> Vec<(String, &'static str, usize)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read file");
        for needle in NEEDLES {
            let n = occurrences(&bytes, needle.as_bytes());
            if n > 0 {
                let name = path.file_name().map(|f| f.to_string_lossy().into_owned());
                found.push((name.unwrap_or_default(), *needle, n));
            }
        }
    }
    found
}

/// The seller trades, edits their profile a few times (old versions of the rows are what
/// lingers), registers a bank account, and withdraws erasing at once; the purge runs.
async fn seller_leaves(m: &Market) {
    let t = &m.t;
    register_bank(t, &m.seller).await;
    let orders = complete_orders(m, 2, "residue").await;
    // A talk-room message to the buyer: the mail about it must not carry the seller's name.
    yorozu_app::orders::talk::post_message(
        &t.app,
        &m.seller,
        orders[0],
        "ありがとうございました。",
        vec![],
    )
    .await
    .expect("message");
    for i in 0..3 {
        let form = yorozu_app::profile::edit::ProfileForm {
            display_name: format!("{SELLER_NAME}{i}"),
            introduction: format!("{SELLER_NAME}です。ロゴを作ります。"),
            ..Default::default()
        };
        yorozu_app::profile::edit::update(&t.app, m.seller.id, &form)
            .await
            .expect("profile");
    }
    // Views of the service from another site: counted, written, and erased at purge.
    for _ in 0..3 {
        yorozu_app::analytics::record_view(
            &t.app,
            m.listing,
            Some(m.seller.id),
            &yorozu_app::analytics::Visitor {
                user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
                member: None,
            },
            &yorozu_domain::analytics::Source::Outside(ANALYTICS_HOST.into()),
        );
    }
    yorozu_app::analytics::flush(&t.app).await.expect("flush");
    assert_eq!(
        count_for_listing(&t.app.db, "listing_analytics", m.listing).await,
        3,
        "a view, its source and its host"
    );
    // The seller ticked 「売れない」 and saw the improvement hints: kept until the purge counts
    // the outcome, then erased.
    assert!(
        yorozu_app::withdrawal::hints::record_seen(&t.app, &m.seller)
            .await
            .expect("hints seen")
    );
    assert_eq!(t.count("withdrawal_hint_views").await, 1);
    // Before moderation hides the service.
    consulted(m).await;
    moderated(m).await;
    // Blocks both ways: the purge erases them with the member.
    yorozu_app::safety::blocks::block(&t.app, &m.seller, m.buyer.id)
        .await
        .expect("block");
    yorozu_app::safety::blocks::block(&t.app, &m.buyer, m.seller.id)
        .await
        .expect("blocked");
    // Follows both ways (with members other than the blocked buyer: a block ends following)
    // and an invite code with an invitation: the purge erases them.
    let code = yorozu_app::promotions::invitations::mine(&t.app, &m.seller)
        .await
        .expect("invite")
        .code;
    let invited = invitee(t).await;
    yorozu_app::promotions::invitations::record_sign_up(&t.app, invited, &code)
        .await
        .expect("invited");
    let fan = support::confirmed_member(t, "fan@example.jp", "ファン").await;
    yorozu_app::follows::set(&t.app, &fan, m.seller.id, true)
        .await
        .expect("follow");
    yorozu_app::follows::set(&t.app, &m.seller, invited, true)
        .await
        .expect("followed");
    assert_eq!(t.count("follows").await, 2);
    let notified = |id| async move {
        let mut c = t.app.db.read().await.expect("read");
        yorozu_store::notification_centre::count(&mut c, id)
            .await
            .expect("count")
    };
    assert!(
        notified(m.seller.id).await > 0,
        "the seller was told of sales"
    );
    // A request with an attachment: its texts and its file go with the purge.
    let form = yorozu_app::requests::form::RequestForm {
        category_id: "301".into(),
        title: format!("{REQUEST_TEXT}のロゴ"),
        description: format!("{REQUEST_TEXT}です。ロゴをお願いします。"),
        budget_min: "10000".into(),
        budget_max: "30000".into(),
        ..Default::default()
    };
    let request = yorozu_app::requests::post::post(
        &t.app,
        &m.seller,
        &form,
        vec![yorozu_app::orders::talk::Upload {
            file_name: "依頼.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF-request".to_vec(),
        }],
    )
    .await
    .expect("request");
    let request_file = {
        let mut c = t.app.db.read().await.expect("read");
        yorozu_store::requests::attachments(&mut c, request)
            .await
            .expect("files")[0]
            .file_key
            .clone()
    };
    assert!(t.app.files.get(&request_file).await.is_ok());
    // The board's search holds the request until the member leaves.
    search_sync::catch_up(&t.app).await.expect("index");
    assert_eq!(
        t.app.search.index().all_request_ids().expect("ids"),
        [request]
    );
    let closed = close_now(t, &m.seller, true).await;
    purge_all(t, closed.withdrawal_id).await;
    assert_eq!(status(&t.app.db, m.seller.id).await, "purged");
    assert!(
        t.app.files.get(&request_file).await.is_err(),
        "the request's file is erased"
    );
    // Checked here rather than in SQL, so that the text is not in a logged statement.
    let left = {
        let mut c = t.app.db.read().await.expect("read");
        yorozu_store::requests::of_buyer(&mut c, m.seller.id)
            .await
            .expect("requests")
    };
    assert_eq!(left.len(), 1);
    assert!(
        left.iter().all(|r| [&r.title, &r.description]
            .iter()
            .all(|text| !text.contains(REQUEST_TEXT) && text.is_empty())),
        "no request text of the member is left"
    );
    assert_eq!(
        t.count("member_blocks").await,
        0,
        "blocks of the member are erased"
    );
    assert_eq!(t.count("follows").await, 0, "follows both ways are erased");
    assert_eq!(
        t.count("invite_codes").await,
        0,
        "the invite code is erased"
    );
    assert_eq!(
        t.count("invitations WHERE inviter_id IS NOT NULL").await,
        0,
        "invitations no longer name the member"
    );
    assert_eq!(
        t.count("listing_analytics").await,
        0,
        "the analytics of the member's services are erased"
    );
    assert_eq!(
        t.count("withdrawal_hint_views").await,
        0,
        "that the member saw the hints is erased"
    );
    assert_eq!(
        t.count("withdrawal_stats WHERE event = 'hints-withdrew' AND count = 1")
            .await,
        1,
        "and counted, without the id, as a member who withdrew"
    );
    assert_eq!(
        notified(m.seller.id).await,
        0,
        "the member's notifications are erased"
    );
    assert!(
        notified(m.buyer.id).await > 0,
        "the counterparty's stay theirs"
    );
}

/// A quote consultation where the seller names themselves in a message and in an offer
/// nobody bought: both are the seller's, and go.
async fn consulted(m: &Market) {
    use yorozu_app::offers::form::OfferForm;
    use yorozu_app::offers::{consult, send};
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
    consult::post_message(
        &t.app,
        &m.seller,
        id,
        &format!("{SELLER_NAME}がお答えします。"),
        vec![],
    )
    .await
    .expect("reply");
    let form = OfferForm {
        title: "ロゴ".into(),
        included: format!("{SELLER_NAME}がロゴを1案作ります"),
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
}

/// Moderation leaves the seller's name in rows about them: a report of their profile, an
/// operator's warning and a hidden service whose reason names them, a suspension; and the
/// seller files a report of their own (kept, without their id).
async fn moderated(m: &Market) {
    use yorozu_app::moderation::actions::{DecisionInput, decide};
    use yorozu_app::moderation::report::{ReportInput, file};
    use yorozu_app::moderation::{Target, suspension};
    use yorozu_domain::moderation::TargetKind;
    let t = &m.t;
    let op = operator(t).await;
    let seller_profile = Target {
        kind: TargetKind::Profile,
        id: m.seller.id.get(),
    };
    let report = |comment: String| ReportInput {
        reason: "other".into(),
        comment,
    };
    file(
        &t.app,
        &m.buyer,
        seller_profile,
        &report(format!("{SELLER_NAME}さんの紹介文")),
    )
    .await
    .expect("report about the seller");
    let buyer_profile = Target {
        kind: TargetKind::Profile,
        id: m.buyer.id.get(),
    };
    file(
        &t.app,
        &m.seller,
        buyer_profile,
        &report("買い手の紹介文".into()),
    )
    .await
    .expect("the seller's report");
    let decision = |action: &str, orders: &str| DecisionInput {
        action: action.into(),
        reason: format!("{SELLER_NAME}さんへ: 規約をご確認ください"),
        orders: orders.into(),
    };
    decide(&t.app, &op, seller_profile, &decision("warn", ""))
        .await
        .expect("warn");
    let service = Target {
        kind: TargetKind::Service,
        id: m.listing.get(),
    };
    decide(&t.app, &op, service, &decision("hide_service", ""))
        .await
        .expect("hide");
    decide(&t.app, &op, service, &decision("suspend", "continue"))
        .await
        .expect("suspend");
    suspension::lift(
        &t.app,
        &op,
        m.seller.id,
        &format!("{SELLER_NAME}さんの件は解決"),
    )
    .await
    .expect("lift");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_purge_the_sqlite_files_hold_no_byte_of_the_member() {
    let test_db = TestDb::sqlite().await;
    let dir = test_db.sqlite_dir().expect("sqlite dir").to_owned();
    let m = market(test_db.db.clone()).await;
    register_bank(&m.t, &m.buyer).await;
    // The scan finds what is there: before the withdrawal the address is in the files.
    assert!(
        residue(&dir).iter().any(|(_, n, _)| *n == SELLER_EMAIL),
        "the scan should see the live address"
    );

    // The search index in this process's folder holds the seller's service too.
    let index_dir = m.t.search_dir.0.clone();
    search_sync::catch_up(&m.t.app).await.expect("index");
    assert_eq!(m.t.app.search.index().all_ids().expect("ids"), [m.listing]);
    let (terms, _) = yorozu_search::terms_and_strays(&index_dir).expect("index files");
    assert!(
        terms.contains(SERVICE_GRAM),
        "the index files hold the service's text"
    );

    let wal = dir.join("test.db-wal");
    let wal_size = || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let before = wal_size();

    seller_leaves(&m).await;

    assert_eq!(residue(&dir), Vec::<(String, &str, usize)>::new());
    // The index applies the purge like any change, and rewrites its files without the text.
    search_sync::catch_up(&m.t.app).await.expect("index");
    assert!(m.t.app.search.index().all_ids().expect("ids").is_empty());
    assert!(
        m.t.app
            .search
            .index()
            .all_request_ids()
            .expect("ids")
            .is_empty()
    );
    let (terms, strays) = yorozu_search::terms_and_strays(&index_dir).expect("index files");
    assert!(terms.is_empty(), "terms left in the index files: {terms:?}");
    assert!(strays.is_empty(), "old segment files left: {strays:?}");
    // The WAL was truncated when the purge ended; only the job's own bookkeeping (a few
    // pages) was written after that.
    let after = wal_size();
    assert!(
        after < before && after < 64 * 1024,
        "WAL {before} → {after} bytes"
    );
    // The buyer is untouched.
    assert!(
        count_where(
            &m.t.app.db,
            "SELECT COUNT(*) FROM users WHERE email = 'buyer@example.jp'"
        )
        .await
            == 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_purge_postgres_has_vacuumed_the_purged_tables() {
    let Some(test_db) = TestDb::postgres_if_set().await else {
        return;
    };
    let m = market(test_db.db.clone()).await;
    seller_leaves(&m).await;
    for table in PURGED_TABLES {
        let vacuumed = count_where(
            &m.t.app.db,
            &format!(
                "SELECT COUNT(*) FROM pg_stat_user_tables
                 WHERE schemaname = current_schema() AND relname = '{table}'
                   AND last_vacuum IS NOT NULL"
            ),
        )
        .await;
        assert_eq!(vacuumed, 1, "{table} vacuumed after the purge");
    }
}

/// A writer that appends everything logged to one buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn logs_of_a_whole_withdrawal(test_db: TestDb) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let m = market(test_db.db.clone()).await;
    seller_leaves(&m).await;

    let logs = String::from_utf8_lossy(&captured.0.lock().expect("lock")).into_owned();
    assert!(!logs.is_empty(), "the run logged something");
    for needle in NEEDLES
        .iter()
        .chain(["buyer@example.jp", "買い手", "1234567"].iter())
    {
        assert!(!logs.contains(needle), "{needle} in the logs");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_logs_of_a_whole_withdrawal_carry_no_personal_data_sqlite() {
    logs_of_a_whole_withdrawal(TestDb::sqlite().await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_logs_of_a_whole_withdrawal_carry_no_personal_data_postgres() {
    if let Some(test_db) = TestDb::postgres_if_set().await {
        logs_of_a_whole_withdrawal(test_db).await;
    }
}

/// A member who signs up through the seller's invite link (confirmed like any member).
async fn invitee(t: &support::TestApp) -> yorozu_domain::UserId {
    t.register_confirmed("invited@example.jp", "招待された人")
        .await
        .user_id
}
