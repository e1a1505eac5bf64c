//! Finding services: Japanese keyword search (1- and 2-character queries, width, case and kana
//! folding, a term matched as a whole rather than as scattered grams), filters, sorts and pages,
//! on the search engine over both databases.

mod support;

use std::cmp::Reverse;
use yorozu_domain::ListingId;
use yorozu_domain::UserId;

use yorozu_app::accounts::CurrentUser;
use yorozu_app::listings::edit;
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::search::{MAX_PAGE, PAGE_SIZE, SORTS, SearchParams, run};
use yorozu_domain::search::{SearchQuery, index_grams};
use yorozu_store::dynamic::Bind;
use yorozu_store::listings::search::COUNT_CAP;
use yorozu_store::{Db, both_backends, bulk};

use support::*;

/// One published service of the fixture.
struct Fixture {
    key: &'static str,
    title: &'static str,
    description: &'static str,
    category: i64,
    price: i64,
    days: i64,
    /// Index into the sellers: 0 is identity-verified.
    seller: usize,
    rating_x100: i64,
    rating_count: i64,
    sales: i64,
    rank: i64,
}

#[rustfmt::skip]
const PUBLISHED: [Fixture; 13] = [
    Fixture { key: "名刺", title: "名刺デザインします", description: "ビジネス用の名刺を丁寧に作成します", category: 301, price: 3000, days: 3, seller: 0, rating_x100: 350, rating_count: 3, sales: 40, rank: 1500 },
    Fixture { key: "ロゴ", title: "おしゃれなロゴ作成", description: "会社やお店のロゴをデザインします", category: 201, price: 10000, days: 7, seller: 1, rating_x100: 450, rating_count: 2, sales: 5, rank: 2600 },
    Fixture { key: "英訳", title: "英語の翻訳を承ります", description: "英語から日本語へ。ネイティブチェック付き", category: 701, price: 5000, days: 5, seller: 2, rating_x100: 480, rating_count: 10, sales: 120, rank: 3100 },
    Fixture { key: "似顔絵", title: "似顔絵イラスト描きます", description: "SNSのアイコンに使えます", category: 101, price: 2000, days: 4, seller: 1, rating_x100: 420, rating_count: 5, sales: 77, rank: 900 },
    Fixture { key: "LOGO", title: "ＬＯＧＯ制作（英字）", description: "アルファベットのマークを作ります", category: 202, price: 8000, days: 10, seller: 0, rating_x100: 0, rating_count: 0, sales: 0, rank: 1200 },
    Fixture { key: "チラシ", title: "ﾁﾗｼﾃﾞｻﾞｲﾝ承ります", description: "A4片面のチラシを作ります", category: 302, price: 6000, days: 6, seller: 2, rating_x100: 450, rating_count: 8, sales: 16, rank: 2000 },
    Fixture { key: "相談", title: "でざいん相談にのります", description: "何でもお気軽にどうぞ", category: 1002, price: 1000, days: 1, seller: 1, rating_x100: 0, rating_count: 0, sales: 3, rank: 100 },
    Fixture { key: "挿絵", title: "絵本の挿絵を描きます", description: "やさしいタッチで描きます", category: 106, price: 15000, days: 14, seller: 2, rating_x100: 0, rating_count: 0, sales: 9, rank: 800 },
    Fixture { key: "ロゴ名刺", title: "ロゴ名刺セット", description: "ロゴと名刺をまとめて作ります", category: 301, price: 12000, days: 10, seller: 0, rating_x100: 0, rating_count: 0, sales: 60, rank: 2200 },
    Fixture { key: "名入れ", title: "ロゴ名入れと名刺印刷", description: "名入れ印刷の相談も承ります", category: 301, price: 4000, days: 2, seller: 1, rating_x100: 0, rating_count: 0, sales: 1, rank: 300 },
    Fixture { key: "中国語", title: "中国語翻訳", description: "簡体字・繁体字に対応します", category: 702, price: 7000, days: 3, seller: 0, rating_x100: 300, rating_count: 1, sales: 2, rank: 700 },
    Fixture { key: "snake_case", title: "snake_case命名のコツ", description: "変数名の付け方を教えます", category: 1101, price: 2500, days: 2, seller: 2, rating_x100: 0, rating_count: 0, sales: 30, rank: 1800 },
    Fixture { key: "snake case", title: "snake caseの書き方", description: "Pythonの命名規則", category: 1101, price: 2200, days: 2, seller: 1, rating_x100: 0, rating_count: 0, sales: 11, rank: 400 },
];

/// The fixture: three sellers (the first identity-verified), the 13 services above published
/// one minute apart in that order with their counters set, and three more that are not public:
/// a draft, a paused and a deleted one, all about 名刺.
struct World {
    t: TestApp,
    /// Listing id per fixture key.
    ids: Vec<(&'static str, ListingId)>,
}

impl World {
    fn id(&self, key: &str) -> ListingId {
        self.ids
            .iter()
            .find(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("no fixture {key}"))
            .1
    }

    fn key(&self, id: ListingId) -> &'static str {
        self.ids
            .iter()
            .find(|(_, i)| *i == id)
            .map_or("(not a fixture)", |(k, _)| *k)
    }

    /// The fixture keys found, in result order.
    async fn found(&self, params: SearchParams) -> Vec<&'static str> {
        let results = run(&self.t.app, &params).await.expect("search");
        assert_eq!(
            results.total,
            results.cards.len() as i64,
            "one page holds everything here: {params:?}"
        );
        results.cards.iter().map(|c| self.key(c.id)).collect()
    }

    /// The fixture keys a query finds, sorted by key (for set comparisons).
    async fn set(&self, params: SearchParams) -> Vec<&'static str> {
        let mut found = self.found(params).await;
        found.sort_unstable();
        found
    }

    async fn query(&self, q: &str) -> Vec<&'static str> {
        self.set(SearchParams {
            q: q.into(),
            ..Default::default()
        })
        .await
    }
}

fn sorted(mut keys: Vec<&'static str>) -> Vec<&'static str> {
    keys.sort_unstable();
    keys
}

fn form(f: &Fixture) -> ListingForm {
    ListingForm {
        category: f.category.to_string(),
        price: f.price.to_string(),
        delivery_days: f.days.to_string(),
        ..listing_form(f.title, f.description)
    }
}

async fn world(db: Db) -> World {
    let t = test_app(db);
    let mut sellers: Vec<CurrentUser> = vec![];
    for (email, name) in [
        ("a@example.jp", "認証済みの売り手"),
        ("b@example.jp", "売り手B"),
        ("c@example.jp", "売り手C"),
    ] {
        sellers.push(confirmed_member(&t, email, name).await);
    }
    let mut ids = vec![];
    for f in &PUBLISHED {
        t.advance(60);
        let id = publish_new(&t, &sellers[f.seller], &form(f)).await;
        set_listing_stats(
            &t.app.db,
            id,
            f.rating_x100,
            f.rating_count,
            f.sales,
            f.rank,
        )
        .await;
        ids.push((f.key, id));
    }
    // Not public: they match 名刺 and have the highest counters, so any leak shows.
    t.advance(60);
    let draft = edit::create(
        &t.app,
        &sellers[0],
        &listing_form("名刺の下書き", "名刺デザイン"),
    )
    .await
    .expect("draft");
    let paused = publish_new(
        &t,
        &sellers[1],
        &listing_form("名刺テンプレート", "名刺デザイン"),
    )
    .await;
    manage::apply(&t.app, &sellers[1], paused, Action::Pause)
        .await
        .expect("pause");
    let deleted = publish_new(
        &t,
        &sellers[2],
        &listing_form("削除した名刺", "名刺デザイン"),
    )
    .await;
    manage::apply(&t.app, &sellers[2], deleted, Action::Delete)
        .await
        .expect("delete");
    for id in [draft, paused, deleted] {
        set_listing_stats(&t.app.db, id, 500, 999, 9999, 99_999).await;
    }
    ids.extend([
        ("(draft)", draft),
        ("(paused)", paused),
        ("(deleted)", deleted),
    ]);

    let mut tx = t.app.db.begin().await.expect("begin");
    yorozu_store::listings::rows::set_seller_verified(&mut tx, sellers[0].id, true)
        .await
        .expect("verify");
    tx.commit().await.expect("commit");
    World { t, ids }
}

both_backends!(
    one_and_two_character_japanese_queries_find_exactly_their_services,
    |db: Db| async move {
        let w = world(db).await;
        assert_eq!(
            w.query("絵").await,
            sorted(vec!["似顔絵", "挿絵"]),
            "one character"
        );
        assert_eq!(
            w.query("名刺").await,
            sorted(vec!["名刺", "ロゴ名刺", "名入れ"]),
            "two characters, not the hidden ones"
        );
        assert_eq!(w.query("翻訳").await, sorted(vec!["英訳", "中国語"]));
        assert_eq!(w.query("英語").await, ["英訳"]);
        assert_eq!(
            w.query("描きます").await,
            sorted(vec!["似顔絵", "挿絵"]),
            "a longer term"
        );
        assert_eq!(w.query("存在しない言葉").await, Vec::<&str>::new());
        assert_eq!(
            w.query("").await.len(),
            PUBLISHED.len(),
            "no keyword: every published service"
        );
        assert_eq!(
            w.query("　 ").await.len(),
            PUBLISHED.len(),
            "blank: no keyword"
        );
    }
);

both_backends!(width_case_and_kana_are_folded, |db: Db| async move {
    let w = world(db).await;
    let design = sorted(vec!["名刺", "ロゴ", "チラシ", "相談"]);
    for q in ["デザイン", "ﾃﾞｻﾞｲﾝ", "でざいん", "ﾃﾞｻﾞｲﾝ　"] {
        assert_eq!(
            w.query(q).await,
            design,
            "{q} finds デザイン, ﾃﾞｻﾞｲﾝ and でざいん"
        );
    }
    for q in ["logo", "LOGO", "ＬＯＧＯ", "ｌｏｇｏ", "Logo"] {
        assert_eq!(w.query(q).await, ["LOGO"], "{q}");
    }
    assert_eq!(
        w.query("ロゴ").await,
        sorted(vec!["ロゴ", "ロゴ名刺", "名入れ"]),
        "katakana ロゴ is not latin logo"
    );
    for q in ["いらすと", "ｲﾗｽﾄ", "イラスト"] {
        assert_eq!(w.query(q).await, ["似顔絵"], "{q}");
    }
    assert_eq!(
        w.query("ちらし").await,
        ["チラシ"],
        "finds both ﾁﾗｼ (title) and チラシ (description) in one listing"
    );
    assert_eq!(
        w.query("ａ４").await,
        ["チラシ"],
        "full-width digits and letters"
    );
});

both_backends!(every_term_must_match_as_a_whole, |db: Db| async move {
    let w = world(db).await;
    // Several terms: AND, whatever the space between them.
    assert_eq!(w.query("名刺 デザイン").await, ["名刺"]);
    assert_eq!(
        w.query("名刺　デザイン").await,
        ["名刺"],
        "ideographic space"
    );
    assert_eq!(w.query("デザイン 名刺").await, ["名刺"]);
    assert_eq!(w.query("名刺 翻訳").await, Vec::<&str>::new());

    // 「ロゴ名入れと名刺印刷」 holds every bigram of ロゴ名刺 (ろご, ご名, 名刺) but not the word:
    // the engine's phrase query (the grams at consecutive positions) tells them apart.
    let needed = SearchQuery::parse("ロゴ名刺").term_grams();
    let decoy = &PUBLISHED[9];
    let decoy_grams = index_grams(&format!("{}\n{}", decoy.title, decoy.description));
    assert!(
        needed[0].iter().all(|g| decoy_grams.contains(g)),
        "the decoy has every gram: {needed:?}"
    );
    assert_eq!(w.query("ロゴ名刺").await, ["ロゴ名刺"]);

    // Punctuation inside a term is literal: `_` must not match the space of 「snake case」.
    let needed = SearchQuery::parse("snake_case").term_grams();
    let spaced = index_grams("snake caseの書き方");
    assert!(needed[0].iter().all(|g| spaced.contains(g)), "{needed:?}");
    assert_eq!(w.query("snake_case").await, ["snake_case"]);
    assert_eq!(w.query("SNAKE_CASE").await, ["snake_case"]);
    assert_eq!(
        w.query("snake").await,
        sorted(vec!["snake_case", "snake case"])
    );
    assert_eq!(
        w.query("%").await.len(),
        PUBLISHED.len(),
        "punctuation alone is no keyword"
    );
    assert_eq!(
        w.query("snake%").await,
        sorted(vec!["snake_case", "snake case"]),
        "% separates terms"
    );
});

both_backends!(
    drafts_paused_and_deleted_services_never_appear,
    |db: Db| async move {
        let w = world(db).await;
        let hidden = ["(draft)", "(paused)", "(deleted)"];
        let mut every_listing = vec![];
        for (key, _) in SORTS {
            for q in ["", "名刺", "デザイン", "テンプレート", "下書き", "削除"] {
                let params = SearchParams {
                    q: q.into(),
                    sort: key.into(),
                    ..Default::default()
                };
                let found = w.found(params).await;
                assert!(
                    found.iter().all(|k| !hidden.contains(k)),
                    "{key} {q}: {found:?}"
                );
                every_listing.extend(found);
            }
        }
        assert!(!every_listing.is_empty());
        let filtered = SearchParams {
            category: "3".into(),
            rating: "4.5".into(),
            ..Default::default()
        };
        assert_eq!(
            w.set(filtered).await,
            ["チラシ"],
            "the hidden ones (rated 5.0, in 名刺) stay hidden under filters too"
        );
        let (newest, popular) = yorozu_app::listings::view::home_sections(&w.t.app)
            .await
            .expect("home");
        for card in newest.iter().chain(&popular) {
            assert!(
                !hidden.contains(&w.key(card.id)),
                "home page: {}",
                card.title
            );
        }
        assert_eq!(
            newest.first().map(|c| c.id),
            Some(w.id("snake case")),
            "home: the newest published service first"
        );
        assert_eq!(
            popular.first().map(|c| c.id),
            Some(w.id("英訳")),
            "home: the highest rank first"
        );
    }
);

both_backends!(filters_narrow_the_results, |db: Db| async move {
    let w = world(db).await;
    let p = |f: fn(&mut SearchParams)| {
        let mut params = SearchParams::default();
        f(&mut params);
        params
    };
    let expected = |keep: fn(&Fixture) -> bool| {
        sorted(
            PUBLISHED
                .iter()
                .filter(|f| keep(f))
                .map(|f| f.key)
                .collect(),
        )
    };

    // Category: a leaf, or a top-level one (all its children).
    assert_eq!(
        w.set(p(|p| p.category = "301".into())).await,
        sorted(vec!["名刺", "ロゴ名刺", "名入れ"])
    );
    assert_eq!(
        w.set(p(|p| p.category = "3".into())).await,
        sorted(vec!["名刺", "ロゴ名刺", "名入れ", "チラシ"])
    );
    assert_eq!(
        w.set(p(|p| p.category = "7".into())).await,
        sorted(vec!["英訳", "中国語"])
    );
    assert_eq!(
        w.set(p(|p| p.category = "2".into())).await,
        sorted(vec!["ロゴ", "LOGO"])
    );
    assert_eq!(
        w.set(p(|p| p.category = "999".into())).await.len(),
        PUBLISHED.len(),
        "an unknown category is ignored"
    );

    // Price range, in any way a member types yen.
    assert_eq!(
        w.set(p(
            |p| (p.min_price, p.max_price) = ("3000".into(), "6000".into())
        ))
        .await,
        expected(|f| (3000..=6000).contains(&f.price))
    );
    assert_eq!(
        w.set(p(
            |p| (p.min_price, p.max_price) = ("３，０００".into(), "¥6,000".into())
        ))
        .await,
        expected(|f| (3000..=6000).contains(&f.price))
    );
    assert_eq!(
        w.set(p(|p| p.max_price = "2200円".into())).await,
        sorted(vec!["似顔絵", "相談", "snake case"])
    );
    assert_eq!(
        w.set(p(|p| p.min_price = "12000".into())).await,
        sorted(vec!["挿絵", "ロゴ名刺"])
    );
    assert_eq!(
        w.set(p(|p| p.min_price = "安い".into())).await.len(),
        PUBLISHED.len(),
        "a bad amount is ignored"
    );

    // Delivery days.
    assert_eq!(
        w.set(p(|p| p.days = "3".into())).await,
        expected(|f| f.days <= 3)
    );
    assert_eq!(w.set(p(|p| p.days = "1".into())).await, ["相談"]);
    assert_eq!(
        w.set(p(|p| p.days = "0".into())).await.len(),
        PUBLISHED.len(),
        "out of range: ignored"
    );

    // Minimum rating.
    assert_eq!(
        w.set(p(|p| p.rating = "4.5".into())).await,
        sorted(vec!["英訳", "ロゴ", "チラシ"])
    );
    assert_eq!(
        w.set(p(|p| p.rating = "4".into())).await,
        sorted(vec!["英訳", "ロゴ", "チラシ", "似顔絵"])
    );
    assert_eq!(
        w.set(p(|p| p.rating = "3".into())).await,
        expected(|f| f.rating_x100 >= 300)
    );
    assert_eq!(
        w.set(p(|p| p.rating = "2".into())).await.len(),
        PUBLISHED.len(),
        "not an offered choice: ignored"
    );

    // Identity-verified sellers only.
    assert_eq!(
        w.set(p(|p| p.verified = "1".into())).await,
        expected(|f| f.seller == 0)
    );
    assert_eq!(
        w.set(p(|p| p.verified = "0".into())).await.len(),
        PUBLISHED.len()
    );

    // Together, and with a keyword.
    assert_eq!(
        w.set(p(|p| (p.q, p.max_price) = ("名刺".into(), "4000".into())))
            .await,
        sorted(vec!["名刺", "名入れ"])
    );
    assert_eq!(
        w.set(p(|p| (p.q, p.verified) = ("翻訳".into(), "on".into())))
            .await,
        ["中国語"]
    );
    assert_eq!(
        w.set(p(|p| (p.category, p.days) = ("3".into(), "3".into())))
            .await,
        sorted(vec!["名刺", "名入れ"])
    );
    assert_eq!(
        w.set(p(|p| (p.q, p.category, p.min_price, p.rating) =
            ("デザイン".into(), "3".into(), "5000".into(), "4".into())))
            .await,
        ["チラシ"]
    );
});

both_backends!(every_sort_order_is_followed, |db: Db| async move {
    let w = world(db).await;
    // Ids grow with publication time here, so "id DESC" (the tie-break) is newest first.
    let order = |key: fn(&(usize, &Fixture)) -> (i64, i64, i64)| {
        let mut all: Vec<(usize, &Fixture)> = PUBLISHED.iter().enumerate().collect();
        all.sort_by_key(|e| (key(e), Reverse(e.0)));
        all.into_iter().map(|(_, f)| f.key).collect::<Vec<_>>()
    };
    let expected = [
        ("recommended", order(|(_, f)| (-f.rank, 0, 0))),
        ("new", order(|(i, _)| (-(*i as i64), 0, 0))),
        ("price-low", order(|(_, f)| (f.price, 0, 0))),
        ("price-high", order(|(_, f)| (-f.price, 0, 0))),
        (
            "rating",
            order(|(_, f)| (-f.rating_x100, -f.rating_count, 0)),
        ),
        ("sales", order(|(_, f)| (-f.sales, 0, 0))),
    ];
    assert_eq!(expected.len(), SORTS.len(), "every sort is checked");
    for (key, want) in &expected {
        let found = w
            .found(SearchParams {
                sort: (*key).into(),
                ..Default::default()
            })
            .await;
        assert_eq!(&found, want, "sort={key}");
    }
    // Spot checks that the expectations mean what they say.
    assert_eq!(expected[1].1.first(), Some(&"snake case"));
    assert_eq!(expected[2].1.first(), Some(&"相談"));
    assert_eq!(
        expected[4].1[..4],
        ["英訳", "チラシ", "ロゴ", "似顔絵"],
        "4.50 with 8 ratings before 4.50 with 2"
    );
    // Zero-rated services tie: newest first.
    assert_eq!(
        expected[4].1[6..],
        [
            "snake case",
            "snake_case",
            "名入れ",
            "ロゴ名刺",
            "挿絵",
            "相談",
            "LOGO"
        ]
    );

    let default = w.found(SearchParams::default()).await;
    assert_eq!(default, expected[0].1, "recommended is the default");
    let unknown = w
        .found(SearchParams {
            sort: "cheapest".into(),
            ..Default::default()
        })
        .await;
    assert_eq!(
        unknown, expected[0].1,
        "an unknown sort falls back to recommended"
    );
    let with_keyword = w
        .found(SearchParams {
            q: "名刺".into(),
            sort: "price-high".into(),
            ..Default::default()
        })
        .await;
    assert_eq!(
        with_keyword,
        ["ロゴ名刺", "名入れ", "名刺"],
        "sorting applies to keyword results"
    );
});

both_backends!(results_are_paged, |db: Db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
    let mut ids = vec![];
    for n in 0..30 {
        t.advance(60);
        let title = format!("ページ送りの確認 その{n}");
        ids.push(publish_new(&t, &seller, &listing_form(&title, "説明文")).await);
    }
    ids.reverse(); // newest first
    let page = |page: &str, q: &str| SearchParams {
        q: q.into(),
        sort: "new".into(),
        page: page.into(),
        ..Default::default()
    };

    for q in ["", "ページ送り"] {
        let first = run(&t.app, &page("", q)).await.expect("page 1");
        assert_eq!(
            (first.total, first.capped, first.page, first.pages),
            (30, false, 1, 2),
            "q={q}"
        );
        assert_eq!(first.cards.len() as i64, PAGE_SIZE);
        assert_eq!(
            first.cards.iter().map(|c| c.id).collect::<Vec<_>>(),
            ids[..24]
        );
        let second = run(&t.app, &page("2", q)).await.expect("page 2");
        assert_eq!((second.total, second.page, second.pages), (30, 2, 2));
        assert_eq!(
            second.cards.iter().map(|c| c.id).collect::<Vec<_>>(),
            ids[24..]
        );
    }
    let third = run(&t.app, &page("3", "")).await.expect("page 3");
    assert!(third.cards.is_empty());
    assert_eq!(third.total, 30, "the count does not depend on the page");
    for odd in ["0", "-4", "abc", ""] {
        assert_eq!(
            run(&t.app, &page(odd, "")).await.expect("page").page,
            1,
            "{odd:?}"
        );
    }
    let far = run(&t.app, &page("100000", "")).await.expect("far page");
    assert_eq!(
        far.page, MAX_PAGE,
        "pages beyond the last offered one are not served"
    );
    assert!(far.cards.is_empty());

    // All 30 cost the same: price-high breaks the tie newest first, price-low is its exact
    // reverse (oldest first), so that one index serves both.
    let sorted_by = |sort: &str| SearchParams {
        sort: sort.into(),
        ..Default::default()
    };
    let high: Vec<ListingId> = run(&t.app, &sorted_by("price-high"))
        .await
        .expect("search")
        .cards
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(high, ids[..24]);
    let low: Vec<ListingId> = run(&t.app, &sorted_by("price-low"))
        .await
        .expect("search")
        .cards
        .iter()
        .map(|c| c.id)
        .collect();
    let oldest_first: Vec<ListingId> = ids.iter().rev().take(24).copied().collect();
    assert_eq!(low, oldest_first);
});

/// Published listings of `seller_id`, loaded in bulk as the data generator does.
async fn bulk_publish(db: &Db, seller_id: UserId, first_id: i64, count: i64) {
    let rows: Vec<Vec<Bind>> = (first_id..first_id + count)
        .map(|id| {
            let title = format!("一括登録 {id}");
            vec![
                Bind::I64(id),
                Bind::I64(seller_id.get()),
                Bind::Text("published".into()),
                Bind::I64(301),
                Bind::I64(3),
                Bind::Text(title),
                Bind::Text("説明".into()),
                Bind::I64(1000),
                Bind::I64(3),
                Bind::I64(1),
                Bind::Text(String::new()),
                Bind::I64(0),
                Bind::I64(0),
                Bind::I64(0),
                Bind::I64(0),
                Bind::I64(0),
                Bind::I64(0),
                Bind::Bool(false),
                Bind::OptI64(Some(START)),
                Bind::I64(START),
                Bind::I64(START),
            ]
        })
        .collect();
    let mut tx = db.begin().await.expect("begin");
    bulk::insert(&mut tx, bulk::Table::Listings, &rows)
        .await
        .expect("bulk listings");
    tx.commit().await.expect("commit");
}

both_backends!(counting_stops_just_past_the_cap, |db: Db| async move {
    let t = test_app(db);
    let seller = confirmed_member(&t, "seller@example.jp", "うりて").await;
    bulk_publish(&t.app.db, seller.id, 1, COUNT_CAP).await;
    let all = SearchParams::default();
    let keyword = SearchParams {
        q: "一括".into(),
        ..Default::default()
    };
    for params in [&all, &keyword] {
        let results = run(&t.app, params).await.expect("search");
        assert_eq!(
            (results.total, results.capped),
            (COUNT_CAP, false),
            "exactly at the cap: {params:?}"
        );
        assert_eq!(
            results.pages,
            MAX_PAGE.min((COUNT_CAP + PAGE_SIZE - 1) / PAGE_SIZE)
        );
    }

    bulk_publish(&t.app.db, seller.id, COUNT_CAP + 1, 1).await;
    for params in [&all, &keyword] {
        let results = run(&t.app, params).await.expect("search");
        assert_eq!(
            (results.total, results.capped),
            (COUNT_CAP + 1, true),
            "one past the cap: {params:?}"
        );
    }

    bulk_publish(&t.app.db, seller.id, COUNT_CAP + 2, 50).await;
    let results = run(&t.app, &keyword).await.expect("search");
    assert_eq!(
        (results.total, results.capped),
        (COUNT_CAP + 1, true),
        "counting stops at cap + 1"
    );
    assert_eq!(results.pages, MAX_PAGE);
    assert_eq!(results.cards.len() as i64, PAGE_SIZE);
    let last = run(
        &t.app,
        &SearchParams {
            page: MAX_PAGE.to_string(),
            ..keyword.clone()
        },
    )
    .await
    .expect("last page");
    assert_eq!(
        last.cards.len() as i64,
        PAGE_SIZE,
        "the last offered page is full"
    );
    let narrow = SearchParams {
        q: "一括登録 1051".into(),
        ..Default::default()
    };
    let results = run(&t.app, &narrow).await.expect("search");
    assert_eq!(
        (results.total, results.capped, results.pages),
        (1, false, 1)
    );
});
