//! What an index folder gives away, read independently of the process that writes it: the
//! terms of every segment's dictionary (removed documents' terms stay there until their
//! segment is rewritten) and the files no commit refers to any more.

use std::collections::BTreeSet;
use std::path::Path;

use tantivy::Index;
use yorozu_app::ports::SearchIndexError;

use crate::fail;
use crate::schema::{REQUEST_TEXT, TEXT};

/// Every text term (of services and requests) in the folder's committed segments, and the names of files that belong
/// to no committed segment (left behind, still readable). For residue checks.
pub fn terms_and_strays(dir: &Path) -> Result<(BTreeSet<String>, Vec<String>), SearchIndexError> {
    let index = Index::open_in_dir(dir).map_err(fail)?;
    let schema = index.schema();
    let fields = [TEXT, REQUEST_TEXT]
        .map(|name| schema.get_field(name))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    let segments = index.searchable_segment_metas().map_err(fail)?;
    let live: BTreeSet<String> = segments.iter().map(|m| m.id().uuid_string()).collect();
    let reader = index.reader().map_err(fail)?;
    let mut terms = BTreeSet::new();
    for segment in reader.searcher().segment_readers() {
        for field in &fields {
            let inverted = segment.inverted_index(*field).map_err(fail)?;
            let mut stream = inverted.terms().stream().map_err(fail)?;
            while stream.advance() {
                terms.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
    }
    let mut strays = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let name = entry
            .map_err(fail)?
            .file_name()
            .to_string_lossy()
            .into_owned();
        let Some((stem, _)) = name.split_once('.') else {
            continue;
        };
        // Segment files are `<uuid>.<part>`; meta.json and the lock files are not.
        if stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit()) && !live.contains(stem) {
            strays.push(name);
        }
    }
    Ok((terms, strays))
}
