//! Staged entries of an archive. A zip stream writes one entry at a time, but every section is
//! read from the database only once, for its JSON, CSV and HTML at the same time: the JSON goes
//! straight into the archive, while the CSV (copied in right after the JSON) and the HTML
//! tables (copied into `index.html` after the last section) wait here. They wait in the file
//! store, in chunks of [`PART_BYTES`], so that memory stays flat and the member's data stays
//! encrypted at rest like everything else the platform stores about them.

use super::PART_BYTES;
use crate::{App, AppResult};

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
}

impl Stage {
    /// A new stage of archive `id`; `name` (`[a-z]+`) tells it from the archive's other stages.
    pub fn new(id: i64, name: &str) -> Stage {
        Stage {
            key: format!("{}{name}", prefix(id)),
            buffer: Vec::new(),
            chunks: 0,
            drained: 0,
        }
    }

    fn chunk_key(&self, n: i64) -> String {
        format!("{}-{n}", self.key)
    }

    /// Stores what was written once a chunk is full (call between pages).
    pub async fn spill(&mut self, app: &App) -> AppResult<()> {
        if self.buffer.len() < PART_BYTES {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buffer);
        app.files.put(&self.chunk_key(self.chunks), &bytes).await?;
        self.chunks += 1;
        Ok(())
    }

    /// The staged bytes in order, one piece per call (at most [`PART_BYTES`] plus what was
    /// written since the last spill), each stored chunk deleted once handed over; `None` when
    /// all were, and the stage is then empty and can be written again.
    pub async fn next_piece(&mut self, app: &App) -> AppResult<Option<Vec<u8>>> {
        if self.drained < self.chunks {
            let key = self.chunk_key(self.drained);
            let bytes = app.files.get(&key).await?;
            app.files.delete(&key).await?;
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
pub async fn discard(app: &App, id: i64) -> AppResult<()> {
    let prefix = prefix(id);
    for key in app.files.keys().await? {
        if key.starts_with(&prefix) {
            app.files.delete(&key).await?;
        }
    }
    Ok(())
}
