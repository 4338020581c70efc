//! "Remind me later" state for the banner or the ask, kept in the store.

use yew::prelude::*;

use crate::components::use_view_context;
use crate::snooze::{self, Target};

/// The snooze state of one target and how to snooze it.
#[derive(Clone, PartialEq)]
pub struct UseSnooze {
    /// End of the snooze in force (ms since the epoch), if any.
    pub until: Option<f64>,
    /// True after the reader snoozed on this page view (not after a reload).
    pub just_snoozed: bool,
    /// Snoozes for the given number of days; the new `until` is in `until`.
    pub snooze: Callback<u32>,
}

#[hook]
pub fn use_snooze(origin: AttrValue, target: Target) -> UseSnooze {
    let ctx = use_view_context();
    let services = ctx.services.clone();
    let until = {
        let services = services.clone();
        let origin = origin.clone();
        use_state(move || {
            let s = services?;
            snooze::snoozed_until(&*s.store, &origin, target, s.clock.now_ms())
        })
    };
    let just_snoozed = use_state(|| false);
    let snooze_cb = {
        let until = until.clone();
        let just_snoozed = just_snoozed.clone();
        Callback::from(move |days: u32| {
            let Some(s) = services.as_ref() else {
                just_snoozed.set(true);
                return;
            };
            let end = snooze::snooze(&*s.store, &origin, target, s.clock.now_ms(), days);
            until.set(Some(end));
            just_snoozed.set(true);
        })
    };
    UseSnooze { until: *until, just_snoozed: *just_snoozed, snooze: snooze_cb }
}
