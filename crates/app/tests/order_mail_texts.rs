//! The texts of the order and points mail: every mail the order use cases send exists in both
//! languages, and each argument the use case passes shows up in the mail.
//!
//! A missing message comes back as its id (see `yorozu_i18n::Tr`), and a missing or misspelt
//! argument as `{$name}`; both are looked for here. No database is needed: the mail is composed
//! exactly as `orders::notify::order_mail` composes it.

use yorozu_app::mail::compose::compose;
use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_i18n::Arg;

/// What a mail says with one set of arguments.
struct Composed {
    subject: String,
    body: String,
}

fn composed(locale: Locale, name: &str, args: &[(&str, Arg)]) -> Composed {
    let mail = compose(
        locale,
        name,
        "member@example.jp",
        Some(UserId::new(1)),
        args,
    );
    Composed {
        subject: mail.subject,
        body: mail.body_text,
    }
}

/// The arguments every order mail gets (`orders::notify::order_mail`).
fn order_args() -> Vec<(&'static str, Arg)> {
    vec![
        ("title", Arg::from("ロゴを作成します")),
        ("url", Arg::from("http://test.local/orders/7345")),
        ("order", Arg::from("7345")),
    ]
}

/// Each mail with the extra arguments its use case passes, and how each argument must read in
/// the mail (numbers of 1,000 and more are grouped).
/// A mail, the arguments its use case adds, and the texts those arguments must show as.
type MailCase = (&'static str, Vec<(&'static str, Arg)>, Vec<&'static str>);

fn mails() -> Vec<MailCase> {
    let time = |s: &str| Arg::from(s);
    vec![
        (
            "order-placed",
            vec![("total", Arg::Number(3165))],
            vec!["3,165"],
        ),
        (
            "order-received",
            vec![("share", Arg::Number(2340)), ("days", Arg::Number(5))],
            vec!["2,340", "5"],
        ),
        (
            "order-awaiting-payment",
            vec![
                ("total", Arg::Number(12_345)),
                ("due", time("2025-06-19 00:06")),
            ],
            vec!["12,345", "2025-06-19 00:06"],
        ),
        // No name of the writer: a copy of the mail outlives their withdrawal.
        ("order-message", vec![], vec![]),
        (
            "order-delivered",
            vec![("auto", time("2025-06-21 09:30"))],
            vec!["2025-06-21 09:30"],
        ),
        (
            "order-sent-back",
            vec![("reason", Arg::from("色を青に変えてください。"))],
            vec!["色を青に変えてください。"],
        ),
        (
            "order-completed",
            vec![("share", Arg::Number(2340))],
            vec!["2,340"],
        ),
        (
            "order-cancelled",
            vec![("refund", Arg::Number(3165))],
            vec!["3,165"],
        ),
        ("order-payment-expired", vec![], vec![]),
        ("order-seller-withdrew", vec![], vec![]),
        (
            "order-cancellation-requested",
            vec![
                (
                    "reason",
                    Arg::from("都合により取引を続けられなくなりました。"),
                ),
                ("deadline", time("2025-06-17 00:06")),
            ],
            vec![
                "都合により取引を続けられなくなりました。",
                "2025-06-17 00:06",
            ],
        ),
        (
            "order-cancellation-objected",
            vec![("answer", Arg::from("作業はほぼ終わっています。"))],
            vec!["作業はほぼ終わっています。"],
        ),
        (
            "order-review-received",
            vec![("rating", Arg::Number(4))],
            vec!["4"],
        ),
    ]
}

fn assert_complete(locale: Locale, name: &str, mail: &Composed) {
    for (part, text) in [("subject", &mail.subject), ("body", &mail.body)] {
        let id = format!("mail-{name}-{part}");
        assert!(!text.contains(&id), "{locale:?} {id} is missing: {text:?}");
        assert!(
            !text.contains("{$") && !text.contains("{ $"),
            "{locale:?} {id} uses an argument it was not given: {text:?}"
        );
        assert!(!text.trim().is_empty(), "{locale:?} {id} is empty");
    }
    assert!(
        !mail.subject.contains('\n'),
        "{locale:?} mail-{name}-subject spans lines: {:?}",
        mail.subject
    );
}

#[test]
fn every_order_mail_exists_in_both_languages_and_shows_its_arguments() {
    for locale in [Locale::Ja, Locale::En] {
        for (name, extra, shown) in mails() {
            let mut args = order_args();
            args.extend(extra);
            let mail = composed(locale, name, &args);
            assert_complete(locale, name, &mail);
            let all = format!("{}\n{}", mail.subject, mail.body);
            for expected in ["ロゴを作成します", "http://test.local/orders/7345", "7345"]
                .into_iter()
                .chain(shown)
            {
                assert!(
                    all.contains(expected),
                    "{locale:?} mail {name} lacks {expected:?}:\n{all}"
                );
            }
        }
    }
}

#[test]
fn the_order_page_link_stands_on_a_line_of_its_own() {
    // Mail clients make a link of a bare URL only when nothing sticks to it.
    for locale in [Locale::Ja, Locale::En] {
        for (name, extra, _) in mails() {
            let mut args = order_args();
            args.extend(extra);
            let mail = composed(locale, name, &args);
            assert!(
                mail.body
                    .lines()
                    .any(|l| l.trim() == "http://test.local/orders/7345"),
                "{locale:?} mail {name}: the link is not on its own line:\n{}",
                mail.body
            );
        }
    }
}

#[test]
fn a_cancellation_without_a_charge_says_nothing_was_charged() {
    let mut args = order_args();
    args.push(("refund", Arg::Number(0)));
    let ja = composed(Locale::Ja, "order-cancelled", &args);
    assert_complete(Locale::Ja, "order-cancelled", &ja);
    assert!(ja.body.contains("返金はありません"), "{}", ja.body);
    assert!(!ja.body.contains("0円"), "{}", ja.body);
    let en = composed(Locale::En, "order-cancelled", &args);
    assert_complete(Locale::En, "order-cancelled", &en);
    assert!(en.body.contains("Nothing was charged"), "{}", en.body);
    assert!(!en.body.contains("¥0"), "{}", en.body);

    // A small refund is a number below the grouping threshold and still reads as an amount.
    let mut args = order_args();
    args.push(("refund", Arg::Number(500)));
    let ja = composed(Locale::Ja, "order-cancelled", &args);
    assert!(ja.body.contains("500円"), "{}", ja.body);
    let en = composed(Locale::En, "order-cancelled", &args);
    assert!(en.body.contains("¥500"), "{}", en.body);
}

#[test]
fn amounts_read_as_yen_in_each_language() {
    let mut args = order_args();
    args.push(("total", Arg::Number(3165)));
    assert!(
        composed(Locale::Ja, "order-placed", &args)
            .body
            .contains("3,165円")
    );
    assert!(
        composed(Locale::En, "order-placed", &args)
            .body
            .contains("¥3,165")
    );
}

#[test]
fn english_counts_agree_in_number() {
    let mut args = order_args();
    args.extend([("share", Arg::Number(2340)), ("days", Arg::Number(1))]);
    let one = composed(Locale::En, "order-received", &args);
    assert!(one.body.contains("1 day\n"), "{}", one.body);
    let mut args = order_args();
    args.push(("rating", Arg::Number(5)));
    let five = composed(Locale::En, "order-review-received", &args);
    assert!(five.body.contains("5 stars out of 5"), "{}", five.body);
}

#[test]
fn the_points_mail_names_points_note_expiry_and_page() {
    for locale in [Locale::Ja, Locale::En] {
        let args = [
            ("points", Arg::Number(1500)),
            ("note", Arg::from("キャンペーン参加のお礼")),
            ("expires", Arg::from("2026-06-16 00:06")),
            ("url", Arg::from("http://test.local/settings/points")),
        ];
        let mail = composed(locale, "points-granted", &args);
        assert_complete(locale, "points-granted", &mail);
        let all = format!("{}\n{}", mail.subject, mail.body);
        for expected in [
            "1,500",
            "キャンペーン参加のお礼",
            "2026-06-16 00:06",
            "http://test.local/settings/points",
        ] {
            assert!(
                all.contains(expected),
                "{locale:?} points mail lacks {expected:?}:\n{all}"
            );
        }
        assert!(mail.subject.contains("1,500"), "{}", mail.subject);
    }
}
