//! Reviews (評価) after completion: the buyer rates the seller and the service (optionally
//! anonymously), the seller rates the buyer; once each.

use yorozu_domain::OrderId;
use yorozu_domain::orders::text::REVIEW_MAX_CHARS;
use yorozu_domain::orders::{OrderState, OrderText, Rating, ReviewRole};
use yorozu_i18n::Arg;
use yorozu_store::listings::rows as listing_rows;
use yorozu_store::orders::reviews;

use super::{effects, notify};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::{App, AppError, AppResult, Fields};

/// What the reviewer entered.
#[derive(Debug, Clone, Default)]
pub struct ReviewInput {
    pub rating: String,
    pub comment: String,
    /// Show the buyer's review without their name (ignored for the seller's review).
    pub anonymous: bool,
}

/// Writes the member's review of a completed order.
pub async fn write(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    input: &ReviewInput,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let rating = fields.check("rating", Rating::parse(&input.rating));
    let comment = fields.check(
        "comment",
        OrderText::parse(&input.comment, REVIEW_MAX_CHARS, true),
    );
    let (rating, comment) = fields.finish(rating.zip(comment))?;
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, member.id).await?;
    if order.state != OrderState::Completed {
        return Err(AppError::Conflict("review-not-yet"));
    }
    let role = party.review_role();
    let subject = party.counterpart(&order);
    // A closed (withdrawing) or purged member receives no new reviews.
    if !yorozu_store::accounts::users::share_active(&mut tx, subject).await? {
        return Err(AppError::Conflict("review-counterpart-left"));
    }
    let row = reviews::ReviewRow {
        id: app.new_id(),
        order_id,
        listing_id: order.listing_id,
        author_id: Some(member.id),
        subject_id: subject,
        author_role: role,
        rating: i64::from(rating.get()),
        comment: comment.into_string(),
        anonymous: input.anonymous && role == ReviewRole::Buyer,
        created_at: app.now(),
    };
    if !reviews::insert(&mut tx, &row).await? {
        return Err(AppError::Conflict("review-already-written"));
    }
    if role == ReviewRole::Buyer {
        listing_rows::record_rating(&mut tx, order.listing_id, row.rating).await?;
        effects::refresh_rank(&mut tx, order.listing_id).await?;
    }
    notify::order_mail(
        &mut tx,
        app,
        &order,
        subject,
        MailCategory::Transactions,
        "order-review-received",
        &[("rating", Arg::Number(row.rating))],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        subject,
        crate::notifications::NotificationKind::ReviewReceived,
        crate::notifications::NotificationSubject::Order(order.id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
