//! Signed review bundles: the reviews a member received, as a JSON file with a detached
//! Ed25519ph signature (RFC 8032, SHA-512 pre-hash, context `yorozu-reviews/1`), so that a
//! member can prove their track record anywhere — also after leaving. The platform's public
//! key is served at [`PUBLIC_KEY_PATH`]; `yorozu verify-reviews` checks a bundle.
//! The pre-hash lets both sides stream a bundle of any size.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256, Sha512};

use crate::crypto::Signer;

/// The bundle format and signature context.
pub const FORMAT: &str = "yorozu-reviews/1";
/// Where the public key is served.
pub const PUBLIC_KEY_PATH: &str = "/.well-known/yorozu-reviews-key.json";

/// The platform's review-signing key, derived from the server key.
pub fn signing_key(signer: &Signer) -> SigningKey {
    SigningKey::from_bytes(&signer.derived_key("review-bundle-ed25519"))
}

/// A short name for a public key: the first 16 hex digits of its SHA-256.
pub fn key_id(key: &VerifyingKey) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

/// The public key document served at [`PUBLIC_KEY_PATH`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicKeyDocument {
    pub format: String,
    pub algorithm: String,
    pub key_id: String,
    /// The 32-byte key in standard base64.
    pub public_key: String,
}

pub fn public_key_document(signer: &Signer) -> PublicKeyDocument {
    let key = signing_key(signer).verifying_key();
    PublicKeyDocument {
        format: FORMAT.into(),
        algorithm: "Ed25519ph".into(),
        key_id: key_id(&key),
        public_key: STANDARD.encode(key.as_bytes()),
    }
}

/// The detached signature file (`reviews.json.sig`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignatureFile {
    pub format: String,
    pub algorithm: String,
    pub key_id: String,
    pub signature: String,
}

/// Signs the SHA-512 state of a bundle's bytes.
pub fn sign(signer: &Signer, hashed: Sha512) -> SignatureFile {
    let key = signing_key(signer);
    let signature = key
        .sign_prehashed(hashed, Some(FORMAT.as_bytes()))
        .expect("the context (FORMAT) is shorter than the 255 bytes Ed25519ph allows");
    SignatureFile {
        format: FORMAT.into(),
        algorithm: "Ed25519ph".into(),
        key_id: key_id(&key.verifying_key()),
        signature: STANDARD.encode(signature.to_bytes()),
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the public key is not a base64 Ed25519 key")]
    BadKey,
    #[error("the signature file is not a yorozu-reviews/1 signature")]
    BadSignatureFile,
    #[error("the bundle was signed with another key ({0})")]
    OtherKey(String),
    #[error("the signature does not match the bundle: it was changed after signing")]
    Mismatch,
}

/// Checks a bundle whose bytes were fed into `hashed` against its signature file and the
/// platform's public key (base64).
pub fn verify(hashed: Sha512, signature: &str, public_key: &str) -> Result<(), VerifyError> {
    let key_bytes: [u8; 32] = STANDARD
        .decode(public_key.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(VerifyError::BadKey)?;
    let key = VerifyingKey::from_bytes(&key_bytes).map_err(|_| VerifyError::BadKey)?;
    let file: SignatureFile =
        serde_json::from_str(signature).map_err(|_| VerifyError::BadSignatureFile)?;
    if file.format != FORMAT || file.algorithm != "Ed25519ph" {
        return Err(VerifyError::BadSignatureFile);
    }
    if file.key_id != key_id(&key) {
        return Err(VerifyError::OtherKey(file.key_id));
    }
    let bytes: [u8; 64] = STANDARD
        .decode(&file.signature)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or(VerifyError::BadSignatureFile)?;
    key.verify_prehashed(
        hashed,
        Some(FORMAT.as_bytes()),
        &Signature::from_bytes(&bytes),
    )
    .map_err(|_| VerifyError::Mismatch)
}

/// Convenience for whole byte strings.
pub fn verify_bytes(bundle: &[u8], signature: &str, public_key: &str) -> Result<(), VerifyError> {
    verify(Sha512::new_with_prefix(bundle), signature, public_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untouched_bundle_verifies_and_a_tampered_one_does_not() {
        let signer = Signer::new([7; 32]);
        let bundle = r#"{"format":"yorozu-reviews/1","reviews":[{"rating":5,"comment":"とても丁寧でした"}]}"#;
        let sig =
            serde_json::to_string(&sign(&signer, Sha512::new_with_prefix(bundle))).expect("json");
        let key = public_key_document(&signer).public_key;
        assert_eq!(verify_bytes(bundle.as_bytes(), &sig, &key), Ok(()));
        let tampered = bundle.replace("\"rating\":5", "\"rating\":4");
        assert_eq!(
            verify_bytes(tampered.as_bytes(), &sig, &key),
            Err(VerifyError::Mismatch)
        );
        let other = public_key_document(&Signer::new([8; 32])).public_key;
        assert!(matches!(
            verify_bytes(bundle.as_bytes(), &sig, &other),
            Err(VerifyError::OtherKey(_))
        ));
        assert_eq!(
            verify_bytes(bundle.as_bytes(), "{}", &key),
            Err(VerifyError::BadSignatureFile)
        );
        assert_eq!(
            verify_bytes(bundle.as_bytes(), &sig, "not base64"),
            Err(VerifyError::BadKey)
        );
    }
}
