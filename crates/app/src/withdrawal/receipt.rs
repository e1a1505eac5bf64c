//! The erasure receipt: per kind of data, what happens to it, why, and until when — from
//! DESIGN.md's table ([`DATA_TABLE`]), the same source as the withdrawal page and the privacy
//! page. It is mailed when the account closes, as the one mail a withdrawing member still
//! receives.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_domain::withdrawal::{DATA_TABLE, DataCategory, Fate};
use yorozu_i18n::{Arg, Tr};
use yorozu_store::Exec;
use yorozu_store::accounts::users;

use super::close::Closed;
use crate::mail::compose::{compose, locale_of};
use crate::orders::notify::mail_time;
use crate::ports::OutgoingMail;
use crate::{App, AppResult};

/// One kind of data, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DataLine {
    pub category: DataCategory,
    pub name: String,
    pub fate: String,
    pub why: String,
}

impl DataLine {
    pub fn new(tr: &Tr, category: DataCategory) -> DataLine {
        let key = category.key();
        let fate = category.fate();
        let args: Vec<(&str, Arg)> = match fate {
            Fate::Kept { years: Some(years) } => vec![("years", Arg::Number(i64::from(years)))],
            _ => vec![],
        };
        DataLine {
            category,
            name: tr.t(&format!("data-{key}-name")),
            fate: tr.tv(&format!("data-{key}-fate-{}", fate.key()), &args),
            why: tr.tv(&format!("data-{key}-why"), &args),
        }
    }
}

/// The whole table in `locale`.
pub fn data_lines(locale: Locale) -> Vec<DataLine> {
    let tr = Tr::new(locale);
    DATA_TABLE.iter().map(|c| DataLine::new(&tr, *c)).collect()
}

/// The receipt as plain text for the mail: one block per kind of data.
pub fn receipt_text(locale: Locale) -> String {
    data_lines(locale)
        .into_iter()
        .map(|l| format!("■ {}\n  {}\n  {}", l.name, l.fate, l.why))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The closing mail to the member (read before their address is erased), if they have one.
pub(crate) async fn closing_mail(
    c: &mut impl Exec,
    app: &App,
    member: UserId,
    closed: &Closed,
) -> AppResult<Option<OutgoingMail>> {
    let Some(user) = users::find(c, member).await? else {
        return Ok(None);
    };
    let Some(email) = user.email else {
        return Ok(None);
    };
    let locale = locale_of(&user.locale);
    let erase_now = closed.purge_at <= app.now();
    let args = [
        ("reference", Arg::from(closed.withdrawal_id.to_string())),
        ("purge", mail_time(closed.purge_at)),
        ("now", Arg::from(if erase_now { "yes" } else { "no" })),
        ("sales", Arg::Number(closed.forfeited.sales_balance)),
        ("points", Arg::Number(closed.forfeited.points)),
        (
            "cancelled",
            Arg::Number(i64::try_from(closed.cancelled_orders).unwrap_or(0)),
        ),
        ("receipt", Arg::from(receipt_text(locale))),
        ("url", Arg::from(app.url("/login"))),
    ];
    Ok(Some(compose(
        locale,
        "withdrawal-closed",
        &email,
        Some(member),
        &args,
    )))
}
