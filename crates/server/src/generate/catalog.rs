//! Members and their services.

use yorozu_app::App;
use yorozu_app::listings::rank::rank_score;
use yorozu_domain::listings::categories::{self, Category};
use yorozu_store::bulk::Table;
use yorozu_store::dynamic::Bind;

use super::words::{FAMILY, GIVEN, PROMISE, STYLE, subjects, verb};
use super::{Loader, Options, Rng};

pub(super) struct Member {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub verified: bool,
    pub created_at: i64,
}

pub(super) struct Service {
    pub id: i64,
    /// Index into the members.
    pub seller: usize,
    pub category: &'static Category,
    pub title: String,
    pub description: String,
    pub price: i64,
    pub delivery_days: i64,
    pub revisions: i64,
    pub has_option: bool,
    pub favorites: i64,
    pub published_at: i64,
    /// Figures of the generated orders and reviews (filled in by `orders::plan`).
    pub sales: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
}

/// A quarter of the members sell (at least two: the heavy seller and one more).
pub(super) fn seller_count(members: usize) -> usize {
    (members / 4).max(2).min(members)
}

pub(super) fn members(app: &App, rng: &mut Rng, count: usize, seed: u64) -> Vec<Member> {
    let now = app.now();
    (0..count)
        .map(|n| {
            let created_at = now - (rng.below(3 * 365) as i64 + 100) * 86_400;
            Member {
                id: app.new_id(),
                email: format!("member{n}.{seed}@example.jp"),
                name: format!("{}{}", rng.pick(&FAMILY), rng.pick(&GIVEN)),
                verified: rng.chance(33),
                created_at,
            }
        })
        .collect()
}

pub(super) fn services(app: &App, rng: &mut Rng, members: &[Member], o: &Options) -> Vec<Service> {
    let now = app.now();
    let leaves: Vec<&'static Category> = categories::CATEGORIES
        .iter()
        .filter(|c| c.is_leaf())
        .collect();
    let sellers = seller_count(members.len());
    (0..o.heavy_services + o.services)
        .map(|n| {
            let seller = if n < o.heavy_services {
                0
            } else {
                1 + rng.below(sellers - 1)
            };
            let category = *rng.pick(&leaves);
            let subject = rng.pick(subjects(category));
            let title = format!("{}{}{}", rng.pick(&STYLE), subject, verb(category));
            let description = format!(
                "{subject}のご依頼を承ります。{}{}\n\n【ご購入後の流れ】\nご購入後、トークルームで詳細をお伺いします。{}",
                rng.pick(&PROMISE),
                rng.pick(&PROMISE),
                rng.pick(&PROMISE)
            );
            let age_days = rng.below(720) as i64 + 1;
            Service {
                id: app.new_id(),
                seller,
                category,
                title,
                description,
                price: (5 + rng.below(200)) as i64 * 100,
                delivery_days: (1 + rng.below(14)) as i64,
                revisions: rng.below(4) as i64,
                has_option: rng.chance(50),
                favorites: rng.below(200) as i64,
                published_at: now - age_days * 86_400 / 2,
                sales: 0,
                rating_sum: 0,
                rating_count: 0,
            }
        })
        .collect()
}

pub(super) async fn write_members(
    loader: &mut Loader<'_>,
    members: &[Member],
) -> anyhow::Result<()> {
    // One real Argon2 hash shared by every generated member keeps loading fast; the password
    // is the demo password, so the accounts can be used.
    let hash = yorozu_app::crypto::hash_password(crate::seed::DEMO_PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    for m in members {
        loader
            .add(
                Table::Users,
                vec![
                    Bind::I64(m.id),
                    Bind::Text(m.email.clone()),
                    Bind::I64(m.created_at),
                    Bind::Text(hash.clone()),
                    Bind::Text("active".into()),
                    Bind::Text("member".into()),
                    Bind::Text("ja".into()),
                    Bind::I64(m.created_at),
                    Bind::I64(m.created_at),
                ],
            )
            .await?;
        loader
            .add(
                Table::Profiles,
                vec![
                    Bind::I64(m.id),
                    Bind::Text(m.name.clone()),
                    Bind::Text(
                        "ご覧いただきありがとうございます。丁寧な対応を心がけています。".into(),
                    ),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text(String::new()),
                    Bind::Text("willing".into()),
                    Bind::OptText(None),
                    Bind::OptI64(m.verified.then_some(m.created_at)),
                    Bind::I64(m.created_at),
                ],
            )
            .await?;
    }
    Ok(())
}

pub(super) async fn write_services(
    loader: &mut Loader<'_>,
    members: &[Member],
    services: &[Service],
) -> anyhow::Result<()> {
    for s in services {
        let verified = members[s.seller].verified;
        let rating_x100 = if s.rating_count == 0 {
            0
        } else {
            s.rating_sum * 100 / s.rating_count
        };
        loader
            .add(
                Table::Listings,
                vec![
                    Bind::I64(s.id),
                    Bind::I64(members[s.seller].id),
                    Bind::Text("published".into()),
                    Bind::I64(s.category.id),
                    Bind::I64(s.category.top_level_id()),
                    Bind::Text(s.title.clone()),
                    Bind::Text(s.description.clone()),
                    Bind::I64(s.price),
                    Bind::I64(s.delivery_days),
                    Bind::I64(s.revisions),
                    Bind::Text(String::new()),
                    Bind::I64(s.sales),
                    Bind::I64(s.rating_sum),
                    Bind::I64(s.rating_count),
                    Bind::I64(rating_x100),
                    Bind::I64(s.favorites),
                    Bind::I64(rank_score(
                        s.sales,
                        rating_x100,
                        s.rating_count,
                        s.favorites,
                        verified,
                    )),
                    Bind::Bool(verified),
                    Bind::I64(s.published_at),
                    Bind::I64(s.published_at),
                    Bind::I64(s.published_at),
                ],
            )
            .await?;
        if s.has_option {
            loader
                .add(
                    Table::ListingOptions,
                    vec![
                        Bind::I64(s.id),
                        Bind::I64(0),
                        Bind::Text("特急納品".into()),
                        Bind::I64(1_000),
                    ],
                )
                .await?;
        }
    }
    Ok(())
}
