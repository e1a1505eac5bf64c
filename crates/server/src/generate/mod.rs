//! `yorozu generate`: a realistic data set of a given size, reproducible from a seed, for
//! benchmarks and load tests.
//!
//! Members with Japanese names and profiles; a quarter of them sell. Published services with
//! Japanese titles and descriptions in every category, indexed for search. Orders in every
//! state with their talk rooms (payment and delivery notes, the buyer's request, the seller's
//! answer), formal deliveries, agreed cancellations, reviews both ways, sales and the double-
//! entry ledger, all as the use cases would have written them. Member 0 is a heavy seller with
//! `heavy_services` services and `heavy_orders` completed, reviewed orders (the withdrawal
//! benchmark's heavy account). The services' sales and rating figures are those of the
//! generated orders and reviews.
//!
//! Everything except the ids (which carry the time of generation) follows from the seed.
//! Rows are bulk-loaded in transactions of a few thousand rows.

mod catalog;
mod orders;
mod words;

use std::collections::BTreeMap;
use std::time::Instant;

use yorozu_app::App;
use yorozu_store::bulk::{Table, insert};
use yorozu_store::dynamic::Bind;

/// The size of a data set (the flags of `yorozu generate` and `yorozu bench`).
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    #[arg(long, default_value_t = 20_000, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(3..))]
    pub members: usize,
    #[arg(long, default_value_t = 100_000, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub services: usize,
    #[arg(long, default_value_t = 1_000_000)]
    pub orders: usize,
    /// Services of member 0, the heavy seller, on top of --services.
    #[arg(long, default_value_t = 10_000)]
    pub heavy_services: usize,
    /// Completed, reviewed orders of the heavy seller (part of --orders).
    #[arg(long, default_value_t = 100_000)]
    pub heavy_orders: usize,
    /// The same seed gives the same data set.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// What was generated.
#[derive(Debug)]
pub struct Generated {
    /// Rows written per table.
    pub rows: BTreeMap<&'static str, usize>,
    pub seconds: f64,
}

impl Generated {
    pub fn total_rows(&self) -> usize {
        self.rows.values().sum()
    }

    /// Rows and seconds, for `yorozu bench`'s report.
    pub fn figures(&self) -> Generation {
        Generation {
            rows: self.total_rows(),
            seconds: self.seconds,
        }
    }

    pub fn rows_per_second(&self) -> f64 {
        self.total_rows() as f64 / self.seconds.max(0.001)
    }

    /// One line per table and the total, for the command's output.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (table, n) in &self.rows {
            out.push_str(&format!("{table:>20}: {n:>10}\n"));
        }
        out.push_str(&format!(
            "{:>20}: {:>10} rows in {:.1} s ({:.0} rows/s)\n",
            "total",
            self.total_rows(),
            self.seconds,
            self.rows_per_second()
        ));
        out
    }
}

/// How big a generated data set was and how long it took.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Generation {
    pub rows: usize,
    pub seconds: f64,
}

/// A small deterministic generator (SplitMix64): the same seed gives the same data set.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Rows per transaction: big enough to amortise commits, small enough to keep memory flat.
const ROWS_PER_TX: usize = 50_000;

/// Collects rows and writes them in transactions of about `ROWS_PER_TX` rows, parent tables
/// first (`Table`'s order), so a row may be given before or after its parent in a batch.
struct Loader<'a> {
    app: &'a App,
    pending: Vec<(Table, Vec<Vec<Bind>>)>,
    queued: usize,
    written: BTreeMap<&'static str, usize>,
}

impl<'a> Loader<'a> {
    fn new(app: &'a App) -> Self {
        Loader {
            app,
            pending: Vec::new(),
            queued: 0,
            written: BTreeMap::new(),
        }
    }

    fn id(&self) -> i64 {
        self.app.new_id()
    }

    async fn add(&mut self, table: Table, row: Vec<Bind>) -> anyhow::Result<()> {
        match self.pending.iter_mut().find(|(t, _)| *t == table) {
            Some((_, rows)) => rows.push(row),
            None => self.pending.push((table, vec![row])),
        }
        self.queued += 1;
        if self.queued >= ROWS_PER_TX {
            self.flush().await?;
        }
        Ok(())
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        if self.queued == 0 {
            return Ok(());
        }
        self.pending.sort_by_key(|(table, _)| *table);
        let mut tx = self.app.db.begin().await?;
        for (table, rows) in &self.pending {
            insert(&mut tx, *table, rows).await?;
        }
        tx.commit().await?;
        for (table, rows) in self.pending.drain(..) {
            *self.written.entry(table.name()).or_default() += rows.len();
        }
        self.queued = 0;
        Ok(())
    }
}

pub async fn generate(app: &App, o: &Options) -> anyhow::Result<Generated> {
    app.db.bulk_loading(true).await?;
    let generated = load(app, o).await;
    app.db.bulk_loading(false).await?;
    generated
}

async fn load(app: &App, o: &Options) -> anyhow::Result<Generated> {
    let started = Instant::now();
    let mut rng = Rng(o.seed);
    let mut loader = Loader::new(app);
    let members = catalog::members(app, &mut rng, o.members.max(3), o.seed);
    let mut services = catalog::services(app, &mut rng, &members, o);
    let plan = orders::plan(app, &mut rng, &members, &mut services, o);
    catalog::write_members(&mut loader, &members).await?;
    catalog::write_services(&mut loader, &members, &services).await?;
    loader.flush().await?;
    // The orders depend only on what is committed now: they load in two halves side by side,
    // each with its own generator, on two connections where the database has them
    // (PostgreSQL). The search index needs nothing here: the listings' triggers logged every
    // service in `search_changes`, which the index applies (or rebuilds from) at start.
    let (first, second) = plan.split_at(plan.len() / 2);
    let mut second_loader = Loader::new(app);
    let (mut rng_a, mut rng_b) = (Rng(o.seed ^ 0xA11CE), Rng(o.seed ^ 0xB0B));
    let (first_half, second_half) = tokio::join!(
        orders::write(&mut loader, &mut rng_a, &members, &services, first),
        orders::write(&mut second_loader, &mut rng_b, &members, &services, second)
    );
    first_half?;
    second_half?;
    second_loader.flush().await?;
    for (table, n) in std::mem::take(&mut second_loader.written) {
        *loader.written.entry(table).or_default() += n;
    }
    loader.flush().await?;
    app.db.settle_after_bulk_load().await?;
    Ok(Generated {
        rows: loader.written,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests;
