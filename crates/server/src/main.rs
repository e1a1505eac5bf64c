//! `yorozu`: the marketplace server and its operator commands.

mod bench;
mod config;
mod generate;
mod seed;
mod seed_orders;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use yorozu_app::App;
use yorozu_app::config::{Policy, Site};
use yorozu_app::crypto::Signer;
use yorozu_app::ids::IdGenerator;
use yorozu_app::jobs::Worker;
use yorozu_app::ports::SearchIndex;
use yorozu_app::ports::{Clock, EncryptedDirStore, MailboxMailer, Mailer, SmtpMailer, SystemClock};
use yorozu_app::profile::image::ImageLimits;
use yorozu_app::search_sync::{self, SearchFeed};
use yorozu_search::TantivyIndex;
use yorozu_store::{Db, DbConfig};
use yorozu_web::{AppState, WebConfig};

#[derive(Debug, Parser)]
#[command(
    name = "yorozu",
    version,
    args_override_self = true,
    about = "よろず — a skill-sharing marketplace"
)]
struct Cli {
    #[command(flatten)]
    common: config::Common,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (default), with the job worker in-process.
    Serve(config::Serve),
    /// Apply database migrations and exit.
    Migrate,
    /// Run only the job worker.
    Worker,
    /// Rebuild the search index in the data folder from the database (stop the server that
    /// uses that folder first). A server also builds it by itself when it is missing.
    Reindex,
    /// Fill the database with demo data.
    Seed {
        /// Realistic Japanese demo members, profiles, services and orders.
        #[arg(long)]
        demo: bool,
    },
    /// Generate a large, realistic data set (members, services, orders in every state with
    /// talk rooms, reviews, sales and ledger), reproducible from --seed. Prints rows per table
    /// and rows per second.
    Generate {
        #[command(flatten)]
        options: generate::Options,
        /// Also write the rows and seconds as JSON to this file (for `yorozu bench`'s report).
        #[arg(long)]
        figures: Option<std::path::PathBuf>,
    },
    /// Operator commands.
    #[command(subcommand)]
    Admin(Admin),
    /// Measure the marketplace with wrk on the data set `yorozu generate` made (see
    /// scripts/bench.sh). Leaves its rows behind: run it on a scratch data folder or database.
    Bench {
        /// Connections of every HTTP measurement.
        #[arg(long, default_value_t = 64)]
        connections: usize,
        /// Seconds per measurement.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Where BACKEND.json and the report (report.md, report.svg) go.
        #[arg(long, default_value = "target/bench")]
        out: std::path::PathBuf,
        /// Only the search index build and the cold search (no wrk needed): a quick look at
        /// search on a smaller data set.
        #[arg(long)]
        search_only: bool,
    },
    /// Check a signed review bundle from a data export (reviews/reviews.json and its .sig):
    /// prints who it belongs to and how many reviews it holds, or why it is not genuine.
    VerifyReviews {
        /// The bundle (reviews.json).
        bundle: std::path::PathBuf,
        /// The signature file (reviews.json.sig); defaults to BUNDLE.sig.
        signature: Option<std::path::PathBuf>,
        /// The platform's public key (base64, as served at
        /// /.well-known/yorozu-reviews-key.json); defaults to this installation's key.
        #[arg(long)]
        public_key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum Admin {
    /// Create an operator account (or promote the account with this e-mail).
    CreateOperator {
        #[arg(long)]
        email: String,
        /// Read from YOROZU_OPERATOR_PASSWORD when not given.
        #[arg(long, env = "YOROZU_OPERATOR_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long, default_value = "運営スタッフ")]
        display_name: String,
    },
}

/// `yorozu verify-reviews`: streams the bundle through SHA-512 and checks the signature.
fn verify_reviews(
    common: &config::Common,
    bundle: &std::path::Path,
    signature: Option<std::path::PathBuf>,
    public_key: Option<String>,
) -> anyhow::Result<()> {
    use std::io::Read;

    use sha2::Digest;
    use yorozu_app::export::signed;

    let signature_path = signature.unwrap_or_else(|| {
        let mut p = bundle.as_os_str().to_owned();
        p.push(".sig");
        p.into()
    });
    let signature = std::fs::read_to_string(&signature_path)
        .with_context(|| format!("reading {}", signature_path.display()))?;
    let key = match public_key {
        Some(key) => key,
        None => signed::public_key_document(&Signer::new(common.secret_key()?)).public_key,
    };
    let mut file =
        std::fs::File::open(bundle).with_context(|| format!("reading {}", bundle.display()))?;
    let mut hash = sha2::Sha512::new();
    let mut head = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        if head.len() < 4096 {
            head.extend_from_slice(&buf[..n.min(4096 - head.len())]);
        }
    }
    match signed::verify(hash, &signature, &key) {
        Ok(()) => {
            let head = String::from_utf8_lossy(&head);
            println!(
                "OK: the bundle is genuine and unchanged (signed by key {}).",
                key
            );
            if let Some(name) = head
                .split("\"display_name\":\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
            {
                println!("member: {name}");
            }
            Ok(())
        }
        Err(e) => {
            eprintln!("NOT VALID: {e}");
            std::process::exit(1);
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    init_logging();
    let cli = Cli::parse();
    let common = cli.common;
    match cli.command.unwrap_or(Command::Serve(default_serve())) {
        Command::Serve(serve) => run_server(&common, &serve).await,
        Command::Migrate => {
            let db = open_db(&common).await?;
            yorozu_store::migrate(&db).await?;
            println!(
                "migrations applied: {}",
                yorozu_store::migrate::versions().join(", ")
            );
            Ok(())
        }
        Command::Worker => {
            let app = build_app(&common, None).await?;
            let (_tx, rx) = tokio::sync::watch::channel(false);
            let worker = Worker::new(app, Duration::from_millis(common.job_poll_ms));
            tokio::select! {
                () = worker.run(rx) => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            Ok(())
        }
        Command::Reindex => {
            let mut app = build_app(&common, None).await?;
            app.search = on_disk_search(&common)?;
            let started = std::time::Instant::now();
            let built = search_sync::rebuild(&app).await?;
            println!(
                "search index rebuilt: {} services and {} open requests in {:.1} s",
                built.services,
                built.requests,
                started.elapsed().as_secs_f64()
            );
            app.db.close().await;
            Ok(())
        }
        Command::Seed { demo } => {
            if !demo {
                anyhow::bail!(
                    "nothing to seed: pass --demo (or use `yorozu generate` for a large data set)"
                );
            }
            let app = build_app(&common, None).await?;
            let n = seed::demo(&app).await?;
            println!(
                "demo data loaded: {n} new members (password for all: {})",
                seed::DEMO_PASSWORD
            );
            Ok(())
        }
        Command::Generate {
            mut options,
            figures,
        } => {
            options.heavy_orders = options.heavy_orders.min(options.orders);
            let app = build_app(&common, None).await?;
            let g = generate::generate(&app, &options).await?;
            print!("{}", g.summary());
            if let Some(path) = figures {
                std::fs::write(&path, serde_json::to_string(&g.figures())?)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            println!(
                "members sign in with the password {} (heavy seller: member0.{}@example.jp)",
                seed::DEMO_PASSWORD,
                options.seed
            );
            app.db.close().await;
            Ok(())
        }
        Command::Bench {
            connections,
            seconds,
            out,
            search_only,
        } => {
            let mut app = build_app(&common, None).await?;
            app.search = on_disk_search(&common)?;
            let state = web_state(&app, &common, None)?;
            let options = bench::Options {
                connections: connections.max(1),
                seconds: seconds.max(1),
                out,
                search_dir: Some(common.search_dir()),
                search_only,
            };
            bench::run(&app, state, &options).await?;
            app.db.close().await;
            print!("{}", bench::report::write(&options.out)?);
            Ok(())
        }
        Command::VerifyReviews {
            bundle,
            signature,
            public_key,
        } => verify_reviews(&common, &bundle, signature, public_key),
        Command::Admin(Admin::CreateOperator {
            email,
            password,
            display_name,
        }) => {
            let app = build_app(&common, None).await?;
            let id = yorozu_app::operators::create::create_operator(
                &app,
                &email,
                &password,
                &display_name,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("operator {email} ready (id {id})");
            Ok(())
        }
    }
}

fn default_serve() -> config::Serve {
    // `yorozu` without a subcommand behaves like `yorozu serve` with its defaults.
    match config::ServeCli::try_parse_from(["serve"]) {
        Ok(s) => s.serve,
        Err(e) => e.exit(),
    }
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("YOROZU_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sqlx::query=error,tower_http=info"));
    let json = std::env::var("YOROZU_LOG_FORMAT").is_ok_and(|f| f == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open_db(common: &config::Common) -> anyhow::Result<Db> {
    let url = common.database_url();
    if !url.starts_with("postgres") {
        std::fs::create_dir_all(&common.data_dir)
            .with_context(|| format!("creating data folder {}", common.data_dir.display()))?;
    }
    let db = Db::connect(&DbConfig {
        url,
        max_connections: common.db_connections,
        pg_schema: None,
    })
    .await
    .context("opening the database")?;
    Ok(db)
}

/// Builds the application and applies migrations.
async fn build_app(
    common: &config::Common,
    bind: Option<std::net::SocketAddr>,
) -> anyhow::Result<App> {
    let db = open_db(common).await?;
    yorozu_store::migrate(&db)
        .await
        .context("applying migrations")?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let mailer: Arc<dyn Mailer> = match &common.smtp_url {
        Some(url) => {
            Arc::new(SmtpMailer::new(url, &common.mail_from).map_err(|e| anyhow::anyhow!("{e}"))?)
        }
        None => Arc::new(MailboxMailer {
            db: db.clone(),
            clock: clock.clone(),
            ids: IdGenerator,
        }),
    };
    let base_url = common.base_url.clone().unwrap_or_else(|| {
        format!(
            "http://{}",
            bind.map_or_else(|| "127.0.0.1:8080".to_owned(), |b| b.to_string())
        )
    });
    let policy = Policy {
        identity_file_retention_days: common.identity_retention_days,
        paying_account: common.paying_account()?,
        bank_holidays: common.bank_holidays()?,
        withdrawal_grace_days: common.withdrawal_grace_days.max(0),
        client_request_limit: common.client_request_limit.max(1),
        bank_change_hold_hours: common.bank_change_hold_hours.max(0),
        operator_two_step: common.operator_two_step,
        image_limits: ImageLimits {
            max_pixels: common.image_max_megapixels * 1_000_000,
            ..ImageLimits::default()
        },
        ..Policy::default()
    };
    Ok(App {
        db,
        clock,
        files: Arc::new(EncryptedDirStore::new(
            common.files_dir(),
            &common.file_key()?,
        )),
        mailer,
        signer: Signer::new(common.secret_key()?),
        policy,
        site: Site {
            base_url: base_url.trim_end_matches('/').to_owned(),
            mail_from: common.mail_from.clone(),
            business: common.business()?,
            og_font: common.og_font.clone(),
        },
        ids: IdGenerator,
        catalog: Default::default(),
        payments: Arc::new(yorozu_app::ports::SandboxGateway::default()),
        search: Arc::new(SearchFeed::new(search_index(common, bind.is_some()))),
        analytics: Default::default(),
    })
}

/// The search index in the data folder, or an error when another process holds it.
fn on_disk_search(common: &config::Common) -> anyhow::Result<Arc<SearchFeed>> {
    let index = TantivyIndex::open(&common.search_dir()).context("opening the search index")?;
    Ok(Arc::new(SearchFeed::new(Arc::new(index))))
}

/// The search index: in the data folder for a process that serves searches (the folder is
/// locked by the process that opens it), in memory for the others (the worker, the generator
/// and the console commands never search). When the folder is taken (a second server on the
/// same data folder), the index is kept in memory and rebuilt from the database instead.
fn search_index(common: &config::Common, on_disk: bool) -> Arc<dyn SearchIndex> {
    let in_memory = || match TantivyIndex::in_memory() {
        Ok(index) => Arc::new(index) as Arc<dyn SearchIndex>,
        // Creating an empty index in memory does not touch the disk; failing is a bug.
        Err(e) => panic!("search index in memory: {e}"),
    };
    if !on_disk {
        return in_memory();
    }
    let dir = common.search_dir();
    match TantivyIndex::open(&dir) {
        Ok(index) => Arc::new(index),
        Err(e) => {
            tracing::warn!(error = %e, dir = %dir.display(), "search index folder unavailable; keeping the index in memory");
            in_memory()
        }
    }
}

/// The web layer's state for `app` (`serve` settings when serving; none for the benchmark).
fn web_state(
    app: &App,
    common: &config::Common,
    serve: Option<&config::Serve>,
) -> anyhow::Result<AppState> {
    let mailbox_key = match serve {
        Some(serve) => serve.mailbox_key(&app.signer)?,
        None => String::new(),
    };
    let metrics_token = match serve {
        Some(serve) => serve.metrics_token()?,
        None => None,
    };
    Ok(AppState {
        app: app.clone(),
        web: Arc::new(WebConfig {
            secure_cookies: app.site.base_url.starts_with("https://"),
            mailbox_enabled: common.smtp_url.is_none(),
            mailbox_key,
            max_body_bytes: 12 * 1024 * 1024,
            trust_proxy: serve.is_some_and(|s| s.trust_proxy),
            trusted_proxy_hops: serve.map_or(0, |s| s.trusted_proxies),
            metrics_token,
        }),
        metrics: Arc::default(),
    })
}

/// Serves `/metrics` alone on `bind` until the process ends.
async fn serve_metrics(state: AppState, bind: std::net::SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("binding the metrics address {bind}"))?;
    tracing::info!(%bind, "metrics are served at http://{bind}/metrics");
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, yorozu_web::metrics_router(state)).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    Ok(())
}

/// How often a server applies new search changes when nobody searches (a search applies them
/// itself first): well within the one second a change may take to show on every process.
const SEARCH_POLL_MS: u64 = 250;

/// Ctrl-C, or SIGTERM (what service managers and container runtimes send): either ends the
/// server gracefully, writing what is still in memory first.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

async fn run_server(common: &config::Common, serve: &config::Serve) -> anyhow::Result<()> {
    let app = build_app(common, Some(serve.bind)).await?;
    let started = std::time::Instant::now();
    search_sync::catch_up(&app)
        .await
        .context("bringing the search index up to date")?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        "search index up to date"
    );
    tokio::spawn(search_sync::follow(
        app.clone(),
        Duration::from_millis(SEARCH_POLL_MS),
    ));
    let state = web_state(&app, common, Some(serve))?;
    let (shutdown_tx, shutdown_rx) = tokio::sync::watch::channel(false);
    app.analytics.set_enabled(!serve.analytics_off);
    let analytics = tokio::spawn(yorozu_app::analytics::counter::run(
        app.clone(),
        Duration::from_millis(serve.analytics_flush_ms.max(10)),
        shutdown_rx.clone(),
    ));
    let worker = (!serve.no_worker).then(|| {
        let worker = Worker::new(app.clone(), Duration::from_millis(common.job_poll_ms));
        tokio::spawn(worker.run(shutdown_rx))
    });
    let listener = tokio::net::TcpListener::bind(serve.bind)
        .await
        .with_context(|| format!("binding {}", serve.bind))?;
    if let Some(bind) = serve.metrics_bind {
        serve_metrics(state.clone(), bind).await?;
    }
    // Read the Open Graph font now, so that a missing one is said at start (it is not fatal).
    let _ = yorozu_app::share::og_image::available(&app);
    if common.smtp_url.is_none() {
        // The one place the mailbox key is shown: the person at the console follows this link
        // to read the sign-up mail offline; nobody else can read captured mail without it.
        let mailbox = format!(
            "{}/mailbox?key={}",
            app.site.base_url, state.web.mailbox_key
        );
        tracing::info!(url = %app.site.base_url, database = ?app.db.backend(), %mailbox, "yorozu is listening; no SMTP_URL, so mail is captured: open the mailbox link");
    } else {
        tracing::info!(url = %app.site.base_url, database = ?app.db.backend(), "yorozu is listening");
    }
    if app.site.business.is_demo() && !serve.bind.ip().is_loopback() {
        tracing::warn!(
            "the legal pages show demo business details: set the YOROZU_BUSINESS_* settings"
        );
    }
    let router =
        yorozu_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    let _ = shutdown_tx.send(true);
    // The analytics counts still in memory are written before the database closes.
    let _ = analytics.await;
    if let Some(w) = worker {
        let _ = w.await;
    }
    app.db.close().await;
    Ok(())
}
