//! How a visitor arrived at a service page, for the seller's analytics: the in-site tag of
//! the link they followed (`?from=search|category|profile`), a share-kit tag (`?src=x`) or
//! the referrer's host. The tags are taken off the page's path before anything else sees it,
//! so that the cached HTML's key, the page's own links and `<link rel=canonical>` are the
//! same with and without them.

use axum::http::{HeaderMap, header};
use yorozu_app::analytics::Visitor;
use yorozu_domain::analytics::Source;

use crate::ctx::Ctx;

/// The query parameters that only say where a visitor came from.
const TAGS: [&str; 2] = ["from", "src"];

/// Where a visitor came from, and the request's context without the tags.
#[derive(Debug)]
pub(crate) struct Arrival {
    pub ctx: Ctx,
    pub source: Source,
}

impl Arrival {
    /// `base_url` is the site's configured public address: a referrer on its host is this
    /// site (the `Host` header is the client's to choose, so it decides nothing).
    pub(crate) fn of(ctx: &Ctx, headers: &HeaderMap, base_url: &str) -> Arrival {
        let (path, from, src) = untagged(&ctx.path);
        let referer = headers.get(header::REFERER).and_then(|v| v.to_str().ok());
        let source = Source::classify(from.as_deref(), src.as_deref(), referer, base_url);
        Arrival {
            ctx: Ctx {
                path,
                ..ctx.clone()
            },
            source,
        }
    }

    pub(crate) fn visitor(&self) -> Visitor<'_> {
        Visitor {
            user_agent: &self.ctx.client.user_agent,
            member: self.ctx.user.as_ref().map(|u| u.id),
        }
    }
}

/// The path without the `from` and `src` parameters (the others kept in order), and their
/// values (the first of each).
fn untagged(path_and_query: &str) -> (String, Option<String>, Option<String>) {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return (path_and_query.to_owned(), None, None);
    };
    let mut from = None;
    let mut src = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if !TAGS.contains(&name) {
            kept.push(pair);
            continue;
        }
        let value = urlencoding::decode(value)
            .map(|v| v.into_owned())
            .unwrap_or_default();
        let slot = if name == "from" { &mut from } else { &mut src };
        slot.get_or_insert(value);
    }
    let path = if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    (path, from, src)
}

#[cfg(test)]
mod tests {
    use super::untagged;

    #[test]
    fn tags_come_off_the_path_and_other_parameters_stay() {
        assert_eq!(
            untagged("/services/5?from=search"),
            ("/services/5".into(), Some("search".into()), None)
        );
        assert_eq!(
            untagged("/services/5?src=x&lang=en&from=profile"),
            (
                "/services/5?lang=en".into(),
                Some("profile".into()),
                Some("x".into())
            )
        );
        assert_eq!(untagged("/services/5"), ("/services/5".into(), None, None));
    }
}
