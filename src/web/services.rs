//! The browser's clock and storage behind the model's traits.

use std::rc::Rc;

use crate::services::{Clock, FallbackStore, MemoryStore, Services, Store};

struct DateClock;

impl Clock for DateClock {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}

/// `localStorage`, where every failure (blocked, full, private mode) is
/// a `None` or a `false`, never an exception.
struct LocalStore;

impl LocalStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> bool {
        Self::storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }
}

thread_local! {
    static PERSISTENT: Services = Services {
        clock: Rc::new(DateClock),
        store: Rc::new(FallbackStore { primary: LocalStore, memory: MemoryStore::default() }),
        random: js_sys::Math::random,
        persistent: true,
    };
    static PAGE_ONLY: Services = Services {
        clock: Rc::new(DateClock),
        store: Rc::new(MemoryStore::default()),
        random: js_sys::Math::random,
        persistent: false,
    };
}

/// The page's services; with `dnt` nothing outlives the page.
pub fn services(dnt: bool) -> Services {
    if dnt {
        PAGE_ONLY.with(Clone::clone)
    } else {
        PERSISTENT.with(Clone::clone)
    }
}
