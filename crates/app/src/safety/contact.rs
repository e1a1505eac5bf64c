//! The contact-details rule (直接取引の禁止) around the writing use cases: texts are checked
//! with the domain's detector and the operators' NG words before they are saved; the writer
//! is warned with the found parts, and may send anyway, in which case the text is saved and
//! [`sent_anyway`] puts it in front of the operators.

use yorozu_domain::contact_rule::{self, Finding, FindingKind, Segment};
use yorozu_domain::moderation::{ReportReason, TargetKind};
use yorozu_store::safety::ng_words;

use crate::moderation::targets::Target;
use crate::{App, AppResult};

/// What was written: the kind of thing a text that broke the rule was saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactTarget {
    /// A talk-room message (its id).
    Message,
    /// A service's texts (the listing id).
    Listing,
    /// A profile's texts (the member's id).
    Profile,
    /// A quote consultation's message (its id).
    ConsultationMessage,
    /// A custom offer's texts (the offer version's id).
    Offer,
    /// A request of the board (its id).
    Request,
    /// A tip's message (the tip's id).
    Tip,
}

impl ContactTarget {
    /// What the moderation queue calls it.
    pub fn kind(self) -> TargetKind {
        match self {
            ContactTarget::Message => TargetKind::Message,
            ContactTarget::Listing => TargetKind::Service,
            ContactTarget::Profile => TargetKind::Profile,
            ContactTarget::ConsultationMessage => TargetKind::ConsultationMessage,
            ContactTarget::Offer => TargetKind::Offer,
            ContactTarget::Request => TargetKind::Request,
            ContactTarget::Tip => TargetKind::Tip,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContactTarget::Message => "message",
            ContactTarget::Listing => "listing",
            ContactTarget::Profile => "profile",
            ContactTarget::ConsultationMessage => "consultation_message",
            ContactTarget::Offer => "offer",
            ContactTarget::Request => "request",
            ContactTarget::Tip => "tip",
        }
    }
}

/// The findings in one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldFindings {
    /// The form field (`body`, `title`, `introduction`…).
    pub field: &'static str,
    /// The text as submitted (entries of a list field joined by line breaks).
    pub text: String,
    pub findings: Vec<Finding>,
}

impl FieldFindings {
    /// The text cut at its findings, for showing it highlighted.
    pub fn segments(&self) -> Vec<Segment> {
        contact_rule::segments(&self.text, &self.findings)
    }
}

/// Why a text is held back until the writer confirms: the fields with findings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContactWarning {
    pub fields: Vec<FieldFindings>,
}

impl ContactWarning {
    /// The kinds found, each once, in a stable order.
    pub fn kinds(&self) -> Vec<FindingKind> {
        let mut kinds: Vec<FindingKind> = self
            .fields
            .iter()
            .flat_map(|f| f.findings.iter().map(|x| x.kind))
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// A summary without the found text itself (it is personal data that the audit log would
    /// keep after a purge): `body: email×1, phone×1`.
    pub fn summary(&self) -> String {
        self.fields
            .iter()
            .map(|f| {
                let mut kinds: Vec<&str> = f.findings.iter().map(|x| x.kind.as_str()).collect();
                kinds.sort_unstable();
                let mut parts: Vec<String> = Vec::new();
                for kind in &kinds {
                    let n = kinds.iter().filter(|k| *k == kind).count();
                    let part = format!("{kind}×{n}");
                    if !parts.contains(&part) {
                        parts.push(part);
                    }
                }
                format!("{}: {}", f.field, parts.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Checks the texts of a form (`(field, text)`); `None` when nothing breaks the rule.
pub async fn review(
    app: &App,
    texts: &[(&'static str, &str)],
) -> AppResult<Option<ContactWarning>> {
    let words = {
        let mut c = app.db.read().await?;
        ng_words::keys(&mut c).await?
    };
    let fields: Vec<FieldFindings> = texts
        .iter()
        .filter_map(|(field, text)| {
            let findings = contact_rule::find(text, &words);
            (!findings.is_empty()).then(|| FieldFindings {
                field,
                text: (*text).to_owned(),
                findings,
            })
        })
        .collect();
    Ok((!fields.is_empty()).then_some(ContactWarning { fields }))
}

/// A text that broke the rule was saved because its writer confirmed: it lands in the
/// moderation queue as an automatic entry (reason: contact-details exchange) for operators to
/// judge. The entry's note names the kinds found, never the found text.
pub async fn sent_anyway(
    app: &App,
    target: ContactTarget,
    target_id: i64,
    summary: &str,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    crate::moderation::automatic::flag_automatically(
        &mut tx,
        app,
        Target {
            kind: target.kind(),
            id: target_id,
        },
        ReportReason::ContactDetails,
        summary,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
