//! Prometheus metrics: request counts by route and status class, and a latency histogram.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                m.buckets[i] += 1;
            }
        }
        m.count += 1;
        m.sum += seconds;
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let Ok(m) = self.inner.lock() else {
            return String::new();
        };
        let mut out = String::from(
            "# HELP yorozu_http_requests_total HTTP requests by route and status.\n# TYPE yorozu_http_requests_total counter\n",
        );
        for ((method, route, status), n) in &m.requests {
            out.push_str(&format!("yorozu_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}\n"));
        }
        out.push_str("# HELP yorozu_http_request_duration_seconds Request latency.\n# TYPE yorozu_http_request_duration_seconds histogram\n");
        for (i, b) in BUCKETS.iter().enumerate() {
            out.push_str(&format!(
                "yorozu_http_request_duration_seconds_bucket{{le=\"{b}\"}} {}\n",
                m.buckets[i]
            ));
        }
        out.push_str(&format!(
            "yorozu_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n",
            m.count
        ));
        out.push_str(&format!(
            "yorozu_http_request_duration_seconds_sum {}\n",
            m.sum
        ));
        out.push_str(&format!(
            "yorozu_http_request_duration_seconds_count {}\n",
            m.count
        ));
        out
    }
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    // The route template, not the raw path, so ids do not explode the label set.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}
