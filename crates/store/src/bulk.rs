//! Bulk loading for generated data sets (benchmarks, `yorozu seed --scale`): multi-row INSERTs
//! of many rows per statement inside the caller's transaction.

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result};

/// Values per statement: SQLite slows down sharply with very long statements (measured: 20,000
/// listings load in ~7 s with ~500 values per statement, ~75 s with 30,000), PostgreSQL does not mind.
const MAX_PARAMS: usize = 1_000;

/// Inserts `rows` into `table (columns)`; every row must have one value per column.
pub async fn insert(c: &mut impl Exec, table: Table, rows: &[Vec<Bind>]) -> Result<()> {
    let per_row = table.columns();
    let rows_per_statement = (MAX_PARAMS / per_row).max(1);
    for chunk in rows.chunks(rows_per_statement) {
        let mut q = QueryBuilder::new(table.insert_prefix());
        for (i, row) in chunk.iter().enumerate() {
            q.push(if i == 0 { "(" } else { ", (" });
            for (j, value) in row.iter().enumerate() {
                if j > 0 {
                    q.push(", ");
                }
                q.push_bind(value.clone());
            }
            q.push(")");
        }
        q.execute(c).await?;
    }
    Ok(())
}

/// The tables a data set fills, with their column lists fixed here (never from input).
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Users,
    Profiles,
    Listings,
    ListingGrams,
    ListingOptions,
    ListingImages,
    Orders,
    Reviews,
}

impl Table {
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
                 delivery_days, revisions, buyer_notes, search_text, sales_count, rating_sum, rating_count, rating_x100, \
                 favorites_count, rank_score, seller_verified, published_at, created_at, updated_at) VALUES "
            }
            Table::ListingGrams => "INSERT INTO listing_grams (gram, listing_id) VALUES ",
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
            Table::Listings => 22,
            Table::ListingGrams => 2,
            Table::ListingOptions => 4,
            Table::ListingImages => 8,
            Table::Orders => 30,
            Table::Reviews => 10,
        }
    }
}
