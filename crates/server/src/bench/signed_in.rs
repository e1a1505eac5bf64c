//! The signed-in service page: the same service pages as `service`, each asked with a
//! member's session cookie (the buyers of the open orders, in turn). Such a page is rendered
//! per member, from the cached service data, with the member's own parts (favourite mark,
//! menu), so it measures what the shared anonymous HTML cannot serve.

use yorozu_web::cookies;

use super::fixtures::Fixtures;
use super::wrk::Request;

pub(super) fn service_pages(service: &[Request], f: &Fixtures) -> Vec<Request> {
    service
        .iter()
        .zip(f.talk_rooms.iter().cycle())
        .map(|(page, (_, cookie))| {
            Request::get(page.path.clone())
                .header("Cookie", format!("{}={cookie}", cookies::SESSION))
        })
        .collect()
}
