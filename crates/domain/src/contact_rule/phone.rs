//! Japanese phone numbers in the folded view: digit groups joined by separators (「090-1234-
//! 5678」, 「(03) 1234 5678」, 「0 9 0 …」, 「〇九〇の一二三四の五六七八」) whose digits form a
//! valid number: 11 digits for mobile, IP and 0800 numbers, 10 for landlines, 0120 and 0570;
//! `+81` numbers are read as their domestic form. Dates, times, prices and order numbers do
//! not form one (a time's `:` and a price's `,` are not separators, and windows must start
//! and end on group boundaries with a plausible group shape).

use std::ops::Range;

use super::FindingKind;
use super::stream::{Folded, Sym};

/// Characters that may join the digit groups of one number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | 'ー' | '(' | ')' | '.' | '・' | '/' | 'の' | '、' | '_' | '~' | '〜'
    )
}

/// Most separator characters between two groups (「) - 」 is three).
const MAX_GAP: usize = 3;

/// A run of digits: its digits and its position in the folded view.
struct Group {
    digits: String,
    first: usize,
    last: usize,
}

/// Chains of groups, each group joined to the previous one by a short run of separators.
fn chains(s: &[Sym]) -> Vec<Vec<Group>> {
    let mut chains: Vec<Vec<Group>> = Vec::new();
    let mut current: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i].c.is_ascii_digit() {
            let first = i;
            let mut digits = String::new();
            while i < s.len() && s[i].c.is_ascii_digit() {
                digits.push(s[i].c);
                i += 1;
            }
            current.push(Group {
                digits,
                first,
                last: i - 1,
            });
            // Look past the separators for the next group.
            let mut j = i;
            while j < s.len() && j - i < MAX_GAP && is_separator(s[j].c) {
                j += 1;
            }
            if j > i && j < s.len() && s[j].c.is_ascii_digit() {
                i = j;
                continue;
            }
            chains.push(std::mem::take(&mut current));
        } else {
            i += 1;
        }
    }
    if !current.is_empty() {
        chains.push(current);
    }
    chains
}

/// A valid domestic number (digits only, leading 0).
fn is_domestic(d: &str) -> bool {
    let b = d.as_bytes();
    match b.len() {
        11 => ["020", "050", "060", "070", "080", "090", "0800"]
            .iter()
            .any(|p| d.starts_with(p)),
        10 => {
            b[0] == b'0'
                && b[1] != b'0'
                && !(matches!(b[1], b'5'..=b'9') && b[2] == b'0' && !d.starts_with("0570"))
        }
        _ => false,
    }
}

/// Whether the groups `window` are shaped like one written number: a single group of the whole
/// number, digits written one by one, or at most four groups with an area code of at most five
/// digits and a last group of three or four.
fn plausible_shape(window: &[Group]) -> bool {
    if window.len() == 1 || window.iter().all(|g| g.digits.len() == 1) {
        return true;
    }
    let first = window[0].digits.len();
    let last = window[window.len() - 1].digits.len();
    window.len() <= 4 && first <= 5 && (3..=4).contains(&last)
}

/// The domestic form of an international number: `+81 90…` and `+81 (0)90…` are `090…`.
fn domestic_of_international(d: &str) -> Option<String> {
    let rest = d.strip_prefix("81")?;
    let rest = rest.strip_prefix('0').unwrap_or(rest);
    Some(format!("0{rest}"))
}

pub(crate) fn find(f: &Folded) -> Vec<(FindingKind, Range<usize>)> {
    let s = &f.folded;
    let mut out = Vec::new();
    for chain in chains(s) {
        let mut i = 0;
        while i < chain.len() {
            let plus = chain[i].first > 0 && s[chain[i].first - 1].c == '+';
            let mut digits = String::new();
            let mut matched = None;
            for j in i..chain.len() {
                digits.push_str(&chain[j].digits);
                if digits.len() > 13 {
                    break;
                }
                let window = &chain[i..=j];
                let number = if plus {
                    domestic_of_international(&digits)
                } else {
                    Some(digits.clone())
                };
                // The +81 form has one more group than the domestic one.
                let shaped = if plus && window.len() > 1 {
                    plausible_shape(&window[1..])
                } else {
                    plausible_shape(window)
                };
                if number.as_deref().is_some_and(is_domestic) && shaped {
                    matched = Some(j);
                }
            }
            if let Some(j) = matched {
                let start = if plus {
                    chain[i].first - 1
                } else {
                    chain[i].first
                };
                out.push((
                    FindingKind::Phone,
                    s[start].bytes.start..s[chain[j].last].bytes.end,
                ));
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}
