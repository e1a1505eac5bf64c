//! The newsletter (メルマガ): an operator writes it once; each opted-in member gets a copy in
//! a job of its own, with one-click unsubscribe headers.

use yorozu_domain::UserId;
use yorozu_domain::accounts::{AccountStatus, Role};
use yorozu_store::{Exec, accounts::users, notifications};

use crate::mail::{MailCategory, outbox, unsubscribe};
use crate::ports::OutgoingMail;
use crate::{App, AppError, AppResult, FieldError, Fields};

/// Longest subject, in characters (mail clients cut long subjects anyway).
pub const MAX_SUBJECT_CHARS: usize = 100;
/// Longest body, in characters.
pub const MAX_BODY_CHARS: usize = 10_000;

/// Queues the newsletter for every member who opted in; returns how many copies were queued.
/// The subject is one line of 1 to [`MAX_SUBJECT_CHARS`] characters, the body plain text of 1 to
/// [`MAX_BODY_CHARS`]; both are trimmed. Only an operator may send.
pub async fn send(app: &App, operator_id: UserId, subject: &str, body: &str) -> AppResult<usize> {
    let mut f = Fields::default();
    let subject = f.check("subject", parse_subject(subject));
    let body = f.check("body", parse_body(body));
    let (subject, body) = f.finish(subject.zip(body))?;
    let (subject, body) = (subject.as_str(), body.as_str());
    let mut tx = app.db.begin().await?;
    if !users::find(&mut tx, operator_id)
        .await?
        .is_some_and(|u| u.role == Role::Operator && u.status == AccountStatus::Active)
    {
        return Err(AppError::Forbidden);
    }
    let recipients = opted_in(&mut tx).await?;
    let mut queued = 0;
    for user_id in recipients {
        let Some(user) = users::find(&mut tx, user_id).await? else {
            continue;
        };
        let Some(email) = user.email.filter(|_| user.status == AccountStatus::Active) else {
            continue;
        };
        if notifications::is_suppressed(&mut tx, &app.signer.email_hash(&email)).await? {
            continue;
        }
        let tr = yorozu_i18n::Tr::new(crate::mail::compose::locale_of(&user.locale));
        let footer = tr.ta(
            "mail-newsletter-footer",
            [(
                "link",
                unsubscribe::url(app, user_id, MailCategory::Newsletter).into(),
            )],
        );
        let mut mail = OutgoingMail {
            to: email,
            user_id: Some(user_id),
            subject: subject.to_owned(),
            body_text: format!("{body}\n\n--\n{footer}\n"),
            headers: vec![],
        };
        unsubscribe::add_headers(app, &mut mail, user_id, MailCategory::Newsletter);
        outbox::enqueue(&mut tx, app, MailCategory::Newsletter, mail).await?;
        queued += 1;
    }
    crate::operators::audit::record(
        &mut tx,
        app,
        operator_id,
        "newsletter.send",
        None,
        &format!("{queued} recipients: {subject}"),
    )
    .await?;
    tx.commit().await?;
    Ok(queued)
}

async fn opted_in(c: &mut impl Exec) -> AppResult<Vec<UserId>> {
    Ok(notifications::opted_in_users(c, MailCategory::Newsletter.key()).await?)
}

/// One line: a line break in a subject would end up in a mail header.
fn parse_subject(input: &str) -> Result<String, FieldError> {
    let subject = input.trim();
    if subject.is_empty() {
        return Err(FieldError::new("subject", "newsletter-subject-empty"));
    }
    if subject.chars().count() > MAX_SUBJECT_CHARS {
        return Err(FieldError::new("subject", "newsletter-subject-too-long")
            .with("max", MAX_SUBJECT_CHARS));
    }
    if subject.chars().any(char::is_control) {
        return Err(FieldError::new(
            "subject",
            "newsletter-subject-invalid-characters",
        ));
    }
    Ok(subject.to_owned())
}

/// Plain text with `\n` line breaks; tabs are kept, other control characters refused.
fn parse_body(input: &str) -> Result<String, FieldError> {
    let body = input.replace("\r\n", "\n").replace('\r', "\n");
    let body = body.trim();
    if body.is_empty() {
        return Err(FieldError::new("body", "newsletter-body-empty"));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(FieldError::new("body", "newsletter-body-too-long").with("max", MAX_BODY_CHARS));
    }
    if body
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(
            "body",
            "newsletter-body-invalid-characters",
        ));
    }
    Ok(body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_is_one_trimmed_line_within_the_limit() {
        assert_eq!(
            parse_subject("  よろず通信 6月号 ").as_deref(),
            Ok("よろず通信 6月号")
        );
        assert_eq!(
            parse_subject(" \u{3000} ").map_err(|e| e.code),
            Err("newsletter-subject-empty")
        );
        assert!(parse_subject(&"あ".repeat(MAX_SUBJECT_CHARS)).is_ok());
        let long = parse_subject(&"あ".repeat(MAX_SUBJECT_CHARS + 1)).map_err(|e| (e.code, e.args));
        assert_eq!(
            long,
            Err((
                "newsletter-subject-too-long",
                vec![("max", yorozu_domain::Arg::Number(100))]
            ))
        );
        assert_eq!(
            parse_subject("6月号\nBcc: x@example.jp").map_err(|e| e.code),
            Err("newsletter-subject-invalid-characters")
        );
    }

    #[test]
    fn body_keeps_line_breaks_and_refuses_other_controls() {
        assert_eq!(
            parse_body("\r\n一行目\r\n二行目\n").as_deref(),
            Ok("一行目\n二行目")
        );
        assert_eq!(
            parse_body("\n \n").map_err(|e| e.code),
            Err("newsletter-body-empty")
        );
        assert!(parse_body(&"本".repeat(MAX_BODY_CHARS)).is_ok());
        assert_eq!(
            parse_body(&"本".repeat(MAX_BODY_CHARS + 1)).map_err(|e| e.code),
            Err("newsletter-body-too-long")
        );
        assert_eq!(
            parse_body("ベル\u{7}").map_err(|e| e.code),
            Err("newsletter-body-invalid-characters")
        );
    }
}
