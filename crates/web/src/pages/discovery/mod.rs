//! The buyer's side of services (出品): the service page and its images, search, category
//! pages and favourites. Nothing here needs a sign-in except the favourites.
//!
//! Result cards look the same everywhere (`_card.html`); [`cards`] turns app cards into what
//! that macro shows, so the home page and the profile page use it too.

mod arrival;
mod category;
mod favorites;
mod images;
mod og_image;
pub(crate) mod reviews;
mod search;
mod service;

use axum::Router;
use yorozu_app::listings;
use yorozu_domain::ListingId;
use yorozu_domain::Locale;
use yorozu_domain::listings::categories::Category;
use yorozu_domain::money::Yen;
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(service::routes())
        .merge(images::routes())
        .merge(og_image::routes())
        .merge(search::routes())
        .merge(category::routes())
        .merge(favorites::routes())
        .merge(reviews::routes())
}

/// One result card, every text already in the reader's language.
pub(crate) struct Card {
    pub id: ListingId,
    pub title: String,
    /// The title in pieces, the ones matching the search keyword marked (`<mark>`); one
    /// unmarked piece outside search. Each piece is escaped like any text.
    pub title_parts: Vec<TitlePart>,
    pub price: String,
    pub delivery: String,
    pub seller_name: String,
    pub seller_verified: bool,
    pub thumb_image_id: Option<i64>,
    /// 「4.5（12件）」, or None before the first rating.
    pub rating: Option<String>,
    /// The page the card is on, as the link's `?from=` tag tells the seller's analytics
    /// (`search`, `category`, `profile`); empty for no tag.
    pub from: &'static str,
}

pub(crate) fn cards(ctx: &Ctx, rows: Vec<listings::Card>) -> Vec<Card> {
    rows.into_iter()
        .map(|r| Card {
            id: r.id,
            price: yen(ctx, r.price.get()),
            delivery: ctx.t1("card-delivery", "days", r.delivery_days),
            rating: rating_with_count(ctx, "card-rating", r.rating_x100, r.rating_count),
            seller_name: r.seller_name,
            seller_verified: r.seller_verified,
            thumb_image_id: r.thumb_image_id,
            title_parts: vec![TitlePart {
                text: r.title.clone(),
                marked: false,
            }],
            title: r.title,
            from: "",
        })
        .collect()
}

pub(crate) struct TitlePart {
    pub text: String,
    pub marked: bool,
}

/// `title` cut at the edges of `marks` (byte ranges in order, not overlapping).
pub(crate) fn title_parts(title: &str, marks: &[std::ops::Range<usize>]) -> Vec<TitlePart> {
    let mut parts = Vec::new();
    let mut at = 0;
    for mark in marks {
        let (Some(before), Some(marked)) = (title.get(at..mark.start), title.get(mark.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(TitlePart {
                text: before.to_owned(),
                marked: false,
            });
        }
        parts.push(TitlePart {
            text: marked.to_owned(),
            marked: true,
        });
        at = mark.end;
    }
    if let Some(rest) = title.get(at..)
        && !rest.is_empty()
    {
        parts.push(TitlePart {
            text: rest.to_owned(),
            marked: false,
        });
    }
    parts
}

/// A price as the page's language writes it: 「1,234円」 or "¥1,234".
pub(crate) fn yen(ctx: &Ctx, amount: i64) -> String {
    match ctx.locale() {
        Locale::Ja => Yen::new(amount).format_ja(),
        Locale::En => Yen::new(amount).to_string(),
    }
}

/// An average rating × 100 as one decimal: 450 → "4.5", 467 → "4.7".
pub(crate) fn rating(x100: i64) -> String {
    let tenths = (x100.max(0) + 5) / 10;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A rating message with `rating` and `count`, or None when nobody has rated yet.
pub(crate) fn rating_with_count(ctx: &Ctx, key: &str, x100: i64, count: i64) -> Option<String> {
    (count > 0).then(|| {
        ctx.tr.ta(
            key,
            [
                ("rating", Arg::Text(rating(x100))),
                ("count", count_arg(count)),
            ],
        )
    })
}

/// A count as a message argument. Fluent does not group digits here, so from 1,000 up the
/// count goes in as grouped text; below that as a number, so English plurals still work.
pub(crate) fn count_arg(n: i64) -> Arg {
    if n.abs() < 1000 {
        Arg::Number(n)
    } else {
        Arg::Text(grouped(n))
    }
}

/// 1234567 → "1,234,567".
pub(crate) fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    if n < 0 { format!("-{out}") } else { out }
}

pub(crate) fn category_name(ctx: &Ctx, category: &Category) -> String {
    ctx.t(&category.message_id())
}

/// A top-level category as a link on the home, search and category pages.
pub(crate) struct CategoryLink {
    pub id: i64,
    pub name: String,
}

pub(crate) fn top_level_links(ctx: &Ctx) -> Vec<CategoryLink> {
    yorozu_domain::listings::categories::top_level()
        .map(|c| CategoryLink {
            id: c.id,
            name: category_name(ctx, c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{grouped, rating};

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-4200), "-4,200");
    }

    #[test]
    fn ratings_round_to_one_decimal() {
        assert_eq!(rating(450), "4.5");
        assert_eq!(rating(467), "4.7");
        assert_eq!(rating(500), "5.0");
        assert_eq!(rating(0), "0.0");
    }
}
