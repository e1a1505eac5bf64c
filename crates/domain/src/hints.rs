//! Improvement hints (改善のヒント) for one service, and the rules for showing category
//! statistics to sellers.
//!
//! [`hints`] is pure: it takes what the service is ([`ServiceFacts`]) and what selling services
//! of its category look like ([`CategoryFacts`]) and returns typed hints, each with the numbers
//! behind it, so that a page can say 「画像が0枚です（このカテゴリで売れているサービスは中央値3枚）」
//! and link to the page that fixes it. Category numbers are medians over at least
//! [`MIN_SELLERS`] sellers; below that a category gives no comparison (one seller's own numbers
//! must never show through a "median" of one or two).

use crate::search::normalize;

/// The fewest sellers a category aggregate is computed over (K). Below it, the category page
/// says the category is too small to show, and hints make no comparison with it.
pub const MIN_SELLERS: usize = 3;

/// A price is "far" from the category's median when it is under the median divided by this,
/// or over the median multiplied by it (under half or over double).
pub const PRICE_FAR_FACTOR: i64 = 2;

/// First replies are "slow" when the seller's median is over the category's median times this
/// and at least [`SLOW_REPLY_MIN_GAP`] seconds longer (a reply in 20 minutes against 5 is not
/// worth a hint).
pub const SLOW_REPLY_FACTOR: i64 = 2;
pub const SLOW_REPLY_MIN_GAP: i64 = 3_600;

/// A search word is worth putting in the title when it showed the service at least this often.
pub const MIN_WORD_COUNT: i64 = 2;

/// How many missing search words one hint names at most.
pub const MAX_TITLE_WORDS: usize = 3;

/// One search word and how often it showed the service.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SearchWord {
    pub word: String,
    pub count: i64,
}

/// What the service is, as far as hints look at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceFacts {
    pub title: String,
    /// The price in yen.
    pub price: i64,
    pub images: i64,
    pub faqs: i64,
    /// The search words of results pages that showed the service, most frequent first.
    pub search_words: Vec<SearchWord>,
    /// The seller's median time to a first reply (talk rooms and consultations), in seconds;
    /// `None` without any reply to measure.
    pub first_reply_seconds: Option<i64>,
    /// The seller's profile completeness, 0–100.
    pub profile_percent: i64,
}

/// Medians over the sellers with a completed order in the service's category, each `None`
/// when fewer than [`MIN_SELLERS`] sellers contribute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryFacts {
    /// Images per selling service.
    pub median_images: Option<i64>,
    /// The price of completed orders.
    pub median_price: Option<i64>,
    /// Sellers' median first-reply times.
    pub median_first_reply_seconds: Option<i64>,
    /// Sellers' profile completeness.
    pub median_profile_percent: Option<i64>,
}

/// Whether a price is under or over the median.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Below,
    Above,
}

/// One improvement hint with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Hint {
    /// Fewer images than selling services of the category have (or none at all, when the
    /// category is too small to compare with).
    Images {
        images: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        category_median: Option<i64>,
    },
    /// No FAQ entries.
    Faq,
    /// Words buyers searched for, that showed the service, and that its title lacks.
    TitleWords { words: Vec<SearchWord> },
    /// A price under half or over double the category's median.
    Price {
        price: i64,
        category_median: i64,
        /// The price as a percentage of the median (rounded down).
        percent_of_median: i64,
        direction: Direction,
    },
    /// First replies much slower than the category's selling sellers'.
    SlowReplies {
        seconds: i64,
        category_median_seconds: i64,
    },
    /// A profile less complete than the category's selling sellers'.
    Profile { percent: i64, category_median: i64 },
}

impl Hint {
    /// The stable name of the hint's kind (`images`, `faq`, `title_words`, `price`,
    /// `slow_replies`, `profile`), for message ids and the API.
    pub fn key(&self) -> &'static str {
        match self {
            Hint::Images { .. } => "images",
            Hint::Faq => "faq",
            Hint::TitleWords { .. } => "title_words",
            Hint::Price { .. } => "price",
            Hint::SlowReplies { .. } => "slow_replies",
            Hint::Profile { .. } => "profile",
        }
    }
}

/// The median of `values` (the mean of the middle two, rounded down, for an even count);
/// `None` for none.
pub fn median(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        // Halves first: no overflow for any i64 pair.
        let (a, b) = (sorted[mid - 1], sorted[mid]);
        a / 2 + b / 2 + (a % 2 + b % 2).div_euclid(2)
    })
}

/// The median of per-seller values, only when at least [`MIN_SELLERS`] sellers contribute.
pub fn median_of_sellers(per_seller: &[i64]) -> Option<i64> {
    if per_seller.len() < MIN_SELLERS {
        return None;
    }
    median(per_seller)
}

/// The hints for a service, in a fixed order (images, FAQ, title, price, replies, profile).
/// An empty list means there is nothing to improve.
pub fn hints(facts: &ServiceFacts, category: &CategoryFacts) -> Vec<Hint> {
    let mut out = Vec::new();
    // No image at all is always worth fixing, whatever the category's sellers do; fewer
    // than the selling services' median is, when the median is known.
    if facts.images == 0 || category.median_images.is_some_and(|m| facts.images < m) {
        out.push(Hint::Images {
            images: facts.images,
            category_median: category.median_images,
        });
    }
    if facts.faqs == 0 {
        out.push(Hint::Faq);
    }
    let words = missing_title_words(&facts.title, &facts.search_words);
    if !words.is_empty() {
        out.push(Hint::TitleWords { words });
    }
    if let Some(median) = category.median_price.filter(|m| *m > 0) {
        let direction = if facts.price.saturating_mul(PRICE_FAR_FACTOR) < median {
            Some(Direction::Below)
        } else if facts.price > median.saturating_mul(PRICE_FAR_FACTOR) {
            Some(Direction::Above)
        } else {
            None
        };
        if let Some(direction) = direction {
            out.push(Hint::Price {
                price: facts.price,
                category_median: median,
                percent_of_median: facts.price.saturating_mul(100) / median,
                direction,
            });
        }
    }
    if let (Some(seconds), Some(median)) = (
        facts.first_reply_seconds,
        category.median_first_reply_seconds,
    ) && seconds > median.saturating_mul(SLOW_REPLY_FACTOR)
        && seconds - median >= SLOW_REPLY_MIN_GAP
    {
        out.push(Hint::SlowReplies {
            seconds,
            category_median_seconds: median,
        });
    }
    if let Some(median) = category.median_profile_percent
        && facts.profile_percent < median
    {
        out.push(Hint::Profile {
            percent: facts.profile_percent,
            category_median: median,
        });
    }
    out
}

/// The most frequent search words (seen at least [`MIN_WORD_COUNT`] times) that the title
/// does not contain, compared after search normalisation (widths, kana, case), at most
/// [`MAX_TITLE_WORDS`], most frequent first.
pub fn missing_title_words(title: &str, words: &[SearchWord]) -> Vec<SearchWord> {
    let title = normalize(title);
    let mut out: Vec<SearchWord> = Vec::new();
    let mut sorted: Vec<&SearchWord> = words.iter().collect();
    sorted.sort_by(|a, b| b.count.cmp(&a.count).then(a.word.cmp(&b.word)));
    for w in sorted {
        if out.len() >= MAX_TITLE_WORDS || w.count < MIN_WORD_COUNT {
            break;
        }
        let word = normalize(&w.word);
        if word.is_empty()
            || title.contains(&word)
            || out.iter().any(|o| normalize(&o.word) == word)
        {
            continue;
        }
        out.push(w.clone());
    }
    out
}

/// Price bands of the category page, in yen: each band is `[from, next band's from)`, the last
/// one open-ended.
pub const PRICE_BANDS: [i64; 8] = [500, 1_000, 3_000, 5_000, 10_000, 30_000, 50_000, 100_000];

/// Delivery-day bands of the category page: `[from, next from)`, the last one open-ended.
pub const DELIVERY_BANDS: [i64; 5] = [1, 4, 8, 15, 31];

/// How many of `values` fall in each band of `bands` (values under the first band count in
/// the first).
pub fn histogram(bands: &[i64], values: &[i64]) -> Vec<i64> {
    let mut counts = vec![0; bands.len()];
    for v in values {
        let i = bands.iter().rposition(|from| v >= from).unwrap_or(0);
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts() -> ServiceFacts {
        ServiceFacts {
            title: "ロゴを作成します".into(),
            price: 3_000,
            images: 3,
            faqs: 2,
            search_words: vec![],
            first_reply_seconds: Some(1_800),
            profile_percent: 80,
        }
    }

    fn category() -> CategoryFacts {
        CategoryFacts {
            median_images: Some(3),
            median_price: Some(3_000),
            median_first_reply_seconds: Some(1_800),
            median_profile_percent: Some(70),
        }
    }

    #[test]
    fn nothing_to_improve() {
        assert_eq!(hints(&facts(), &category()), vec![]);
    }

    #[test]
    fn each_hint_with_its_numbers() {
        let f = ServiceFacts {
            title: "ロゴを作成します".into(),
            price: 1_000,
            images: 1,
            faqs: 0,
            search_words: vec![
                SearchWord {
                    word: "ロゴ".into(),
                    count: 9,
                },
                SearchWord {
                    word: "名刺".into(),
                    count: 5,
                },
                SearchWord {
                    word: "かわいい".into(),
                    count: 1,
                },
            ],
            first_reply_seconds: Some(20_000),
            profile_percent: 40,
        };
        assert_eq!(
            hints(&f, &category()),
            vec![
                Hint::Images {
                    images: 1,
                    category_median: Some(3)
                },
                Hint::Faq,
                Hint::TitleWords {
                    words: vec![SearchWord {
                        word: "名刺".into(),
                        count: 5
                    }]
                },
                Hint::Price {
                    price: 1_000,
                    category_median: 3_000,
                    percent_of_median: 33,
                    direction: Direction::Below
                },
                Hint::SlowReplies {
                    seconds: 20_000,
                    category_median_seconds: 1_800
                },
                Hint::Profile {
                    percent: 40,
                    category_median: 70
                },
            ]
        );
    }

    #[test]
    fn a_small_category_gives_no_comparison() {
        let f = ServiceFacts {
            images: 0,
            price: 100_000,
            profile_percent: 0,
            first_reply_seconds: Some(999_999),
            ..facts()
        };
        assert_eq!(
            hints(&f, &CategoryFacts::default()),
            vec![Hint::Images {
                images: 0,
                category_median: None
            }]
        );
    }

    #[test]
    fn title_words_are_compared_normalised() {
        let words = vec![
            SearchWord {
                word: "ＬＯＧＯ".into(),
                count: 4,
            },
            SearchWord {
                word: "デザイン".into(),
                count: 3,
            },
        ];
        assert_eq!(missing_title_words("logo でざいん", &words), vec![]);
    }

    #[test]
    fn medians_and_bands() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[1, 9, 3]), Some(3));
        assert_eq!(median(&[1, 2, 3, 4]), Some(2));
        assert_eq!(median(&[i64::MAX, i64::MAX]), Some(i64::MAX));
        assert_eq!(median_of_sellers(&[1, 2]), None);
        assert_eq!(median_of_sellers(&[1, 2, 3]), Some(2));
        assert_eq!(
            histogram(&PRICE_BANDS, &[500, 999, 1_000, 200_000]),
            vec![2, 1, 0, 0, 0, 0, 0, 1]
        );
    }

    fn arb_words() -> impl Strategy<Value = Vec<SearchWord>> {
        prop::collection::vec(
            (
                prop::sample::select(vec![
                    "ロゴ",
                    "名刺",
                    "ＬＯＧＯ",
                    "似顔絵",
                    "icon",
                    "アイコン",
                ]),
                0i64..20,
            )
                .prop_map(|(w, count)| SearchWord {
                    word: w.into(),
                    count,
                }),
            0..8,
        )
    }

    fn arb_facts() -> impl Strategy<Value = ServiceFacts> {
        (
            prop::sample::select(vec![
                "ロゴ作成",
                "似顔絵を描きます",
                "logo design",
                "アイコン",
            ]),
            500i64..200_000,
            0i64..10,
            0i64..5,
            arb_words(),
            prop::option::of(0i64..400_000),
            0i64..=100,
        )
            .prop_map(
                |(
                    title,
                    price,
                    images,
                    faqs,
                    search_words,
                    first_reply_seconds,
                    profile_percent,
                )| {
                    ServiceFacts {
                        title: title.into(),
                        price,
                        images,
                        faqs,
                        search_words,
                        first_reply_seconds,
                        profile_percent,
                    }
                },
            )
    }

    fn arb_category() -> impl Strategy<Value = CategoryFacts> {
        (
            prop::option::of(0i64..10),
            prop::option::of(500i64..200_000),
            prop::option::of(0i64..400_000),
            prop::option::of(0i64..=100),
        )
            .prop_map(|(i, p, r, q)| CategoryFacts {
                median_images: i,
                median_price: p,
                median_first_reply_seconds: r,
                median_profile_percent: q,
            })
    }

    proptest! {
        /// Every hint is present exactly when its rule holds, and carries the input numbers.
        #[test]
        fn hints_follow_their_rules(f in arb_facts(), c in arb_category()) {
            let hs = hints(&f, &c);
            let find = |key: &str| hs.iter().find(|h| h.key() == key);
            // Fixed order, each kind at most once.
            let keys: Vec<&str> = hs.iter().map(Hint::key).collect();
            let order = ["images", "faq", "title_words", "price", "slow_replies", "profile"];
            let positions: Vec<usize> = keys.iter().map(|k| order.iter().position(|o| o == k).unwrap_or(99)).collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]));

            prop_assert_eq!(find("faq").is_some(), f.faqs == 0);
            let images_expected = f.images == 0 || c.median_images.is_some_and(|m| f.images < m);
            prop_assert_eq!(find("images").is_some(), images_expected);
            if let Some(Hint::Images { images, category_median }) = find("images") {
                prop_assert_eq!(*images, f.images);
                prop_assert_eq!(*category_median, c.median_images);
            }
            match find("price") {
                Some(Hint::Price { price, category_median, percent_of_median, direction }) => {
                    prop_assert_eq!(*price, f.price);
                    prop_assert_eq!(Some(*category_median), c.median_price);
                    prop_assert_eq!(*percent_of_median, f.price * 100 / category_median);
                    match direction {
                        Direction::Below => prop_assert!(f.price * PRICE_FAR_FACTOR < *category_median),
                        Direction::Above => prop_assert!(f.price > category_median * PRICE_FAR_FACTOR),
                    }
                }
                Some(other) => prop_assert!(false, "{other:?}"),
                None => {
                    if let Some(m) = c.median_price {
                        prop_assert!(f.price * PRICE_FAR_FACTOR >= m && f.price <= m * PRICE_FAR_FACTOR);
                    }
                }
            }
            let slow = match (f.first_reply_seconds, c.median_first_reply_seconds) {
                (Some(s), Some(m)) => s > m * SLOW_REPLY_FACTOR && s - m >= SLOW_REPLY_MIN_GAP,
                _ => false,
            };
            prop_assert_eq!(find("slow_replies").is_some(), slow);
            let weak_profile = c.median_profile_percent.is_some_and(|m| f.profile_percent < m);
            prop_assert_eq!(find("profile").is_some(), weak_profile);
            // Every word named is searched often enough and missing from the title.
            if let Some(Hint::TitleWords { words }) = find("title_words") {
                prop_assert!(!words.is_empty() && words.len() <= MAX_TITLE_WORDS);
                for w in words {
                    prop_assert!(w.count >= MIN_WORD_COUNT);
                    prop_assert!(!normalize(&f.title).contains(&normalize(&w.word)));
                }
            }
        }

        /// A service that has what selling services have gets no comparison hint.
        #[test]
        fn a_service_at_the_medians_gets_none(f in arb_facts()) {
            let c = CategoryFacts {
                median_images: Some(f.images),
                median_price: Some(f.price),
                median_first_reply_seconds: f.first_reply_seconds,
                median_profile_percent: Some(f.profile_percent),
            };
            let hs = hints(&f, &c);
            // (A service without any image is always told, whatever the median.)
            let only_own = hs.iter().all(|h| match h {
                Hint::Images { images, .. } => *images == 0,
                _ => matches!(h, Hint::Faq | Hint::TitleWords { .. }),
            });
            prop_assert!(only_own, "{:?}", hs);
        }

        #[test]
        fn the_median_lies_between_the_extremes(values in prop::collection::vec(-1_000_000i64..1_000_000, 1..40)) {
            let m = median(&values).unwrap_or_default();
            let min = values.iter().copied().min().unwrap_or_default();
            let max = values.iter().copied().max().unwrap_or_default();
            prop_assert!(min <= m && m <= max);
            let below = values.iter().filter(|v| **v < m).count();
            let above = values.iter().filter(|v| **v > m).count();
            prop_assert!(below <= values.len() / 2 && above <= values.len() / 2);
        }

        #[test]
        fn histograms_count_every_value_once(values in prop::collection::vec(0i64..500_000, 0..60)) {
            let h = histogram(&PRICE_BANDS, &values);
            prop_assert_eq!(h.iter().sum::<i64>(), values.len() as i64);
        }
    }
}
