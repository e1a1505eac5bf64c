//! Bank and branch names (金融機関・支店) for showing a registered account back to the
//! member and for the name fields of a transfer file.
//!
//! **This is a small bundled subset for development and tests**, not the 全銀協 table: a few
//! well-known banks, each with a few branches whose codes were checked against the public
//! bank/branch code data. Production must replace it with the full, current table (banks
//! merge branches and rename themselves every year). Codes that are not in the table are
//! refused by the use cases ([`BankLookupError`]), so an account can never be registered
//! against a bank the transfer file would not know how to name.
//!
//! Names are as in the 全銀協 table: branch names without 「支店」, kana in the half-width
//! transfer-file set ([`super::kana::is_zengin_char`], with `-` for the long vowel), at most
//! 15 characters (the width of the name fields).

use super::bank::{BankCode, BranchCode};
use crate::error_code::error_codes;

/// A bank (金融機関).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Bank {
    /// The 4-digit bank code.
    pub code: &'static str,
    /// The name as shown to people, e.g. 「みずほ銀行」.
    pub name: &'static str,
    /// The name in transfer-file kana, e.g. 「ﾐｽﾞﾎ」.
    pub kana: &'static str,
}

/// A branch (支店) of a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Branch {
    /// The 3-digit branch code.
    pub code: &'static str,
    /// The name as shown to people, e.g. 「東京営業部」.
    pub name: &'static str,
    /// The name in transfer-file kana, e.g. 「ﾄｳｷﾖｳ」.
    pub kana: &'static str,
}

/// Why a bank or branch code cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BankLookupError {
    /// No bank has this code.
    #[error("no bank has this code")]
    UnknownBank,
    /// The bank has no branch with this code.
    #[error("the bank has no branch with this code")]
    UnknownBranch,
}

error_codes! {
    BankLookupError {
        UnknownBank => "bank-unknown",
        UnknownBranch => "branch-unknown",
    }
}

struct BankEntry {
    bank: Bank,
    branches: &'static [Branch],
}

const fn new_bank(code: &'static str, name: &'static str, kana: &'static str) -> Bank {
    Bank { code, name, kana }
}

const fn new_branch(code: &'static str, name: &'static str, kana: &'static str) -> Branch {
    Branch { code, name, kana }
}

/// Sorted by bank code, each bank's branches by branch code.
static BANKS: &[BankEntry] = &[
    BankEntry {
        bank: new_bank("0001", "みずほ銀行", "ﾐｽﾞﾎ"),
        branches: &[
            new_branch("001", "東京営業部", "ﾄｳｷﾖｳ"),
            new_branch("035", "銀座", "ｷﾞﾝｻﾞ"),
            new_branch("210", "渋谷", "ｼﾌﾞﾔ"),
            new_branch("240", "新宿", "ｼﾝｼﾞﾕｸ"),
        ],
    },
    BankEntry {
        bank: new_bank("0005", "三菱ＵＦＪ銀行", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ"),
        branches: &[
            new_branch("001", "本店", "ﾎﾝﾃﾝ"),
            new_branch("002", "丸の内", "ﾏﾙﾉｳﾁ"),
            new_branch("005", "大阪営業部", "ｵｵｻｶ"),
            new_branch("135", "渋谷", "ｼﾌﾞﾔ"),
        ],
    },
    BankEntry {
        bank: new_bank("0009", "三井住友銀行", "ﾐﾂｲｽﾐﾄﾓ"),
        branches: &[
            new_branch("101", "大阪本店営業部", "ｵｵｻｶﾎﾝﾃﾝ"),
            new_branch("211", "東京営業部", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ"),
            new_branch("221", "新宿", "ｼﾝｼﾞﾕｸ"),
        ],
    },
    BankEntry {
        bank: new_bank("0010", "りそな銀行", "ﾘｿﾅ"),
        branches: &[
            new_branch("051", "大阪営業部", "ｵｵｻｶ"),
            new_branch("299", "新宿", "ｼﾝｼﾞﾕｸ"),
            new_branch("300", "東京営業部", "ﾄｳｷﾖｳ"),
        ],
    },
    BankEntry {
        bank: new_bank("0033", "PayPay銀行", "ﾍﾟｲﾍﾟｲ"),
        branches: &[
            new_branch("001", "本店営業部", "ﾎﾝﾃﾝ"),
            new_branch("002", "すずめ", "ｽｽﾞﾒ"),
            new_branch("003", "はやぶさ", "ﾊﾔﾌﾞｻ"),
            new_branch("004", "ふくろう", "ﾌｸﾛｳ"),
            new_branch("005", "ビジネス営業部", "ﾋﾞｼﾞﾈｽ"),
        ],
    },
    BankEntry {
        bank: new_bank("0036", "楽天銀行", "ﾗｸﾃﾝ"),
        branches: &[
            new_branch("201", "ジャズ", "ｼﾞﾔｽﾞ"),
            new_branch("202", "ロック", "ﾛﾂｸ"),
            new_branch("203", "サンバ", "ｻﾝﾊﾞ"),
            new_branch("251", "第一営業", "ﾀﾞｲｲﾁｴｲｷﾞﾖｳ"),
        ],
    },
    BankEntry {
        bank: new_bank("0038", "住信ＳＢＩネット銀行", "ｽﾐｼﾝｴｽﾋﾞ-ｱｲﾈﾂﾄ"),
        branches: &[
            new_branch("101", "イチゴ", "ｲﾁｺﾞ"),
            new_branch("102", "ブドウ", "ﾌﾞﾄﾞｳ"),
            new_branch("103", "ミカン", "ﾐｶﾝ"),
            new_branch("104", "レモン", "ﾚﾓﾝ"),
            new_branch("105", "リンゴ", "ﾘﾝｺﾞ"),
            new_branch("106", "法人第一", "ﾎｳｼﾞﾝﾀﾞｲｲﾁ"),
        ],
    },
    BankEntry {
        bank: new_bank("9900", "ゆうちょ銀行", "ﾕｳﾁﾖ"),
        branches: &[
            new_branch("008", "〇〇八", "ｾﾞﾛｾﾞﾛﾊﾁ"),
            new_branch("018", "〇一八", "ｾﾞﾛｲﾁﾊﾁ"),
            new_branch("019", "〇一九", "ｾﾞﾛｲﾁｷﾕｳ"),
        ],
    },
];

fn entry(code: &BankCode) -> Option<&'static BankEntry> {
    BANKS.iter().find(|e| e.bank.code == code.as_str())
}

/// The bank with this code, if the table has it.
pub fn bank(code: &BankCode) -> Option<&'static Bank> {
    entry(code).map(|e| &e.bank)
}

/// The branch with this code at this bank, if the table has it.
pub fn branch(bank_code: &BankCode, branch_code: &BranchCode) -> Option<&'static Branch> {
    branches(bank_code)
        .iter()
        .find(|b| b.code == branch_code.as_str())
}

/// The bank and branch for a pair of codes, or which of the two is unknown.
pub fn lookup(
    bank_code: &BankCode,
    branch_code: &BranchCode,
) -> Result<(&'static Bank, &'static Branch), BankLookupError> {
    let found_bank = bank(bank_code).ok_or(BankLookupError::UnknownBank)?;
    let found_branch = branch(bank_code, branch_code).ok_or(BankLookupError::UnknownBranch)?;
    Ok((found_bank, found_branch))
}

/// Every bank in the table, by code.
pub fn banks() -> impl Iterator<Item = &'static Bank> {
    BANKS.iter().map(|e| &e.bank)
}

/// The branches of a bank, by code; empty for an unknown bank.
pub fn branches(bank_code: &BankCode) -> &'static [Branch] {
    entry(bank_code).map_or(&[], |e| e.branches)
}

#[cfg(test)]
mod tests {
    use super::super::kana::{is_zengin_char, to_zengin_kana};
    use super::*;
    use crate::error_code::ErrorCode;

    fn bank_code(s: &str) -> BankCode {
        BankCode::parse(s).expect("valid code")
    }

    fn branch_code(s: &str) -> BranchCode {
        BranchCode::parse(s).expect("valid code")
    }

    #[test]
    fn finds_banks_and_branches() {
        let mizuho = bank(&bank_code("0001")).expect("in the table");
        assert_eq!(mizuho.name, "みずほ銀行");
        assert_eq!(mizuho.kana, "ﾐｽﾞﾎ");
        let tokyo = branch(&bank_code("0001"), &branch_code("001")).expect("in the table");
        assert_eq!(tokyo.name, "東京営業部");
        assert_eq!(
            lookup(&bank_code("0005"), &branch_code("001")).map(|(b, br)| (b.name, br.name)),
            Ok(("三菱ＵＦＪ銀行", "本店"))
        );
    }

    #[test]
    fn the_required_banks_are_there() {
        let codes: Vec<&str> = banks().map(|b| b.code).collect();
        for code in [
            "0001", "0005", "0009", "0010", "0033", "0036", "0038", "9900",
        ] {
            assert!(codes.contains(&code), "{code}");
        }
    }

    #[test]
    fn unknown_codes() {
        assert_eq!(bank(&bank_code("9999")), None);
        assert_eq!(branch(&bank_code("0001"), &branch_code("999")), None);
        assert_eq!(branch(&bank_code("9999"), &branch_code("001")), None);
        assert!(branches(&bank_code("9999")).is_empty());
        assert_eq!(
            lookup(&bank_code("9999"), &branch_code("001")),
            Err(BankLookupError::UnknownBank)
        );
        assert_eq!(
            lookup(&bank_code("0001"), &branch_code("999")),
            Err(BankLookupError::UnknownBranch)
        );
        assert_eq!(BankLookupError::UnknownBank.code(), "bank-unknown");
        assert_eq!(BankLookupError::UnknownBranch.code(), "branch-unknown");
    }

    #[test]
    fn codes_are_well_formed_sorted_and_unique() {
        for pair in BANKS.windows(2) {
            assert!(pair[0].bank.code < pair[1].bank.code);
        }
        for e in BANKS {
            assert!(BankCode::parse(e.bank.code).is_ok(), "{}", e.bank.code);
            assert!(!e.branches.is_empty(), "{}", e.bank.code);
            for b in e.branches {
                assert!(BranchCode::parse(b.code).is_ok(), "{}", b.code);
            }
            for pair in e.branches.windows(2) {
                assert!(pair[0].code < pair[1].code, "{}", e.bank.code);
            }
        }
    }

    #[test]
    fn kana_fits_the_transfer_file() {
        let names = BANKS
            .iter()
            .flat_map(|e| std::iter::once(e.bank.kana).chain(e.branches.iter().map(|b| b.kana)));
        for kana in names {
            assert!(!kana.is_empty());
            assert!(kana.chars().count() <= 15, "{kana}");
            assert!(kana.chars().all(is_zengin_char), "{kana}");
            assert_eq!(to_zengin_kana(kana).as_deref(), Ok(kana));
        }
    }

    /// The kana were typed by hand; each must be the normalised full-width reading.
    #[test]
    fn kana_match_their_readings() {
        let readings = [
            ("0001", "ミズホ"),
            ("0005", "ミツビシユーエフジエイ"),
            ("0009", "ミツイスミトモ"),
            ("0010", "リソナ"),
            ("0033", "ペイペイ"),
            ("0036", "ラクテン"),
            ("0038", "スミシンエスビーアイネツト"),
            ("9900", "ユウチヨ"),
        ];
        for (code, reading) in readings {
            let bank = bank(&bank_code(code)).expect("in the table");
            assert_eq!(to_zengin_kana(reading).as_deref(), Ok(bank.kana), "{code}");
        }
        let branch_readings = [
            ("0001", "001", "トウキヨウ"),
            ("0001", "035", "ギンザ"),
            ("0001", "210", "シブヤ"),
            ("0001", "240", "シンジユク"),
            ("0005", "001", "ホンテン"),
            ("0005", "002", "マルノウチ"),
            ("0005", "005", "オオサカ"),
            ("0005", "135", "シブヤ"),
            ("0009", "101", "オオサカホンテン"),
            ("0009", "211", "トウキヨウエイギヨウブ"),
            ("0009", "221", "シンジユク"),
            ("0010", "051", "オオサカ"),
            ("0010", "299", "シンジユク"),
            ("0010", "300", "トウキヨウ"),
            ("0033", "001", "ホンテン"),
            ("0033", "002", "スズメ"),
            ("0033", "003", "ハヤブサ"),
            ("0033", "004", "フクロウ"),
            ("0033", "005", "ビジネス"),
            ("0036", "201", "ジヤズ"),
            ("0036", "202", "ロツク"),
            ("0036", "203", "サンバ"),
            ("0036", "251", "ダイイチエイギヨウ"),
            ("0038", "101", "イチゴ"),
            ("0038", "102", "ブドウ"),
            ("0038", "103", "ミカン"),
            ("0038", "104", "レモン"),
            ("0038", "105", "リンゴ"),
            ("0038", "106", "ホウジンダイイチ"),
            ("9900", "008", "ゼロゼロハチ"),
            ("9900", "018", "ゼロイチハチ"),
            ("9900", "019", "ゼロイチキユウ"),
        ];
        let total: usize = BANKS.iter().map(|e| e.branches.len()).sum();
        assert_eq!(total, branch_readings.len(), "every branch has a reading");
        for (bank, code, reading) in branch_readings {
            let branch = branch(&bank_code(bank), &branch_code(code)).expect("in the table");
            assert_eq!(
                to_zengin_kana(reading).as_deref(),
                Ok(branch.kana),
                "{bank}-{code}"
            );
        }
    }
}
