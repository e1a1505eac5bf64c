#![allow(dead_code, unused_imports)]
#[path = "listings.rs"]
mod data;

use yorozu_store::{Db, DbConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn experiment() {
    let path = std::env::var("EXP_DB").unwrap_or("/tmp/exp/plan.db".into());
    let fresh = !std::path::Path::new(&path).exists();
    let db = Db::connect(&DbConfig { url: format!("sqlite://{path}"), max_connections: 2, pg_schema: None }).await.unwrap();
    if fresh {
        yorozu_store::migrate(&db).await.unwrap();
        let t = std::time::Instant::now();
        data::plan_data_set_timed(&db).await;
        eprintln!("data set: {:?}", t.elapsed());
    }
    let sql = std::fs::read_to_string("/tmp/exp/q.sql").unwrap();
    for stmt in sql.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
        let mut tx = db.begin().await.unwrap();
        if stmt.starts_with("--exec") {
            let s = stmt.trim_start_matches("--exec").trim().to_owned();
            yorozu_store::execute!(&mut tx, sqlx::AssertSqlSafe(s)).unwrap();
            tx.commit().await.unwrap();
            continue;
        }
        let q = yorozu_store::dynamic::QueryBuilder::new(Box::leak(stmt.to_owned().into_boxed_str()));
        let plan = q.explain(&mut tx).await.unwrap();
        let t = std::time::Instant::now();
        let n = yorozu_store::query_scalar!(&mut tx, fetch_all, i64, sqlx::AssertSqlSafe(format!("SELECT 1 FROM ({stmt}) x"))).unwrap().len();
        println!("=== {stmt}\n{}\n  -> {n} rows in {:?}", plan.join("\n"), t.elapsed());
        tx.commit().await.unwrap();
    }
}
