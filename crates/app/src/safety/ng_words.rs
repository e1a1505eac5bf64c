//! The operators' NG words for the contact-details rule: listed, added and removed on the
//! operator console, every change audited. Words are stored with the key the detector matches
//! ([`yorozu_domain::contact_rule::ng_word_key`]), so 「裏 取引」 and 「裏　取引」 are one word.

use yorozu_domain::contact_rule::ng_word_key;
use yorozu_domain::text::has_control_chars;

use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult};

/// Longest NG word, in characters.
pub const NG_WORD_MAX_CHARS: usize = 50;

/// One NG word as the operator page lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NgWord {
    pub id: i64,
    pub word: String,
    pub added_at: i64,
}

fn operator_only(operator: &CurrentUser) -> AppResult<()> {
    if operator.is_operator() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn list(app: &App, operator: &CurrentUser) -> AppResult<Vec<NgWord>> {
    operator_only(operator)?;
    let mut c = app.db.read().await?;
    Ok(yorozu_store::safety::ng_words::list(&mut c)
        .await?
        .into_iter()
        .map(|r| NgWord {
            id: r.id,
            word: r.word,
            added_at: r.created_at,
        })
        .collect())
}

/// Adds a word (field `word`: not blank, at most [`NG_WORD_MAX_CHARS`], not listed yet).
pub async fn add(app: &App, operator: &CurrentUser, word: &str) -> AppResult<i64> {
    operator_only(operator)?;
    let word = word.trim();
    let key = ng_word_key(word);
    if key.is_empty() {
        return Err(AppError::invalid("word", "ng-word-blank"));
    }
    if word.chars().count() > NG_WORD_MAX_CHARS || has_control_chars(word, false) {
        return Err(AppError::Invalid(vec![
            crate::FieldError::new("word", "ng-word-too-long").with("max", NG_WORD_MAX_CHARS),
        ]));
    }
    let id = app.new_id();
    let mut tx = app.db.begin().await?;
    if !yorozu_store::safety::ng_words::add(&mut tx, id, word, &key, operator.id, app.now()).await?
    {
        return Err(AppError::invalid("word", "ng-word-duplicate"));
    }
    audit::record(&mut tx, app, operator.id, "ng-word-add", None, word).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a word; `NotFound` if it is not listed.
pub async fn remove(app: &App, operator: &CurrentUser, id: i64) -> AppResult<()> {
    operator_only(operator)?;
    let mut tx = app.db.begin().await?;
    let row = yorozu_store::safety::ng_words::remove(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::record(&mut tx, app, operator.id, "ng-word-remove", None, &row.word).await?;
    tx.commit().await?;
    Ok(())
}
