//! Registered cards (登録カード): add, list and remove.
//!
//! The card number and security code are parsed here, passed to the gateway for tokenisation
//! and then dropped: only the token, brand, last four digits and expiry are stored.

use yorozu_store::cards::{self, CardRow};

use crate::accounts::CurrentUser;
use crate::ports::{PaymentError, luhn_valid_number};
use crate::{App, AppError, AppResult, FieldError, Fields};

/// How many active cards a member may keep.
pub const MAX_CARDS: usize = 10;

/// A registered card as shown to its owner (the provider token stays inside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: i64,
    pub brand: String,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
    pub created_at: i64,
}

impl From<CardRow> for Card {
    fn from(r: CardRow) -> Card {
        Card {
            id: r.id,
            brand: r.brand,
            last4: r.last4,
            exp_month: r.exp_month,
            exp_year: r.exp_year,
            created_at: r.created_at,
        }
    }
}

/// Full-width digits and spaces (as typed with a Japanese IME) become ASCII.
fn ascii(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '\u{3000}' => ' ',
            '／' => '/',
            other => other,
        })
        .collect()
}

/// A card number: digits, optionally grouped with spaces or hyphens; 12–19 digits passing Luhn.
pub fn parse_number(input: &str) -> Result<String, FieldError> {
    let text = ascii(input);
    if text.is_empty() {
        return Err(FieldError::new("number", "card-number-empty"));
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return Err(FieldError::new("number", "card-number-invalid"));
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if !(12..=19).contains(&digits.len()) || !luhn_valid_number(&digits) {
        return Err(FieldError::new("number", "card-number-invalid"));
    }
    Ok(digits)
}

/// An expiry `MM/YY` or `MM/YYYY` (spaces allowed), valid through the end of that month in
/// Japan time; `now` is unix seconds.
pub fn parse_expiry(input: &str, now: i64) -> Result<(u32, u32), FieldError> {
    let text: String = ascii(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(FieldError::new("exp", "card-expiry-empty"));
    }
    let invalid = || FieldError::new("exp", "card-expiry-invalid");
    let (month, year) = text.split_once('/').ok_or_else(invalid)?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(month) || month.len() > 2 || !all_digits(year) || !matches!(year.len(), 2 | 4) {
        return Err(invalid());
    }
    let month: u32 = month.parse().map_err(|_| invalid())?;
    let mut year: u32 = year.parse().map_err(|_| invalid())?;
    if year < 100 {
        year += 2000;
    }
    if !(1..=12).contains(&month) {
        return Err(invalid());
    }
    let today = time::OffsetDateTime::from_unix_timestamp(now + 9 * 3600).map_err(|_| invalid())?;
    let (this_year, this_month) = (today.year() as u32, u32::from(u8::from(today.month())));
    if (year, month) < (this_year, this_month) {
        return Err(FieldError::new("exp", "card-expired"));
    }
    if year > this_year + 20 {
        return Err(invalid());
    }
    Ok((month, year))
}

/// A security code: 3 digits, or 4 for American Express.
pub fn parse_cvc(input: &str, number: Option<&str>) -> Result<String, FieldError> {
    let text = ascii(input);
    let amex = number.is_some_and(|n| crate::ports::payments::card_brand(n) == "amex");
    let len = if amex { 4 } else { 3 };
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::new("cvc", "card-cvc-invalid").with("digits", len));
    }
    Ok(text)
}

/// Registers a card for the member: validates the input, tokenises it at the gateway and stores
/// the token, brand, last four digits and expiry.
pub async fn register_card(
    app: &App,
    member: &CurrentUser,
    number: &str,
    exp: &str,
    cvc: &str,
) -> AppResult<Card> {
    let mut fields = Fields::default();
    let number = fields.check("number", parse_number(number));
    let expiry = fields.check("exp", parse_expiry(exp, app.now()));
    let cvc = fields.check("cvc", parse_cvc(cvc, number.as_deref()));
    let (number, (exp_month, exp_year), cvc) =
        fields.finish(number.zip(expiry).zip(cvc).map(|((n, e), c)| (n, e, c)))?;

    {
        let mut c = app.db.read().await?;
        if cards::list_active_for_user(&mut c, member.id).await?.len() >= MAX_CARDS {
            return Err(AppError::Invalid(vec![
                FieldError::new("number", "card-too-many").with("max", MAX_CARDS),
            ]));
        }
    }

    let token = app
        .payments
        .create_card_token(&number, exp_month, exp_year, &cvc)
        .await
        .map_err(super::gateway_error)?;
    drop(number);

    let row = CardRow {
        id: app.new_id(),
        user_id: member.id,
        provider_token: token.token.clone(),
        brand: token.brand,
        last4: token.last4,
        exp_month: i64::from(token.exp_month),
        exp_year: i64::from(token.exp_year),
        created_at: app.now(),
        deleted_at: None,
    };
    let stored = async {
        let mut tx = app.db.begin().await?;
        cards::insert(&mut tx, &row).await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = stored {
        // Do not leave an unreferenced card at the provider.
        if let Err(gateway) = app.payments.delete_card(&token.token).await {
            tracing::warn!(error = %gateway, "could not delete the provider token of an unsaved card");
        }
        return Err(e.into());
    }
    Ok(row.into())
}

/// The member's active cards, newest first.
pub async fn list_cards(app: &App, member: &CurrentUser) -> AppResult<Vec<Card>> {
    let mut c = app.db.read().await?;
    Ok(cards::list_active_for_user(&mut c, member.id)
        .await?
        .into_iter()
        .map(Card::from)
        .collect())
}

/// Removes one of the member's cards: the provider's token is deleted first (so it can never be
/// charged again), then the row is marked deleted. Someone else's or an already removed card
/// is not found.
pub async fn delete_card(app: &App, member: &CurrentUser, card_id: i64) -> AppResult<()> {
    let row = {
        let mut c = app.db.read().await?;
        cards::find(&mut c, card_id).await?
    };
    let row = match row {
        Some(row) if row.user_id == member.id && row.deleted_at.is_none() => row,
        _ => return Err(AppError::NotFound),
    };
    match app.payments.delete_card(&row.provider_token).await {
        // Unknown at the provider (e.g. a restarted sandbox): nothing left to delete there.
        Ok(()) | Err(PaymentError::UnknownToken) => {}
        Err(e) => return Err(super::gateway_error(e)),
    }
    let mut tx = app.db.begin().await?;
    cards::mark_deleted(&mut tx, row.id, app.now()).await?;
    tx.commit().await?;
    Ok(())
}
