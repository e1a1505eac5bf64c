//! E-mail addresses in the folded view: `local@domain.tld`, spaces allowed around the `@`
//! and the dots, and letters written spaced out (「t a r o @ g m a i l . c o m」).

use std::ops::Range;

use super::FindingKind;
use super::stream::{Folded, Sym};

/// Mail providers whose name after a spelled-out " at " is enough ("taro at gmail.com").
const PROVIDERS: &[&str] = &[
    "gmail",
    "yahoo",
    "outlook",
    "hotmail",
    "icloud",
    "me",
    "live",
    "docomo",
    "ezweb",
    "softbank",
    "au",
    "proton",
    "protonmail",
    "aol",
    "msn",
    "nifty",
    "biglobe",
    "ocn",
    "mac",
];

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_label(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

fn is(s: &[Sym], i: usize, class: fn(char) -> bool) -> bool {
    s.get(i).is_some_and(|s| class(s.c))
}

/// The start of the word ending before `end`, walking left. A space is crossed only between
/// single characters, as in spaced-out writing.
fn word_start(s: &[Sym], end: usize, class: fn(char) -> bool) -> usize {
    let mut i = end;
    let mut segment = 0;
    while i > 0 {
        let c = s[i - 1].c;
        if class(c) {
            i -= 1;
            segment += 1;
        } else if c == ' '
            && segment == 1
            && i >= 2
            && class(s[i - 2].c)
            && (i < 3 || !class(s[i - 3].c))
        {
            i -= 1;
            segment = 0;
        } else {
            break;
        }
    }
    i
}

/// The end of the word starting at `start`, walking right, with the same rule for spaces.
fn word_end(s: &[Sym], start: usize, class: fn(char) -> bool) -> usize {
    let mut i = start;
    let mut segment = 0;
    while i < s.len() {
        let c = s[i].c;
        if class(c) {
            i += 1;
            segment += 1;
        } else if c == ' ' && segment == 1 && is(s, i + 1, class) && !is(s, i + 2, class) {
            i += 1;
            segment = 0;
        } else {
            break;
        }
    }
    i
}

fn text(s: &[Sym], range: Range<usize>) -> String {
    s[range]
        .iter()
        .filter(|s| s.c != ' ')
        .map(|s| s.c)
        .collect()
}

/// A domain starting at `start`: its end, its labels and whether a dot was spelled out.
fn domain(s: &[Sym], start: usize) -> (usize, Vec<String>, bool) {
    let mut labels = Vec::new();
    let mut spelled_dot = false;
    let mut i = start;
    loop {
        let end = word_end(s, i, is_label);
        if end == i {
            break;
        }
        labels.push(text(s, i..end));
        i = end;
        // A dot, with at most one space on either side.
        let mut j = i;
        if s.get(j).is_some_and(|s| s.c == ' ') {
            j += 1;
        }
        let Some(dot) = s.get(j).filter(|s| s.c == '.') else {
            break;
        };
        let weak = dot.weak;
        j += 1;
        if s.get(j).is_some_and(|s| s.c == ' ') {
            j += 1;
        }
        if !is(s, j, is_label) {
            break;
        }
        spelled_dot |= weak;
        i = j;
    }
    (i, labels, spelled_dot)
}

pub(crate) fn find(f: &Folded) -> Vec<(FindingKind, Range<usize>)> {
    let s = &f.folded;
    let mut out = Vec::new();
    for (at, sym) in s.iter().enumerate().filter(|(_, s)| s.c == '@') {
        let mut left_end = at;
        if left_end > 0 && s[left_end - 1].c == ' ' {
            left_end -= 1;
        }
        let start = word_start(s, left_end, is_local);
        if start == left_end {
            continue;
        }
        let mut right = at + 1;
        if s.get(right).is_some_and(|s| s.c == ' ') {
            right += 1;
        }
        let (end, labels, spelled_dot) = domain(s, right);
        let Some(tld) = labels.last() else { continue };
        let tld_ok =
            labels.len() >= 2 && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
        if !tld_ok {
            continue;
        }
        if sym.weak && !spelled_dot && !PROVIDERS.contains(&labels[0].as_str()) {
            continue;
        }
        out.push((
            FindingKind::Email,
            s[start].bytes.start..s[end - 1].bytes.end,
        ));
    }
    out
}
