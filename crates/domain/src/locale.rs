//! The languages the UI and mail are written in. Japanese is the source language.

use std::fmt;

/// A supported UI language.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// 日本語: the default and the source of every message.
    #[default]
    Ja,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, Japanese first.
    pub const ALL: [Locale; 2] = [Locale::Ja, Locale::En];

    /// BCP 47 language tag: "ja" or "en".
    pub fn tag(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::En => "en",
        }
    }

    /// Reads a language tag such as "ja", "ja-JP", "en", "en-US" or "EN_gb" (any region,
    /// any case); `None` for languages Yorozu does not speak.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|locale| primary.eq_ignore_ascii_case(locale.tag()))
    }

    /// Picks the best supported locale from an `Accept-Language` header, honouring
    /// q-values; ties go to the earlier entry. Falls back to Japanese when nothing
    /// supported is acceptable or the header is malformed, since Japanese is the
    /// product's primary language.
    pub fn from_accept_language(header: &str) -> Locale {
        let mut best: Option<(u16, Locale)> = None;
        for entry in header.split(',') {
            let mut parts = entry.split(';');
            let Some(locale) = parts.next().and_then(Self::parse) else {
                continue;
            };
            let Some(quality) = quality_of(parts) else {
                continue;
            };
            if quality > 0 && best.is_none_or(|(best_quality, _)| quality > best_quality) {
                best = Some((quality, locale));
            }
        }
        best.map_or(Locale::Ja, |(_, locale)| locale)
    }
}

/// The q-value of one entry in thousandths (1000 when absent), or `None` when it is
/// malformed. Integers avoid comparing floats and match the grammar's three decimals.
fn quality_of<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut quality = 1000;
    for param in params {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            quality = parse_qvalue(value.trim())?;
        }
    }
    Some(quality)
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )` (RFC 9110 §12.4.2).
fn parse_qvalue(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.chars().enumerate() {
        let scale = [100, 10, 1][i];
        thousandths += u16::try_from(digit.to_digit(10)?).ok()? * scale;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_tags() {
        assert_eq!(Locale::parse("ja"), Some(Locale::Ja));
        assert_eq!(Locale::parse("ja-JP"), Some(Locale::Ja));
        assert_eq!(Locale::parse("JA-jp"), Some(Locale::Ja));
        assert_eq!(Locale::parse("en"), Some(Locale::En));
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("en_GB"), Some(Locale::En));
        assert_eq!(Locale::parse(" En "), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::parse("jav"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
            assert_eq!(locale.to_string(), locale.tag());
        }
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(
            Locale::from_accept_language("en-US,en;q=0.9,ja;q=0.8"),
            Locale::En
        );
        assert_eq!(
            Locale::from_accept_language("ja,en-US;q=0.9,en;q=0.8"),
            Locale::Ja
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, ja;q=0.7"),
            Locale::Ja
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR, fr;q=0.9, en;q=0.8"),
            Locale::En
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.500,ja;q=0.499"),
            Locale::En
        );
    }

    #[test]
    fn accept_language_ties_go_to_first() {
        assert_eq!(Locale::from_accept_language("en, ja"), Locale::En);
        assert_eq!(
            Locale::from_accept_language("ja;q=0.8, en;q=0.8"),
            Locale::Ja
        );
    }

    #[test]
    fn accept_language_defaults_to_japanese() {
        assert_eq!(Locale::from_accept_language(""), Locale::Ja);
        assert_eq!(Locale::from_accept_language("*"), Locale::Ja);
        assert_eq!(Locale::from_accept_language("de, fr"), Locale::Ja);
        // q=0 means "not acceptable".
        assert_eq!(Locale::from_accept_language("en;q=0"), Locale::Ja);
        // Malformed q-values are ignored, not trusted.
        assert_eq!(Locale::from_accept_language("en;q=2"), Locale::Ja);
        assert_eq!(Locale::from_accept_language("en;q=abc"), Locale::Ja);
        assert_eq!(Locale::from_accept_language("en;q=0.1234"), Locale::Ja);
    }

    #[test]
    fn parses_qvalues() {
        assert_eq!(parse_qvalue("1"), Some(1000));
        assert_eq!(parse_qvalue("1.000"), Some(1000));
        assert_eq!(parse_qvalue("0.8"), Some(800));
        assert_eq!(parse_qvalue("0.05"), Some(50));
        assert_eq!(parse_qvalue("0."), Some(0));
        assert_eq!(parse_qvalue("1.5"), None);
        assert_eq!(parse_qvalue(""), None);
        assert_eq!(parse_qvalue("-0"), None);
    }

    proptest! {
        #[test]
        fn never_panics(header in any::<String>()) {
            let _ = Locale::from_accept_language(&header);
            let _ = Locale::parse(&header);
        }
    }
}
