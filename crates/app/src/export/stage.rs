//! Staged entries of an archive. A zip stream writes one entry at a time, but every section is
//! read from the database only once, for its JSON, CSV and HTML at the same time: the JSON goes
//! straight into the archive, while the CSV (copied in right after the JSON) and the HTML
//! tables (copied into `index.html` after the last section) wait here. They wait in the file
//! store, in chunks of [`PART_BYTES`], so that memory stays flat and the member's data stays
//! encrypted at rest like everything else the platform stores about them.

use super::PART_BYTES;
use crate::AppResult;
use crate::ports::FileStore;

/// Where the chunks of the stages of archive `id` are kept: outside `exports/{id}-…` (the
/// archive's own parts).
fn prefix(id: i64) -> String {
    format!("exports/stage-{id}-")
}

/// An entry's bytes written ahead of their turn.
pub struct Stage {
    key: String,
    buffer: Vec<u8>,
    /// Chunks stored so far.
    chunks: i64,
    /// Chunks handed over so far.
    drained: i64,
    /// Bytes kept in memory before they are stored as a chunk.
    chunk_bytes: usize,
}

impl Stage {
    /// A new stage of archive `id`; `name` (`[a-z]+`) tells it from the archive's other stages.
    pub fn new(id: i64, name: &str) -> Stage {
        Stage {
            key: format!("{}{name}", prefix(id)),
            buffer: Vec::new(),
            chunks: 0,
            drained: 0,
            chunk_bytes: PART_BYTES,
        }
    }

    fn chunk_key(&self, n: i64) -> String {
        format!("{}-{n}", self.key)
    }

    /// Stores what was written once a chunk is full (call between pages).
    pub async fn spill(&mut self, files: &dyn FileStore) -> AppResult<()> {
        if self.buffer.len() < self.chunk_bytes {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buffer);
        files.put(&self.chunk_key(self.chunks), &bytes).await?;
        self.chunks += 1;
        Ok(())
    }

    /// The staged bytes in order, one piece per call (at most [`PART_BYTES`] plus what was
    /// written since the last spill), each stored chunk deleted once handed over; `None` when
    /// all were, and the stage is then empty and can be written again.
    pub async fn next_piece(&mut self, files: &dyn FileStore) -> AppResult<Option<Vec<u8>>> {
        if self.drained < self.chunks {
            let key = self.chunk_key(self.drained);
            let bytes = files.get(&key).await?;
            files.delete(&key).await?;
            self.drained += 1;
            return Ok(Some(bytes));
        }
        self.chunks = 0;
        self.drained = 0;
        if self.buffer.is_empty() {
            return Ok(None);
        }
        Ok(Some(std::mem::take(&mut self.buffer)))
    }
}

impl std::io::Write for Stage {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Deletes whatever stages of archive `id` a failed or crashed build left behind.
pub async fn discard(files: &dyn FileStore, id: i64) -> AppResult<()> {
    let prefix = prefix(id);
    for key in files.keys().await? {
        if key.starts_with(&prefix) {
            files.delete(&key).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::EncryptedDirStore;
    use std::io::Write;

    #[tokio::test]
    async fn staged_bytes_come_back_in_order_and_leave_nothing_behind() {
        let root = std::env::temp_dir().join(format!("yorozu-stage-{}", std::process::id()));
        let files = EncryptedDirStore::new(root.clone(), &[7; 32]);
        let mut stage = Stage::new(42, "csv");
        stage.chunk_bytes = 10;
        let mut written = Vec::new();
        for i in 0..50 {
            let line = format!("行{i},");
            stage.write_all(line.as_bytes()).expect("write");
            written.extend_from_slice(line.as_bytes());
            stage.spill(&files).await.expect("spill");
        }
        assert!(stage.chunks > 1, "several chunks were stored");
        let mut read = Vec::new();
        while let Some(piece) = stage.next_piece(&files).await.expect("piece") {
            read.extend(piece);
        }
        assert_eq!(read, written);
        assert!(files.keys().await.expect("keys").is_empty());
        // Empty again, it can be written anew; a failed build's chunks are discarded.
        stage.write_all(&[1; 25]).expect("write");
        stage.spill(&files).await.expect("spill");
        assert_eq!(files.keys().await.expect("keys").len(), 1);
        discard(&files, 41).await.expect("discard");
        assert_eq!(files.keys().await.expect("keys").len(), 1);
        discard(&files, 42).await.expect("discard");
        assert!(files.keys().await.expect("keys").is_empty());
        let _ = std::fs::remove_dir_all(root);
    }
}
