//! Shared set-up for the use-case tests: an `App` over a test database with a clock that only
//! moves when told to, an encrypted file store in a temporary folder and mail captured in the
//! `mailbox` table.

// Each test file uses a different part of this module; the rest would warn as dead code.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;
use yorozu_domain::ListingId;
use yorozu_domain::UserId;

use yorozu_app::App;
use yorozu_app::accounts::register::{Registered, Registration, register};
use yorozu_app::accounts::{Client, CurrentUser, sessions};
use yorozu_app::jobs::Worker;
use yorozu_app::ports::FixedClock;
use yorozu_domain::Locale;
use yorozu_store::Db;
use yorozu_store::mailbox::{self, MailboxRow};
use yorozu_store::testing::TempDir;

/// 2025-06-15T15:06:40Z: any fixed moment after the id epoch will do.
pub const START: i64 = 1_750_000_000;
pub const PASSWORD: &str = "correct horse battery";
pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;

/// The application under test and the handles a test needs to steer it.
#[derive(Debug)]
pub struct TestApp {
    pub app: App,
    pub clock: Arc<FixedClock>,
    /// Where the encrypted files live; removed when the test ends.
    pub files_dir: TempDir,
    /// This process's search index folder; removed when the test ends.
    pub search_dir: TempDir,
}

pub fn test_app(db: Db) -> TestApp {
    test_app_with_key(db, 7)
}

pub fn test_app_with_key(db: Db, key: u8) -> TestApp {
    let clock = Arc::new(FixedClock::at(START));
    let files_dir = TempDir::new("yorozu-files");
    let search_dir = TempDir::new("yorozu-search");
    let mut app = yorozu_app::testing::app(
        db,
        clock.clone(),
        &files_dir.0,
        key,
        search_index(&search_dir),
    );
    app.policy.purge_pause_ms = 0;
    TestApp {
        app,
        clock,
        files_dir,
        search_dir,
    }
}

/// A tantivy search index in `dir`, as a process keeps in its data folder.
pub fn search_index(dir: &TempDir) -> Arc<dyn yorozu_app::ports::SearchIndex> {
    Arc::new(yorozu_search::TantivyIndex::open(&dir.0).expect("search index"))
}

impl TestApp {
    pub fn advance(&self, seconds: i64) {
        self.clock.advance_seconds(seconds);
    }

    /// Runs every due job until none is left; returns how many ran.
    pub async fn run_jobs(&self) -> usize {
        Worker::new(self.app.clone(), Duration::from_millis(10))
            .run_due()
            .await
            .expect("job worker")
    }

    /// Registers a member (not yet confirmed) with [`PASSWORD`].
    pub async fn register(&self, email: &str, name: &str) -> Registered {
        register(
            &self.app,
            &Registration {
                email,
                password: PASSWORD,
                display_name: name,
                locale: Locale::Ja,
            },
            &client(),
        )
        .await
        .expect("register")
        .registered()
        .expect("a new member")
    }

    /// Registers a member and confirms the address through the mailed link.
    pub async fn register_confirmed(&self, email: &str, name: &str) -> Registered {
        let registered = self.register(email, name).await;
        self.run_jobs().await;
        let token = token_in(&self.last_mail_to(email).await.body_text);
        yorozu_app::accounts::confirm::confirm_email(&self.app, &token)
            .await
            .expect("confirm");
        registered
    }

    /// The member behind a session cookie, as the web layer would see them.
    pub async fn current_user(&self, session_token: &str) -> (CurrentUser, String) {
        sessions::authenticate(&self.app, session_token)
            .await
            .expect("authenticate")
            .expect("live session")
    }

    pub async fn load_user(&self, user_id: UserId) -> CurrentUser {
        let mut c = self.app.db.read().await.expect("read");
        CurrentUser::load(&mut c, user_id)
            .await
            .expect("load")
            .expect("active member")
    }

    /// Every delivered mail, oldest first.
    pub async fn mailbox(&self) -> Vec<MailboxRow> {
        let mut c = self.app.db.read().await.expect("read");
        let mut rows = mailbox::latest(&mut c, 10_000).await.expect("mailbox");
        rows.reverse();
        rows
    }

    pub async fn mails_to(&self, to: &str) -> Vec<MailboxRow> {
        self.mailbox()
            .await
            .into_iter()
            .filter(|m| m.to_addr == to)
            .collect()
    }

    pub async fn last_mail_to(&self, to: &str) -> MailboxRow {
        self.mails_to(to)
            .await
            .pop()
            .unwrap_or_else(|| panic!("no mail to {to}"))
    }

    /// Counts rows of a table (tests only: the name is never user input).
    pub async fn count(&self, table: &str) -> i64 {
        count_rows(&self.app.db, table).await
    }
}

pub async fn count_rows(db: &Db, table: &str) -> i64 {
    let mut c = db.read().await.expect("read");
    let sql = format!("SELECT COUNT(*) FROM {table}");
    yorozu_store::query_scalar!(&mut c, fetch_one, i64, sqlx::AssertSqlSafe(sql)).expect("count")
}

pub fn client() -> Client {
    Client {
        ip: "192.0.2.10".into(),
        user_agent: "test-browser/1.0".into(),
    }
}

/// The token of the first mailed link (`...?token=XYZ`) in a mail body.
pub fn token_in(body: &str) -> String {
    let start = body
        .find("token=")
        .unwrap_or_else(|| panic!("no link with a token in:\n{body}"))
        + "token=".len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// The first `http(s)://` link in a mail body.
pub fn link_in(body: &str) -> String {
    let start = body
        .find("http")
        .unwrap_or_else(|| panic!("no link in:\n{body}"));
    body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// A PNG of the given size, drawn with a gradient so that it is not trivially compressible.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode png");
    out.into_inner()
}

pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG")
}

/// The `(field, code)` pairs of an `Invalid` error; any other outcome fails the test.
pub fn invalid_fields<T: std::fmt::Debug>(
    result: Result<T, yorozu_app::AppError>,
) -> Vec<(&'static str, &'static str)> {
    match result {
        Err(yorozu_app::AppError::Invalid(errors)) => {
            errors.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected AppError::Invalid, got {other:?}"),
    }
}

/// The code of a `LinkInvalid` error; any other outcome fails the test.
pub fn link_invalid<T: std::fmt::Debug>(result: Result<T, yorozu_app::AppError>) -> &'static str {
    match result {
        Err(yorozu_app::AppError::LinkInvalid(code)) => code,
        other => panic!("expected AppError::LinkInvalid, got {other:?}"),
    }
}

/// Queued (not yet run) jobs of a kind.
pub async fn queued_jobs<J: yorozu_app::jobs::Job>(db: &Db) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_app::jobs::count_queued::<J>(&mut c)
        .await
        .expect("count jobs")
}

// ---- Listings (services) ----

/// A complete, valid listing form: 名刺・チラシ > 名刺 (301), ¥3,000, 5 days, 2 revisions,
/// no options or FAQ. Tests change the fields they care about.
pub fn listing_form(title: &str, description: &str) -> yorozu_app::listings::form::ListingForm {
    yorozu_app::listings::form::ListingForm {
        title: title.into(),
        category: "301".into(),
        description: description.into(),
        price: "3000".into(),
        delivery_days: "5".into(),
        revisions: "2".into(),
        buyer_notes: String::new(),
        ..Default::default()
    }
}

/// A member whose address is confirmed, as the web layer would see them.
pub async fn confirmed_member(t: &TestApp, email: &str, name: &str) -> CurrentUser {
    let registered = t.register_confirmed(email, name).await;
    t.load_user(registered.user_id).await
}

/// Creates a draft and publishes it; returns its id.
pub async fn publish_new(
    t: &TestApp,
    seller: &CurrentUser,
    form: &yorozu_app::listings::form::ListingForm,
) -> ListingId {
    use yorozu_app::listings::{edit, manage};
    let id = edit::create(&t.app, seller, form)
        .await
        .expect("create listing");
    manage::apply(&t.app, seller, id, manage::Action::Publish)
        .await
        .expect("publish listing");
    id
}

/// Every field error of an `Invalid` error, with its arguments; any other outcome fails.
pub fn field_errors<T: std::fmt::Debug>(
    result: Result<T, yorozu_app::AppError>,
) -> Vec<yorozu_app::FieldError> {
    match result {
        Err(yorozu_app::AppError::Invalid(errors)) => errors,
        other => panic!("expected AppError::Invalid, got {other:?}"),
    }
}

/// Sets the counters that reviews and orders will maintain (not writable through any use case
/// yet), so that rating filters and sorts can be tested.
pub async fn set_listing_stats(
    db: &Db,
    listing_id: ListingId,
    rating_x100: i64,
    rating_count: i64,
    sales: i64,
    rank: i64,
) {
    let mut tx = db.begin().await.expect("begin");
    yorozu_store::execute!(
        &mut tx,
        "UPDATE listings SET rating_x100 = $2, rating_count = $3, rating_sum = $2 * $3 / 100, sales_count = $4,
                             rank_score = $5
         WHERE id = $1",
        listing_id.get(),
        rating_x100,
        rating_count,
        sales,
        rank
    )
    .expect("update listing stats");
    tx.commit().await.expect("commit");
}

/// Rows of a listing's child table (`listing_images`, `search_changes`, …).
pub async fn count_for_listing(db: &Db, table: &str, listing_id: ListingId) -> i64 {
    let mut c = db.read().await.expect("read");
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE listing_id = $1");
    yorozu_store::query_scalar!(
        &mut c,
        fetch_one,
        i64,
        sqlx::AssertSqlSafe(sql),
        listing_id.get()
    )
    .expect("count")
}
pub mod orders;
pub mod payouts;
pub mod withdrawal;
