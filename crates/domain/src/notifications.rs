//! On-site notifications (お知らせ): what happened ([`NotificationKind`]) and the page it
//! links to ([`NotificationSubject`]).

use crate::moderation::report::keyed;
use crate::stored::UnknownKey;
use crate::{ConsultationId, ListingId, OrderId};

keyed!(
    /// An event a member is told about. Each has a message `notification-KEY` (dashes for
    /// underscores) in both locales; the kinds of other areas are listed here so that wiring
    /// an event is one call.
    NotificationKind, "notification kind" {
        /// A new message in a talk room.
        NewMessage => "new_message",
        /// A buyer bought the seller's service.
        OrderPlaced => "order_placed",
        /// The seller delivered formally.
        OrderDelivered => "order_delivered",
        /// The buyer approved the delivery.
        OrderApproved => "order_approved",
        /// The delivery was approved automatically after the waiting time.
        OrderAutoApproved => "order_auto_approved",
        /// The order was cancelled.
        OrderCancelled => "order_cancelled",
        /// The other party asked to cancel the order.
        CancellationRequested => "cancellation_requested",
        /// The other party reviewed the member.
        ReviewReceived => "review_received",
        /// A dispute (トラブル相談) was opened on the order.
        DisputeOpened => "dispute_opened",
        /// The other party added a statement to the dispute.
        DisputeStatement => "dispute_statement",
        /// An operator decided the dispute.
        DisputeDecided => "dispute_decided",
        /// The dispute was withdrawn.
        DisputeWithdrawn => "dispute_withdrawn",
        /// A payout request was received.
        PayoutRequested => "payout_requested",
        /// A payout was transferred.
        PayoutPaid => "payout_paid",
        /// A payout transfer failed.
        PayoutFailed => "payout_failed",
        /// An operator decided about the member's content or account.
        ModerationOutcome => "moderation_outcome",
        /// A member asked the seller for a quote (見積り相談).
        ConsultationReceived => "consultation_received",
        /// A new message in a quote consultation.
        ConsultationMessage => "consultation_message",
        /// A seller sent the member a custom offer.
        OfferReceived => "offer_received",
        /// The seller revised an offer.
        OfferRevised => "offer_revised",
        /// The buyer accepted the member's offer.
        OfferAccepted => "offer_accepted",
        /// The buyer declined the member's offer.
        OfferDeclined => "offer_declined",
        /// An offer the member received expires soon.
        OfferExpiring => "offer_expiring",
        /// A seller proposed on the member's request.
        ProposalReceived => "proposal_received",
        /// The buyer chose the member's proposal.
        ProposalChosen => "proposal_chosen",
        /// The buyer chose another proposal.
        ProposalNotChosen => "proposal_not_chosen",
        /// A request the member proposed on or posted was closed.
        RequestClosed => "request_closed",
        /// The seller proposed a paid addition (追加オプション).
        AdditionProposed => "addition_proposed",
        /// The buyer accepted a paid addition.
        AdditionAccepted => "addition_accepted",
        /// The buyer declined a paid addition.
        AdditionDeclined => "addition_declined",
        /// The seller withdrew a paid addition before it was answered.
        AdditionWithdrawn => "addition_withdrawn",
        /// The other party asked for a new delivery date.
        ExtensionRequested => "extension_requested",
        /// The other party answered a delivery-date request.
        ExtensionAnswered => "extension_answered",
        /// The other party withdrew their delivery-date request.
        ExtensionWithdrawn => "extension_withdrawn",
        /// The buyer sent a tip (おひねり).
        TipReceived => "tip_received",
        /// A seller the member follows published a new service.
        FollowedSellerNewService => "followed_seller_new_service",
    }
);

impl NotificationKind {
    /// The Fluent message naming this event (`notification-order-placed`).
    pub fn message_id(self) -> String {
        format!("notification-{}", self.as_str().replace('_', "-"))
    }
}

keyed!(
    /// What kind of page a notification links to.
    SubjectKind, "notification subject" {
        Order => "order",
        Message => "message",
        Dispute => "dispute",
        Payout => "payout",
        Moderation => "moderation",
        Consultation => "consultation",
        Request => "request",
        Listing => "listing",
    }
);

/// The page a notification links to: a typed id, so a link cannot point at the wrong thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum NotificationSubject {
    /// An order's page.
    Order(OrderId),
    /// The talk room of an order (a new message).
    Message(OrderId),
    /// The dispute panel on an order's page.
    Dispute(OrderId),
    /// A payout request (shown on the sales page).
    Payout(i64),
    /// The member's page of reports and operators' notices (moderation outcomes).
    Moderation,
    /// A quote consultation's thread, where its offers are sent and answered.
    Consultation(ConsultationId),
    /// A request on the request board.
    Request(i64),
    /// A service page.
    Listing(ListingId),
}

impl NotificationSubject {
    /// The stored pair: kind and id (0 where the kind has no id).
    pub fn parts(self) -> (SubjectKind, i64) {
        use NotificationSubject as S;
        match self {
            S::Order(id) => (SubjectKind::Order, id.get()),
            S::Message(id) => (SubjectKind::Message, id.get()),
            S::Dispute(id) => (SubjectKind::Dispute, id.get()),
            S::Payout(id) => (SubjectKind::Payout, id),
            S::Moderation => (SubjectKind::Moderation, 0),
            S::Consultation(id) => (SubjectKind::Consultation, id.get()),
            S::Request(id) => (SubjectKind::Request, id),
            S::Listing(id) => (SubjectKind::Listing, id.get()),
        }
    }

    /// The subject a stored pair names.
    pub fn from_parts(kind: SubjectKind, id: i64) -> NotificationSubject {
        use NotificationSubject as S;
        match kind {
            SubjectKind::Order => S::Order(OrderId::new(id)),
            SubjectKind::Message => S::Message(OrderId::new(id)),
            SubjectKind::Dispute => S::Dispute(OrderId::new(id)),
            SubjectKind::Payout => S::Payout(id),
            SubjectKind::Moderation => S::Moderation,
            SubjectKind::Consultation => S::Consultation(ConsultationId::new(id)),
            SubjectKind::Request => S::Request(id),
            SubjectKind::Listing => S::Listing(ListingId::new(id)),
        }
    }

    /// The path of the page (relative to the site).
    pub fn path(self) -> String {
        use NotificationSubject as S;
        match self {
            S::Order(id) => format!("/orders/{id}"),
            S::Message(id) => format!("/orders/{id}#talk"),
            S::Dispute(id) => format!("/orders/{id}#dispute"),
            S::Payout(_) => "/sales".to_owned(),
            S::Moderation => "/settings/reports".to_owned(),
            S::Consultation(id) => format!("/consultations/{id}#offers"),
            S::Request(id) => format!("/requests/{id}"),
            S::Listing(id) => format!("/services/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_round_trip_through_their_stored_parts() {
        let subjects = [
            NotificationSubject::Order(OrderId::new(7)),
            NotificationSubject::Message(OrderId::new(7)),
            NotificationSubject::Dispute(OrderId::new(7)),
            NotificationSubject::Payout(9),
            NotificationSubject::Moderation,
            NotificationSubject::Consultation(ConsultationId::new(3)),
            NotificationSubject::Request(4),
            NotificationSubject::Listing(ListingId::new(5)),
        ];
        for subject in subjects {
            let (kind, id) = subject.parts();
            assert_eq!(NotificationSubject::from_parts(kind, id), subject);
        }
    }

    #[test]
    fn kinds_have_distinct_message_ids() {
        let mut ids: Vec<_> = NotificationKind::ALL
            .iter()
            .map(|k| k.message_id())
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), NotificationKind::ALL.len());
    }
}
