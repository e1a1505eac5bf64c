//! Checking and normalising uploaded images: the type is read from the bytes (never trusted
//! from the file name or the browser), decoding is bounded, and the output is re-encoded so
//! nothing but pixels survives (no metadata, no embedded payloads).

use image::{ImageFormat, ImageReader, Limits};

use crate::{AppError, AppResult, FieldError};

/// The formats we accept from members.
const ACCEPTED: [ImageFormat; 4] = [
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::WebP,
    ImageFormat::Gif,
];

/// Validates type and size, then returns the decoded image.
pub fn decode(
    field: &'static str,
    bytes: &[u8],
    max_bytes: usize,
) -> AppResult<image::DynamicImage> {
    if bytes.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            field,
            "upload-empty",
        )]));
    }
    if bytes.len() > max_bytes {
        return Err(AppError::Invalid(vec![
            FieldError::new(field, "upload-too-large").with("max_mb", max_bytes / (1024 * 1024)),
        ]));
    }
    let format = image::guess_format(bytes)
        .ok()
        .filter(|f| ACCEPTED.contains(f));
    let Some(format) = format else {
        return Err(AppError::Invalid(vec![FieldError::new(
            field,
            "upload-not-image",
        )]));
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(8000);
    limits.max_image_height = Some(8000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|_| AppError::Invalid(vec![FieldError::new(field, "upload-not-image")]))
}

/// Encodes as JPEG (quality 85), dropping any alpha channel onto white.
pub fn to_jpeg(img: &image::DynamicImage) -> AppResult<Vec<u8>> {
    let rgb = img.to_rgb8();
    let mut out = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&rgb)
        .map_err(|e| AppError::Internal(format!("jpeg encode: {e}")))?;
    Ok(out.into_inner())
}
