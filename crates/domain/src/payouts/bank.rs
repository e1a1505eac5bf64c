//! A member's bank account for payouts (振込先口座): the codes and the holder name as a
//! transfer file needs them, parsed from what the member typed. Full-width digits are
//! accepted everywhere, since a Japanese IME in full-width mode produces 「０００１」.
//!
//! Whether a bank or branch code exists is a question for [`super::banks`]; the types here
//! only know the shape of a valid code.

use std::fmt;

use super::kana::{KanaError, to_zengin_kana};
use crate::error_code::error_codes;
use crate::numbers::fold_digit;
use crate::text::str_newtype;

/// Digits of a bank code (金融機関コード).
pub const BANK_CODE_DIGITS: usize = 4;
/// Digits of a branch code (支店コード).
pub const BRANCH_CODE_DIGITS: usize = 3;
/// Most digits of an account number; shorter numbers are zero-padded to this width.
pub const ACCOUNT_NUMBER_DIGITS: usize = 7;
/// Longest holder name, in half-width characters: the width of the 受取人名 field of a
/// transfer file. A voiced kana such as ｶﾞ takes two.
pub const MAX_ACCOUNT_HOLDER_CHARS: usize = 30;

/// Why bank account details are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BankAccountError {
    /// Not exactly [`BANK_CODE_DIGITS`] digits.
    #[error("a bank code is {digits} digits")]
    BankCodeInvalid {
        /// The number of digits required.
        digits: usize,
    },
    /// Not exactly [`BRANCH_CODE_DIGITS`] digits.
    #[error("a branch code is {digits} digits")]
    BranchCodeInvalid {
        /// The number of digits required.
        digits: usize,
    },
    /// Not one of the account type keys.
    #[error("unknown account type")]
    AccountTypeUnknown,
    /// Empty, not digits, or longer than [`ACCOUNT_NUMBER_DIGITS`].
    #[error("an account number is 1 to {max} digits")]
    AccountNumberInvalid {
        /// The most digits allowed.
        max: usize,
    },
    /// Nothing but whitespace.
    #[error("the account holder name is empty")]
    AccountHolderEmpty,
    /// More than [`MAX_ACCOUNT_HOLDER_CHARS`] half-width characters once normalised.
    #[error("the account holder name is longer than {max} half-width characters")]
    AccountHolderTooLong {
        /// The limit, in half-width characters.
        max: usize,
    },
    /// A character that transfer files cannot carry (see [`super::kana`]).
    #[error("{character:?} cannot be used in an account holder name")]
    AccountHolderInvalidCharacters {
        /// The first offending character, as typed.
        character: char,
    },
}

error_codes! {
    BankAccountError {
        BankCodeInvalid { digits } => "bank-code-invalid",
        BranchCodeInvalid { digits } => "branch-code-invalid",
        AccountTypeUnknown => "account-type-unknown",
        AccountNumberInvalid { max } => "account-number-invalid",
        AccountHolderEmpty => "account-holder-empty",
        AccountHolderTooLong { max } => "account-holder-too-long",
        AccountHolderInvalidCharacters { character } => "account-holder-invalid-characters",
    }
}

/// The ASCII digits of `input` (trimmed, full-width digits folded) when it is 1 to `max`
/// digits and nothing else.
fn digits(input: &str, max: usize) -> Option<String> {
    let folded: String = input.trim().chars().map(fold_digit).collect();
    let ok =
        !folded.is_empty() && folded.len() <= max && folded.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(folded)
}

/// A 4-digit bank code (金融機関コード), e.g. `0001` for みずほ銀行.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct BankCode(String);

impl BankCode {
    /// Parses exactly four digits (surrounding spaces dropped; leading zeros are part of the
    /// code, so `"1"` is refused rather than read as `0001`).
    pub fn parse(input: &str) -> Result<Self, BankAccountError> {
        digits(input, BANK_CODE_DIGITS)
            .filter(|d| d.len() == BANK_CODE_DIGITS)
            .map(Self)
            .ok_or(BankAccountError::BankCodeInvalid {
                digits: BANK_CODE_DIGITS,
            })
    }
}

str_newtype!(BankCode, BankAccountError);

impl From<BankCode> for String {
    fn from(code: BankCode) -> Self {
        code.0
    }
}

/// A 3-digit branch code (支店コード), e.g. `001`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct BranchCode(String);

impl BranchCode {
    /// Parses exactly three digits (surrounding spaces dropped).
    pub fn parse(input: &str) -> Result<Self, BankAccountError> {
        digits(input, BRANCH_CODE_DIGITS)
            .filter(|d| d.len() == BRANCH_CODE_DIGITS)
            .map(Self)
            .ok_or(BankAccountError::BranchCodeInvalid {
                digits: BRANCH_CODE_DIGITS,
            })
    }
}

str_newtype!(BranchCode, BankAccountError);

impl From<BranchCode> for String {
    fn from(code: BranchCode) -> Self {
        code.0
    }
}

/// The kind of deposit account (預金種目).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountType {
    /// 普通預金, Zengin code 1: what almost every member has.
    Ordinary,
    /// 当座預金, Zengin code 2.
    Checking,
    /// 貯蓄預金, Zengin code 4.
    Savings,
}

impl AccountType {
    /// Every type, in the order a form lists them.
    pub const ALL: [Self; 3] = [Self::Ordinary, Self::Checking, Self::Savings];

    /// Parses a form or API key: `ordinary`, `checking` or `savings`.
    pub fn parse(key: &str) -> Result<Self, BankAccountError> {
        Self::ALL
            .into_iter()
            .find(|t| t.key() == key.trim())
            .ok_or(BankAccountError::AccountTypeUnknown)
    }

    /// The key used in forms, the API and message ids (`account-type-{key}`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Ordinary => "ordinary",
            Self::Checking => "checking",
            Self::Savings => "savings",
        }
    }

    /// The 預金種目 digit of a transfer file.
    pub fn zengin_code(self) -> u8 {
        match self {
            Self::Ordinary => 1,
            Self::Checking => 2,
            Self::Savings => 4,
        }
    }

    /// The type for a 預金種目 digit, e.g. as stored.
    pub fn from_zengin_code(code: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.zengin_code() == code)
    }
}

/// An account number (口座番号), always seven digits: shorter input is zero-padded on the
/// left, as banks and transfer files write it. `Debug` shows only the last three digits, so
/// the number does not end up in logs.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountNumber(String);

impl AccountNumber {
    /// Parses 1 to [`ACCOUNT_NUMBER_DIGITS`] digits (surrounding spaces dropped).
    pub fn parse(input: &str) -> Result<Self, BankAccountError> {
        digits(input, ACCOUNT_NUMBER_DIGITS)
            .map(|d| Self(format!("{d:0>width$}", width = ACCOUNT_NUMBER_DIGITS)))
            .ok_or(BankAccountError::AccountNumberInvalid {
                max: ACCOUNT_NUMBER_DIGITS,
            })
    }

    /// The last three digits, for showing which account is registered (「***4567」) without
    /// the whole number.
    pub fn last3(&self) -> &str {
        &self.0[ACCOUNT_NUMBER_DIGITS - 3..]
    }
}

str_newtype!(AccountNumber, BankAccountError);

impl From<AccountNumber> for String {
    fn from(number: AccountNumber) -> Self {
        number.0
    }
}

impl fmt::Debug for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountNumber(****{})", self.last3())
    }
}

/// The account holder's name (口座名義) in transfer-file kana (see [`super::kana`]): not
/// empty and at most [`MAX_ACCOUNT_HOLDER_CHARS`] half-width characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountHolder(String);

impl AccountHolder {
    /// Normalises what the member typed (「ヤマダ　タロウ」 → 「ﾔﾏﾀﾞ ﾀﾛｳ」) and checks it.
    pub fn parse(input: &str) -> Result<Self, BankAccountError> {
        let name = to_zengin_kana(input).map_err(|e| match e {
            KanaError::InvalidCharacter { character } => {
                BankAccountError::AccountHolderInvalidCharacters { character }
            }
        })?;
        if name.is_empty() {
            return Err(BankAccountError::AccountHolderEmpty);
        }
        // Every character of the set is one half-width character (one byte in the file).
        if name.chars().count() > MAX_ACCOUNT_HOLDER_CHARS {
            return Err(BankAccountError::AccountHolderTooLong {
                max: MAX_ACCOUNT_HOLDER_CHARS,
            });
        }
        Ok(Self(name))
    }
}

str_newtype!(AccountHolder, BankAccountError);

impl From<AccountHolder> for String {
    fn from(holder: AccountHolder) -> Self {
        holder.0
    }
}

/// A complete payout account. Whether the bank and branch exist is checked against
/// [`super::banks`] by the use case that registers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BankAccount {
    pub bank_code: BankCode,
    pub branch_code: BranchCode,
    pub account_type: AccountType,
    pub account_number: AccountNumber,
    pub holder: AccountHolder,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn bank_and_branch_codes() {
        assert_eq!(BankCode::parse("0001").expect("valid").as_str(), "0001");
        assert_eq!(
            BankCode::parse(" ０００５ ").expect("valid").as_str(),
            "0005"
        );
        assert_eq!(BranchCode::parse("００1").expect("valid").as_str(), "001");
        for bad in ["", "1", "001", "00001", "0a01", "-001", "0 01", "一二三四"] {
            assert_eq!(
                BankCode::parse(bad),
                Err(BankAccountError::BankCodeInvalid { digits: 4 }),
                "{bad:?}"
            );
        }
        for bad in ["", "1", "01", "0001", "0x1"] {
            assert_eq!(
                BranchCode::parse(bad),
                Err(BankAccountError::BranchCodeInvalid { digits: 3 }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn account_types() {
        assert_eq!(AccountType::parse("ordinary"), Ok(AccountType::Ordinary));
        assert_eq!(AccountType::parse("checking"), Ok(AccountType::Checking));
        assert_eq!(AccountType::parse("savings"), Ok(AccountType::Savings));
        assert_eq!(
            AccountType::parse("普通"),
            Err(BankAccountError::AccountTypeUnknown)
        );
        assert_eq!(
            AccountType::parse("1"),
            Err(BankAccountError::AccountTypeUnknown)
        );
        let codes: Vec<u8> = AccountType::ALL.iter().map(|t| t.zengin_code()).collect();
        assert_eq!(codes, [1, 2, 4]);
        for t in AccountType::ALL {
            assert_eq!(AccountType::from_zengin_code(t.zengin_code()), Some(t));
        }
        assert_eq!(AccountType::from_zengin_code(3), None);
    }

    #[test]
    fn account_numbers_are_zero_padded() {
        assert_eq!(
            AccountNumber::parse("1234567").expect("valid").as_str(),
            "1234567"
        );
        assert_eq!(
            AccountNumber::parse("１２３").expect("valid").as_str(),
            "0000123"
        );
        assert_eq!(
            AccountNumber::parse("0012345").expect("valid").last3(),
            "345"
        );
        for bad in ["", "12345678", "12-3456", "abc", " "] {
            assert_eq!(
                AccountNumber::parse(bad),
                Err(BankAccountError::AccountNumberInvalid { max: 7 }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn account_number_debug_hides_the_number() {
        let number = AccountNumber::parse("1234567").expect("valid");
        let debug = format!("{number:?}");
        assert_eq!(debug, "AccountNumber(****567)");
        assert!(!debug.contains("1234"));
    }

    #[test]
    fn holder_is_normalised() {
        let holder = AccountHolder::parse("ヤマダ　タロウ").expect("valid");
        assert_eq!(holder.as_str(), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(
            AccountHolder::parse("　"),
            Err(BankAccountError::AccountHolderEmpty)
        );
        assert_eq!(
            AccountHolder::parse("山田太郎"),
            Err(BankAccountError::AccountHolderInvalidCharacters { character: '山' })
        );
    }

    #[test]
    fn holder_length_counts_sound_marks() {
        // 15 voiced kana are 30 half-width characters: the limit exactly.
        assert!(AccountHolder::parse(&"ガ".repeat(15)).is_ok());
        assert_eq!(
            AccountHolder::parse(&format!("{}ア", "ガ".repeat(15))),
            Err(BankAccountError::AccountHolderTooLong { max: 30 })
        );
        assert!(AccountHolder::parse(&"ア".repeat(30)).is_ok());
        assert_eq!(
            AccountHolder::parse(&"ア".repeat(31)),
            Err(BankAccountError::AccountHolderTooLong { max: 30 })
        );
    }

    #[test]
    fn deserializing_goes_through_the_parsers() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};

        fn de<'a, T: Deserialize<'a>>(s: &'a str) -> Result<T, Error> {
            let deserializer: StrDeserializer<'a, Error> = s.into_deserializer();
            T::deserialize(deserializer)
        }

        assert_eq!(
            de::<AccountHolder>("ヤマダ タロウ").map(String::from),
            Ok("ﾔﾏﾀﾞ ﾀﾛｳ".to_owned())
        );
        assert_eq!(
            de::<AccountNumber>("123").map(String::from),
            Ok("0000123".to_owned())
        );
        assert!(de::<BankCode>("12").is_err());
        assert!(de::<BranchCode>("1234").is_err());
        assert_eq!(de::<AccountType>("savings"), Ok(AccountType::Savings));
    }

    #[test]
    fn error_codes() {
        let cases = [
            (
                BankAccountError::BankCodeInvalid { digits: 4 },
                "bank-code-invalid",
            ),
            (
                BankAccountError::BranchCodeInvalid { digits: 3 },
                "branch-code-invalid",
            ),
            (BankAccountError::AccountTypeUnknown, "account-type-unknown"),
            (
                BankAccountError::AccountNumberInvalid { max: 7 },
                "account-number-invalid",
            ),
            (BankAccountError::AccountHolderEmpty, "account-holder-empty"),
            (
                BankAccountError::AccountHolderTooLong { max: 30 },
                "account-holder-too-long",
            ),
            (
                BankAccountError::AccountHolderInvalidCharacters { character: '山' },
                "account-holder-invalid-characters",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
        }
    }

    proptest! {
        #[test]
        fn any_seven_digits_or_fewer_parse_and_reparse(n in 0_u32..10_000_000) {
            let number = AccountNumber::parse(&n.to_string()).expect("valid");
            prop_assert_eq!(number.as_str().len(), 7);
            prop_assert_eq!(number.as_str().parse::<u32>().ok(), Some(n));
            prop_assert_eq!(AccountNumber::parse(number.as_str()), Ok(number.clone()));
        }

        #[test]
        fn parsers_never_panic(raw in any::<String>()) {
            let _ = BankCode::parse(&raw);
            let _ = BranchCode::parse(&raw);
            let _ = AccountNumber::parse(&raw);
            let _ = AccountType::parse(&raw);
            if let Ok(holder) = AccountHolder::parse(&raw) {
                prop_assert!(holder.as_str().chars().count() <= MAX_ACCOUNT_HOLDER_CHARS);
                prop_assert_eq!(AccountHolder::parse(holder.as_str()), Ok(holder.clone()));
            }
        }
    }
}
