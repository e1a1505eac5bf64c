//! The archive of an export, written by the `zip` crate in its streaming mode
//! ([`zip::ZipWriter::new_stream`]): entries are deflated as they are written, sizes and CRCs
//! follow each entry in a data descriptor, so nothing is ever rewound, and the bytes come out
//! in pieces ([`ZipStream::take_output`]) so that an export of any size is built with a
//! bounded amount of memory. Archives or entries past 4 GiB are an error, never a broken file.
//!
//! What is ours is only the hand-over: `ZipWriter` owns the writer it writes to and lends it
//! back only through an `unsafe` accessor, so the bytes go to a buffer this type shares with
//! it and empties whenever the caller stores a part.

use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use zip::write::{SimpleFileOptions, StreamWriter};
use zip::{CompressionMethod, DateTime, ZipWriter};

pub use zip::result::ZipError;

/// The bytes written and not yet taken.
#[derive(Clone, Default)]
struct Output(Arc<Mutex<Vec<u8>>>);

impl Output {
    fn bytes(&self) -> MutexGuard<'_, Vec<u8>> {
        // Nothing can leave the buffer half-written: a poisoned lock is still a good buffer.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An archive being written. Call [`ZipStream::take_output`] whenever convenient to move the
/// bytes written so far out of memory.
pub struct ZipStream {
    zip: ZipWriter<StreamWriter<Output>>,
    out: Output,
    options: SimpleFileOptions,
}

impl std::fmt::Debug for ZipStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZipStream")
            .field("pending", &self.pending())
            .finish_non_exhaustive()
    }
}

/// The time of `unix` in the archive's format (local time is not known here; UTC is used).
fn modified(unix: i64) -> DateTime {
    let t =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let year = u16::try_from(t.year().clamp(1980, 2107)).unwrap_or(1980);
    DateTime::from_date_and_time(
        year,
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    )
    .unwrap_or_default()
}

impl ZipStream {
    /// A new archive whose entries carry `unix`.
    pub fn new(unix: i64) -> ZipStream {
        let out = Output::default();
        ZipStream {
            zip: ZipWriter::new_stream(out.clone()),
            out,
            // Level 1: an export is mostly text, and speed matters more than the last percent.
            options: SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
                .last_modified_time(modified(unix)),
        }
    }

    /// Opens an entry, closing the one before; its content follows through
    /// [`ZipStream::write`].
    pub fn start(&mut self, name: &str) -> Result<(), ZipError> {
        self.zip.start_file(name, self.options)
    }

    /// Appends to the open entry.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), ZipError> {
        Ok(self.zip.write_all(bytes)?)
    }

    /// A whole entry at once.
    pub fn entry(&mut self, name: &str, bytes: &[u8]) -> Result<(), ZipError> {
        self.start(name)?;
        self.write(bytes)
    }

    /// The bytes written since the last call.
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut *self.out.bytes())
    }

    /// Bytes waiting in [`ZipStream::take_output`].
    pub fn pending(&self) -> usize {
        self.out.bytes().len()
    }

    /// Closes the last entry and writes the central directory; returns the last bytes of the
    /// archive.
    pub fn finish(self) -> Result<Vec<u8>, ZipError> {
        self.zip.finish()?;
        Ok(std::mem::take(&mut *self.out.bytes()))
    }
}

/// Writing appends to the open entry (what the CSV writer writes into).
impl Write for ZipStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.zip.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_reads_what_we_write() {
        let mut z = ZipStream::new(1_780_000_000);
        let mut archive = Vec::new();
        z.entry("index.html", "<h1>あなたのデータ</h1>".as_bytes())
            .expect("entry");
        z.start("orders.csv").expect("start");
        for i in 0..5_000 {
            z.write(format!("{i},取引,3000\n").as_bytes())
                .expect("write");
            if z.pending() > 4_096 {
                archive.extend(z.take_output());
            }
        }
        archive.extend(z.take_output());
        archive.extend(z.finish().expect("finish"));
        let dir = std::env::temp_dir().join(format!("yorozu-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("t.zip");
        std::fs::write(&path, &archive).expect("write zip");
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n\
                      print(z.read('index.html').decode())\nprint(len(z.read('orders.csv').decode().splitlines()))";
        let out = std::process::Command::new("python3")
            .args(["-c", script, path.to_str().expect("path")])
            .output()
            .expect("python3 is part of the test machine");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "<h1>あなたのデータ</h1>\n5000\n"
        );
    }
}
