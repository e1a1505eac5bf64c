//! The seller's side of services (出品): the list of one's own services with their status
//! actions, the create/edit form with images, and vacation mode (お休みモード).
//!
//! Every page needs a signed-in member; someone else's listing is refused by the use cases
//! (403, or 404 for a draft). Pages that live under 設定 share `settings_layout.html` with
//! `section` "listings" or "vacation".

mod form;
mod images;
mod mine;
mod share;
mod status;
mod vacation;

use axum::Router;
use yorozu_domain::listings::ListingStatus;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(mine::routes())
        .merge(form::routes())
        .merge(images::routes())
        .merge(status::routes())
        .merge(share::routes())
        .merge(vacation::routes())
}

/// The message id of a status badge: 下書き, 公開中, 出品停止中.
fn status_label_key(status: ListingStatus) -> &'static str {
    match status {
        ListingStatus::Draft => "listings-status-draft",
        ListingStatus::Published => "listings-status-published",
        ListingStatus::Paused => "listings-status-paused",
        ListingStatus::Deleted => "listings-status-deleted",
    }
}

/// A yen amount with thousands separators (1,234), for messages that add the currency.
fn grouped(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The name/value pairs of a url-encoded body, repeated names kept in order (the option and
/// FAQ rows send one value per row under the same name, which `axum::Form` cannot collect).
fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    let decode = |s: &str| {
        urlencoding::decode(&s.replace('+', " "))
            .map(|c| c.into_owned())
            .unwrap_or_default()
    };
    std::str::from_utf8(body)
        .unwrap_or("")
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{form_pairs, grouped};

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(grouped(500), "500");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-12_000), "-12,000");
    }

    #[test]
    fn repeated_fields_keep_their_order_and_blanks() {
        let pairs = form_pairs(b"option_titles=a+b&option_titles=&option_prices=%EF%BC%91%2C000&x");
        assert_eq!(
            pairs,
            vec![
                ("option_titles".to_owned(), "a b".to_owned()),
                ("option_titles".to_owned(), String::new()),
                ("option_prices".to_owned(), "１,000".to_owned()),
                ("x".to_owned(), String::new()),
            ]
        );
    }
}
