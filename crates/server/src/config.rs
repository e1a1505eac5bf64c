//! Settings from flags and environment variables, and the secrets kept in the data folder.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use yorozu_app::legal::{self, Business, InvoiceNumber};

/// Settings shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Folder for the SQLite database, uploaded files and generated keys.
    #[arg(long, env = "YOROZU_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,

    /// `postgres://…` to use PostgreSQL; default is SQLite in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// Folder for uploads; must be shared by all processes (default: DATA_DIR/files).
    #[arg(long, env = "YOROZU_FILES_DIR", global = true)]
    pub files_dir: Option<PathBuf>,

    /// `smtp://host:port` or `smtps://user:pass@host`; without it mail goes to the local mailbox page.
    #[arg(long, env = "SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of outgoing mail.
    #[arg(
        long,
        env = "YOROZU_MAIL_FROM",
        default_value = "よろず <no-reply@yorozu.localhost>",
        global = true
    )]
    pub mail_from: String,

    /// Public URL of the site, used in mailed links (default: http://BIND).
    #[arg(long, env = "YOROZU_BASE_URL", global = true)]
    pub base_url: Option<String>,

    /// 64 hex characters; signs links and cookies. Generated into DATA_DIR/keys when unset.
    #[arg(long, env = "YOROZU_SECRET_KEY", global = true, hide_env_values = true)]
    pub secret_key: Option<String>,

    /// 64 hex characters; encrypts uploaded files at rest. Generated into DATA_DIR/keys when unset.
    #[arg(long, env = "YOROZU_FILE_KEY", global = true, hide_env_values = true)]
    pub file_key: Option<String>,

    /// Days an identity document image is kept after the decision.
    #[arg(
        long,
        env = "YOROZU_IDENTITY_RETENTION_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub identity_retention_days: i64,

    /// How often the job worker looks for due jobs, in milliseconds.
    #[arg(
        long,
        env = "YOROZU_JOB_POLL_MS",
        default_value_t = 1000,
        global = true
    )]
    pub job_poll_ms: u64,

    /// Maximum database connections per process.
    #[arg(
        long,
        env = "YOROZU_DB_CONNECTIONS",
        default_value_t = 16,
        global = true
    )]
    pub db_connections: u32,

    /// 販売事業者 on the legal pages: the company or person running this site.
    #[arg(
        long,
        env = "YOROZU_BUSINESS_NAME",
        default_value = legal::DEMO_OPERATOR_NAME,
        global = true
    )]
    pub business_name: String,

    /// 運営統括責任者 on the legal pages.
    #[arg(
        long,
        env = "YOROZU_BUSINESS_REPRESENTATIVE",
        default_value = legal::DEMO_REPRESENTATIVE,
        global = true
    )]
    pub business_representative: String,

    /// 所在地 on the legal pages, with the postal code.
    #[arg(
        long,
        env = "YOROZU_BUSINESS_ADDRESS",
        default_value = legal::DEMO_POSTAL_ADDRESS,
        global = true
    )]
    pub business_address: String,

    /// 電話番号 on the legal pages.
    #[arg(
        long,
        env = "YOROZU_BUSINESS_PHONE",
        default_value = legal::DEMO_PHONE,
        global = true
    )]
    pub business_phone: String,

    /// Contact e-mail address on the legal pages.
    #[arg(
        long,
        env = "YOROZU_BUSINESS_EMAIL",
        default_value = legal::DEMO_CONTACT_EMAIL,
        global = true
    )]
    pub business_email: String,

    /// 適格請求書発行事業者登録番号 (T + 13 digits) on receipts and statements; empty = not registered.
    #[arg(long, env = "YOROZU_INVOICE_NUMBER", default_value = "", global = true)]
    pub invoice_number: String,

    /// 振込依頼人コード (10 digits from the paying bank) for the Zengin transfer file.
    #[arg(
        long,
        env = "YOROZU_PAYOUT_REQUESTER_CODE",
        default_value = "0000000001",
        global = true
    )]
    pub payout_requester_code: String,

    /// 振込依頼人名 (katakana) for the Zengin transfer file.
    #[arg(
        long,
        env = "YOROZU_PAYOUT_REQUESTER_NAME",
        default_value = "ﾖﾛｽﾞ(ｶ",
        global = true
    )]
    pub payout_requester_name: String,

    /// The platform's paying account: `BANK-BRANCH-TYPE-NUMBER`, e.g. `0001-001-1-1234567`
    /// (type 1 普通, 2 当座).
    #[arg(
        long,
        env = "YOROZU_PAYOUT_ACCOUNT",
        default_value = "0001-001-1-1234567",
        global = true
    )]
    pub payout_account: String,

    /// Extra bank holidays (YYYY-MM-DD, comma-separated) besides weekends and the built-in
    /// Japanese holidays of 2026–2027.
    #[arg(long, env = "YOROZU_BANK_HOLIDAYS", default_value = "", global = true)]
    pub bank_holidays: String,

    /// Days a withdrawn account waits before its data is erased (signing in meanwhile undoes
    /// the withdrawal); 0 erases at once.
    #[arg(
        long,
        env = "YOROZU_WITHDRAWAL_GRACE_DAYS",
        default_value_t = 14,
        global = true
    )]
    pub withdrawal_grace_days: i64,

    /// Sign-ups, password-reset requests and confirmation mails each allowed per client
    /// address in 15 minutes (they send mail to addresses the client types in).
    #[arg(
        long,
        env = "YOROZU_CLIENT_REQUEST_LIMIT",
        default_value_t = 5,
        global = true
    )]
    pub client_request_limit: i64,

    /// Hours after a bank account is registered or changed during which payouts to it are
    /// refused (a taken-over account cannot be emptied at once). The e2e server sets 0.
    #[arg(
        long,
        env = "YOROZU_BANK_CHANGE_HOLD_HOURS",
        default_value_t = 72,
        global = true
    )]
    pub bank_change_hold_hours: i64,

    /// Operators must turn on two-step sign-in before they reach the operator console
    /// (`true` or `false`).
    #[arg(
        long,
        env = "YOROZU_OPERATOR_TWO_STEP",
        default_value_t = true,
        action = clap::ArgAction::Set,
        global = true
    )]
    pub operator_two_step: bool,

    /// Largest image members may upload (avatars, listing images, identity documents), in
    /// megapixels (width × height); larger ones are refused from their header, before they
    /// are decoded. Decoding takes up to 4 bytes a pixel, two images at a time.
    #[arg(
        long,
        env = "YOROZU_IMAGE_MAX_MEGAPIXELS",
        default_value_t = 25,
        value_parser = clap::value_parser!(u64).range(1..=100),
        global = true
    )]
    pub image_max_megapixels: u64,

    /// The TrueType/OpenType font the services' Open Graph images (`/listings/{id}/og.png`,
    /// title and price in Japanese) are drawn with; read at run time. By default Debian's
    /// IPAex Gothic (package `fonts-ipaexfont-gothic`, IPA Font License). When the file is
    /// missing the server runs on: the image answers 404 (with a log line) and service pages
    /// fall back to their first uploaded image for `og:image`.
    #[arg(
        long,
        env = "YOROZU_OG_FONT",
        default_value = yorozu_app::share::font::DEFAULT_PATH,
        global = true
    )]
    pub og_font: std::path::PathBuf,
}

/// `serve` settings.
#[derive(Debug, Clone, Args)]
pub struct Serve {
    /// Address to listen on.
    #[arg(long, env = "YOROZU_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Do not run the job worker in this process (run `yorozu worker` elsewhere).
    #[arg(long, env = "YOROZU_NO_WORKER")]
    pub no_worker: bool,

    /// Trust `X-Forwarded-For` from the reverse proxies in front (only proxies you control):
    /// the client is the right-most hop not added by them (see `--trusted-proxies`).
    #[arg(long, env = "YOROZU_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// The key that opens the local mailbox (`/mailbox?key=…`, printed at start) when no
    /// SMTP_URL is set: 16 to 128 letters, digits, `-` or `_`. Derived from the secret key
    /// when unset. Operators signed in need no key.
    #[arg(long, env = "YOROZU_MAILBOX_KEY", hide_env_values = true)]
    pub mailbox_key: Option<String>,

    /// Bearer secret for `/metrics` on the site's address; without it (and without
    /// --metrics-bind) `/metrics` answers 404.
    #[arg(long, env = "YOROZU_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// A separate address serving only `/metrics`, without a token (e.g. 127.0.0.1:9090 or a
    /// monitoring network).
    #[arg(long, env = "YOROZU_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,

    /// How many reverse proxies of yours append to `X-Forwarded-For` (with `--trust-proxy`).
    /// Entries left of theirs are written by the client and never believed.
    #[arg(long, env = "YOROZU_TRUSTED_PROXIES", default_value_t = 1)]
    pub trusted_proxies: usize,

    /// Milliseconds between two writes of the sellers' analytics counts (search impressions,
    /// page views), which are added up in memory meanwhile: a crash loses at most this much
    /// of them. A graceful shutdown writes them first.
    #[arg(long, env = "YOROZU_ANALYTICS_FLUSH_MS", default_value_t = 5_000)]
    pub analytics_flush_ms: u64,

    /// Count nothing for the sellers' analytics (for measuring what counting costs).
    #[arg(long, env = "YOROZU_ANALYTICS_OFF")]
    pub analytics_off: bool,
}

impl Serve {
    /// The mailbox key: the configured one, checked, or one derived from the server key
    /// (stable across restarts and the same on every process sharing that key).
    pub fn mailbox_key(&self, signer: &yorozu_app::crypto::Signer) -> anyhow::Result<String> {
        match self.mailbox_key.as_deref() {
            Some(key) => {
                let usable = (16..=128).contains(&key.len())
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if !usable {
                    bail!("YOROZU_MAILBOX_KEY must be 16 to 128 letters, digits, '-' or '_'");
                }
                Ok(key.to_owned())
            }
            None => Ok(hex_encode(&signer.derived_key("local-mailbox")[..16])),
        }
    }

    /// The metrics token, if set and not blank.
    pub fn metrics_token(&self) -> anyhow::Result<Option<String>> {
        match self.metrics_token.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(token) if token.len() < 16 || token.contains(char::is_whitespace) => {
                bail!("YOROZU_METRICS_TOKEN must be at least 16 characters without spaces")
            }
            Some(token) => Ok(Some(token.to_owned())),
        }
    }
}

impl Common {
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("yorozu.db").display()),
        }
    }

    /// This process's search index: derived data, rebuilt from the database when missing.
    /// Each process keeps its own (two processes must not share one folder).
    pub fn search_dir(&self) -> PathBuf {
        self.data_dir.join("search")
    }

    pub fn files_dir(&self) -> PathBuf {
        self.files_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("files"))
    }

    pub fn secret_key(&self) -> anyhow::Result<[u8; 32]> {
        key(
            self.secret_key.as_deref(),
            &self.data_dir.join("keys/secret.key"),
            "YOROZU_SECRET_KEY",
        )
    }

    /// The operator's details for the legal pages, receipts and statements, checked at
    /// start-up.
    pub fn business(&self) -> anyhow::Result<Business> {
        let business = Business::parse(
            &self.business_name,
            &self.business_representative,
            &self.business_address,
            &self.business_phone,
            &self.business_email,
        )
        .context("YOROZU_BUSINESS_* settings")?;
        let invoice_number =
            InvoiceNumber::parse_optional(&self.invoice_number).context("YOROZU_INVOICE_NUMBER")?;
        Ok(Business {
            invoice_number,
            ..business
        })
    }

    /// The paying account and requester for payouts, checked at start-up.
    pub fn paying_account(&self) -> anyhow::Result<yorozu_app::config::PayingAccountSettings> {
        use yorozu_domain::payouts::{
            AccountNumber, AccountType, BankCode, BranchCode, to_zengin_kana,
        };
        let parts: Vec<&str> = self.payout_account.split('-').collect();
        let [bank, branch, kind, number] = parts.as_slice() else {
            anyhow::bail!("YOROZU_PAYOUT_ACCOUNT must look like 0001-001-1-1234567");
        };
        let bank = BankCode::parse(bank).context("YOROZU_PAYOUT_ACCOUNT bank code")?;
        let branch = BranchCode::parse(branch).context("YOROZU_PAYOUT_ACCOUNT branch code")?;
        yorozu_domain::payouts::banks::lookup(&bank, &branch)
            .context("YOROZU_PAYOUT_ACCOUNT: bank or branch not in the bank table")?;
        let account_type = kind
            .parse::<u8>()
            .ok()
            .and_then(AccountType::from_zengin_code)
            .context("YOROZU_PAYOUT_ACCOUNT account type (1 or 2)")?;
        let number =
            AccountNumber::parse(number).context("YOROZU_PAYOUT_ACCOUNT account number")?;
        let code = self.payout_requester_code.trim();
        if code.is_empty() || code.len() > 10 || !code.bytes().all(|b| b.is_ascii_digit()) {
            anyhow::bail!("YOROZU_PAYOUT_REQUESTER_CODE must be 1 to 10 digits");
        }
        let name =
            to_zengin_kana(&self.payout_requester_name).context("YOROZU_PAYOUT_REQUESTER_NAME")?;
        Ok(yorozu_app::config::PayingAccountSettings {
            requester_code: format!("{code:0>10}"),
            requester_name: name,
            bank_code: bank.as_str().to_owned(),
            branch_code: branch.as_str().to_owned(),
            account_type: account_type.zengin_code(),
            account_number: number.as_str().to_owned(),
        })
    }

    /// The built-in holidays plus YOROZU_BANK_HOLIDAYS.
    pub fn bank_holidays(&self) -> anyhow::Result<Vec<yorozu_domain::payouts::schedule::Date>> {
        let mut days = yorozu_app::config::default_bank_holidays();
        for day in self
            .bank_holidays
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            days.push(
                yorozu_domain::payouts::schedule::Date::parse_iso(day)
                    .with_context(|| format!("YOROZU_BANK_HOLIDAYS: {day} is not YYYY-MM-DD"))?,
            );
        }
        Ok(days)
    }

    pub fn file_key(&self) -> anyhow::Result<[u8; 32]> {
        key(
            self.file_key.as_deref(),
            &self.data_dir.join("keys/file.key"),
            "YOROZU_FILE_KEY",
        )
    }
}

/// A 32-byte key from the environment, or from a file created on first start. Several
/// processes sharing one PostgreSQL must be given the same keys through the environment.
fn key(configured: Option<&str>, path: &Path, var: &str) -> anyhow::Result<[u8; 32]> {
    if let Some(hex) = configured {
        return parse_key(hex).with_context(|| format!("{var} must be 64 hexadecimal characters"));
    }
    if path.exists() {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        return parse_key(text.trim()).with_context(|| format!("{} is damaged", path.display()));
    }
    let mut bytes = [0u8; 32];
    getrandom(&mut bytes);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_private(path, &hex_encode(&bytes))?;
    tracing::info!(path = %path.display(), "generated a new key; set {var} to share it between processes");
    Ok(bytes)
}

fn parse_key(hex: &str) -> anyhow::Result<[u8; 32]> {
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("not 64 hex characters");
    }
    let mut out = [0u8; 32];
    for (i, chunk) in hex.as_bytes().chunks(2).enumerate() {
        let s = std::str::from_utf8(chunk)?;
        out[i] = u8::from_str_radix(s, 16)?;
    }
    Ok(out)
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn getrandom(buf: &mut [u8]) {
    use std::io::Read;
    // /dev/urandom is always there on the Unix systems we run on.
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(buf);
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

/// Parses `serve` flags alone, for running without a subcommand.
#[derive(Debug, clap::Parser)]
pub struct ServeCli {
    #[command(flatten)]
    pub serve: Serve,
}
