//! Public profiles (プロフィール): one row per member.

use yorozu_domain::UserId;
use yorozu_domain::profile::NdaWillingness;

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProfileRow {
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub display_name: String,
    pub introduction: String,
    pub skills: String,
    pub career: String,
    pub track_record: String,
    pub sns_links: String,
    #[sqlx(try_from = "String")]
    pub nda: NdaWillingness,
    pub avatar_key: Option<String>,
    pub identity_verified_at: Option<i64>,
    pub updated_at: i64,
}

/// Creates the empty profile that every new account starts with.
pub async fn insert_empty(
    c: &mut impl Exec,
    user_id: UserId,
    display_name: &str,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "INSERT INTO profiles (user_id, display_name, introduction, skills, career, track_record, sns_links, nda,
                               avatar_key, identity_verified_at, updated_at)
         VALUES ($1, $2, '', '', '', '', '', 'unspecified', NULL, NULL, $3)",
        user_id.get(),
        display_name,
        now
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, user_id: UserId) -> Result<Option<ProfileRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ProfileRow,
        "SELECT user_id, display_name, introduction, skills, career, track_record, sns_links, nda, avatar_key,
                identity_verified_at, updated_at
         FROM profiles WHERE user_id = $1",
        user_id.get()
    )?)
}

/// The editable text fields, already validated by the domain types.
#[derive(Debug)]
pub struct ProfileText<'a> {
    pub display_name: &'a str,
    pub introduction: &'a str,
    pub skills: &'a str,
    pub career: &'a str,
    pub track_record: &'a str,
    pub sns_links: &'a str,
    pub nda: NdaWillingness,
}

pub async fn update_text(
    c: &mut impl Exec,
    user_id: UserId,
    p: &ProfileText<'_>,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "UPDATE profiles SET display_name = $2, introduction = $3, skills = $4, career = $5, track_record = $6,
                             sns_links = $7, nda = $8, updated_at = $9
         WHERE user_id = $1",
        user_id.get(),
        p.display_name,
        p.introduction,
        p.skills,
        p.career,
        p.track_record,
        p.sns_links,
        p.nda.as_str(),
        now
    )?;
    Ok(())
}

/// Sets or clears the avatar; returns the previous file key so the caller can delete the file.
pub async fn set_avatar(
    c: &mut impl Exec,
    user_id: UserId,
    key: Option<&str>,
    now: i64,
) -> Result<Option<String>> {
    let previous = find(c, user_id).await?.and_then(|p| p.avatar_key);
    execute!(
        c,
        "UPDATE profiles SET avatar_key = $2, updated_at = $3 WHERE user_id = $1",
        user_id.get(),
        key,
        now
    )?;
    Ok(previous)
}

pub async fn set_identity_verified(c: &mut impl Exec, user_id: UserId, at: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE profiles SET identity_verified_at = $2 WHERE user_id = $1",
        user_id.get(),
        at
    )?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
struct RecentRow {
    #[sqlx(flatten)]
    profile: ProfileRow,
    created_at: i64,
}

/// Profiles of the newest active members with their sign-up time.
pub async fn recent_active(c: &mut impl Exec, limit: i64) -> Result<Vec<(ProfileRow, i64)>> {
    let rows = query_as!(
        c,
        fetch_all,
        RecentRow,
        "SELECT p.user_id, p.display_name, p.introduction, p.skills, p.career, p.track_record, p.sns_links, p.nda,
                p.avatar_key, p.identity_verified_at, p.updated_at, u.created_at
         FROM profiles p JOIN users u ON u.id = p.user_id
         WHERE u.status = 'active' AND u.role = 'member'
         ORDER BY u.created_at DESC, u.id DESC LIMIT $1",
        limit
    )?;
    Ok(rows
        .into_iter()
        .map(|r| (r.profile, r.created_at))
        .collect())
}

pub async fn vacation_until(c: &mut impl Exec, user_id: UserId) -> Result<Option<i64>> {
    Ok(crate::query_scalar!(
        c,
        fetch_optional,
        Option<i64>,
        "SELECT vacation_until FROM profiles WHERE user_id = $1",
        user_id.get()
    )?
    .flatten())
}

pub async fn set_vacation_until(
    c: &mut impl Exec,
    user_id: UserId,
    until: Option<i64>,
) -> Result<()> {
    execute!(
        c,
        "UPDATE profiles SET vacation_until = $2 WHERE user_id = $1",
        user_id.get(),
        until
    )?;
    Ok(())
}
