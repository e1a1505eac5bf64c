//! SQLite's write-ahead log is copied back into the database file by the checkpointer, not
//! by the writer's commits (see `checkpointer.rs`): after a few hundred pages of commits the
//! database file grows within a second, with no further commit to trigger it.

use std::time::{Duration, Instant};

use yorozu_store::testing::TestDb;

#[tokio::test]
async fn the_log_is_copied_back_soon_after_commits() {
    let database = TestDb::sqlite().await;
    let file = database.sqlite_dir().expect("sqlite dir").join("test.db");
    let db = &database.db;
    let mut tx = db.begin().await.expect("begin");
    yorozu_store::bench::create_scratch_table(&mut tx)
        .await
        .expect("table");
    tx.commit().await.expect("commit");
    // Let the checkpointer copy the migrations back first.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = std::fs::metadata(&file).expect("db file").len();

    // About 400 pages: under the 1,000 at which a writer would copy the log back itself.
    let payload = "書き込み".repeat(340);
    for batch in 0..40_i64 {
        let mut tx = db.begin().await.expect("begin");
        for n in 0..10 {
            yorozu_store::bench::insert_scratch_row(&mut tx, batch * 10 + n, &payload, 1)
                .await
                .expect("insert");
        }
        tx.commit().await.expect("commit");
    }
    let since = Instant::now();
    loop {
        let now = std::fs::metadata(&file).expect("db file").len();
        if now > before + 1_000_000 {
            return;
        }
        assert!(
            since.elapsed() < Duration::from_secs(2),
            "the database file stayed at {now} bytes (from {before}): the log was not copied back"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
