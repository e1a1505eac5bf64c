//! The talk room (トークルーム): the kinds of its entries.

/// What a talk-room entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// A message of the buyer or the seller.
    Message,
    /// The note of a formal delivery, written by the seller with the delivered files.
    Delivery,
    /// A note of the platform on what happened: it has no author, and its body is a message
    /// id (`order-event-…`) shown in the reader's language.
    Event,
}

impl MessageKind {
    /// Every kind.
    pub const ALL: [MessageKind; 3] = [Self::Message, Self::Delivery, Self::Event];

    /// Stable key for storage (the `kind` column) and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Delivery => "delivery",
            Self::Event => "event",
        }
    }

    /// Reads a key written by [`MessageKind::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }
}
