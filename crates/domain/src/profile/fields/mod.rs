//! The free-form parts of a profile: introduction, career, track record, skills, SNS links
//! and the member's stance on NDAs. Each field has its own file and error type.

mod nda;
mod profile_text;
mod skills;
mod sns;

pub use nda::{NdaWillingness, NdaWillingnessError};
pub use profile_text::{
    Career, Introduction, MAX_PROFILE_TEXT_CHARS, ProfileTextError, TrackRecord,
};
pub use skills::{MAX_SKILL_CHARS, MAX_SKILLS, Skills, SkillsError};
pub use sns::{MAX_SNS_LINKS, MAX_SNS_URL_CHARS, SnsKind, SnsLink, SnsLinks, SnsLinksError};
