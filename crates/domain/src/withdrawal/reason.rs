//! Why a member withdraws: optional choices and an optional comment, kept for statistics
//! without personal data (DESIGN.md's data table). The comment is scrubbed of anything that
//! looks like an e-mail address, a telephone number or a URL before it is stored, and it is
//! never stored with the member's id.

use crate::error_code::error_codes;

/// The reasons a member can tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonChoice {
    /// 売れない
    CannotSell,
    /// 使わなくなった
    NoLongerUsed,
    /// 個人情報が心配
    PrivacyConcern,
    /// 手数料が高い
    FeesTooHigh,
    /// アカウントを作り直したい
    NewAccount,
    /// その他
    Other,
}

impl ReasonChoice {
    pub const ALL: [ReasonChoice; 6] = [
        Self::CannotSell,
        Self::NoLongerUsed,
        Self::PrivacyConcern,
        Self::FeesTooHigh,
        Self::NewAccount,
        Self::Other,
    ];

    /// Stable key for forms, the API and messages (`withdrawal-reason-KEY`).
    pub fn key(self) -> &'static str {
        match self {
            Self::CannotSell => "cannot-sell",
            Self::NoLongerUsed => "no-longer-used",
            Self::PrivacyConcern => "privacy-concern",
            Self::FeesTooHigh => "fees-too-high",
            Self::NewAccount => "new-account",
            Self::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Result<Self, ReasonError> {
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .ok_or(ReasonError::UnknownChoice)
    }
}

/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReasonError {
    #[error("unknown withdrawal reason")]
    UnknownChoice,
    #[error("comment longer than {max} characters")]
    CommentTooLong { max: usize },
}

error_codes! {
    ReasonError {
        UnknownChoice => "withdrawal-reason-unknown",
        CommentTooLong { max } => "withdrawal-comment-too-long",
    }
}

/// A member's reasons, validated, with the comment already scrubbed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reasons {
    choices: Vec<ReasonChoice>,
    comment: String,
}

impl Reasons {
    /// Parses the ticked keys and the comment. Both are optional; duplicates are merged.
    pub fn parse<'a>(
        choices: impl IntoIterator<Item = &'a str>,
        comment: &str,
    ) -> Result<Self, ReasonError> {
        let mut parsed = choices
            .into_iter()
            .filter(|k| !k.is_empty())
            .map(ReasonChoice::parse)
            .collect::<Result<Vec<_>, _>>()?;
        parsed.sort_unstable();
        parsed.dedup();
        let comment = comment.trim();
        if comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(ReasonError::CommentTooLong {
                max: MAX_COMMENT_CHARS,
            });
        }
        Ok(Self {
            choices: parsed,
            comment: scrub(comment),
        })
    }

    /// Restores reasons stored by [`Reasons::stored_choices`] (unknown keys are skipped).
    pub fn from_stored(choices: &str, comment: &str) -> Self {
        Self {
            choices: choices
                .split(',')
                .filter_map(|k| ReasonChoice::parse(k).ok())
                .collect(),
            comment: comment.to_owned(),
        }
    }

    pub fn choices(&self) -> &[ReasonChoice] {
        &self.choices
    }

    pub fn comment(&self) -> &str {
        &self.comment
    }

    /// The choices as stored: keys joined by commas.
    pub fn stored_choices(&self) -> String {
        self.choices
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What replaces a scrubbed part of a comment.
pub const SCRUBBED: &str = "[削除]";

/// Removes what could identify a person from free text: e-mail addresses, URLs, and runs of
/// eight or more digits (telephone, account and card numbers, with or without hyphens or
/// spaces between them). Full-width characters are treated like their ASCII forms.
pub fn scrub(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        let core = word.trim_end();
        let tail = &word[core.len()..];
        let folded: String = core.chars().map(fold_width).collect();
        if folded.contains('@') && folded.contains('.')
            || folded.contains("://")
            || folded.starts_with("www.")
        {
            out.push_str(SCRUBBED);
        } else {
            out.push_str(core);
        }
        out.push_str(tail);
    }
    scrub_digits(&out)
}

fn fold_width(c: char) -> char {
    match c {
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_digitish(c: char) -> bool {
    fold_width(c).is_ascii_digit()
}

fn is_joiner(c: char) -> bool {
    matches!(fold_width(c), '-' | ' ' | '(' | ')' | '+') || c == 'ー' || c == '−'
}

/// Replaces every run of digits (joined by hyphens, spaces or brackets) that holds eight or
/// more digits.
fn scrub_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_digitish(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut digits = 0;
        let mut j = i;
        while j < chars.len() && (is_digitish(chars[j]) || is_joiner(chars[j])) {
            if is_digitish(chars[j]) {
                digits += 1;
                end = j + 1;
            }
            j += 1;
        }
        if digits >= 8 {
            out.push_str(SCRUBBED);
        } else {
            out.extend(&chars[start..end]);
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_parse_and_merge() {
        let r = Reasons::parse(["fees-too-high", "cannot-sell", "fees-too-high", ""], "")
            .expect("valid");
        assert_eq!(
            r.choices(),
            [ReasonChoice::CannotSell, ReasonChoice::FeesTooHigh]
        );
        assert_eq!(r.stored_choices(), "cannot-sell,fees-too-high");
        assert_eq!(Reasons::from_stored(&r.stored_choices(), ""), r);
        assert_eq!(
            Reasons::parse(["売れない"], ""),
            Err(ReasonError::UnknownChoice)
        );
        let long = "あ".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            Reasons::parse([], &long).map(|_| ()),
            Err(ReasonError::CommentTooLong {
                max: MAX_COMMENT_CHARS
            })
        );
    }

    #[test]
    fn personal_data_is_scrubbed_from_comments() {
        let cases = [
            ("連絡は taro@example.jp まで", "連絡は [削除] まで"),
            ("連絡はｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "[削除]"),
            ("電話 090-1234-5678 です", "電話 [削除] です"),
            ("電話０９０１２３４５６７８です", "電話[削除]です"),
            ("口座 1234567 と 12345678", "口座 1234567 と [削除]"),
            ("https://example.jp/me を見て", "[削除] を見て"),
            (
                "手数料が 22% は高いです。2026年に辞めます",
                "手数料が 22% は高いです。2026年に辞めます",
            ),
            (
                "カード 4242 4242 4242 4242 を消して",
                "カード [削除] を消して",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(scrub(input), want, "{input}");
        }
    }
}
