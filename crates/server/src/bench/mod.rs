//! `yorozu bench`: the marketplace's speed on the data set that `yorozu generate` made in the
//! database it is pointed at.
//!
//! 1. Reads the data set back and makes sessions, API tokens and cards for members.
//! 2. Serves the web application in this process on a loopback port and measures with wrk,
//!    one after another at the same number of connections: a trivial static endpoint
//!    (`/healthz`), the home page, search, service pages, talk rooms, order placement
//!    (`POST /api/v1/orders`, card in the sandbox) and the withdrawal readiness check
//!    (`GET /api/v1/me/withdrawal/readiness`, also at one connection).
//! 3. With a light load of other members' requests going on (service pages, talk rooms,
//!    readiness checks at 4 connections), builds the heavy seller's data export, then lets
//!    the heavy seller withdraw and runs the purge; the light load's p99 before and during
//!    each is reported.
//!    Then search and the service page again from a browser's agent with the sellers'
//!    analytics counting off and on (issue 20: counting within 5% of not counting).
//! 4. Last, raw single-row INSERT transactions on the same database: the yardstick of order
//!    placement.
//!
//! Results are written as `BACKEND.json` into the output folder (with the generation's figures
//! from `BACKEND.generation`, which `yorozu generate --figures` writes), and the report of
//! every backend there (`report.md`, `report.svg`) is redrawn. Run it on a scratch data
//! folder or database: it leaves its rows behind, and the heavy seller is gone afterwards.

mod analytics;
mod fixtures;
mod jobs;
pub mod report;
mod search;
mod signed_in;
mod wrk;

use std::path::PathBuf;

use yorozu_app::App;
use yorozu_web::AppState;

use crate::generate::{Generation, Rng};
use wrk::Measured;

#[derive(Debug, Clone)]
pub struct Options {
    pub connections: usize,
    pub seconds: u64,
    pub out: PathBuf,
    /// The search index's folder (its size is reported), when on disk.
    pub search_dir: Option<PathBuf>,
    /// Stop after the index build and the cold search.
    pub search_only: bool,
}

/// Connections of the light load of other members while a job runs.
const BACKGROUND_CONNECTIONS: usize = 4;

/// One line of the report.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// `static`, `home`, `search`, `service`, `talk`, `order`, `readiness`, `readiness_1`,
    /// `raw_insert`,
    /// `background`, `export`, `purge`.
    pub key: String,
    pub measured: Measured,
    /// For jobs: how long it took, and what it did.
    pub job_seconds: Option<f64>,
    pub detail: String,
}

/// Everything one run measured on one backend.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Results {
    pub backend: String,
    pub connections: usize,
    pub services: i64,
    pub orders: i64,
    pub generation: Option<Generation>,
    pub rows: Vec<Row>,
}

impl Results {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }
}

fn row(key: &str, measured: Measured) -> Row {
    Row {
        key: key.into(),
        measured,
        job_seconds: None,
        detail: String::new(),
    }
}

pub async fn run(app: &App, state: AppState, o: &Options) -> anyhow::Result<Results> {
    if !o.search_only {
        wrk::ensure_installed()?;
    }
    std::fs::create_dir_all(&o.out)?;
    let backend = format!("{:?}", app.db.backend()).to_lowercase();
    let data = {
        let mut c = app.db.read().await?;
        yorozu_store::bench::data_set(&mut c)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no data set here: run `yorozu generate` first"))?
    };
    let mut rng = Rng(0xBE4C);
    let fixtures = fixtures::prepare(app, &data, &mut rng).await?;
    let requests = fixtures::Requests::new(&data, &fixtures, &mut rng);
    let service_member = signed_in::service_pages(app, &data, &requests.service).await?;
    let mut rows = Vec::new();
    let (seconds, services, bytes) = search::build_index(app, o.search_dir.as_deref()).await?;
    eprintln!("{backend} index_build: {services} services in {seconds:.1} s, {bytes} bytes");
    rows.push(Row {
        key: "index_build".into(),
        measured: Measured::default(),
        job_seconds: Some(seconds),
        detail: format!(
            "{services} services, {:.1} MB on disk",
            bytes as f64 / 1_048_576.0
        ),
    });

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?.to_string();
    let base = format!("http://{address}");
    let router =
        yorozu_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });

    let dir = &o.out;
    let (c, s) = (o.connections, o.seconds);
    // First, before anything warms the result cache: every query new to the server.
    let cold = search::cold_queries(&mut rng);
    let count = cold.len();
    let (measured, max_ms) =
        tokio::task::spawn_blocking(move || search::ask_each_once(&address, &cold)).await??;
    eprintln!("{backend} search_cold: {measured:?}, max {max_ms:.1} ms");
    rows.push(Row {
        key: "search_cold".into(),
        measured,
        job_seconds: None,
        detail: format!("{count} distinct queries once each, 1 connection, max {max_ms:.1} ms"),
    });
    if o.search_only {
        server.abort();
        return save(o, backend, c, &data, rows);
    }
    // Warm up: caches, connections, and the first use of each session and API token (which
    // records when it was last used) happen before anything is measured.
    let mut warm = requests.background();
    warm.extend(requests.search.iter().cloned());
    warm.extend(requests.request_board.iter().cloned());
    warm.extend(service_member.iter().cloned());
    wrk::measure(dir, "warm-up", &base, &warm, c, 2).await?;
    fixtures.use_once(app).await?;
    let statics = [wrk::Request::get("/healthz")];
    for (key, list) in [
        ("static", &statics[..]),
        ("home", &requests.home),
        ("search", &requests.search),
        ("request_board", &requests.request_board),
        ("service", &requests.service),
        ("service_member", &service_member),
        ("talk", &requests.talk),
        ("readiness", &requests.readiness),
        ("order", &requests.order),
    ] {
        let measured = wrk::measure(dir, key, &base, list, c, s).await?;
        eprintln!("{backend} {key}: {measured:?}");
        rows.push(row(key, measured));
    }
    rows.extend(analytics::measure(app, dir, &base, &requests, c, s).await?);
    let one = wrk::measure(dir, "readiness_1", &base, &requests.readiness, 1, s).await?;
    rows.push(row("readiness_1", one));

    let background = requests.background();
    let before = wrk::measure(
        dir,
        "background",
        &base,
        &background,
        BACKGROUND_CONNECTIONS,
        s,
    )
    .await?;
    rows.push(row("background", before));

    let (heavy, email) = data.heavy_seller.clone();
    let load = wrk::Load::start(
        dir,
        "during-export",
        &base,
        &background,
        BACKGROUND_CONNECTIONS,
        600,
    )?;
    let exported = jobs::export(app, heavy, email.clone()).await;
    let during = load.stop()?;
    let exported = exported?;
    rows.push(Row {
        key: "export".into(),
        measured: during,
        job_seconds: Some(exported.seconds),
        detail: format!(
            "{:.1} MB archive, heap +{:.0} MB",
            exported.bytes as f64 / 1_048_576.0,
            exported.heap_rise_mb
        ),
    });

    let load = wrk::Load::start(
        dir,
        "during-purge",
        &base,
        &background,
        BACKGROUND_CONNECTIONS,
        600,
    )?;
    let purged = jobs::withdraw_and_purge(app, heavy, email).await;
    let during = load.stop()?;
    let purged = purged?;
    rows.push(Row {
        key: "purge".into(),
        measured: during,
        job_seconds: Some(purged.seconds),
        detail: format!(
            "{} batches of up to {} rows, {} ms apart",
            purged.batches, purged.batch_size, purged.pause_ms
        ),
    });
    server.abort();
    // Last, so that its thousands of rows do not weigh on the measurements above.
    let raw = jobs::raw_inserts(app, c, s).await?;
    eprintln!("{backend} raw_insert: {raw:?}");
    rows.push(row("raw_insert", raw));

    save(o, backend, c, &data, rows)
}

/// Writes `BACKEND.json` (with the generation's figures when there are some).
fn save(
    o: &Options,
    backend: String,
    connections: usize,
    data: &yorozu_store::bench::DataSet,
    rows: Vec<Row>,
) -> anyhow::Result<Results> {
    let generation = std::fs::read(o.out.join(format!("{backend}.generation")))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let results = Results {
        backend: backend.clone(),
        connections,
        services: data.service_count,
        orders: data.order_count,
        generation,
        rows,
    };
    std::fs::write(
        o.out.join(format!("{backend}.json")),
        serde_json::to_string_pretty(&results)?,
    )?;
    Ok(results)
}
