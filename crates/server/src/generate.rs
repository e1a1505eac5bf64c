//! `yorozu seed --sellers N --listings M --seed S`: a reproducible, realistic data set at
//! scale for benchmarks — sellers with profiles and published services with Japanese text,
//! spread over every category, with sales and ratings. Bulk-loaded in large transactions.

use std::time::Instant;

use yorozu_app::App;
use yorozu_app::listings::rank::rank_score;
use yorozu_domain::listings::categories::{self, Category};
use yorozu_domain::search::{index_grams, normalize};
use yorozu_store::bulk::{Table, insert};
use yorozu_store::dynamic::Bind;

/// Rows per transaction: big enough to amortise commits, small enough to keep memory flat.
const LISTINGS_PER_TX: usize = 2_000;

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
}

const FAMILY: [&str; 20] = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "清水",
    "森",
];
const GIVEN: [&str; 20] = [
    "さくら",
    "けんた",
    "ゆうき",
    "みさき",
    "はると",
    "あおい",
    "そうた",
    "ひなた",
    "りこ",
    "たくみ",
    "美咲",
    "大輔",
    "陽菜",
    "翔",
    "結衣",
    "蓮",
    "葵",
    "湊",
    "凛",
    "悠真",
];
const STYLE: [&str; 12] = [
    "やさしいタッチの",
    "シンプルで洗練された",
    "プロ品質の",
    "初心者にも安心の",
    "スピード納品の",
    "丁寧なヒアリングで作る",
    "修正無制限の",
    "商用利用OKの",
    "おしゃれな",
    "ビジネス向けの",
    "かわいい",
    "高品質な",
];
const PROMISE: [&str; 8] = [
    "ご要望を丁寧にお伺いし、イメージに合うよう仕上げます。",
    "初めての方にも分かりやすく、やり取りしながら進めます。",
    "納品後のちょっとした修正にも対応いたします。",
    "実績多数。安心してお任せください。",
    "土日祝日も対応可能です。お急ぎの方はご相談ください。",
    "商用利用も可能です。用途をお知らせください。",
    "ラフ案を複数ご提案し、お選びいただけます。",
    "お見積りは無料です。まずはお気軽にメッセージください。",
];

/// What a service in a category is about, for titles and descriptions.
fn subjects(category: &Category) -> &'static [&'static str] {
    match category.top_level_id() {
        1 => &["似顔絵", "アイコン", "イラスト", "キャラクター", "漫画"],
        2 => &["ロゴ", "ロゴマーク", "ロゴデザイン", "シンボルマーク"],
        3 => &["名刺", "チラシ", "パンフレット", "ポスター", "名刺デザイン"],
        4 => &["バナー", "画像加工", "写真のレタッチ", "サムネイル"],
        5 => &["ホームページ", "LP", "WordPressサイト", "Webデザイン"],
        6 => &["動画編集", "アニメーション", "YouTube動画", "ショート動画"],
        7 => &[
            "英語の翻訳",
            "日英翻訳",
            "中国語の翻訳",
            "韓国語の翻訳",
            "翻訳",
        ],
        8 => &["記事", "SEOライティング", "キャッチコピー", "ネーミング"],
        9 => &["タロット占い", "星占い", "恋愛占い", "霊視鑑定"],
        10 => &["お悩み相談", "恋愛相談", "キャリア相談", "子育て相談"],
        11 => &[
            "プログラミング",
            "Excelマクロ",
            "アプリ開発",
            "Pythonスクリプト",
        ],
        12 => &["事業計画書", "資料作成", "データ入力", "営業リスト"],
        _ => &["作曲", "ナレーション", "ボイス", "BGM制作"],
    }
}

fn verb(category: &Category) -> &'static str {
    match category.top_level_id() {
        7 => "いたします",
        9 | 10 => "をお届けします",
        _ => "を作成します",
    }
}

/// Summary of a generated data set.
#[derive(Debug)]
pub struct Generated {
    pub sellers: usize,
    pub listings: usize,
    pub grams: usize,
    pub seconds: f64,
}

pub async fn generate(
    app: &App,
    sellers: usize,
    listings: usize,
    seed: u64,
) -> anyhow::Result<Generated> {
    let started = Instant::now();
    let mut rng = Rng(seed);
    let now = app.now();
    // One real Argon2 hash shared by every generated member keeps loading fast; the password
    // is printed so the accounts can be used.
    let hash = yorozu_app::crypto::hash_password(crate::seed::DEMO_PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let leaves: Vec<&Category> = categories::CATEGORIES
        .iter()
        .filter(|c| c.is_leaf())
        .collect();
    let base_id = app.new_id();

    let mut seller_ids = Vec::with_capacity(sellers);
    for chunk_start in (0..sellers).step_by(LISTINGS_PER_TX) {
        let end = (chunk_start + LISTINGS_PER_TX).min(sellers);
        let mut users = vec![];
        let mut profiles = vec![];
        for n in chunk_start..end {
            let id = base_id + n as i64;
            seller_ids.push(id);
            let created = now - (rng.below(3 * 365) as i64) * 86_400;
            let verified = rng.below(3) == 0;
            let name = format!("{}{}", rng.pick(&FAMILY), rng.pick(&GIVEN));
            users.push(vec![
                Bind::I64(id),
                Bind::Text(format!("seller{n}.{seed}@example.jp")),
                Bind::I64(created),
                Bind::Text(hash.clone()),
                Bind::Text("active".into()),
                Bind::Text("member".into()),
                Bind::Text("ja".into()),
                Bind::I64(created),
                Bind::I64(created),
            ]);
            profiles.push(vec![
                Bind::I64(id),
                Bind::Text(name),
                Bind::Text("ご覧いただきありがとうございます。丁寧な対応を心がけています。".into()),
                Bind::Text(String::new()),
                Bind::Text(String::new()),
                Bind::Text(String::new()),
                Bind::Text(String::new()),
                Bind::Text("willing".into()),
                Bind::OptText(None),
                Bind::OptI64(verified.then_some(created)),
                Bind::I64(created),
            ]);
        }
        let mut tx = app.db.begin().await?;
        insert(&mut tx, Table::Users, &users).await?;
        insert(&mut tx, Table::Profiles, &profiles).await?;
        tx.commit().await?;
    }

    let mut gram_count = 0;
    let listing_base = base_id + sellers as i64;
    for chunk_start in (0..listings).step_by(LISTINGS_PER_TX) {
        let end = (chunk_start + LISTINGS_PER_TX).min(listings);
        let (mut rows, mut grams, mut options) = (vec![], vec![], vec![]);
        for n in chunk_start..end {
            let id = listing_base + n as i64;
            let seller = seller_ids[rng.below(seller_ids.len())];
            let category = leaves[rng.below(leaves.len())];
            let subject = rng.pick(subjects(category));
            let title = format!("{}{}{}", rng.pick(&STYLE), subject, verb(category));
            let description = format!(
                "{subject}のご依頼を承ります。{}{}\n\n【ご購入後の流れ】\nご購入後、トークルームで詳細をお伺いします。{}",
                rng.pick(&PROMISE),
                rng.pick(&PROMISE),
                rng.pick(&PROMISE)
            );
            let price = (5 + rng.below(200)) as i64 * 100;
            let sales = if rng.below(4) == 0 {
                0
            } else {
                rng.below(500) as i64
            };
            let rating_count = sales.min(rng.below(300) as i64);
            let rating_x100 = if rating_count == 0 {
                0
            } else {
                350 + rng.below(151) as i64
            };
            let favorites = rng.below(200) as i64;
            let verified = rng.below(3) == 0;
            let published = now - (rng.below(720) as i64) * 3_600 * 12;
            let search_text = normalize(&format!("{title}\n{description}"));
            for gram in index_grams(&search_text) {
                grams.push(vec![Bind::Text(gram), Bind::I64(id)]);
            }
            if rng.below(2) == 0 {
                options.push(vec![
                    Bind::I64(id),
                    Bind::I64(0),
                    Bind::Text("特急納品".into()),
                    Bind::I64(1_000),
                ]);
            }
            rows.push(vec![
                Bind::I64(id),
                Bind::I64(seller),
                Bind::Text("published".into()),
                Bind::I64(category.id),
                Bind::I64(category.top_level_id()),
                Bind::Text(title),
                Bind::Text(description),
                Bind::I64(price),
                Bind::I64((1 + rng.below(14)) as i64),
                Bind::I64(rng.below(4) as i64),
                Bind::Text(String::new()),
                Bind::Text(search_text),
                Bind::I64(sales),
                Bind::I64(rating_x100 * rating_count / 100),
                Bind::I64(rating_count),
                Bind::I64(rating_x100),
                Bind::I64(favorites),
                Bind::I64(rank_score(
                    sales,
                    rating_x100,
                    rating_count,
                    favorites,
                    verified,
                )),
                Bind::Bool(verified),
                Bind::I64(published),
                Bind::I64(published),
                Bind::I64(published),
            ]);
        }
        gram_count += grams.len();
        let mut tx = app.db.begin().await?;
        insert(&mut tx, Table::Listings, &rows).await?;
        insert(&mut tx, Table::ListingGrams, &grams).await?;
        insert(&mut tx, Table::ListingOptions, &options).await?;
        tx.commit().await?;
        if (end / LISTINGS_PER_TX).is_multiple_of(10) {
            tracing::info!(listings = end, elapsed = ?started.elapsed(), "generating");
        }
    }
    let mut tx = app.db.begin().await?;
    yorozu_store::catalog::bump(&mut tx).await?;
    tx.commit().await?;
    app.db.analyze().await?;
    Ok(Generated {
        sellers,
        listings,
        grams: gram_count,
        seconds: started.elapsed().as_secs_f64(),
    })
}
