//! When the donation ask may show: "Remind me later" and the frequency cap.
//!
//! Pure logic over a [`Store`](crate::services::Store), so tests inject a
//! storage that fails; the time is passed in.

use crate::services::Store;
use crate::time::DAY_MS;

/// What can be snoozed; the banner and the ask are snoozed separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Ask,
    Banner,
}

/// Storage keys are scoped to the origin of the donation URL, so two
/// publishers' asks on one partner site never share state.
pub fn key(origin: &str, what: &str) -> String {
    ["article-embed:", what, ":", origin].concat()
}

fn target_key(origin: &str, target: Target) -> String {
    key(origin, if target == Target::Ask { "snooze" } else { "snooze-banner" })
}

/// When the snooze on `target` ends, if it is still in force.
pub fn snoozed_until(store: &dyn Store, origin: &str, target: Target, now_ms: f64) -> Option<f64> {
    let until = crate::num::parse_i64(&store.get(&target_key(origin, target))?)? as f64;
    (until > now_ms).then_some(until)
}

/// Snoozes `target` for `days` days from `now_ms`; returns the end. A store
/// that cannot write is not an error: the caller hides the ask anyway.
pub fn snooze(store: &dyn Store, origin: &str, target: Target, now_ms: f64, days: u32) -> f64 {
    let until = now_ms + f64::from(days) * DAY_MS;
    store.set(&target_key(origin, target), &crate::text::int(until as i64));
    until
}

/// The showings of the ask recorded within the last `days` days.
fn views_within(store: &dyn Store, origin: &str, now_ms: f64, days: u32) -> Vec<f64> {
    let window_start = now_ms - f64::from(days) * DAY_MS;
    store
        .get(&key(origin, "views"))
        .unwrap_or_default()
        .split(',')
        .filter_map(crate::num::parse_i64)
        .map(|t| t as f64)
        .filter(|t| *t > window_start && *t <= now_ms)
        .collect()
}

/// True when the ask has already been shown `views` times in the window.
pub fn capped(store: &dyn Store, origin: &str, now_ms: f64, views: u32, days: u32) -> bool {
    views_within(store, origin, now_ms, days).len() >= views as usize
}

/// Records one showing of the ask (forgetting those outside the window).
pub fn record_view(store: &dyn Store, origin: &str, now_ms: f64, days: u32) {
    let mut views = views_within(store, origin, now_ms, days);
    views.push(now_ms);
    let joined: Vec<String> = views.iter().map(|v| crate::text::int(*v as i64)).collect();
    store.set(&key(origin, "views"), &joined.join(","));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{BrokenStore, FallbackStore, MemoryStore};

    const ORIGIN: &str = "https://news.example";
    const T0: f64 = 1_700_000_000_000.0;

    #[test]
    fn snooze_hides_for_the_given_days_then_expires() {
        let store = MemoryStore::default();
        assert_eq!(snoozed_until(&store, ORIGIN, Target::Ask, T0), None);
        let until = snooze(&store, ORIGIN, Target::Ask, T0, 30);
        assert_eq!(until, T0 + 30.0 * DAY_MS);
        assert_eq!(snoozed_until(&store, ORIGIN, Target::Ask, T0 + 29.0 * DAY_MS), Some(until));
        assert_eq!(snoozed_until(&store, ORIGIN, Target::Ask, until), None);
    }

    #[test]
    fn banner_and_ask_are_snoozed_separately() {
        let store = MemoryStore::default();
        snooze(&store, ORIGIN, Target::Banner, T0, 30);
        assert!(snoozed_until(&store, ORIGIN, Target::Banner, T0).is_some());
        assert!(snoozed_until(&store, ORIGIN, Target::Ask, T0).is_none());
    }

    #[test]
    fn snooze_is_scoped_to_the_donation_origin() {
        let store = MemoryStore::default();
        snooze(&store, ORIGIN, Target::Ask, T0, 30);
        assert!(snoozed_until(&store, "https://other.example", Target::Ask, T0).is_none());
    }

    #[test]
    fn garbage_in_storage_means_not_snoozed() {
        let store = MemoryStore::default();
        for junk in ["", "NaN", "inf", "soon", "1e999"] {
            store.set(&target_key(ORIGIN, Target::Ask), junk);
            assert_eq!(snoozed_until(&store, ORIGIN, Target::Ask, T0), None, "{junk}");
        }
    }

    #[test]
    fn broken_store_never_panics_and_never_snoozes() {
        let until = snooze(&BrokenStore, ORIGIN, Target::Ask, T0, 7);
        assert_eq!(until, T0 + 7.0 * DAY_MS);
        assert_eq!(snoozed_until(&BrokenStore, ORIGIN, Target::Ask, T0), None);
        record_view(&BrokenStore, ORIGIN, T0, 30);
        assert!(!capped(&BrokenStore, ORIGIN, T0, 1, 30));
    }

    #[test]
    fn fallback_store_remembers_when_primary_fails() {
        let store = FallbackStore { primary: BrokenStore, memory: MemoryStore::default() };
        snooze(&store, ORIGIN, Target::Ask, T0, 7);
        assert!(snoozed_until(&store, ORIGIN, Target::Ask, T0).is_some());
    }

    #[test]
    fn frequency_cap_counts_views_in_a_sliding_window() {
        let store = MemoryStore::default();
        for i in 0..3 {
            assert!(!capped(&store, ORIGIN, T0 + f64::from(i) * DAY_MS, 3, 30));
            record_view(&store, ORIGIN, T0 + f64::from(i) * DAY_MS, 30);
        }
        assert!(capped(&store, ORIGIN, T0 + 3.0 * DAY_MS, 3, 30));
        // The first view leaves the window 30 days after it happened.
        assert!(!capped(&store, ORIGIN, T0 + 30.5 * DAY_MS, 3, 30));
    }
}
