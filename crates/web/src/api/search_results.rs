//! The search API's answer: a page of cards with their titles cut at the matched words, the
//! category counts beside the filters, and what to try instead when nothing matched — what
//! the search page shows, for a client to render the same way.

use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::listings::search::SearchResults as Found;
use yorozu_domain::Locale;
use yorozu_domain::listings::categories::{self, CATEGORIES};
use yorozu_i18n::Tr;

use crate::api::openapi::fields;
use crate::api::search::{Card, CategoryBody};
use crate::pages::discovery::title_parts;

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// Matches, counted up to 1,001.
    total: i64,
    /// True when there are more than 1,000 matches (show “1,000+”).
    capped: bool,
    /// Every match, counted exactly (the page numbers stop at 1,000 matches; this does not).
    matches: u64,
    page: i64,
    pages: i64,
    /// The page's services; in search results each card carries `title_segments`.
    items: Vec<Card>,
    /// Matches per category, with every filter applied except the category itself (what
    /// choosing that category would find). Categories with matches only, in the tree's
    /// display order, each top-level one before its subcategories.
    categories: Vec<CategoryCount>,
    /// When nothing matched a keyword: the subcategories where the keyword's terms do occur
    /// (most matches first), for links such as `?q=…&category=ID`. Empty when there are
    /// results.
    nearest_categories: Vec<CategoryBody>,
    /// When nothing matched: keywords other visitors found services with, most frequent
    /// first. Empty when there are results.
    popular_searches: Vec<String>,
}

/// One category's number of matches.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryCount {
    #[schema(schema_with = fields::id)]
    id: String,
    /// URL key, unique among its siblings.
    slug: &'static str,
    /// The top-level category; null for a top-level one.
    #[schema(required)]
    parent_id: Option<String>,
    /// In the language of Accept-Language.
    name: String,
    /// Published services in it that match.
    count: u64,
}

/// A piece of a card's title. The pieces in order spell the title exactly; `mark` is true on
/// the pieces that match the keyword (compared after folding width, case and kana, so
/// 「ﾛｺﾞ」 is marked for ロゴ). `text` is plain text, not HTML: render it as a text node and
/// wrap marked pieces in `<mark>`, and no title can inject markup.
#[derive(Debug, Serialize, ToSchema)]
pub struct TitleSegment {
    /// Plain text (never HTML).
    text: String,
    /// True when this piece matches the keyword.
    mark: bool,
}

impl SearchResults {
    pub(crate) fn new(found: &Found, locale: Locale) -> SearchResults {
        let tr = Tr::new(locale);
        let items = found
            .cards
            .iter()
            .zip(found.highlights.iter().chain(std::iter::repeat(&vec![])))
            .map(|(card, marks)| {
                let segments = title_parts(&card.title, marks)
                    .into_iter()
                    .map(|p| TitleSegment {
                        text: p.text,
                        mark: p.marked,
                    })
                    .collect();
                Card::from(card.clone()).with_title_segments(segments)
            })
            .collect();
        let count_of = |id: i64| {
            found
                .categories
                .iter()
                .find(|(c, _)| *c == id)
                .map_or(0, |(_, n)| *n)
        };
        let categories = CATEGORIES
            .iter()
            .filter_map(|c| {
                let count = count_of(c.id);
                (count > 0).then(|| CategoryCount {
                    id: c.id.to_string(),
                    slug: c.slug,
                    parent_id: c.parent.map(|p| p.to_string()),
                    name: tr.t(&c.message_id()),
                    count,
                })
            })
            .collect();
        SearchResults {
            total: found.total,
            capped: found.capped,
            matches: found.matches,
            page: found.page,
            pages: found.pages,
            items,
            categories,
            nearest_categories: found
                .nearest_categories
                .iter()
                .filter(|id| categories::by_id(**id).is_some())
                .map(|id| CategoryBody::of_id(*id, locale))
                .collect(),
            popular_searches: found.popular_searches.clone(),
        }
    }
}
