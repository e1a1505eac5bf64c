//! Driving wrk: a list of requests in, throughput and latency percentiles out.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use anyhow::Context;

/// One HTTP request a measurement may send.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    pub path: String,
    /// `(name, value)` pairs.
    pub headers: Vec<(&'static str, String)>,
    /// `{n}` becomes a number unique to each request.
    pub body: String,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Self {
        Request {
            method: "GET",
            path: path.into(),
            headers: Vec::new(),
            body: String::new(),
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    fn line(&self) -> String {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}"))
            .collect();
        format!(
            "{}\t{}\t{}\t{}",
            self.method,
            self.path,
            headers.join("|"),
            self.body
        )
    }
}

/// What wrk measured.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Measured {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Responses other than 2xx/3xx, and socket errors.
    pub errors: u64,
}

/// Fails with the exact command to run when wrk is missing.
pub fn ensure_installed() -> anyhow::Result<()> {
    Command::new("wrk")
        .arg("--version")
        .output()
        .map(|_| ())
        .context("wrk is not installed: apt-get install wrk")
}

/// A load of `connections` connections on `requests`, from wrk in the background.
pub struct Load {
    child: Child,
}

impl Load {
    /// Starts wrk against `base` (e.g. `http://127.0.0.1:1234`) for at most `seconds`.
    pub fn start(
        dir: &Path,
        name: &str,
        base: &str,
        requests: &[Request],
        connections: usize,
        seconds: u64,
    ) -> anyhow::Result<Load> {
        anyhow::ensure!(!requests.is_empty(), "{name}: no requests to send");
        let list = dir.join(format!("{name}.requests"));
        let lines: Vec<String> = requests.iter().map(Request::line).collect();
        std::fs::write(&list, lines.join("\n") + "\n")?;
        let script = script(dir)?;
        let child = Command::new("wrk")
            .arg(format!("-t{}", connections.clamp(1, 2)))
            .arg(format!("-c{connections}"))
            .arg(format!("-d{seconds}s"))
            .arg("--latency")
            .arg("-s")
            .arg(&script)
            .arg(base)
            .env("REQUESTS", &list)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting wrk")?;
        Ok(Load { child })
    }

    /// Stops wrk now (it prints what it measured so far).
    pub fn stop(self) -> anyhow::Result<Measured> {
        Command::new("kill")
            .arg("-INT")
            .arg(self.child.id().to_string())
            .status()?;
        self.finish()
    }

    /// Waits for wrk's duration to end.
    pub fn finish(self) -> anyhow::Result<Measured> {
        let output = self.child.wait_with_output()?;
        let text = String::from_utf8_lossy(&output.stdout);
        parse(&text).with_context(|| {
            format!(
                "wrk output not understood:\n{text}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
    }
}

/// Runs wrk for `seconds` and returns what it measured.
pub async fn measure(
    dir: &Path,
    name: &str,
    base: &str,
    requests: &[Request],
    connections: usize,
    seconds: u64,
) -> anyhow::Result<Measured> {
    let load = Load::start(dir, name, base, requests, connections, seconds)?;
    tokio::task::spawn_blocking(move || load.finish()).await?
}

fn script(dir: &Path) -> anyhow::Result<PathBuf> {
    let path = dir.join("requests.lua");
    std::fs::write(&path, include_str!("requests.lua"))?;
    Ok(path)
}

/// A latency as wrk prints it (`812.00us`, `3.21ms`, `1.02s`), in milliseconds.
fn millis(text: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1_000.0)
    } else {
        (text, 1.0)
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

fn parse(text: &str) -> Option<Measured> {
    let field = |prefix: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(prefix).map(str::trim))
    };
    let errors: u64 = field("Non-2xx or 3xx responses:")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        + field("Socket errors:")
            .map(|v| {
                v.split(',')
                    .filter_map(|part| part.split_whitespace().nth(1)?.parse::<u64>().ok())
                    .sum()
            })
            .unwrap_or(0);
    Some(Measured {
        requests_per_second: field("Requests/sec:")?.parse().ok()?,
        p50_ms: millis(field("50%")?)?,
        p99_ms: millis(field("99%")?)?,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_wrk_prints() {
        let text = "Running 3s test @ http://127.0.0.1:18777/\n  Latency Distribution\n     50%  812.00us\n     75%    7.75ms\n     99%    1.02s\n  1145 requests in 3.01s, 11.79MB read\n  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 4\nRequests/sec:    380.32\n";
        let m = parse(text).expect("parsed");
        assert_eq!(m.requests_per_second, 380.32);
        assert!((m.p50_ms - 0.812).abs() < 1e-9);
        assert!((m.p99_ms - 1020.0).abs() < 1e-9);
        assert_eq!(m.errors, 9);
        assert!(parse("Running 3s test\n").is_none());
    }

    #[test]
    fn a_request_is_one_line_of_the_script_format() {
        let r = Request {
            method: "POST",
            path: "/api/v1/orders".into(),
            headers: vec![
                ("Authorization", "Bearer t".into()),
                ("Content-Type", "application/json".into()),
            ],
            body: "{\"purchase_key\":\"k-{n}\"}".into(),
        };
        assert_eq!(
            r.line(),
            "POST\t/api/v1/orders\tAuthorization: Bearer t|Content-Type: application/json\t{\"purchase_key\":\"k-{n}\"}"
        );
    }
}
