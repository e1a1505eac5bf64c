//! Seller analytics (アクセス解析): search impressions and page views counted in memory
//! ([`counter`]) and written in batches; the seller's reports ([`report`]) add favourites and
//! orders from their own tables. Only aggregates are stored: per service, per Japanese day,
//! per dimension value (search word, source, share tag, referrer host). No visitor id, no
//! address, no full referrer URL. Robots and the seller's own visits are not counted.
//!
//! The counting API is meant to be reused: a share-kit link's `?src=x` arrives here as
//! [`Source::Tag`], and anything else that leads to a service page only needs a [`Source`].

pub mod counter;
pub mod report;

use yorozu_domain::analytics::{Kind, Source, day_start, is_bot};
use yorozu_domain::{ListingId, UserId};

use crate::App;
pub use counter::{Counter, Key, flush};

/// Words of one search counted at most (the first ones), and their length at most: a long
/// pasted text must not fill memory or the table.
const MAX_WORDS: usize = 5;
const MAX_WORD_CHARS: usize = 40;

/// Who is looking, as far as counting needs to know.
#[derive(Debug, Clone, Copy)]
pub struct Visitor<'a> {
    /// The `User-Agent` header (robots are not counted).
    pub user_agent: &'a str,
    /// The signed-in member, if any (a seller's own visits are not counted).
    pub member: Option<UserId>,
}

impl Visitor<'_> {
    fn counts(&self) -> bool {
        !is_bot(self.user_agent)
    }
}

fn add(app: &App, listing: ListingId, kind: Kind, value: &str) {
    app.analytics.add(
        Key {
            listing,
            day: day_start(app.now()),
            kind,
            value: value.into(),
        },
        1,
    );
}

/// Counts one view of a service page. `seller` is the service's seller when the caller knows
/// it (a signed-in visitor's page is rendered with it); an anonymous visitor is never the
/// seller, whose visits are always signed in.
pub fn record_view(
    app: &App,
    listing: ListingId,
    seller: Option<UserId>,
    visitor: &Visitor<'_>,
    source: &Source,
) {
    if !app.analytics.enabled() || !visitor.counts() {
        return;
    }
    if visitor.member.is_some() && visitor.member == seller {
        return;
    }
    add(app, listing, Kind::View, "");
    add(app, listing, Kind::Source, source.key());
    match source {
        Source::Tag(tag) => add(app, listing, Kind::Tag, tag.as_str()),
        Source::Outside(host) => add(app, listing, Kind::Host, host),
        _ => {}
    }
}

/// Counts one impression for each service on a results page served to `visitor`, and the
/// page's search words for each (the seller's own services on their own search are not
/// counted).
pub fn record_impressions(
    app: &App,
    shown: &[(ListingId, UserId)],
    words: &[String],
    visitor: &Visitor<'_>,
) {
    if !app.analytics.enabled() || !visitor.counts() {
        return;
    }
    let words: Vec<String> = words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .take(MAX_WORDS)
        .map(|w| w.chars().take(MAX_WORD_CHARS).collect())
        .collect();
    for (listing, seller) in shown {
        if visitor.member == Some(*seller) {
            continue;
        }
        add(app, *listing, Kind::Impression, "");
        for word in &words {
            add(app, *listing, Kind::Word, word);
        }
    }
}
