//! Editing the profile text: every field is parsed, all problems are reported at once, and
//! nothing is saved unless everything is valid.

use yorozu_domain::UserId;
use yorozu_domain::profile::{
    Career, DisplayName, Introduction, NdaWillingness, Skills, SnsLinks, TrackRecord,
};
use yorozu_store::profiles::{self, ProfileText};

use crate::{App, AppResult, Fields};

/// The form as submitted: raw strings.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct ProfileForm {
    pub display_name: String,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub skills: String,
    #[serde(default)]
    pub career: String,
    #[serde(default)]
    pub track_record: String,
    #[serde(default)]
    pub sns_links: String,
    #[serde(default)]
    pub nda: String,
}

pub async fn update(app: &App, user_id: UserId, form: &ProfileForm) -> AppResult<()> {
    let mut f = Fields::default();
    let name = f.check("display_name", DisplayName::parse(&form.display_name));
    let introduction = f.check("introduction", Introduction::parse(&form.introduction));
    let skills = f.check("skills", Skills::parse(&form.skills));
    let career = f.check("career", Career::parse(&form.career));
    let track_record = f.check("track_record", TrackRecord::parse(&form.track_record));
    let sns = f.check("sns_links", SnsLinks::parse(&form.sns_links));
    let nda = if form.nda.is_empty() {
        Some(NdaWillingness::default())
    } else {
        f.check("nda", NdaWillingness::parse(&form.nda))
    };
    let all = (|| {
        Some((
            name?,
            introduction?,
            skills?,
            career?,
            track_record?,
            sns?,
            nda?,
        ))
    })();
    let (name, introduction, skills, career, track_record, sns, nda) = f.finish(all)?;

    let mut tx = app.db.begin().await?;
    profiles::update_text(
        &mut tx,
        user_id,
        &ProfileText {
            display_name: name.as_str(),
            introduction: introduction.as_str(),
            skills: &skills.to_storage(),
            career: career.as_str(),
            track_record: track_record.as_str(),
            sns_links: &sns.to_storage(),
            nda,
        },
        app.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
