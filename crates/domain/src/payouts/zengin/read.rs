//! Reading a 総合振込 file back into its fields: for the tests (of this module, and of the
//! payout batches that write files), behind the `testing` feature because nothing in the
//! product reads a transfer file.

use super::*;

/// The header record as read back. Text fields have their padding removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedHeader {
    /// 種別コード (`21`).
    pub kind_code: String,
    /// コード区分 (`0`).
    pub code_division: String,
    pub requester_code: String,
    pub requester_name: String,
    pub transfer_date: (u8, u8),
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    pub account_type: u8,
    pub account_number: String,
}

/// A data record as read back. Text fields have their padding removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTransfer {
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    /// 手形交換所番号 (blank in files this module writes).
    pub clearing_house: String,
    pub account_type: u8,
    pub account_number: String,
    pub recipient_name: String,
    pub amount: Yen,
    /// 新規コード.
    pub new_code: String,
    pub customer_code1: String,
    pub customer_code2: String,
    /// 振込指定区分.
    pub transfer_kind: String,
    /// 識別表示.
    pub edi_flag: String,
}

/// The trailer record as read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedTrailer {
    pub count: u64,
    pub total: Yen,
}

/// A 総合振込 file as read back by [`read`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub header: ParsedHeader,
    pub transfers: Vec<ParsedTransfer>,
    pub trailer: ParsedTrailer,
}

/// Reads a 総合振込 file: records of [`RECORD_BYTES`] bytes, each optionally followed by
/// CRLF (banks accept both), an optional EOF byte (0x1A) at the end. Checks the record order
/// (header, data, trailer, end), the numeric fields, blank filler, and that the trailer's
/// count and total match the data records.
pub fn read(bytes: &[u8]) -> Result<ParsedFile, ZenginError> {
    let records = split_records(bytes)?;
    let mut records = records.into_iter().enumerate().map(|(i, r)| (i + 1, r));

    let (number, first) = records.next().ok_or(ZenginError::Malformed {
        record: 1,
        reason: "the file is empty",
    })?;
    let header = read_header(RecordReader::new(number, first))?;

    let mut transfers = Vec::new();
    let (trailer_number, trailer_record) = loop {
        let (number, record) = records.next().ok_or(ZenginError::Malformed {
            record: transfers.len() + 2,
            reason: "the trailer record is missing",
        })?;
        match record.first() {
            Some(b'2') => transfers.push(read_data(RecordReader::new(number, record))?),
            Some(b'8') => break (number, record),
            _ => {
                return Err(ZenginError::Malformed {
                    record: number,
                    reason: "expected a data or trailer record",
                });
            }
        }
    };
    let trailer = read_trailer(RecordReader::new(trailer_number, trailer_record))?;

    let (end_number, end_record) = records.next().ok_or(ZenginError::Malformed {
        record: trailer_number + 1,
        reason: "the end record is missing",
    })?;
    read_end(RecordReader::new(end_number, end_record))?;
    if let Some((number, _)) = records.next() {
        return Err(ZenginError::Malformed {
            record: number,
            reason: "records after the end record",
        });
    }

    let total = transfers
        .iter()
        .try_fold(Yen::ZERO, |sum, t| sum.checked_add(t.amount));
    if u64::try_from(transfers.len()).ok() != Some(trailer.count) || total != Some(trailer.total) {
        return Err(ZenginError::Malformed {
            record: trailer_number,
            reason: "the trailer's count or total does not match the data records",
        });
    }
    Ok(ParsedFile {
        header,
        transfers,
        trailer,
    })
}

fn split_records(bytes: &[u8]) -> Result<Vec<&[u8]>, ZenginError> {
    let mut records = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() && rest != [0x1A] {
        if rest.len() < RECORD_BYTES {
            return Err(ZenginError::Malformed {
                record: records.len() + 1,
                reason: "a record is shorter than 120 bytes",
            });
        }
        let (record, tail) = rest.split_at(RECORD_BYTES);
        if record.contains(&b'\r') || record.contains(&b'\n') {
            return Err(ZenginError::Malformed {
                record: records.len() + 1,
                reason: "a record is not 120 bytes long",
            });
        }
        records.push(record);
        rest = tail.strip_prefix(b"\r\n").unwrap_or(tail);
    }
    Ok(records)
}

fn read_header(mut r: RecordReader<'_>) -> Result<ParsedHeader, ZenginError> {
    r.expect("1", "expected the header record")?;
    let kind_code = r.digits(2)?;
    if kind_code != KIND_GENERAL_TRANSFER {
        return Err(r.malformed("not a 総合振込 file (種別コード is not 21)"));
    }
    let code_division = r.digits(1)?;
    let requester_code = r.digits(10)?;
    let requester_name = r.text(40)?;
    let month = r.number(2)?;
    let day = r.number(2)?;
    let transfer_date = u8::try_from(month)
        .ok()
        .zip(u8::try_from(day).ok())
        .filter(|(m, d)| is_valid_month_day(*m, *d))
        .ok_or_else(|| r.malformed("the transfer date is not a valid MMDD"))?;
    let header = ParsedHeader {
        kind_code,
        code_division,
        requester_code,
        requester_name,
        transfer_date,
        bank_code: r.digits(4)?,
        bank_name: r.text(15)?,
        branch_code: r.digits(3)?,
        branch_name: r.text(15)?,
        account_type: r.account_type()?,
        account_number: r.digits(7)?,
    };
    r.blank(17)?;
    Ok(header)
}

fn read_data(mut r: RecordReader<'_>) -> Result<ParsedTransfer, ZenginError> {
    r.expect("2", "expected a data record")?;
    let transfer = ParsedTransfer {
        bank_code: r.digits(4)?,
        bank_name: r.text(15)?,
        branch_code: r.digits(3)?,
        branch_name: r.text(15)?,
        clearing_house: r.text(4)?,
        account_type: r.account_type()?,
        account_number: r.digits(7)?,
        recipient_name: r.text(30)?,
        amount: r.amount(10)?,
        new_code: r.digits(1)?,
        customer_code1: r.text(10)?,
        customer_code2: r.text(10)?,
        transfer_kind: r.text(1)?,
        edi_flag: r.text(1)?,
    };
    r.blank(7)?;
    Ok(transfer)
}

fn read_trailer(mut r: RecordReader<'_>) -> Result<ParsedTrailer, ZenginError> {
    r.expect("8", "expected the trailer record")?;
    let count = r.number(6)?;
    let total = r.amount(12)?;
    r.blank(101)?;
    Ok(ParsedTrailer { count, total })
}

fn read_end(mut r: RecordReader<'_>) -> Result<(), ZenginError> {
    r.expect("9", "expected the end record")?;
    r.blank(119)
}

/// Reads the fields of one record in order.
struct RecordReader<'a> {
    record: usize,
    rest: &'a [u8],
}

impl<'a> RecordReader<'a> {
    fn new(record: usize, bytes: &'a [u8]) -> Self {
        Self {
            record,
            rest: bytes,
        }
    }

    fn malformed(&self, reason: &'static str) -> ZenginError {
        ZenginError::Malformed {
            record: self.record,
            reason,
        }
    }

    fn take(&mut self, width: usize) -> Result<&'a [u8], ZenginError> {
        if self.rest.len() < width {
            return Err(self.malformed("a record is shorter than its fields"));
        }
        let (field, rest) = self.rest.split_at(width);
        self.rest = rest;
        Ok(field)
    }

    fn expect(&mut self, value: &str, reason: &'static str) -> Result<(), ZenginError> {
        if self.take(value.len())? == value.as_bytes() {
            Ok(())
        } else {
            Err(self.malformed(reason))
        }
    }

    /// An `N` field, as its digits.
    fn digits(&mut self, width: usize) -> Result<String, ZenginError> {
        let field = self.take(width)?;
        if !field.iter().all(u8::is_ascii_digit) {
            return Err(self.malformed("a numeric field holds something else than digits"));
        }
        Ok(field.iter().copied().map(char::from).collect())
    }

    fn number(&mut self, width: usize) -> Result<u64, ZenginError> {
        let digits = self.digits(width)?;
        digits
            .parse()
            .map_err(|_| self.malformed("a numeric field is out of range"))
    }

    fn amount(&mut self, width: usize) -> Result<Yen, ZenginError> {
        let n = self.number(width)?;
        i64::try_from(n)
            .map(Yen::new)
            .map_err(|_| self.malformed("an amount is out of range"))
    }

    fn account_type(&mut self) -> Result<u8, ZenginError> {
        let code = self.number(1)?;
        u8::try_from(code)
            .ok()
            .filter(|c| AccountType::from_zengin_code(*c).is_some())
            .ok_or_else(|| self.malformed("unknown 預金種目"))
    }

    /// A `C` field, without its trailing padding.
    fn text(&mut self, width: usize) -> Result<String, ZenginError> {
        let field = self.take(width)?;
        let text: Option<String> = field.iter().copied().map(decode).collect();
        let text = text.ok_or_else(|| self.malformed("a byte outside Shift_JIS half-width"))?;
        Ok(text.trim_end_matches(' ').to_owned())
    }

    /// Filler that must be spaces.
    fn blank(&mut self, width: usize) -> Result<(), ZenginError> {
        if self.take(width)?.iter().all(|b| *b == b' ') {
            Ok(())
        } else {
            Err(self.malformed("filler is not blank"))
        }
    }
}

/// The character of a single-byte Shift_JIS code: printable ASCII or half-width katakana.
pub(super) fn decode(byte: u8) -> Option<char> {
    match byte {
        0x20..=0x7E => Some(char::from(byte)),
        0xA1..=0xDF => char::from_u32(0xFF61 + u32::from(byte - 0xA1)),
        _ => None,
    }
}
