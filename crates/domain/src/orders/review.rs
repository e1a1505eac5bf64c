//! Reviews (評価): after completion the buyer rates the seller and the seller the buyer.

use crate::error_code::error_codes;

/// Why a rating is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatingError {
    /// Not a whole number of stars from 1 to 5.
    #[error("a rating is 1 to 5 stars")]
    Invalid,
}

error_codes! {
    RatingError {
        Invalid => "rating-invalid",
    }
}

/// One to five stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    /// The lowest rating.
    pub const MIN: u8 = 1;
    /// The highest rating.
    pub const MAX: u8 = 5;

    /// Parses the value of a star picker or a JSON number.
    pub fn parse(raw: &str) -> Result<Self, RatingError> {
        raw.trim()
            .parse::<i64>()
            .map_err(|_| RatingError::Invalid)
            .and_then(Self::from_number)
    }

    /// A rating from a number.
    pub fn from_number(n: i64) -> Result<Self, RatingError> {
        u8::try_from(n)
            .ok()
            .filter(|n| (Self::MIN..=Self::MAX).contains(n))
            .map(Self)
            .ok_or(RatingError::Invalid)
    }

    /// The number of stars.
    pub const fn get(self) -> u8 {
        self.0
    }
}

/// Which side of the order wrote a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRole {
    /// The buyer rates the seller and the service.
    Buyer,
    /// The seller rates the buyer.
    Seller,
}

impl ReviewRole {
    /// Both sides.
    pub const ALL: [ReviewRole; 2] = [Self::Buyer, Self::Seller];

    /// Stable key for storage (`author_role`) and the API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Buyer => "buyer",
            Self::Seller => "seller",
        }
    }

    /// Reads a stored key.
    pub fn parse(key: &str) -> Option<Self> {
        match key {
            "buyer" => Some(Self::Buyer),
            "seller" => Some(Self::Seller),
            _ => None,
        }
    }
}

/// The average of `count` ratings summing to `sum`, × 100 and rounded half up: the form in
/// which listings store it for sorting (`rating_x100`). 0 without ratings.
pub fn average_x100(sum: i64, count: i64) -> i64 {
    if count <= 0 {
        return 0;
    }
    (sum.saturating_mul(200) + count) / (2 * count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_to_five_stars() {
        for n in 1..=5 {
            assert_eq!(Rating::parse(&n.to_string()).map(Rating::get), Ok(n as u8));
        }
        for bad in ["0", "6", "-1", "4.5", "", "五", "999999999999999"] {
            assert_eq!(Rating::parse(bad), Err(RatingError::Invalid), "{bad}");
        }
    }

    #[test]
    fn averages_round_half_up() {
        assert_eq!(average_x100(0, 0), 0);
        assert_eq!(average_x100(5, 1), 500);
        assert_eq!(average_x100(9, 2), 450);
        assert_eq!(average_x100(14, 3), 467); // 4.666…
        assert_eq!(average_x100(13, 3), 433); // 4.333…
        assert_eq!(average_x100(1, 8), 13); // 0.125 → 0.13
    }

    proptest! {
        #[test]
        fn the_average_stays_within_the_stars(ratings in proptest::collection::vec(1_i64..=5, 1..200)) {
            let avg = average_x100(ratings.iter().sum(), ratings.len() as i64);
            prop_assert!((100..=500).contains(&avg));
        }
    }
}
