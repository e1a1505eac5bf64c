//! The share kit (シェア): where a seller posts a link to their service, the source tag each
//! network's link carries (`?src=x`, counted by analytics as [`crate::analytics::Source::Tag`]),
//! and the networks' own share links. Pure, so that the page, the JSON API, the public
//! service page and the tests build the same URLs.

use crate::ListingId;
use crate::analytics::Tag;

/// A place a seller posts their service's link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Network {
    X,
    Facebook,
    Line,
    Instagram,
    Newsletter,
}

impl Network {
    /// Every network, in the order the share page lists them.
    pub const ALL: [Network; 5] = [
        Network::X,
        Network::Facebook,
        Network::Line,
        Network::Instagram,
        Network::Newsletter,
    ];

    /// The stable key: the source tag of the network's link, the API's field value and the
    /// suffix of its message ids.
    pub fn key(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Line => "line",
            Network::Instagram => "instagram",
            Network::Newsletter => "newsletter",
        }
    }

    /// The tag the network's link carries (`?src=` + [`Network::key`]).
    pub fn tag(self) -> Tag {
        tag(self.key())
    }

    /// The network's own "share this" address for a text and the tagged URL, where it has
    /// one: X's post intent (the text, and the URL unless the text has it), Facebook's sharer and LINE's share
    /// plug-in take the URL. Instagram has no web share link (a post is made in the app,
    /// from the copied text and the downloaded image); a newsletter is written elsewhere.
    pub fn share_link(self, text: &str, tagged_url: &str) -> Option<String> {
        let enc = encode_component;
        match self {
            // The URL goes in once: in the text when the text has it, else as `url`.
            Network::X if text.contains(tagged_url) => {
                Some(format!("https://x.com/intent/post?text={}", enc(text)))
            }
            Network::X => Some(format!(
                "https://x.com/intent/post?text={}&url={}",
                enc(text),
                enc(tagged_url)
            )),
            Network::Facebook => Some(format!(
                "https://www.facebook.com/sharer/sharer.php?u={}",
                enc(tagged_url)
            )),
            Network::Line => Some(format!(
                "https://social-plugins.line.me/lineit/share?url={}",
                enc(tagged_url)
            )),
            Network::Instagram | Network::Newsletter => None,
        }
    }
}

/// The tag of the QR code's URL (a printed flyer, a shop's counter).
pub const QR_TAG: &str = "qr";

/// A tag from one of this module's constants (lower-case ASCII letters, valid tags).
fn tag(key: &'static str) -> Tag {
    Tag::known(key)
}

/// Percent-encodes a URL query component: everything but RFC 3986's unreserved characters
/// (`A–Z a–z 0–9 - _ . ~`) as `%XX` of its UTF-8 bytes.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The QR code's tag.
pub fn qr_tag() -> Tag {
    tag(QR_TAG)
}

/// The public service page's path.
pub fn service_path(id: ListingId) -> String {
    format!("/services/{id}")
}

/// The service page's absolute URL (`base_url` without a trailing slash: the configured
/// public address, never a request's `Host`) with a source tag.
pub fn tagged_url(base_url: &str, id: ListingId, tag: &Tag) -> String {
    format!("{base_url}{}?src={}", service_path(id), tag.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::Source;

    #[test]
    fn every_network_tag_is_counted_by_analytics_as_that_tag() {
        for network in Network::ALL.into_iter() {
            let url = tagged_url("https://yorozu.example", ListingId::new(42), &network.tag());
            assert_eq!(
                url,
                format!("https://yorozu.example/services/42?src={}", network.key())
            );
            let src = url.split_once("?src=").map(|(_, t)| t);
            assert_eq!(
                Source::classify(None, src, None, "https://yorozu.example"),
                Source::Tag(network.tag())
            );
        }
        assert_eq!(qr_tag().as_str(), "qr");
    }

    #[test]
    fn share_links_carry_the_tagged_url_encoded() {
        let url = "https://yorozu.example/services/42?src=x";
        let x = Network::X
            .share_link(&format!("ロゴ {url}"), url)
            .expect("X has an intent");
        assert!(x.starts_with("https://x.com/intent/post?text="));
        assert!(x.contains("https%3A%2F%2Fyorozu.example%2Fservices%2F42%3Fsrc%3Dx"));
        let line = Network::Line
            .share_link("", "https://yorozu.example/services/42?src=line")
            .expect("LINE has a plug-in");
        assert_eq!(
            line,
            "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fyorozu.example%2Fservices%2F42%3Fsrc%3Dline"
        );
        assert!(!x.contains("&url="), "the URL is in the text once");
        assert_eq!(
            Network::X.share_link("ロゴ", url).as_deref(),
            Some(
                "https://x.com/intent/post?text=%E3%83%AD%E3%82%B4&url=https%3A%2F%2Fyorozu.example%2Fservices%2F42%3Fsrc%3Dx"
            )
        );
        assert!(Network::Facebook.share_link("", url).is_some());
        assert_eq!(encode_component("ロ a&b=~"), "%E3%83%AD%20a%26b%3D~");
        assert!(Network::Instagram.share_link("", url).is_none());
        assert!(Network::Newsletter.share_link("", url).is_none());
    }
}
