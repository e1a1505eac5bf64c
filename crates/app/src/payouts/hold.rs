//! The hold on payouts after the bank account is registered or changed: a payout request
//! within [`crate::config::Policy::bank_change_hold_hours`] of it is refused with the time it
//! becomes possible (refusing is clearer than accepting a request whose transfer waits: the
//! member sees at once why, and an intruder's request never exists). The owner, told by
//! mail, has the hold's hours to react.

use time::{OffsetDateTime, UtcOffset};
use yorozu_domain::Locale;
use yorozu_store::payouts::bank_accounts::BankAccountRow;

use crate::App;

/// Until when payouts to `account` are held (unix seconds); `None` once they may go.
pub fn held_until(app: &App, account: &BankAccountRow) -> Option<i64> {
    let until = account.created_at + app.policy.bank_change_hold_hours * 3600;
    (until > app.now()).then_some(until)
}

/// A time in Japan time for messages: 「12月9日 20時05分」 or "Dec 9, 20:05 JST".
pub fn datetime_text(locale: Locale, unix: i64) -> String {
    let offset = UtcOffset::from_hms(9, 0, 0).unwrap_or(UtcOffset::UTC);
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    let t = t.to_offset(offset);
    match locale {
        Locale::Ja => format!(
            "{}年{}月{}日 {}時{:02}分",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
        Locale::En => format!(
            "{}-{:02}-{:02} {:02}:{:02} JST",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
    }
}
