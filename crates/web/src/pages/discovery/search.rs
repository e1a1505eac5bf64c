//! Search (サービスを探す): keywords, filters and sort live in the query string, so a result
//! page can be bookmarked and shared, and every link (sort, pages) keeps them.
//!
//! The category pages show the same filters and results with the category fixed by the path;
//! [`SearchView`] and `search_results.html` serve both.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::routing::get;
use yorozu_app::listings::search::COUNT_CAP;
use yorozu_app::listings::search::{self, SORTS, SearchParams, SearchResults};
use yorozu_domain::listings::categories;
use yorozu_i18n::Arg;

use super::{Card, CategoryLink, cards, category_name, count_arg, title_parts, top_level_links};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/search", get(show))
}

/// The delivery-days choices of the filter.
const DAY_CHOICES: [i64; 5] = [1, 3, 7, 14, 30];
/// The minimum-rating choices (URL values).
const RATING_CHOICES: [&str; 3] = ["3", "4", "4.5"];
/// Page links shown on each side of the current page.
const PAGE_WINDOW: i64 = 2;

pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(super) struct CategoryGroup {
    pub label: String,
    pub options: Vec<Choice>,
}

pub(super) struct Link {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub(super) struct PageLink {
    pub number: i64,
    pub href: String,
    pub current: bool,
    /// Pages were skipped before this one (「…」).
    pub gap_before: bool,
}

/// Everything the filters and the results show; the same for search and category pages.
pub(super) struct SearchView {
    pub params: SearchParams,
    /// Where the form goes and the links point: `/search` or `/categories/{id}`.
    pub base_path: String,
    /// On a category page the category is part of the path, not a filter.
    pub category_fixed: bool,
    pub category_groups: Vec<CategoryGroup>,
    pub day_choices: Vec<Choice>,
    pub rating_choices: Vec<Choice>,
    pub verified: bool,
    /// The sort key to keep when the filters are submitted ("" for the default).
    pub sort_key: String,
    pub sorts: Vec<Link>,
    pub count: String,
    pub cards: Vec<Card>,
    pub pages: Vec<PageLink>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub page_of: String,
    /// Any filter beyond the keywords is set (the empty state offers to drop them).
    pub filtered: bool,
    /// The search without filters (keywords kept).
    pub unfiltered_href: String,
    pub top_categories: Vec<CategoryLink>,
    /// Beside the filters: matches per category (top level, and the leaves of the chosen
    /// one), counted with every other filter; empty on a category page.
    pub category_counts: Vec<CategoryCount>,
    /// The link that drops the category filter (with its count), when one is set.
    pub any_category: Option<CategoryCount>,
    /// On an empty page: categories where the keyword does occur.
    pub nearest: Vec<Link>,
    /// On an empty page: keywords that found something for others.
    pub popular: Vec<Link>,
}

pub(super) struct CategoryCount {
    pub name: String,
    pub href: String,
    pub count: String,
    pub current: bool,
    /// A leaf under the chosen top-level category (indented).
    pub leaf: bool,
}

impl SearchView {
    pub fn build(
        ctx: &Ctx,
        params: SearchParams,
        results: Arc<SearchResults>,
        base_path: String,
        category_fixed: bool,
    ) -> SearchView {
        let sort = params.sort();
        let sort_key = SORTS
            .iter()
            .find(|(_, s)| *s == sort)
            .map_or("recommended", |(k, _)| *k);
        let links = LinkBuilder {
            params: &params,
            base_path: &base_path,
            category_fixed,
        };
        let sorts = SORTS
            .iter()
            .map(|(key, _)| Link {
                href: links.href(key, 1),
                label: ctx.t(&format!("search-sort-{key}")),
                current: *key == sort_key,
            })
            .collect();
        let page = results.page;
        let pages = page_numbers(page, results.pages)
            .into_iter()
            .map(|(number, gap_before)| PageLink {
                number,
                href: links.href(sort_key, number),
                current: number == page,
                gap_before,
            })
            .collect();
        let count = if results.capped {
            ctx.tr
                .ta("search-count-capped", [("count", count_arg(COUNT_CAP))])
        } else {
            ctx.tr
                .ta("search-count", [("count", count_arg(results.total))])
        };
        let selected_category = params.category.trim().to_owned();
        let category_groups = categories::top_level()
            .map(|top| {
                let mut options = vec![Choice {
                    value: top.id.to_string(),
                    label: ctx.t1("search-category-all-of", "name", category_name(ctx, top)),
                    selected: selected_category == top.id.to_string(),
                }];
                options.extend(top.children().map(|c| Choice {
                    value: c.id.to_string(),
                    label: category_name(ctx, c),
                    selected: selected_category == c.id.to_string(),
                }));
                CategoryGroup {
                    label: category_name(ctx, top),
                    options,
                }
            })
            .collect();
        let days = params.days.trim().to_owned();
        let day_choices = DAY_CHOICES
            .iter()
            .map(|d| Choice {
                value: d.to_string(),
                label: ctx.t1("search-days-within", "days", d),
                selected: days == d.to_string(),
            })
            .collect();
        let rating = params.rating.trim().to_owned();
        let rating_choices = RATING_CHOICES
            .iter()
            .map(|r| Choice {
                value: (*r).to_owned(),
                label: ctx.tr.ta("search-rating-min", [("rating", Arg::from(*r))]),
                selected: rating == *r,
            })
            .collect();
        let verified = matches!(params.verified.as_str(), "1" | "true" | "on");
        let filtered = (!category_fixed && !params.category.trim().is_empty())
            || !params.min_price.trim().is_empty()
            || !params.max_price.trim().is_empty()
            || !days.is_empty()
            || !rating.is_empty()
            || verified;
        let unfiltered = SearchParams {
            q: params.q.clone(),
            ..SearchParams::default()
        };
        let unfiltered_href = LinkBuilder {
            params: &unfiltered,
            base_path: &base_path,
            category_fixed,
        }
        .href("recommended", 1);
        let with_category = |category: String| {
            let p = SearchParams {
                category,
                page: String::new(),
                ..params.clone()
            };
            LinkBuilder {
                params: &p,
                base_path: &base_path,
                category_fixed,
            }
            .href(sort_key, 1)
        };
        let count_of = |id: i64| {
            results
                .categories
                .iter()
                .find(|(c, _)| *c == id)
                .map_or(0, |(_, n)| *n)
        };
        let count_text = |n: u64| {
            ctx.tr
                .ta("search-facet-count", [("count", count_arg(n as i64))])
        };
        let chosen = categories::by_id(selected_category.parse().unwrap_or(0));
        let chosen_top = chosen.map(|c| c.parent.unwrap_or(c.id));
        let mut category_counts = Vec::new();
        if !category_fixed {
            for top in categories::top_level() {
                let n = count_of(top.id);
                if n == 0 {
                    continue;
                }
                category_counts.push(CategoryCount {
                    name: category_name(ctx, top),
                    href: with_category(top.id.to_string()),
                    count: count_text(n),
                    current: selected_category == top.id.to_string(),
                    leaf: false,
                });
                if chosen_top == Some(top.id) {
                    for leaf in top.children() {
                        let n = count_of(leaf.id);
                        if n > 0 {
                            category_counts.push(CategoryCount {
                                name: category_name(ctx, leaf),
                                href: with_category(leaf.id.to_string()),
                                count: count_text(n),
                                current: selected_category == leaf.id.to_string(),
                                leaf: true,
                            });
                        }
                    }
                }
            }
        }
        let any_category = (!category_fixed && chosen.is_some()).then(|| {
            let all: u64 = categories::top_level().map(|top| count_of(top.id)).sum();
            CategoryCount {
                name: ctx.t("search-facet-any"),
                href: with_category(String::new()),
                count: count_text(all),
                current: false,
                leaf: false,
            }
        });
        let nearest = results
            .nearest_categories
            .iter()
            .filter_map(|id| categories::by_id(*id))
            .map(|c| Link {
                href: format!(
                    "/search?q={}&category={}",
                    urlencoding::encode(params.q.trim()),
                    c.id
                ),
                label: category_name(ctx, c),
                current: false,
            })
            .collect();
        let popular = results
            .popular_searches
            .iter()
            .map(|q| Link {
                href: format!("/search?q={}", urlencoding::encode(q)),
                label: q.clone(),
                current: false,
            })
            .collect();
        let mut found = cards(ctx, results.cards.clone());
        for (card, marks) in found.iter_mut().zip(&results.highlights) {
            card.title_parts = title_parts(&card.title, marks);
            card.from = if category_fixed { "category" } else { "search" };
        }
        SearchView {
            category_counts,
            any_category,
            nearest,
            popular,
            prev: (page > 1).then(|| links.href(sort_key, page - 1)),
            next: (page < results.pages).then(|| links.href(sort_key, page + 1)),
            page_of: ctx.tr.ta(
                "search-page-of",
                [
                    ("page", Arg::Number(page)),
                    ("pages", Arg::Number(results.pages)),
                ],
            ),
            cards: found,
            sort_key: if sort_key == "recommended" {
                String::new()
            } else {
                sort_key.to_owned()
            },
            sorts,
            pages,
            count,
            category_groups,
            day_choices,
            rating_choices,
            verified,
            filtered,
            unfiltered_href,
            top_categories: top_level_links(ctx),
            base_path,
            category_fixed,
            params,
        }
    }

    /// No minimum rating is chosen (the 「指定なし」 radio is checked).
    pub fn rating_any(&self) -> bool {
        !self.rating_choices.iter().any(|c| c.selected)
    }

    /// The page's main heading: the keywords when there are some.
    pub fn keyword_heading(&self, ctx: &Ctx) -> String {
        let q = self.params.q.trim();
        if q.is_empty() {
            ctx.t("search-title")
        } else {
            ctx.tr.ta("search-results-for", [("q", Arg::from(q))])
        }
    }
}

/// Builds links that keep every filter and change only the sort and the page.
struct LinkBuilder<'a> {
    params: &'a SearchParams,
    base_path: &'a str,
    category_fixed: bool,
}

impl LinkBuilder<'_> {
    fn href(&self, sort_key: &str, page: i64) -> String {
        let p = self.params;
        let page = page.to_string();
        let pairs = [
            ("q", p.q.trim()),
            (
                "category",
                if self.category_fixed {
                    ""
                } else {
                    p.category.trim()
                },
            ),
            ("min_price", p.min_price.trim()),
            ("max_price", p.max_price.trim()),
            ("days", p.days.trim()),
            ("rating", p.rating.trim()),
            ("verified", p.verified.trim()),
            (
                "sort",
                if sort_key == "recommended" {
                    ""
                } else {
                    sort_key
                },
            ),
            ("page", if page == "1" { "" } else { &page }),
        ];
        let query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect();
        if query.is_empty() {
            self.base_path.to_owned()
        } else {
            format!("{}?{}", self.base_path, query.join("&"))
        }
    }
}

/// The page numbers to link: the first, the last and a window around the current one, each
/// with whether pages were skipped before it.
fn page_numbers(current: i64, pages: i64) -> Vec<(i64, bool)> {
    let mut out: Vec<(i64, bool)> = Vec::new();
    let mut last = 0;
    for n in 1..=pages {
        if n == 1 || n == pages || (n - current).abs() <= PAGE_WINDOW {
            out.push((n, n > last + 1));
            last = n;
        }
    }
    out
}

/// The query string, read leniently: a malformed one is treated as an empty search.
pub(super) fn params_of(query: Result<Query<SearchParams>, QueryRejection>) -> SearchParams {
    query.map(|Query(p)| p).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    s: SearchView,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> PageResult {
    let params = params_of(query);
    let results = search::run(&state.app, &params).await?;
    let results =
        yorozu_app::safety::blocks::without_hidden_sellers(&state.app, ctx.user.as_ref(), results)
            .await?;
    search::count_impressions(&state.app, &params, &results, &visitor(&ctx));
    let s = SearchView::build(&ctx, params, results, "/search".into(), false);
    page(&SearchPage {
        heading: s.keyword_heading(&ctx),
        ctx: &ctx,
        s,
    })
}

/// The visitor a results page is served to, for counting impressions.
pub(super) fn visitor(ctx: &Ctx) -> yorozu_app::analytics::Visitor<'_> {
    yorozu_app::analytics::Visitor {
        user_agent: &ctx.client.user_agent,
        member: ctx.user.as_ref().map(|u| u.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_show_ends_and_a_window() {
        assert_eq!(page_numbers(1, 1), vec![(1, false)]);
        assert_eq!(page_numbers(1, 3), vec![(1, false), (2, false), (3, false)]);
        assert_eq!(
            page_numbers(6, 10),
            vec![
                (1, false),
                (4, true),
                (5, false),
                (6, false),
                (7, false),
                (8, false),
                (10, true)
            ]
        );
    }

    #[test]
    fn links_keep_every_filter() {
        let params = SearchParams {
            q: "名刺 デザイン".into(),
            min_price: "1000".into(),
            verified: "1".into(),
            category: "3".into(),
            ..SearchParams::default()
        };
        let links = LinkBuilder {
            params: &params,
            base_path: "/search",
            category_fixed: false,
        };
        assert_eq!(
            links.href("price-low", 2),
            "/search?q=%E5%90%8D%E5%88%BA%20%E3%83%87%E3%82%B6%E3%82%A4%E3%83%B3&category=3&min_price=1000&verified=1&sort=price-low&page=2"
        );
        let on_category = LinkBuilder {
            params: &params,
            base_path: "/categories/3",
            category_fixed: true,
        };
        assert!(!on_category.href("recommended", 1).contains("category="));
    }
}
