//! Secrets: random tokens, their stored hashes, password hashing and signed values.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new random token (256 bits), URL-safe. Only its [`token_hash`] is ever stored.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a high-entropy token, hex. Enough for random tokens (no salt or stretching needed).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with Argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored PHC hash; false for a malformed hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash computed on a dummy password so that a sign-in for an unknown address costs as much
/// time as one for a known address (no account enumeration by timing).
pub fn burn_password_check(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = DUMMY.get_or_init(|| hash_password("dummy-password-for-timing").unwrap_or_default());
    let _ = verify_password(password, hash);
}

/// The server's signing key; signs values that must come back unchanged (unsubscribe links).
#[derive(Clone)]
pub struct Signer {
    key: [u8; 32],
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(***)")
    }
}

impl Signer {
    pub fn new(key: [u8; 32]) -> Signer {
        Signer { key }
    }

    fn mac(&self, purpose: &str, value: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(value.as_bytes());
        mac
    }

    /// `value.signature`, for `purpose` only.
    pub fn sign(&self, purpose: &str, value: &str) -> String {
        let tag = self.mac(purpose, value).finalize().into_bytes();
        format!("{value}.{}", URL_SAFE_NO_PAD.encode(tag))
    }

    /// The value if the signature is right (constant-time comparison).
    pub fn verify<'a>(&self, purpose: &str, signed: &'a str) -> Option<&'a str> {
        let (value, tag) = signed.rsplit_once('.')?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        self.mac(purpose, value).verify_slice(&tag).ok()?;
        Some(value)
    }

    /// Encrypts a short personal value for storage (a bank account number, a holder's name):
    /// XChaCha20-Poly1305 under a key derived from the server key, bound to `purpose`.
    /// Returns `nonce || ciphertext` in URL-safe base64.
    pub fn seal(&self, purpose: &str, plaintext: &str) -> String {
        use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
        let cipher = chacha20poly1305::XChaCha20Poly1305::new(&self.field_key().into());
        let nonce = chacha20poly1305::XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: purpose.as_bytes(),
                },
            )
            .expect(
                "XChaCha20-Poly1305 fails only past 256 GiB of plaintext; these values are short",
            );
        let mut out = nonce.to_vec();
        out.extend(sealed);
        URL_SAFE_NO_PAD.encode(out)
    }

    /// Decrypts a value made by [`Signer::seal`] for the same `purpose`.
    pub fn open(&self, purpose: &str, sealed: &str) -> Option<String> {
        use chacha20poly1305::aead::{Aead, KeyInit, Payload};
        let bytes = URL_SAFE_NO_PAD.decode(sealed).ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let cipher = chacha20poly1305::XChaCha20Poly1305::new(&self.field_key().into());
        let plain = cipher
            .decrypt(
                chacha20poly1305::XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: purpose.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// A 32-byte key for `purpose`, derived from the server key (e.g. the seed of the key that
    /// signs review bundles): the same on every process that shares the server key.
    pub fn derived_key(&self, purpose: &str) -> [u8; 32] {
        self.mac("derived-key", purpose)
            .finalize()
            .into_bytes()
            .into()
    }

    fn field_key(&self) -> [u8; 32] {
        self.mac("field-encryption", "v1")
            .finalize()
            .into_bytes()
            .into()
    }

    /// A keyed hash of an e-mail address: lets us recognise an address (suppression list,
    /// throttling) without storing it.
    pub fn email_hash(&self, email: &str) -> String {
        hex::encode(
            self.mac("email", &email.to_lowercase())
                .finalize()
                .into_bytes(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_round_trip() {
        let hash = hash_password("correct horse").expect("hash");
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn sealed_fields_open_only_for_their_purpose_and_key() {
        let signer = Signer::new([7; 32]);
        let sealed = signer.seal("bank-account-number", "1234567");
        assert!(!sealed.contains("1234567"));
        assert_ne!(
            sealed,
            signer.seal("bank-account-number", "1234567"),
            "fresh nonce"
        );
        assert_eq!(
            signer.open("bank-account-number", &sealed).as_deref(),
            Some("1234567")
        );
        assert_eq!(signer.open("holder", &sealed), None);
        assert_eq!(
            Signer::new([8; 32]).open("bank-account-number", &sealed),
            None
        );
        assert_eq!(signer.open("bank-account-number", "garbage"), None);
    }

    #[test]
    fn signatures_detect_tampering_and_purpose() {
        let signer = Signer::new([7; 32]);
        let signed = signer.sign("unsubscribe", "42:newsletter");
        assert_eq!(signer.verify("unsubscribe", &signed), Some("42:newsletter"));
        assert_eq!(signer.verify("other", &signed), None);
        let tampered = signed.replacen("42", "43", 1);
        assert_eq!(signer.verify("unsubscribe", &tampered), None);
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_eq!(token_hash(&a).len(), 64);
    }
}
