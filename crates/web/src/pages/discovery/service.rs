//! The service page (サービス詳細): images, price and terms, description, paid options, FAQ,
//! the seller card, the rating summary and the newest reviews, the buy button, favourites and
//! share links, with Open Graph and Twitter-card tags so a shared link shows title, price and
//! image.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::analytics;
use yorozu_app::catalog::{self, Seen};
use yorozu_app::listings::view::ListingView;
use yorozu_app::orders::reviews_public;
use yorozu_app::share::og_image;
use yorozu_domain::ListingId;
use yorozu_domain::listings::{ListingStatus, categories};
use yorozu_domain::share::{Network, service_path, tagged_url};
use yorozu_i18n::Arg;

use super::arrival::Arrival;
use super::favorites::FavoriteButton;
use super::reviews::{ReviewItem, all_reviews_link, items};
use super::{category_name, count_arg, rating_with_count, yen};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{MaybeSignedIn, PathId};
use crate::pages::profile::{Paragraphs, paragraphs};
use crate::pages::shared_html;
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/services/{id}", get(show))
}

/// How many characters of the description go into `og:description`.
const OG_DESCRIPTION_CHARS: usize = 120;

struct GalleryImage {
    id: i64,
    width: i64,
    height: i64,
    alt: String,
    /// The thumbnail link's text: 「2枚目の画像を表示」.
    show_label: String,
}

struct OptionRow {
    /// What the buy form sends for the option when it is ticked.
    position: i64,
    title: String,
    price: String,
    /// The buy form's checkbox label: 「特急納品（+2,000円）」.
    buy_label: String,
}

struct FaqItem {
    question: String,
    answer: Paragraphs,
}

struct Crumb {
    href: String,
    name: String,
}

/// Absolute URLs for sharing and for the meta tags.
struct Share {
    url: String,
    image: Option<String>,
    /// The image is the drawn 1200×630 Open Graph image (its size is known).
    image_drawn: bool,
    description: String,
    x: String,
    facebook: String,
    line: String,
}

#[derive(Template)]
#[template(path = "service_show.html")]
struct ServicePage<'a> {
    ctx: &'a Ctx,
    v: ListingView,
    price: String,
    delivery: String,
    revisions: String,
    description: Paragraphs,
    buyer_notes: Paragraphs,
    options: Vec<OptionRow>,
    faq: Vec<FaqItem>,
    images: Vec<GalleryImage>,
    crumbs: Vec<Crumb>,
    rating: Option<String>,
    seller_rating: Option<String>,
    seller_sales: String,
    /// 「3人がお気に入りに追加しています」 once someone has.
    favorites: Option<String>,
    seller_since: String,
    seller_initial: String,
    seller_avatar: Option<String>,
    /// 「出品者はお休み中です（…まで）」 when the seller is away.
    vacation: Option<String>,
    favorite: FavoriteButton,
    /// The follow button on the seller card (no count: the page is cached).
    follow: crate::pages::follows::FollowButton,
    share: Share,
    /// The newest buyers' reviews.
    reviews: Vec<ReviewItem>,
    /// The link to all of them, with their count.
    all_reviews: String,
}

/// Visitors get the page from the rendered HTML cache when it is there, and so do signed-in
/// members who see it alike ([`for_member`]); the seller sees their own page rendered.
///
/// Every page served counts one view for the seller's analytics (a cached page too), unless
/// the visitor is a robot or the seller; the link's tags (`?from=`, `?src=`) say where the
/// visitor came from and are taken off the path first ([`Arrival`]).
async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    MaybeSignedIn(viewer): MaybeSignedIn,
    PathId(id): PathId<ListingId>,
) -> PageResult {
    let arrival = Arrival::of(&ctx, &headers, &state.app.site.base_url);
    let ctx = &arrival.ctx;
    if let Some(viewer) = &viewer {
        return for_member(&state, &arrival, viewer, id).await;
    }
    let app = &state.app;
    let shared = match shared_html::lookup(app, ctx).await? {
        shared_html::Lookup::Hit(page) => {
            analytics::record_view(app, id, None, &arrival.visitor(), &arrival.source);
            return Ok(page);
        }
        shared_html::Lookup::Miss(shared) => shared,
    };
    let found = reviews_public::service_page(app, None, id).await?;
    analytics::record_view(app, id, None, &arrival.visitor(), &arrival.source);
    match shared.filter(|_| shareable(&found.listing)) {
        Some((key, seen)) => store_and_serve(&state, ctx, key, seen, found, false),
        None => page(&service_page(ctx, &state, false, found, false)),
    }
}

/// A signed-in member's page: the service data comes from the catalogue cache, and the HTML
/// from the cache of pages shared by members with the same favourite mark and menu.
async fn for_member(
    state: &AppState,
    arrival: &Arrival,
    viewer: &CurrentUser,
    id: ListingId,
) -> PageResult {
    let app = &state.app;
    let ctx = &arrival.ctx;
    let seen = catalog::sync(app).await?;
    let found = reviews_public::service_page(app, Some(viewer), id).await?;
    analytics::record_view(
        app,
        id,
        Some(found.listing.seller.user_id),
        &arrival.visitor(),
        &arrival.source,
    );
    let following = if found.listing.viewer_is_seller {
        false
    } else {
        yorozu_app::follows::is_following(app, seen, viewer, found.listing.seller.user_id).await?
    };
    // Members share a cached page with those who see the same favourite and follow marks.
    let marks = match (found.listing.viewer_favorite, following) {
        (true, true) => "favorite-following",
        (true, false) => "favorite",
        (false, true) => "following",
        (false, false) => "-",
    };
    let key = shared_html::member_key(ctx, marks).filter(|_| {
        shareable(&found.listing) && !found.listing.viewer_is_seller && !found.personal
    });
    let Some(key) = key else {
        return page(&service_page(ctx, state, true, found, following));
    };
    match app.catalog.page(&key, app.now()) {
        Some(body) => Ok(shared_html::serve(ctx, &body)),
        None => store_and_serve(state, ctx, key, seen, found, following),
    }
}

/// Published and not paused: the page every visitor (or member) sees alike.
fn shareable(listing: &ListingView) -> bool {
    listing.status == ListingStatus::Published && !listing.paused_notice
}

/// Renders the page without the visitor's own parts, stores it, and serves it with them.
fn store_and_serve(
    state: &AppState,
    ctx: &Ctx,
    key: String,
    seen: Seen,
    found: reviews_public::ServicePage,
    following: bool,
) -> PageResult {
    let app = &state.app;
    let shows = found.shows(app.now());
    let shared_ctx = shared_html::shared_ctx(ctx);
    let signed_in = ctx.user.is_some();
    let body: Arc<str> = shared_html::render(&service_page(
        &shared_ctx,
        state,
        signed_in,
        found,
        following,
    ))?
    .into();
    app.catalog.store_page(seen, key, body.clone(), shows);
    Ok(shared_html::serve(ctx, &body))
}

fn service_page<'a>(
    ctx: &'a Ctx,
    state: &AppState,
    signed_in: bool,
    found: reviews_public::ServicePage,
    following: bool,
) -> ServicePage<'a> {
    let v = found.listing;

    let app = &state.app;
    let url = app.url(&service_path(v.id));
    // The visitors' share links carry the network's tag too, so that analytics counts them.
    let link = |network: Network| {
        let tagged = tagged_url(&app.site.base_url, v.id, &network.tag());
        network.share_link(&v.title, &tagged).unwrap_or_default()
    };
    // The drawn image (title and price) when the server has its font, else the first photo.
    let image_drawn = og_image::available(app);
    let image = if image_drawn {
        Some(og_image::url(app, v.id))
    } else {
        v.images
            .first()
            .map(|i| app.url(&format!("/services/images/{}", i.id)))
    };
    let share = Share {
        image,
        image_drawn,
        description: og_description(&v.description),
        x: link(Network::X),
        facebook: link(Network::Facebook),
        line: link(Network::Line),
        url,
    };

    let mut crumbs = vec![Crumb {
        href: "/".into(),
        name: ctx.t("service-home"),
    }];
    if let Some(category) = categories::by_id(v.category_id) {
        if let Some(parent) = category.parent_category() {
            crumbs.push(Crumb {
                href: format!("/categories/{}", parent.id),
                name: category_name(ctx, parent),
            });
        }
        crumbs.push(Crumb {
            href: format!("/categories/{}", category.id),
            name: category_name(ctx, category),
        });
    }

    let images = v
        .images
        .iter()
        .enumerate()
        .map(|(i, img)| GalleryImage {
            id: img.id,
            width: img.width,
            height: img.height,
            alt: ctx.tr.ta(
                "service-image-alt",
                [("title", Arg::from(&v.title)), ("n", Arg::from(i + 1))],
            ),
            show_label: ctx.t1("service-gallery-show", "n", i + 1),
        })
        .collect();

    let seller = &v.seller;
    ServicePage {
        ctx,
        price: yen(ctx, v.price.get()),
        delivery: ctx.t1("service-delivery-days", "days", v.delivery_days),
        revisions: match v.revisions {
            Some(n) => ctx.t1("service-revisions-count", "count", n),
            None => ctx.t("service-revisions-unlimited"),
        },
        description: paragraphs(&v.description),
        buyer_notes: paragraphs(&v.buyer_notes),
        options: v
            .options
            .iter()
            .map(|o| OptionRow {
                position: o.position,
                title: o.title.clone(),
                price: yen(ctx, o.price.get()),
                buy_label: ctx.tr.ta(
                    "orders-buy-option",
                    [
                        ("title", Arg::from(&o.title)),
                        ("price", Arg::from(yen(ctx, o.price.get()))),
                    ],
                ),
            })
            .collect(),
        faq: v
            .faq
            .iter()
            .map(|f| FaqItem {
                question: f.question.clone(),
                answer: paragraphs(&f.answer),
            })
            .collect(),
        images,
        crumbs,
        rating: rating_with_count(ctx, "service-rating-summary", v.rating_x100, v.rating_count),
        seller_rating: rating_with_count(
            ctx,
            "card-rating",
            v.seller_stats.rating_x100,
            v.seller_stats.rating_count,
        ),
        seller_sales: ctx.tr.ta(
            "service-seller-sales-count",
            [("count", count_arg(v.seller_stats.sales_count))],
        ),
        favorites: (v.favorites_count > 0).then(|| {
            ctx.tr.ta(
                "service-favorite-count",
                [("count", count_arg(v.favorites_count))],
            )
        }),
        seller_since: ctx.date(&seller.member_since),
        seller_initial: seller
            .display_name
            .chars()
            .next()
            .map(String::from)
            .unwrap_or_default(),
        seller_avatar: seller.has_avatar.then(|| {
            format!(
                "/users/{}/avatar?v={}",
                seller.user_id, seller.avatar_version
            )
        }),
        vacation: v
            .vacation_until
            .map(|until| ctx.t1("service-vacation", "date", ctx.date(&until))),
        favorite: FavoriteButton {
            listing_id: v.id,
            on: v.viewer_favorite,
            signed_in,
            next: format!("/services/{}", v.id),
        },
        follow: crate::pages::follows::FollowButton {
            seller_id: seller.user_id,
            on: following,
            signed_in: signed_in && !v.viewer_is_seller,
            next: format!("/services/{}", v.id),
            followers: String::new(),
        },
        share,
        reviews: items(ctx, found.reviews, false),
        all_reviews: all_reviews_link(ctx, v.rating_count),
        v,
    }
}

/// The start of the description on one line, for link previews.
fn og_description(description: &str) -> String {
    description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(OG_DESCRIPTION_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::og_description;

    #[test]
    fn og_description_is_one_line_of_at_most_120_characters() {
        let long = "あ".repeat(200);
        assert_eq!(og_description(&long).chars().count(), 120);
        assert_eq!(
            og_description("一行目\n\n二行目  です"),
            "一行目 二行目 です"
        );
    }
}
