//! Whether the browser is online, and a callback when it comes back online.

use yew::prelude::*;

/// True while the browser reports itself online (always true on a server).
/// `on_online` is called each time the browser goes from offline to online.
#[hook]
pub fn use_online(on_online: Callback<()>) -> bool {
    let online = use_state(browser::is_online);
    // The listeners live as long as the component; they call the latest
    // callback, which sees the latest state.
    let latest = use_mut_ref(|| on_online.clone());
    *latest.borrow_mut() = on_online;
    {
        let online = online.clone();
        use_effect_with((), move |()| {
            let listeners = browser::listen(
                Callback::from({
                    let online = online.clone();
                    move |()| {
                        online.set(true);
                        let on_online = latest.borrow().clone();
                        on_online.emit(());
                    }
                }),
                Callback::from(move |()| online.set(false)),
            );
            move || drop(listeners)
        });
    }
    *online
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use yew::Callback;

    pub fn is_online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    /// Removes its listeners when dropped.
    pub struct Listeners(Vec<(&'static str, Closure<dyn FnMut()>)>);

    impl Drop for Listeners {
        fn drop(&mut self) {
            if let Some(window) = web_sys::window() {
                for (name, closure) in &self.0 {
                    let _ = window.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
                }
            }
        }
    }

    pub fn listen(on_online: Callback<()>, on_offline: Callback<()>) -> Listeners {
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            for (name, cb) in [("online", on_online), ("offline", on_offline)] {
                let closure: Closure<dyn FnMut()> = Closure::new(move || cb.emit(()));
                if window.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).is_ok() {
                    listeners.push((name, closure));
                }
            }
        }
        Listeners(listeners)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use yew::Callback;

    pub fn is_online() -> bool {
        true
    }

    pub struct Listeners;

    pub fn listen(_: Callback<()>, _: Callback<()>) -> Listeners {
        Listeners
    }
}
