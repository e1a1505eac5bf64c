//! An application for tests: its clock stands still until told to move, its files are
//! encrypted into a given folder, and its mail is kept in the database's `mailbox` table.
//! The use-case, web and generator tests all build theirs here.

use std::path::Path;
use std::sync::Arc;
use yorozu_domain::UserId;

use yorozu_store::Db;

use crate::App;
use crate::config::{Policy, Site};
use crate::crypto::Signer;
use crate::ids::IdGenerator;
use crate::legal::Business;
use crate::ports::{EncryptedDirStore, FixedClock, MailboxMailer, SandboxGateway, SearchIndex};
use crate::search_sync::SearchFeed;

/// An `App` over `db` with the default policy; `key` fills the file and signing keys; `search`
/// is the index (the tantivy one of `yorozu-search` in a temporary folder).
///
/// Tests register many members from one address, so the per-client request limit is generous
/// (its own tests lower it). Two rules are off, as on the e2e server, because most tests are
/// about something else: the hold on payouts after a bank account change and the operators'
/// duty to use two-step sign-in. Their own tests turn them back on
/// (`app.policy.bank_change_hold_hours = 72`, `app.policy.operator_two_step = true`);
/// production has both on by default.
pub fn app(
    db: Db,
    clock: Arc<FixedClock>,
    files_dir: &Path,
    key: u8,
    search: Arc<dyn SearchIndex>,
) -> App {
    App {
        db: db.clone(),
        clock: clock.clone(),
        files: Arc::new(EncryptedDirStore::new(files_dir.to_path_buf(), &[key; 32])),
        mailer: Arc::new(MailboxMailer {
            db,
            clock,
            ids: IdGenerator,
        }),
        signer: Signer::new([key; 32]),
        policy: Policy {
            client_request_limit: 1_000,
            bank_change_hold_hours: 0,
            operator_two_step: false,
            ..Policy::default()
        },
        site: Site {
            base_url: "http://test.local".into(),
            mail_from: "Yorozu <no-reply@yorozu.test>".into(),
            business: Business::default(),
            og_font: crate::share::font::DEFAULT_PATH.into(),
        },
        ids: IdGenerator,
        catalog: Default::default(),
        payments: Arc::new(SandboxGateway::default()),
        search: Arc::new(SearchFeed::new(search)),
        analytics: Default::default(),
    }
}

/// A full-access API token for a member, made without the password and confirmation that
/// the settings page asks for (fixtures of the web tests and the benchmark).
pub async fn api_token(app: &App, user_id: UserId) -> crate::AppResult<String> {
    api_token_with(app, user_id, yorozu_domain::accounts::TokenScope::Full).await
}

/// [`api_token`] with a chosen scope.
pub async fn api_token_with(
    app: &App,
    user_id: UserId,
    scope: yorozu_domain::accounts::TokenScope,
) -> crate::AppResult<String> {
    let (_, secret) = crate::accounts::api_tokens::issue(
        app,
        user_id,
        "tests".to_owned(),
        scope,
        yorozu_domain::accounts::TokenLifetime::DEFAULT,
    )
    .await?;
    Ok(secret)
}
