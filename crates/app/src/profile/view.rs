//! A profile as pages and the API show it.

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::profile::{
    Completeness, NdaWillingness, ProfileSnapshot, Skills, SnsLinks, completeness,
};
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::profiles::{self, ProfileRow};

use crate::{App, AppError, AppResult};

#[derive(Debug, Clone, serde::Serialize)]
pub struct SnsLinkView {
    pub kind: &'static str,
    pub url: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ProfileView {
    pub user_id: UserId,
    pub display_name: String,
    pub introduction: String,
    pub skills: Vec<String>,
    pub career: String,
    pub track_record: String,
    pub sns_links: Vec<SnsLinkView>,
    pub nda: NdaWillingness,
    pub has_avatar: bool,
    /// Changes with each new avatar, so the image URL can be cached forever.
    pub avatar_version: i64,
    pub identity_verified_at: Option<i64>,
    pub member_since: i64,
}

impl ProfileView {
    fn from_row(row: ProfileRow, member_since: i64) -> ProfileView {
        ProfileView {
            user_id: row.user_id,
            display_name: row.display_name,
            skills: Skills::from_storage(&row.skills).as_slice().to_vec(),
            sns_links: SnsLinks::from_storage(&row.sns_links)
                .as_slice()
                .iter()
                .map(|l| SnsLinkView {
                    kind: l.kind().key(),
                    url: l.url().to_owned(),
                })
                .collect(),
            nda: row.nda,
            has_avatar: row.avatar_key.is_some(),
            avatar_version: row.updated_at,
            introduction: row.introduction,
            career: row.career,
            track_record: row.track_record,
            identity_verified_at: row.identity_verified_at,
            member_since,
        }
    }

    /// How complete the profile is, with suggestions for the empty parts.
    pub fn completeness(&self) -> Completeness {
        completeness(&ProfileSnapshot {
            has_avatar: self.has_avatar,
            display_name_set: !self.display_name.is_empty(),
            introduction_chars: self.introduction.chars().count(),
            skills: self.skills.len(),
            career_chars: self.career.chars().count(),
            track_record_chars: self.track_record.chars().count(),
            sns_links: self.sns_links.len(),
            nda: self.nda,
            identity_verified: self.identity_verified_at.is_some(),
        })
    }
}

/// The profile of an active member, for a page or the API: not found for unknown or withdrawn
/// accounts.
pub async fn find(app: &App, user_id: UserId) -> AppResult<ProfileView> {
    let mut c = app.db.read().await?;
    load(&mut c, user_id).await?.ok_or(AppError::NotFound)
}

/// The profile of an active member; None for unknown or withdrawn accounts.
pub async fn load(c: &mut impl Exec, user_id: UserId) -> AppResult<Option<ProfileView>> {
    let Some(user) = users::find(c, user_id).await? else {
        return Ok(None);
    };
    if user.status != AccountStatus::Active {
        return Ok(None);
    }
    Ok(profiles::find(c, user_id)
        .await?
        .map(|row| ProfileView::from_row(row, user.created_at)))
}

/// The newest active members, for the home page.
pub async fn recent_members(app: &App, limit: i64) -> AppResult<Vec<ProfileView>> {
    let mut c = app.db.read().await?;
    Ok(profiles::recent_active(&mut c, limit)
        .await?
        .into_iter()
        .map(|(row, since)| ProfileView::from_row(row, since))
        .collect())
}
