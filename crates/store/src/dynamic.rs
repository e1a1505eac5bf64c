//! Queries whose shape depends on input (list filters, IN lists of ids).
//!
//! The SQL text is assembled only from fixed fragments and `$N` placeholders — never from
//! input — and every value is bound. That is what `AssertSqlSafe` asserts below.

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, FromRow};

use crate::{Conn, Exec, Result};

/// Binds every value in order (the same code for both backends' query types).
macro_rules! bind_all {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds {
            q = match b {
                Bind::I64(v) => q.bind(*v),
                Bind::Text(v) => q.bind(v.clone()),
                Bind::Bool(v) => q.bind(*v),
                Bind::OptI64(v) => q.bind(*v),
                Bind::OptText(v) => q.bind(v.clone()),
            };
        }
        q
    }};
}

/// A bound value.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    I64(i64),
    Text(String),
    Bool(bool),
    OptI64(Option<i64>),
    OptText(Option<String>),
}

/// SQL under construction with its bound values; `push_bind` appends `$N`.
#[derive(Debug, Default)]
pub struct QueryBuilder {
    sql: String,
    binds: Vec<Bind>,
}

impl QueryBuilder {
    pub fn new(fixed: &'static str) -> QueryBuilder {
        QueryBuilder {
            sql: fixed.to_owned(),
            binds: vec![],
        }
    }

    /// Appends a fixed SQL fragment.
    pub fn push(&mut self, fixed: &'static str) -> &mut Self {
        self.sql.push_str(fixed);
        self
    }

    /// Appends a placeholder for `value`.
    pub fn push_bind(&mut self, value: Bind) -> &mut Self {
        self.binds.push(value);
        self.sql.push_str(&format!("${}", self.binds.len()));
        self
    }

    /// Appends an anonymous `?` placeholder for `value` (SQLite only; not to be mixed with
    /// `push_bind`). SQLite binds these in order, where each `$N` is looked up in a list:
    /// statements with thousands of values bind in linear instead of quadratic time.
    pub fn push_bind_in_order(&mut self, value: Bind) -> &mut Self {
        self.binds.push(value);
        self.sql.push('?');
        self
    }

    pub fn sql(&self) -> &str {
        &self.sql
    }

    pub async fn fetch_all<T>(&self, c: &mut impl Exec) -> Result<Vec<T>>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        Ok(match c.conn() {
            Conn::Sqlite(conn) => {
                let q = sqlx::query_as::<_, T>(AssertSqlSafe(self.sql.clone()));
                bind_all!(q, &self.binds).fetch_all(&mut *conn).await?
            }
            Conn::Postgres(conn) => {
                let q = sqlx::query_as::<_, T>(AssertSqlSafe(self.sql.clone()));
                bind_all!(q, &self.binds).fetch_all(&mut *conn).await?
            }
        })
    }

    /// Executes a statement; returns the number of rows affected.
    pub async fn execute(&self, c: &mut impl Exec) -> Result<u64> {
        Ok(match c.conn() {
            Conn::Sqlite(conn) => {
                bind_all!(sqlx::query(AssertSqlSafe(self.sql.clone())), &self.binds)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected()
            }
            Conn::Postgres(conn) => {
                bind_all!(sqlx::query(AssertSqlSafe(self.sql.clone())), &self.binds)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected()
            }
        })
    }

    pub async fn fetch_scalar_i64(&self, c: &mut impl Exec) -> Result<i64> {
        Ok(match c.conn() {
            Conn::Sqlite(conn) => {
                let q = sqlx::query_scalar::<_, i64>(AssertSqlSafe(self.sql.clone()));
                bind_all!(q, &self.binds).fetch_one(&mut *conn).await?
            }
            Conn::Postgres(conn) => {
                let q = sqlx::query_scalar::<_, i64>(AssertSqlSafe(self.sql.clone()));
                bind_all!(q, &self.binds).fetch_one(&mut *conn).await?
            }
        })
    }

    /// The database's query plan, one line per step (for index-usage tests).
    pub async fn explain(&self, c: &mut impl Exec) -> Result<Vec<String>> {
        let mut explained = QueryBuilder {
            sql: String::new(),
            binds: self.binds.clone(),
        };
        let lines = match c.backend() {
            crate::Backend::Sqlite => {
                explained.sql = format!("EXPLAIN QUERY PLAN {}", self.sql);
                #[derive(sqlx::FromRow)]
                struct Step {
                    detail: String,
                }
                explained
                    .fetch_all::<Step>(c)
                    .await?
                    .into_iter()
                    .map(|s| s.detail)
                    .collect()
            }
            crate::Backend::Postgres => {
                explained.sql = format!("EXPLAIN {}", self.sql);
                #[derive(sqlx::FromRow)]
                struct Step {
                    #[sqlx(rename = "QUERY PLAN")]
                    plan: String,
                }
                explained
                    .fetch_all::<Step>(c)
                    .await?
                    .into_iter()
                    .map(|s| s.plan)
                    .collect()
            }
        };
        Ok(lines)
    }
}
