//! Building an archive (the `export.build` job): every section as JSON (`data/`) and CSV
//! (`csv/`, UTF-8 with a BOM so that Excel opens it as Japanese text), a readable `index.html`,
//! the stored files (avatar, service images, talk-room files), the signed bundle of reviews
//! received (`reviews/`) and the JSON Schema of the data (`schema/`). Rows are read page by
//! page and the archive is written in encrypted parts of [`PART_BYTES`], so memory stays flat
//! however large the account is.

use sha2::{Digest, Sha512};
use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::export::ArchiveStatus;
use yorozu_i18n::Tr;
use yorozu_store::accounts::users;
use yorozu_store::export::archives::{self, ArchiveRow};
use yorozu_store::export::sections::{self as store, Cell};
use yorozu_store::export::tables::{
    ALL, ATTACHMENTS, CONSULTATION_ATTACHMENTS, ORDER_IDS, REVIEWS_RECEIVED, SERVICE_IMAGES,
    Section, Source,
};
use yorozu_store::profiles;

use std::io::Write as _;

use super::stage::{self, Stage};
use super::zip::{ZipError, ZipStream};
use super::{PART_BYTES, VALID_DAYS, part_key, schema, signed};
use crate::mail::compose::{compose, locale_of};
use crate::mail::{MailCategory, outbox};
use crate::{App, AppError, AppResult};

/// Rows per page read.
const PAGE: i64 = 2_000;

/// Rows written to the archive between two yields to the runtime: deflating and encrypting is
/// CPU work that runs on the same threads as members' requests, so the export gives them the
/// threads back often (a few milliseconds of work at a time) instead of once per page.
const ROWS_PER_SLICE: usize = 100;

/// Lets other tasks run after every [`ROWS_PER_SLICE`] rows (`written` counts rows so far).
async fn breathe(written: usize) {
    if written.is_multiple_of(ROWS_PER_SLICE) {
        tokio::task::yield_now().await;
    }
}

impl From<ZipError> for AppError {
    fn from(e: ZipError) -> AppError {
        AppError::Internal(format!("archive: {e}"))
    }
}

impl From<csv::Error> for AppError {
    fn from(e: csv::Error) -> AppError {
        AppError::Internal(format!("csv: {e}"))
    }
}

/// The archive under construction and where its parts go.
struct Sink<'a> {
    app: &'a App,
    export_id: i64,
    zip: ZipStream,
    /// Parts written so far; owned by [`run`], which deletes them if the build fails.
    parts: &'a mut i64,
    size: i64,
    progress: i64,
}

impl Sink<'_> {
    async fn flush(&mut self, force: bool) -> AppResult<()> {
        if self.zip.pending() == 0 || (!force && self.zip.pending() < PART_BYTES) {
            return Ok(());
        }
        let bytes = self.zip.take_output();
        self.store(bytes).await
    }

    /// Counts a part, then stores it: whatever happens, every part written is counted (here
    /// and in the row), so that a failed or abandoned build deletes them all.
    async fn store(&mut self, bytes: Vec<u8>) -> AppResult<()> {
        *self.parts += 1;
        self.report(self.progress).await?;
        self.app
            .files
            .put(&part_key(self.export_id, *self.parts - 1), &bytes)
            .await?;
        self.size += i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        Ok(())
    }

    /// Records the progress, which also keeps the claim on the build fresh. Stops the build
    /// when the archive is no longer wanted (the member withdrew meanwhile).
    async fn report(&mut self, progress: i64) -> AppResult<()> {
        self.progress = progress.min(99);
        let mut tx = self.app.db.begin_background().await?;
        let building = archives::progress(
            &mut tx,
            self.export_id,
            self.progress,
            *self.parts,
            self.app.now(),
        )
        .await?;
        tx.commit().await?;
        if !building {
            return Err(AppError::Conflict("export-not-available"));
        }
        Ok(())
    }
}

fn kinds(section: &Section) -> Vec<store::Kind> {
    section.columns.iter().map(|(_, k)| *k).collect()
}

/// The rows of a section, page by page (keyset pagination over each of its queries).
struct Pager {
    member: UserId,
    section: &'static Section,
    kinds: Vec<store::Kind>,
    /// The query being read, and the key of the last row read from it.
    query: usize,
    after: (i64, i64),
}

impl Pager {
    fn new(member: UserId, section: &'static Section) -> Pager {
        Pager {
            member,
            section,
            kinds: kinds(section),
            query: 0,
            after: (i64::MIN, i64::MIN),
        }
    }

    /// The next page of rows (possibly empty), `None` once every query was read. The
    /// connection is given back before the rows are written.
    async fn next(&mut self, app: &App) -> AppResult<Option<Vec<Vec<Cell>>>> {
        let queries: &[&'static str] = match &self.section.source {
            Source::Pages(queries) => queries,
            Source::OfOrders { .. } => &ORDER_IDS,
        };
        let Some(sql) = queries.get(self.query).copied() else {
            return Ok(None);
        };
        let mut c = app.db.read().await?;
        let (rows, keys) = match &self.section.source {
            Source::Pages(_) => {
                let rows =
                    store::page(&mut c, sql, &self.kinds, self.member, self.after, PAGE).await?;
                if let Some(last) = rows.last() {
                    self.after = (last[0].as_i64(), last[1].as_i64());
                }
                let n = rows.len();
                (rows, n)
            }
            Source::OfOrders { head, tail } => {
                let id_kinds = [store::Kind::Int, store::Kind::Int];
                let orders =
                    store::page(&mut c, sql, &id_kinds, self.member, self.after, PAGE).await?;
                if let Some(last) = orders.last() {
                    self.after = (last[0].as_i64(), last[1].as_i64());
                }
                let ids: Vec<i64> = orders.iter().map(|r| r[1].as_i64()).collect();
                let rows =
                    store::children(&mut c, head, tail, &self.kinds, self.member, &ids).await?;
                (rows, ids.len())
            }
        };
        drop(c);
        if i64::try_from(keys).unwrap_or(0) < PAGE {
            self.query += 1;
            self.after = (i64::MIN, i64::MIN);
        }
        Ok(Some(rows))
    }
}

/// Calls `row` for every row of `section`, page by page, flushing the archive between pages.
async fn each_row(
    sink: &mut Sink<'_>,
    member: UserId,
    section: &'static Section,
    row: &mut (dyn FnMut(&mut ZipStream, Vec<Cell>) -> AppResult<()> + Send),
) -> AppResult<()> {
    let mut pager = Pager::new(member, section);
    while let Some(rows) = pager.next(sink.app).await? {
        for (i, cells) in rows.into_iter().enumerate() {
            row(&mut sink.zip, cells)?;
            breathe(i + 1).await;
        }
        sink.flush(false).await?;
        tokio::task::yield_now().await;
    }
    Ok(())
}

/// Where a stored file goes in the archive, from a row of a section with a `file` column.
fn archive_path(section: &Section, cells: &[Cell]) -> Option<String> {
    let text = |i: usize| match cells.get(i) {
        Some(Cell::Text(t)) => t.clone(),
        _ => String::new(),
    };
    if section.name == SERVICE_IMAGES.name {
        Some(format!(
            "files/services/{}-{}.jpg",
            cells[0].as_i64(),
            cells[1].as_i64()
        ))
    } else if section.name == ATTACHMENTS.name {
        Some(format!(
            "files/messages/{}-{}-{}",
            cells[0].as_i64(),
            cells[1].as_i64(),
            safe_file_name(&text(4))
        ))
    } else if section.name == CONSULTATION_ATTACHMENTS.name {
        Some(format!(
            "files/consultations/{}-{}-{}",
            cells[2].as_i64(),
            cells[1].as_i64(),
            safe_file_name(&text(5))
        ))
    } else {
        None
    }
}

/// A file name as a path part: letters, digits, `.`, `-` and `_`; anything else becomes `_`.
fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The index of the `file` column of a section, if it has one.
fn file_column(section: &Section) -> Option<usize> {
    section.columns.iter().position(|(name, _)| *name == "file")
}

/// A row as shown: the stored key of a file is replaced by its path in the archive.
fn shown(section: &Section, mut cells: Vec<Cell>) -> Vec<Cell> {
    if let (Some(i), Some(path)) = (file_column(section), archive_path(section, &cells)) {
        cells[i] = Cell::Text(path);
    }
    cells
}

/// A JSON value for `column`: ids are 63-bit numbers, which JavaScript and spreadsheets round,
/// so they are written as decimal strings, as in the JSON API.
fn json_value(column: &str, cell: &Cell) -> serde_json::Value {
    match cell {
        Cell::Int(n) if super::schema::is_id(column) => serde_json::Value::from(n.to_string()),
        Cell::Int(n) => serde_json::Value::from(*n),
        Cell::Text(t) => serde_json::Value::from(t.as_str()),
        Cell::Bool(b) => serde_json::Value::from(*b),
        Cell::Null => serde_json::Value::Null,
    }
}

/// A cell as CSV text before quoting. Text another member wrote could start like a
/// spreadsheet formula (`=HYPERLINK(…)`): such a cell is prefixed with `'` so that Excel shows
/// it as text. No CSV crate does this (it is about spreadsheets, not the format); the quoting
/// is the `csv` crate's.
fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
        other => plain(other),
    }
}

/// Writes `fields` as one CSV line (quoted where needed, CRLF as Excel expects) to `out`.
fn csv_line<I, T>(out: impl std::io::Write, fields: I) -> AppResult<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(4096)
        .from_writer(out);
    writer.write_record(fields)?;
    writer.flush().map_err(csv::Error::from)?;
    Ok(())
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A row as a JSON object.
fn json_row(section: &Section, cells: &[Cell]) -> AppResult<Vec<u8>> {
    let object: serde_json::Map<String, serde_json::Value> = section
        .columns
        .iter()
        .zip(cells)
        .map(|((name, _), cell)| ((*name).to_owned(), json_value(name, cell)))
        .collect();
    Ok(serde_json::to_vec(&object)?)
}

/// A row of the section's table in `index.html`.
fn html_row(file_col: Option<usize>, cells: &[Cell]) -> String {
    let mut tr_html = String::from("<tr>");
    for (i, cell) in cells.iter().enumerate() {
        let text = html_escape(&plain(cell));
        if Some(i) == file_col {
            tr_html.push_str(&format!("<td><a href=\"{text}\">{text}</a></td>"));
        } else {
            tr_html.push_str(&format!("<td>{text}</td>"));
        }
    }
    tr_html.push_str("</tr>\n");
    tr_html
}

/// The section's table in `index.html`, up to its first row.
fn html_table_head(tr: &Tr, section: &Section) -> String {
    let mut table = format!(
        "<section id=\"{n}\"><h2>{t}</h2><table><thead><tr>",
        n = section.name,
        t = html_escape(&tr.t(&format!("export-section-{}", section.name)))
    );
    for (column, _) in section.columns {
        table.push_str(&format!("<th scope=\"col\">{column}</th>"));
    }
    table.push_str("</tr></thead><tbody>\n");
    table
}

/// Copies `stage` into the archive's current entry.
async fn unstage(sink: &mut Sink<'_>, stage: &mut Stage) -> AppResult<()> {
    while let Some(piece) = stage.next_piece(sink.app.files.as_ref()).await? {
        sink.zip.write(&piece)?;
        sink.flush(false).await?;
        tokio::task::yield_now().await;
    }
    Ok(())
}

/// Reads `section` once and writes it in every format: `data/NAME.json` into the archive,
/// `csv/NAME.csv` staged and copied in right after, and its table staged in `html` for
/// `index.html`.
async fn write_section(
    sink: &mut Sink<'_>,
    member: UserId,
    tr: &Tr,
    section: &'static Section,
    html: &mut Stage,
) -> AppResult<()> {
    let mut csv = Stage::new(sink.export_id, "csv");
    // A byte order mark first, so that Excel reads the file as UTF-8.
    csv.write_all("\u{FEFF}".as_bytes())
        .map_err(csv::Error::from)?;
    csv_line(&mut csv, section.columns.iter().map(|(n, _)| *n))?;
    html.write_all(html_table_head(tr, section).as_bytes())
        .map_err(csv::Error::from)?;
    let file_col = file_column(section);

    sink.zip.start(&format!("data/{}.json", section.name))?;
    sink.zip.write(b"[")?;
    let mut first = true;
    let mut pager = Pager::new(member, section);
    while let Some(rows) = pager.next(sink.app).await? {
        for (i, cells) in rows.into_iter().enumerate() {
            let cells = shown(section, cells);
            sink.zip.write(if first { b"\n" } else { b",\n" })?;
            first = false;
            sink.zip.write(&json_row(section, &cells)?)?;
            csv_line(&mut csv, cells.iter().map(csv_text))?;
            html.write_all(html_row(file_col, &cells).as_bytes())
                .map_err(csv::Error::from)?;
            breathe(i + 1).await;
        }
        sink.flush(false).await?;
        csv.spill(sink.app.files.as_ref()).await?;
        html.spill(sink.app.files.as_ref()).await?;
        tokio::task::yield_now().await;
    }
    sink.zip.write(b"\n]\n")?;

    sink.zip.start(&format!("csv/{}.csv", section.name))?;
    unstage(sink, &mut csv).await?;
    html.write_all(b"</tbody></table></section>\n")
        .map_err(csv::Error::from)?;
    html.spill(sink.app.files.as_ref()).await?;
    Ok(())
}

/// `index.html`: its head, then the tables staged by [`write_section`].
async fn write_html(
    sink: &mut Sink<'_>,
    tr: &Tr,
    locale: Locale,
    name: &str,
    tables: &mut Stage,
) -> AppResult<()> {
    sink.zip.start("index.html")?;
    let lang = locale.tag();
    let head = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font-family:sans-serif;margin:1rem;line-height:1.5}}\
         table{{border-collapse:collapse;margin-bottom:2rem;font-size:.85rem}}\
         th,td{{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top;text-align:left}}\
         caption{{text-align:left;font-weight:bold}}</style></head><body>\n\
         <h1>{title}</h1>\n<p>{lead}</p>\n<p>{files}</p>\n<p>{signed}</p>\n<nav><ul>",
        title = html_escape(&tr.ta("export-index-title", [("name", name.into())])),
        lead = html_escape(&tr.t("export-index-lead")),
        files = html_escape(&tr.t("export-index-files")),
        signed = html_escape(&tr.t("export-index-signed")),
    );
    sink.zip.write(head.as_bytes())?;
    for section in ALL {
        sink.zip.write(
            format!(
                "<li><a href=\"#{n}\">{t}</a> (<a href=\"data/{n}.json\">JSON</a>, <a href=\"csv/{n}.csv\">CSV</a>)</li>",
                n = section.name,
                t = html_escape(&tr.t(&format!("export-section-{}", section.name)))
            )
            .as_bytes(),
        )?;
    }
    sink.zip.write(b"</ul></nav>\n")?;
    unstage(sink, tables).await?;
    sink.zip.write(b"</body></html>\n")?;
    Ok(())
}

/// A cell as text (HTML, the signed bundle, and CSV before its quoting).
fn plain(cell: &Cell) -> String {
    match cell {
        Cell::Int(n) => n.to_string(),
        Cell::Text(t) => t.clone(),
        Cell::Bool(b) => b.to_string(),
        Cell::Null => String::new(),
    }
}

/// Copies the stored files of a section (service images, talk-room files) into the archive.
async fn copy_files(
    sink: &mut Sink<'_>,
    member: UserId,
    section: &'static Section,
) -> AppResult<()> {
    let Some(col) = file_column(section) else {
        return Ok(());
    };
    let mut pending: Vec<(String, String)> = Vec::new();
    each_row(sink, member, section, &mut |_, cells| {
        if let (Some(Cell::Text(key)), Some(path)) = (cells.get(col), archive_path(section, &cells))
        {
            pending.push((path, key.clone()));
        }
        Ok(())
    })
    .await?;
    // Keys are small; the files themselves are read and written one at a time.
    for (path, key) in pending {
        let bytes = match sink.app.files.get(&key).await {
            Ok(bytes) => bytes,
            Err(crate::ports::FileError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        // In slices, so that a large file does not make a large part.
        sink.zip.start(&path)?;
        for slice in bytes.chunks(PART_BYTES / 4) {
            sink.zip.write(slice)?;
            sink.flush(false).await?;
        }
    }
    Ok(())
}

/// The reviews received as a signed bundle: `reviews/reviews.json` and its signature.
async fn write_signed_reviews(
    sink: &mut Sink<'_>,
    member: UserId,
    name: &str,
    since: i64,
) -> AppResult<()> {
    let mut hash = Sha512::new();
    let emit = |zip: &mut ZipStream, hash: &mut Sha512, bytes: &[u8]| -> AppResult<()> {
        hash.update(bytes);
        zip.write(bytes)?;
        Ok(())
    };
    sink.zip.start("reviews/reviews.json")?;
    let who = serde_json::json!({"display_name": name, "member_since": since});
    let open = format!(
        "{{\"format\":{},\"site\":{},\"issued_at\":{},\"member\":{who},\"reviews\":[",
        serde_json::Value::from(signed::FORMAT),
        serde_json::Value::from(sink.app.site.base_url.as_str()),
        sink.app.now(),
    );
    emit(&mut sink.zip, &mut hash, open.as_bytes())?;
    let mut first = true;
    each_row(sink, member, &REVIEWS_RECEIVED, &mut |zip, cells| {
        let review = serde_json::json!({
            "order_id": cells[2].as_i64().to_string(),
            "service_title": plain(&cells[3]),
            "from": if plain(&cells[4]) == "buyer" { "buyer" } else { "seller" },
            "rating": cells[5].as_i64(),
            "comment": plain(&cells[6]),
            "by": plain(&cells[8]),
            "written_at": cells[0].as_i64(),
        });
        let bytes = serde_json::to_vec(&review)?;
        emit(zip, &mut hash, if first { b"\n" } else { b",\n" })?;
        first = false;
        emit(zip, &mut hash, &bytes)
    })
    .await?;
    emit(&mut sink.zip, &mut hash, b"\n]}\n")?;
    let signature = signed::sign(&sink.app.signer, hash);
    sink.zip.entry(
        "reviews/reviews.json.sig",
        serde_json::to_string_pretty(&signature)?.as_bytes(),
    )?;
    // How to check the bundle, in Japanese and English whatever the member's language: the
    // file is meant to be shown to others.
    let key = signed::public_key_document(&sink.app.signer);
    let readme: Vec<String> = [Locale::Ja, Locale::En]
        .into_iter()
        .map(|locale| {
            Tr::new(locale).ta(
                "export-reviews-readme",
                [
                    ("site", sink.app.site.base_url.as_str().into()),
                    ("format", signed::FORMAT.into()),
                    ("id", key.key_id.as_str().into()),
                    ("url", sink.app.url(signed::PUBLIC_KEY_PATH).into()),
                    ("key", key.public_key.as_str().into()),
                ],
            )
        })
        .collect();
    sink.zip.entry(
        "reviews/README.txt",
        format!("{}\n", readme.join("\n\n")).as_bytes(),
    )?;
    Ok(())
}

/// Builds export `id`; a finished or unknown export is left alone. A build that fails is
/// marked `failed` at once and its parts deleted: the member sees it and may ask again (a
/// failed archive does not count against the one a day).
pub async fn run(app: &App, id: i64) -> AppResult<()> {
    let row = {
        let mut c = app.db.read().await?;
        archives::find(&mut c, id).await?
    };
    let Some(row) = row else {
        return Ok(());
    };
    // Take the build (a crashed builder's too, once it went silent); another live builder
    // keeps it.
    let now = app.now();
    let mut tx = app.db.begin_background().await?;
    let claimed = archives::claim(&mut tx, id, now, now - archives::STALE_SECONDS).await?;
    tx.commit().await?;
    if !claimed {
        return Ok(());
    }
    // A build interrupted half-way starts again from the first part.
    for part in 0..row.parts {
        app.files.delete(&part_key(id, part)).await?;
    }
    if row.status == ArchiveStatus::Building {
        stage::discard(app.files.as_ref(), id).await?;
    }
    let mut parts = 0;
    if let Err(e) = build(app, &row, &mut parts).await {
        tracing::warn!(export = id, error = %e, "data export failed");
        for part in 0..parts {
            app.files.delete(&part_key(id, part)).await?;
        }
        stage::discard(app.files.as_ref(), id).await?;
        let mut tx = app.db.begin_background().await?;
        let still_building = archives::find(&mut tx, id)
            .await?
            .is_some_and(|r| r.status == ArchiveStatus::Building);
        if still_building {
            archives::mark(&mut tx, id, ArchiveStatus::Failed, app.now()).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

async fn build(app: &App, row: &ArchiveRow, parts: &mut i64) -> AppResult<()> {
    let id = row.id;
    let member = row.user_id;
    let (user, profile) = {
        let mut c = app.db.read().await?;
        (
            users::find(&mut c, member).await?,
            profiles::find(&mut c, member).await?,
        )
    };
    let Some(user) = user.filter(|u| u.status == AccountStatus::Active) else {
        let mut tx = app.db.begin_background().await?;
        archives::mark(&mut tx, id, ArchiveStatus::Failed, app.now()).await?;
        tx.commit().await?;
        return Ok(());
    };
    let locale = locale_of(&user.locale);
    let name = profile
        .as_ref()
        .map(|p| p.display_name.clone())
        .unwrap_or_default();

    let mut sink = Sink {
        app,
        export_id: id,
        zip: ZipStream::new(app.now()),
        parts,
        size: 0,
        progress: 0,
    };
    let steps = i64::try_from(ALL.len() * 2 + 4).unwrap_or(1);
    let mut done = 0;
    let tr = Tr::new(locale);
    let mut tables = Stage::new(id, "html");
    for section in ALL {
        write_section(&mut sink, member, &tr, section, &mut tables).await?;
        done += 2;
        sink.report(done * 100 / steps).await?;
    }
    write_html(&mut sink, &tr, locale, &name, &mut tables).await?;
    done += 1;
    sink.report(done * 100 / steps).await?;
    if let Some(key) = profile.as_ref().and_then(|p| p.avatar_key.clone())
        && let Ok(bytes) = app.files.get(&key).await
    {
        sink.zip.entry("files/avatar.jpg", &bytes)?;
    }
    copy_files(&mut sink, member, &SERVICE_IMAGES).await?;
    copy_files(&mut sink, member, &ATTACHMENTS).await?;
    copy_files(&mut sink, member, &CONSULTATION_ATTACHMENTS).await?;
    done += 1;
    sink.report(done * 100 / steps).await?;
    write_signed_reviews(&mut sink, member, &name, user.created_at).await?;
    sink.zip.entry(
        "schema/export.schema.json",
        serde_json::to_string_pretty(&schema::document())?.as_bytes(),
    )?;
    done += 1;
    sink.report(done * 100 / steps).await?;
    sink.flush(true).await?;
    let tail = std::mem::replace(&mut sink.zip, ZipStream::new(0)).finish()?;
    sink.store(tail).await?;

    let now = app.now();
    let mut tx = app.db.begin_background().await?;
    let ready = archives::mark_ready(
        &mut tx,
        id,
        *sink.parts,
        sink.size,
        now + VALID_DAYS * 86_400,
        now,
    )
    .await?;
    if ready && let Some(email) = user.email {
        let mail = compose(
            locale,
            "export-ready",
            &email,
            Some(member),
            &[
                ("url", app.url(super::PAGE_PATH).into()),
                ("days", VALID_DAYS.into()),
            ],
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cell` as written in a line of CSV (followed by an empty cell, so that an empty `cell`
    /// is not a line of its own, which the CSV format writes as `""`).
    fn csv_field(cell: &Cell) -> String {
        let mut out = Vec::new();
        csv_line(&mut out, [csv_text(cell), String::new()]).expect("csv");
        let line = String::from_utf8(out).expect("utf-8");
        line.strip_suffix(",\r\n").expect("two cells").to_owned()
    }

    #[test]
    fn csv_cells_are_quoted_and_cannot_become_formulas() {
        assert_eq!(
            csv_field(&Cell::Text("ロゴ, 名刺".into())),
            "\"ロゴ, 名刺\""
        );
        assert_eq!(csv_field(&Cell::Text("a \"b\"".into())), "\"a \"\"b\"\"\"");
        assert_eq!(
            csv_field(&Cell::Text("=HYPERLINK(\"https://evil\")".into())),
            "\"'=HYPERLINK(\"\"https://evil\"\")\""
        );
        assert_eq!(csv_field(&Cell::Text("@SUM(A1)".into())), "'@SUM(A1)");
        assert_eq!(csv_field(&Cell::Int(-2_340)), "-2340");
        assert_eq!(csv_field(&Cell::Null), "");
    }
}
