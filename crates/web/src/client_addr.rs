//! The client's address, as throttles and the session list need it.
//!
//! Behind reverse proxies the TCP peer is the nearest proxy, and `X-Forwarded-For` lists the
//! hops: whatever the client sent first, then one address appended by each proxy. Only the
//! entries our own proxies appended can be believed, so with `trusted_hops` proxies the
//! client is the entry `trusted_hops` from the right; everything left of it may be forged.

use std::net::IpAddr;

use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use yorozu_app::accounts::Client;

use crate::state::WebConfig;

/// Who is asking: the address by [`client_addr`] and the user agent.
pub fn client_of(parts: &Parts, web: &WebConfig) -> Client {
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    Client {
        ip: client_addr(peer, &parts.headers, web.forwarded_hops()),
        user_agent: parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned(),
    }
}

/// The client's address: the peer itself when no proxy is trusted (`trusted_hops == 0`),
/// else the right-most `X-Forwarded-For` hop not added by one of the `trusted_hops` proxies.
/// Falls back to the peer when the header is missing or that hop is not an address, and to
/// `"unknown"` when there is no peer either (tests without a socket).
pub fn client_addr(peer: Option<IpAddr>, headers: &HeaderMap, trusted_hops: usize) -> String {
    let peer_text = || peer.map_or_else(|| "unknown".to_owned(), |p| p.to_string());
    if trusted_hops == 0 {
        return peer_text();
    }
    // Several headers count as one list, in order (RFC 9110 §5.3).
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    if hops.is_empty() {
        return peer_text();
    }
    // Fewer hops than proxies: every entry was added by one of ours; the left-most is nearest
    // the client.
    let index = hops.len().saturating_sub(trusted_hops);
    hops.get(index)
        .and_then(|h| parse_hop(h))
        .map_or_else(peer_text, |ip| ip.to_string())
}

/// An address as proxies write it: bare, or with a port (`1.2.3.4:5678`, `[::1]:5678`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(sock) = hop.parse::<std::net::SocketAddr>() {
        return Some(sock.ip());
    }
    hop.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .and_then(|h| h.parse().ok())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    const PEER: &str = "10.0.0.2";

    fn peer() -> Option<IpAddr> {
        PEER.parse().ok()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).expect("header"));
        }
        h
    }

    #[test]
    fn a_spoofed_first_hop_is_ignored_behind_one_proxy() {
        // The client sent "1.1.1.1"; our proxy appended the address it saw.
        let h = forwarded(&["1.1.1.1, 203.0.113.7"]);
        assert_eq!(client_addr(peer(), &h, 1), "203.0.113.7");
        // Rotating the forged part does not change the key the throttle sees.
        let h = forwarded(&["9.9.9.9, 8.8.8.8, 203.0.113.7"]);
        assert_eq!(client_addr(peer(), &h, 1), "203.0.113.7");
    }

    #[test]
    fn with_two_proxies_the_hop_before_them_is_the_client() {
        let h = forwarded(&["1.1.1.1, 203.0.113.7, 10.0.0.9"]);
        assert_eq!(client_addr(peer(), &h, 2), "203.0.113.7");
        // The same list split over two headers.
        let h = forwarded(&["1.1.1.1", "203.0.113.7, 10.0.0.9"]);
        assert_eq!(client_addr(peer(), &h, 2), "203.0.113.7");
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let h = forwarded(&["1.1.1.1"]);
        assert_eq!(client_addr(peer(), &h, 0), PEER);
        assert_eq!(client_addr(None, &h, 0), "unknown");
    }

    #[test]
    fn a_missing_or_unreadable_header_falls_back_to_the_peer() {
        assert_eq!(client_addr(peer(), &HeaderMap::new(), 1), PEER);
        let h = forwarded(&["1.1.1.1, not-an-address"]);
        assert_eq!(client_addr(peer(), &h, 1), PEER);
    }

    #[test]
    fn fewer_hops_than_proxies_takes_the_left_most_and_ports_are_dropped() {
        let h = forwarded(&["203.0.113.7:4711"]);
        assert_eq!(client_addr(peer(), &h, 2), "203.0.113.7");
        let h = forwarded(&["[2001:db8::1]:4711"]);
        assert_eq!(client_addr(peer(), &h, 1), "2001:db8::1");
        let h = forwarded(&["2001:db8::1"]);
        assert_eq!(client_addr(peer(), &h, 1), "2001:db8::1");
    }
}
