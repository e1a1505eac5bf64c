//! Re-authentication for sensitive actions (bank account, payout request, e-mail and password
//! change, token creation, withdrawal): the password again and, with two-step sign-in on, a
//! code. A browser session that re-authenticated within [`crate::config::Policy::reauth_minutes`]
//! proceeds without asking again; an API client (no session) sends `password` and
//! `totp_code` with the request itself.
//!
//! [`Reauthenticated`] can only be made here, so a use case that takes one cannot be reached
//! without the check.

use yorozu_store::accounts::two_step as store;

use crate::accounts::CurrentUser;
use crate::accounts::change_email::check_password;
use crate::accounts::two_step;
use crate::{App, AppError, AppResult};

/// Proof that the member confirmed who they are just now.
#[derive(Debug, Clone, Copy)]
pub struct Reauthenticated(());

impl Reauthenticated {
    /// [`Reauthenticated::confirmed_earlier`] as a constant (a `&'static` borrow).
    pub const CONFIRMED_EARLIER: Reauthenticated = Reauthenticated(());

    /// For work the member confirmed earlier with their password (a scheduled withdrawal's
    /// payout) and for the command line's trusted tools (demo data); never for a request.
    pub fn confirmed_earlier() -> Reauthenticated {
        Reauthenticated(())
    }
}

/// What the member typed to confirm: the password and, with two-step sign-in on, a code.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Credentials {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub totp_code: String,
}

impl Credentials {
    pub fn given(&self) -> bool {
        !self.password.is_empty()
    }
}

/// Checks the password (and code when two-step sign-in is on); with a session, remembers
/// that it re-authenticated now.
pub async fn confirm(
    app: &App,
    member: &CurrentUser,
    session_hash: Option<&str>,
    credentials: &Credentials,
) -> AppResult<Reauthenticated> {
    check_password(&mut app.db.read().await?, member.id, &credentials.password).await?;
    let mut tx = app.db.begin().await?;
    if two_step::is_enabled(&mut tx, member.id).await?
        && !two_step::verify(&mut tx, app, member.id, &credentials.totp_code).await?
    {
        return Err(two_step::wrong_code(&credentials.totp_code));
    }
    if let Some(hash) = session_hash {
        store::mark_reauthenticated(&mut tx, hash, member.id, app.now()).await?;
    }
    tx.commit().await?;
    Ok(Reauthenticated(()))
}

/// Whether this session re-authenticated recently enough.
pub async fn fresh(
    app: &App,
    member: &CurrentUser,
    session_hash: &str,
) -> AppResult<Option<Reauthenticated>> {
    let mut c = app.db.read().await?;
    let at = store::reauthenticated_at(&mut c, session_hash, member.id).await?;
    Ok(at
        .filter(|at| *at > app.now() - app.policy.reauth_minutes * 60)
        .map(|_| Reauthenticated(())))
}

/// The check every sensitive action makes: credentials given with the request are checked;
/// otherwise a recent re-authentication of the session counts; otherwise
/// [`AppError::ReauthRequired`].
pub async fn require(
    app: &App,
    member: &CurrentUser,
    session_hash: Option<&str>,
    credentials: Option<&Credentials>,
) -> AppResult<Reauthenticated> {
    if let Some(credentials) = credentials.filter(|c| c.given()) {
        return confirm(app, member, session_hash, credentials).await;
    }
    if let Some(hash) = session_hash
        && let Some(proof) = fresh(app, member, hash).await?
    {
        return Ok(proof);
    }
    Err(AppError::ReauthRequired)
}
