//! What a personal access token may do and for how long.

use std::fmt;

/// What a token may do: `read` allows only safe requests (GET and HEAD), `full` everything a
/// signed-in member can do through the API (except creating tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    Read,
    #[default]
    Full,
}

impl TokenScope {
    pub fn parse(s: &str) -> Option<TokenScope> {
        match s {
            "read" => Some(TokenScope::Read),
            "full" => Some(TokenScope::Full),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Full => "full",
        }
    }

    /// Whether a request with this HTTP method is allowed (`method` in upper case).
    pub fn allows_method(self, method: &str) -> bool {
        match self {
            TokenScope::Full => true,
            TokenScope::Read => matches!(method, "GET" | "HEAD"),
        }
    }
}

impl fmt::Display for TokenScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long a token lives, in days, from creation or its latest renewal: one of
/// [`TokenLifetime::CHOICES`], [`TokenLifetime::DEFAULT`] unless chosen otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLifetime(i64);

impl TokenLifetime {
    pub const CHOICES: [i64; 3] = [30, 90, 365];
    pub const DEFAULT: TokenLifetime = TokenLifetime(90);

    pub fn parse_days(days: i64) -> Option<TokenLifetime> {
        Self::CHOICES.contains(&days).then_some(TokenLifetime(days))
    }

    pub fn days(self) -> i64 {
        self.0
    }

    pub fn seconds(self) -> i64 {
        self.0 * 86_400
    }
}

impl Default for TokenLifetime {
    fn default() -> TokenLifetime {
        TokenLifetime::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_token_allows_only_safe_methods() {
        for m in ["GET", "HEAD"] {
            assert!(TokenScope::Read.allows_method(m), "{m}");
        }
        for m in ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"] {
            assert!(!TokenScope::Read.allows_method(m), "{m}");
            assert!(TokenScope::Full.allows_method(m), "{m}");
        }
    }

    #[test]
    fn scopes_and_lifetimes_parse_only_known_values() {
        assert_eq!(TokenScope::parse("read"), Some(TokenScope::Read));
        assert_eq!(TokenScope::parse("full"), Some(TokenScope::Full));
        assert_eq!(TokenScope::parse("admin"), None);
        assert_eq!(TokenLifetime::parse_days(90), Some(TokenLifetime::DEFAULT));
        assert_eq!(TokenLifetime::parse_days(0), None);
        assert_eq!(TokenLifetime::parse_days(10_000), None);
    }
}
