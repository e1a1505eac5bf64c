//! Points (ポイント): granted by operators, one point = ¥1 off an order, all of a member's
//! points expiring one year after their last acquisition.

use yorozu_domain::OrderId;
use yorozu_domain::Timestamp;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::accounts::Email;
use yorozu_domain::promotions::{PointKind, Points, points_expire_at};
use yorozu_i18n::Arg;
use yorozu_store::accounts::users;
use yorozu_store::promotions::points::{self, PointEntryRow};

use crate::accounts::CurrentUser;
use crate::mail::compose::{compose, locale_of};
use crate::mail::{MailCategory, outbox};
use crate::operators::audit;
use crate::{App, AppError, AppResult, FieldError, Fields};

/// Most points one grant may give.
pub const MAX_GRANT: i64 = 1_000_000;

/// One change of a member's points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointEntry {
    pub id: i64,
    pub user_id: UserId,
    pub kind: PointKind,
    /// Signed: grants and restorations add, uses and expiries subtract.
    pub amount: Points,
    /// The order a use or restoration belongs to.
    pub order_id: Option<OrderId>,
    /// The operator's note on a grant; empty otherwise.
    pub note: String,
    pub created_at: i64,
}

impl From<PointEntryRow> for PointEntry {
    fn from(r: PointEntryRow) -> Self {
        Self {
            id: r.id,
            user_id: r.user_id,
            kind: r.kind,
            amount: r.amount,
            order_id: r.order_id,
            note: r.note,
            created_at: r.created_at,
        }
    }
}

/// A member's points as their page shows them.
#[derive(Debug, Clone)]
pub struct PointsView {
    pub balance: Points,
    /// When the whole balance expires unless more points are acquired first.
    pub expires_at: Option<i64>,
    pub history: Vec<PointEntry>,
}

pub async fn view(app: &App, member: &CurrentUser) -> AppResult<PointsView> {
    let mut c = app.db.read().await?;
    let balance = points::balance(&mut c, member.id).await?;
    let last = points::last_acquired_at(&mut c, member.id).await?;
    let history = points::history(&mut c, member.id, 100).await?;
    Ok(PointsView {
        balance,
        expires_at: last.filter(|_| balance > Points::ZERO).map(|t| {
            points_expire_at(Timestamp::from_unix(t), app.policy.points_validity_days).unix()
        }),
        history: history.into_iter().map(PointEntry::from).collect(),
    })
}

/// An operator grants points to the member with `email`, with a note the member sees.
pub async fn grant(
    app: &App,
    operator: &CurrentUser,
    email: &str,
    amount: &str,
    note: &str,
) -> AppResult<UserId> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut fields = Fields::default();
    let email = fields.check("email", Email::parse(email));
    let amount = match amount.trim().replace([',', '，'], "").parse::<i64>() {
        Ok(n) if (1..=MAX_GRANT).contains(&n) => Some(Points::new(n)),
        _ => {
            fields.push(FieldError::new("amount", "points-grant-invalid").with("max", MAX_GRANT));
            None
        }
    };
    let note = fields.check(
        "note",
        yorozu_domain::orders::OrderText::parse(note, 200, true),
    );
    let (email, amount, note) =
        fields.finish(email.zip(amount).zip(note).map(|((e, a), n)| (e, a, n)))?;
    let mut tx = app.db.begin().await?;
    let user = users::find_by_email(&mut tx, email.as_str())
        .await?
        .filter(|u| u.status == AccountStatus::Active)
        .ok_or_else(|| AppError::invalid("email", "points-member-unknown"))?;
    let now = app.now();
    points::insert(
        &mut tx,
        &PointEntryRow {
            id: app.new_id(),
            user_id: user.id,
            kind: PointKind::Grant,
            amount,
            order_id: None,
            note: note.as_str().to_owned(),
            created_at: now,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "points.grant",
        Some(user.id),
        &format!("{amount} points: {}", note.as_str()),
    )
    .await?;
    let expires =
        points_expire_at(Timestamp::from_unix(now), app.policy.points_validity_days).unix();
    let mail = compose(
        locale_of(&user.locale),
        "points-granted",
        user.email.as_deref().unwrap_or_default(),
        Some(user.id),
        &[
            ("points", Arg::Number(amount.get())),
            ("note", Arg::from(note.as_str())),
            ("expires", crate::orders::notify::mail_time(expires)),
            ("url", Arg::from(app.url("/settings/points"))),
        ],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Transactions, mail).await?;
    tx.commit().await?;
    Ok(user.id)
}

/// Expires the points of members whose last acquisition is older than the validity period
/// (part of the periodic maintenance). Returns how many members' points expired.
pub async fn expire_due(app: &App) -> AppResult<usize> {
    let now = app.now();
    let cutoff = now - app.policy.points_validity_days.saturating_mul(86_400);
    let due = {
        let mut c = app.db.read().await?;
        points::expiring(&mut c, cutoff, 500).await?
    };
    for (user_id, _) in &due {
        // Under the member's lock, with the balance read again: a purchase spending points
        // or a withdrawal forfeiting them cannot interleave.
        let mut tx = app.db.begin().await?;
        yorozu_store::accounts::users::lock(&mut tx, *user_id).await?;
        let balance = points::balance(&mut tx, *user_id).await?;
        if balance > Points::ZERO {
            points::insert(
                &mut tx,
                &PointEntryRow {
                    id: app.new_id(),
                    user_id: *user_id,
                    kind: PointKind::Expire,
                    amount: balance.negated(),
                    order_id: None,
                    note: String::new(),
                    created_at: now,
                },
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(due.len())
}
