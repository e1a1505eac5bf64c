//! The application: its ports and settings, shared by every use case.

use std::sync::Arc;

use yorozu_store::Db;

use crate::catalog::CatalogCache;
use crate::config::{Policy, Site};
use crate::crypto::Signer;
use crate::ids::IdGenerator;
use crate::ports::{Clock, FileStore, Mailer, PaymentGateway};
use crate::search_sync::SearchFeed;

#[derive(Debug, Clone)]
pub struct App {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub files: Arc<dyn FileStore>,
    pub mailer: Arc<dyn Mailer>,
    /// Cards, charges and refunds; the built-in sandbox unless a real provider is configured.
    pub payments: Arc<dyn PaymentGateway>,
    pub signer: Signer,
    pub policy: Policy,
    pub site: Site,
    pub ids: IdGenerator,
    /// Service pages, rendered anonymous pages and search results, dropped by what the
    /// catalogue change log says changed.
    pub catalog: Arc<CatalogCache>,
    /// This process's search index and how far it has applied the change log.
    pub search: Arc<SearchFeed>,
    /// Analytics counts not yet written (impressions and views), flushed in batches.
    pub analytics: Arc<crate::analytics::Counter>,
}

impl App {
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// A new id of the kind the row needs (`UserId`, `OrderId`, …; a plain `i64` for rows
    /// whose ids have no type of their own yet), so a new row is typed from the start.
    pub fn new_id<T: From<i64>>(&self) -> T {
        T::from(self.ids.next(self.clock.as_ref()))
    }

    /// An absolute URL for a path on this site (for mail).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.site.base_url)
    }
}
