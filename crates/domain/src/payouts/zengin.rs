//! The 全銀協 (Zengin) 総合振込 file: the fixed-length transfer file an operator uploads to the
//! platform's bank to pay out a batch.
//!
//! The file is a header record, one data record per transfer, a trailer with the count and
//! the total, and an end record; every record is exactly [`RECORD_BYTES`] bytes followed by
//! CRLF, in Shift_JIS. The character set of the fields is ASCII plus half-width katakana (see
//! [`super::kana`]), for which Shift_JIS is one byte per character: ASCII as it is and
//! U+FF61..U+FF9F as 0xA1..0xDF. That mapping is all this module needs, so it is written here
//! rather than pulled in with an encoding crate.
//!
//! Fields are `N` (digits, right-aligned, zero-padded) or `C` (characters, left-aligned,
//! space-padded). [`write()`] refuses anything that does not fit its field instead of cutting
//! it: a shortened name or amount would be a wrong transfer. The reader (`read`, behind the
//! `testing` feature: nothing in the product reads a transfer file) decodes a file back into
//! its fields for the tests.

use std::fmt;

#[cfg(any(test, feature = "testing"))]
mod read;
#[cfg(any(test, feature = "testing"))]
pub use read::{ParsedFile, ParsedHeader, ParsedTrailer, ParsedTransfer, read};

use super::bank::{AccountHolder, AccountNumber, AccountType, BankCode, BranchCode};
use super::kana::is_zengin_char;
use crate::error_code::{Arg, error_codes};
use crate::money::Yen;

/// Bytes in every record, not counting the CRLF after it.
pub const RECORD_BYTES: usize = 120;
/// Width of the bank and branch name fields.
pub const MAX_BANK_NAME_CHARS: usize = 15;
/// Width of the requester name field (振込依頼人名).
pub const MAX_REQUESTER_NAME_CHARS: usize = 40;
/// Width of the recipient name field (受取人名).
pub const MAX_RECIPIENT_NAME_CHARS: usize = 30;
/// Digits of the requester code (振込依頼人コード) the bank assigned.
pub const REQUESTER_CODE_DIGITS: usize = 10;
/// Width of customer code 1 (顧客コード1).
pub const CUSTOMER_CODE_DIGITS: usize = 10;
/// Largest amount one data record can carry (10 digits).
pub const MAX_TRANSFER_AMOUNT: Yen = Yen::new(9_999_999_999);
/// Largest total the trailer can carry (12 digits).
pub const MAX_TOTAL_AMOUNT: Yen = Yen::new(999_999_999_999);
/// Most data records the trailer can count (6 digits).
pub const MAX_TRANSFERS: usize = 999_999;

/// 種別コード of 総合振込.
const KIND_GENERAL_TRANSFER: &str = "21";
/// コード区分 of Shift_JIS.
const CODE_DIVISION_SJIS: &str = "0";
/// 振込指定区分 7: テレ振込 (transferred over the banks' network on the date).
const TRANSFER_KIND_TELEGRAPHIC: &str = "7";

/// A field of the file whose content comes from the caller, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZenginField {
    /// 振込依頼人コード.
    RequesterCode,
    /// 振込依頼人名.
    RequesterName,
    /// 仕向銀行名: the paying bank.
    PayingBankName,
    /// 仕向支店名: the paying branch.
    PayingBranchName,
    /// 被仕向銀行名: the recipient's bank.
    BankName,
    /// 被仕向支店名: the recipient's branch.
    BranchName,
    /// 受取人名.
    RecipientName,
    /// 顧客コード1.
    CustomerCode1,
}

impl ZenginField {
    /// The field's name in the 全銀協 format description, which operators and banks use in
    /// both languages.
    pub fn name_ja(self) -> &'static str {
        match self {
            Self::RequesterCode => "振込依頼人コード",
            Self::RequesterName => "振込依頼人名",
            Self::PayingBankName => "仕向銀行名",
            Self::PayingBranchName => "仕向支店名",
            Self::BankName => "被仕向銀行名",
            Self::BranchName => "被仕向支店名",
            Self::RecipientName => "受取人名",
            Self::CustomerCode1 => "顧客コード1",
        }
    }
}

impl fmt::Display for ZenginField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ja())
    }
}

/// A field is named in the 全銀協 format's own words, in both languages.
impl From<&ZenginField> for Arg {
    fn from(field: &ZenginField) -> Arg {
        Arg::Text(field.name_ja().to_owned())
    }
}

/// Why a transfer file cannot be written, or a file read is not a valid one. `record` is the
/// 1-based number of the record in the file: 1 is the header, 2 the first transfer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZenginError {
    /// A file needs at least one transfer.
    #[error("a transfer file needs at least one transfer")]
    NoTransfers,
    /// More transfers than the trailer's count field holds.
    #[error("a transfer file holds at most {max} transfers")]
    TooManyTransfers {
        /// The most transfers in one file.
        max: usize,
    },
    /// The transfer date is not a day of the calendar.
    #[error("the transfer date is not a valid month and day")]
    DateInvalid,
    /// A numeric field holds something else than 0 to `max_digits` digits.
    #[error("record {record}: {field} must be at most {max_digits} digits")]
    FieldNotNumeric {
        /// The record the field belongs to.
        record: usize,
        /// The field.
        field: ZenginField,
        /// The width of the field.
        max_digits: usize,
    },
    /// A text field is longer than its width.
    #[error("record {record}: {field} is longer than {max} characters")]
    FieldTooLong {
        /// The record the field belongs to.
        record: usize,
        /// The field.
        field: ZenginField,
        /// The width of the field.
        max: usize,
    },
    /// A text field holds a character outside the transfer-file set.
    #[error("record {record}: {field} contains {character:?}")]
    InvalidCharacter {
        /// The record the field belongs to.
        record: usize,
        /// The field.
        field: ZenginField,
        /// The first offending character.
        character: char,
    },
    /// A transfer of zero or a negative amount.
    #[error("record {record}: the amount must be positive")]
    AmountInvalid {
        /// The data record.
        record: usize,
    },
    /// A transfer larger than the amount field holds.
    #[error("record {record}: the amount must be at most {max}")]
    AmountTooLarge {
        /// The data record.
        record: usize,
        /// [`MAX_TRANSFER_AMOUNT`].
        max: Yen,
    },
    /// The sum of the transfers is larger than the trailer's total field holds.
    #[error("the total must be at most {max}")]
    TotalTooLarge {
        /// [`MAX_TOTAL_AMOUNT`].
        max: Yen,
    },
    /// [`read`] found something that is not a valid 総合振込 file.
    #[error("record {record} is malformed: {reason}")]
    Malformed {
        /// The record where reading stopped.
        record: usize,
        /// What was wrong, for the operator and for tests (English, not translated).
        reason: &'static str,
    },
}

error_codes! {
    ZenginError {
        NoTransfers => "zengin-no-transfers",
        TooManyTransfers { max } => "zengin-too-many-transfers",
        DateInvalid => "zengin-date-invalid",
        FieldNotNumeric { record, field, max_digits } => "zengin-field-not-numeric",
        FieldTooLong { record, field, max } => "zengin-field-too-long",
        InvalidCharacter { record, field, character } => "zengin-invalid-character",
        AmountInvalid { record } => "zengin-amount-invalid",
        AmountTooLarge { record, max } => "zengin-amount-too-large",
        TotalTooLarge { max } => "zengin-total-too-large",
        Malformed { record } => "zengin-file-malformed",
    }
}

/// The platform's account the transfers are paid from (from configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayingAccount {
    pub bank_code: BankCode,
    /// The bank's name in transfer-file kana, at most [`MAX_BANK_NAME_CHARS`].
    pub bank_kana: String,
    pub branch_code: BranchCode,
    /// The branch's name in transfer-file kana, at most [`MAX_BANK_NAME_CHARS`].
    pub branch_kana: String,
    pub account_type: AccountType,
    pub account_number: AccountNumber,
}

/// One transfer to a seller's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub bank_code: BankCode,
    /// The bank's name in transfer-file kana, at most [`MAX_BANK_NAME_CHARS`].
    pub bank_kana: String,
    pub branch_code: BranchCode,
    /// The branch's name in transfer-file kana, at most [`MAX_BANK_NAME_CHARS`].
    pub branch_kana: String,
    pub account_type: AccountType,
    pub account_number: AccountNumber,
    pub holder: AccountHolder,
    /// What arrives in the account: positive, at most [`MAX_TRANSFER_AMOUNT`].
    pub amount: Yen,
    /// Up to [`CUSTOMER_CODE_DIGITS`] digits the bank reports back with a failed transfer,
    /// e.g. the payout request's id; may be empty.
    pub customer_code1: String,
}

/// A whole 総合振込 file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferFile {
    /// 振込依頼人コード: 1 to [`REQUESTER_CODE_DIGITS`] digits, assigned by the paying bank
    /// (zero-padded on the left in the file).
    pub requester_code: String,
    /// 振込依頼人名 in transfer-file kana, at most [`MAX_REQUESTER_NAME_CHARS`].
    pub requester_name: String,
    /// 振込指定日 as (month, day).
    pub transfer_date: (u8, u8),
    pub from: PayingAccount,
    pub transfers: Vec<Transfer>,
}

/// Writes the file: records of [`RECORD_BYTES`] bytes, each followed by CRLF, Shift_JIS.
pub fn write(file: &TransferFile) -> Result<Vec<u8>, ZenginError> {
    if file.transfers.is_empty() {
        return Err(ZenginError::NoTransfers);
    }
    if file.transfers.len() > MAX_TRANSFERS {
        return Err(ZenginError::TooManyTransfers { max: MAX_TRANSFERS });
    }
    let records = file.transfers.len() + 3;
    let mut out = Vec::with_capacity(records * (RECORD_BYTES + 2));
    header(file, &mut out)?;
    let mut total = Yen::ZERO;
    for (index, transfer) in file.transfers.iter().enumerate() {
        data(transfer, index + 2, &mut out)?;
        total = total
            .checked_add(transfer.amount)
            .filter(|t| *t <= MAX_TOTAL_AMOUNT)
            .ok_or(ZenginError::TotalTooLarge {
                max: MAX_TOTAL_AMOUNT,
            })?;
    }
    trailer(file.transfers.len(), total, &mut out);
    end(&mut out);
    Ok(out)
}

fn header(file: &TransferFile, out: &mut Vec<u8>) -> Result<(), ZenginError> {
    let (month, day) = file.transfer_date;
    if !is_valid_month_day(month, day) {
        return Err(ZenginError::DateInvalid);
    }
    let from = &file.from;
    let mut r = RecordWriter::new(1);
    r.ascii("1");
    r.ascii(KIND_GENERAL_TRANSFER);
    r.ascii(CODE_DIVISION_SJIS);
    r.digits(
        ZenginField::RequesterCode,
        &file.requester_code,
        REQUESTER_CODE_DIGITS,
        Align::Right,
    )?;
    r.text(
        ZenginField::RequesterName,
        &file.requester_name,
        MAX_REQUESTER_NAME_CHARS,
    )?;
    r.ascii(&format!("{month:02}{day:02}"));
    r.ascii(from.bank_code.as_str());
    r.text(
        ZenginField::PayingBankName,
        &from.bank_kana,
        MAX_BANK_NAME_CHARS,
    )?;
    r.ascii(from.branch_code.as_str());
    r.text(
        ZenginField::PayingBranchName,
        &from.branch_kana,
        MAX_BANK_NAME_CHARS,
    )?;
    r.ascii(&from.account_type.zengin_code().to_string());
    r.ascii(from.account_number.as_str());
    r.spaces(17);
    r.finish(out);
    Ok(())
}

fn data(t: &Transfer, record: usize, out: &mut Vec<u8>) -> Result<(), ZenginError> {
    if t.amount <= Yen::ZERO {
        return Err(ZenginError::AmountInvalid { record });
    }
    if t.amount > MAX_TRANSFER_AMOUNT {
        return Err(ZenginError::AmountTooLarge {
            record,
            max: MAX_TRANSFER_AMOUNT,
        });
    }
    let mut r = RecordWriter::new(record);
    r.ascii("2");
    r.ascii(t.bank_code.as_str());
    r.text(ZenginField::BankName, &t.bank_kana, MAX_BANK_NAME_CHARS)?;
    r.ascii(t.branch_code.as_str());
    r.text(ZenginField::BranchName, &t.branch_kana, MAX_BANK_NAME_CHARS)?;
    // 手形交換所番号: not used for transfers, left blank as the format allows.
    r.spaces(4);
    r.ascii(&t.account_type.zengin_code().to_string());
    r.ascii(t.account_number.as_str());
    r.text(
        ZenginField::RecipientName,
        t.holder.as_str(),
        MAX_RECIPIENT_NAME_CHARS,
    )?;
    r.ascii(&format!("{:010}", t.amount.get()));
    // 新規コード 0: no statement about whether the account is new.
    r.ascii("0");
    r.digits(
        ZenginField::CustomerCode1,
        &t.customer_code1,
        CUSTOMER_CODE_DIGITS,
        Align::Left,
    )?;
    // 顧客コード2: unused.
    r.spaces(10);
    r.ascii(TRANSFER_KIND_TELEGRAPHIC);
    // 識別表示: blank, since customer code 1 and 2 are used rather than EDI information.
    r.spaces(1);
    r.spaces(7);
    r.finish(out);
    Ok(())
}

fn trailer(count: usize, total: Yen, out: &mut Vec<u8>) {
    let mut r = RecordWriter::new(count + 2);
    r.ascii("8");
    r.ascii(&format!("{count:06}"));
    r.ascii(&format!("{:012}", total.get()));
    r.spaces(101);
    r.finish(out);
}

fn end(out: &mut Vec<u8>) {
    let mut r = RecordWriter::new(0);
    r.ascii("9");
    r.spaces(119);
    r.finish(out);
}

/// February may have 29 days: the file carries no year.
fn is_valid_month_day(month: u8, day: u8) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The Shift_JIS byte of a transfer-file character.
fn encode(c: char) -> Option<u8> {
    match c {
        ' '..='~' => u8::try_from(c).ok(),
        '\u{FF61}'..='\u{FF9F}' => u8::try_from(c as u32 - 0xFF61 + 0xA1).ok(),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Align {
    /// `N` fields: zero-padded on the left.
    Right,
    /// Digits in a `C` field: space-padded on the right.
    Left,
}

/// Builds one record from its fields in order; the layout functions above are written so
/// that the widths add up to [`RECORD_BYTES`], which the tests check for every record kind.
struct RecordWriter {
    record: usize,
    bytes: Vec<u8>,
}

impl RecordWriter {
    fn new(record: usize) -> Self {
        Self {
            record,
            bytes: Vec::with_capacity(RECORD_BYTES + 2),
        }
    }

    /// Fixed ASCII content (codes, digits of typed values).
    fn ascii(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn spaces(&mut self, n: usize) {
        self.bytes.resize(self.bytes.len() + n, b' ');
    }

    /// Up to `width` ASCII digits, padded to `width` as `align` says.
    fn digits(
        &mut self,
        field: ZenginField,
        value: &str,
        width: usize,
        align: Align,
    ) -> Result<(), ZenginError> {
        let ok = value.len() <= width && value.bytes().all(|b| b.is_ascii_digit());
        let required = matches!(align, Align::Right);
        if !ok || (required && value.is_empty()) {
            return Err(ZenginError::FieldNotNumeric {
                record: self.record,
                field,
                max_digits: width,
            });
        }
        let padded = match align {
            Align::Right => format!("{value:0>width$}"),
            Align::Left => format!("{value:<width$}"),
        };
        self.ascii(&padded);
        Ok(())
    }

    /// Transfer-file characters, at most `width`, padded with spaces.
    fn text(&mut self, field: ZenginField, value: &str, width: usize) -> Result<(), ZenginError> {
        let record = self.record;
        let mut written = 0;
        for c in value.chars() {
            let byte = Some(c)
                .filter(|c| is_zengin_char(*c))
                .and_then(encode)
                .ok_or(ZenginError::InvalidCharacter {
                    record,
                    field,
                    character: c,
                })?;
            written += 1;
            if written > width {
                return Err(ZenginError::FieldTooLong {
                    record,
                    field,
                    max: width,
                });
            }
            self.bytes.push(byte);
        }
        self.spaces(width - written);
        Ok(())
    }

    fn finish(mut self, out: &mut Vec<u8>) {
        debug_assert_eq!(self.bytes.len(), RECORD_BYTES, "record layout");
        self.bytes.extend_from_slice(b"\r\n");
        out.append(&mut self.bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::read::decode;
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn paying_account() -> PayingAccount {
        PayingAccount {
            bank_code: BankCode::parse("0001").expect("valid"),
            bank_kana: "ﾐｽﾞﾎ".into(),
            branch_code: BranchCode::parse("001").expect("valid"),
            branch_kana: "ﾄｳｷﾖｳ".into(),
            account_type: AccountType::Checking,
            account_number: AccountNumber::parse("7654321").expect("valid"),
        }
    }

    fn transfer(holder: &str, amount: i64, customer_code1: &str) -> Transfer {
        Transfer {
            bank_code: BankCode::parse("0005").expect("valid"),
            bank_kana: "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ".into(),
            branch_code: BranchCode::parse("135").expect("valid"),
            branch_kana: "ｼﾌﾞﾔ".into(),
            account_type: AccountType::Ordinary,
            account_number: AccountNumber::parse("12345").expect("valid"),
            holder: AccountHolder::parse(holder).expect("valid"),
            amount: Yen::new(amount),
            customer_code1: customer_code1.into(),
        }
    }

    fn example() -> TransferFile {
        TransferFile {
            requester_code: "123456789".into(),
            requester_name: "ｶ)ﾖﾛｽﾞ".into(),
            transfer_date: (12, 5),
            from: paying_account(),
            transfers: vec![
                transfer("ヤマダ タロウ", 12_340, "42"),
                transfer("スズキ ハナコ", 2_840, ""),
            ],
        }
    }

    /// Splits a written file into its records, checking the CRLF after each.
    fn records(bytes: &[u8]) -> Vec<&[u8]> {
        assert_eq!(bytes.len() % (RECORD_BYTES + 2), 0, "whole records");
        bytes
            .chunks(RECORD_BYTES + 2)
            .map(|chunk| {
                assert_eq!(&chunk[RECORD_BYTES..], b"\r\n");
                &chunk[..RECORD_BYTES]
            })
            .collect()
    }

    /// Bytes `from..=to` of a record, 1-based as in the format description.
    fn at(record: &[u8], from: usize, to: usize) -> &[u8] {
        &record[from - 1..to]
    }

    fn padded(bytes: &[u8], width: usize) -> Vec<u8> {
        let mut v = bytes.to_vec();
        v.resize(width, b' ');
        v
    }

    // Shift_JIS bytes of the kana used in the example, written out by hand (JIS X 0201).
    const MIZUHO: &[u8] = b"\xD0\xBD\xDE\xCE"; // ﾐｽﾞﾎ
    const TOKYO: &[u8] = b"\xC4\xB3\xB7\xD6\xB3"; // ﾄｳｷﾖｳ
    const YOROZU: &[u8] = b"\xB6)\xD6\xDB\xBD\xDE"; // ｶ)ﾖﾛｽﾞ
    const MUFG: &[u8] = b"\xD0\xC2\xCB\xDE\xBC\xD5-\xB4\xCC\xBC\xDE\xB4\xB2"; // ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ
    const SHIBUYA: &[u8] = b"\xBC\xCC\xDE\xD4"; // ｼﾌﾞﾔ
    const YAMADA_TARO: &[u8] = b"\xD4\xCF\xC0\xDE \xC0\xDB\xB3"; // ﾔﾏﾀﾞ ﾀﾛｳ

    #[test]
    fn every_record_is_120_bytes_and_crlf() {
        let bytes = write(&example()).expect("valid file");
        let records = records(&bytes);
        assert_eq!(records.len(), 5);
        let kinds: Vec<u8> = records.iter().map(|r| r[0]).collect();
        assert_eq!(kinds, b"12289");
    }

    #[test]
    fn header_fields_sit_at_their_positions() {
        let bytes = write(&example()).expect("valid file");
        let h = records(&bytes)[0];
        assert_eq!(at(h, 1, 1), b"1", "データ区分");
        assert_eq!(at(h, 2, 3), b"21", "種別コード");
        assert_eq!(at(h, 4, 4), b"0", "コード区分");
        assert_eq!(at(h, 5, 14), b"0123456789", "振込依頼人コード");
        assert_eq!(at(h, 15, 54), padded(YOROZU, 40), "振込依頼人名");
        assert_eq!(at(h, 55, 58), b"1205", "振込指定日");
        assert_eq!(at(h, 59, 62), b"0001", "仕向銀行番号");
        assert_eq!(at(h, 63, 77), padded(MIZUHO, 15), "仕向銀行名");
        assert_eq!(at(h, 78, 80), b"001", "仕向支店番号");
        assert_eq!(at(h, 81, 95), padded(TOKYO, 15), "仕向支店名");
        assert_eq!(at(h, 96, 96), b"2", "預金種目");
        assert_eq!(at(h, 97, 103), b"7654321", "口座番号");
        assert_eq!(at(h, 104, 120), [b' '; 17], "ダミー");
    }

    #[test]
    fn data_fields_sit_at_their_positions() {
        let bytes = write(&example()).expect("valid file");
        let d = records(&bytes)[1];
        assert_eq!(at(d, 1, 1), b"2", "データ区分");
        assert_eq!(at(d, 2, 5), b"0005", "被仕向銀行番号");
        assert_eq!(at(d, 6, 20), padded(MUFG, 15), "被仕向銀行名");
        assert_eq!(at(d, 21, 23), b"135", "被仕向支店番号");
        assert_eq!(at(d, 24, 38), padded(SHIBUYA, 15), "被仕向支店名");
        assert_eq!(at(d, 39, 42), b"    ", "手形交換所番号");
        assert_eq!(at(d, 43, 43), b"1", "預金種目");
        assert_eq!(at(d, 44, 50), b"0012345", "口座番号");
        assert_eq!(at(d, 51, 80), padded(YAMADA_TARO, 30), "受取人名");
        assert_eq!(at(d, 81, 90), b"0000012340", "振込金額");
        assert_eq!(at(d, 91, 91), b"0", "新規コード");
        assert_eq!(at(d, 92, 101), b"42        ", "顧客コード1");
        assert_eq!(at(d, 102, 111), [b' '; 10], "顧客コード2");
        assert_eq!(at(d, 112, 112), b"7", "振込指定区分");
        assert_eq!(at(d, 113, 113), b" ", "識別表示");
        assert_eq!(at(d, 114, 120), [b' '; 7], "ダミー");

        let second = records(&bytes)[2];
        assert_eq!(at(second, 81, 90), b"0000002840");
        assert_eq!(at(second, 92, 101), [b' '; 10], "empty customer code");
    }

    #[test]
    fn trailer_and_end_records() {
        let bytes = write(&example()).expect("valid file");
        let records = records(&bytes);
        let t = records[3];
        assert_eq!(at(t, 1, 1), b"8", "データ区分");
        assert_eq!(at(t, 2, 7), b"000002", "合計件数");
        assert_eq!(at(t, 8, 19), b"000000015180", "合計金額");
        assert_eq!(at(t, 20, 120), [b' '; 101], "ダミー");
        let e = records[4];
        assert_eq!(at(e, 1, 1), b"9");
        assert_eq!(at(e, 2, 120), [b' '; 119]);
    }

    #[test]
    fn kana_bytes_are_single_byte_half_width() {
        let bytes = write(&example()).expect("valid file");
        for record in records(&bytes) {
            for &b in record {
                assert!(
                    (0x20..=0x7E).contains(&b) || (0xA1..=0xDF).contains(&b),
                    "byte {b:#04x}"
                );
            }
        }
        assert_eq!(encode('ｱ'), Some(0xB1));
        assert_eq!(encode('｡'), Some(0xA1));
        assert_eq!(encode('ﾟ'), Some(0xDF));
        assert_eq!(encode('ア'), None);
        for b in (0x20..=0x7E).chain(0xA1..=0xDF) {
            let c = decode(b).expect("decodable");
            assert_eq!(encode(c), Some(b));
        }
        assert_eq!(decode(0x80), None);
        assert_eq!(decode(0xE0), None);
    }

    #[test]
    fn reads_the_example_back() {
        let bytes = write(&example()).expect("valid file");
        let file = read(&bytes).expect("readable");
        assert_eq!(
            file.header,
            ParsedHeader {
                kind_code: "21".into(),
                code_division: "0".into(),
                requester_code: "0123456789".into(),
                requester_name: "ｶ)ﾖﾛｽﾞ".into(),
                transfer_date: (12, 5),
                bank_code: "0001".into(),
                bank_name: "ﾐｽﾞﾎ".into(),
                branch_code: "001".into(),
                branch_name: "ﾄｳｷﾖｳ".into(),
                account_type: 2,
                account_number: "7654321".into(),
            }
        );
        assert_eq!(
            file.transfers[0],
            ParsedTransfer {
                bank_code: "0005".into(),
                bank_name: "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ".into(),
                branch_code: "135".into(),
                branch_name: "ｼﾌﾞﾔ".into(),
                clearing_house: String::new(),
                account_type: 1,
                account_number: "0012345".into(),
                recipient_name: "ﾔﾏﾀﾞ ﾀﾛｳ".into(),
                amount: Yen::new(12_340),
                new_code: "0".into(),
                customer_code1: "42".into(),
                customer_code2: String::new(),
                transfer_kind: "7".into(),
                edi_flag: String::new(),
            }
        );
        assert_eq!(file.transfers[1].recipient_name, "ｽｽﾞｷ ﾊﾅｺ");
        assert_eq!(
            file.trailer,
            ParsedTrailer {
                count: 2,
                total: Yen::new(15_180)
            }
        );
    }

    #[test]
    fn reads_files_without_line_breaks_and_with_an_eof_byte() {
        let bytes = write(&example()).expect("valid file");
        let bare: Vec<u8> = records(&bytes).concat();
        assert_eq!(read(&bare), read(&bytes));
        let mut with_eof = bytes.clone();
        with_eof.push(0x1A);
        assert_eq!(read(&with_eof), read(&bytes));
    }

    fn malformed_record(result: Result<ParsedFile, ZenginError>) -> usize {
        match result {
            Err(ZenginError::Malformed { record, .. }) => record,
            other => panic!("expected a malformed file, got {other:?}"),
        }
    }

    #[test]
    fn reader_refuses_broken_files() {
        let bytes = write(&example()).expect("valid file");
        let recs = records(&bytes);
        let join = |rs: &[&[u8]]| -> Vec<u8> {
            rs.iter()
                .flat_map(|r| r.iter().copied().chain(*b"\r\n"))
                .collect()
        };

        assert_eq!(malformed_record(read(b"")), 1);
        assert_eq!(malformed_record(read(&bytes[..bytes.len() - 10])), 5);
        // The trailer's total changed.
        let mut wrong_total = bytes.clone();
        wrong_total[3 * 122 + 18] = b'1';
        assert_eq!(malformed_record(read(&wrong_total)), 4);
        // A data record dropped: the count no longer matches.
        assert_eq!(
            malformed_record(read(&join(&[recs[0], recs[1], recs[3], recs[4]]))),
            3
        );
        // No end record; records after it; header missing.
        assert_eq!(malformed_record(read(&join(&recs[..4]))), 5);
        let mut after_end = recs.clone();
        after_end.push(recs[4]);
        assert_eq!(malformed_record(read(&join(&after_end))), 6);
        assert_eq!(malformed_record(read(&join(&recs[1..]))), 1);
        // Letters in an amount.
        let mut letters = bytes.clone();
        letters[122 + 85] = b'X';
        assert_eq!(malformed_record(read(&letters)), 2);
        // A byte that is not Shift_JIS half-width in a name.
        let mut bad_byte = bytes.clone();
        bad_byte[122 + 55] = 0x82;
        assert_eq!(malformed_record(read(&bad_byte)), 2);
        // Not a 総合振込 file.
        let mut payroll = bytes.clone();
        payroll[1..3].copy_from_slice(b"11");
        assert_eq!(malformed_record(read(&payroll)), 1);
        // A record one byte short shifts everything after it.
        let mut short = bytes.clone();
        short.remove(122 + 119);
        assert!(read(&short).is_err());
    }

    #[test]
    fn refuses_what_does_not_fit() {
        let mut file = example();
        file.transfers.clear();
        assert_eq!(write(&file), Err(ZenginError::NoTransfers));

        let mut file = example();
        file.transfers[1].amount = Yen::ZERO;
        assert_eq!(write(&file), Err(ZenginError::AmountInvalid { record: 3 }));
        file.transfers[1].amount = Yen::new(-5);
        assert_eq!(write(&file), Err(ZenginError::AmountInvalid { record: 3 }));
        file.transfers[1].amount = Yen::new(10_000_000_000);
        assert_eq!(
            write(&file),
            Err(ZenginError::AmountTooLarge {
                record: 3,
                max: MAX_TRANSFER_AMOUNT
            })
        );
        file.transfers[1].amount = MAX_TRANSFER_AMOUNT;
        assert!(write(&file).is_ok());

        let mut file = example();
        file.transfers = vec![transfer("ヤマダ タロウ", MAX_TRANSFER_AMOUNT.get(), ""); 101];
        assert_eq!(
            write(&file),
            Err(ZenginError::TotalTooLarge {
                max: MAX_TOTAL_AMOUNT
            })
        );
        file.transfers.truncate(100);
        let bytes = write(&file).expect("a total of 12 digits fits");
        assert_eq!(at(records(&bytes)[101], 8, 19), b"999999999900");

        let mut file = example();
        file.requester_name = "ｱ".repeat(41);
        assert_eq!(
            write(&file),
            Err(ZenginError::FieldTooLong {
                record: 1,
                field: ZenginField::RequesterName,
                max: 40
            })
        );
        file.requester_name = "ｱ".repeat(40);
        assert!(write(&file).is_ok());
        file.requester_name = "ヨロズ".into();
        assert_eq!(
            write(&file),
            Err(ZenginError::InvalidCharacter {
                record: 1,
                field: ZenginField::RequesterName,
                character: 'ヨ'
            })
        );

        let mut file = example();
        file.from.bank_kana = "ﾐｽﾞﾎｷﾞﾝｺｳﾄｳｷﾖｳﾎﾝﾃﾝ".into();
        assert_eq!(
            write(&file),
            Err(ZenginError::FieldTooLong {
                record: 1,
                field: ZenginField::PayingBankName,
                max: 15
            })
        );

        let mut file = example();
        file.transfers[0].branch_kana = "ｼﾌﾞﾔ･ｴｷﾏｴ".into();
        assert_eq!(
            write(&file),
            Err(ZenginError::InvalidCharacter {
                record: 2,
                field: ZenginField::BranchName,
                character: '･'
            })
        );

        for bad in ["", "12345678901", "12-345", "１２３"] {
            let mut file = example();
            file.requester_code = bad.into();
            assert_eq!(
                write(&file),
                Err(ZenginError::FieldNotNumeric {
                    record: 1,
                    field: ZenginField::RequesterCode,
                    max_digits: 10
                }),
                "{bad:?}"
            );
        }
        for bad in ["12345678901", "P-42", "abc"] {
            let mut file = example();
            file.transfers[1].customer_code1 = bad.into();
            assert_eq!(
                write(&file),
                Err(ZenginError::FieldNotNumeric {
                    record: 3,
                    field: ZenginField::CustomerCode1,
                    max_digits: 10
                }),
                "{bad:?}"
            );
        }

        for (month, day) in [(0, 1), (13, 1), (4, 31), (2, 30), (1, 0), (12, 32)] {
            let mut file = example();
            file.transfer_date = (month, day);
            assert_eq!(write(&file), Err(ZenginError::DateInvalid), "{month}/{day}");
        }
        let mut file = example();
        file.transfer_date = (2, 29);
        assert!(write(&file).is_ok());
    }

    #[test]
    fn error_codes() {
        let cases = [
            (ZenginError::NoTransfers, "zengin-no-transfers"),
            (
                ZenginError::TooManyTransfers { max: MAX_TRANSFERS },
                "zengin-too-many-transfers",
            ),
            (ZenginError::DateInvalid, "zengin-date-invalid"),
            (
                ZenginError::FieldNotNumeric {
                    record: 1,
                    field: ZenginField::RequesterCode,
                    max_digits: 10,
                },
                "zengin-field-not-numeric",
            ),
            (
                ZenginError::FieldTooLong {
                    record: 1,
                    field: ZenginField::RequesterName,
                    max: 40,
                },
                "zengin-field-too-long",
            ),
            (
                ZenginError::InvalidCharacter {
                    record: 1,
                    field: ZenginField::RequesterName,
                    character: 'ア',
                },
                "zengin-invalid-character",
            ),
            (
                ZenginError::AmountInvalid { record: 2 },
                "zengin-amount-invalid",
            ),
            (
                ZenginError::AmountTooLarge {
                    record: 2,
                    max: MAX_TRANSFER_AMOUNT,
                },
                "zengin-amount-too-large",
            ),
            (
                ZenginError::TotalTooLarge {
                    max: MAX_TOTAL_AMOUNT,
                },
                "zengin-total-too-large",
            ),
            (
                ZenginError::Malformed {
                    record: 1,
                    reason: "",
                },
                "zengin-file-malformed",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
        }
        assert_eq!(ZenginField::RecipientName.to_string(), "受取人名");
    }

    /// Strings of transfer-file characters (voiced kana kept whole), 0..=`max` characters.
    fn zengin_text(max: usize) -> impl Strategy<Value = String> {
        let unit = prop_oneof![
            proptest::char::range('\u{FF71}', '\u{FF9D}').prop_map(String::from),
            proptest::char::range('A', 'Z').prop_map(String::from),
            proptest::char::range('0', '9').prop_map(String::from),
            proptest::sample::select(vec!["ｶﾞ", "ﾊﾟ", "ｳﾞ", "(", ")", ".", "-", "/", "ｦ", " "])
                .prop_map(String::from),
        ];
        proptest::collection::vec(unit, 0..=max).prop_map(move |units| {
            let mut s = String::new();
            for u in units {
                if s.chars().count() + u.chars().count() <= max {
                    s.push_str(&u);
                }
            }
            s
        })
    }

    fn digits(min: usize, max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::char::range('0', '9'), min..=max)
            .prop_map(|d| d.into_iter().collect())
    }

    fn account_type() -> impl Strategy<Value = AccountType> {
        proptest::sample::select(AccountType::ALL.to_vec())
    }

    fn any_transfer() -> impl Strategy<Value = Transfer> {
        (
            (digits(4, 4), zengin_text(15), digits(3, 3), zengin_text(15)),
            (account_type(), digits(1, 7)),
            zengin_text(30).prop_filter_map("a valid holder name", |name| {
                AccountHolder::parse(&name).ok()
            }),
            1_i64..=MAX_TRANSFER_AMOUNT.get(),
            digits(0, 10),
        )
            .prop_map(
                |(
                    (bank, bank_kana, branch, branch_kana),
                    (account_type, number),
                    holder,
                    amount,
                    code,
                )| {
                    Transfer {
                        bank_code: BankCode::parse(&bank).expect("4 digits"),
                        bank_kana: bank_kana.trim_end().to_owned(),
                        branch_code: BranchCode::parse(&branch).expect("3 digits"),
                        branch_kana: branch_kana.trim_end().to_owned(),
                        account_type,
                        account_number: AccountNumber::parse(&number).expect("1-7 digits"),
                        holder,
                        amount: Yen::new(amount),
                        customer_code1: code,
                    }
                },
            )
    }

    fn any_file() -> impl Strategy<Value = TransferFile> {
        (
            digits(1, 10),
            zengin_text(40),
            (1_u8..=12, 1_u8..=28),
            (digits(4, 4), zengin_text(15), digits(3, 3), zengin_text(15)),
            (account_type(), digits(1, 7)),
            proptest::collection::vec(any_transfer(), 1..8),
        )
            .prop_map(
                |(
                    code,
                    name,
                    date,
                    (bank, bank_kana, branch, branch_kana),
                    (account_type, number),
                    transfers,
                )| {
                    TransferFile {
                        requester_code: code,
                        requester_name: name.trim_end().to_owned(),
                        transfer_date: date,
                        from: PayingAccount {
                            bank_code: BankCode::parse(&bank).expect("4 digits"),
                            bank_kana: bank_kana.trim_end().to_owned(),
                            branch_code: BranchCode::parse(&branch).expect("3 digits"),
                            branch_kana: branch_kana.trim_end().to_owned(),
                            account_type,
                            account_number: AccountNumber::parse(&number).expect("1-7 digits"),
                        },
                        transfers,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn written_files_read_back_field_by_field(file in any_file()) {
            let bytes = write(&file).expect("valid input");
            let recs = records(&bytes);
            prop_assert_eq!(recs.len(), file.transfers.len() + 3);
            for record in &recs {
                prop_assert!(record
                    .iter()
                    .all(|b| (0x20..=0x7E).contains(b) || (0xA1..=0xDF).contains(b)));
            }

            let parsed = read(&bytes).expect("readable");
            let h = &parsed.header;
            prop_assert_eq!(&h.kind_code, "21");
            prop_assert_eq!(&h.code_division, "0");
            prop_assert_eq!(&h.requester_code, &format!("{:0>10}", file.requester_code));
            prop_assert_eq!(&h.requester_name, &file.requester_name);
            prop_assert_eq!(h.transfer_date, file.transfer_date);
            prop_assert_eq!(h.bank_code.as_str(), file.from.bank_code.as_str());
            prop_assert_eq!(&h.bank_name, &file.from.bank_kana);
            prop_assert_eq!(h.branch_code.as_str(), file.from.branch_code.as_str());
            prop_assert_eq!(&h.branch_name, &file.from.branch_kana);
            prop_assert_eq!(h.account_type, file.from.account_type.zengin_code());
            prop_assert_eq!(h.account_number.as_str(), file.from.account_number.as_str());

            prop_assert_eq!(parsed.transfers.len(), file.transfers.len());
            for (p, t) in parsed.transfers.iter().zip(&file.transfers) {
                prop_assert_eq!(p.bank_code.as_str(), t.bank_code.as_str());
                prop_assert_eq!(&p.bank_name, &t.bank_kana);
                prop_assert_eq!(p.branch_code.as_str(), t.branch_code.as_str());
                prop_assert_eq!(&p.branch_name, &t.branch_kana);
                prop_assert_eq!(p.account_type, t.account_type.zengin_code());
                prop_assert_eq!(p.account_number.as_str(), t.account_number.as_str());
                prop_assert_eq!(p.recipient_name.as_str(), t.holder.as_str());
                prop_assert_eq!(p.amount, t.amount);
                prop_assert_eq!(&p.customer_code1, &t.customer_code1);
                prop_assert_eq!(&p.transfer_kind, "7");
            }

            let total: i64 = file.transfers.iter().map(|t| t.amount.get()).sum();
            prop_assert_eq!(parsed.trailer.count, file.transfers.len() as u64);
            prop_assert_eq!(parsed.trailer.total, Yen::new(total));
        }

        #[test]
        fn reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(&bytes);
        }

        #[test]
        fn reader_survives_corrupted_files(file in any_file(), index in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let mut bytes = write(&file).expect("valid input");
            let i = index.index(bytes.len());
            bytes[i] = byte;
            let _ = read(&bytes);
        }
    }
}
