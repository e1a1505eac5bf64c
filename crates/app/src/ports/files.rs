//! The file store port: uploads kept outside the database, encrypted at rest.

use std::path::PathBuf;

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("file not found")]
    NotFound,
    #[error("invalid file key")]
    InvalidKey,
    #[error("file cannot be decrypted (wrong key or damaged)")]
    Corrupt,
    #[error("file store I/O: {0}")]
    Io(#[from] std::io::Error),
}

#[async_trait::async_trait]
pub trait FileStore: Send + Sync + std::fmt::Debug {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), FileError>;
    async fn get(&self, key: &str) -> Result<Vec<u8>, FileError>;
    /// Deleting a missing file succeeds: erasure jobs must be idempotent.
    async fn delete(&self, key: &str) -> Result<(), FileError>;
    /// Every stored key (for residue scans and tests).
    async fn keys(&self) -> Result<Vec<String>, FileError>;
}

/// Files in a directory, each sealed with XChaCha20-Poly1305: `nonce (24 bytes) || ciphertext`.
pub struct EncryptedDirStore {
    root: PathBuf,
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for EncryptedDirStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EncryptedDirStore")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl EncryptedDirStore {
    pub fn new(root: PathBuf, key: &[u8; 32]) -> EncryptedDirStore {
        EncryptedDirStore {
            root,
            cipher: XChaCha20Poly1305::new(Key::from_slice(key)),
        }
    }

    /// Keys are `folder/name` made of `[a-z0-9_-]`; anything else could escape the root.
    fn path(&self, key: &str) -> Result<PathBuf, FileError> {
        let valid = !key.is_empty()
            && key.split('/').count() <= 2
            && key.split('/').all(|part| {
                !part.is_empty()
                    && part.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                    })
            });
        if valid {
            Ok(self.root.join(key))
        } else {
            Err(FileError::InvalidKey)
        }
    }
}

#[async_trait::async_trait]
impl FileStore for EncryptedDirStore {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), FileError> {
        let path = self.path(key)?;
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let mut sealed = nonce.to_vec();
        sealed.extend(
            self.cipher
                .encrypt(&nonce, bytes)
                .map_err(|_| FileError::Corrupt)?,
        );
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        // Write then rename, so a crash never leaves a half-written file under the real name.
        let tmp = path.with_extension("partial");
        tokio::fs::write(&tmp, &sealed).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Vec<u8>, FileError> {
        let sealed = match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FileError::NotFound),
            Err(e) => return Err(e.into()),
        };
        if sealed.len() < 24 {
            return Err(FileError::Corrupt);
        }
        let (nonce, ciphertext) = sealed.split_at(24);
        self.cipher
            .decrypt(XNonce::from_slice(nonce), ciphertext)
            .map_err(|_| FileError::Corrupt)
    }

    async fn delete(&self, key: &str) -> Result<(), FileError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    async fn keys(&self) -> Result<Vec<String>, FileError> {
        let mut keys = vec![];
        let mut folders = match tokio::fs::read_dir(&self.root).await {
            Ok(dir) => dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(keys),
            Err(e) => return Err(e.into()),
        };
        while let Some(folder) = folders.next_entry().await? {
            if !folder.file_type().await?.is_dir() {
                continue;
            }
            let mut files = tokio::fs::read_dir(folder.path()).await?;
            while let Some(file) = files.next_entry().await? {
                keys.push(format!(
                    "{}/{}",
                    folder.file_name().to_string_lossy(),
                    file.file_name().to_string_lossy()
                ));
            }
        }
        keys.sort();
        Ok(keys)
    }
}
