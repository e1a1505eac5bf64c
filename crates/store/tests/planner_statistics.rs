//! The planner's statistics after a bulk load. SQLite is built without STAT4 (see
//! `.cargo/config.toml`): with its per-value samples, every statement whose plan could depend on
//! a bound value would be re-prepared at each execution, which halved the order rate.

use yorozu_store::testing::TestDb;

#[tokio::test]
async fn analyze_keeps_the_index_averages_and_no_value_samples() {
    let database = TestDb::sqlite().await;
    database.db.settle_after_bulk_load().await.expect("settle");
    let mut c = database.db.read().await.expect("read");
    let tables = yorozu_store::query_scalar!(
        &mut c,
        fetch_all,
        String,
        "SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%' ORDER BY name"
    )
    .expect("tables");
    assert_eq!(tables, ["sqlite_stat1"]);
}
