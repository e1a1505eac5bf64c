//! Seller analytics (アクセス解析): what is counted and how a visit is classified. Only
//! aggregates are kept (per service, per day, per dimension value); nothing here identifies
//! a visitor. The rules are pure so that the web layer, the counters and the tests agree.

/// Seconds Japan is ahead of UTC: days are Japanese calendar days.
const JAPAN_OFFSET: i64 = 9 * 3600;
const DAY: i64 = 86_400;

/// The unix time at which the Japanese calendar day containing `unix` begins.
pub fn day_start(unix: i64) -> i64 {
    unix - (unix + JAPAN_OFFSET).rem_euclid(DAY)
}

/// What one stored count counts (the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A results page (search or category) showed the service.
    Impression,
    /// The service page was served (not to its seller, not to a bot).
    View,
    /// A search word of a results page that showed the service.
    Word,
    /// Where a view came from ([`Source::key`]).
    Source,
    /// A share-kit tag (`?src=x`) of a view.
    Tag,
    /// The referrer's host of a view from another site.
    Host,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Impression,
        Kind::View,
        Kind::Word,
        Kind::Source,
        Kind::Tag,
        Kind::Host,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Impression => "impression",
            Kind::View => "view",
            Kind::Word => "word",
            Kind::Source => "source",
            Kind::Tag => "tag",
            Kind::Host => "host",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a service page's visitor came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// A search results page (`?from=search` on its links).
    Search,
    /// A category page (`?from=category`).
    Category,
    /// A seller's profile page (`?from=profile`).
    Profile,
    /// A link carrying a share-kit tag (`?src=x`, the tag is [`Tag`]).
    Tag(Tag),
    /// Another site: its host only (`example.com`), never the path or query.
    Outside(String),
    /// Another page of this site without a tag (home, favourites, an order).
    Site,
    /// No referrer and no tag: typed, bookmarked, or the referrer was withheld.
    Direct,
}

impl Source {
    /// The value stored under [`Kind::Source`].
    pub fn key(&self) -> &'static str {
        match self {
            Source::Search => "search",
            Source::Category => "category",
            Source::Profile => "profile",
            Source::Tag(_) => "tag",
            Source::Outside(_) => "outside",
            Source::Site => "site",
            Source::Direct => "direct",
        }
    }

    /// Every stored source key, in the order reports list them.
    pub const KEYS: [&'static str; 7] = [
        "search", "category", "profile", "tag", "outside", "site", "direct",
    ];

    /// Classifies a visit from the page's tags and the `Referer` header. A share tag wins
    /// (it names the campaign), then an in-site tag, then the referrer's host: another
    /// site's host is kept (host only; a bare address as [`OTHER`]), and this site's own
    /// host — the one of `base_url`, the configured public address, never a request header
    /// a client chooses — without a tag is [`Source::Site`].
    pub fn classify(
        from: Option<&str>,
        src: Option<&str>,
        referer: Option<&str>,
        base_url: &str,
    ) -> Source {
        if let Some(tag) = src.and_then(Tag::parse) {
            return Source::Tag(tag);
        }
        match from {
            Some("search") => return Source::Search,
            Some("category") => return Source::Category,
            Some("profile") => return Source::Profile,
            _ => {}
        }
        let Some(host) = referer.and_then(url_host) else {
            return Source::Direct;
        };
        if url_host(base_url).is_some_and(|own| own == host) {
            Source::Site
        } else if is_ip_literal(&host) {
            Source::Outside(OTHER.to_owned())
        } else {
            Source::Outside(host)
        }
    }
}

/// A share-kit source tag: 1–32 characters of `a-z`, `0-9`, `-` and `_` (lower-cased), so
/// that no free text (an address, a name) can be stored through it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tag(String);

impl Tag {
    pub const MAX_CHARS: usize = 32;

    pub fn parse(s: &str) -> Option<Tag> {
        let s = s.trim().to_ascii_lowercase();
        let ok = !s.is_empty()
            && s.len() <= Self::MAX_CHARS
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        ok.then_some(Tag(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A tag the code names (the share kit's network keys), checked in debug builds.
    pub(crate) fn known(s: &'static str) -> Tag {
        debug_assert!(
            Tag::parse(s).is_some_and(|t| t.0 == s),
            "{s} is a valid tag"
        );
        Tag(s.to_owned())
    }
}

/// The stored value that stands for values not kept one by one (shown as 「その他」): the
/// values of a service's day beyond [`MAX_VALUES_PER_DAY`], and referrers that name a bare
/// address instead of a host. Never a real value: search words, hosts and tags are not empty.
pub const OTHER: &str = "";

/// Distinct values of one kind (search words, hosts, tags) kept per service and day; more
/// fold into [`OTHER`], so that random searches cannot grow the table without bound.
pub const MAX_VALUES_PER_DAY: i64 = 50;

/// The host of a referrer URL, lower-cased, without port, user info, path or query; `None`
/// for anything that is not an absolute http(s) URL with a plausible host name, and for a
/// bare IP address (it may name one person's machine; the view counts under [`OTHER`]).
pub fn referrer_host(referer: &str) -> Option<String> {
    url_host(referer).filter(|host| !is_ip_literal(host))
}

/// The host part of an absolute http(s) URL, as [`referrer_host`] describes, addresses kept.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        // An IPv6 literal: keep the brackets' content.
        host_port.split(']').next()?.trim_start_matches('[')
    } else {
        host_port.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let plausible = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b':'));
    plausible.then_some(host)
}

/// An IPv4 address (digits and dots only) or an IPv6 one (it has colons).
fn is_ip_literal(host: &str) -> bool {
    host.contains(':') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether a `User-Agent` belongs to a robot rather than a person: search-engine crawlers,
/// link-preview fetchers (chat apps and social sites unfurling a shared link), monitoring
/// and command-line clients, and requests without any user agent.
pub fn is_bot(user_agent: &str) -> bool {
    let ua = user_agent.trim().to_ascii_lowercase();
    if ua.is_empty() {
        return true;
    }
    const MARKS: [&str; 26] = [
        "bot",
        "crawler",
        "crawl",
        "spider",
        "slurp",
        "preview",
        "facebookexternalhit",
        "facebookcatalog",
        "embedly",
        "quora link",
        "outbrain",
        "pinterest",
        "vkshare",
        "w3c_validator",
        "whatsapp",
        "skypeuripreview",
        "lighthouse",
        "curl/",
        "wget/",
        "python-requests",
        "python-urllib",
        "go-http-client",
        "okhttp",
        "java/",
        "libwww",
        "httpclient",
    ];
    MARKS.iter().any(|m| ua.contains(m))
}

/// The reporting windows a seller chooses from (days, ending today).
pub const WINDOWS: [i64; 3] = [7, 30, 90];

/// A window from the page's `days` parameter: 7, 30 or 90; anything else is 30.
pub fn window(days: Option<&str>) -> i64 {
    days.and_then(|d| d.trim().parse::<i64>().ok())
        .filter(|d| WINDOWS.contains(d))
        .unwrap_or(30)
}

/// Orders per view as a percentage with one decimal, ×10 (`25` = 2.5%); `None` without views.
/// Rounded half up in integers.
pub fn conversion_permille(orders: i64, views: i64) -> Option<i64> {
    (views > 0).then(|| (orders.max(0) * 1000 + views / 2) / views)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_begin_at_midnight_in_japan() {
        // 2026-12-07T15:00:00Z is 2026-12-08 00:00 in Japan.
        let midnight_jst = 1_796_655_600;
        assert_eq!(day_start(midnight_jst), midnight_jst);
        assert_eq!(day_start(midnight_jst + 86_399), midnight_jst);
        assert_eq!(day_start(midnight_jst - 1), midnight_jst - DAY);
    }

    #[test]
    fn referrers_keep_the_host_only() {
        assert_eq!(
            referrer_host("https://Www.Example.COM:8443/path/x?q=secret#top").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(
            referrer_host("http://user:pw@blog.example.jp/a").as_deref(),
            Some("blog.example.jp")
        );
        assert_eq!(referrer_host("android-app://com.google"), None);
        assert_eq!(referrer_host(""), None);
        assert_eq!(referrer_host("https:///nohost"), None);
        assert_eq!(referrer_host("http://203.0.113.7/admin"), None);
        assert_eq!(referrer_host("http://[::1]:3000/"), None);
    }

    #[test]
    fn a_visit_is_classified_by_tag_then_from_then_referrer() {
        let c = |from, src, referer| {
            Source::classify(from, src, referer, "https://yorozu.example:8080/")
        };
        assert_eq!(
            c(Some("search"), Some("x"), None),
            Source::Tag(Tag::parse("x").expect("a tag"))
        );
        assert_eq!(c(Some("search"), None, None), Source::Search);
        assert_eq!(c(Some("category"), None, None), Source::Category);
        assert_eq!(c(Some("profile"), None, None), Source::Profile);
        assert_eq!(
            c(None, None, Some("https://t.co/abc?x=1")),
            Source::Outside("t.co".into())
        );
        assert_eq!(
            c(None, None, Some("http://yorozu.example:8080/")),
            Source::Site
        );
        assert_eq!(c(Some("nonsense"), Some("!!"), None), Source::Direct);
        // The own site is the configured address's host, whatever port the link named.
        assert_eq!(
            c(None, None, Some("https://yorozu.example/a")),
            Source::Site
        );
        assert_eq!(
            c(None, None, Some("https://yorozu.example.evil.test/")),
            Source::Outside("yorozu.example.evil.test".into())
        );
        // A bare address is counted as another site, under 「その他」, never stored.
        for address in ["http://192.168.0.12:8080/x", "http://[2001:db8::1]/x"] {
            assert_eq!(
                c(None, None, Some(address)),
                Source::Outside(OTHER.into()),
                "{address}"
            );
        }
    }

    #[test]
    fn tags_hold_no_free_text() {
        assert_eq!(Tag::parse(" X_2026 ").expect("a tag").as_str(), "x_2026");
        assert!(Tag::parse("taro@example.jp").is_none());
        assert!(Tag::parse("").is_none());
        assert!(Tag::parse(&"a".repeat(33)).is_none());
    }

    #[test]
    fn robots_and_empty_agents_are_bots() {
        for ua in [
            "",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "facebookexternalhit/1.1",
            "Slackbot-LinkExpanding 1.0",
            "Twitterbot/1.0",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "curl/8.5.0",
        ] {
            assert!(is_bot(ua), "{ua}");
        }
        assert!(!is_bot(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
        ));
        assert!(!is_bot(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
        ));
    }

    #[test]
    fn windows_and_conversion() {
        assert_eq!(window(Some("7")), 7);
        assert_eq!(window(Some("90")), 90);
        assert_eq!(window(Some("31")), 30);
        assert_eq!(window(None), 30);
        assert_eq!(conversion_permille(1, 40), Some(25));
        assert_eq!(conversion_permille(0, 10), Some(0));
        assert_eq!(conversion_permille(3, 0), None);
    }
}
