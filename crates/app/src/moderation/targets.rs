//! What a report points at: a service, a profile, a talk-room message, a review, a quote
//! consultation's message or offer, a request of the board, or a tip's message, resolved to
//! its owner and the content an operator judges.

use yorozu_domain::moderation::TargetKind;
use yorozu_domain::orders::MessageKind;
use yorozu_domain::{OrderId, UserId};
use yorozu_store::Exec;
use yorozu_store::moderation::targets;

use crate::{AppError, AppResult};

/// A reported thing: its kind and that row's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Target {
    pub kind: TargetKind,
    pub id: i64,
}

impl Target {
    /// Reads a target from a form or URL (`service` and `123`); anything else is a bad request.
    pub fn parse(kind: &str, id: &str) -> AppResult<Target> {
        let kind =
            TargetKind::parse(kind).ok_or(AppError::BadRequest("moderation-target-unknown"))?;
        let id = id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or(AppError::BadRequest("moderation-target-unknown"))?;
        Ok(Target { kind, id })
    }
}

/// The content of a target as the queue shows it, with its owner.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Content {
    /// The member whose content it is (`None` when their account is gone).
    pub owner: Option<UserId>,
    /// A service's title or a profile's name; empty for messages and reviews.
    pub title: String,
    /// A service's description, a profile's introduction, a message's text, a review's comment.
    pub text: String,
    /// A review's stars.
    pub rating: Option<i64>,
    /// A message's order.
    pub order_id: Option<OrderId>,
    /// The parties of a message's order (only they may report it).
    pub parties: Option<(UserId, UserId)>,
    /// Where the content is on the site, for the operator's link.
    pub path: String,
}

/// The target's content, or `None` when it is gone (deleted, erased, already removed).
pub async fn load(c: &mut impl Exec, target: Target) -> AppResult<Option<Content>> {
    Ok(match target.kind {
        TargetKind::Service => targets::service(c, target.id).await?.map(|s| Content {
            owner: Some(s.seller_id),
            title: s.title,
            text: s.description,
            rating: None,
            order_id: None,
            parties: None,
            path: format!("/services/{}", s.id),
        }),
        TargetKind::Profile => targets::profile(c, target.id).await?.map(|p| Content {
            owner: Some(p.user_id),
            title: p.display_name,
            text: p.introduction,
            rating: None,
            order_id: None,
            parties: None,
            path: format!("/users/{}", p.user_id),
        }),
        TargetKind::Message => targets::message(c, target.id)
            .await?
            // Platform notes (and removed messages, which became one) are nobody's content.
            .filter(|m| m.kind != MessageKind::Event)
            .map(|m| Content {
                owner: m.author_id,
                title: String::new(),
                text: m.body,
                rating: None,
                order_id: Some(m.order_id),
                parties: Some((m.buyer_id, m.seller_id)),
                path: format!("{}#m{}", crate::orders::order_path(m.order_id), m.id),
            }),
        TargetKind::ConsultationMessage => {
            targets::consultation_message(c, target.id)
                .await?
                .map(|m| Content {
                    owner: Some(m.author_id),
                    title: String::new(),
                    text: m.body,
                    rating: None,
                    order_id: None,
                    parties: Some((m.buyer_id, m.seller_id)),
                    path: format!(
                        "{}#cm{}",
                        crate::offers::consultation_path(m.consultation_id),
                        m.id
                    ),
                })
        }
        TargetKind::Offer => targets::offer(c, target.id).await?.map(|o| Content {
            owner: Some(o.seller_id),
            title: o.title,
            text: o.included,
            rating: None,
            order_id: None,
            parties: Some((o.buyer_id, o.seller_id)),
            path: format!(
                "{}#offer-{}",
                crate::offers::consultation_path(o.consultation_id),
                o.id
            ),
        }),
        TargetKind::Request => targets::request(c, target.id)
            .await?
            // A purged member's request is blank: nothing left to judge.
            .filter(|r| !r.title.is_empty())
            .map(|r| Content {
                owner: Some(r.buyer_id),
                title: r.title,
                text: r.description,
                rating: None,
                order_id: None,
                parties: None,
                path: format!("/requests/{}", r.id),
            }),
        TargetKind::Tip => targets::tip(c, target.id).await?.map(|t| Content {
            owner: Some(t.buyer_id),
            title: String::new(),
            text: t.message,
            rating: None,
            order_id: Some(t.order_id),
            parties: Some((t.buyer_id, t.seller_id)),
            path: format!("{}#tips", crate::orders::order_path(t.order_id)),
        }),
        TargetKind::Review => targets::review(c, target.id).await?.map(|r| Content {
            owner: r.author_id,
            title: String::new(),
            text: r.comment,
            rating: Some(r.rating),
            order_id: None,
            parties: None,
            path: format!("/services/{}/reviews", r.listing_id),
        }),
    })
}

/// The first words of a text, for mail and notices that name what they are about.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX {
        format!("{}…", one_line.chars().take(MAX).collect::<String>())
    } else {
        one_line
    }
}
