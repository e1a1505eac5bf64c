//! A text cut at its findings, for showing it with the found parts highlighted: the page
//! renders each segment as escaped text (in a `<mark>` when found), so no markup is built from
//! the member's text.

use super::{Finding, FindingKind};

/// A piece of the original text; `found` is the kind when the piece is a finding.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub text: String,
    pub found: Option<FindingKind>,
}

/// `text` cut into plain and found pieces, in order; joined, they are `text` again.
/// `findings` must come from [`super::find`] on the same text.
pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for f in findings {
        if f.bytes.start < at || f.bytes.end > text.len() {
            continue;
        }
        if let Some(before) = text.get(at..f.bytes.start).filter(|s| !s.is_empty()) {
            out.push(Segment {
                text: before.to_owned(),
                found: None,
            });
        }
        out.push(Segment {
            text: f.excerpt(text).to_owned(),
            found: Some(f.kind),
        });
        at = f.bytes.end;
    }
    if let Some(rest) = text.get(at..).filter(|s| !s.is_empty()) {
        out.push(Segment {
            text: rest.to_owned(),
            found: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use super::*;

    #[test]
    fn joined_segments_are_the_text() {
        let text = "<b>連絡</b>は taro@example.com か 090-1234-5678 まで";
        let parts = segments(text, &find(text, &[]));
        assert_eq!(
            parts.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
        let found: Vec<_> = parts
            .iter()
            .filter(|s| s.found.is_some())
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(found, ["taro@example.com", "090-1234-5678"]);
    }
}
