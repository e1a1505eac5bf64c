//! Skills a member lists on their profile (スキル), entered as one text field.

use crate::error_code::error_codes;
use crate::text;

/// Longest single skill, in characters.
pub const MAX_SKILL_CHARS: usize = 30;
/// Most skills a profile may list.
pub const MAX_SKILLS: usize = 20;

/// Separators members actually type: ASCII comma, 読点, full-width comma, half-width
/// ideographic comma and line breaks. Japanese IMEs produce 「、」 or 「，」 depending on
/// settings, so all of them must split.
const SEPARATORS: &[char] = &[',', '、', '，', '､', '\n', '\r'];

/// Why a skills list is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkillsError {
    /// One skill is longer than [`MAX_SKILL_CHARS`].
    #[error("skill \"{skill}\" is longer than {max} characters")]
    SkillTooLong {
        /// The limit, for the message shown to the member.
        max: usize,
        /// The offending skill as entered (trimmed), so the page can point at it.
        skill: String,
    },
    /// More than [`MAX_SKILLS`] distinct skills.
    #[error("more than {max} skills")]
    TooMany {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// A skill contains control or invisible formatting characters.
    #[error("skills contain characters that cannot be shown")]
    InvalidCharacters,
}

error_codes! {
    SkillsError {
        SkillTooLong { max, skill } => "skills-skill-too-long",
        TooMany { max } => "skills-too-many",
        InvalidCharacters => "skills-invalid-characters",
    }
}

/// Distinct, trimmed skills in the order the member entered them; possibly none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Skills(Vec<String>);

impl Skills {
    /// Parses the skills field. Empty pieces (a trailing comma, a blank line) are skipped;
    /// a repeated skill is kept once, at its first position, ignoring case and width so
    /// that 「Rust」 and 「ｒｕｓｔ」 are one skill.
    pub fn parse(input: &str) -> Result<Self, SkillsError> {
        let mut skills = Vec::new();
        let mut seen = Vec::new();
        for piece in input.split(SEPARATORS) {
            let skill = piece.trim();
            if skill.is_empty() {
                continue;
            }
            if text::char_count(skill) > MAX_SKILL_CHARS {
                return Err(SkillsError::SkillTooLong {
                    max: MAX_SKILL_CHARS,
                    skill: skill.to_owned(),
                });
            }
            if text::has_forbidden_chars(skill, false) {
                return Err(SkillsError::InvalidCharacters);
            }
            let key = text::comparison_key(skill);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            skills.push(skill.to_owned());
        }
        if skills.len() > MAX_SKILLS {
            return Err(SkillsError::TooMany { max: MAX_SKILLS });
        }
        Ok(Self(skills))
    }

    /// Reads the stored form written by [`Skills::to_storage`].
    ///
    /// Infallible on purpose: stored skills were valid when saved, and a later, stricter
    /// limit must not make an existing profile unreadable. It only splits on line breaks,
    /// so a stored skill that contains a comma stays one skill.
    pub fn from_storage(stored: &str) -> Self {
        Self(
            stored
                .lines()
                .map(str::trim)
                .filter(|skill| !skill.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }

    /// One skill per line, the form kept in the database.
    pub fn to_storage(&self) -> String {
        self.0.join("\n")
    }

    /// The skills in entry order.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// Number of skills.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no skill is listed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn parse(input: &str) -> Vec<String> {
        Skills::parse(input).expect("valid").as_slice().to_vec()
    }

    #[test]
    fn splits_on_every_separator() {
        assert_eq!(
            parse("ロゴ作成、イラスト，翻訳,Rust\n写真撮影\r\n動画編集､作曲"),
            [
                "ロゴ作成",
                "イラスト",
                "翻訳",
                "Rust",
                "写真撮影",
                "動画編集",
                "作曲"
            ]
        );
    }

    #[test]
    fn skips_empty_pieces_and_trims() {
        assert_eq!(parse(" 翻訳 ,, \u{3000}、\n\n 校正 ,"), ["翻訳", "校正"]);
        assert!(Skills::parse("").expect("empty is fine").is_empty());
    }

    #[test]
    fn removes_duplicates_keeping_first() {
        assert_eq!(parse("Rust, rust, ＲＵＳＴ, Go, Rust"), ["Rust", "Go"]);
    }

    #[test]
    fn skill_length_boundary() {
        assert_eq!(parse(&"字".repeat(30)).len(), 1);
        assert_eq!(
            Skills::parse(&format!("翻訳,{}", "字".repeat(31))),
            Err(SkillsError::SkillTooLong {
                max: 30,
                skill: "字".repeat(31)
            })
        );
    }

    #[test]
    fn count_boundary_after_deduplication() {
        let twenty: Vec<String> = (1..=20).map(|n| format!("スキル{n}")).collect();
        assert_eq!(parse(&twenty.join("、")).len(), 20);
        // Duplicates do not count towards the limit.
        assert_eq!(parse(&format!("{}、スキル1", twenty.join("、"))).len(), 20);
        assert_eq!(
            Skills::parse(&format!("{}、スキル21", twenty.join("、"))),
            Err(SkillsError::TooMany { max: 20 })
        );
    }

    #[test]
    fn rejects_hidden_characters() {
        assert_eq!(
            Skills::parse("翻\u{200B}訳"),
            Err(SkillsError::InvalidCharacters)
        );
        assert_eq!(Skills::parse("翻\t訳"), Err(SkillsError::InvalidCharacters));
    }

    #[test]
    fn storage_round_trip() {
        let skills = Skills::parse("ロゴ作成、Rust").expect("valid");
        assert_eq!(skills.to_storage(), "ロゴ作成\nRust");
        assert_eq!(Skills::from_storage(&skills.to_storage()), skills);
        assert!(Skills::from_storage("").is_empty());
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            SkillsError::SkillTooLong {
                max: 30,
                skill: String::new()
            }
            .code(),
            "skills-skill-too-long"
        );
        assert_eq!(SkillsError::TooMany { max: 20 }.code(), "skills-too-many");
        assert_eq!(
            SkillsError::InvalidCharacters.code(),
            "skills-invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn parsed_skills_survive_storage(raw in any::<String>()) {
            if let Ok(skills) = Skills::parse(&raw) {
                prop_assert!(skills.len() <= MAX_SKILLS);
                prop_assert_eq!(Skills::from_storage(&skills.to_storage()), skills.clone());
                prop_assert_eq!(Skills::parse(&skills.to_storage()), Ok(skills.clone()));
            }
        }
    }
}
