//! Fluent messages for every user-visible string, in pages and in mail.
//!
//! Japanese (`ja`) is the source locale; English (`en`) must define the same keys, which a
//! test checks. Messages are embedded into the binary at compile time, one file per capability.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use yorozu_domain::locale::Locale;

/// The message files of each locale, in the same order. Add a capability's file to both lists.
macro_rules! resources {
    ($locale:literal) => {
        [
            (
                "common.ftl",
                include_str!(concat!("../locales/", $locale, "/common.ftl")),
            ),
            (
                "errors.ftl",
                include_str!(concat!("../locales/", $locale, "/errors.ftl")),
            ),
            (
                "accounts.ftl",
                include_str!(concat!("../locales/", $locale, "/accounts.ftl")),
            ),
            (
                "settings.ftl",
                include_str!(concat!("../locales/", $locale, "/settings.ftl")),
            ),
            (
                "profile.ftl",
                include_str!(concat!("../locales/", $locale, "/profile.ftl")),
            ),
            (
                "identity.ftl",
                include_str!(concat!("../locales/", $locale, "/identity.ftl")),
            ),
            (
                "operator.ftl",
                include_str!(concat!("../locales/", $locale, "/operator.ftl")),
            ),
            (
                "mail.ftl",
                include_str!(concat!("../locales/", $locale, "/mail.ftl")),
            ),
            (
                "categories.ftl",
                include_str!(concat!("../locales/", $locale, "/categories.ftl")),
            ),
            (
                "listings.ftl",
                include_str!(concat!("../locales/", $locale, "/listings.ftl")),
            ),
            (
                "discovery.ftl",
                include_str!(concat!("../locales/", $locale, "/discovery.ftl")),
            ),
            (
                "payments.ftl",
                include_str!(concat!("../locales/", $locale, "/payments.ftl")),
            ),
            (
                "legal.ftl",
                include_str!(concat!("../locales/", $locale, "/legal.ftl")),
            ),
            (
                "orders_mail.ftl",
                include_str!(concat!("../locales/", $locale, "/orders_mail.ftl")),
            ),
            (
                "payouts_mail.ftl",
                include_str!(concat!("../locales/", $locale, "/payouts_mail.ftl")),
            ),
            (
                "promotions.ftl",
                include_str!(concat!("../locales/", $locale, "/promotions.ftl")),
            ),
            (
                "reviews_public.ftl",
                include_str!(concat!("../locales/", $locale, "/reviews_public.ftl")),
            ),
            (
                "orders.ftl",
                include_str!(concat!("../locales/", $locale, "/orders.ftl")),
            ),
            (
                "paperwork.ftl",
                include_str!(concat!("../locales/", $locale, "/paperwork.ftl")),
            ),
            (
                "operator_payouts.ftl",
                include_str!(concat!("../locales/", $locale, "/operator_payouts.ftl")),
            ),
            (
                "payouts.ftl",
                include_str!(concat!("../locales/", $locale, "/payouts.ftl")),
            ),
            (
                "withdrawal.ftl",
                include_str!(concat!("../locales/", $locale, "/withdrawal.ftl")),
            ),
            (
                "export.ftl",
                include_str!(concat!("../locales/", $locale, "/export.ftl")),
            ),
            (
                "export_page.ftl",
                include_str!(concat!("../locales/", $locale, "/export_page.ftl")),
            ),
            (
                "withdrawal_mail.ftl",
                include_str!(concat!("../locales/", $locale, "/withdrawal_mail.ftl")),
            ),
            (
                "withdrawal_promises.ftl",
                include_str!(concat!("../locales/", $locale, "/withdrawal_promises.ftl")),
            ),
            (
                "security_web.ftl",
                include_str!(concat!("../locales/", $locale, "/security_web.ftl")),
            ),
            (
                "security_access.ftl",
                include_str!(concat!("../locales/", $locale, "/security_access.ftl")),
            ),
            (
                "two_step.ftl",
                include_str!(concat!("../locales/", $locale, "/two_step.ftl")),
            ),
            (
                "input_limits.ftl",
                include_str!(concat!("../locales/", $locale, "/input_limits.ftl")),
            ),
            (
                "api_docs.ftl",
                include_str!(concat!("../locales/", $locale, "/api_docs.ftl")),
            ),
            (
                "order_changes.ftl",
                include_str!(concat!("../locales/", $locale, "/order_changes.ftl")),
            ),
            (
                "tips.ftl",
                include_str!(concat!("../locales/", $locale, "/tips.ftl")),
            ),
            (
                "analytics.ftl",
                include_str!(concat!("../locales/", $locale, "/analytics.ftl")),
            ),
            (
                "hints.ftl",
                include_str!(concat!("../locales/", $locale, "/hints.ftl")),
            ),
            (
                "follow_invite.ftl",
                include_str!(concat!("../locales/", $locale, "/follow_invite.ftl")),
            ),
            (
                "search_engine.ftl",
                include_str!(concat!("../locales/", $locale, "/search_engine.ftl")),
            ),
            (
                "disputes.ftl",
                include_str!(concat!("../locales/", $locale, "/disputes.ftl")),
            ),
            (
                "moderation.ftl",
                include_str!(concat!("../locales/", $locale, "/moderation.ftl")),
            ),
            (
                "safety.ftl",
                include_str!(concat!("../locales/", $locale, "/safety.ftl")),
            ),
            (
                "notifications.ftl",
                include_str!(concat!("../locales/", $locale, "/notifications.ftl")),
            ),
            (
                "offers.ftl",
                include_str!(concat!("../locales/", $locale, "/offers.ftl")),
            ),
            (
                "requests.ftl",
                include_str!(concat!("../locales/", $locale, "/requests.ftl")),
            ),
            (
                "share.ftl",
                include_str!(concat!("../locales/", $locale, "/share.ftl")),
            ),
        ]
    };
}

struct Catalog {
    ja: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(locale: Locale, files: &[(&str, &'static str)]) -> FluentBundle<FluentResource> {
    let lang = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks would end up inside HTML attributes and mail subjects.
    bundle.set_use_isolating(false);
    for (name, text) in files {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(_, errors)| {
            panic!("{}/{name} does not parse: {errors:?}", locale.tag())
        });
        bundle.add_resource(resource).unwrap_or_else(|errors| {
            panic!("{}/{name} redefines a message: {errors:?}", locale.tag())
        });
    }
    bundle
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        ja: bundle(Locale::Ja, &resources!("ja")),
        en: bundle(Locale::En, &resources!("en")),
    })
}

/// Message arguments are the domain's typed [`Arg`]: text stays text, numbers and amounts
/// are grouped.
pub use yorozu_domain::Arg;

/// A translator for one locale; cheap to copy into every template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    /// The message `key` without arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments.
    pub fn ta<const N: usize>(&self, key: &str, args: [(&str, Arg); N]) -> String {
        self.tv(key, &args)
    }

    /// The message `key` with named arguments given as a slice.
    pub fn tv(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => number(*n),
                // The message writes the currency sign (「¥{ $min }」, 「{ $min }円」).
                Arg::Money(yen) => number(yen.get()),
            };
            fluent_args.set((*name).to_owned(), value);
        }
        self.format(key, Some(&fluent_args))
    }

    /// True when the catalog has this message (used for error codes from lower layers).
    pub fn has(&self, key: &str) -> bool {
        self.bundle().has_message(key)
    }

    fn bundle(&self) -> &'static FluentBundle<FluentResource> {
        match self.locale {
            Locale::Ja => &catalog().ja,
            Locale::En => &catalog().en,
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            // A missing message is a bug caught by the key-set test; show the key rather than fail.
            return key.to_owned();
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// Fluent's own number formatting does not group digits; 1,000 and above are passed
/// pre-formatted (plural rules only ever need small numbers).
fn number(n: i64) -> FluentValue<'static> {
    if n.abs() >= 1000 {
        FluentValue::from(group_digits(n))
    } else {
        FluentValue::from(n)
    }
}

/// `1234567` → `1,234,567` (the grouping used in both Japanese and English).
pub fn group_digits(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
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

/// Every message id defined for a locale (for the ja/en parity test and tooling).
pub fn message_ids(locale: Locale) -> std::collections::BTreeSet<String> {
    let files: Vec<(&str, &str)> = match locale {
        Locale::Ja => resources!("ja").to_vec(),
        Locale::En => resources!("en").to_vec(),
    };
    let mut ids = std::collections::BTreeSet::new();
    for (_, text) in files {
        if let Ok(resource) = FluentResource::try_new(text.to_owned()) {
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.insert(m.id.name.to_owned());
                }
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn japanese_and_english_define_the_same_messages() {
        let ja = message_ids(Locale::Ja);
        let en = message_ids(Locale::En);
        let only_ja: Vec<_> = ja.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&ja).collect();
        assert!(
            only_ja.is_empty() && only_en.is_empty(),
            "only in ja: {only_ja:?}\nonly in en: {only_en:?}"
        );
        assert!(ja.len() > 50, "the catalog is loaded");
    }

    #[test]
    fn every_file_parses_and_messages_format() {
        for locale in [Locale::Ja, Locale::En] {
            let tr = Tr::new(locale);
            for id in message_ids(locale) {
                let text = tr.t(&id);
                assert!(!text.is_empty(), "{id} is empty in {locale:?}");
            }
        }
    }

    /// Message ids of one file of a locale.
    fn ids_in(files: &[(&str, &str)], file: &str) -> BTreeSet<String> {
        let (_, text) = files
            .iter()
            .find(|(name, _)| *name == file)
            .expect("the file is registered");
        let resource = FluentResource::try_new((*text).to_owned()).expect("the file parses");
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_error_code_has_a_message_in_both_locales() {
        let ja = ids_in(&resources!("ja"), "errors.ftl");
        let en = ids_in(&resources!("en"), "errors.ftl");
        for code in yorozu_domain::error_code::all_codes() {
            assert!(ja.contains(code), "{code} missing from ja/errors.ftl");
            assert!(en.contains(code), "{code} missing from en/errors.ftl");
        }
    }

    #[test]
    fn text_that_looks_like_a_number_stays_text() {
        let tr = Tr::new(Locale::En);
        // Grouping would turn a title 「1234」 into 「1,234」.
        assert!(
            tr.ta("listings-delete-question", [("title", Arg::from("1234"))])
                .contains("1234")
        );
        assert!(
            tr.ta("error-too-long", [("max", Arg::from(1234_i64))])
                .contains("1,234")
        );
    }

    #[test]
    fn large_numbers_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(-1234567), "-1,234,567");
        let tr = Tr::new(Locale::Ja);
        assert!(
            tr.ta("error-too-long", [("max", Arg::from(5000_i64))])
                .contains("5,000")
        );
    }

    #[test]
    fn arguments_are_interpolated() {
        let tr = Tr::new(Locale::Ja);
        assert!(
            tr.ta("error-too-long", [("max", Arg::from(30_i64))])
                .contains("30")
        );
    }
}
