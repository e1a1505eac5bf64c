//! What `yorozu bench` reads and writes besides the application: the generated data set's
//! members, services and orders it acts with, and a scratch table for the raw single-row
//! INSERT transaction that order placement is compared with (same pool and driver).

use crate::{Exec, Result, execute, query_as, query_scalar};

/// The parts of a generated data set (`yorozu generate`) a benchmark acts with.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// The member with the most services, and their e-mail address.
    pub heavy_seller: (i64, String),
    /// Other members (up to 5,000, by id).
    pub members: Vec<i64>,
    /// Members who sell nothing (up to 32).
    pub buyers: Vec<i64>,
    /// Published services of others than the heavy seller.
    pub services: Vec<i64>,
    /// Orders in progress (up to 1,000) with their buyer.
    pub open_orders: Vec<(i64, i64)>,
    pub service_count: i64,
    pub order_count: i64,
}

/// Reads the data set back; `None` when there is none (no services).
pub async fn data_set(c: &mut impl Exec) -> Result<Option<DataSet>> {
    let Some(heavy_seller) = query_as!(
        c,
        fetch_optional,
        (i64, String),
        "SELECT l.seller_id, u.email FROM listings l JOIN users u ON u.id = l.seller_id
         GROUP BY l.seller_id, u.email ORDER BY COUNT(*) DESC, l.seller_id LIMIT 1"
    )?
    else {
        return Ok(None);
    };
    let heavy = heavy_seller.0;
    let members = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT id FROM users WHERE role = 'member' AND status = 'active' AND id <> $1 ORDER BY id LIMIT 5000",
        heavy
    )?;
    let buyers = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT u.id FROM users u WHERE u.role = 'member' AND u.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = u.id) ORDER BY u.id LIMIT 32"
    )?;
    let services = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT id FROM listings WHERE status = 'published' AND seller_id <> $1 ORDER BY id",
        heavy
    )?;
    let open_orders = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT id, buyer_id FROM orders WHERE state = 'in_progress' ORDER BY id LIMIT 1000"
    )?;
    let service_count = query_scalar!(c, fetch_one, i64, "SELECT COUNT(*) FROM listings")?;
    let order_count = query_scalar!(c, fetch_one, i64, "SELECT COUNT(*) FROM orders")?;
    Ok(Some(DataSet {
        heavy_seller,
        members,
        buyers,
        services,
        open_orders,
        service_count,
        order_count,
    }))
}

/// Creates the scratch table if it is missing (not part of the migrations on purpose).
pub async fn create_scratch_table(c: &mut impl Exec) -> Result<()> {
    execute!(
        c,
        "CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT PRIMARY KEY, payload TEXT NOT NULL, created_at BIGINT NOT NULL)"
    )?;
    Ok(())
}

/// Inserts one row.
pub async fn insert_scratch_row(c: &mut impl Exec, id: i64, payload: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "INSERT INTO bench_raw (id, payload, created_at) VALUES ($1, $2, $3)",
        id,
        payload,
        now
    )?;
    Ok(())
}
