//! Measurements that are not one HTTP endpoint: the raw INSERT rate (the yardstick of order
//! placement), and the heavy seller's data export and purge while other members' requests go on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use yorozu_domain::UserId;

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::withdrawal::confirm::{Confirmation, Outcome, When, withdraw};
use yorozu_app::withdrawal::{purge, readiness};

use super::wrk::Measured;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1_000.0
}

/// `BEGIN; INSERT one row; COMMIT` into a scratch table from `tasks` tasks for `seconds`.
pub async fn raw_inserts(app: &App, tasks: usize, seconds: u64) -> anyhow::Result<Measured> {
    let mut tx = app.db.begin().await?;
    yorozu_store::bench::create_scratch_table(&mut tx).await?;
    tx.commit().await?;
    let duration = Duration::from_secs(seconds);
    let start = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..tasks {
        let app = app.clone();
        handles.push(tokio::spawn(async move {
            let (mut latencies, mut errors) = (Vec::new(), 0_u64);
            while start.elapsed() < duration {
                let began = Instant::now();
                let result = async {
                    let mut tx = app.db.begin().await?;
                    yorozu_store::bench::insert_scratch_row(
                        &mut tx,
                        app.new_id(),
                        "一行だけの書き込み",
                        app.now(),
                    )
                    .await?;
                    tx.commit().await?;
                    anyhow::Ok(())
                }
                .await;
                match result {
                    Ok(()) => latencies.push(began.elapsed()),
                    Err(_) => errors += 1,
                }
            }
            (latencies, errors)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    for h in handles {
        let (latencies, e) = h.await?;
        all.extend(latencies);
        errors += e;
    }
    all.sort();
    Ok(Measured {
        requests_per_second: all.len() as f64 / start.elapsed().as_secs_f64(),
        p50_ms: percentile(&all, 0.5),
        p99_ms: percentile(&all, 0.99),
        errors,
    })
}

fn member(id: i64, email: String) -> CurrentUser {
    CurrentUser {
        id: UserId::new(id),
        email,
        email_verified: true,
        role: yorozu_domain::accounts::Role::Member,
        locale: yorozu_domain::Locale::Ja,
        display_name: String::new(),
        withdrawal_scheduled: false,
        suspended: false,
        unread_notifications: 0,
    }
}

/// A resident-memory figure of this process from /proc/self/status, in MB (Linux; 0
/// elsewhere).
fn rss_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// An export that was built.
pub struct Exported {
    pub seconds: f64,
    pub bytes: i64,
    /// How far the heap (`RssAnon`, sampled every 20 ms) rose above where it stood. File
    /// pages are left out: SQLite maps the database file, which counts as resident but is not
    /// memory the export holds.
    pub heap_rise_mb: f64,
}

/// Requests and builds the data export of `member_id`, as the `export.build` job does.
pub async fn export(app: &App, member_id: i64, email: String) -> anyhow::Result<Exported> {
    let before = rss_mb("RssAnon:");
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut peak = 0.0_f64;
            while sampling.load(Ordering::Relaxed) {
                peak = peak.max(rss_mb("RssAnon:"));
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        })
    };
    let who = member(member_id, email);
    let row = yorozu_app::export::request::request(app, &who)
        .await
        .map_err(|e| anyhow::anyhow!("export request: {e}"))?;
    let started = Instant::now();
    yorozu_app::export::build::run(app, row.id)
        .await
        .map_err(|e| anyhow::anyhow!("export build: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let (ready, _) = yorozu_app::export::request::download(app, &who, row.id)
        .await
        .map_err(|e| anyhow::anyhow!("export: {e}"))?;
    sampling.store(false, Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(before);
    Ok(Exported {
        seconds,
        bytes: ready.size_bytes,
        heap_rise_mb: (peak - before).max(0.0),
    })
}

/// A purge that ran.
pub struct Purged {
    pub seconds: f64,
    pub batches: usize,
    pub batch_size: i64,
    pub pause_ms: u64,
}

/// The member withdraws; once the closing mail is out, the purge due after the grace period
/// runs (with the policy's batches and pauses) on an app whose clock stands at its date, so
/// that no worker starts it earlier.
pub async fn withdraw_and_purge(
    app: &App,
    member_id: i64,
    email: String,
) -> anyhow::Result<Purged> {
    let who = member(member_id, email);
    let confirmation = Confirmation {
        password: crate::seed::DEMO_PASSWORD.into(),
        reasons: vec!["no-longer-used".into()],
        comment: String::new(),
        acknowledged: readiness::check(app, &who).await?.forfeits,
        erase_now: false,
    };
    let closed = match withdraw(app, &who, &confirmation, When::Now).await {
        Ok(Outcome::Closed(closed)) => closed,
        other => anyhow::bail!("the heavy seller could not withdraw: {other:?}"),
    };
    yorozu_app::jobs::Worker::new(app.clone(), Duration::from_millis(10))
        .run_due()
        .await?;
    let purging = App {
        clock: Arc::new(yorozu_app::ports::FixedClock::at(closed.purge_at)),
        ..app.clone()
    };
    let started = Instant::now();
    let mut batches = 0usize;
    let mut count = |_| {
        batches += 1;
        Ok(())
    };
    let progress = purge::run(&purging, closed.withdrawal_id, &mut count).await;
    let seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        matches!(progress, Ok(purge::Progress::Purged)),
        "purge ended with {progress:?}"
    );
    Ok(Purged {
        seconds,
        batches,
        batch_size: purging.policy.purge_batch_size,
        pause_ms: purging.policy.purge_pause_ms,
    })
}
