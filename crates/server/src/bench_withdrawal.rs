//! `yorozu bench-withdrawal`: the withdrawal's speed on a large data set.
//!
//! 1. Generates `--members` members (each with one service) and `--orders` orders, of which
//!    `--heavy-orders` (each with the buyer's review) belong to one heavy seller who also has
//!    `--heavy-listings` services with search grams and an image row each, and a tenth as
//!    many to a medium seller (member 1). Background orders are mostly completed, a few open
//!    (in progress, delivered, unpaid, cancelled).
//! 2. Readiness: `readiness::check` for `--samples` random members, one after another: p50/p99.
//!    Exports: a regular member, the medium and the heavy seller (time, size, heap rise).
//! 3. Purge: `--tasks` tasks keep reading (a readiness check and an order page of a random
//!    member, in turn) for `--seconds` to measure their p99 before; then the heavy seller
//!    withdraws with "erase now" and the purge runs while the same load goes on: the purge's
//!    total time and batches, and the other requests' p99 during it.
//!
//! Run it on a scratch data folder or database: it leaves its rows behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::withdrawal::confirm::{Confirmation, Outcome, When, withdraw};
use yorozu_app::withdrawal::{purge, readiness};
use yorozu_domain::Locale;
use yorozu_domain::search::{index_grams, normalize};
use yorozu_store::bulk::{Table, insert};
use yorozu_store::dynamic::Bind;

use crate::generate::Rng;

/// Rows per transaction while generating.
const ROWS_PER_TX: usize = 2_000;

#[derive(Debug, Clone)]
pub struct Options {
    pub members: usize,
    pub orders: usize,
    pub heavy_listings: usize,
    pub heavy_orders: usize,
    pub samples: usize,
    pub tasks: usize,
    pub seconds: u64,
    /// The purge's batch size and pause (default: the policy's).
    pub batch: Option<i64>,
    pub pause_ms: Option<u64>,
}

/// The generated data set: member ids (the first is the heavy seller), each member's service,
/// and some orders with their buyer (for the order-page load).
struct DataSet {
    members: Vec<i64>,
    sample_orders: Vec<(i64, i64)>,
    rows: usize,
    seconds: f64,
}

fn member(id: i64) -> CurrentUser {
    CurrentUser {
        id,
        email: String::new(),
        email_verified: true,
        role: "member".into(),
        locale: Locale::Ja,
        display_name: String::new(),
    }
}

async fn commit(app: &App, batches: &[(Table, Vec<Vec<Bind>>)]) -> anyhow::Result<()> {
    let mut tx = app.db.begin().await?;
    for (table, rows) in batches {
        insert(&mut tx, *table, rows).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn listing_row(id: i64, seller: i64, title: &str, search_text: String, now: i64) -> Vec<Bind> {
    vec![
        Bind::I64(id),
        Bind::I64(seller),
        Bind::Text("published".into()),
        Bind::I64(101),
        Bind::I64(1),
        Bind::Text(title.to_owned()),
        Bind::Text("ご依頼内容に合わせて丁寧に制作します。".into()),
        Bind::I64(3_000),
        Bind::I64(7),
        Bind::I64(1),
        Bind::Text(String::new()),
        Bind::Text(search_text),
        Bind::I64(0),
        Bind::I64(0),
        Bind::I64(0),
        Bind::I64(0),
        Bind::I64(0),
        Bind::I64(0),
        Bind::Bool(false),
        Bind::I64(now),
        Bind::I64(now),
        Bind::I64(now),
    ]
}

fn order_row(id: i64, buyer: i64, seller: i64, listing: i64, state: &str, now: i64) -> Vec<Bind> {
    let done = matches!(state, "completed");
    let unpaid = state == "awaiting_payment";
    vec![
        Bind::I64(id),
        Bind::I64(buyer),
        Bind::I64(seller),
        Bind::I64(listing),
        Bind::Text("イラストを描きます".into()),
        Bind::I64(7),
        Bind::Text(state.to_owned()),
        Bind::I64(0),
        Bind::Bool(matches!(state, "completed" | "delivered")),
        Bind::I64(3_000),
        Bind::I64(165),
        Bind::I64(0),
        Bind::I64(0),
        Bind::OptI64(None),
        Bind::I64(0),
        Bind::I64(3_165),
        Bind::I64(825),
        Bind::I64(2_340),
        Bind::Text(if unpaid { "deferred" } else { "card" }.into()),
        Bind::OptI64(None),
        Bind::OptText(None),
        Bind::Text(format!("bench-{id}")),
        Bind::Text("よろしくお願いします。".into()),
        Bind::OptI64(unpaid.then_some(now + 72 * 3_600)),
        Bind::OptI64((!unpaid).then_some(now)),
        Bind::OptI64(matches!(state, "completed" | "delivered").then_some(now)),
        Bind::OptI64(done.then_some(now)),
        Bind::OptI64((state == "cancelled").then_some(now)),
        Bind::I64(now),
        Bind::I64(now),
    ]
}

async fn generate(app: &App, o: &Options) -> anyhow::Result<DataSet> {
    let started = Instant::now();
    let mut rng = Rng(2026);
    let now = app.now();
    let hash = yorozu_app::crypto::hash_password(crate::seed::DEMO_PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let base = app.new_id();
    let mut rows = 0;
    let members: Vec<i64> = (0..o.members as i64).map(|n| base + n).collect();
    for chunk in members.chunks(ROWS_PER_TX) {
        let users = chunk
            .iter()
            .map(|id| {
                vec![
                    Bind::I64(*id),
                    Bind::Text(format!("bench{id}@example.jp")),
                    Bind::I64(now),
                    Bind::Text(hash.clone()),
                    Bind::Text("active".into()),
                    Bind::Text("member".into()),
                    Bind::Text("ja".into()),
                    Bind::I64(now),
                    Bind::I64(now),
                ]
            })
            .collect();
        let profiles = chunk
            .iter()
            .map(|id| {
                vec![
                    Bind::I64(*id),
                    Bind::Text(format!("会員{id}")),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text("willing".into()),
                    Bind::OptText(None),
                    Bind::OptI64(None),
                    Bind::I64(now),
                ]
            })
            .collect();
        let listings = chunk
            .iter()
            .map(|id| {
                listing_row(
                    base + o.members as i64 + (id - base),
                    *id,
                    "イラストを描きます",
                    String::new(),
                    now,
                )
            })
            .collect();
        rows += chunk.len() * 3;
        commit(
            app,
            &[
                (Table::Users, users),
                (Table::Profiles, profiles),
                (Table::Listings, listings),
            ],
        )
        .await?;
    }
    let listing_of = |member: i64| base + o.members as i64 + (member - base);
    let heavy = members[0];

    // The heavy seller's services, with search grams and an image row each.
    let heavy_base = base + 2 * o.members as i64;
    for start in (0..o.heavy_listings).step_by(ROWS_PER_TX / 4) {
        let end = (start + ROWS_PER_TX / 4).min(o.heavy_listings);
        let (mut listings, mut grams, mut images) = (vec![], vec![], vec![]);
        for n in start..end {
            let id = heavy_base + n as i64;
            let title = format!("似顔絵イラスト {n} を描きます");
            let search_text =
                normalize(&format!("{title}\nご依頼内容に合わせて丁寧に制作します。"));
            for gram in index_grams(&search_text) {
                grams.push(vec![Bind::Text(gram), Bind::I64(id)]);
            }
            images.push(vec![
                Bind::I64(id),
                Bind::I64(id),
                Bind::I64(0),
                Bind::Text(format!("listings/bench-{id}")),
                Bind::Text(format!("listings/bench-thumb-{id}")),
                Bind::I64(800),
                Bind::I64(600),
                Bind::I64(now),
            ]);
            listings.push(listing_row(id, heavy, &title, search_text, now));
        }
        rows += listings.len() + grams.len() + images.len();
        commit(
            app,
            &[
                (Table::Listings, listings),
                (Table::ListingGrams, grams),
                (Table::ListingImages, images),
            ],
        )
        .await?;
    }

    // Orders: the heavy seller's (completed, each with the buyer's review), then the rest.
    let order_base = heavy_base + o.heavy_listings as i64;
    let mut sample_orders = Vec::new();
    for start in (0..o.orders).step_by(ROWS_PER_TX) {
        let end = (start + ROWS_PER_TX).min(o.orders);
        let (mut orders, mut reviews) = (vec![], vec![]);
        for n in start..end {
            let id = order_base + n as i64;
            // One order a second, up to now: real orders rarely share a second.
            let at = now - (o.orders - n) as i64;
            let buyer = members[1 + rng.below(members.len() - 1)];
            // The heavy seller's orders, then a tenth as many for the medium seller (member 1).
            let medium = n >= o.heavy_orders && n < o.heavy_orders + o.heavy_orders / 10;
            if n < o.heavy_orders || medium {
                let (seller, listing) = if medium {
                    (members[1], listing_of(members[1]))
                } else {
                    (heavy, heavy_base + (n % o.heavy_listings.max(1)) as i64)
                };
                let buyer = if buyer == seller { members[2] } else { buyer };
                orders.push(order_row(id, buyer, seller, listing, "completed", at));
                reviews.push(vec![
                    Bind::I64(order_base + o.orders as i64 + n as i64),
                    Bind::I64(id),
                    Bind::I64(listing),
                    Bind::I64(buyer),
                    Bind::I64(seller),
                    Bind::Text("buyer".into()),
                    Bind::I64(5),
                    Bind::Text("丁寧に対応していただきました。".into()),
                    Bind::Bool(false),
                    Bind::I64(at),
                ]);
                continue;
            }
            let mut seller = members[1 + rng.below(members.len() - 1)];
            if seller == buyer {
                seller = members[1 + (rng.below(members.len() - 2) + 1) % (members.len() - 1)];
            }
            let state = match rng.below(100) {
                0..=93 => "completed",
                94..=96 => "in_progress",
                97 => "delivered",
                98 => "cancelled",
                _ => "awaiting_payment",
            };
            orders.push(order_row(id, buyer, seller, listing_of(seller), state, at));
            if sample_orders.len() < 10_000 && rng.below(50) == 0 {
                sample_orders.push((id, buyer));
            }
        }
        rows += orders.len() + reviews.len();
        commit(app, &[(Table::Orders, orders), (Table::Reviews, reviews)]).await?;
        if (end / ROWS_PER_TX).is_multiple_of(50) {
            eprintln!("generating: {end} orders in {:.0?}", started.elapsed());
        }
    }
    app.db.analyze().await?;
    Ok(DataSet {
        members,
        sample_orders,
        rows,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1_000.0
}

/// Reads as other members would while something else happens: until `stop`, each task
/// alternates a readiness check and an order page of a random member. Returns every latency.
async fn load(app: &App, data: &DataSet, tasks: usize, stop: Arc<AtomicBool>) -> Vec<Duration> {
    let mut handles = Vec::new();
    for task in 0..tasks {
        let app = app.clone();
        let members = data.members[1..].to_vec();
        let orders = data.sample_orders.clone();
        let stop = stop.clone();
        handles.push(tokio::spawn(async move {
            let mut rng = Rng(task as u64 + 7);
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                if latencies.len() % 2 == 0 || orders.is_empty() {
                    let who = member(members[rng.below(members.len())]);
                    let _ = readiness::check(&app, &who).await;
                } else {
                    let (order, buyer) = orders[rng.below(orders.len())];
                    let _ = yorozu_app::orders::view::detail(&app, &member(buyer), order).await;
                }
                latencies.push(started.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.unwrap_or_default());
    }
    all.sort();
    all
}

async fn load_for(app: &App, data: &DataSet, tasks: usize, seconds: u64) -> Vec<Duration> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let timer = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        flag.store(true, Ordering::Relaxed);
    });
    let latencies = load(app, data, tasks, stop).await;
    let _ = timer.await;
    latencies
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

/// Builds `member`'s data export: seconds, archive bytes, and how far the process's anonymous
/// memory (the heap: `RssAnon`, sampled every 20 ms) rose above where it stood before. File
/// pages are left out: SQLite maps the database file, which counts as resident but is not
/// memory the export holds.
async fn export(app: &App, member_id: i64) -> anyhow::Result<(f64, i64, f64)> {
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
    let who = CurrentUser {
        email: format!("bench{member_id}@example.jp"),
        ..member(member_id)
    };
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
    Ok((seconds, ready.size_bytes, (peak - before).max(0.0)))
}

pub async fn run(app: &App, o: &Options) -> anyhow::Result<String> {
    let data = generate(app, o).await?;
    let backend = format!("{:?}", app.db.backend()).to_lowercase();
    let mut out = format!(
        "Data set ({backend}): {} members, {} orders ({} of the heavy seller, with as many reviews), \
         {} services of the heavy seller; {} rows in {:.1} s ({:.0} rows/s)\n\n",
        o.members,
        o.orders,
        o.heavy_orders,
        o.heavy_listings,
        data.rows,
        data.seconds,
        data.rows as f64 / data.seconds
    );

    let mut rng = Rng(99);
    let mut latencies = Vec::with_capacity(o.samples);
    for _ in 0..o.samples {
        let who = member(data.members[1 + rng.below(data.members.len() - 1)]);
        let started = Instant::now();
        readiness::check(app, &who).await?;
        latencies.push(started.elapsed());
    }
    latencies.sort();
    out.push_str(&format!(
        "| backend | measurement | p50 ms | p99 ms | count |\n|---|---|---:|---:|---:|\n\
         | {backend} | readiness check, {} orders | {:.2} | {:.2} | {} |\n",
        o.orders,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.len()
    ));

    for (label, who) in [
        ("a regular member", data.members[2]),
        ("the medium seller", data.members[1]),
        ("the heavy seller", data.members[0]),
    ] {
        let (seconds, bytes, peak_mb) = export(app, who).await?;
        out.push_str(&format!(
            "| {backend} | export of {label}: {seconds:.1} s, {:.1} MB archive, heap +{peak_mb:.0} MB at peak | | | 1 |\n",
            bytes as f64 / 1_048_576.0
        ));
    }

    let before = load_for(app, &data, o.tasks, o.seconds).await;
    out.push_str(&format!(
        "| {backend} | other requests before the purge ({} tasks) | {:.2} | {:.2} | {} |\n",
        o.tasks,
        percentile(&before, 0.5),
        percentile(&before, 0.99),
        before.len()
    ));

    let heavy = member(data.members[0]);
    let confirmation = Confirmation {
        password: crate::seed::DEMO_PASSWORD.into(),
        reasons: vec!["no-longer-used".into()],
        comment: String::new(),
        acknowledged: readiness::check(app, &heavy).await?.forfeits,
        erase_now: false,
    };
    let closed = match withdraw(app, &heavy, &confirmation, When::Now).await {
        Ok(Outcome::Closed(closed)) => closed,
        other => anyhow::bail!("the heavy seller could not withdraw: {other:?}"),
    };
    // The closing mail goes out; the purge, due after the grace period, is run below by an
    // app whose clock stands at the purge date, so that it is measured on its own.
    yorozu_app::jobs::Worker::new(app.clone(), Duration::from_millis(10))
        .run_due()
        .await?;
    let mut purging = App {
        clock: Arc::new(yorozu_app::ports::FixedClock::at(closed.purge_at)),
        ..app.clone()
    };
    if let Some(batch) = o.batch {
        purging.policy.purge_batch_size = batch;
    }
    if let Some(pause) = o.pause_ms {
        purging.policy.purge_pause_ms = pause;
    }

    let stop = Arc::new(AtomicBool::new(false));
    let during = {
        let app = app.clone();
        let stop = stop.clone();
        let data = DataSet {
            members: data.members.clone(),
            sample_orders: data.sample_orders.clone(),
            rows: 0,
            seconds: 0.0,
        };
        let tasks = o.tasks;
        tokio::spawn(async move { load(&app, &data, tasks, stop).await })
    };
    let started = Instant::now();
    let mut batches = 0usize;
    let mut count = |_| {
        batches += 1;
        Ok(())
    };
    let progress = purge::run(&purging, closed.withdrawal_id, &mut count).await;
    let purge_seconds = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let during = during.await.unwrap_or_default();
    anyhow::ensure!(
        matches!(progress, Ok(purge::Progress::Purged)),
        "purge ended with {progress:?}"
    );
    out.push_str(&format!(
        "| {backend} | other requests during the purge ({} tasks) | {:.2} | {:.2} | {} |\n",
        o.tasks,
        percentile(&during, 0.5),
        percentile(&during, 0.99),
        during.len()
    ));
    out.push_str(&format!(
        "\nPurge of the heavy seller ({backend}): {purge_seconds:.1} s, {batches} batches of up to {} rows \
         with {} ms between them; other requests' p99 {:.2} ms before, {:.2} ms during ({:.2}×).\n",
        purging.policy.purge_batch_size,
        purging.policy.purge_pause_ms,
        percentile(&before, 0.99),
        percentile(&during, 0.99),
        percentile(&during, 0.99) / percentile(&before, 0.99).max(0.001)
    ));
    Ok(out)
}
