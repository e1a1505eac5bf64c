//! Links to a member's accounts elsewhere (SNS・ウェブサイト), one per line.

use std::fmt;

use crate::error_code::error_codes;
use crate::text;

/// Most links a profile may show.
pub const MAX_SNS_LINKS: usize = 5;
/// Longest single link, in characters.
pub const MAX_SNS_URL_CHARS: usize = 200;

/// Why the links field is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnsLinksError {
    /// More than [`MAX_SNS_LINKS`] links.
    #[error("more than {max} links")]
    TooMany {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// One link is longer than [`MAX_SNS_URL_CHARS`].
    #[error("link is longer than {max} characters")]
    UrlTooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// One line is not an `http(s)://host/...` address.
    #[error("link \"{url}\" is not a valid http(s) address")]
    InvalidUrl {
        /// The offending line as entered (trimmed), so the page can point at it.
        url: String,
    },
}

error_codes! {
    SnsLinksError {
        TooMany { max } => "sns-links-too-many",
        UrlTooLong { max } => "sns-link-too-long",
        InvalidUrl { url } => "sns-link-invalid",
    }
}

/// Which service a link points to; decides the icon and label the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnsKind {
    /// X (formerly Twitter).
    X,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// YouTube.
    YouTube,
    /// TikTok.
    Tiktok,
    /// note (note.com), widely used by Japanese creators.
    Note,
    /// GitHub.
    GitHub,
    /// Any other site.
    Website,
}

/// Hosts (and their subdomains) that identify a service. Everything else is a website.
const KNOWN_HOSTS: &[(&str, SnsKind)] = &[
    ("x.com", SnsKind::X),
    ("twitter.com", SnsKind::X),
    ("instagram.com", SnsKind::Instagram),
    ("facebook.com", SnsKind::Facebook),
    ("youtube.com", SnsKind::YouTube),
    ("youtu.be", SnsKind::YouTube),
    ("tiktok.com", SnsKind::Tiktok),
    ("note.com", SnsKind::Note),
    ("github.com", SnsKind::GitHub),
];

impl SnsKind {
    /// Every kind, in the order the profile page lists them.
    pub const ALL: [SnsKind; 8] = [
        Self::X,
        Self::Instagram,
        Self::Facebook,
        Self::YouTube,
        Self::Tiktok,
        Self::Note,
        Self::GitHub,
        Self::Website,
    ];

    /// Stable lowercase key for icons and message ids: "x", "instagram", "facebook",
    /// "youtube", "tiktok", "note", "github", "website".
    pub fn key(self) -> &'static str {
        match self {
            Self::X => "x",
            Self::Instagram => "instagram",
            Self::Facebook => "facebook",
            Self::YouTube => "youtube",
            Self::Tiktok => "tiktok",
            Self::Note => "note",
            Self::GitHub => "github",
            Self::Website => "website",
        }
    }

    /// The service a (lower-case) host belongs to; `www.x.com` and `m.facebook.com` count.
    fn from_host(host: &str) -> Self {
        KNOWN_HOSTS
            .iter()
            .find(|(known, _)| {
                host == *known
                    || host
                        .strip_suffix(known)
                        .is_some_and(|prefix| prefix.ends_with('.'))
            })
            .map_or(Self::Website, |(_, kind)| *kind)
    }
}

impl fmt::Display for SnsKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One checked link and the service it was recognised as.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SnsLink {
    kind: SnsKind,
    url: String,
}

impl SnsLink {
    /// Parses one link. The URL is kept exactly as pasted (only trimmed), case included:
    /// paths such as YouTube video ids are case-sensitive.
    pub fn parse(input: &str) -> Result<Self, SnsLinksError> {
        let url = input.trim();
        if text::char_count(url) > MAX_SNS_URL_CHARS {
            return Err(SnsLinksError::UrlTooLong {
                max: MAX_SNS_URL_CHARS,
            });
        }
        let invalid = || SnsLinksError::InvalidUrl {
            url: url.to_owned(),
        };
        let host = host_of(url).ok_or_else(invalid)?;
        Ok(Self {
            kind: SnsKind::from_host(&host),
            url: url.to_owned(),
        })
    }

    /// The recognised service.
    pub fn kind(&self) -> SnsKind {
        self.kind
    }

    /// The address, starting with `https://` or `http://`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

/// The lower-cased host of an absolute http(s) URL, or `None` when the text is not one
/// that is safe to render as a link.
fn host_of(url: &str) -> Option<String> {
    // Whitespace would split the link when rendered; quotes and angle brackets have no
    // business in a URL and only show up in attempts to break out of an attribute.
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
        || text::has_forbidden_chars(url, false)
    {
        return None;
    }
    let lower = url.to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // `https://x.com@evil.example` opens evil.example: refuse user info outright rather
    // than label such a link as X.
    if authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return None,
        None => authority,
    };
    let labels_ok = host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    labels_ok.then(|| host.to_owned())
}

/// Up to [`MAX_SNS_LINKS`] links in the order entered; possibly none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct SnsLinks(Vec<SnsLink>);

impl SnsLinks {
    /// Parses the links field: one link per line, blank lines skipped.
    pub fn parse(input: &str) -> Result<Self, SnsLinksError> {
        let links = input
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(SnsLink::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if links.len() > MAX_SNS_LINKS {
            return Err(SnsLinksError::TooMany { max: MAX_SNS_LINKS });
        }
        Ok(Self(links))
    }

    /// Reads the stored form written by [`SnsLinks::to_storage`].
    ///
    /// Lenient like `Skills::from_storage`: a stored link that no longer passes today's
    /// rules is dropped rather than making the whole profile unreadable.
    pub fn from_storage(stored: &str) -> Self {
        Self(
            stored
                .lines()
                .filter_map(|line| SnsLink::parse(line).ok())
                .collect(),
        )
    }

    /// One URL per line, the form kept in the database; kinds are re-derived on reading.
    pub fn to_storage(&self) -> String {
        self.0
            .iter()
            .map(SnsLink::url)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The links in entry order.
    pub fn as_slice(&self) -> &[SnsLink] {
        &self.0
    }

    /// Number of links.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no link is listed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn kind(url: &str) -> SnsKind {
        SnsLink::parse(url).expect("valid link").kind()
    }

    #[test]
    fn infers_kind_from_host() {
        assert_eq!(kind("https://x.com/yorozu"), SnsKind::X);
        assert_eq!(kind("https://twitter.com/yorozu"), SnsKind::X);
        assert_eq!(kind("https://mobile.twitter.com/yorozu"), SnsKind::X);
        assert_eq!(
            kind("https://www.instagram.com/yorozu/"),
            SnsKind::Instagram
        );
        assert_eq!(kind("https://m.facebook.com/yorozu"), SnsKind::Facebook);
        assert_eq!(kind("https://www.youtube.com/@yorozu"), SnsKind::YouTube);
        assert_eq!(kind("https://youtu.be/abc"), SnsKind::YouTube);
        assert_eq!(kind("https://www.tiktok.com/@yorozu"), SnsKind::Tiktok);
        assert_eq!(kind("https://note.com/yorozu"), SnsKind::Note);
        assert_eq!(kind("https://github.com/yorozu"), SnsKind::GitHub);
        assert_eq!(kind("HTTPS://GitHub.com/Yorozu"), SnsKind::GitHub);
        assert_eq!(kind("http://example.co.jp"), SnsKind::Website);
        assert_eq!(
            kind("https://example.com:8443/path?q=1#top"),
            SnsKind::Website
        );
    }

    #[test]
    fn lookalike_hosts_are_websites() {
        assert_eq!(kind("https://notx.com/a"), SnsKind::Website);
        assert_eq!(kind("https://x.com.evil.example/a"), SnsKind::Website);
        assert_eq!(kind("https://mynote.com/a"), SnsKind::Website);
    }

    #[test]
    fn keeps_url_as_entered() {
        let link = SnsLink::parse("  https://note.com/山田/n/abc  ").expect("valid");
        assert_eq!(link.url(), "https://note.com/山田/n/abc");
        assert_eq!(link.kind().key(), "note");
    }

    #[test]
    fn rejects_bad_urls() {
        for bad in [
            "x.com/yorozu",
            "ftp://example.com",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://x.com@evil.example/",
            "https://example.com:port/",
            "https://example..com",
            "https://example.com/\"onmouseover=\"x",
            "https://example.com/<script>",
        ] {
            assert!(
                matches!(SnsLink::parse(bad), Err(SnsLinksError::InvalidUrl { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn url_length_boundary() {
        let base = "https://example.com/";
        let ok = format!("{base}{}", "あ".repeat(MAX_SNS_URL_CHARS - base.len()));
        assert!(SnsLink::parse(&ok).is_ok());
        assert_eq!(
            SnsLink::parse(&format!("{ok}a")),
            Err(SnsLinksError::UrlTooLong { max: 200 })
        );
    }

    #[test]
    fn parses_lines_and_limits_count() {
        let links =
            SnsLinks::parse("https://x.com/a\r\n\n  \nhttps://github.com/a\n").expect("valid");
        let kinds: Vec<_> = links.as_slice().iter().map(SnsLink::kind).collect();
        assert_eq!(kinds, [SnsKind::X, SnsKind::GitHub]);

        let five = (1..=5)
            .map(|n| format!("https://example.com/{n}"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(SnsLinks::parse(&five).map(|l| l.len()), Ok(5));
        assert_eq!(
            SnsLinks::parse(&format!("{five}\nhttps://example.com/6")),
            Err(SnsLinksError::TooMany { max: 5 })
        );
        assert!(SnsLinks::parse("").expect("empty is fine").is_empty());
    }

    #[test]
    fn storage_round_trip() {
        let links = SnsLinks::parse("https://x.com/a\nhttps://example.jp").expect("valid");
        assert_eq!(links.to_storage(), "https://x.com/a\nhttps://example.jp");
        assert_eq!(SnsLinks::from_storage(&links.to_storage()), links);
    }

    #[test]
    fn keys_are_stable() {
        let keys: Vec<_> = SnsKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(
            keys,
            [
                "x",
                "instagram",
                "facebook",
                "youtube",
                "tiktok",
                "note",
                "github",
                "website"
            ]
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            SnsLinksError::TooMany { max: 5 }.code(),
            "sns-links-too-many"
        );
        assert_eq!(
            SnsLinksError::UrlTooLong { max: 200 }.code(),
            "sns-link-too-long"
        );
        assert_eq!(
            SnsLinksError::InvalidUrl { url: String::new() }.code(),
            "sns-link-invalid"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_survives_storage(raw in any::<String>()) {
            if let Ok(links) = SnsLinks::parse(&raw) {
                prop_assert_eq!(SnsLinks::from_storage(&links.to_storage()), links.clone());
            }
        }

        #[test]
        fn https_urls_on_plain_hosts_parse(host in "[a-z0-9]{1,20}\\.[a-z]{2,5}", path in "[A-Za-z0-9/_-]{0,50}") {
            let url = format!("https://{host}/{path}");
            prop_assert!(SnsLink::parse(&url).is_ok());
        }
    }
}
