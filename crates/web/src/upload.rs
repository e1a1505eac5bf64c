//! Reading multipart upload forms: one file field plus any text fields.
//!
//! The request body is already size-limited by the router. A body cut off by that limit is
//! reported as a file that is too large; a missing, empty or unreadable file as no file at all,
//! always on the file's field so the form can show the message beside it.

use std::collections::HashMap;
use yorozu_app::orders::talk::Upload;

use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::http::StatusCode;
use yorozu_app::{AppError, FieldError};

/// Bytes in a mebibyte, for the size limits shown next to upload fields.
pub const MIB: usize = 1024 * 1024;

/// The fields of an upload form.
#[derive(Debug)]
pub struct UploadForm {
    texts: HashMap<String, String>,
    /// The file's bytes, or the field error to show.
    pub file: Result<Vec<u8>, AppError>,
}

impl UploadForm {
    /// A text field's value ("" when absent), kept even when the file failed.
    pub fn text(&self, name: &str) -> String {
        self.texts.get(name).cloned().unwrap_or_default()
    }
}

/// Reads every field; `file_field` is the file, `max_bytes` the limit named in the message.
pub async fn read(
    multipart: Result<Multipart, MultipartRejection>,
    file_field: &'static str,
    max_bytes: usize,
) -> UploadForm {
    let empty = || AppError::invalid(file_field, "upload-empty");
    let mut form = UploadForm {
        texts: HashMap::new(),
        file: Err(empty()),
    };
    let Ok(mut multipart) = multipart else {
        return form;
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return form,
            Err(e) => {
                form.file = Err(unreadable(&e, file_field, max_bytes));
                return form;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            form.file = match field.bytes().await {
                Ok(bytes) if bytes.is_empty() => Err(empty()),
                Ok(bytes) => Ok(bytes.to_vec()),
                Err(e) => Err(unreadable(&e, file_field, max_bytes)),
            };
        } else {
            match field.text().await {
                Ok(text) => {
                    form.texts.insert(name, text);
                }
                Err(e) => {
                    form.file = Err(unreadable(&e, file_field, max_bytes));
                    return form;
                }
            }
        }
    }
}

fn unreadable(e: &MultipartError, file_field: &'static str, max_bytes: usize) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Invalid(vec![
            FieldError::new(file_field, "upload-too-large").with("max_mb", max_bytes / MIB),
        ])
    } else {
        AppError::invalid(file_field, "upload-empty")
    }
}

/// The fields of a form with any number of files under one name (talk-room messages and
/// deliveries).
#[derive(Debug)]
pub struct FilesForm {
    texts: HashMap<String, String>,
    /// The files (none is fine), or the field error to show.
    pub files: Result<Vec<Upload>, AppError>,
}

impl FilesForm {
    /// A text field's value ("" when absent), kept even when a file failed.
    pub fn text(&self, name: &str) -> String {
        self.texts.get(name).cloned().unwrap_or_default()
    }
}

/// Reads every field; every part named `files_field` is a file. Browsers send an empty part
/// when no file was chosen: empty parts without a name are skipped, so no file is not an error.
/// A body cut off by the size limit is reported on `files_field` as `too_large_code` (with
/// `max_mb`), since the image message of [`read`] would not fit other files.
pub async fn read_files(
    multipart: Result<Multipart, MultipartRejection>,
    files_field: &'static str,
    max_bytes: usize,
    too_large_code: &'static str,
) -> FilesForm {
    let unreadable = |e: &MultipartError, field: &'static str, max: usize| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::Invalid(vec![
                FieldError::new(field, too_large_code).with("max_mb", max / MIB),
            ])
        } else {
            AppError::invalid(field, "upload-empty")
        }
    };
    let mut form = FilesForm {
        texts: HashMap::new(),
        files: Ok(Vec::new()),
    };
    let Ok(mut multipart) = multipart else {
        form.files = Err(AppError::invalid(files_field, "upload-empty"));
        return form;
    };
    let mut files = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                form.files = Err(unreadable(&e, files_field, max_bytes));
                return form;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == files_field {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let content_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            match field.bytes().await {
                Ok(bytes) if bytes.is_empty() && file_name.is_empty() => {}
                Ok(bytes) => files.push(Upload {
                    file_name,
                    content_type,
                    bytes: bytes.to_vec(),
                }),
                Err(e) => {
                    form.files = Err(unreadable(&e, files_field, max_bytes));
                    return form;
                }
            }
        } else {
            match field.text().await {
                Ok(text) => {
                    form.texts.insert(name, text);
                }
                Err(e) => {
                    form.files = Err(unreadable(&e, files_field, max_bytes));
                    return form;
                }
            }
        }
    }
    form.files = Ok(files);
    form
}
