//! Links that open a private chat or an external payment: LINE (`line.me`, `lin.ee`),
//! Discord invites, Telegram, WhatsApp, Messenger, Instagram's DM link, Chatwork, Skype,
//! PayPal.me, PayPay and the like. Links to a portfolio or an SNS profile are not contact
//! details (the profile even has a field for them), so `instagram.com/name` is not listed.

use std::ops::Range;

use super::FindingKind;
use super::stream::Folded;

/// Host (and path) prefixes, matched in the folded view.
const LINKS: &[(&str, FindingKind)] = &[
    ("line.me/", FindingKind::Line),
    ("lin.ee/", FindingKind::Line),
    ("page.line.me", FindingKind::Line),
    ("discord.gg/", FindingKind::Messenger),
    ("discord.com/invite", FindingKind::Messenger),
    ("discord.com/users", FindingKind::Messenger),
    ("discordapp.com/invite", FindingKind::Messenger),
    ("t.me/", FindingKind::Messenger),
    ("wa.me/", FindingKind::Messenger),
    ("m.me/", FindingKind::Messenger),
    ("ig.me/", FindingKind::Messenger),
    ("instagram.com/direct", FindingKind::Messenger),
    ("twitter.com/messages", FindingKind::Messenger),
    ("x.com/messages", FindingKind::Messenger),
    ("chatwork.com/", FindingKind::Messenger),
    ("join.skype.com", FindingKind::Messenger),
    ("skype:", FindingKind::Messenger),
    ("open.kakao.com", FindingKind::Messenger),
    ("paypal.me/", FindingKind::ExternalPayment),
    ("paypal.com/paypalme", FindingKind::ExternalPayment),
    ("paypal.com/donate", FindingKind::ExternalPayment),
    ("paypay.ne.jp", FindingKind::ExternalPayment),
    ("buy.stripe.com", FindingKind::ExternalPayment),
    ("square.link", FindingKind::ExternalPayment),
    ("venmo.com/", FindingKind::ExternalPayment),
    ("cash.app/", FindingKind::ExternalPayment),
    ("ko-fi.com/", FindingKind::ExternalPayment),
    ("buymeacoffee.com/", FindingKind::ExternalPayment),
];

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

pub(crate) fn find(f: &Folded) -> Vec<(FindingKind, Range<usize>)> {
    let s: Vec<_> = f.folded.iter().collect();
    let chars: Vec<char> = s.iter().map(|s| s.c).collect();
    let mut out = Vec::new();
    for (link, kind) in LINKS {
        let needle: Vec<char> = link.chars().collect();
        if needle.len() > chars.len() {
            continue;
        }
        for at in 0..=chars.len() - needle.len() {
            if chars[at..at + needle.len()] != needle[..] {
                continue;
            }
            // `t.me/` must not be the end of `chat.me/`: the host starts after a non-letter
            // or a dot (a subdomain).
            if at > 0 && chars[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let mut start = at;
            while start > 0 && is_url_char(chars[start - 1]) && chars[start - 1] != '(' {
                start -= 1;
            }
            let mut end = at + needle.len();
            while end < chars.len() && is_url_char(chars[end]) && chars[end] != ')' {
                end += 1;
            }
            out.push((*kind, s[start].bytes.start..s[end - 1].bytes.end));
        }
    }
    out
}
