//! The signed-in service page: the same service pages as `service`, each asked with the
//! session cookie of one of a few hundred generated members, in turn. Such a page is rendered
//! per member, from the cached service data, with the member's own parts (favourite mark,
//! menu), so it measures what the shared anonymous HTML cannot serve.

use yorozu_app::App;
use yorozu_app::accounts::{Client, sessions};
use yorozu_domain::UserId;
use yorozu_store::bench::DataSet;
use yorozu_web::cookies;

use super::wrk::Request;

/// Members signed in for the measurement.
const MEMBERS: usize = 200;

pub(super) async fn service_pages(
    app: &App,
    data: &DataSet,
    service: &[Request],
) -> anyhow::Result<Vec<Request>> {
    let client = Client {
        ip: "127.0.0.1".into(),
        user_agent: "yorozu bench".into(),
    };
    let mut sessions = Vec::new();
    let mut tx = app.db.begin().await?;
    // Not the heavy seller, who withdraws during the benchmark (not in `members`).
    for &member in data.members.iter().take(MEMBERS) {
        let cookie = sessions::start(&mut tx, app, UserId::new(member), &client)
            .await
            .map_err(|e| anyhow::anyhow!("session: {e}"))?;
        sessions.push(cookie);
    }
    tx.commit().await?;
    Ok(service
        .iter()
        .zip(sessions.iter().cycle())
        .map(|(page, cookie)| {
            Request::get(page.path.clone())
                .header("Cookie", format!("{}={cookie}", cookies::SESSION))
        })
        .collect())
}
