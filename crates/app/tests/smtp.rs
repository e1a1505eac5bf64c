//! The SMTP transport against a real SMTP server (`scripts/smtp_sink.py`, aiosmtpd): what a
//! mail client receives must be valid MIME with an RFC 2047 subject and the one-click
//! unsubscribe headers. SQLite only: the database plays no part in the transport.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use yorozu_domain::UserId;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use yorozu_app::mail::{MailCategory, unsubscribe};
use yorozu_app::ports::{Mailer, OutgoingMail, SmtpMailer};
use yorozu_store::testing::{TempDir, TestDb};

use support::*;

const INSTALL_HINT: &str = "the SMTP test needs python3 with aiosmtpd: install python3-aiosmtpd \
                            (apt-get install -y --no-install-recommends python3-aiosmtpd)";

/// The sink process; killed (by its own pid) when the test ends, pass or fail.
struct SmtpSink {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SmtpSink {
    fn start() -> SmtpSink {
        let script = std::env::var_os("YOROZU_TEST_SMTP_SINK")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/smtp_sink.py")
            });
        assert!(script.exists(), "{} is missing", script.display());
        let python = std::env::var("YOROZU_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let dir = TempDir::new("yorozu-smtp");
        let child = Command::new(&python)
            .arg(&script)
            .args(["--port", "0", "--dir"])
            .arg(&dir.0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {python}: {e}; {INSTALL_HINT}"));
        // From here on, dropping `sink` (also by a panic) ends the process.
        let mut sink = SmtpSink {
            child,
            port: 0,
            dir,
        };

        // Read stdout on a thread so that waiting for "ready" can time out.
        let stdout = sink.child.stdout.take().expect("piped stdout");
        let (lines_tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
        loop {
            match lines.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.trim() == "ready" => break,
                Ok(line) => {
                    if let Some(port) = line
                        .trim()
                        .strip_prefix("port ")
                        .and_then(|p| p.parse().ok())
                    {
                        sink.port = port;
                    }
                }
                Err(_) => {
                    // Exited (the usual cause: aiosmtpd missing) or hung: show what it said.
                    let _ = sink.child.kill();
                    let mut stderr = String::new();
                    if let Some(mut e) = sink.child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
                    }
                    panic!(
                        "smtp_sink.py did not become ready: {}\n{INSTALL_HINT}",
                        stderr.trim()
                    );
                }
            }
        }
        assert_ne!(sink.port, 0, "the sink prints its port before ready");
        sink
    }

    /// The first received message and its envelope, waiting briefly for the file.
    fn first_message(&self) -> (String, serde_json::Value) {
        let eml = self.dir.0.join("1.eml");
        for _ in 0..100 {
            if eml.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let raw = std::fs::read(&eml).expect("the sink stored the message as 1.eml");
        let meta = std::fs::read(self.dir.0.join("1.json")).expect("envelope sidecar");
        (
            String::from_utf8(raw).expect("a MIME message is ASCII"),
            serde_json::from_slice(&meta).expect("json"),
        )
    }
}

/// Header fields with folded lines joined, in order.
fn headers(message: &str) -> Vec<(String, String)> {
    let head = message.split("\r\n\r\n").next().expect("header block");
    let mut fields: Vec<(String, String)> = vec![];
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            fields
                .last_mut()
                .expect("continuation follows a field")
                .1
                .push_str(line);
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.to_owned(), value.trim().to_owned()));
        }
    }
    fields
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header in {fields:?}"))
}

/// Decodes a header made of RFC 2047 encoded words (`=?utf-8?b?...?=` or `=?utf-8?q?...?=`);
/// the whitespace between two encoded words is not part of the text.
fn decode_rfc2047(value: &str) -> String {
    let mut bytes = vec![];
    for word in value.split_whitespace() {
        let inner = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .unwrap_or_else(|| panic!("not an encoded word: {word}"));
        let mut parts = inner.splitn(3, '?');
        let (charset, encoding, text) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        assert!(charset.eq_ignore_ascii_case("utf-8"), "charset {charset}");
        match encoding {
            "b" | "B" => bytes.extend(STANDARD.decode(text).expect("base64 encoded word")),
            "q" | "Q" => bytes.extend(decode_quoted_printable(&text.replace('_', " "))),
            other => panic!("unknown encoding {other}"),
        }
    }
    String::from_utf8(bytes).expect("utf-8")
}

fn decode_quoted_printable(text: &str) -> Vec<u8> {
    let text = text.replace("=\r\n", "");
    let bytes = text.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("=XX escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The body as text, undoing the transfer encoding lettre chose.
fn body(message: &str, fields: &[(String, String)]) -> String {
    let (_, raw) = message.split_once("\r\n\r\n").expect("body");
    let encoding = fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Transfer-Encoding"))
        .map_or("7bit".to_owned(), |(_, v)| v.to_ascii_lowercase());
    let bytes = match encoding.as_str() {
        "base64" => STANDARD
            .decode(raw.split_whitespace().collect::<String>())
            .expect("base64 body"),
        "quoted-printable" => decode_quoted_printable(raw),
        _ => raw.as_bytes().to_vec(),
    };
    String::from_utf8(bytes)
        .expect("utf-8 body")
        .replace("\r\n", "\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_japanese_newsletter_reaches_a_real_smtp_server_as_valid_mime_with_unsubscribe_headers() {
    let sink = SmtpSink::start();
    let db = TestDb::sqlite().await;
    let t = test_app(db.db.clone());
    let mailer = SmtpMailer::new(
        &format!("smtp://127.0.0.1:{}", sink.port),
        &t.app.site.mail_from,
    )
    .expect("mailer");

    let subject = "【よろず】メルマガ 6月号：人気のサービス特集";
    let text = "いつもよろずをご利用いただき、ありがとうございます。\n今月は翻訳・デザインの人気サービスをご紹介します。";
    let mut mail = OutgoingMail {
        to: "reader@example.jp".into(),
        user_id: Some(UserId::new(42)),
        subject: subject.into(),
        body_text: format!(
            "{text}\n\n--\n配信停止: {}\n",
            unsubscribe::url(&t.app, UserId::new(42), MailCategory::Newsletter)
        ),
        headers: vec![],
    };
    unsubscribe::add_headers(&t.app, &mut mail, UserId::new(42), MailCategory::Newsletter);
    mailer
        .send(&mail)
        .await
        .expect("the SMTP server accepted the mail");

    let (message, envelope) = sink.first_message();
    assert_eq!(envelope["mail_from"], "no-reply@yorozu.test");
    assert_eq!(
        envelope["rcpt_tos"],
        serde_json::json!(["reader@example.jp"])
    );
    let fields = headers(&message);

    let raw_subject = field(&fields, "Subject");
    let lower = raw_subject.to_ascii_lowercase();
    assert!(
        lower.starts_with("=?utf-8?b?") || lower.starts_with("=?utf-8?q?"),
        "RFC 2047 subject: {raw_subject}"
    );
    assert_eq!(decode_rfc2047(raw_subject), subject);

    let unsubscribe_url = unsubscribe::url(&t.app, UserId::new(42), MailCategory::Newsletter);
    assert!(unsubscribe_url.starts_with("http://test.local/mail/unsubscribe?token="));
    assert_eq!(
        field(&fields, "List-Unsubscribe"),
        format!("<{unsubscribe_url}>")
    );
    assert_eq!(
        field(&fields, "List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );

    let from = field(&fields, "From");
    assert!(
        from == "Yorozu <no-reply@yorozu.test>" || from == "\"Yorozu\" <no-reply@yorozu.test>",
        "From: {from}"
    );
    assert!(field(&fields, "To").contains("reader@example.jp"));
    assert!(!field(&fields, "Date").is_empty());
    let message_id = field(&fields, "Message-ID");
    assert!(
        message_id.starts_with('<') && message_id.ends_with("@yorozu.test>"),
        "Message-ID: {message_id}"
    );
    let content_type = field(&fields, "Content-Type").to_ascii_lowercase();
    assert!(
        content_type.starts_with("text/plain") && content_type.contains("charset=utf-8"),
        "{content_type}"
    );

    let decoded = body(&message, &fields);
    assert!(decoded.starts_with(text), "{decoded}");
    assert!(
        decoded.contains(&unsubscribe_url),
        "the link in the body is intact: {decoded}"
    );
}
