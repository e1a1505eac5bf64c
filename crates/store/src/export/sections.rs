//! Reads for the data export: each section of the archive is a fixed query whose rows come
//! back as cells of declared kinds, so the application can write them as JSON, CSV and HTML
//! from one description. Queries are keyset-paged: `$1` is the member, `$2`/`$3` the last
//! row's sort key and id, `$4` the page size; the first two columns are that key.

use sqlx::{AssertSqlSafe, Row};
use yorozu_domain::UserId;

use crate::{Conn, Exec, Result};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    OptInt,
    Text,
    OptText,
    Bool,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Int(i64),
    Text(String),
    Bool(bool),
    Null,
}

impl Cell {
    pub fn as_i64(&self) -> i64 {
        match self {
            Cell::Int(n) => *n,
            _ => 0,
        }
    }
}

macro_rules! decode {
    ($row:expr, $kinds:expr) => {{
        let mut cells = Vec::with_capacity($kinds.len());
        for (i, kind) in $kinds.iter().enumerate() {
            cells.push(match kind {
                Kind::Int => Cell::Int($row.try_get::<i64, _>(i)?),
                Kind::OptInt => $row
                    .try_get::<Option<i64>, _>(i)?
                    .map_or(Cell::Null, Cell::Int),
                Kind::Text => Cell::Text($row.try_get::<String, _>(i)?),
                Kind::OptText => $row
                    .try_get::<Option<String>, _>(i)?
                    .map_or(Cell::Null, Cell::Text),
                Kind::Bool => Cell::Bool($row.try_get::<bool, _>(i)?),
            });
        }
        cells
    }};
}

/// One page of a section: `sql` is a fixed text of the application (never input).
pub async fn page(
    c: &mut impl Exec,
    sql: &'static str,
    kinds: &[Kind],
    member: UserId,
    after: (i64, i64),
    limit: i64,
) -> Result<Vec<Vec<Cell>>> {
    let mut out = Vec::new();
    match c.conn() {
        Conn::Sqlite(conn) => {
            let rows = sqlx::query(AssertSqlSafe(sql))
                .bind(member.get())
                .bind(after.0)
                .bind(after.1)
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?;
            for row in &rows {
                out.push(decode!(row, kinds));
            }
        }
        Conn::Postgres(conn) => {
            let rows = sqlx::query(AssertSqlSafe(sql))
                .bind(member.get())
                .bind(after.0)
                .bind(after.1)
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?;
            for row in &rows {
                out.push(decode!(row, kinds));
            }
        }
    }
    Ok(out)
}

/// Rows of a query over a list of ids (`$1` is the member, the ids follow as `$2…`), for the
/// children of a page of orders: their messages and attachments.
pub async fn children(
    c: &mut impl Exec,
    head: &'static str,
    tail: &'static str,
    kinds: &[Kind],
    member: UserId,
    ids: &[i64],
) -> Result<Vec<Vec<Cell>>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = String::from(head);
    sql.push('(');
    for i in 0..ids.len() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("${}", i + 2));
    }
    sql.push(')');
    sql.push_str(tail);
    let mut out = Vec::new();
    match c.conn() {
        Conn::Sqlite(conn) => {
            let mut q = sqlx::query(AssertSqlSafe(sql)).bind(member.get());
            for id in ids {
                q = q.bind(*id);
            }
            for row in &q.fetch_all(&mut *conn).await? {
                out.push(decode!(row, kinds));
            }
        }
        Conn::Postgres(conn) => {
            let mut q = sqlx::query(AssertSqlSafe(sql)).bind(member.get());
            for id in ids {
                q = q.bind(*id);
            }
            for row in &q.fetch_all(&mut *conn).await? {
                out.push(decode!(row, kinds));
            }
        }
    }
    Ok(out)
}
