//! シェア (`/listings/{id}/share`): the seller's ready-to-post texts for their published
//! service, each in a read-only text area with a copy button (the shared copy script of
//! `app.js`; without JavaScript the text is selected and copied by hand), the networks' own
//! share links, the QR code (`/listings/{id}/share/qr.svg`) and the Open Graph image.
//! Only the seller reaches it (someone else's public service: 403; a draft or anything not
//! public: 404).

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use yorozu_app::share::{self, ShareKit};
use yorozu_domain::ListingId;
use yorozu_domain::share::Network;
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/listings/{id}/share", get(show))
        .route("/listings/{id}/share/qr.svg", get(qr))
}

/// One network's block of the page.
struct PostView {
    key: &'static str,
    network: String,
    text: String,
    text_label: String,
    copy_label: String,
    url: String,
    /// The network's share page and the link's text.
    open: Option<(String, String)>,
    /// What to do where there is no share link (Instagram, newsletters).
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "listing_share.html")]
struct SharePage<'a> {
    ctx: &'a Ctx,
    kit: ShareKit,
    heading: String,
    posts: Vec<PostView>,
    qr_alt: String,
    image_alt: String,
}

fn post_views(ctx: &Ctx, kit: &ShareKit) -> Vec<PostView> {
    kit.posts
        .iter()
        .map(|p| {
            let key = p.network.key();
            let network = ctx.t(&format!("share-network-{key}"));
            let note = match p.network {
                Network::Instagram => Some(ctx.t("share-instagram-note")),
                Network::Newsletter => Some(ctx.t("share-newsletter-note")),
                _ => None,
            };
            PostView {
                key,
                text: p.text.clone(),
                text_label: ctx.t1("share-text-label", "network", network.as_str()),
                copy_label: ctx.t1("share-copy-label", "network", network.as_str()),
                url: p.url.clone(),
                open: p
                    .share_link
                    .clone()
                    .map(|link| (link, ctx.t(&format!("share-open-{key}")))),
                note,
                network,
            }
        })
        .collect()
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
) -> PageResult {
    let kit = share::kit(&state.app, user, id).await?;
    let title = Arg::from(kit.title.as_str());
    page(&SharePage {
        heading: ctx.tr.ta("share-title", [("title", title.clone())]),
        qr_alt: ctx.tr.ta("share-qr-alt", [("title", title.clone())]),
        image_alt: ctx.tr.ta("share-image-alt", [("title", title)]),
        posts: post_views(&ctx, &kit),
        ctx: &ctx,
        kit,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
struct QrQuery {
    /// Present (`?download`) to save the file rather than show it.
    download: Option<String>,
}

/// The QR code as an SVG image of its own, or as a download.
async fn qr(
    State(state): State<AppState>,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
    Query(q): Query<QrQuery>,
) -> PageResult {
    let svg = share::qr_svg(&state.app, user, id).await?;
    if q.download.is_some() {
        return Ok(crate::download::attachment(
            &format!("service-{id}-qr.svg"),
            "image/svg+xml",
            svg.into_bytes(),
        ));
    }
    let headers: [(HeaderName, HeaderValue); 3] = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("image/svg+xml"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        // Our own drawing, but an SVG is a document: it may run nothing.
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox; default-src 'none'; style-src 'unsafe-inline'"),
        ),
    ];
    Ok((headers, svg).into_response())
}
