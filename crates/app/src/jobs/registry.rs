//! The one registry of job kinds: what the runner calls for a claimed row's `kind`. A kind
//! missing here is reported like any failure ("unknown job kind …") and retried with backoff
//! until its attempts run out, so a row queued by a newer server is not dropped at once by an
//! older one running beside it.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;

use super::Job;
use crate::{
    App, AppResult, export, follows, identity, mail, offers, orders, requests, withdrawal,
};

type Running<'a> = Pin<Box<dyn Future<Output = AppResult<()>> + Send + 'a>>;

/// How to run one kind: decode the payload into its type and call [`Job::run`].
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub run: for<'a> fn(&'a App, &'a str) -> Running<'a>,
    pub forget_payload_when_done: bool,
}

/// Every job kind the runner knows, by stored kind.
#[derive(Debug)]
pub struct Registry {
    entries: HashMap<&'static str, Entry>,
}

impl Registry {
    fn with_every_kind() -> Registry {
        let mut r = Registry {
            entries: HashMap::new(),
        };
        r.register::<mail::outbox::MailJob>();
        r.register::<identity::erase::EraseDocumentFile>();
        r.register::<export::request::ExportJob>();
        r.register::<orders::job_kinds::AutoApprove>();
        r.register::<orders::job_kinds::CancellationTimeout>();
        r.register::<orders::job_kinds::PaymentExpiry>();
        r.register::<orders::job_kinds::Refund>();
        r.register::<orders::dispute_decide::PartialRefund>();
        r.register::<orders::changes::additions::AdditionRefund>();
        r.register::<withdrawal::job_kinds::Purge>();
        r.register::<withdrawal::job_kinds::Attempt>();
        r.register::<offers::job_kinds::OfferExpiring>();
        r.register::<offers::job_kinds::OfferExpiry>();
        r.register::<requests::job_kinds::RequestDeadline>();
        r.register::<follows::job_kinds::NewServiceFanOut>();
        r
    }

    fn register<J: Job>(&mut self) {
        let entry = Entry {
            run: run::<J>,
            forget_payload_when_done: J::FORGET_PAYLOAD_WHEN_DONE,
        };
        let earlier = self.entries.insert(J::KIND, entry);
        debug_assert!(earlier.is_none(), "job kind {} registered twice", J::KIND);
    }

    /// The entry for a stored kind.
    pub fn get(&self, kind: &str) -> Option<Entry> {
        self.entries.get(kind).copied()
    }

    /// Every registered kind, sorted.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<_> = self.entries.keys().copied().collect();
        kinds.sort_unstable();
        kinds
    }
}

/// The registry, built once.
pub fn registry() -> &'static Registry {
    static REGISTRY: LazyLock<Registry> = LazyLock::new(Registry::with_every_kind);
    &REGISTRY
}

/// A payload that does not decode is an error like any other (`json: …`), retried and then
/// failed.
fn run<'a, J: Job>(app: &'a App, payload: &'a str) -> Running<'a> {
    Box::pin(async move {
        let job: J = serde_json::from_str(payload)?;
        job.run(app).await
    })
}

#[cfg(test)]
mod tests {
    use super::registry;

    /// The stored kinds: queued rows carry these strings, so none may change.
    #[test]
    fn every_kind_is_registered_once_with_its_stored_name() {
        assert_eq!(
            registry().kinds(),
            [
                "export.build",
                "follows.new_service",
                "identity.erase-file",
                "mail.send",
                "offers.expiring",
                "offers.expiry",
                "orders.addition_refund",
                "orders.auto_approve",
                "orders.cancellation_timeout",
                "orders.dispute_partial_refund",
                "orders.payment_expiry",
                "orders.refund",
                "requests.deadline",
                "withdrawal.attempt",
                "withdrawal.purge",
            ]
        );
    }
}
