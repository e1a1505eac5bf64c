//! Issue 20's speed aim: counting must not slow the pages it counts. The search and service
//! page requests of the main measurements, sent with a browser's `User-Agent` (robots are not
//! counted, and wrk sends none), are measured with the sellers' analytics counting switched
//! off and then on, with the background task writing the counts every few seconds as a
//! server does. Off first, so that on is not flattered by anything the first run warmed.

use std::path::Path;

use yorozu_app::App;
use yorozu_app::analytics::counter;

use super::fixtures::Requests;
use super::{Row, row, wrk};

/// A desktop browser's agent.
const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/// The measured keys: `search_count_off`, `search_count_on`, `service_count_off`,
/// `service_count_on`.
pub async fn measure(
    app: &App,
    dir: &Path,
    base: &str,
    requests: &Requests,
    connections: usize,
    seconds: u64,
) -> anyhow::Result<Vec<Row>> {
    let browser = |list: &[wrk::Request]| -> Vec<wrk::Request> {
        list.iter()
            .cloned()
            .map(|r| r.header("User-Agent", BROWSER))
            .collect()
    };
    let search = browser(&requests.search);
    let service = browser(&requests.service);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let flusher = tokio::spawn(counter::run(
        app.clone(),
        counter::DEFAULT_FLUSH_INTERVAL,
        stopped,
    ));
    let mut rows = Vec::new();
    for (key, list, on) in [
        ("search_count_off", &search, false),
        ("search_count_on", &search, true),
        ("service_count_off", &service, false),
        ("service_count_on", &service, true),
    ] {
        app.analytics.set_enabled(on);
        let measured = wrk::measure(dir, key, base, list, connections, seconds).await?;
        eprintln!("{key}: {measured:?}");
        rows.push(row(key, measured));
    }
    app.analytics.set_enabled(true);
    let _ = stop.send(true);
    let _ = flusher.await;
    Ok(rows)
}
