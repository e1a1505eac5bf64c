//! Two-step sign-in (二段階認証) with TOTP (RFC 6238) in any authenticator app.
//!
//! Set-up: [`begin`] makes a secret (sealed at rest) and shows it as a QR code drawn on the
//! server and as text; [`confirm`] turns it on with a first code and hands out ten
//! single-use recovery codes, shown once and stored hashed. [`disable`] needs the password
//! and a code. A code is accepted within one step of the clock either side, and never twice
//! ([`verify`] stores the last step used). Signing in asks for the code after the password
//! ([`sign_in`]); sensitive actions ask again ([`crate::accounts::reauth`]).

pub mod sign_in;
pub mod totp;

use qrcode::QrCode;
use qrcode::render::svg;
use rand::Rng;
use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::accounts::two_step as store;

use crate::accounts::CurrentUser;
use crate::accounts::change_email::check_password;
use crate::accounts::reauth::Reauthenticated;
use crate::crypto::token_hash;
use crate::mail::{MailCategory, compose::compose, outbox};
use crate::{App, AppError, AppResult, FieldError};

/// Purpose of the sealed secret.
const SEAL_SECRET: &str = "two-step-secret";
/// How many recovery codes a set-up hands out.
pub const RECOVERY_CODES: usize = 10;
/// The issuer authenticator apps show beside the account.
const ISSUER: &str = "Yorozu";

/// Whether the member has two-step sign-in on, and how many recovery codes are left.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub enabled: bool,
    pub enabled_at: Option<i64>,
    pub recovery_codes_left: i64,
}

pub async fn status(app: &App, user_id: UserId) -> AppResult<Status> {
    let mut c = app.db.read().await?;
    let row = store::find(&mut c, user_id).await?;
    let enabled_at = row.and_then(|r| r.enabled_at);
    let left = match enabled_at {
        Some(_) => store::recovery_codes_left(&mut c, user_id).await?,
        None => 0,
    };
    Ok(Status {
        enabled: enabled_at.is_some(),
        enabled_at,
        recovery_codes_left: left,
    })
}

/// Whether two-step sign-in is on for this member (inside the caller's connection).
pub async fn is_enabled(c: &mut impl Exec, user_id: UserId) -> AppResult<bool> {
    Ok(store::find(c, user_id)
        .await?
        .is_some_and(|r| r.enabled_at.is_some()))
}

/// A set-up waiting for its first code: what the page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Setup {
    /// The secret in base32, for typing into an app by hand.
    pub secret: String,
    /// The `otpauth://` URI the QR code holds.
    pub uri: String,
    /// The QR code as an SVG document (drawn on the server; nothing leaves it).
    #[serde(skip)]
    pub qr_svg: String,
}

/// Starts a set-up (or shows the pending one again). Refused when two-step sign-in is on.
pub async fn begin(app: &App, member: &CurrentUser) -> AppResult<Setup> {
    let mut tx = app.db.begin().await?;
    let secret = match store::find(&mut tx, member.id).await? {
        Some(row) if row.enabled_at.is_some() => {
            return Err(AppError::Conflict("two-step-already-on"));
        }
        Some(row) => open_secret(app, &row)?,
        None => {
            let secret = totp::new_secret();
            store::begin(
                &mut tx,
                member.id,
                &app.signer.seal(SEAL_SECRET, &secret),
                app.now(),
            )
            .await?;
            secret
        }
    };
    tx.commit().await?;
    setup_of(&member.email, secret)
}

fn setup_of(account: &str, secret: String) -> AppResult<Setup> {
    let uri = totp::otpauth_uri(ISSUER, account, &secret);
    let qr_svg = QrCode::new(uri.as_bytes())
        .map_err(|e| AppError::Internal(format!("qr code: {e}")))?
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(Setup {
        secret,
        uri,
        qr_svg,
    })
}

fn open_secret(app: &App, row: &store::TwoStepRow) -> AppResult<String> {
    app.signer
        .open(SEAL_SECRET, &row.secret_sealed)
        .ok_or_else(|| {
            AppError::Internal(format!(
                "two-step secret of {} cannot be opened",
                row.user_id
            ))
        })
}

/// Turns two-step sign-in on with the first code from the app; returns the recovery codes
/// (shown once, never again). Needs a re-authentication: a hijacked session must not lock the
/// owner out with a second step only the intruder has.
pub async fn confirm(
    app: &App,
    member: &CurrentUser,
    _reauthenticated: &Reauthenticated,
    code: &str,
) -> AppResult<Vec<String>> {
    let mut tx = app.db.begin().await?;
    let row = match store::find(&mut tx, member.id).await? {
        Some(row) if row.enabled_at.is_none() => row,
        Some(_) => return Err(AppError::Conflict("two-step-already-on")),
        None => return Err(AppError::Conflict("two-step-no-setup")),
    };
    let secret = totp::base32_decode(&open_secret(app, &row)?)
        .ok_or_else(|| AppError::Internal("two-step secret is not base32".into()))?;
    let Some(step) = totp::matching_step(&secret, code, app.now()) else {
        return Err(wrong_code(code));
    };
    store::use_step(&mut tx, member.id, step).await?;
    store::enable(&mut tx, member.id, app.now()).await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(c)).collect();
    store::replace_recovery_codes(&mut tx, member.id, &hashes).await?;
    notify(&mut tx, app, member, "two-step-enabled").await?;
    tx.commit().await?;
    Ok(codes)
}

/// Turns two-step sign-in off: needs the password and a code (or a recovery code).
pub async fn disable(app: &App, member: &CurrentUser, password: &str, code: &str) -> AppResult<()> {
    check_password(&mut app.db.read().await?, member.id, password).await?;
    let mut tx = app.db.begin().await?;
    if !is_enabled(&mut tx, member.id).await? {
        return Err(AppError::Conflict("two-step-not-on"));
    }
    if !verify(&mut tx, app, member.id, code).await? {
        return Err(wrong_code(code));
    }
    store::remove(&mut tx, member.id).await?;
    notify(&mut tx, app, member, "two-step-disabled").await?;
    tx.commit().await?;
    Ok(())
}

/// Checks a code from the app, or a recovery code (used up), for a member with two-step
/// sign-in on; records what it used so neither works twice. Call inside the transaction of
/// what the code allows.
pub async fn verify(c: &mut impl Exec, app: &App, user_id: UserId, code: &str) -> AppResult<bool> {
    let Some(row) = store::find(c, user_id)
        .await?
        .filter(|r| r.enabled_at.is_some())
    else {
        return Ok(false);
    };
    if totp::normalise_code(code).is_some() {
        let secret = totp::base32_decode(&open_secret(app, &row)?)
            .ok_or_else(|| AppError::Internal("two-step secret is not base32".into()))?;
        return Ok(match totp::matching_step(&secret, code, app.now()) {
            Some(step) => store::use_step(c, user_id, step).await?,
            None => false,
        });
    }
    match normalise_recovery_code(code) {
        Some(recovery) => {
            Ok(store::use_recovery_code(c, user_id, &recovery_hash(&recovery), app.now()).await?)
        }
        None => Ok(false),
    }
}

/// For sensitive changes that ask for the password in their own form (e-mail and password
/// change): with two-step sign-in on, a code too (used up); nothing to check when it is off.
pub async fn require_code(app: &App, user_id: UserId, code: &str) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if is_enabled(&mut tx, user_id).await? && !verify(&mut tx, app, user_id, code).await? {
        return Err(wrong_code(code));
    }
    tx.commit().await?;
    Ok(())
}

/// The field error of a code that is missing or wrong.
pub(crate) fn wrong_code(code: &str) -> AppError {
    let message = if code.trim().is_empty() {
        "two-step-code-required"
    } else {
        "two-step-code-wrong"
    };
    AppError::Invalid(vec![FieldError::new("totp_code", message)])
}

/// Recovery codes look like `abcd-efgh-2345`: ten lower-case letters and digits without the
/// ones that are easy to misread, in groups.
fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let chars: String = (0..12)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect();
    format!("{}-{}-{}", &chars[0..4], &chars[4..8], &chars[8..12])
}

fn normalise_recovery_code(code: &str) -> Option<String> {
    let plain: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (plain.len() == 12).then(|| format!("{}-{}-{}", &plain[0..4], &plain[4..8], &plain[8..12]))
}

fn recovery_hash(code: &str) -> String {
    token_hash(&format!("two-step-recovery:{code}"))
}

async fn notify(c: &mut impl Exec, app: &App, member: &CurrentUser, name: &str) -> AppResult<()> {
    let mail = compose(
        member.locale,
        name,
        &member.email,
        Some(member.id),
        &[("url", app.url("/settings/two-step").into())],
    );
    outbox::enqueue(c, app, MailCategory::Account, mail).await
}
