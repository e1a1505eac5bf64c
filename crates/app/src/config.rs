//! Application settings that use cases read. Every business number lives here, not in code.

use yorozu_domain::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE, FeeRate};
use yorozu_domain::orders::{DEFAULT_SEND_BACKS_ALLOWED, timing};
use yorozu_domain::payouts::schedule::{DEFAULT_SALES_VALIDITY_DAYS, Date, FeeRule};
use yorozu_domain::promotions::DEFAULT_POINTS_VALIDITY_DAYS;

/// Policy numbers with their defaults.
#[derive(Debug, Clone)]
pub struct Policy {
    pub session_days: i64,
    pub confirm_token_hours: i64,
    pub reset_token_minutes: i64,
    pub sign_in_window_minutes: i64,
    pub sign_in_max_failures_per_email: i64,
    pub sign_in_max_failures_per_ip: i64,
    /// Sign-ups, password-reset requests and confirmation-mail requests allowed per client
    /// address (each counted on its own) in a window of `client_request_window_minutes`.
    pub client_request_limit: i64,
    pub client_request_window_minutes: i64,
    pub avatar_max_bytes: usize,
    pub avatar_pixels: u32,
    /// Largest image (width × height, longest side) that avatars, listing images and identity
    /// documents may decode into.
    pub image_limits: crate::profile::image::ImageLimits,
    pub identity_max_bytes: usize,
    pub identity_file_retention_days: i64,
    pub mail_max_attempts: i64,
    /// Lowest price of a service and of a paid option (yen).
    pub min_listing_price: i64,
    pub min_option_price: i64,
    pub max_listing_images: i64,
    pub listing_image_max_bytes: usize,
    /// Fees on an order's subtotal: the seller's (販売手数料) and the buyer's (サービス利用料).
    pub seller_fee_rate: FeeRate,
    pub buyer_fee_rate: FeeRate,
    /// Days after a formal delivery until it is approved automatically.
    pub auto_approval_days: i64,
    /// Hours the other side has to answer a cancellation request.
    pub cancellation_answer_hours: i64,
    /// Days after the order until its talk room closes.
    pub talk_room_days: i64,
    /// Hours a deferred payment may take before the order expires unpaid.
    pub payment_hours: i64,
    /// How often the buyer may send a delivery back.
    pub send_backs_allowed: u8,
    /// Days after a member's last point acquisition until their points expire.
    pub points_validity_days: i64,
    /// Largest talk-room attachment, and how many files one message may carry.
    pub attachment_max_bytes: usize,
    pub attachments_per_message: usize,
    /// The transfer fee of payouts and the amount from which transfers are free.
    pub transfer_fee: FeeRule,
    /// Days after a sale is credited until it expires unless requested (失効).
    pub sales_validity_days: i64,
    /// Days on which banks do not transfer besides weekends (national and bank holidays).
    pub bank_holidays: Vec<Date>,
    /// The platform's own paying account and 振込依頼人 details for the Zengin file.
    pub paying_account: PayingAccountSettings,
    /// Days a closed account waits before its purge; signing in meanwhile undoes the
    /// withdrawal. 0 purges at once.
    pub withdrawal_grace_days: i64,
    /// How often a scheduled withdrawal re-checks blockers that have no date of their own.
    pub withdrawal_recheck_minutes: i64,
    /// Rows erased per purge transaction, and the pause between two batches that leaves the
    /// database and the cores to members' requests (a purge is never urgent).
    pub purge_batch_size: i64,
    pub purge_pause_ms: u64,
    /// Hours after a bank account is registered or changed during which payouts to it are
    /// refused (a taken-over account cannot be paid out at once); the sales page says until
    /// when.
    pub bank_change_hold_hours: i64,
    /// Minutes a re-authentication (password, and code with two-step sign-in) lets sensitive
    /// actions proceed without asking again.
    pub reauth_minutes: i64,
    /// Operators must have two-step sign-in on before they reach the operator console.
    pub operator_two_step: bool,
    /// The smallest and largest tip (おひねり), in yen, and the days after an order's
    /// completion during which its buyer may send one.
    pub tip_min: i64,
    pub tip_max: i64,
    pub tip_window_days: i64,
    /// Friend invitations (友達招待): points for the invited member and for the inviter when the
    /// invited member's first purchase completes (they expire as every point does,
    /// `points_validity_days` after the last acquisition), and how many inviter rewards one
    /// member may receive per calendar month in Japan.
    pub invite_reward_invitee_points: i64,
    pub invite_reward_inviter_points: i64,
    pub invite_reward_monthly_cap: i64,
}

/// Who pays sellers in the Zengin transfer file (振込依頼人), from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayingAccountSettings {
    /// 振込依頼人コード: 10 digits assigned by the paying bank.
    pub requester_code: String,
    /// 振込依頼人名 in half-width katakana.
    pub requester_name: String,
    pub bank_code: String,
    pub branch_code: String,
    /// Zengin 預金種目 (1 普通, 2 当座).
    pub account_type: u8,
    pub account_number: String,
}

impl Default for PayingAccountSettings {
    fn default() -> Self {
        // Demo values: a real installation sets them (YOROZU_PAYOUT_* settings).
        Self {
            requester_code: "0000000001".into(),
            requester_name: "ﾖﾛｽﾞ(ｶ".into(),
            bank_code: "0001".into(),
            branch_code: "001".into(),
            account_type: 1,
            account_number: "1234567".into(),
        }
    }
}

/// Japan's national holidays and the banks' year-end days for 2026–2027: the default of
/// [`Policy::bank_holidays`]; installations extend it each year (YOROZU_BANK_HOLIDAYS).
pub fn default_bank_holidays() -> Vec<Date> {
    const DAYS: &[&str] = &[
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-01-12",
        "2026-02-11",
        "2026-02-23",
        "2026-03-20",
        "2026-04-29",
        "2026-05-03",
        "2026-05-04",
        "2026-05-05",
        "2026-05-06",
        "2026-07-20",
        "2026-08-11",
        "2026-09-21",
        "2026-09-22",
        "2026-09-23",
        "2026-10-12",
        "2026-11-03",
        "2026-11-23",
        "2026-12-31",
        "2027-01-01",
        "2027-01-02",
        "2027-01-03",
        "2027-01-11",
        "2027-02-11",
        "2027-02-23",
        "2027-03-22",
        "2027-04-29",
        "2027-05-03",
        "2027-05-04",
        "2027-05-05",
        "2027-07-19",
        "2027-08-11",
        "2027-09-20",
        "2027-09-23",
        "2027-10-11",
        "2027-11-03",
        "2027-11-23",
        "2027-12-31",
    ];
    DAYS.iter().filter_map(|d| Date::parse_iso(d)).collect()
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
            client_request_limit: 5,
            client_request_window_minutes: 15,
            avatar_max_bytes: 5 * 1024 * 1024,
            avatar_pixels: 400,
            image_limits: crate::profile::image::ImageLimits::default(),
            identity_max_bytes: 10 * 1024 * 1024,
            identity_file_retention_days: 30,
            mail_max_attempts: 8,
            min_listing_price: 500,
            min_option_price: 500,
            max_listing_images: 10,
            listing_image_max_bytes: 10 * 1024 * 1024,
            seller_fee_rate: DEFAULT_SELLER_FEE_RATE,
            buyer_fee_rate: DEFAULT_BUYER_FEE_RATE,
            auto_approval_days: timing::DEFAULT_AUTO_APPROVAL_DAYS,
            cancellation_answer_hours: timing::DEFAULT_CANCELLATION_ANSWER_HOURS,
            talk_room_days: timing::DEFAULT_TALK_ROOM_DAYS,
            payment_hours: timing::DEFAULT_PAYMENT_HOURS,
            send_backs_allowed: DEFAULT_SEND_BACKS_ALLOWED,
            points_validity_days: DEFAULT_POINTS_VALIDITY_DAYS,
            attachment_max_bytes: 20 * 1024 * 1024,
            attachments_per_message: 5,
            transfer_fee: FeeRule::default(),
            sales_validity_days: DEFAULT_SALES_VALIDITY_DAYS,
            bank_holidays: default_bank_holidays(),
            paying_account: PayingAccountSettings::default(),
            withdrawal_grace_days: 14,
            withdrawal_recheck_minutes: 60,
            purge_batch_size: 100,
            purge_pause_ms: 20,
            bank_change_hold_hours: 72,
            reauth_minutes: 10,
            operator_two_step: true,
            tip_min: yorozu_domain::orders::tip::DEFAULT_TIP_MIN,
            tip_max: yorozu_domain::orders::tip::DEFAULT_TIP_MAX,
            tip_window_days: yorozu_domain::orders::tip::DEFAULT_TIP_WINDOW_DAYS,
            invite_reward_invitee_points: 500,
            invite_reward_inviter_points: 500,
            invite_reward_monthly_cap: 10,
        }
    }
}

/// Where links in mail point, who mail comes from, and who runs the site.
#[derive(Debug, Clone)]
pub struct Site {
    /// Base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    pub mail_from: String,
    /// The operator's details for the legal pages (特定商取引法に基づく表記, terms).
    pub business: crate::legal::Business,
    /// The font the services' Open Graph images are drawn with (`YOROZU_OG_FONT`; by default
    /// [`crate::share::font::DEFAULT_PATH`]). Without it the images are not offered.
    pub og_font: std::path::PathBuf,
}
