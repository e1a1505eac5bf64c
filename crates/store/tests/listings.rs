//! The listings store on both backends: favourites and status moves at the row level, and the
//! query plans of the SQL lists (home page, cards of what the search engine found, a seller's
//! lists) on a data set large enough for the planners to prefer a full scan if no index served.
//! Keyword search itself is the engine's (crates/search, crates/app/tests/search.rs).

use yorozu_domain::Yen;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::{ListingId, UserId};
use yorozu_store::dynamic::{Bind, QueryBuilder};
use yorozu_store::listings::search::{self, CategoryFilter, Filter, Sort};
use yorozu_store::listings::{NewListing, favorites, rows};
use yorozu_store::{Backend, Db, both_backends, bulk};

const NOW: i64 = 1_750_000_000;

/// Listings in the query-plan data set: enough that PostgreSQL's planner picks a sequential
/// scan whenever no index fits (it happily scans a table of a few thousand rows).
const PLAN_LISTINGS: i64 = 20_000;
const PLAN_SELLERS: i64 = 2_000;

/// A deterministic pseudo-random sequence (xorshift), so the data set is the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn user_row(id: i64) -> Vec<Bind> {
    vec![
        Bind::I64(id),
        Bind::Text(format!("u{id}@example.jp")),
        Bind::I64(NOW),
        Bind::Text("h".into()),
        Bind::Text("active".into()),
        Bind::Text("member".into()),
        Bind::Text("ja".into()),
        Bind::I64(NOW),
        Bind::I64(NOW),
    ]
}

fn profile_row(id: i64, verified: bool) -> Vec<Bind> {
    let mut row = vec![Bind::I64(id), Bind::Text(format!("売り手{id}"))];
    row.extend((0..4).map(|_| Bind::Text(String::new())));
    row.extend([
        Bind::Text(String::new()),
        Bind::Text("unspecified".into()),
        Bind::OptText(None),
        Bind::OptI64(verified.then_some(NOW)),
        Bind::I64(NOW),
    ]);
    row
}

async fn insert_users(db: &Db, ids: std::ops::Range<i64>) {
    let users: Vec<_> = ids.clone().map(user_row).collect();
    let profiles: Vec<_> = ids.map(|id| profile_row(id, id % 3 == 0)).collect();
    let mut tx = db.begin().await.expect("begin");
    bulk::insert(&mut tx, bulk::Table::Users, &users)
        .await
        .expect("users");
    bulk::insert(&mut tx, bulk::Table::Profiles, &profiles)
        .await
        .expect("profiles");
    tx.commit().await.expect("commit");
}

fn new_listing(id: i64, seller_id: i64, title: &str) -> NewListing {
    NewListing {
        id: ListingId::new(id),
        seller_id: UserId::new(seller_id),
        category_id: 301,
        parent_category_id: 3,
        title: title.into(),
        description: "説明".into(),
        price: Yen::new(3000),
        delivery_days: 5,
        revisions: 2,
        buyer_notes: String::new(),
        seller_verified: false,
        now: NOW,
    }
}

both_backends!(a_favourite_is_counted_once, |db: Db| async move {
    insert_users(&db, 1..3).await;
    let mut tx = db.begin().await.expect("begin");
    rows::insert(&mut tx, &new_listing(10, 1, "名刺"))
        .await
        .expect("listing");
    assert!(
        favorites::add(&mut tx, UserId::new(2), ListingId::new(10), NOW)
            .await
            .expect("add")
    );
    assert!(
        !favorites::add(&mut tx, UserId::new(2), ListingId::new(10), NOW + 1)
            .await
            .expect("add again"),
        "already there"
    );
    assert!(
        favorites::is_favorite(&mut tx, UserId::new(2), ListingId::new(10))
            .await
            .expect("is")
    );
    assert_eq!(
        rows::find(&mut tx, ListingId::new(10))
            .await
            .expect("find")
            .expect("row")
            .favorites_count,
        1
    );
    assert!(
        favorites::remove(&mut tx, UserId::new(2), ListingId::new(10))
            .await
            .expect("remove")
    );
    assert!(
        !favorites::remove(&mut tx, UserId::new(2), ListingId::new(10))
            .await
            .expect("remove again"),
        "nothing to remove"
    );
    assert_eq!(
        rows::find(&mut tx, ListingId::new(10))
            .await
            .expect("find")
            .expect("row")
            .favorites_count,
        0,
        "never below zero"
    );
    tx.commit().await.expect("commit");
});

both_backends!(
    status_moves_only_from_the_status_read,
    |db: Db| async move {
        insert_users(&db, 1..2).await;
        let mut tx = db.begin().await.expect("begin");
        rows::insert(&mut tx, &new_listing(10, 1, "名刺"))
            .await
            .expect("listing");

        // set_status only moves from the status the caller read.
        assert!(
            !rows::set_status(
                &mut tx,
                ListingId::new(10),
                ListingStatus::Published,
                ListingStatus::Paused,
                NOW
            )
            .await
            .expect("status")
        );
        assert!(
            rows::set_status(
                &mut tx,
                ListingId::new(10),
                ListingStatus::Draft,
                ListingStatus::Published,
                NOW + 5
            )
            .await
            .expect("status")
        );
        assert!(
            rows::set_status(
                &mut tx,
                ListingId::new(10),
                ListingStatus::Published,
                ListingStatus::Paused,
                NOW + 6
            )
            .await
            .expect("status")
        );
        assert!(
            rows::set_status(
                &mut tx,
                ListingId::new(10),
                ListingStatus::Paused,
                ListingStatus::Published,
                NOW + 7
            )
            .await
            .expect("status")
        );
        let row = rows::find(&mut tx, ListingId::new(10))
            .await
            .expect("find")
            .expect("row");
        assert_eq!(
            (row.status.as_str(), row.published_at, row.updated_at),
            ("published", Some(NOW + 5), NOW + 7)
        );
        tx.commit().await.expect("commit");
    }
);

// ---- Query plans ----

/// Leaf categories of the seeded tree (`yorozu_domain::listings::CATEGORIES`).
const LEAVES: [i64; 24] = [
    101, 102, 103, 104, 201, 202, 203, 301, 302, 303, 401, 402, 501, 502, 601, 701, 702, 801, 901,
    1001, 1101, 1102, 1201, 1301,
];

const WORDS: [&str; 24] = [
    "ろご",
    "いらすと",
    "似顔絵",
    "翻訳",
    "英語",
    "ちらし",
    "ばなー",
    "動画",
    "編集",
    "占い",
    "相談",
    "記事",
    "ぷろぐらむ",
    "えくせる",
    "作曲",
    "あいこん",
    "漫画",
    "写真",
    "加工",
    "手書き",
    "おしゃれ",
    "かわいい",
    "高品質",
    "格安",
];

/// Sellers, then listings (90% published, the rest draft, paused or deleted) and, for every
/// fourth listing, an image, all in one transaction; then ANALYZE.
async fn plan_data_set(db: &Db) {
    insert_users(db, 1..PLAN_SELLERS + 1).await;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut listings = vec![];
    let mut images = vec![];
    for n in 0..PLAN_LISTINGS {
        let id = 100_000 + n;
        let category = LEAVES[rng.below(LEAVES.len() as u64) as usize];
        // 名刺 is in business-card listings (1 in 24) and, rarely, elsewhere.
        let subject = if category == 301 || rng.below(100) == 0 {
            "名刺"
        } else {
            rng.pick(&WORDS)
        };
        let title = format!("{}{}作成します", rng.pick(&WORDS), subject);
        let text = format!("{title} {}のご依頼を承ります", rng.pick(&WORDS));
        let status = match rng.below(100) {
            0..=89 => "published",
            90..=94 => "draft",
            95..=97 => "paused",
            _ => "deleted",
        };
        let rating_count = rng.below(50) as i64;
        let rating_x100 = if rating_count > 0 {
            300 + rng.below(201) as i64
        } else {
            0
        };
        let sales = rng.below(500) as i64;
        let published_at = (status != "draft").then(|| NOW - n * 60);
        listings.push(vec![
            Bind::I64(id),
            Bind::I64(1 + rng.below(PLAN_SELLERS as u64) as i64),
            Bind::Text(status.into()),
            Bind::I64(category),
            Bind::I64(category / 100),
            Bind::Text(title.clone()),
            Bind::Text(text),
            Bind::I64(500 + 500 * rng.below(100) as i64),
            Bind::I64(1 + rng.below(30) as i64),
            Bind::I64(2),
            Bind::Text(String::new()),
            Bind::I64(sales),
            Bind::I64(rating_x100 * rating_count / 100),
            Bind::I64(rating_count),
            Bind::I64(rating_x100),
            Bind::I64(rng.below(30) as i64),
            Bind::I64(sales * 10 + rating_x100),
            Bind::Bool(rng.below(3) == 0),
            Bind::OptI64(published_at),
            Bind::I64(NOW - n * 60),
            Bind::I64(NOW - n * 60),
        ]);
        if n % 4 == 0 {
            images.push(id);
        }
    }
    let mut tx = db.begin().await.expect("begin");
    // A few hundred values per statement: SQLite's cost per statement grows faster than its
    // size.
    for rows in listings.chunks(25) {
        bulk::insert(&mut tx, bulk::Table::Listings, rows)
            .await
            .expect("listings");
    }
    for chunk in images.chunks(100) {
        let mut q = QueryBuilder::new(
            "INSERT INTO listing_images (id, listing_id, position, file_key, thumb_key, width, height, created_at) VALUES ",
        );
        for (i, listing_id) in chunk.iter().enumerate() {
            q.push(if i == 0 { "(" } else { ", (" });
            q.push_bind(Bind::I64(listing_id + 1_000_000))
                .push(", ")
                .push_bind(Bind::I64(*listing_id));
            q.push(", 0, ")
                .push_bind(Bind::Text(format!("listings/{listing_id}")));
            q.push(", ")
                .push_bind(Bind::Text(format!("listings/{listing_id}_thumb")));
            q.push(", 1280, 960, ").push_bind(Bind::I64(NOW)).push(")");
        }
        q.execute(&mut tx).await.expect("images");
    }
    tx.commit().await.expect("commit");
    // Table by table: a database-wide ANALYZE on the shared test database would visit every
    // other test's schema too.
    let mut tx = db.begin().await.expect("begin");
    for table in ["users", "profiles", "listings", "listing_images"] {
        yorozu_store::execute!(&mut tx, sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
            .expect("analyze");
    }
    tx.commit().await.expect("commit");
}

fn filter(sort: Sort) -> Filter {
    Filter {
        category: None,
        min_price: None,
        max_price: None,
        max_delivery_days: None,
        min_rating_x100: None,
        verified_only: false,
        sort,
        limit: 24,
        offset: 0,
    }
}

/// Tables whose full scan a page must never pay for, by name and by the alias the queries use.
const BIG_TABLES: [&str; 4] = ["listings", "l", "profiles", "p"];

/// What in a plan reads a whole big table rather than going through an index:
/// - PostgreSQL: a `Seq Scan` on one of them, except directly under the `LIMIT` of the capped
///   count, which stops reading after `COUNT_CAP + 1` matches;
/// - SQLite: a `SCAN` of one of them without an index; or an index walked from end to end
///   (`SCAN x USING INDEX`, or a skip-scan `ANY(…)`) whose order is then thrown away by a full
///   sort (`USE TEMP B-TREE FOR ORDER BY`): that reads every row too. Walking an index in
///   ORDER BY order (`SCAN l USING INDEX listings_public_new`) is fine: LIMIT stops it early.
fn full_scans(backend: Backend, plan: &[String]) -> Vec<String> {
    match backend {
        Backend::Postgres => {
            // The capped count (`LIMIT COUNT_CAP + 1`) may read the heap in order: it stops
            // after that many matches, which is less work than any index when most rows match.
            let capped_limit = format!("rows={} ", search::COUNT_CAP + 1);
            plan.iter()
                .enumerate()
                .filter(|(i, line)| {
                    let Some((_, rest)) = line.split_once("Seq Scan on ") else {
                        return false;
                    };
                    let under_count_cap = *i > 0
                        && plan[i - 1].trim_start().starts_with("->  Limit")
                        && plan[i - 1].contains(&capped_limit);
                    BIG_TABLES.contains(&rest.split_whitespace().next().unwrap_or(""))
                        && !under_count_cap
                })
                .map(|(_, line)| line.clone())
                .collect()
        }
        Backend::Sqlite => {
            let full_sort = plan
                .iter()
                .any(|line| line.trim() == "USE TEMP B-TREE FOR ORDER BY");
            plan.iter()
                .filter(|line| {
                    let detail = line.trim();
                    let walked = detail
                        .strip_prefix("SCAN ")
                        .or_else(|| detail.strip_prefix("SEARCH "));
                    let Some(rest) = walked else { return false };
                    if !BIG_TABLES.contains(&rest.split_whitespace().next().unwrap_or("")) {
                        return false;
                    }
                    let indexed = detail.contains(" USING ");
                    let whole_index = detail.starts_with("SCAN ") || detail.contains("(ANY(");
                    !indexed || (whole_index && full_sort)
                })
                .cloned()
                .collect()
        }
    }
}

/// Explains each query, writes every plan to `$YOROZU_PLAN_REPORT.<backend>.txt` when that
/// variable is set, and fails listing every query that reads a whole table.
async fn assert_indexed(db: &Db, queries: &[(String, QueryBuilder)]) {
    let mut report = String::new();
    let mut failures = vec![];
    for (name, query) in queries {
        let mut c = db.read().await.expect("read");
        let plan = query.explain(&mut c).await.expect("explain");
        report.push_str(&format!("--- {name}\n{}\n", plan.join("\n")));
        let scans = full_scans(db.backend(), &plan);
        if !scans.is_empty() {
            failures.push(format!("{name}: {scans:?}\n{}", plan.join("\n")));
        }
    }
    if let Ok(path) = std::env::var("YOROZU_PLAN_REPORT") {
        std::fs::write(format!("{path}.{:?}.txt", db.backend()), &report)
            .expect("write plan report");
    }
    assert!(
        failures.is_empty(),
        "queries that read a whole table:\n{}",
        failures.join("\n\n")
    );
}

both_backends!(
    search_and_listing_queries_use_indexes,
    |db: Db| async move {
        plan_data_set(&db).await;

        // What the search engine found: a page of ids, looked up by primary key.
        let found: Vec<ListingId> = (0..24).map(|n| ListingId::new(100_000 + n * 7)).collect();
        let mut queries: Vec<(String, QueryBuilder)> = vec![(
            "(a) the cards of a page the search engine found".into(),
            search::cards_by_ids_query(&found),
        )];
        let category_price = Filter {
            category: Some(CategoryFilter::Leaf(301)),
            min_price: Some(Yen::new(3000)),
            max_price: Some(Yen::new(20_000)),
            ..filter(Sort::PriceLow)
        };
        queries.push((
            "(b) leaf category + price, by price".into(),
            search::page_query(&category_price),
        ));
        queries.push((
            "(b) leaf category + price, count".into(),
            search::count_query(&category_price),
        ));
        let parent_price = Filter {
            category: Some(CategoryFilter::Parent(3)),
            ..category_price.clone()
        };
        queries.push((
            "(b) parent category + price, by price".into(),
            search::page_query(&parent_price),
        ));
        let parent_newest = Filter {
            category: Some(CategoryFilter::Parent(7)),
            ..filter(Sort::Newest)
        };
        queries.push((
            "(b) parent category page, newest".into(),
            search::page_query(&parent_newest),
        ));
        for sort in [
            Sort::Newest,
            Sort::Recommended,
            Sort::PriceLow,
            Sort::PriceHigh,
            Sort::Rating,
            Sort::Sales,
        ] {
            queries.push((
                format!("(c) no filter, {sort:?}"),
                search::page_query(&filter(sort)),
            ));
        }
        queries.push((
            "(c) no filter, count".into(),
            search::count_query(&filter(Sort::Newest)),
        ));
        let narrow = Filter {
            verified_only: true,
            min_rating_x100: Some(450),
            max_delivery_days: Some(3),
            ..filter(Sort::Recommended)
        };
        queries.push((
            "(c) verified + rating + delivery, recommended".into(),
            search::page_query(&narrow),
        ));
        queries.push((
            "(c) verified + rating + delivery, count".into(),
            search::count_query(&narrow),
        ));
        let deep = Filter {
            offset: 24 * 39,
            ..filter(Sort::Newest)
        };
        queries.push((
            "(c) no filter, newest, page 40".into(),
            search::page_query(&deep),
        ));

        let mut mine = QueryBuilder::new(concat!(
            "SELECT ",
            yorozu_store::listing_columns!("l"),
            " FROM listings l WHERE l.seller_id = "
        ));
        mine.push_bind(Bind::I64(7))
            .push(" AND l.status <> 'deleted' ORDER BY l.updated_at DESC, l.id DESC LIMIT ")
            .push_bind(Bind::I64(200));
        queries.push((
            "(d) the seller's own list (rows::list_by_seller)".into(),
            mine,
        ));
        let mut public = QueryBuilder::new(concat!(
            "SELECT ",
            yorozu_store::listing_columns!("l"),
            " FROM listings l WHERE l.seller_id = "
        ));
        public
            .push_bind(Bind::I64(7))
            .push(" AND l.status = 'published' ORDER BY l.published_at DESC, l.id DESC LIMIT ")
            .push_bind(Bind::I64(60));
        queries.push((
            "(d) the seller's public page (rows::list_published_by_seller)".into(),
            public,
        ));
        let mut totals = QueryBuilder::new(
            "SELECT CAST(COALESCE(SUM(sales_count), 0) AS BIGINT) AS sales_count FROM listings WHERE seller_id = ",
        );
        totals
            .push_bind(Bind::I64(7))
            .push(" AND status IN ('published', 'paused')");
        queries.push((
            "(d) the seller card's totals (rows::seller_totals)".into(),
            totals,
        ));

        assert_indexed(&db, &queries).await;

        // The data set is what the plans were judged on.
        let mut c = db.read().await.expect("read");
        let (cards, total) = search::search(&mut c, &filter(Sort::Newest))
            .await
            .expect("search");
        assert_eq!(cards.len(), 24);
        assert_eq!(total, search::COUNT_CAP + 1, "{total}");
        let by_id = search::cards_by_ids(&mut c, &found).await.expect("cards");
        assert!(
            by_id.len() > 15,
            "most of them are published: {}",
            by_id.len()
        );
    }
);
