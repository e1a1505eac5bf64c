//! Application settings that use cases read. Every business number lives here, not in code.

/// Policy numbers with their defaults.
#[derive(Debug, Clone)]
pub struct Policy {
    pub session_days: i64,
    pub confirm_token_hours: i64,
    pub reset_token_minutes: i64,
    pub sign_in_window_minutes: i64,
    pub sign_in_max_failures_per_email: i64,
    pub sign_in_max_failures_per_ip: i64,
    pub avatar_max_bytes: usize,
    pub avatar_pixels: u32,
    pub identity_max_bytes: usize,
    pub identity_file_retention_days: i64,
    pub mail_max_attempts: i64,
    /// Lowest price of a service and of a paid option (yen).
    pub min_listing_price: i64,
    pub min_option_price: i64,
    pub max_listing_images: i64,
    pub listing_image_max_bytes: usize,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            session_days: 30,
            confirm_token_hours: 24,
            reset_token_minutes: 60,
            sign_in_window_minutes: 15,
            sign_in_max_failures_per_email: 5,
            sign_in_max_failures_per_ip: 30,
            avatar_max_bytes: 5 * 1024 * 1024,
            avatar_pixels: 400,
            identity_max_bytes: 10 * 1024 * 1024,
            identity_file_retention_days: 30,
            mail_max_attempts: 8,
            min_listing_price: 500,
            min_option_price: 500,
            max_listing_images: 10,
            listing_image_max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Where links in mail point and who mail comes from.
#[derive(Debug, Clone)]
pub struct Site {
    /// Base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    pub mail_from: String,
}
