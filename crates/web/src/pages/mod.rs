//! Server-rendered pages, one module per capability.

pub mod accounts;
pub mod api_docs;
pub mod discovery;
pub mod export;
pub mod extract;
pub mod follows;
pub mod help;
pub mod home;
pub mod identity;
pub mod invitations;
pub mod lang;
pub mod legal;
pub mod listings;
pub mod mailbox;
pub mod moderation;
pub mod notification_centre;
pub mod offers;
pub mod operator;
pub mod orders;
pub mod paperwork;
pub mod profile;
pub mod requests;
pub mod safety;
pub mod sales;
pub mod settings;
pub mod shared_html;
pub mod two_step;
pub mod unsubscribe;
pub mod withdrawal;

use askama::Template;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::render::page;

#[derive(Template)]
#[template(path = "message.html")]
pub(crate) struct MessagePage<'a> {
    pub ctx: &'a Ctx,
    pub title: String,
    pub text: String,
    pub link: Option<(String, String)>,
}

/// A simple page with a heading, a sentence and an optional button.
pub fn message(
    ctx: &Ctx,
    title_key: &str,
    text_key: &str,
    link: Option<(&str, &str)>,
) -> PageResult {
    page(&MessagePage {
        ctx,
        title: ctx.t(title_key),
        text: ctx.t(text_key),
        link: link.map(|(href, label)| (href.to_owned(), ctx.t(label))),
    })
}
