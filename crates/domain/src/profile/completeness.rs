//! How complete a profile is (プロフィール充実度), and what to do next.
//!
//! Buyers trust filled-in profiles, so the edit page shows a percentage and the steps that
//! raise it most. The weights sum to 100; each item is either earned or offered as a
//! [`Suggestion`] worth exactly the points still missing, so a profile is at 100 % exactly
//! when nothing is left to suggest.

use super::fields::NdaWillingness;

/// Introduction length (characters) that earns the full introduction weight.
pub const INTRODUCTION_TARGET_CHARS: usize = 100;
/// Number of skills that earns the full skills weight.
pub const SKILLS_TARGET: usize = 3;

const AVATAR: u8 = 15;
const INTRODUCTION: u8 = 20;
const INTRODUCTION_PARTIAL: u8 = 10;
const SKILLS: u8 = 15;
const SKILLS_PARTIAL: u8 = 7;
const CAREER: u8 = 10;
const TRACK_RECORD: u8 = 15;
const SNS_LINK: u8 = 5;
const NDA: u8 = 5;
const IDENTITY: u8 = 15;

/// What the score looks at, gathered by the caller from the stored profile.
///
/// `display_name_set` is carried for callers that show it, but not scored: every account
/// gets a display name at registration, so it would be a free 0 or 100 % for everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSnapshot {
    /// An avatar image has been uploaded.
    pub has_avatar: bool,
    /// The member has chosen a display name.
    pub display_name_set: bool,
    /// Length of the introduction, in characters.
    pub introduction_chars: usize,
    /// Number of skills listed.
    pub skills: usize,
    /// Length of the career text, in characters.
    pub career_chars: usize,
    /// Length of the track record text, in characters.
    pub track_record_chars: usize,
    /// Number of SNS links.
    pub sns_links: usize,
    /// Stance on NDAs.
    pub nda: NdaWillingness,
    /// Identity verification has been approved.
    pub identity_verified: bool,
}

/// One step that would raise the score. Each has a message id ([`Suggestion::key`]) and
/// the points it is worth ([`Suggestion::gain`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suggestion {
    /// Upload an avatar.
    AddAvatar,
    /// Write an introduction (none yet).
    WriteIntroduction,
    /// Make the introduction at least `target` characters long.
    ExtendIntroduction {
        /// Characters written so far.
        current: usize,
        /// Characters that earn the full weight.
        target: usize,
    },
    /// List at least `target` skills.
    AddSkills {
        /// Skills listed so far.
        current: usize,
        /// Skills that earn the full weight.
        target: usize,
    },
    /// Fill in the career text.
    AddCareer,
    /// Fill in the track record.
    AddTrackRecord,
    /// Add at least one SNS link.
    AddSnsLink,
    /// Say whether NDAs are acceptable.
    ChooseNda,
    /// Complete identity verification.
    VerifyIdentity,
}

impl Suggestion {
    /// Stable message id for the web layer (a Fluent key), e.g. "suggest-add-avatar".
    pub fn key(&self) -> &'static str {
        match self {
            Self::AddAvatar => "suggest-add-avatar",
            Self::WriteIntroduction => "suggest-write-introduction",
            Self::ExtendIntroduction { .. } => "suggest-extend-introduction",
            Self::AddSkills { .. } => "suggest-add-skills",
            Self::AddCareer => "suggest-add-career",
            Self::AddTrackRecord => "suggest-add-track-record",
            Self::AddSnsLink => "suggest-add-sns-link",
            Self::ChooseNda => "suggest-choose-nda",
            Self::VerifyIdentity => "suggest-verify-identity",
        }
    }

    /// Percentage points this step adds, so the page can say "+15%".
    pub fn gain(&self) -> u8 {
        match self {
            Self::AddAvatar => AVATAR,
            Self::WriteIntroduction => INTRODUCTION,
            Self::ExtendIntroduction { .. } => INTRODUCTION - INTRODUCTION_PARTIAL,
            Self::AddSkills { current: 0, .. } => SKILLS,
            Self::AddSkills { .. } => SKILLS - SKILLS_PARTIAL,
            Self::AddCareer => CAREER,
            Self::AddTrackRecord => TRACK_RECORD,
            Self::AddSnsLink => SNS_LINK,
            Self::ChooseNda => NDA,
            Self::VerifyIdentity => IDENTITY,
        }
    }
}

/// The score and the remaining steps, biggest gain first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    /// 0 to 100.
    pub percent: u8,
    /// Steps still open, ordered by [`Suggestion::gain`] (ties in a fixed order).
    pub suggestions: Vec<Suggestion>,
}

/// Scores a profile.
pub fn completeness(profile: &ProfileSnapshot) -> Completeness {
    // Listed in a fixed order; the stable sort below keeps it for equal gains, so the page
    // does not reshuffle between visits.
    let mut suggestions = Vec::new();
    if !profile.has_avatar {
        suggestions.push(Suggestion::AddAvatar);
    }
    match profile.introduction_chars {
        0 => suggestions.push(Suggestion::WriteIntroduction),
        chars if chars < INTRODUCTION_TARGET_CHARS => {
            suggestions.push(Suggestion::ExtendIntroduction {
                current: chars,
                target: INTRODUCTION_TARGET_CHARS,
            })
        }
        _ => {}
    }
    if profile.skills < SKILLS_TARGET {
        suggestions.push(Suggestion::AddSkills {
            current: profile.skills,
            target: SKILLS_TARGET,
        });
    }
    if profile.career_chars == 0 {
        suggestions.push(Suggestion::AddCareer);
    }
    if profile.track_record_chars == 0 {
        suggestions.push(Suggestion::AddTrackRecord);
    }
    if profile.sns_links == 0 {
        suggestions.push(Suggestion::AddSnsLink);
    }
    if !profile.nda.is_specified() {
        suggestions.push(Suggestion::ChooseNda);
    }
    if !profile.identity_verified {
        suggestions.push(Suggestion::VerifyIdentity);
    }
    suggestions.sort_by_key(|suggestion| std::cmp::Reverse(suggestion.gain()));

    let missing: u8 = suggestions.iter().map(Suggestion::gain).sum();
    Completeness {
        percent: 100 - missing,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn empty() -> ProfileSnapshot {
        ProfileSnapshot {
            has_avatar: false,
            display_name_set: true,
            introduction_chars: 0,
            skills: 0,
            career_chars: 0,
            track_record_chars: 0,
            sns_links: 0,
            nda: NdaWillingness::Unspecified,
            identity_verified: false,
        }
    }

    fn full() -> ProfileSnapshot {
        ProfileSnapshot {
            has_avatar: true,
            display_name_set: true,
            introduction_chars: 100,
            skills: 3,
            career_chars: 1,
            track_record_chars: 1,
            sns_links: 1,
            nda: NdaWillingness::NotWilling,
            identity_verified: true,
        }
    }

    #[test]
    fn weights_sum_to_one_hundred() {
        let total =
            AVATAR + INTRODUCTION + SKILLS + CAREER + TRACK_RECORD + SNS_LINK + NDA + IDENTITY;
        assert_eq!(total, 100);
    }

    #[test]
    fn empty_profile_scores_zero_and_orders_by_gain() {
        let result = completeness(&empty());
        assert_eq!(result.percent, 0);
        assert_eq!(
            result.suggestions,
            [
                Suggestion::WriteIntroduction,
                Suggestion::AddAvatar,
                Suggestion::AddSkills {
                    current: 0,
                    target: 3
                },
                Suggestion::AddTrackRecord,
                Suggestion::VerifyIdentity,
                Suggestion::AddCareer,
                Suggestion::AddSnsLink,
                Suggestion::ChooseNda,
            ]
        );
    }

    #[test]
    fn full_profile_scores_one_hundred() {
        let result = completeness(&full());
        assert_eq!(result.percent, 100);
        assert!(result.suggestions.is_empty());
    }

    #[test]
    fn partial_credit_for_short_introduction_and_few_skills() {
        let profile = ProfileSnapshot {
            introduction_chars: 99,
            skills: 2,
            ..full()
        };
        let result = completeness(&profile);
        assert_eq!(result.percent, 100 - 10 - 8);
        assert_eq!(
            result.suggestions,
            [
                Suggestion::ExtendIntroduction {
                    current: 99,
                    target: 100
                },
                Suggestion::AddSkills {
                    current: 2,
                    target: 3
                },
            ]
        );

        let one = completeness(&ProfileSnapshot {
            introduction_chars: 1,
            skills: 1,
            ..full()
        });
        assert_eq!(one.percent, 82);
    }

    #[test]
    fn nda_either_way_counts() {
        let willing = ProfileSnapshot {
            nda: NdaWillingness::Willing,
            ..full()
        };
        assert_eq!(completeness(&willing).percent, 100);
        let unspecified = ProfileSnapshot {
            nda: NdaWillingness::Unspecified,
            ..full()
        };
        assert_eq!(
            completeness(&unspecified).suggestions,
            [Suggestion::ChooseNda]
        );
    }

    #[test]
    fn keys_are_stable() {
        assert_eq!(Suggestion::AddAvatar.key(), "suggest-add-avatar");
        assert_eq!(
            Suggestion::ExtendIntroduction {
                current: 1,
                target: 100
            }
            .key(),
            "suggest-extend-introduction"
        );
        assert_eq!(Suggestion::VerifyIdentity.key(), "suggest-verify-identity");
    }

    fn snapshot() -> impl Strategy<Value = ProfileSnapshot> {
        (
            any::<bool>(),
            any::<bool>(),
            0_usize..300,
            0_usize..25,
            0_usize..3,
            0_usize..3,
            0_usize..6,
            prop::sample::select(NdaWillingness::ALL.to_vec()),
            any::<bool>(),
        )
            .prop_map(
                |(
                    has_avatar,
                    display_name_set,
                    introduction_chars,
                    skills,
                    career_chars,
                    track_record_chars,
                    sns_links,
                    nda,
                    identity_verified,
                )| {
                    ProfileSnapshot {
                        has_avatar,
                        display_name_set,
                        introduction_chars,
                        skills,
                        career_chars,
                        track_record_chars,
                        sns_links,
                        nda,
                        identity_verified,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn percent_bounded_and_full_iff_nothing_to_suggest(profile in snapshot()) {
            let result = completeness(&profile);
            prop_assert!(result.percent <= 100);
            prop_assert_eq!(result.percent == 100, result.suggestions.is_empty());
            let gains: Vec<u8> = result.suggestions.iter().map(Suggestion::gain).collect();
            prop_assert!(gains.windows(2).all(|pair| pair[0] >= pair[1]));
        }

        #[test]
        fn more_content_never_lowers_the_score(profile in snapshot(), extra in 1_usize..200) {
            let richer = ProfileSnapshot {
                introduction_chars: profile.introduction_chars + extra,
                skills: profile.skills + 1,
                ..profile.clone()
            };
            prop_assert!(completeness(&richer).percent >= completeness(&profile).percent);
        }
    }
}
