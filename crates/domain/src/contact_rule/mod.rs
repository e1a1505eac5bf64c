//! The contact-details rule (直接取引の禁止): finds e-mail addresses, phone numbers, LINE IDs,
//! other messenger handles and external payment requests in a text before it is saved, so the
//! writer can be warned with the parts highlighted.
//!
//! Members hide contact details to get past a plain pattern (「ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ」,
//! 「〇九〇の一二三四の五六七八」, 「taro アットマーク gmail ドット com」), so the text is first
//! folded with the search normalisation ([`crate::search::normalize_mapped`]: width, case,
//! kana) and then by this module's own folds (kanji and kana digits, 「アットマーク」,
//! 「ドット」) in [`stream`]. Every folded character remembers the bytes of the original it came
//! from, so a finding is reported as a range of the ORIGINAL text.
//!
//! Precision matters as much as recall: prices, dates, order numbers, quantities and ordinary
//! words (「オンライン」, 「LINEスタンプ」, 「PayPay導入サポート」) must not trigger, and a text
//! that states the rule (「LINEでのやり取りはできません」) is not a breach of it. Keyword kinds
//! therefore need a trigger next to the keyword (「LINE ID」, 「ライン交換」, 「PayPayで支払」)
//! and are dropped when a negation follows. Measured on the labelled set in
//! `tests/data/contact_rule.tsv` (the test prints precision and recall).

mod email;
mod keywords;
mod phone;
mod segments;
mod stream;
mod urls;

use std::ops::Range;

pub use segments::{Segment, segments};
pub use stream::ng_word_key;

/// What a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// An e-mail address, in any width or spelled out (「アットマーク」, "(at)").
    Email,
    /// A Japanese phone number (mobile, landline, toll-free) or +81.
    Phone,
    /// A LINE ID, a LINE link or a request to move to LINE.
    Line,
    /// A handle or invitation on another messenger (Instagram, Discord, Skype, Chatwork…).
    Messenger,
    /// An external payment link or a request to pay or trade outside the platform.
    ExternalPayment,
    /// A word the operators added to the NG list.
    NgWord,
}

impl FindingKind {
    /// Every kind, for listings and tests.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Email,
        FindingKind::Phone,
        FindingKind::Line,
        FindingKind::Messenger,
        FindingKind::ExternalPayment,
        FindingKind::NgWord,
    ];

    /// Stable name: API value, audit text and Fluent key suffix (`contact-kind-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Email => "email",
            FindingKind::Phone => "phone",
            FindingKind::Line => "line",
            FindingKind::Messenger => "messenger",
            FindingKind::ExternalPayment => "external_payment",
            FindingKind::NgWord => "ng_word",
        }
    }
}

/// One part of a text that breaks the rule: its kind and where it is in the original text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Byte range in the original text (for slicing in Rust).
    pub bytes: Range<usize>,
    /// Character range in the original text (Unicode scalar values, for clients).
    pub chars: Range<usize>,
}

impl Finding {
    /// The found part of `text` (the text the finding was made on).
    pub fn excerpt<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.bytes.clone()).unwrap_or("")
    }
}

/// Finds contact details in `text`. `ng_words` are the operators' extra words, as keys made by
/// [`ng_word_key`]; they match anywhere, after the same folding, spaces ignored.
/// Findings are in text order and do not overlap.
pub fn find(text: &str, ng_words: &[String]) -> Vec<Finding> {
    let folded = stream::Folded::new(text);
    let mut found: Vec<(FindingKind, Range<usize>)> = Vec::new();
    found.extend(email::find(&folded));
    found.extend(phone::find(&folded));
    found.extend(urls::find(&folded));
    found.extend(keywords::find(&folded));
    found.extend(stream::find_ng_words(&folded, ng_words));
    resolve(text, found)
}

/// True when `text` has anything to warn about.
pub fn breaks_rule(text: &str, ng_words: &[String]) -> bool {
    !find(text, ng_words).is_empty()
}

/// Sorts findings by position and merges overlapping ones (the earlier, then the longer, wins
/// the kind), then adds character ranges.
fn resolve(text: &str, mut found: Vec<(FindingKind, Range<usize>)>) -> Vec<Finding> {
    found.retain(|(_, r)| r.start < r.end && r.end <= text.len());
    found.sort_by(|a, b| {
        a.1.start
            .cmp(&b.1.start)
            .then(b.1.end.cmp(&a.1.end))
            .then(a.0.cmp(&b.0))
    });
    let mut merged: Vec<(FindingKind, Range<usize>)> = Vec::new();
    for (kind, range) in found {
        match merged.last_mut() {
            Some((_, last)) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push((kind, range)),
        }
    }
    merged
        .into_iter()
        .map(|(kind, bytes)| {
            let start = text[..bytes.start].chars().count();
            let len = text[bytes.clone()].chars().count();
            Finding {
                kind,
                bytes,
                chars: start..start + len,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<FindingKind> {
        find(text, &[]).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "連絡先はｔａｒｏ＠ｇｍａｉｌ．ｃｏｍです";
        let found = find(text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FindingKind::Email);
        assert_eq!(found[0].excerpt(text), "ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ");
        assert_eq!(found[0].chars, 4..18);
    }

    #[test]
    fn spelled_out_and_kanji_forms() {
        assert_eq!(
            kinds("taro アットマーク gmail ドット com"),
            [FindingKind::Email]
        );
        assert_eq!(kinds("〇九〇の一二三四の五六七八"), [FindingKind::Phone]);
        assert_eq!(
            kinds("ぜろきゅうぜろ いちにさんよん ごろくななはち"),
            [FindingKind::Phone]
        );
        assert_eq!(kinds("+81 90-1234-5678"), [FindingKind::Phone]);
    }

    #[test]
    fn prices_dates_and_ordinary_words_do_not_trigger() {
        for text in [
            "¥5,000で承ります",
            "2026/01/15 09:00 に納品します",
            "注文番号 1234567890123",
            "オンラインで打ち合わせ",
            "LINEスタンプを制作します",
            "PayPay導入サポート",
            "@よろず運営 さんに問い合わせました",
            "LINEでのやり取りはできません",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", find(text, &[]));
        }
    }

    #[test]
    fn long_adversarial_texts_end_promptly() {
        // Each detector scans forward with bounded look-arounds: a 5,000-character text of
        // separators, digits, at signs or keywords is linear work, not a hang.
        let started = std::time::Instant::now();
        for unit in ["1 ", "a@", "@.", "らいん", "〇", "line id ", "0-", "ぜろ "] {
            let text = unit.repeat(5_000 / unit.chars().count());
            let _ = find(&text, &[ng_word_key("裏取引")]);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn ng_words_match_after_folding() {
        let words = vec![ng_word_key("裏取引")];
        assert_eq!(
            find("ウラ取引ではなく裏 取引しましょう", &words)
                .iter()
                .map(|f| f.kind)
                .collect::<Vec<_>>(),
            [FindingKind::NgWord]
        );
    }
}
