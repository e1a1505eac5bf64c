//! The public profile page (プロフィール) and the avatar image. Anyone may read them; unknown
//! and withdrawn members are "not found". The page is also the seller's shop front: it lists
//! their published services with their sales and rating.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use yorozu_app::AppError;
use yorozu_app::listings::view::seller_listings;
use yorozu_app::orders::reviews_public;
use yorozu_app::profile::{avatar, view};
use yorozu_app::safety::blocks;
use yorozu_domain::UserId;
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::discovery::reviews::{ReviewItem, items};
use crate::pages::discovery::{Card, cards, count_arg, rating_with_count};
use crate::pages::extract::{MaybeSignedIn, PathId};
use crate::pages::follows::FollowButton;
use crate::pages::safety::blocks::BlockButton;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users/{id}", get(show))
        .route("/users/{id}/avatar", get(avatar_image))
}

/// A text split into paragraphs (at blank lines) of lines, so the template can keep the
/// member's line breaks while escaping every line.
pub(crate) type Paragraphs = Vec<Vec<String>>;

struct SnsLinkItem {
    url: String,
    label: String,
}

#[derive(Template)]
#[template(path = "profile_show.html")]
struct ProfilePage<'a> {
    ctx: &'a Ctx,
    title: String,
    display_name: String,
    initial: String,
    avatar_url: Option<String>,
    verified_on: Option<String>,
    member_since: String,
    introduction: Paragraphs,
    skills: Vec<String>,
    career: Paragraphs,
    track_record: Paragraphs,
    sns_links: Vec<SnsLinkItem>,
    /// The NDA stance, only when the member has chosen one.
    nda: Option<String>,
    is_self: bool,
    /// For the report link.
    user_id: yorozu_domain::UserId,
    services: Vec<Card>,
    /// 「4.5（12件）」 from the member's buyers, None before the first rating.
    rating: Option<String>,
    sales: String,
    /// The newest reviews from the member's buyers.
    reviews: Vec<ReviewItem>,
    /// 「4.5（12件）」 from the sellers the member bought from.
    buyer_rating: Option<String>,
    /// Block or unblock the member, for signed-in visitors other than the member.
    block: Option<BlockButton>,
    /// The follower count, and the follow button for signed-in visitors.
    follow: FollowButton,
}

impl ProfilePage<'_> {
    fn is_empty(&self) -> bool {
        self.introduction.is_empty()
            && self.skills.is_empty()
            && self.career.is_empty()
            && self.track_record.is_empty()
            && self.sns_links.is_empty()
            && self.nda.is_none()
    }
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    PathId(id): PathId<UserId>,
) -> PageResult {
    let profile = view::find(&state.app, id).await?;
    let shop = seller_listings(&state.app, profile.user_id).await?;
    let mut received = reviews_public::profile(&state.app, profile.user_id).await?;
    // Reviews by members the viewer blocks (or who block the viewer) are not shown to them.
    let hidden = blocks::hidden_from(&state.app, viewer.as_ref()).await?;
    received
        .latest_as_seller
        .retain(|r| r.author_id.is_none_or(|a| !hidden.contains(&a)));
    let block = match &viewer {
        Some(v) => {
            BlockButton::for_viewer(&state, v, profile.user_id, &format!("/users/{id}")).await?
        }
        None => None,
    };
    let follow = FollowButton::for_viewer(
        &state,
        &ctx,
        viewer.as_ref(),
        profile.user_id,
        &format!("/users/{id}"),
    )
    .await?;
    let nda = Some(profile.nda)
        .filter(|n| n.is_specified())
        .map(|n| ctx.t(&format!("nda-{}", n.as_str())));
    let page_data = ProfilePage {
        ctx: &ctx,
        title: ctx.tr.ta(
            "profile-page-title",
            [("name", Arg::from(&profile.display_name))],
        ),
        initial: profile
            .display_name
            .chars()
            .next()
            .map(String::from)
            .unwrap_or_default(),
        avatar_url: profile.has_avatar.then(|| {
            format!(
                "/users/{}/avatar?v={}",
                profile.user_id, profile.avatar_version
            )
        }),
        verified_on: profile.identity_verified_at.map(|at| ctx.date(&at)),
        member_since: ctx.date(&profile.member_since),
        introduction: paragraphs(&profile.introduction),
        career: paragraphs(&profile.career),
        track_record: paragraphs(&profile.track_record),
        sns_links: profile
            .sns_links
            .into_iter()
            .map(|l| SnsLinkItem {
                label: ctx.t(&format!("sns-kind-{}", l.kind)),
                url: l.url,
            })
            .collect(),
        skills: profile.skills,
        nda,
        is_self: viewer.is_some_and(|u| u.id == profile.user_id),
        user_id: profile.user_id,
        block,
        follow,
        rating: rating_with_count(
            &ctx,
            "card-rating",
            received.as_seller.average_x100,
            received.as_seller.count,
        ),
        buyer_rating: rating_with_count(
            &ctx,
            "card-rating",
            received.as_buyer.average_x100,
            received.as_buyer.count,
        ),
        reviews: items(&ctx, received.latest_as_seller, true),
        sales: ctx.tr.ta(
            "service-seller-sales-count",
            [("count", count_arg(shop.stats.sales_count))],
        ),
        services: cards(&ctx, shop.cards)
            .into_iter()
            .map(|c| crate::pages::discovery::Card {
                from: "profile",
                ..c
            })
            .collect(),
        display_name: profile.display_name,
    };
    page(&page_data)
}

/// The avatar JPEG. Its URL carries `?v=<version>`, so it can be cached for good.
async fn avatar_image(State(state): State<AppState>, PathId(id): PathId<UserId>) -> PageResult {
    let bytes = avatar::load(&state.app, id)
        .await?
        .ok_or(PageError(AppError::NotFound))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response())
}

pub(crate) fn paragraphs(text: &str) -> Paragraphs {
    let mut out: Paragraphs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn blank_lines_split_paragraphs_and_line_breaks_stay() {
        let text = "はじめまして。\r\nイラストを描いています。\n\n\nよろしくお願いします。\n";
        assert_eq!(
            paragraphs(text),
            vec![
                vec![
                    "はじめまして。".to_owned(),
                    "イラストを描いています。".to_owned()
                ],
                vec!["よろしくお願いします。".to_owned()],
            ]
        );
        assert!(paragraphs("  \n").is_empty());
    }
}
