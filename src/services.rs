//! The services the components reach side effects through: a [`Clock`] and
//! a [`Store`], bundled as [`Services`] in the view context. The browser's
//! implementations (`Date.now`, `localStorage`) live in the embed layer;
//! tests inject a fixed clock and a store that fails.

use std::cell::RefCell;
use std::rc::Rc;

pub trait Clock {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> f64;
}

/// A string key-value store. Implementations never panic: a store that
/// cannot read returns `None`; one that cannot write returns `false`.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> bool;
}

/// A store that lives as long as the page: used with `data-dnt="true"` and
/// when the browser's storage is unavailable.
#[derive(Default)]
pub struct MemoryStore(RefCell<Vec<(String, String)>>);

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    fn set(&self, key: &str, value: &str) -> bool {
        let mut entries = self.0.borrow_mut();
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.to_owned(),
            None => entries.push((key.to_owned(), value.to_owned())),
        }
        true
    }
}

/// Tries the primary store first and keeps every write in memory as well,
/// so a store that throws still behaves for the rest of the page's life.
pub struct FallbackStore<S> {
    pub primary: S,
    pub memory: MemoryStore,
}

impl<S: Store> Store for FallbackStore<S> {
    fn get(&self, key: &str) -> Option<String> {
        self.memory.get(key).or_else(|| self.primary.get(key))
    }

    fn set(&self, key: &str, value: &str) -> bool {
        self.memory.set(key, value);
        self.primary.set(key, value)
    }
}

/// The clock and store the components use, provided by the embed layer (or
/// a test) through a Yew context.
#[derive(Clone)]
pub struct Services {
    pub clock: Rc<dyn Clock>,
    pub store: Rc<dyn Store>,
    /// A uniform random number in `0..1` (the A/B assignment's draw).
    pub random: fn() -> f64,
    /// The store may keep what the reader did beyond this page (false with
    /// `data-dnt="true"`): the A/B draw and the article count need it.
    pub persistent: bool,
}

impl PartialEq for Services {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.clock, &other.clock)
            && Rc::ptr_eq(&self.store, &other.store)
            && std::ptr::fn_addr_eq(self.random, other.random)
            && self.persistent == other.persistent
    }
}

/// A store whose every read and write fails, like a blocked `localStorage`
/// (for the tests of what is kept in a store).
#[cfg(test)]
pub(crate) struct BrokenStore;

#[cfg(test)]
impl Store for BrokenStore {
    fn get(&self, _: &str) -> Option<String> {
        None
    }
    fn set(&self, _: &str, _: &str) -> bool {
        false
    }
}
