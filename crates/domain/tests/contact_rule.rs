//! The contact-details detector on its labelled set (`tests/data/contact_rule.tsv`): every
//! phrase is asserted, and precision and recall over the whole set are printed and held to
//! at least 95%. Run with `--nocapture` to see the figures.

use yorozu_domain::contact_rule::{FindingKind, find};

struct Labelled {
    line: usize,
    expected: Option<FindingKind>,
    text: &'static str,
    known_miss: bool,
}

fn kind(label: &str) -> Option<FindingKind> {
    FindingKind::ALL.into_iter().find(|k| k.as_str() == label)
}

fn labelled() -> Vec<Labelled> {
    include_str!("data/contact_rule.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let mut cols = l.split('\t');
            let label = cols.next().unwrap_or_default();
            let text = cols
                .next()
                .unwrap_or_else(|| panic!("line {}: no phrase", i + 1));
            let known_miss = cols.next() == Some("miss");
            let expected = if label == "none" {
                None
            } else {
                Some(kind(label).unwrap_or_else(|| panic!("line {}: unknown label {label}", i + 1)))
            };
            Labelled {
                line: i + 1,
                expected,
                text,
                known_miss,
            }
        })
        .collect()
}

/// Whether the detector gets the phrase right: nothing found for `none`, otherwise a finding
/// of the expected kind.
fn correct(l: &Labelled) -> bool {
    let found = find(l.text, &[]);
    match l.expected {
        None => found.is_empty(),
        Some(kind) => found.iter().any(|f| f.kind == kind),
    }
}

#[test]
fn the_set_is_large_and_balanced() {
    let set = labelled();
    let positive = set.iter().filter(|l| l.expected.is_some()).count();
    assert!(set.len() >= 200, "{} phrases", set.len());
    assert!(
        positive * 3 >= set.len() && positive * 3 <= set.len() * 2,
        "{positive} of {}",
        set.len()
    );
    for kind in FindingKind::ALL
        .into_iter()
        .filter(|k| *k != FindingKind::NgWord)
    {
        assert!(
            set.iter().filter(|l| l.expected == Some(kind)).count() >= 15,
            "{kind:?}"
        );
    }
}

#[test]
fn each_labelled_phrase() {
    let mut wrong = Vec::new();
    for l in labelled() {
        if correct(&l) == l.known_miss {
            wrong.push(format!(
                "line {}: {:?} expected {:?}{}, found {:?}",
                l.line,
                l.text,
                l.expected,
                if l.known_miss {
                    " (marked miss but now right)"
                } else {
                    ""
                },
                find(l.text, &[])
                    .iter()
                    .map(|f| (f.kind, f.excerpt(l.text)))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn precision_and_recall() {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for l in labelled() {
        let flagged = !find(l.text, &[]).is_empty();
        match (l.expected.is_some(), flagged, correct(&l)) {
            (true, _, true) => tp += 1,
            (true, true, false) => {
                // Flagged, but as the wrong kind: the writer is still warned; count it as a
                // true positive for the warning and note it.
                tp += 1;
            }
            (true, false, _) => fn_ += 1,
            (false, true, _) => fp += 1,
            (false, false, _) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "contact rule: {} phrases, tp {tp}, fp {fp}, fn {fn_}: precision {:.1}%, recall {:.1}%",
        labelled().len(),
        precision * 100.0,
        recall * 100.0
    );
    assert!(precision >= 0.95, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
}
