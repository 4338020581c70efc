//! "Remind me later" state for the banner or the ask, kept in the store and
//! shared by every embed on the page: snoozing one publisher's ask hides it
//! in all of that publisher's embeds at once.

use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::services::Services;
use crate::snooze::{self, Target};

/// The snooze state of one target and how to snooze it.
#[derive(Clone, PartialEq)]
pub struct UseSnooze {
    /// End of the snooze in force (ms since the epoch), if any.
    pub until: Option<f64>,
    /// True after the reader snoozed here on this page view (not after a
    /// reload, and not in the other embeds that followed along).
    pub just_snoozed: bool,
    /// Snoozes for the given number of days; the new `until` is in `until`.
    pub snooze: Callback<u32>,
}

struct Watcher {
    id: u64,
    origin: AttrValue,
    target: Target,
    on_snooze: Callback<f64>,
}

thread_local! {
    /// Every mounted snooze on the page.
    static WATCHERS: RefCell<Vec<Watcher>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Tells every embed watching `origin`/`target` that it is snoozed until `end`.
fn broadcast(origin: &str, target: Target, end: f64) {
    let callbacks: Vec<Callback<f64>> = WATCHERS.with(|w| {
        w.borrow().iter().filter(|w| w.origin == origin && w.target == target).map(|w| w.on_snooze.clone()).collect()
    });
    for callback in callbacks {
        callback.emit(end);
    }
}

#[hook]
pub fn use_snooze(services: Option<Services>, origin: AttrValue, target: Target) -> UseSnooze {
    let until = {
        let services = services.clone();
        let origin = origin.clone();
        use_state(move || {
            let s = services?;
            snooze::snoozed_until(&*s.store, &origin, target, s.clock.now_ms())
        })
    };
    let just_snoozed = use_state(|| false);
    {
        let setter = until.setter();
        use_effect_with(origin.clone(), move |origin| {
            let id = NEXT_ID.with(|n| {
                n.set(n.get() + 1);
                n.get()
            });
            let on_snooze = Callback::from(move |end: f64| setter.set(Some(end)));
            WATCHERS.with(|w| w.borrow_mut().push(Watcher { id, origin: origin.clone(), target, on_snooze }));
            move || WATCHERS.with(|w| w.borrow_mut().retain(|w| w.id != id))
        });
    }
    let snooze_cb = {
        let just_snoozed = just_snoozed.clone();
        Callback::from(move |days: u32| {
            let now = services.as_ref().map_or(0.0, |s| s.clock.now_ms());
            let end = match services.as_ref() {
                Some(s) => snooze::snooze(&*s.store, &origin, target, now, days),
                None => now + f64::from(days) * crate::time::DAY_MS,
            };
            just_snoozed.set(true);
            broadcast(&origin, target, end);
        })
    };
    UseSnooze { until: *until, just_snoozed: *just_snoozed, snooze: snooze_cb }
}
