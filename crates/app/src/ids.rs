//! Id generation: time-ordered 63-bit ids made by the application, portable across databases.

use rand::Rng;

use crate::ports::Clock;

#[derive(Debug, Clone, Copy, Default)]
pub struct IdGenerator;

impl IdGenerator {
    pub fn next(&self, clock: &dyn Clock) -> i64 {
        yorozu_domain::ids::new_id(clock.now_millis(), rand::thread_rng().r#gen::<u32>())
    }
}
