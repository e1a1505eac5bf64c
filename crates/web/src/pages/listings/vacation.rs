//! お休みモード (/settings/vacation): the seller stops taking orders until a return date.
//! Their services stay visible but cannot be bought until 00:00 (Japan time) of that day.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
use yorozu_app::AppError;
use yorozu_app::listings::vacation;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};
const FIELD: &str = "vacation_until";

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/settings/vacation", get(show).post(save))
}

#[derive(Debug, Default, Deserialize)]
struct VacationForm {
    /// "on" sets (or moves) the return date, "off" ends vacation mode now.
    #[serde(default)]
    action: String,
    /// The return date, `YYYY-MM-DD` as `<input type="date">` sends it.
    #[serde(default)]
    vacation_until: String,
}

#[derive(Template)]
#[template(path = "settings_vacation.html")]
struct VacationPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    /// The return date while vacation mode is on, for people.
    until_text: Option<String>,
    /// What the date field shows.
    date_value: String,
    min_date: String,
    max_date: String,
    max_days: i64,
    errors: FormErrors,
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let until = vacation::get(&state.app, user).await?;
    let date_value = until.map(iso_date).unwrap_or_default();
    render(
        &state,
        &ctx,
        StatusCode::OK,
        until,
        date_value,
        FormErrors::default(),
    )
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<VacationForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let turning_off = form.action == "off";
    let result = if turning_off {
        vacation::set(&state.app, user, None).await
    } else {
        match parse_return_date(&form.vacation_until) {
            Ok(until) => vacation::set(&state.app, user, Some(until)).await,
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(()) if turning_off => Ok(redirect_with_flash(
            &ctx,
            "/settings/vacation",
            "listings-vacation-flash-off",
        )),
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/vacation",
            "listings-vacation-flash-on",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let until = vacation::get(&state.app, user).await?;
            render(&state, &ctx, status, until, form.vacation_until, errors)
        }
    }
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    until: Option<i64>,
    date_value: String,
    errors: FormErrors,
) -> PageResult {
    let now = state.app.now();
    page_with_status(
        status,
        &VacationPage {
            ctx,
            section: "vacation",
            until_text: until.map(|u| ctx.date(&u)),
            date_value,
            min_date: iso_date(now + 86_400),
            max_date: iso_date(now + vacation::MAX_DAYS * 86_400),
            max_days: vacation::MAX_DAYS,
            errors,
        },
    )
}

/// `2026-12-01` (or `2026/12/01`) → 00:00 of that day in Japan time, as unix seconds.
fn parse_return_date(raw: &str) -> Result<i64, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(AppError::invalid(FIELD, "listings-vacation-date-empty"));
    }
    let invalid = || AppError::invalid(FIELD, "listings-vacation-date-invalid");
    let mut parts = raw.split(['-', '/']).map(|p| p.parse::<i32>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(invalid)?;
    let day = u8::try_from(day).map_err(|_| invalid())?;
    let date = Date::from_calendar_date(year, month, day).map_err(|_| invalid())?;
    Ok(PrimitiveDateTime::new(date, Time::MIDNIGHT)
        .assume_offset(JST)
        .unix_timestamp())
}

/// The Japan-time date of `unix` as `YYYY-MM-DD`, the format of `<input type="date">`.
fn iso_date(unix: i64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    let t = t.to_offset(JST);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_return_date_is_midnight_in_japan() {
        // 2026-12-01 00:00 JST = 2026-11-30 15:00 UTC.
        assert_eq!(parse_return_date("2026-12-01").ok(), Some(1_796_050_800));
        assert_eq!(parse_return_date(" 2026/12/01 ").ok(), Some(1_796_050_800));
        assert_eq!(iso_date(1_796_050_800), "2026-12-01");
        for bad in ["", "2026-13-01", "2026-02-30", "tomorrow", "2026-12-01-01"] {
            assert!(parse_return_date(bad).is_err(), "{bad}");
        }
    }
}
