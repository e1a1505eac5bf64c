//! Search measurements: the index build from the generated data set, and a cold search —
//! at least 400 distinct queries, each asked once, one connection at a time, before anything
//! warms the result cache — the figure a visitor typing something new gets.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

use yorozu_app::App;
use yorozu_app::search_sync;

use super::fixtures::{self, encode};
use super::wrk::Measured;
use crate::generate::Rng;

/// Words fewer generated services use than the common ones of [`fixtures::WORDS`].
const RARE_WORDS: [&str; 6] = ["編集", "作成", "添削", "英語", "写真", "制作"];

/// The common words of the generated services, then the rare ones.
fn words() -> Vec<&'static str> {
    fixtures::WORDS.iter().chain(&RARE_WORDS).copied().collect()
}

/// The same words as visitors also type them: hiragana, half-width katakana, full-width
/// Latin, upper and lower case.
const VARIANTS: [&str; 14] = [
    "でざいん",
    "ﾃﾞｻﾞｲﾝ",
    "ろご",
    "ﾛｺﾞ",
    "いらすと",
    "ｲﾗｽﾄ",
    "あいこん",
    "ﾁﾗｼ",
    "ばなー",
    "ﾎｰﾑﾍﾟｰｼﾞ",
    "ＥＸＣＥＬ",
    "excel",
    "ｌｐ",
    "ＬＰ",
];

/// Words no service has.
const NO_HITS: [&str; 12] = [
    "宇宙旅行",
    "ぬぬぬ",
    "zzqx",
    "量子計算",
    "竜宮城",
    "ｸﾞﾜｯ",
    "むむむむ",
    "xylophone",
    "火星",
    "恐竜の化石",
    "ぴよぴよ",
    "qwerty",
];

/// Filters and orders added to a keyword.
const FILTERS: [&str; 10] = [
    "&sort=new",
    "&sort=price-low",
    "&sort=price-high",
    "&sort=rating",
    "&sort=sales",
    "&min_price=1000&max_price=5000",
    "&days=3",
    "&rating=4",
    "&verified=1",
    "&category=3",
];

/// Deep pages.
const PAGES: [u32; 4] = [2, 5, 15, 40];

/// At least 400 distinct search URLs (about 480) in a shuffled, reproducible order.
pub fn cold_queries(rng: &mut Rng) -> Vec<String> {
    let words = words();
    let mut keywords: Vec<String> = words
        .iter()
        .chain(&VARIANTS)
        .map(|w| w.to_string())
        .collect();
    // One character.
    let singles: BTreeSet<char> = words.iter().flat_map(|w| w.chars()).collect();
    keywords.extend(singles.iter().take(40).map(|c| c.to_string()));
    // Several words.
    for (i, a) in words.iter().enumerate() {
        keywords.push(format!("{a} {}", words[(i * 7 + 3) % words.len()]));
        keywords.push(format!("{a}　{}", VARIANTS[i % VARIANTS.len()]));
    }
    keywords.extend(NO_HITS.iter().map(|w| w.to_string()));
    let mut urls: BTreeSet<String> = keywords
        .iter()
        .map(|k| format!("/search?q={}", encode(k)))
        .collect();
    for (i, word) in words.iter().chain(&VARIANTS).enumerate() {
        let q = encode(word);
        for step in [0, 3, 7] {
            urls.insert(format!(
                "/search?q={q}{}",
                FILTERS[(i + step) % FILTERS.len()]
            ));
        }
        urls.insert(format!("/search?q={q}&page={}", PAGES[i % PAGES.len()]));
        urls.insert(format!(
            "/search?q={q}{}&page={}",
            FILTERS[(i + 5) % FILTERS.len()],
            PAGES[(i + 1) % PAGES.len()]
        ));
    }
    for category in 1..=13 {
        urls.insert(format!("/search?category={category}&sort=price-low"));
        urls.insert(format!("/search?category={category}&page=3"));
    }
    for page in PAGES {
        urls.insert(format!("/search?sort=new&page={page}"));
    }
    let mut urls: Vec<String> = urls.into_iter().collect();
    for i in (1..urls.len()).rev() {
        urls.swap(i, rng.below(i + 1));
    }
    urls
}

/// Asks each URL once, in turn, on a fresh loopback connection; latency of each whole answer
/// (and the slowest, in milliseconds).
pub fn ask_each_once(base_addr: &str, urls: &[String]) -> anyhow::Result<(Measured, f64)> {
    let started = Instant::now();
    let mut millis = Vec::with_capacity(urls.len());
    let mut errors = 0;
    for url in urls {
        let t = Instant::now();
        let mut stream = std::net::TcpStream::connect(base_addr)?;
        write!(
            stream,
            "GET {url} HTTP/1.1\r\nHost: bench\r\nAccept-Language: ja\r\nConnection: close\r\n\r\n"
        )?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer)?;
        millis.push(t.elapsed().as_secs_f64() * 1000.0);
        if !answer.starts_with(b"HTTP/1.1 200") {
            errors += 1;
        }
    }
    let total = started.elapsed().as_secs_f64();
    millis.sort_by(f64::total_cmp);
    let at = |q: f64| millis[((millis.len() as f64 - 1.0) * q).round() as usize];
    let measured = Measured {
        requests_per_second: urls.len() as f64 / total.max(1e-9),
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        errors,
    };
    Ok((measured, at(1.0)))
}

/// Rebuilds the search index from the database; seconds, services and bytes on disk.
pub async fn build_index(app: &App, dir: Option<&Path>) -> anyhow::Result<(f64, u64, u64)> {
    let started = Instant::now();
    let services = search_sync::rebuild(app)
        .await
        .map_err(|e| anyhow::anyhow!("search index: {e}"))?
        .services;
    let seconds = started.elapsed().as_secs_f64();
    let bytes = dir.map_or(0, folder_bytes);
    Ok((seconds, services, bytes))
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cold_search_asks_at_least_400_distinct_queries() {
        let urls = cold_queries(&mut Rng(1));
        let distinct: BTreeSet<&String> = urls.iter().collect();
        assert_eq!(distinct.len(), urls.len());
        assert!(urls.len() >= 400, "{}", urls.len());
    }
}
