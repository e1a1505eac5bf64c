//! A streaming ZIP writer: entries are deflated as they are written and the archive comes out
//! in pieces ([`ZipStream::take_output`]), so that an export of any size is built with a
//! bounded amount of memory. Sizes and CRCs follow each entry in a data descriptor, so nothing
//! is ever rewritten. Limits of the classic format: archives and entries under 4 GiB, at most
//! 65,535 entries (an export hits neither; exceeding them is an error, never a broken file).

use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    #[error("archive too large for the ZIP format")]
    TooLarge,
    #[error("an entry is already open")]
    EntryOpen,
    #[error("no entry is open")]
    NoEntry,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

struct Central {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
    time: u16,
    date: u16,
}

struct Open {
    name: String,
    encoder: DeflateEncoder<Vec<u8>>,
    crc: crc32fast::Hasher,
    size: u64,
    compressed: u64,
    offset: u64,
}

/// An archive being written. Call [`ZipStream::take_output`] whenever convenient to move the
/// bytes written so far out of memory.
pub struct ZipStream {
    out: Vec<u8>,
    written: u64,
    entries: Vec<Central>,
    open: Option<Open>,
    time: u16,
    date: u16,
}

impl std::fmt::Debug for ZipStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZipStream")
            .field("written", &self.written)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// Flags: bit 3 (sizes in a data descriptor) and bit 11 (UTF-8 names).
const FLAGS: u16 = 0x0808;
const DEFLATE: u16 = 8;
const VERSION: u16 = 20;

fn u32_of(n: u64) -> Result<u32, ZipError> {
    u32::try_from(n).map_err(|_| ZipError::TooLarge)
}

impl ZipStream {
    /// A new archive whose entries carry `unix` (local time is not known here; UTC is used).
    pub fn new(unix: i64) -> ZipStream {
        let t = time::OffsetDateTime::from_unix_timestamp(unix)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        let year = u16::try_from(t.year().clamp(1980, 2107) - 1980).unwrap_or(0);
        ZipStream {
            out: Vec::new(),
            written: 0,
            entries: Vec::new(),
            open: None,
            time: (u16::from(t.hour()) << 11)
                | (u16::from(t.minute()) << 5)
                | (u16::from(t.second()) / 2),
            date: (year << 9) | (u16::from(u8::from(t.month())) << 5) | u16::from(t.day()),
        }
    }

    fn emit(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        self.written += bytes.len() as u64;
    }

    /// Opens an entry; its content follows through [`ZipStream::write`].
    pub fn start(&mut self, name: &str) -> Result<(), ZipError> {
        if self.open.is_some() {
            return Err(ZipError::EntryOpen);
        }
        if self.entries.len() >= usize::from(u16::MAX) {
            return Err(ZipError::TooLarge);
        }
        let offset = self.written;
        let mut h = Vec::with_capacity(30 + name.len());
        h.extend(0x0403_4b50u32.to_le_bytes());
        h.extend(VERSION.to_le_bytes());
        h.extend(FLAGS.to_le_bytes());
        h.extend(DEFLATE.to_le_bytes());
        h.extend(self.time.to_le_bytes());
        h.extend(self.date.to_le_bytes());
        h.extend([0u8; 12]); // CRC and sizes: in the data descriptor
        h.extend(
            u16::try_from(name.len())
                .map_err(|_| ZipError::TooLarge)?
                .to_le_bytes(),
        );
        h.extend(0u16.to_le_bytes());
        h.extend(name.as_bytes());
        self.emit(&h);
        self.open = Some(Open {
            name: name.to_owned(),
            encoder: DeflateEncoder::new(Vec::new(), Compression::fast()),
            crc: crc32fast::Hasher::new(),
            size: 0,
            compressed: 0,
            offset,
        });
        Ok(())
    }

    /// Appends to the open entry.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), ZipError> {
        let open = self.open.as_mut().ok_or(ZipError::NoEntry)?;
        open.crc.update(bytes);
        open.size += bytes.len() as u64;
        open.encoder.write_all(bytes)?;
        let produced = std::mem::take(open.encoder.get_mut());
        open.compressed += produced.len() as u64;
        self.emit(&produced);
        Ok(())
    }

    /// Closes the open entry with its data descriptor.
    pub fn finish_entry(&mut self) -> Result<(), ZipError> {
        let open = self.open.take().ok_or(ZipError::NoEntry)?;
        let rest = open.encoder.finish()?;
        let compressed = open.compressed + rest.len() as u64;
        self.emit(&rest);
        let crc = open.crc.finalize();
        let central = Central {
            name: open.name,
            crc,
            compressed: u32_of(compressed)?,
            size: u32_of(open.size)?,
            offset: u32_of(open.offset)?,
            time: self.time,
            date: self.date,
        };
        let mut d = Vec::with_capacity(16);
        d.extend(0x0807_4b50u32.to_le_bytes());
        d.extend(central.crc.to_le_bytes());
        d.extend(central.compressed.to_le_bytes());
        d.extend(central.size.to_le_bytes());
        self.emit(&d);
        self.entries.push(central);
        Ok(())
    }

    /// A whole entry at once.
    pub fn entry(&mut self, name: &str, bytes: &[u8]) -> Result<(), ZipError> {
        self.start(name)?;
        self.write(bytes)?;
        self.finish_entry()
    }

    /// The bytes written since the last call.
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// Bytes waiting in [`ZipStream::take_output`].
    pub fn pending(&self) -> usize {
        self.out.len()
    }

    /// Writes the central directory; returns the last bytes of the archive.
    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        if self.open.is_some() {
            self.finish_entry()?;
        }
        let start = self.written;
        let entries = std::mem::take(&mut self.entries);
        for e in &entries {
            let mut c = Vec::with_capacity(46 + e.name.len());
            c.extend(0x0201_4b50u32.to_le_bytes());
            c.extend(VERSION.to_le_bytes());
            c.extend(VERSION.to_le_bytes());
            c.extend(FLAGS.to_le_bytes());
            c.extend(DEFLATE.to_le_bytes());
            c.extend(e.time.to_le_bytes());
            c.extend(e.date.to_le_bytes());
            c.extend(e.crc.to_le_bytes());
            c.extend(e.compressed.to_le_bytes());
            c.extend(e.size.to_le_bytes());
            c.extend(
                u16::try_from(e.name.len())
                    .map_err(|_| ZipError::TooLarge)?
                    .to_le_bytes(),
            );
            c.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
            c.extend(e.offset.to_le_bytes());
            c.extend(e.name.as_bytes());
            self.emit(&c);
        }
        let size = u32_of(self.written - start)?;
        let count = u16::try_from(entries.len()).map_err(|_| ZipError::TooLarge)?;
        let mut end = Vec::with_capacity(22);
        end.extend(0x0605_4b50u32.to_le_bytes());
        end.extend([0u8; 4]);
        end.extend(count.to_le_bytes());
        end.extend(count.to_le_bytes());
        end.extend(size.to_le_bytes());
        end.extend(u32_of(start)?.to_le_bytes());
        end.extend(0u16.to_le_bytes());
        self.emit(&end);
        Ok(self.take_output())
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
        z.finish_entry().expect("finish entry");
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
