//! Id generation: time-ordered 63-bit ids made by the application, portable across databases.

use std::sync::atomic::{AtomicI64, Ordering};

use rand::Rng;

use crate::ports::Clock;

/// The last id this process made: ids of one process are strictly increasing, so rows written
/// one after another in the same millisecond (a delivery and its talk-room note) keep their
/// order. Between processes the random low bits keep ids distinct.
static LAST: AtomicI64 = AtomicI64::new(0);

#[derive(Debug, Clone, Copy, Default)]
pub struct IdGenerator;

impl IdGenerator {
    pub fn next(&self, clock: &dyn Clock) -> i64 {
        // A random start within the millisecond, then upwards from there: distinct from other
        // processes' ids with high probability, ordered within this one.
        let candidate = yorozu_domain::ids::new_id(
            clock.now_millis(),
            rand::thread_rng().r#gen::<u32>() & 0x1F_FFFF,
        );
        let mut last = LAST.load(Ordering::Relaxed);
        loop {
            let next = candidate.max(last + 1);
            match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return next,
                Err(seen) => last = seen,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::FixedClock;

    #[test]
    fn ids_of_one_process_strictly_increase() {
        let clock = FixedClock::at(1_750_000_000);
        let ids: Vec<i64> = (0..10_000).map(|_| IdGenerator.next(&clock)).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
