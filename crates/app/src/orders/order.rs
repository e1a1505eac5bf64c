//! An order as app hands it out: what its parties may see of it, in domain types. The store's
//! row stays inside app; what only the platform needs (the purchase key, the card and charge
//! ids, the coupon id) is left out.

use yorozu_domain::ListingId;
use yorozu_domain::orders::{OrderState, PaymentMethod};
use yorozu_domain::{OrderId, UserId, Yen};
use yorozu_store::orders::OrderRow;
use yorozu_store::orders::rows::OrderOptionRow;

use super::Party;

/// One order (取引).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: OrderId,
    pub buyer_id: UserId,
    pub seller_id: UserId,
    pub listing_id: ListingId,
    /// The service's title when it was bought.
    pub listing_title: String,
    pub delivery_days: i64,
    pub state: OrderState,
    /// How often the buyer sent a delivery back so far.
    pub send_backs_used: i64,
    /// The service and its chosen options.
    pub subtotal: Yen,
    /// サービス利用料, paid by the buyer.
    pub buyer_fee: Yen,
    /// Points and coupon together.
    pub discount: Yen,
    pub points_used: i64,
    pub coupon_discount: Yen,
    /// What the buyer pays.
    pub buyer_total: Yen,
    /// 販売手数料, kept from the seller's share.
    pub platform_fee: Yen,
    /// What the seller earns.
    pub seller_share: Yen,
    pub payment_method: PaymentMethod,
    /// The buyer's request to the seller, as placed.
    pub request_text: String,
    pub payment_due_at: Option<i64>,
    pub paid_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub completed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Order {
    /// Which side `user_id` is on, if any.
    pub fn party_of(&self, user_id: UserId) -> Option<Party> {
        Party::of_ids(self.buyer_id, self.seller_id, user_id)
    }

    /// The user id of the side other than `party`.
    pub fn counterpart_of(&self, party: Party) -> UserId {
        match party {
            Party::Buyer => self.seller_id,
            Party::Seller => self.buyer_id,
        }
    }
}

impl From<OrderRow> for Order {
    fn from(o: OrderRow) -> Order {
        Order {
            id: o.id,
            buyer_id: o.buyer_id,
            seller_id: o.seller_id,
            listing_id: o.listing_id,
            listing_title: o.listing_title,
            delivery_days: o.delivery_days,
            state: o.state,
            send_backs_used: o.send_backs_used,
            subtotal: o.subtotal,
            buyer_fee: o.buyer_fee,
            discount: o.discount,
            points_used: o.points_used,
            coupon_discount: o.coupon_discount,
            buyer_total: o.buyer_total,
            platform_fee: o.platform_fee,
            seller_share: o.seller_share,
            payment_method: o.payment_method,
            request_text: o.request_text,
            payment_due_at: o.payment_due_at,
            paid_at: o.paid_at,
            delivered_at: o.delivered_at,
            completed_at: o.completed_at,
            cancelled_at: o.cancelled_at,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

/// A paid option as chosen with an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderOption {
    /// Its place among the service's options.
    pub position: i64,
    pub title: String,
    pub price: Yen,
}

impl From<OrderOptionRow> for OrderOption {
    fn from(o: OrderOptionRow) -> OrderOption {
        OrderOption {
            position: o.position,
            title: o.title,
            price: o.price,
        }
    }
}
