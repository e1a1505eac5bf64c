//! Category pages (/categories/{id}): the category's name, its subcategories for a top-level
//! one, and the search results with the category preset.

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use axum::routing::get;
use yorozu_app::AppError;
use yorozu_app::listings::search::{self, SearchParams};
use yorozu_domain::listings::categories;

use super::search::{SearchView, params_of};
use super::{CategoryLink, category_name};
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::PathId;
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/categories/{id}", get(show))
}

#[derive(Template)]
#[template(path = "category_show.html")]
struct CategoryPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    name: String,
    /// The top-level category above this one.
    parent: Option<CategoryLink>,
    children: Vec<CategoryLink>,
    s: SearchView,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    PathId(id): PathId,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> PageResult {
    let category = categories::by_id(id).ok_or(PageError(AppError::NotFound))?;
    let params = SearchParams {
        category: category.id.to_string(),
        ..params_of(query)
    };
    let results = search::run(&state.app, &params).await?;
    let results =
        yorozu_app::safety::blocks::without_hidden_sellers(&state.app, ctx.user.as_ref(), results)
            .await?;
    search::count_impressions(&state.app, &params, &results, &super::search::visitor(&ctx));
    let name = category_name(&ctx, category);
    let s = SearchView::build(
        &ctx,
        params,
        results,
        format!("/categories/{}", category.id),
        true,
    );
    page(&CategoryPage {
        heading: ctx.t1("browse-title", "name", &name),
        parent: category.parent_category().map(|p| CategoryLink {
            id: p.id,
            name: category_name(&ctx, p),
        }),
        children: category
            .children()
            .map(|c| CategoryLink {
                id: c.id,
                name: category_name(&ctx, c),
            })
            .collect(),
        name,
        ctx: &ctx,
        s,
    })
}
