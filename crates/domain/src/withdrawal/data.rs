//! What happens to each kind of data on withdrawal: DESIGN.md's table, as data. The
//! withdrawal page, the erasure receipt and the privacy page are all drawn from
//! [`DATA_TABLE`], so they cannot disagree.

/// What happens to a kind of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "fate", rename_all = "snake_case")]
pub enum Fate {
    /// Revoked or stopped at once, when the withdrawal is confirmed.
    EndedAtOnce,
    /// Erased at purge (after the grace period, or at once if the member chose so).
    Erased,
    /// Kept, without the member's identity, for as long as the reason lasts.
    Kept {
        /// How long, in years; `None` for as long as the counterparty's account exists.
        years: Option<u8>,
    },
    /// Forfeited after the member saw the amount and acknowledged it; booked in the ledger.
    Forfeited,
    /// Released for reuse.
    Released,
}

impl Fate {
    /// The fate's part of a data category's message ids (`data-KEY-fate-FATE`): a category
    /// whose fate changes in the code has no message until its text is written for it.
    pub fn key(self) -> &'static str {
        match self {
            Self::EndedAtOnce => "ended-at-once",
            Self::Erased => "erased",
            Self::Kept { .. } => "kept",
            Self::Forfeited => "forfeited",
            Self::Released => "released",
        }
    }
}

/// A kind of data the platform holds about a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataCategory {
    SessionsAndTokens,
    MarketingMail,
    Listings,
    Profile,
    ReviewsReceived,
    ReviewsWritten,
    OrdersAndMessages,
    LedgerEntries,
    BalancesPointsCoupons,
    IdentityBankCards,
    EmailAddress,
    WithdrawalReason,
    /// Reports (通報) the member filed: what the platform was told stays, without who told it.
    ReportsFiled,
    /// On-site notifications (お知らせ), their settings and digests: erased at purge.
    Notifications,
    /// Changes during orders: paid additions and extension requests, kept with the order.
    OrderChanges,
    /// Disputes (トラブル相談) on the member's orders: kept with the order for the
    /// counterparty's records.
    Disputes,
    /// Quote consultations (見積り相談) and custom offers: the member's messages and files, and
    /// offers of theirs that nobody bought, are erased; an offer that became an order stays
    /// with the order as its terms.
    ConsultationsAndOffers,
    /// Requests on the request board (公開依頼) with their files: closed at once (proposals
    /// the member sent are withdrawn), texts and files erased at purge.
    Requests,
    /// Analytics of the member's services (アクセス解析): counts only, erased at purge.
    Analytics,
    /// Follows (フォロー) both ways and friend invitations (友達招待): erased at purge; the
    /// invitation rewards stay as points entries (kept like the ledger).
    FollowsAndInvitations,
}

impl DataCategory {
    /// Stable key; the messages are `data-KEY-name`, `data-KEY-fate` and `data-KEY-why`.
    pub fn key(self) -> &'static str {
        match self {
            Self::SessionsAndTokens => "sessions-and-tokens",
            Self::MarketingMail => "marketing-mail",
            Self::Listings => "listings",
            Self::Profile => "profile",
            Self::ReviewsReceived => "reviews-received",
            Self::ReviewsWritten => "reviews-written",
            Self::OrdersAndMessages => "orders-and-messages",
            Self::LedgerEntries => "ledger-entries",
            Self::BalancesPointsCoupons => "balances-points-coupons",
            Self::IdentityBankCards => "identity-bank-cards",
            Self::EmailAddress => "email-address",
            Self::WithdrawalReason => "withdrawal-reason",
            Self::ReportsFiled => "reports-filed",
            Self::Notifications => "notifications",
            Self::OrderChanges => "order-changes",
            Self::Disputes => "disputes",
            Self::ConsultationsAndOffers => "consultations-and-offers",
            Self::Requests => "requests",
            Self::Analytics => "analytics",
            Self::FollowsAndInvitations => "follows-and-invitations",
        }
    }

    /// What happens to it on withdrawal.
    pub fn fate(self) -> Fate {
        match self {
            Self::SessionsAndTokens | Self::MarketingMail => Fate::EndedAtOnce,
            Self::Listings
            | Self::Profile
            | Self::ReviewsReceived
            | Self::IdentityBankCards
            | Self::Notifications
            | Self::ConsultationsAndOffers
            | Self::Requests
            | Self::Analytics
            | Self::FollowsAndInvitations => Fate::Erased,
            Self::ReviewsWritten
            | Self::OrdersAndMessages
            | Self::WithdrawalReason
            | Self::ReportsFiled
            | Self::OrderChanges
            | Self::Disputes => Fate::Kept { years: None },
            // Tax records: seven years.
            Self::LedgerEntries => Fate::Kept { years: Some(7) },
            Self::BalancesPointsCoupons => Fate::Forfeited,
            Self::EmailAddress => Fate::Released,
        }
    }
}

/// Every category, in the order the pages list them.
pub const DATA_TABLE: [DataCategory; 20] = [
    DataCategory::SessionsAndTokens,
    DataCategory::MarketingMail,
    DataCategory::Listings,
    DataCategory::Profile,
    DataCategory::ReviewsReceived,
    DataCategory::ReviewsWritten,
    DataCategory::OrdersAndMessages,
    DataCategory::LedgerEntries,
    DataCategory::BalancesPointsCoupons,
    DataCategory::IdentityBankCards,
    DataCategory::EmailAddress,
    DataCategory::WithdrawalReason,
    DataCategory::ReportsFiled,
    DataCategory::Notifications,
    DataCategory::OrderChanges,
    DataCategory::Disputes,
    DataCategory::ConsultationsAndOffers,
    DataCategory::Requests,
    DataCategory::Analytics,
    DataCategory::FollowsAndInvitations,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_design() {
        assert_eq!(
            DataCategory::ReviewsWritten.fate(),
            Fate::Kept { years: None }
        );
        assert_eq!(DataCategory::ReviewsReceived.fate(), Fate::Erased);
        assert_eq!(
            DataCategory::LedgerEntries.fate(),
            Fate::Kept { years: Some(7) }
        );
        assert_eq!(DataCategory::EmailAddress.fate(), Fate::Released);
        let mut keys: Vec<&str> = DATA_TABLE.iter().map(|c| c.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), DATA_TABLE.len());
    }
}
