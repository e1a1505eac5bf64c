//! What kind of mail a message is, which decides whether a member may switch it off.

/// Mail categories. Transactional ones cannot be switched off; marketing ones are opt-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MailCategory {
    /// Sign-up, password, e-mail change, identity decisions, security notices.
    Account,
    /// Orders, payments, deliveries, payouts: what a member must know about their money.
    Transactions,
    /// New talk-room messages.
    Messages,
    /// Quote consultations, custom offers and the request board: a member may switch this
    /// mail off (the notification centre still shows them) — what they buy is mailed as a
    /// transaction.
    Offers,
    /// News from sellers the member follows or favourites.
    Favorites,
    /// Recommended services (marketing).
    Recommendations,
    /// The newsletter (メルマガ, marketing).
    Newsletter,
}

impl MailCategory {
    pub const ALL: [MailCategory; 7] = [
        MailCategory::Account,
        MailCategory::Transactions,
        MailCategory::Messages,
        MailCategory::Offers,
        MailCategory::Favorites,
        MailCategory::Recommendations,
        MailCategory::Newsletter,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MailCategory::Account => "account",
            MailCategory::Transactions => "transactions",
            MailCategory::Messages => "messages",
            MailCategory::Offers => "offers",
            MailCategory::Favorites => "favorites",
            MailCategory::Recommendations => "recommendations",
            MailCategory::Newsletter => "newsletter",
        }
    }

    pub fn parse(key: &str) -> Option<MailCategory> {
        MailCategory::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Transactional mail always goes out: a member must learn about their account and money.
    pub fn is_transactional(self) -> bool {
        matches!(self, MailCategory::Account | MailCategory::Transactions)
    }

    /// Marketing mail needs an explicit opt-in and carries one-click unsubscribe headers.
    pub fn is_marketing(self) -> bool {
        matches!(
            self,
            MailCategory::Recommendations | MailCategory::Newsletter
        )
    }

    /// The setting a member has before touching it: on for service mail, off for marketing.
    pub fn default_enabled(self) -> bool {
        !self.is_marketing()
    }
}
