//! Throttles on guessing and on mail-sending requests, counted in the database so that every
//! server process shares them. Each request is counted before it is served, atomically, so
//! parallel requests cannot all pass on the same stale count.
//!
//! - Per client address: fixed windows (sign-in attempts, sign-ups, password-reset and
//!   confirmation-mail requests).
//! - Per e-mail address (sign-in): a few free attempts, then each further attempt waits twice
//!   as long after the previous one, up to a cap. The owner is slowed down, never locked out
//!   for long, and a correct password clears the count.

use yorozu_store::accounts::request_counters;

use crate::{App, AppError, AppResult};

/// What is counted, per client address unless the name says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    SignInAddress,
    SignInClient,
    SignUp,
    PasswordReset,
    ConfirmationResend,
}

impl Bucket {
    fn as_str(self) -> &'static str {
        match self {
            Bucket::SignInAddress => "sign-in-address",
            Bucket::SignInClient => "sign-in-client",
            Bucket::SignUp => "sign-up",
            Bucket::PasswordReset => "password-reset",
            Bucket::ConfirmationResend => "confirmation-resend",
        }
    }
}

/// Notices to the owner of an address someone tried to sign up with, per address hash.
pub(crate) const SIGN_UP_NOTICE: &str = "sign-up-notice";

/// Counters of an e-mail address start over after a day without attempts.
const ADDRESS_MEMORY_SECONDS: i64 = 86_400;
/// Parallel requests that keep changing the counter under us: give up after this many looks.
const MAX_CLAIM_TRIES: usize = 8;

/// Counts one request of `client_ip` in `bucket`; `Throttled` once more than `limit` fell in
/// the current window of `window_seconds`.
pub async fn count_client_request(
    app: &App,
    bucket: Bucket,
    client_ip: &str,
    limit: i64,
    window_seconds: i64,
) -> AppResult<()> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let counter =
        request_counters::hit(&mut tx, bucket.as_str(), client_ip, now, window_seconds).await?;
    tx.commit().await?;
    if counter.hits > limit {
        return Err(AppError::Throttled {
            retry_after_seconds: (counter.window_start + window_seconds - now).max(1),
        });
    }
    Ok(())
}

/// Counts a mail-sending request (sign-up, password reset, confirmation resend) of a client
/// against the policy's per-client limit.
pub async fn count_mail_request(app: &App, bucket: Bucket, client_ip: &str) -> AppResult<()> {
    count_client_request(
        app,
        bucket,
        client_ip,
        app.policy.client_request_limit,
        app.policy.client_request_window_minutes * 60,
    )
    .await
}

/// Takes back a counted request that turned out not to be a guess (a correct sign-in).
pub async fn forgive_client_request(app: &App, bucket: Bucket, client_ip: &str) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    request_counters::forgive(&mut tx, bucket.as_str(), client_ip).await?;
    tx.commit().await?;
    Ok(())
}

/// Seconds an address must wait after its latest attempt, given the attempts so far:
/// nothing for the first `free` ones, then 1, 2, 4, … seconds up to `cap_seconds`.
pub fn address_delay_seconds(attempts: i64, free: i64, cap_seconds: i64) -> i64 {
    if attempts < free {
        return 0;
    }
    let doublings = u32::try_from((attempts - free).min(30)).unwrap_or(30);
    (1_i64 << doublings).min(cap_seconds)
}

/// Records a sign-in attempt for an address (its hash) before the password is checked, or
/// refuses it while the address must still wait. Compare-and-swap on the counter: of several
/// parallel attempts, each one counted saw the count before it.
pub async fn claim_address_attempt(app: &App, address_hash: &str) -> AppResult<()> {
    let bucket = Bucket::SignInAddress.as_str();
    let free = app.policy.sign_in_max_failures_per_email;
    let cap = app.policy.sign_in_window_minutes * 60;
    for _ in 0..MAX_CLAIM_TRIES {
        let now = app.now();
        let mut tx = app.db.begin().await?;
        let seen = request_counters::get_or_create(&mut tx, bucket, address_hash, now).await?;
        let attempts = if seen.last_at < now - ADDRESS_MEMORY_SECONDS {
            0
        } else {
            seen.hits
        };
        let wait_until = seen.last_at + address_delay_seconds(attempts, free, cap);
        if now < wait_until {
            return Err(AppError::Throttled {
                retry_after_seconds: wait_until - now,
            });
        }
        if request_counters::advance(&mut tx, bucket, address_hash, &seen, attempts + 1, now)
            .await?
        {
            tx.commit().await?;
            return Ok(());
        }
    }
    Err(AppError::Throttled {
        retry_after_seconds: 1,
    })
}

/// Forgets an address's attempts (a correct password or code, or a password reset): its
/// counter and its history of failures.
pub async fn clear_address(c: &mut impl yorozu_store::Exec, address_hash: &str) -> AppResult<()> {
    request_counters::clear(c, Bucket::SignInAddress.as_str(), address_hash).await?;
    yorozu_store::accounts::sign_in_failures::clear_for_email(c, address_hash).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::address_delay_seconds;

    #[test]
    fn the_delay_doubles_after_the_free_attempts_up_to_the_cap() {
        let delays: Vec<i64> = (0..=16).map(|n| address_delay_seconds(n, 5, 900)).collect();
        assert_eq!(
            delays,
            [
                0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900
            ]
        );
        assert_eq!(address_delay_seconds(i64::MAX, 5, 900), 900);
    }
}
