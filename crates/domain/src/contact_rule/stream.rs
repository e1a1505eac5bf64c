//! The folded views of a text that the detectors read. Each character keeps the byte range of
//! the original text it came from.

use std::ops::Range;

use super::FindingKind;
use crate::search::{normalize, normalize_mapped};

/// One character of a folded view and the bytes of the original it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Sym {
    pub c: char,
    pub bytes: Range<usize>,
    /// Made from a spelled-out English word (" at ", " dot "): weaker evidence than "@".
    pub weak: bool,
}

/// The views of one text.
pub(crate) struct Folded {
    /// The search normalisation: width, case and kana folded, whitespace runs as one space.
    pub plain: Vec<Sym>,
    /// `plain` without its spaces, for keywords written spaced out (「L I N E」).
    pub compact: Vec<char>,
    /// For each character of `compact`, its index in `plain`.
    pub compact_at: Vec<usize>,
    /// `plain` with the spelled-out forms folded: 「アットマーク」 and "(at)" → `@`, 「ドット」 →
    /// `.`, kanji and kana digits (「〇九〇」, 「ぜろきゅうぜろ」) → ASCII digits.
    pub folded: Vec<Sym>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let (normalized, origins) = normalize_mapped(text);
        let plain: Vec<Sym> = normalized
            .chars()
            .zip(origins)
            .map(|(c, bytes)| Sym {
                c: extra_fold(c),
                bytes,
                weak: false,
            })
            .collect();
        let mut compact = Vec::with_capacity(plain.len());
        let mut compact_at = Vec::with_capacity(plain.len());
        for (i, s) in plain.iter().enumerate() {
            if s.c != ' ' {
                compact.push(s.c);
                compact_at.push(i);
            }
        }
        let folded = fold_spelled_out(&plain);
        Folded {
            plain,
            compact,
            compact_at,
            folded,
        }
    }

    /// Original bytes of the compact characters `range`.
    pub fn compact_bytes(&self, range: Range<usize>) -> Range<usize> {
        let first = self.compact_at[range.start];
        let last = self.compact_at[range.end - 1];
        self.plain[first].bytes.start..self.plain[last].bytes.end
    }

    /// True when `needle` is at compact position `at`.
    pub fn compact_has(&self, at: usize, needle: &str) -> bool {
        (at..)
            .zip(needle.chars())
            .all(|(i, c)| self.compact.get(i) == Some(&c))
    }

    /// Every compact position where `needle` starts.
    pub fn compact_find_all(&self, needle: &str) -> Vec<usize> {
        let n: Vec<char> = needle.chars().collect();
        if n.is_empty() || n.len() > self.compact.len() {
            return Vec::new();
        }
        (0..=self.compact.len() - n.len())
            .filter(|&i| self.compact[i..i + n.len()] == n[..])
            .collect()
    }
}

/// Characters the search normalisation keeps apart but contact details use alike: the small
/// and other at signs, and the many dashes of Japanese input.
fn extra_fold(c: char) -> char {
    match c {
        '\u{FE6B}' => '@',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        _ => c,
    }
}

/// Spelled-out at signs and dots, longest first. Spaces are folded away before this is read.
const ALIASES: &[(&str, char)] = &[
    ("(あっとまーく)", '@'),
    ("あっとまーく", '@'),
    ("(あっと)", '@'),
    ("あっと", '@'),
    ("(at)", '@'),
    ("[at]", '@'),
    ("<at>", '@'),
    ("(@)", '@'),
    ("[@]", '@'),
    ("(どっと)", '.'),
    ("どっと", '.'),
    ("(dot)", '.'),
    ("[dot]", '.'),
    ("<dot>", '.'),
    ("(.)", '.'),
    ("[.]", '.'),
];

/// Digits read aloud in kana (after the search normalisation, katakana is hiragana), longest
/// first.
const READINGS: &[(&str, char)] = &[
    ("きゅう", '9'),
    ("きゅー", '9'),
    ("ぜろ", '0'),
    ("れい", '0'),
    ("まる", '0'),
    ("いち", '1'),
    ("さん", '3'),
    ("よん", '4'),
    ("ろく", '6'),
    ("なな", '7'),
    ("しち", '7'),
    ("はち", '8'),
    ("に", '2'),
    ("し", '4'),
    ("ご", '5'),
    ("く", '9'),
];

/// A kanji or circled digit.
fn digit_char(c: char) -> Option<char> {
    Some(match c {
        '〇' | '零' | '⓪' => '0',
        '一' | '壱' | '①' => '1',
        '二' | '弐' | '②' => '2',
        '三' | '参' | '③' => '3',
        '四' | '④' => '4',
        '五' | '⑤' => '5',
        '六' | '⑥' => '6',
        '七' | '⑦' => '7',
        '八' | '⑧' => '8',
        '九' | '⑨' => '9',
        _ => return None,
    })
}

fn starts_with(plain: &[Sym], at: usize, needle: &str) -> bool {
    let mut i = at;
    for c in needle.chars() {
        match plain.get(i) {
            Some(s) if s.c == c => i += 1,
            _ => return false,
        }
    }
    true
}

/// The digit unit (kanji digit or kana reading) at `at`: its length in characters and digit.
fn numeral_at(plain: &[Sym], at: usize) -> Option<(usize, char)> {
    let c = plain.get(at)?.c;
    if let Some(d) = digit_char(c) {
        return Some((1, d));
    }
    READINGS
        .iter()
        .find(|(reading, _)| starts_with(plain, at, reading))
        .map(|(reading, d)| (reading.chars().count(), *d))
}

/// Separators allowed between read-aloud digits: 「ぜろ きゅう ぜろ の いち…」.
fn is_numeral_gap(c: char) -> bool {
    matches!(c, ' ' | 'の' | '-' | 'ー' | '、' | ',' | '.')
}

/// Where read-aloud digits are folded: only runs of at least three units, so that the
/// particle 「に」 after 「5678」 or 「一度」 stays a word and does not join the number.
fn numeral_runs(plain: &[Sym]) -> Vec<Option<(usize, char)>> {
    let mut marks = vec![None; plain.len()];
    let mut i = 0;
    while i < plain.len() {
        let Some(first) = numeral_at(plain, i) else {
            i += 1;
            continue;
        };
        // A run is written in one script: 「八に」 is eight and a particle, not 82.
        let kanji = digit_char(plain[i].c).is_some();
        let same_script = |at: usize| {
            numeral_at(plain, at).filter(|_| digit_char(plain[at].c).is_some() == kanji)
        };
        let mut units = vec![(i, first)];
        let mut j = i + first.0;
        loop {
            if let Some(u) = same_script(j) {
                units.push((j, u));
                j += u.0;
            } else if plain.get(j).is_some_and(|s| is_numeral_gap(s.c))
                && let Some(u) = same_script(j + 1)
            {
                units.push((j + 1, u));
                j += 1 + u.0;
            } else {
                break;
            }
        }
        if units.len() >= 3 {
            for (at, u) in &units {
                marks[*at] = Some(*u);
            }
        }
        i = j.max(i + 1);
    }
    marks
}

fn is_word_char(s: Option<&Sym>) -> bool {
    s.is_some_and(|s| s.c.is_ascii_alphanumeric())
}

fn covering(plain: &[Sym], range: Range<usize>) -> Range<usize> {
    plain[range.start].bytes.start..plain[range.end - 1].bytes.end
}

fn fold_spelled_out(plain: &[Sym]) -> Vec<Sym> {
    let numerals = numeral_runs(plain);
    let mut out: Vec<Sym> = Vec::with_capacity(plain.len());
    let mut i = 0;
    while i < plain.len() {
        if let Some((len, d)) = numerals[i] {
            out.push(Sym {
                c: d,
                bytes: covering(plain, i..i + len),
                weak: false,
            });
            i += len;
            continue;
        }
        if let Some((alias, c)) = ALIASES.iter().find(|(a, _)| starts_with(plain, i, a)) {
            let len = alias.chars().count();
            out.push(Sym {
                c: *c,
                bytes: covering(plain, i..i + len),
                weak: false,
            });
            i += len;
            continue;
        }
        // "taro at gmail dot com": only between words, and marked weak (see `email`).
        let mut spelled = false;
        for (word, c) in [(" at ", '@'), (" dot ", '.')] {
            let len = word.chars().count();
            if starts_with(plain, i, word)
                && is_word_char(out.last())
                && is_word_char(plain.get(i + len))
            {
                out.push(Sym {
                    c,
                    bytes: covering(plain, i..i + len),
                    weak: true,
                });
                i += len;
                spelled = true;
                break;
            }
        }
        if spelled {
            continue;
        }
        let s = &plain[i];
        let between_words = is_word_char(out.last()) && is_word_char(plain.get(i + 1));
        let c = match s.c {
            '★' | '☆' if between_words => '@',
            '。' | '、' | ',' | '・' if between_words => '.',
            c => c,
        };
        out.push(Sym {
            c,
            bytes: s.bytes.clone(),
            weak: false,
        });
        i += 1;
    }
    out
}

/// The key an operator's NG word is stored and matched by: the search normalisation with the
/// spaces removed, so 「裏 取引」 and 「裏取引」 are listed once and found however spaced.
pub fn ng_word_key(word: &str) -> String {
    normalize(word)
        .chars()
        .filter(|c| *c != ' ')
        .map(extra_fold)
        .collect()
}

/// The operators' NG words, matched in the compact view.
pub(crate) fn find_ng_words(
    folded: &Folded,
    ng_words: &[String],
) -> Vec<(FindingKind, Range<usize>)> {
    let mut out = Vec::new();
    for word in ng_words {
        let len = word.chars().count();
        if len == 0 {
            continue;
        }
        for at in folded.compact_find_all(word) {
            out.push((FindingKind::NgWord, folded.compact_bytes(at..at + len)));
        }
    }
    out
}
