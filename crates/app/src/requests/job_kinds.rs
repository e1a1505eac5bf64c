//! The request jobs' payloads (they run in [`super::jobs`]).

use serde::{Deserialize, Serialize};
use yorozu_domain::RequestId;

/// At its proposal deadline, a request still open closes and its open proposals end.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestDeadline {
    pub request_id: RequestId,
}
