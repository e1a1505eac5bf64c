//! A member's public profile: name, texts, skills, links, and how complete it is.

pub mod completeness;
pub mod display_name;
pub mod fields;

pub use completeness::{Completeness, ProfileSnapshot, Suggestion, completeness};
pub use display_name::{DisplayName, DisplayNameError, MAX_DISPLAY_NAME_CHARS};
pub use fields::{
    Career, Introduction, MAX_PROFILE_TEXT_CHARS, MAX_SKILL_CHARS, MAX_SKILLS, MAX_SNS_LINKS,
    MAX_SNS_URL_CHARS, NdaWillingness, NdaWillingnessError, ProfileTextError, Skills, SkillsError,
    SnsKind, SnsLink, SnsLinks, SnsLinksError, TrackRecord,
};
