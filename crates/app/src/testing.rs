//! An application for tests: its clock stands still until told to move, its files are
//! encrypted into a given folder, and its mail is kept in the database's `mailbox` table.
//! The use-case, web and generator tests all build theirs here.

use std::path::Path;
use std::sync::Arc;

use yorozu_store::Db;

use crate::App;
use crate::config::{Policy, Site};
use crate::crypto::Signer;
use crate::ids::IdGenerator;
use crate::legal::Business;
use crate::ports::{EncryptedDirStore, FixedClock, MailboxMailer, SandboxGateway};

/// An `App` over `db` with the default policy (but a generous per-client request limit); `key` fills the file and signing keys.
pub fn app(db: Db, clock: Arc<FixedClock>, files_dir: &Path, key: u8) -> App {
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
        // Tests register many members from one address; the per-client limits' own tests
        // lower this again.
        policy: Policy {
            client_request_limit: 1_000,
            ..Policy::default()
        },
        site: Site {
            base_url: "http://test.local".into(),
            mail_from: "Yorozu <no-reply@yorozu.test>".into(),
            business: Business::default(),
        },
        ids: IdGenerator,
        catalog: Default::default(),
        payments: Arc::new(SandboxGateway::default()),
    }
}

/// A full-access API token for a member, made without the password and confirmation that
/// the settings page asks for (fixtures of the web tests and the benchmark).
pub async fn api_token(app: &App, user_id: i64) -> crate::AppResult<String> {
    api_token_with(app, user_id, yorozu_domain::accounts::TokenScope::Full).await
}

/// [`api_token`] with a chosen scope.
pub async fn api_token_with(
    app: &App,
    user_id: i64,
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
