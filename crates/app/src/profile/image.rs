//! Checking and normalising uploaded images: the type is read from the bytes (never trusted
//! from the file name or the browser), decoding is bounded, and the output is re-encoded so
//! nothing but pixels survives (no metadata, no embedded payloads).
//!
//! Decoding is the one place where a small upload becomes a lot of memory: a 197 KB PNG of
//! 8000×8000 decodes into ~240 MB. Two bounds keep the server's memory flat whatever is
//! uploaded: [`ImageLimits`] refuses an image from the dimensions in its header, before a
//! single pixel is allocated, and [`decode_slot`] lets only [`CONCURRENT_DECODES`] images be
//! decoded at once in the process; further uploads wait for a slot.

use image::{ImageError, ImageFormat, ImageReader, Limits};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::{AppError, AppResult, FieldError};

/// The formats we accept from members.
const ACCEPTED: [ImageFormat; 4] = [
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::WebP,
    ImageFormat::Gif,
];

/// How large a decoded image may be (part of the policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageLimits {
    /// Width × height. 25 megapixels is more than any phone camera's photo (12–24 MP) and
    /// decodes into at most 100 MB (RGBA, 8 bits).
    pub max_pixels: u64,
    /// Longest side, in pixels: a 1×25,000,000 strip is no photo either.
    pub max_side: u32,
}

impl Default for ImageLimits {
    fn default() -> ImageLimits {
        ImageLimits {
            max_pixels: 25_000_000,
            max_side: 10_000,
        }
    }
}

impl ImageLimits {
    /// The decoder's own limits: the same sides, and no allocation beyond what an image of
    /// `max_pixels` needs at 4 bytes a pixel (a 16-bit image of that size is refused too).
    fn decoder_limits(self) -> Limits {
        let mut limits = Limits::default();
        limits.max_image_width = Some(self.max_side);
        limits.max_image_height = Some(self.max_side);
        limits.max_alloc = Some(self.max_pixels.saturating_mul(4));
        limits
    }

    fn too_many_pixels(self, field: &'static str, width: u32, height: u32) -> AppError {
        AppError::Invalid(vec![
            FieldError::new(field, "upload-image-too-many-pixels")
                .with("width", width)
                .with("height", height)
                .with("max_megapixels", self.max_pixels / 1_000_000)
                .with("max_side", self.max_side),
        ])
    }

    fn allows(self, width: u32, height: u32) -> bool {
        width <= self.max_side
            && height <= self.max_side
            && u64::from(width) * u64::from(height) <= self.max_pixels
    }
}

/// How many images the process decodes at the same time. Decoding is CPU-bound, so more
/// would not finish sooner; each slot may hold up to ~100 MB while it works.
pub const CONCURRENT_DECODES: usize = 2;

static DECODE_SLOTS: Semaphore = Semaphore::const_new(CONCURRENT_DECODES);

/// Waits for one of the [`CONCURRENT_DECODES`] slots. Move the permit into the blocking task
/// that decodes, so that the slot stays taken until the work ends even if the request that
/// started it is dropped meanwhile.
pub async fn decode_slot() -> AppResult<SemaphorePermit<'static>> {
    acquire(&DECODE_SLOTS).await
}

async fn acquire(slots: &Semaphore) -> AppResult<SemaphorePermit<'_>> {
    slots
        .acquire()
        .await
        .map_err(|_| AppError::Internal("image decode slots closed".into()))
}

/// Runs `work` (which decodes) on the blocking pool once a decode slot is free.
pub async fn in_decode_slot<T, F>(work: F) -> AppResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> AppResult<T> + Send + 'static,
{
    let permit = decode_slot().await?;
    tokio::task::spawn_blocking(move || {
        let result = work();
        drop(permit);
        result
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Validates type, size and dimensions, then returns the decoded image.
pub fn decode(
    field: &'static str,
    bytes: &[u8],
    max_bytes: usize,
    limits: ImageLimits,
) -> AppResult<image::DynamicImage> {
    let not_image = || AppError::Invalid(vec![FieldError::new(field, "upload-not-image")]);
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
        return Err(not_image());
    };
    let reader = || {
        let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
        reader.limits(limits.decoder_limits());
        reader
    };
    // The header first: an image that is too large is refused before anything is allocated.
    let (width, height) = match reader().into_dimensions() {
        Ok(dimensions) => dimensions,
        Err(ImageError::Limits(_)) => return Err(limits.too_many_pixels(field, 0, 0)),
        Err(_) => return Err(not_image()),
    };
    if !limits.allows(width, height) {
        return Err(limits.too_many_pixels(field, width, height));
    }
    reader().decode().map_err(|e| match e {
        ImageError::Limits(_) => limits.too_many_pixels(field, width, height),
        _ => not_image(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use yorozu_domain::Arg;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::GrayImage::new(width, height);
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).expect("png");
        out.into_inner()
    }

    fn refusal(result: AppResult<image::DynamicImage>) -> (String, Vec<(&'static str, Arg)>) {
        match result {
            Err(AppError::Invalid(fields)) => (fields[0].code.to_owned(), fields[0].args.clone()),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn refuses_too_many_pixels_from_the_header() {
        let limits = ImageLimits {
            max_pixels: 1_000_000,
            max_side: 2_000,
        };
        // 1,500 × 1,000 = 1.5 MP: each side is allowed, the area is not.
        let (code, args) = refusal(decode("avatar", &png(1_500, 1_000), 1 << 20, limits));
        assert_eq!(code, "upload-image-too-many-pixels");
        for (name, value) in [
            ("width", 1500),
            ("height", 1000),
            ("max_megapixels", 1),
            ("max_side", 2000),
        ] {
            assert!(
                args.contains(&(name, Arg::Number(value))),
                "{name} in {args:?}"
            );
        }
        // A side longer than allowed, with few pixels.
        let (code, _) = refusal(decode("avatar", &png(2_001, 1), 1 << 20, limits));
        assert_eq!(code, "upload-image-too-many-pixels");
        // Within the limits it decodes.
        let ok = decode("avatar", &png(1_000, 1_000), 1 << 20, limits).expect("decodes");
        assert_eq!((ok.width(), ok.height()), (1_000, 1_000));
    }

    #[test]
    fn the_default_refuses_the_8000_square_bomb() {
        let bomb = png(8_000, 8_000);
        assert!(bomb.len() < 1 << 20, "a small file: {} bytes", bomb.len());
        let (code, _) = refusal(decode("avatar", &bomb, 5 << 20, ImageLimits::default()));
        assert_eq!(code, "upload-image-too-many-pixels");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn at_most_the_slots_decode_at_once() {
        let slots = Arc::new(Semaphore::new(CONCURRENT_DECODES));
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..12)
            .map(|_| {
                let (slots, running, peak) = (slots.clone(), running.clone(), peak.clone());
                tokio::spawn(async move {
                    let permit = acquire(&slots).await.expect("slot");
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    running.fetch_sub(1, Ordering::SeqCst);
                    drop(permit);
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("task");
        }
        assert_eq!(peak.load(Ordering::SeqCst), CONCURRENT_DECODES);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_process_wide_slots_bound_decodes() {
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (running, peak) = (running.clone(), peak.clone());
                tokio::spawn(in_decode_slot(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                    Ok(())
                }))
            })
            .collect();
        for task in tasks {
            task.await.expect("task").expect("work");
        }
        assert!(peak.load(Ordering::SeqCst) <= CONCURRENT_DECODES);
    }
}
