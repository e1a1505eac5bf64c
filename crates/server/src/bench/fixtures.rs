//! What the measured requests need on top of the generated data: sessions, API tokens and
//! cards of real members, and the lists of requests themselves.

use anyhow::Context;
use yorozu_app::App;
use yorozu_app::accounts::{Client, CurrentUser, api_tokens, sessions};
use yorozu_domain::{OrderId, UserId};
use yorozu_web::cookies;

use super::wrk::Request;
use yorozu_store::bench::DataSet;

use crate::generate::Rng;

/// What people search for: words of the generated services' titles and descriptions, and a
/// few that match little.
pub(super) const WORDS: [&str; 24] = [
    "名刺",
    "翻訳",
    "ロゴ",
    "似顔絵",
    "デザイン",
    "動画",
    "占い",
    "イラスト",
    "アイコン",
    "チラシ",
    "バナー",
    "ホームページ",
    "記事",
    "相談",
    "プログラミング",
    "Excel",
    "作曲",
    "ナレーション",
    "丁寧",
    "商用利用",
    "修正無制限",
    "かわいい",
    "LP",
    "書道",
];

/// Filters and orders people add to a query.
const VARIANTS: [&str; 6] = [
    "",
    "&sort=price-low",
    "&min_price=1000&max_price=5000",
    "&sort=rating",
    "&verified=1",
    "&page=2",
];

/// Percent-encodes a query value.
pub(super) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// 144 different searches plus category pages: enough that the search cache does not hold
/// every answer in a measurement of a few seconds.
fn searches() -> Vec<Request> {
    let mut out = Vec::new();
    for word in WORDS {
        for variant in VARIANTS {
            out.push(Request::get(format!("/search?q={}{variant}", encode(word))));
        }
    }
    for category in 1..=13 {
        out.push(Request::get(format!(
            "/search?category={category}&sort=new"
        )));
    }
    out
}

/// Members, with their credentials, that the measured requests act as.
pub struct Fixtures {
    /// Talk rooms of open orders with a session cookie of their buyer.
    pub talk_rooms: Vec<(OrderId, String)>,
    /// API tokens of random members (sellers and buyers).
    pub tokens: Vec<String>,
    /// Buyers who never sell, each with a card and an API token.
    pub buyers: Vec<(String, i64)>,
}

impl Fixtures {
    /// Uses every session and token once, as a member's first visit would: each records
    /// when it was last used, and each talk room its read mark, in a write of its own.
    pub async fn use_once(&self, app: &App) -> anyhow::Result<()> {
        for (order, cookie) in &self.talk_rooms {
            let (member, _) = sessions::authenticate(app, cookie)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .context("bench session not valid")?;
            yorozu_app::orders::view::detail(app, &member, *order)
                .await
                .map_err(|e| anyhow::anyhow!("talk room: {e}"))?;
        }
        for token in self.tokens.iter().chain(self.buyers.iter().map(|(t, _)| t)) {
            api_tokens::authenticate(app, token)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .context("bench token not valid")?;
        }
        Ok(())
    }
}

fn bench_client() -> Client {
    Client {
        ip: "127.0.0.1".into(),
        user_agent: "yorozu bench".into(),
    }
}

async fn member(app: &App, id: i64) -> anyhow::Result<CurrentUser> {
    let mut c = app.db.read().await?;
    CurrentUser::load(&mut c, UserId::new(id))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .context("generated member not active")
}

async fn token(app: &App, id: i64) -> anyhow::Result<String> {
    yorozu_app::testing::api_token(app, UserId::new(id))
        .await
        .map_err(|e| anyhow::anyhow!("token: {e}"))
}

/// How many requests (公開依頼) the request board holds during the measurement.
const REQUESTS_POSTED: usize = 600;

/// Requests on the board, posted through the use case by random members, with the searched
/// words in their titles so that the board's search finds some.
async fn post_requests(app: &App, data: &DataSet, rng: &mut Rng) -> anyhow::Result<()> {
    for i in 0..REQUESTS_POSTED {
        let buyer = member(app, data.members[rng.below(data.members.len())]).await?;
        let word = WORDS[i % WORDS.len()];
        let form = yorozu_app::requests::form::RequestForm {
            category_id: "301".into(),
            title: format!("{word}をお願いしたいです（{i}）"),
            description: format!("{word}の依頼です。詳しくはご相談させてください。"),
            budget_min: "5000".into(),
            budget_max: "50000".into(),
            proposal_days: "30".into(),
            ..Default::default()
        };
        yorozu_app::requests::post::post(app, &buyer, &form, vec![])
            .await
            .map_err(|e| anyhow::anyhow!("request: {e}"))?;
    }
    Ok(())
}

/// The request board's searches: the same words and variants as the service search.
fn request_board_searches() -> Vec<Request> {
    let mut out = vec![Request::get("/requests")];
    for word in WORDS {
        for variant in VARIANTS {
            out.push(Request::get(format!(
                "/requests?q={}{variant}",
                encode(word)
            )));
        }
    }
    out
}

pub async fn prepare(app: &App, data: &DataSet, rng: &mut Rng) -> anyhow::Result<Fixtures> {
    let mut talk_rooms = Vec::new();
    let mut tx = app.db.begin().await?;
    for &(order, buyer) in &data.open_orders {
        let cookie = sessions::start(&mut tx, app, UserId::new(buyer), &bench_client())
            .await
            .map_err(|e| anyhow::anyhow!("session: {e}"))?;
        talk_rooms.push((OrderId::new(order), cookie));
    }
    tx.commit().await?;
    let mut tokens = Vec::new();
    for _ in 0..500 {
        // Not the heavy seller, who withdraws during the benchmark.
        tokens.push(token(app, data.members[rng.below(data.members.len())]).await?);
    }
    post_requests(app, data, rng).await?;
    let mut buyers = Vec::new();
    for &id in &data.buyers {
        let m = member(app, id).await?;
        let card =
            yorozu_app::payments::cards::register_card(app, &m, "4242424242424242", "12/39", "123")
                .await
                .map_err(|e| anyhow::anyhow!("card: {e}"))?;
        buyers.push((token(app, id).await?, card.id));
    }
    Ok(Fixtures {
        talk_rooms,
        tokens,
        buyers,
    })
}

/// The requests of each measurement, by name.
pub struct Requests {
    pub home: Vec<Request>,
    pub search: Vec<Request>,
    /// The request board (公開依頼) with its search, next to the service search.
    pub request_board: Vec<Request>,
    pub service: Vec<Request>,
    pub talk: Vec<Request>,
    pub order: Vec<Request>,
    pub readiness: Vec<Request>,
}

/// How many different services the service page measurements visit.
const SERVICES_VISITED: usize = 500;

impl Requests {
    pub fn new(data: &DataSet, f: &Fixtures, rng: &mut Rng) -> Requests {
        // 500 different services, as visitors favour some: a page asked again is served
        // from the cache, as it would be in production.
        let visited: Vec<i64> = (0..SERVICES_VISITED)
            .map(|_| data.services[rng.below(data.services.len())])
            .collect();
        let service: Vec<Request> = (0..5_000)
            .map(|_| Request::get(format!("/services/{}", visited[rng.below(visited.len())])))
            .collect();
        let talk = f
            .talk_rooms
            .iter()
            .map(|(order, cookie)| {
                Request::get(format!("/orders/{order}"))
                    .header("Cookie", format!("{}={cookie}", cookies::SESSION))
            })
            .collect();
        let readiness = f
            .tokens
            .iter()
            .map(|t| {
                Request::get("/api/v1/me/withdrawal/readiness")
                    .header("Authorization", format!("Bearer {t}"))
            })
            .collect();
        // Each buyer orders from a few services; ids travel as strings in the API.
        let mut order = Vec::new();
        for (token, card) in &f.buyers {
            for _ in 0..8 {
                let listing = data.services[rng.below(data.services.len())];
                order.push(Request {
                    method: "POST",
                    path: "/api/v1/orders".into(),
                    headers: vec![
                        ("Authorization", format!("Bearer {token}")),
                        ("Content-Type", "application/json".into()),
                    ],
                    body: format!(
                        r#"{{"listing_id":"{listing}","options":[],"payment":{{"method":"card","card_id":"{card}"}},"request":"よろしくお願いします。","purchase_key":"bench-purchase-{{n}}"}}"#
                    ),
                });
            }
        }
        Requests {
            home: vec![Request::get("/")],
            search: searches(),
            request_board: request_board_searches(),
            service,
            talk,
            order,
            readiness,
        }
    }

    /// Other members' requests while a job runs: a service page, a talk room and a
    /// readiness check in turn.
    pub fn background(&self) -> Vec<Request> {
        let kinds = [&self.service, &self.talk, &self.readiness];
        (0..900)
            .filter_map(|i| {
                let kind = kinds[i % 3];
                (!kind.is_empty()).then(|| kind[(i / 3) % kind.len()].clone())
            })
            .collect()
    }
}
