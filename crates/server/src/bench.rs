//! `yorozu bench-orders`: how many orders per second the place-order use case and the JSON API
//! take, next to the raw rate of single-row INSERT transactions on the same database, measured
//! in the same run (the issue's yardstick: at least 30 % of the raw rate through the use case).
//!
//! It prepares its own members (one seller with a service, `--buyers` buyers with a sandbox
//! card and an API token), then runs `--tasks` concurrent tasks for `--seconds` each:
//! 1. raw: `BEGIN; INSERT one row; COMMIT` into a scratch table;
//! 2. use case: `orders::place::place` by card, each with a fresh purchase key;
//! 3. HTTP: `POST /api/v1/orders` through a server started in this process, driven by wrk on
//!    loopback (skipped with a note when wrk is missing).
//!
//! Run it on a scratch data folder or database: it leaves its rows behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use yorozu_app::App;
use yorozu_app::accounts::register::{Registration, register};
use yorozu_app::accounts::{Client, CurrentUser};
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::Locale;
use yorozu_store::accounts::users;

/// One measured rate.
#[derive(Debug, Clone)]
pub struct Rate {
    pub name: &'static str,
    pub per_second: f64,
    pub errors: u64,
    pub note: String,
}

struct Buyer {
    member: CurrentUser,
    card_id: i64,
    token: String,
}

async fn member(app: &App, email: &str, name: &str) -> anyhow::Result<CurrentUser> {
    let client = Client {
        ip: "127.0.0.1".into(),
        user_agent: "yorozu bench".into(),
    };
    let done = register(
        app,
        &Registration {
            email,
            password: "bench-password-123",
            display_name: name,
            locale: Locale::Ja,
        },
        &client,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{email}: {e}"))?;
    let mut tx = app.db.begin().await?;
    users::mark_email_verified(&mut tx, done.user_id, app.now()).await?;
    tx.commit().await?;
    let mut c = app.db.read().await?;
    CurrentUser::load(&mut c, done.user_id)
        .await?
        .context("bench member not active")
}

/// Runs the benchmark and returns the three rates.
pub async fn run(
    app: &App,
    state: yorozu_web::AppState,
    buyers: usize,
    tasks: usize,
    seconds: u64,
) -> anyhow::Result<Vec<Rate>> {
    let run_id = &yorozu_app::crypto::random_token()[..8]
        .to_lowercase()
        .replace(['-', '_'], "x");
    let seller = member(
        app,
        &format!("bench-seller-{run_id}@example.jp"),
        "ベンチ出品者",
    )
    .await?;
    let form = yorozu_app::listings::form::ListingForm {
        title: "ベンチマーク用のサービスです".into(),
        category: "301".into(),
        description: "注文の速さを測るためのサービスです。".into(),
        price: "3000".into(),
        delivery_days: "5".into(),
        revisions: "1".into(),
        ..Default::default()
    };
    let listing = yorozu_app::listings::edit::create(app, &seller, &form)
        .await
        .map_err(|e| anyhow::anyhow!("listing: {e}"))?;
    yorozu_app::listings::manage::apply(
        app,
        &seller,
        listing,
        yorozu_app::listings::manage::Action::Publish,
    )
    .await
    .map_err(|e| anyhow::anyhow!("publish: {e}"))?;
    let mut prepared = Vec::with_capacity(buyers);
    for i in 0..buyers {
        let m = member(
            app,
            &format!("bench-buyer-{run_id}-{i}@example.jp"),
            &format!("購入者{i}"),
        )
        .await?;
        let card =
            yorozu_app::payments::cards::register_card(app, &m, "4242424242424242", "12/39", "123")
                .await
                .map_err(|e| anyhow::anyhow!("card: {e}"))?;
        let (_, token) = yorozu_app::accounts::api_tokens::create(app, m.id, "bench")
            .await
            .map_err(|e| anyhow::anyhow!("token: {e}"))?;
        prepared.push(Buyer {
            member: m,
            card_id: card.id,
            token,
        });
    }
    let prepared = Arc::new(prepared);
    let duration = Duration::from_secs(seconds);

    let raw = raw_inserts(app, tasks, duration).await?;
    let use_case = use_case(app, prepared.clone(), listing, tasks, duration, run_id).await;
    let http = http(state, prepared, listing, tasks, seconds, run_id).await?;
    Ok(vec![raw, use_case, http])
}

async fn raw_inserts(app: &App, tasks: usize, duration: Duration) -> anyhow::Result<Rate> {
    let mut tx = app.db.begin().await?;
    yorozu_store::bench::create_scratch_table(&mut tx).await?;
    tx.commit().await?;
    let done = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..tasks {
        let (app, done, errors) = (app.clone(), done.clone(), errors.clone());
        handles.push(tokio::spawn(async move {
            while start.elapsed() < duration {
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
                    Ok(()) => done.fetch_add(1, Ordering::Relaxed),
                    Err(_) => errors.fetch_add(1, Ordering::Relaxed),
                };
            }
        }));
    }
    for h in handles {
        h.await?;
    }
    Ok(Rate {
        name: "raw single-row INSERT transaction",
        per_second: done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64(),
        errors: errors.load(Ordering::Relaxed),
        note: String::new(),
    })
}

async fn use_case(
    app: &App,
    buyers: Arc<Vec<Buyer>>,
    listing: i64,
    tasks: usize,
    duration: Duration,
    run_id: &str,
) -> Rate {
    let done = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut handles = Vec::new();
    for task in 0..tasks {
        let (app, buyers, done, errors) =
            (app.clone(), buyers.clone(), done.clone(), errors.clone());
        let run_id = run_id.to_owned();
        handles.push(tokio::spawn(async move {
            let mut n = 0_u64;
            while start.elapsed() < duration {
                let buyer = &buyers[(task + n as usize * tasks) % buyers.len()];
                n += 1;
                let purchase = Purchase {
                    choice: Choice {
                        listing_id: listing,
                        ..Choice::default()
                    },
                    payment: Payment::Card(buyer.card_id),
                    request: String::new(),
                    purchase_key: format!("bench-{run_id}-uc-{task}-{n}-pad"),
                    expected_total: None,
                };
                match place(&app, &buyer.member, &purchase).await {
                    Ok(_) => done.fetch_add(1, Ordering::Relaxed),
                    Err(e) => {
                        tracing::debug!(error = %e, "bench order failed");
                        errors.fetch_add(1, Ordering::Relaxed)
                    }
                };
            }
        }));
    }
    for h in handles {
        let _ = h.await;
    }
    Rate {
        name: "place order (use case)",
        per_second: done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64(),
        errors: errors.load(Ordering::Relaxed),
        note: String::new(),
    }
}

/// The wrk script: each request a new purchase by the next buyer (token and card rotate).
fn wrk_script(buyers: &[Buyer], listing: i64, run_id: &str) -> String {
    let tokens: Vec<String> = buyers.iter().map(|b| format!("\"{}\"", b.token)).collect();
    // Ids travel as strings in the API (they exceed JavaScript's safe integers).
    let cards: Vec<String> = buyers
        .iter()
        .map(|b| format!("\"{}\"", b.card_id))
        .collect();
    format!(
        r#"local tokens = {{{tokens}}}
local cards = {{{cards}}}
local counter = 0
local thread_id = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  thread_id = tid or 0
end
function request()
  counter = counter + 1
  local i = ((counter * 7 + thread_id) % #tokens) + 1
  local body = string.format('{{"listing_id":"{listing}","options":[],"payment":{{"method":"card","card_id":"%s"}},"request":"","purchase_key":"bench-{run_id}-http-%d-%d"}}', cards[i], thread_id, counter)
  return wrk.format("POST", "/api/v1/orders", {{["Authorization"] = "Bearer " .. tokens[i], ["Content-Type"] = "application/json"}}, body)
end
"#,
        tokens = tokens.join(","),
        cards = cards.join(","),
    )
}

async fn http(
    state: yorozu_web::AppState,
    buyers: Arc<Vec<Buyer>>,
    listing: i64,
    tasks: usize,
    seconds: u64,
    run_id: &str,
) -> anyhow::Result<Rate> {
    let name = "place order (HTTP POST /api/v1/orders)";
    if std::process::Command::new("wrk")
        .arg("--version")
        .output()
        .is_err()
    {
        return Ok(Rate {
            name,
            per_second: 0.0,
            errors: 0,
            note: "wrk is not installed (apt-get install wrk)".into(),
        });
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let router =
        yorozu_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let dir = std::env::temp_dir().join(format!("yorozu-bench-{run_id}"));
    std::fs::create_dir_all(&dir)?;
    let script = dir.join("orders.lua");
    std::fs::write(&script, wrk_script(&buyers, listing, run_id))?;
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("wrk")
            .arg("-t2")
            .arg(format!("-c{tasks}"))
            .arg(format!("-d{seconds}s"))
            .arg("--latency")
            .arg("-s")
            .arg(&script)
            .arg(format!("http://{addr}"))
            .output()
    })
    .await?
    .context("running wrk")?;
    server.abort();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let per_second = text
        .lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .unwrap_or(0.0);
    let errors = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    let p99 = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("99%"))
        .map(|v| format!("p99 {}", v.trim()))
        .unwrap_or_default();
    Ok(Rate {
        name,
        per_second,
        errors,
        note: p99,
    })
}

/// The results as a Markdown table, with each rate's ratio to the raw INSERT rate.
pub fn table(backend: &str, rates: &[Rate]) -> String {
    let raw = rates.first().map_or(0.0, |r| r.per_second);
    let mut out = String::from(
        "| backend | what | per second | ratio to raw INSERT | errors | note |\n|---|---|---:|---:|---:|---|\n",
    );
    for r in rates {
        let ratio = if raw > 0.0 {
            format!("{:.1}%", 100.0 * r.per_second / raw)
        } else {
            "–".into()
        };
        out.push_str(&format!(
            "| {backend} | {} | {:.0} | {ratio} | {} | {} |\n",
            r.name, r.per_second, r.errors, r.note
        ));
    }
    out
}
