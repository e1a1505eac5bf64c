//! The privacy policy (`/legal/privacy`): public, linked from every page's footer next to the
//! terms, and its data table is the withdrawal's — every kind of data, with what happens to it
//! and why, in Japanese and in English, from the same lines as the withdrawal page and the
//! erasure receipt.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::withdrawal::receipt::data_lines;
use yorozu_domain::Locale;
use yorozu_domain::withdrawal::DATA_TABLE;
use yorozu_store::{Db, both_backends};

const PATH: &str = "/legal/privacy";

/// The row headings of the page's tables.
fn row_labels(html: &str) -> Vec<String> {
    html.split(r#"<th scope="row">"#)
        .skip(1)
        .filter_map(|rest| rest.split_once("</th>").map(|(label, _)| label.to_owned()))
        .collect()
}

/// Text as the templates escape it.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

both_backends!(
    the_privacy_page_lists_every_kind_of_data_in_both_languages,
    |db: Db| async move {
        let s = server(db);
        for (locale, title, link) in [
            (
                Locale::Ja,
                "<h1>プライバシーポリシー</h1>",
                "プライバシーポリシー",
            ),
            (Locale::En, "<h1>Privacy policy</h1>", "Privacy policy"),
        ] {
            let mut browser = Browser::new(&s);
            if locale == Locale::En {
                browser = browser.english();
            }
            let page = browser.get(PATH).await;
            assert_eq!(page.status, StatusCode::OK, "{locale:?}");
            page.assert_contains(&[
                title,
                r#"<a href="/settings/withdrawal">"#,
                r#"<a href="mailto:"#,
            ]);
            page.assert_lacks(&[">legal-privacy-", ">data-", ">footer-privacy<"]);

            // Thirteen rows, in the table's order, each with the receipt's own words.
            let lines = data_lines(locale);
            assert_eq!(lines.len(), DATA_TABLE.len());
            assert_eq!(lines.len(), 20);
            let names: Vec<String> = lines.iter().map(|l| html(&l.name)).collect();
            assert_eq!(row_labels(&page.html), names, "{locale:?}");
            for line in &lines {
                page.assert_contains(&[&format!(
                    "<th scope=\"row\">{}</th>\n        <td>{}</td>\n        <td>{}</td>",
                    html(&line.name),
                    html(&line.fate),
                    html(&line.why)
                )]);
            }

            // Every page's footer links to it, next to the terms.
            for path in ["/", "/legal/terms", PATH] {
                let page = browser.get(path).await;
                let footer = page
                    .html
                    .split_once(r#"<footer class="site-footer">"#)
                    .map(|(_, f)| f)
                    .unwrap_or_else(|| panic!("{path} has no footer"));
                let terms = footer
                    .find(r#"<a href="/legal/terms">"#)
                    .expect("terms link");
                let privacy = footer
                    .find(&format!(r#"<a href="/legal/privacy">{link}</a>"#))
                    .unwrap_or_else(|| panic!("{path}: no privacy link in {footer}"));
                assert!(
                    terms < privacy,
                    "{path}: the privacy link follows the terms"
                );
            }
        }
    }
);
