//! What changed between two versions of an offer, so the buyer sees at a glance what the
//! seller revised.

/// The parts of an offer's terms a revision can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferField {
    Title,
    Included,
    Price,
    DeliveryDays,
    Revisions,
    Options,
    Expiry,
}

impl OfferField {
    /// The message key naming the field (`offer-field-price`, …).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Title => "offer-field-title",
            Self::Included => "offer-field-included",
            Self::Price => "offer-field-price",
            Self::DeliveryDays => "offer-field-delivery_days",
            Self::Revisions => "offer-field-revisions",
            Self::Options => "offer-field-options",
            Self::Expiry => "offer-field-expiry",
        }
    }
}

/// The comparable content of one version: plain values, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsDigest<'a> {
    pub title: &'a str,
    pub included: &'a str,
    pub price: i64,
    pub delivery_days: i64,
    pub revisions: i64,
    /// Title and price of each option, in order.
    pub options: Vec<(&'a str, i64)>,
    pub expires_at: i64,
}

/// The fields in which `next` differs from `previous`, in the order the form shows them.
pub fn changed_fields(previous: &TermsDigest<'_>, next: &TermsDigest<'_>) -> Vec<OfferField> {
    let mut changed = Vec::new();
    let mut note = |differs: bool, field| {
        if differs {
            changed.push(field);
        }
    };
    note(previous.title != next.title, OfferField::Title);
    note(previous.included != next.included, OfferField::Included);
    note(previous.price != next.price, OfferField::Price);
    note(
        previous.delivery_days != next.delivery_days,
        OfferField::DeliveryDays,
    );
    note(previous.revisions != next.revisions, OfferField::Revisions);
    note(previous.options != next.options, OfferField::Options);
    note(previous.expires_at != next.expires_at, OfferField::Expiry);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(price: i64) -> TermsDigest<'static> {
        TermsDigest {
            title: "ロゴ制作",
            included: "ロゴ3案",
            price,
            delivery_days: 7,
            revisions: 2,
            options: vec![("商用利用", 1_000)],
            expires_at: 100,
        }
    }

    #[test]
    fn lists_only_what_changed() {
        assert!(changed_fields(&digest(5_000), &digest(5_000)).is_empty());
        let mut next = digest(4_000);
        next.delivery_days = 10;
        next.options.clear();
        assert_eq!(
            changed_fields(&digest(5_000), &next),
            vec![
                OfferField::Price,
                OfferField::DeliveryDays,
                OfferField::Options
            ]
        );
    }
}
