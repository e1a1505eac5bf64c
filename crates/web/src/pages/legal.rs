//! The legal pages a Japanese shop must have: the terms of service (利用規約), the
//! disclosures under the Act on Specified Commercial Transactions (特定商取引法に基づく表記) and
//! the privacy policy (プライバシーポリシー).
//!
//! The wording is Fluent messages; the operator's details come from the site settings, and
//! every fee, deadline and count from the policy, so the pages say what the site really does.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::config::Policy;
use yorozu_app::legal::Business;
use yorozu_app::withdrawal::receipt::{DataLine, data_lines};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/legal/terms", get(terms))
        .route("/legal/tokushoho", get(tokushoho))
        .route("/legal/privacy", get(privacy))
}

/// The policy numbers the legal texts quote, as message arguments.
fn policy_args(policy: &Policy, business: &Business) -> Vec<(&'static str, Arg)> {
    vec![
        ("operator", Arg::Text(business.operator_name.clone())),
        ("seller_fee", Arg::Text(policy.seller_fee_rate.to_string())),
        ("buyer_fee", Arg::Text(policy.buyer_fee_rate.to_string())),
        ("auto_approval_days", Arg::Number(policy.auto_approval_days)),
        ("send_backs", policy.send_backs_allowed.into()),
        (
            "answer_hours",
            Arg::Number(policy.cancellation_answer_hours),
        ),
        ("payment_hours", Arg::Number(policy.payment_hours)),
    ]
}

// ---------------------------------------------------------------------------------------
// 利用規約

/// One article of the terms: its messages are `legal-terms-NAME-title`, `-p1`, `-p2`, … and
/// `-item1`, `-item2`, … (a numbered list after the paragraphs).
struct ArticleText {
    name: &'static str,
    paragraphs: usize,
    items: usize,
}

/// The articles in order; their numbers (第1条, …) follow from the position.
const ARTICLES: [ArticleText; 11] = [
    ArticleText {
        name: "application",
        paragraphs: 1,
        items: 0,
    },
    ArticleText {
        name: "definitions",
        paragraphs: 1,
        items: 5,
    },
    ArticleText {
        name: "registration",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "contract",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "fees",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "delivery",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "cancellation",
        paragraphs: 3,
        items: 0,
    },
    ArticleText {
        name: "prohibited",
        paragraphs: 1,
        items: 7,
    },
    ArticleText {
        name: "withdrawal",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "disclaimer",
        paragraphs: 2,
        items: 0,
    },
    ArticleText {
        name: "law",
        paragraphs: 1,
        items: 0,
    },
];

struct Article {
    id: String,
    heading: String,
    paragraphs: Vec<String>,
    items: Vec<String>,
}

#[derive(Template)]
#[template(path = "legal_terms.html")]
struct TermsPage<'a> {
    ctx: &'a Ctx,
    lead: String,
    articles: Vec<Article>,
}

async fn terms(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let args = policy_args(&state.app.policy, &state.app.site.business);
    let text = |key: String| ctx.tr.tv(&key, &args);
    let articles = ARTICLES
        .iter()
        .zip(1_i64..)
        .map(|(article, number)| {
            let name = article.name;
            Article {
                id: format!("article-{number}"),
                heading: ctx.tr.ta(
                    "legal-terms-article-heading",
                    [
                        ("number", Arg::Number(number)),
                        (
                            "title",
                            Arg::Text(ctx.t(&format!("legal-terms-{name}-title"))),
                        ),
                    ],
                ),
                paragraphs: (1..=article.paragraphs)
                    .map(|n| text(format!("legal-terms-{name}-p{n}")))
                    .collect(),
                items: (1..=article.items)
                    .map(|n| text(format!("legal-terms-{name}-item{n}")))
                    .collect(),
            }
        })
        .collect();
    page(&TermsPage {
        ctx: &ctx,
        lead: text("legal-terms-lead".to_owned()),
        articles,
    })
}

// ---------------------------------------------------------------------------------------
// 特定商取引法に基づく表記

/// One row of the disclosure table; a value may span several lines and may be a link.
struct Row {
    label: String,
    lines: Vec<String>,
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "legal_tokushoho.html")]
struct TokushohoPage<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
}

async fn tokushoho(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let business = &state.app.site.business;
    let args = policy_args(&state.app.policy, business);
    let label = |name: &str| ctx.t(&format!("legal-tokushoho-{name}"));
    let configured = |name: &str, value: &str, href: Option<String>| Row {
        label: label(name),
        lines: vec![value.to_owned()],
        href,
    };
    // Rows whose value is wording: `legal-tokushoho-NAME-1`, `-2`, … one line each.
    let worded = |name: &str, lines: usize| Row {
        label: label(name),
        lines: (1..=lines)
            .map(|n| ctx.tr.tv(&format!("legal-tokushoho-{name}-{n}"), &args))
            .collect(),
        href: None,
    };
    // The order is the one the law's guidelines use and buyers expect.
    let rows = vec![
        configured("operator", &business.operator_name, None),
        configured("representative", &business.representative, None),
        configured("address", &business.postal_address, None),
        configured("phone", &business.phone, Some(business.phone_uri())),
        configured(
            "email",
            business.contact_email.as_str(),
            Some(format!("mailto:{}", business.contact_email.as_str())),
        ),
        worded("price", 1),
        worded("extra-fees", 3),
        worded("payment-methods", 1),
        worded("payment-timing", 2),
        worded("delivery", 1),
        worded("cancellation", 3),
        worded("environment", 1),
    ];
    page(&TokushohoPage { ctx: &ctx, rows })
}

// ---------------------------------------------------------------------------------------
// プライバシーポリシー

#[derive(Template)]
#[template(path = "legal_privacy.html")]
struct PrivacyPage<'a> {
    ctx: &'a Ctx,
    lead: String,
    contact_email: String,
    /// Each kind of data and what happens to it on withdrawal: the same lines as the
    /// withdrawal page and the erasure receipt.
    data: Vec<DataLine>,
    /// What improvement hints count and keep (with their named limits).
    hints: String,
}

async fn privacy(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let business = &state.app.site.business;
    let args = policy_args(&state.app.policy, business);
    page(&PrivacyPage {
        ctx: &ctx,
        lead: ctx.tr.tv("legal-privacy-lead", &args),
        contact_email: business.contact_email.as_str().to_owned(),
        data: data_lines(ctx.locale()),
        hints: ctx.tr.ta(
            "legal-privacy-hints",
            [
                (
                    "days",
                    yorozu_i18n::Arg::Number(yorozu_app::withdrawal::hints::STAY_DAYS),
                ),
                (
                    "min",
                    yorozu_i18n::Arg::Number(
                        i64::try_from(yorozu_domain::hints::MIN_SELLERS).unwrap_or(0),
                    ),
                ),
            ],
        ),
    })
}
