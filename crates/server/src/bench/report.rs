//! The report of `yorozu bench`: one Markdown table for every backend measured into a folder,
//! the targets with what was measured, and a small SVG chart of throughput relative to the
//! static endpoint.

use std::path::Path;

use super::{Results, Row};

/// The HTTP measurements, in the report's order, with their labels.
const ENDPOINTS: [(&str, &str); 14] = [
    ("static", "static endpoint (/healthz)"),
    ("home", "home page"),
    ("search", "search"),
    ("request_board", "request board search (公開依頼)"),
    ("service", "service page"),
    ("service_member", "service page, signed in"),
    ("talk", "talk room"),
    ("order", "place order (API, card)"),
    ("readiness", "withdrawal readiness (API)"),
    ("readiness_1", "withdrawal readiness, 1 connection"),
    (
        "search_count_off",
        "search, browser, analytics counting off",
    ),
    ("search_count_on", "search, browser, analytics counting on"),
    (
        "service_count_off",
        "service page, browser, analytics counting off",
    ),
    (
        "service_count_on",
        "service page, browser, analytics counting on",
    ),
];

/// Reads every `*.json` result in `dir` (SQLite first), writes `report.md` and `report.svg`
/// there and returns the Markdown.
pub fn write(dir: &Path) -> anyhow::Result<String> {
    let mut all: Vec<Results> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            all.push(serde_json::from_slice(&std::fs::read(&path)?)?);
        }
    }
    all.sort_by_key(|r| r.backend != "sqlite");
    let markdown = markdown(&all);
    std::fs::write(dir.join("report.md"), &markdown)?;
    std::fs::write(dir.join("report.svg"), svg(&all))?;
    Ok(markdown)
}

fn static_rps(r: &Results) -> f64 {
    r.row("static")
        .map_or(0.0, |s| s.measured.requests_per_second)
}

fn percent(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.1}%", 100.0 * part / whole)
    } else {
        "–".into()
    }
}

fn line(backend: &str, label: &str, row: &Row, ratio: String, note: String) -> String {
    let m = &row.measured;
    format!(
        "| {backend} | {label} | {:.0} | {:.2} | {:.2} | {ratio} | {} | {note} |\n",
        m.requests_per_second, m.p50_ms, m.p99_ms, m.errors
    )
}

fn markdown(all: &[Results]) -> String {
    let mut out = String::new();
    for r in all {
        let generated = r.generation.as_ref().map_or(String::new(), |g| {
            format!(
                "; {} rows generated in {:.0} s ({:.0} rows/s)",
                g.rows,
                g.seconds,
                g.rows as f64 / g.seconds.max(0.001)
            )
        });
        out.push_str(&format!(
            "- {}: {} services, {} orders{generated}; {} connections.\n",
            r.backend, r.services, r.orders, r.connections
        ));
    }
    out.push_str(
        "\n| backend | measurement | req/s | p50 ms | p99 ms | vs static | errors | note |\n\
         |---|---|---:|---:|---:|---:|---:|---|\n",
    );
    for r in all {
        let statics = static_rps(r);
        let raw = r
            .row("raw_insert")
            .map(|row| row.measured.requests_per_second);
        for (key, label) in ENDPOINTS {
            let Some(row) = r.row(key) else { continue };
            let note = match (key, raw) {
                ("order", Some(raw)) => {
                    format!(
                        "{} of raw INSERT",
                        percent(row.measured.requests_per_second, raw)
                    )
                }
                _ => String::new(),
            };
            out.push_str(&line(
                &r.backend,
                label,
                row,
                percent(row.measured.requests_per_second, statics),
                note,
            ));
        }
        if let Some(row) = r.row("raw_insert") {
            out.push_str(&line(
                &r.backend,
                "raw single-row INSERT transaction (in process)",
                row,
                String::new(),
                "yardstick of order placement".into(),
            ));
        }
        let before_p99 = r.row("background").map_or(0.0, |b| b.measured.p99_ms);
        if let Some(row) = r.row("background") {
            out.push_str(&line(
                &r.backend,
                "other members' requests (4 connections), quiet",
                row,
                String::new(),
                "service pages, talk rooms, readiness checks".into(),
            ));
        }
        for (key, label) in [
            ("export", "… during the heavy seller's export"),
            ("purge", "… during the heavy seller's purge"),
        ] {
            let Some(row) = r.row(key) else { continue };
            let note = format!(
                "{} {:.1} s ({}); p99 ×{:.2}",
                key,
                row.job_seconds.unwrap_or(0.0),
                row.detail,
                row.measured.p99_ms / before_p99.max(0.001)
            );
            out.push_str(&line(&r.backend, label, row, String::new(), note));
        }
    }
    out.push_str(&targets(all));
    out
}

/// The aims, each with what was measured.
fn targets(all: &[Results]) -> String {
    let mut out =
        String::from("\n| target | backend | aim | measured | met |\n|---|---|---|---|---|\n");
    let mut add = |what: &str, backend: &str, aim: String, measured: String, met: bool| {
        out.push_str(&format!(
            "| {what} | {backend} | {aim} | {measured} | {} |\n",
            if met { "yes" } else { "**no**" }
        ));
    };
    for r in all {
        let sqlite = r.backend == "sqlite";
        let statics = static_rps(r);
        // Issue 18's aims: pages as shares of static; search also within a p99.
        for (key, what, share, p99) in [
            ("home", "home page, anonymous", 40.0, None),
            ("service", "service page, anonymous", 40.0, None),
            ("service_member", "signed-in service page", 15.0, None),
            (
                "search",
                "search under load",
                if sqlite { 20.0 } else { 15.0 },
                Some(25.0),
            ),
        ] {
            let Some(row) = r.row(key) else { continue };
            let got = 100.0 * row.measured.requests_per_second / statics.max(0.001);
            let within = p99.is_none_or(|limit| row.measured.p99_ms <= limit);
            add(
                what,
                &r.backend,
                match p99 {
                    Some(limit) => format!("≥ {share}% of static, p99 ≤ {limit} ms"),
                    None => format!("≥ {share}% of static"),
                },
                format!("{got:.1}%, p99 {:.1} ms", row.measured.p99_ms),
                got >= share && within,
            );
        }
        // Issue 20's aim: counting impressions and views costs under 5% of throughput.
        for (page, off, on) in [
            ("search", "search_count_off", "search_count_on"),
            ("service page", "service_count_off", "service_count_on"),
        ] {
            let (Some(off), Some(on)) = (r.row(off), r.row(on)) else {
                continue;
            };
            let (off, on) = (
                off.measured.requests_per_second,
                on.measured.requests_per_second,
            );
            add(
                &format!("{page} with analytics counting"),
                &r.backend,
                "≥ 95% of counting off".into(),
                format!("{on:.0} vs {off:.0} req/s ({})", percent(on, off)),
                on >= 0.95 * off,
            );
        }
        if let Some(row) = r.row("search_cold") {
            add(
                "search, cold, 1 connection",
                &r.backend,
                "p99 ≤ 10 ms".into(),
                format!(
                    "p50 {:.1} ms, p99 {:.1} ms ({})",
                    row.measured.p50_ms, row.measured.p99_ms, row.detail
                ),
                row.measured.p99_ms <= 10.0,
            );
        }
        if let Some(row) = r.row("index_build") {
            let seconds = row.job_seconds.unwrap_or(0.0);
            add(
                "search index build",
                &r.backend,
                "≤ 30 s for 100,000 services".into(),
                format!("{seconds:.1} s ({})", row.detail),
                seconds <= 30.0,
            );
        }
        if let (Some(order), Some(raw)) = (r.row("order"), r.row("raw_insert")) {
            let got = 100.0 * order.measured.requests_per_second
                / raw.measured.requests_per_second.max(0.001);
            add(
                "order placement",
                &r.backend,
                "≥ 30% of raw INSERT".into(),
                format!("{got:.1}%"),
                got >= 30.0,
            );
        }
        if let Some(row) = r.row("readiness_1") {
            add(
                "readiness check",
                &r.backend,
                format!("p99 < 5 ms at {} orders", r.orders),
                format!("p99 {:.2} ms", row.measured.p99_ms),
                row.measured.p99_ms < 5.0,
            );
        }
        // The heavy seller's jobs, at the size this run generated (the default bench's heavy
        // seller has 20,000 orders; the aim is for 100,000).
        for (key, what) in [
            ("export", "heavy seller's export"),
            ("purge", "heavy-account purge"),
        ] {
            let (Some(job), Some(before)) = (r.row(key), r.row("background")) else {
                continue;
            };
            let seconds = job.job_seconds.unwrap_or(0.0);
            let factor = job.measured.p99_ms / before.measured.p99_ms.max(0.001);
            add(
                what,
                &r.backend,
                "≤ 60 s at this run's size, others' p99 ≤ 2×".into(),
                format!("{seconds:.1} s ({}), ×{factor:.2}", job.detail),
                seconds <= 60.0 && factor <= 2.0,
            );
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Horizontal bars: each endpoint's throughput as a share of the static endpoint's, one bar
/// per backend, labelled with the share and the p99.
fn svg(all: &[Results]) -> String {
    const COLORS: [&str; 2] = ["#2f6fb0", "#d9822b"];
    let endpoints: Vec<(&str, &str)> = ENDPOINTS[1..].to_vec();
    let (label_w, bar_w, bar_h) = (230.0, 360.0, 14.0);
    let group_h = bar_h * all.len().max(1) as f64 + 10.0;
    let height = 40.0 + group_h * endpoints.len() as f64 + 10.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"{height:.0}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n\
         <title>Throughput as a share of the static endpoint, with p99</title>\n"
    );
    for (i, r) in all.iter().enumerate() {
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"17\">{}</text>\n",
            label_w + 120.0 * i as f64,
            COLORS[i % 2],
            label_w + 14.0 + 120.0 * i as f64,
            escape(&r.backend)
        ));
    }
    for (n, (key, label)) in endpoints.iter().enumerate() {
        let top = 30.0 + group_h * n as f64;
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{:.0}\" text-anchor=\"end\">{}</text>\n",
            label_w - 8.0,
            top + bar_h,
            escape(label)
        ));
        for (i, r) in all.iter().enumerate() {
            let Some(row) = r.row(key) else { continue };
            let share = row.measured.requests_per_second / static_rps(r).max(0.001);
            let y = top + bar_h * i as f64;
            out.push_str(&format!(
                "<rect x=\"{label_w}\" y=\"{y:.0}\" width=\"{:.1}\" height=\"{:.0}\" fill=\"{}\"/>\
                 <text x=\"{:.1}\" y=\"{:.0}\">{:.1}% · p99 {:.1} ms</text>\n",
                (share.min(1.0) * bar_w).max(1.0),
                bar_h - 2.0,
                COLORS[i % 2],
                label_w + (share.min(1.0) * bar_w).max(1.0) + 4.0,
                y + bar_h - 4.0,
                100.0 * share,
                row.measured.p99_ms
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}
