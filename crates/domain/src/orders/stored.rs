//! Reading the order area's stored keys back (see [`crate::stored`]): a key the domain does
//! not know is a decode error, never a default.

use super::{
    CancellationStatus, DeliveryOutcome, DisputeDecision, DisputeReason, DisputeSide, MessageKind,
    PaymentMethod, ReviewRole,
};
use crate::stored::{UnknownKey, decode_key};

decode_key!(DeliveryOutcome, "delivery outcome", DeliveryOutcome::parse);
decode_key!(
    CancellationStatus,
    "cancellation status",
    CancellationStatus::parse
);
decode_key!(ReviewRole, "review role", ReviewRole::parse);
decode_key!(MessageKind, "message kind", MessageKind::parse);
decode_key!(PaymentMethod, "payment method", PaymentMethod::parse);
decode_key!(DisputeReason, "dispute reason", DisputeReason::parse);
decode_key!(DisputeSide, "dispute side", DisputeSide::parse);
decode_key!(DisputeDecision, "dispute decision", DisputeDecision::parse);
decode_key!(
    super::changes::AdditionStatus,
    "addition status",
    super::changes::AdditionStatus::parse
);
decode_key!(
    super::changes::ExtensionStatus,
    "extension status",
    super::changes::ExtensionStatus::parse
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_decodes_to_its_value() {
        for o in DeliveryOutcome::ALL {
            assert_eq!(DeliveryOutcome::try_from(o.as_str().to_owned()), Ok(o));
        }
        for s in CancellationStatus::ALL {
            assert_eq!(CancellationStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for r in ReviewRole::ALL {
            assert_eq!(ReviewRole::try_from(r.as_str().to_owned()), Ok(r));
        }
        for k in MessageKind::ALL {
            assert_eq!(MessageKind::try_from(k.as_str().to_owned()), Ok(k));
        }
        for m in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::try_from(m.as_str().to_owned()), Ok(m));
        }
    }

    #[test]
    fn an_unknown_key_is_an_error_not_a_default() {
        assert_eq!(
            PaymentMethod::try_from("bank".to_owned()),
            Err(UnknownKey {
                what: "payment method",
                key: "bank".to_owned()
            })
        );
        assert!(DeliveryOutcome::try_from("Pending".to_owned()).is_err());
        assert!(CancellationStatus::try_from(String::new()).is_err());
        assert!(ReviewRole::try_from("operator".to_owned()).is_err());
        assert!(MessageKind::try_from("notice".to_owned()).is_err());
    }
}
