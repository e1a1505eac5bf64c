//! Bulk loading for generated data sets (`yorozu generate`, benchmarks), inside the caller's
//! transaction.

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Conn, Exec, Result};

/// Values per SQLite statement: few, large statements, each bound in linear time thanks to
/// `?` placeholders (with `$N` SQLite looks every placeholder up in a list, which profiled at
/// 30% of a load with 1,000 values per statement).
const MAX_PARAMS: usize = 4_000;

/// Inserts `rows` into `table (columns)`; every row must have one value per column. SQLite
/// takes multi-row INSERTs, PostgreSQL a `COPY … FROM STDIN` (about twice as fast for the
/// server as bound INSERTs).
pub async fn insert(c: &mut impl Exec, table: Table, rows: &[Vec<Bind>]) -> Result<()> {
    match c.conn() {
        Conn::Postgres(conn) => {
            let mut copy = conn.copy_in_raw(&table.copy_statement()).await?;
            let mut data = Vec::with_capacity(1 << 20);
            for row in rows {
                copy_row(&mut data, row);
                if data.len() >= 1 << 20 {
                    copy.send(std::mem::take(&mut data)).await?;
                }
            }
            if !data.is_empty() {
                copy.send(data).await?;
            }
            copy.finish().await?;
            Ok(())
        }
        Conn::Sqlite(_) => {
            let rows_per_statement = (MAX_PARAMS / table.columns()).max(1);
            for chunk in rows.chunks(rows_per_statement) {
                let mut q = QueryBuilder::new(table.insert_prefix());
                for (i, row) in chunk.iter().enumerate() {
                    q.push(if i == 0 { "(" } else { ", (" });
                    for (j, value) in row.iter().enumerate() {
                        if j > 0 {
                            q.push(", ");
                        }
                        q.push_bind_in_order(value.clone());
                    }
                    q.push(")");
                }
                q.execute(c).await?;
            }
            Ok(())
        }
    }
}

/// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
fn copy_row(out: &mut Vec<u8>, row: &[Bind]) {
    for (i, value) in row.iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        match value {
            Bind::I64(n) | Bind::OptI64(Some(n)) => out.extend_from_slice(n.to_string().as_bytes()),
            Bind::Bool(b) => out.push(if *b { b't' } else { b'f' }),
            Bind::Text(t) | Bind::OptText(Some(t)) => {
                for byte in t.bytes() {
                    match byte {
                        b'\\' => out.extend_from_slice(b"\\\\"),
                        b'\n' => out.extend_from_slice(b"\\n"),
                        b'\r' => out.extend_from_slice(b"\\r"),
                        b'\t' => out.extend_from_slice(b"\\t"),
                        other => out.push(other),
                    }
                }
            }
            Bind::OptI64(None) | Bind::OptText(None) => out.extend_from_slice(b"\\N"),
        }
    }
    out.push(b'\n');
}

/// The tables a data set fills, with their column lists fixed here (never from input).
/// Declared parents first: writing tables in this order (`Ord`) satisfies every foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    Users,
    Profiles,
    Listings,
    ListingOptions,
    ListingImages,
    Orders,
    OrderMessages,
    OrderReads,
    OrderDeliveries,
    OrderCancellations,
    Reviews,
    Sales,
    LedgerTransactions,
    LedgerEntries,
}

impl Table {
    /// `COPY table (columns) FROM STDIN`, from the INSERT's fixed text.
    fn copy_statement(self) -> String {
        let prefix = self.insert_prefix();
        format!(
            "COPY {} FROM STDIN",
            prefix["INSERT INTO ".len()..]
                .trim_end()
                .trim_end_matches("VALUES")
                .trim_end()
        )
    }

    /// The table's name, for reports.
    pub fn name(self) -> &'static str {
        let prefix = self.insert_prefix();
        let rest = &prefix["INSERT INTO ".len()..];
        &rest[..rest.find(' ').unwrap_or(rest.len())]
    }

    fn insert_prefix(self) -> &'static str {
        match self {
            Table::Users => {
                "INSERT INTO users (id, email, email_verified_at, password_hash, status, role, locale, created_at, updated_at) VALUES "
            }
            Table::Profiles => {
                "INSERT INTO profiles (user_id, display_name, introduction, skills, career, track_record, sns_links, nda, \
                 avatar_key, identity_verified_at, updated_at) VALUES "
            }
            Table::Listings => {
                "INSERT INTO listings (id, seller_id, status, category_id, parent_category_id, title, description, price, \
                 delivery_days, revisions, buyer_notes, sales_count, rating_sum, rating_count, rating_x100, \
                 favorites_count, rank_score, seller_verified, published_at, created_at, updated_at) VALUES "
            }
            Table::ListingOptions => {
                "INSERT INTO listing_options (listing_id, position, title, price) VALUES "
            }
            Table::ListingImages => {
                "INSERT INTO listing_images (id, listing_id, position, file_key, thumb_key, width, height, created_at) VALUES "
            }
            Table::Orders => {
                "INSERT INTO orders (id, buyer_id, seller_id, listing_id, listing_title, delivery_days, state, \
                 send_backs_used, has_been_delivered, subtotal, buyer_fee, discount, points_used, coupon_id, \
                 coupon_discount, buyer_total, platform_fee, seller_share, payment_method, card_id, charge_id, \
                 purchase_key, request_text, payment_due_at, paid_at, delivered_at, completed_at, cancelled_at, \
                 created_at, updated_at) VALUES "
            }
            Table::OrderMessages => {
                "INSERT INTO order_messages (id, order_id, author_id, kind, body, created_at) VALUES "
            }
            Table::OrderReads => {
                "INSERT INTO order_reads (order_id, user_id, last_read_message_id, read_at) VALUES "
            }
            Table::OrderDeliveries => {
                "INSERT INTO order_deliveries (id, order_id, message_id, outcome, send_back_reason, delivered_at, \
                 auto_approve_at, decided_at) VALUES "
            }
            Table::OrderCancellations => {
                "INSERT INTO order_cancellations (id, order_id, requested_by, reason, status, deadline_at, answer, \
                 answered_at, created_at) VALUES "
            }
            Table::Sales => {
                "INSERT INTO sales (order_id, seller_id, amount, credited_at, payout_request_id, expired_at, \
                 reinstated_at) VALUES "
            }
            Table::LedgerTransactions => {
                "INSERT INTO ledger_transactions (id, kind, reference, created_at) VALUES "
            }
            Table::LedgerEntries => {
                "INSERT INTO ledger_entries (id, transaction_id, account, account_owner, amount, created_at) VALUES "
            }
            Table::Reviews => {
                "INSERT INTO reviews (id, order_id, listing_id, author_id, subject_id, author_role, rating, comment, \
                 anonymous, created_at) VALUES "
            }
        }
    }

    fn columns(self) -> usize {
        match self {
            Table::Users => 9,
            Table::Profiles => 11,
            Table::Listings => 21,
            Table::ListingOptions => 4,
            Table::ListingImages => 8,
            Table::Orders => 30,
            Table::OrderMessages => 6,
            Table::OrderReads => 4,
            Table::OrderDeliveries => 8,
            Table::OrderCancellations => 9,
            Table::Reviews => 10,
            Table::Sales => 7,
            Table::LedgerTransactions => 4,
            Table::LedgerEntries => 6,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_rows_escape_what_copy_reads_specially() {
        let mut out = Vec::new();
        copy_row(
            &mut out,
            &[
                Bind::I64(-7),
                Bind::Text("a\tb\\c\nd".into()),
                Bind::OptText(None),
                Bind::Bool(true),
                Bind::OptI64(Some(3)),
            ],
        );
        assert_eq!(out, b"-7\ta\\tb\\\\c\\nd\t\\N\tt\t3\n");
        assert_eq!(
            Table::Sales.copy_statement(),
            "COPY sales (order_id, seller_id, amount, credited_at, payout_request_id, expired_at, reinstated_at) FROM STDIN"
        );
    }
}
