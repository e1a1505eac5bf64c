//! Frequently asked questions (よくある質問) the seller answers on the listing page, entered as
//! repeated form rows of question and answer.

use super::field::{self, Problem};
use crate::error_code::{RowInput, error_codes};

/// Most FAQ entries a listing may have.
pub const MAX_FAQ_ENTRIES: usize = 10;
/// Longest question, in characters.
pub const MAX_FAQ_QUESTION_CHARS: usize = 100;
/// Longest answer, in characters; a line break counts as one.
pub const MAX_FAQ_ANSWER_CHARS: usize = 1000;

/// Why the FAQ is refused. Every variant about one entry carries its `row`: the 1-based
/// position of the form row as submitted (blank rows count).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaqError {
    /// More than [`MAX_FAQ_ENTRIES`] filled-in rows.
    #[error("more than {max} FAQ entries")]
    TooMany {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// An answer without a question.
    #[error("FAQ entry {row} has no question")]
    QuestionEmpty {
        /// 1-based form row.
        row: usize,
    },
    /// A question longer than [`MAX_FAQ_QUESTION_CHARS`].
    #[error("question of FAQ entry {row} is longer than {max} characters")]
    QuestionTooLong {
        /// 1-based form row.
        row: usize,
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// A question without an answer.
    #[error("FAQ entry {row} has no answer")]
    AnswerEmpty {
        /// 1-based form row.
        row: usize,
    },
    /// An answer longer than [`MAX_FAQ_ANSWER_CHARS`].
    #[error("answer of FAQ entry {row} is longer than {max} characters")]
    AnswerTooLong {
        /// 1-based form row.
        row: usize,
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Control or invisible characters in the question or answer (or a line break in the
    /// question).
    #[error("FAQ entry {row} contains characters that cannot be shown")]
    InvalidCharacters {
        /// 1-based form row.
        row: usize,
    },
}

error_codes! {
    FaqError {
        TooMany { max } => "faq-too-many",
        QuestionEmpty { row } => "faq-question-empty",
        QuestionTooLong { row, max } => "faq-question-too-long",
        AnswerEmpty { row } => "faq-answer-empty",
        AnswerTooLong { row, max } => "faq-answer-too-long",
        InvalidCharacters { row } => "faq-invalid-characters",
    }

    fn row_input(&self) -> Option<RowInput> {
        match *self {
            Self::TooMany { .. } => None,
            Self::QuestionEmpty { row } | Self::QuestionTooLong { row, .. } => {
                Some(RowInput::FaqQuestion { row })
            }
            Self::AnswerEmpty { row } | Self::AnswerTooLong { row, .. } => {
                Some(RowInput::FaqAnswer { row })
            }
            Self::InvalidCharacters { row } => Some(RowInput::FaqEntry { row }),
        }
    }
}

/// One question (single line, 1 to [`MAX_FAQ_QUESTION_CHARS`] characters) and its answer
/// (1 to [`MAX_FAQ_ANSWER_CHARS`] characters, `\n` line breaks).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct FaqEntry {
    question: String,
    answer: String,
}

impl FaqEntry {
    /// The question, trimmed.
    pub fn question(&self) -> &str {
        &self.question
    }

    /// The answer, trimmed, with `\n` line breaks.
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// Parses one form row; `Ok(None)` when both cells are blank.
    fn parse_row(row: usize, question: &str, answer: &str) -> Result<Option<Self>, FaqError> {
        let question =
            field::single_line(question, MAX_FAQ_QUESTION_CHARS).map_err(
                |problem| match problem {
                    Problem::TooLong => FaqError::QuestionTooLong {
                        row,
                        max: MAX_FAQ_QUESTION_CHARS,
                    },
                    Problem::InvalidCharacters => FaqError::InvalidCharacters { row },
                },
            )?;
        let answer =
            field::multi_line(answer, MAX_FAQ_ANSWER_CHARS).map_err(|problem| match problem {
                Problem::TooLong => FaqError::AnswerTooLong {
                    row,
                    max: MAX_FAQ_ANSWER_CHARS,
                },
                Problem::InvalidCharacters => FaqError::InvalidCharacters { row },
            })?;
        match (question.is_empty(), answer.is_empty()) {
            (true, true) => Ok(None),
            (true, false) => Err(FaqError::QuestionEmpty { row }),
            (false, true) => Err(FaqError::AnswerEmpty { row }),
            (false, false) => Ok(Some(Self { question, answer })),
        }
    }
}

/// Up to [`MAX_FAQ_ENTRIES`] entries in the order entered; possibly none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Faq(Vec<FaqEntry>);

impl Faq {
    /// Parses the repeated form rows, given as two parallel columns (`faq_question[]`,
    /// `faq_answer[]`). Rows whose question and answer are both blank are skipped; a missing
    /// cell (columns of different lengths) counts as blank.
    pub fn parse<Q: AsRef<str>, A: AsRef<str>>(
        questions: &[Q],
        answers: &[A],
    ) -> Result<Self, FaqError> {
        let mut entries = Vec::new();
        for index in 0..questions.len().max(answers.len()) {
            let row = index + 1;
            let parsed = FaqEntry::parse_row(
                row,
                field::cell(questions, index),
                field::cell(answers, index),
            )?;
            if let Some(entry) = parsed {
                if entries.len() == MAX_FAQ_ENTRIES {
                    return Err(FaqError::TooMany {
                        max: MAX_FAQ_ENTRIES,
                    });
                }
                entries.push(entry);
            }
        }
        Ok(Self(entries))
    }

    /// Reads stored rows (`listing_faqs`, ordered by position) as they are.
    pub fn from_storage(rows: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(
            rows.into_iter()
                .map(|(question, answer)| FaqEntry { question, answer })
                .collect(),
        )
    }

    /// The entries, in order.
    pub fn as_slice(&self) -> &[FaqEntry] {
        &self.0
    }

    /// The entries, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, FaqEntry> {
        self.0.iter()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the listing has no FAQ.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Faq {
    type Item = &'a FaqEntry;
    type IntoIter = std::slice::Iter<'a, FaqEntry>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::{ErrorCode, RowInput};
    use proptest::prelude::*;

    #[test]
    fn parses_rows_and_skips_blank_ones() {
        let faq = Faq::parse(
            &["", "修正は何回までですか？", " 商用利用できますか？ "],
            &[
                "",
                "3回まで無料です。",
                "はい。\r\n追加料金なしで可能です。",
            ],
        )
        .expect("valid");
        assert_eq!(faq.len(), 2);
        assert_eq!(faq.as_slice()[0].question(), "修正は何回までですか？");
        assert_eq!(faq.as_slice()[1].question(), "商用利用できますか？");
        assert_eq!(
            faq.as_slice()[1].answer(),
            "はい。\n追加料金なしで可能です。"
        );
    }

    #[test]
    fn errors_name_the_row() {
        assert_eq!(
            Faq::parse(&["", "質問"], &["", ""]),
            Err(FaqError::AnswerEmpty { row: 2 })
        );
        assert_eq!(
            Faq::parse(&["質問"], &["回答", "回答だけ"]),
            Err(FaqError::QuestionEmpty { row: 2 })
        );
        assert_eq!(
            Faq::parse(&["問".repeat(101)], &["回答"]),
            Err(FaqError::QuestionTooLong { row: 1, max: 100 })
        );
        assert_eq!(
            Faq::parse(&["質問"], &["答".repeat(1001)]),
            Err(FaqError::AnswerTooLong { row: 1, max: 1000 })
        );
        assert_eq!(
            Faq::parse(&["質\n問"], &["回答"]),
            Err(FaqError::InvalidCharacters { row: 1 })
        );
        assert_eq!(
            Faq::parse(&["質問"], &["回\u{200B}答"]),
            Err(FaqError::InvalidCharacters { row: 1 })
        );
        assert_eq!(
            FaqError::AnswerEmpty { row: 4 }
                .row_input()
                .map(RowInput::row),
            Some(4)
        );
    }

    #[test]
    fn at_most_ten_entries() {
        let questions: Vec<String> = (1..=11).map(|i| format!("質問{i}")).collect();
        let answers = vec!["回答"; 11];
        assert_eq!(
            Faq::parse(&questions, &answers),
            Err(FaqError::TooMany { max: 10 })
        );
        assert_eq!(
            Faq::parse(&questions[..10], &answers[..10]).map(|f| f.len()),
            Ok(10)
        );
    }

    #[test]
    fn storage_is_read_as_is() {
        let faq = Faq::from_storage([("Q".to_owned(), "A".to_owned())]);
        assert_eq!(faq.iter().map(FaqEntry::answer).collect::<Vec<_>>(), ["A"]);
        assert!(Faq::default().is_empty());
    }

    #[test]
    fn error_codes() {
        for (error, code) in [
            (FaqError::TooMany { max: 0 }, "faq-too-many"),
            (FaqError::QuestionEmpty { row: 1 }, "faq-question-empty"),
            (
                FaqError::QuestionTooLong { row: 1, max: 0 },
                "faq-question-too-long",
            ),
            (FaqError::AnswerEmpty { row: 1 }, "faq-answer-empty"),
            (
                FaqError::AnswerTooLong { row: 1, max: 0 },
                "faq-answer-too-long",
            ),
            (
                FaqError::InvalidCharacters { row: 1 },
                "faq-invalid-characters",
            ),
        ] {
            assert_eq!(error.code(), code);
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_respects_limits(
            questions in proptest::collection::vec(any::<String>(), 0..14),
            answers in proptest::collection::vec(any::<String>(), 0..14),
        ) {
            match Faq::parse(&questions, &answers) {
                Ok(faq) => {
                    prop_assert!(faq.len() <= MAX_FAQ_ENTRIES);
                    for entry in &faq {
                        prop_assert!(!entry.question().is_empty() && !entry.answer().is_empty());
                    }
                }
                Err(e) => {
                    let rows = questions.len().max(answers.len());
                    prop_assert!(e.row_input().map(RowInput::row).is_none_or(|row| (1..=rows).contains(&row)));
                }
            }
        }
    }
}
