//! Composes a mail from Fluent messages in the recipient's language.
//!
//! Every mail `name` has two messages, `mail-NAME-subject` and `mail-NAME-body`, sharing the
//! same arguments; the common footer is appended to every body.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_i18n::{Arg, Tr};

use crate::ports::OutgoingMail;

pub fn compose(
    locale: Locale,
    name: &str,
    to: &str,
    user_id: Option<UserId>,
    args: &[(&str, Arg)],
) -> OutgoingMail {
    let tr = Tr::new(locale);
    let subject = tr.tv(&format!("mail-{name}-subject"), args);
    let body = tr.tv(&format!("mail-{name}-body"), args);
    let footer = tr.t("mail-footer");
    OutgoingMail {
        to: to.to_owned(),
        user_id,
        subject,
        body_text: format!("{body}\n\n--\n{footer}\n"),
        headers: vec![],
    }
}

/// The member's locale from its stored tag.
pub fn locale_of(tag: &str) -> Locale {
    Locale::parse(tag).unwrap_or_default()
}
