//! Prometheus metrics: request counts by route and status, and a latency histogram, kept and
//! written out (text format 0.0.4) by `prometheus-client`.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::prometheus_text;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::state::AppState;

/// The `Content-Type` of [`Metrics::render`].
pub const CONTENT_TYPE: &str = prometheus_text::CONTENT_TYPE;

const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

/// The labels of a request count.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    /// The route template, not the raw path, so ids do not explode the label set.
    route: String,
    status: u16,
}

/// The process's metrics; [`Metrics::render`] writes them for `/metrics`.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    duration: Histogram,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let requests = Family::<RequestLabels, Counter>::default();
        let duration = Histogram::new(BUCKETS);
        let mut registry = Registry::default();
        // The help texts get their final full stop from the registry.
        registry.register(
            "yorozu_http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "yorozu_http_request_duration_seconds",
            "Request latency",
            duration.clone(),
        );
        Metrics {
            registry,
            requests,
            duration,
        }
    }
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .inc();
        self.duration.observe(seconds);
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Err(e) = prometheus_text::encode(&mut out, &self.registry) {
            tracing::warn!(error = %e, "metrics could not be written");
        }
        out
    }
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_format_names_types_and_labels_as_before() {
        let m = Metrics::default();
        m.observe("GET", "/services/{id}", 200, 0.003);
        m.observe("GET", "/services/{id}", 200, 2.0);
        let text = m.render();
        for line in [
            "# HELP yorozu_http_requests_total HTTP requests by route and status.",
            "# TYPE yorozu_http_requests_total counter",
            "yorozu_http_requests_total{method=\"GET\",route=\"/services/{id}\",status=\"200\"} 2",
            "# HELP yorozu_http_request_duration_seconds Request latency.",
            "# TYPE yorozu_http_request_duration_seconds histogram",
            "yorozu_http_request_duration_seconds_bucket{le=\"0.001\"} 0",
            "yorozu_http_request_duration_seconds_bucket{le=\"0.005\"} 1",
            "yorozu_http_request_duration_seconds_bucket{le=\"1\"} 1",
            "yorozu_http_request_duration_seconds_bucket{le=\"+Inf\"} 2",
            "yorozu_http_request_duration_seconds_sum 2.003",
            "yorozu_http_request_duration_seconds_count 2",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
    }
}
