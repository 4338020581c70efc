//! Calls back once, the first time an element enters the viewport: a
//! "showing" of the donation ask, for the frequency cap.

use yew::prelude::*;

/// Emits `on_visible` the first time `node` is at least half visible.
/// Rendering on a server never emits.
#[hook]
pub fn use_first_visible(node: NodeRef, on_visible: Callback<()>) {
    #[cfg(target_arch = "wasm32")]
    {
        use_effect_with(node, move |node| {
            let observer = browser::observe(node, on_visible);
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (node, on_visible);
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
    use yew::{Callback, NodeRef};

    type Handler = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

    pub fn observe(node: &NodeRef, on_visible: Callback<()>) -> Option<(IntersectionObserver, Handler)> {
        let element = node.cast::<web_sys::Element>()?;
        let seen = Rc::new(Cell::new(false));
        let closure: Handler = Closure::new(move |entries: js_sys::Array, observer: IntersectionObserver| {
            let visible = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>().is_ok_and(|e| e.is_intersecting() && e.intersection_ratio() >= 0.5)
            });
            if visible && !seen.replace(true) {
                observer.disconnect();
                on_visible.emit(());
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_threshold(&JsValue::from_f64(0.5));
        let observer = IntersectionObserver::new_with_options(closure.as_ref().unchecked_ref(), &init).ok()?;
        observer.observe(&element);
        Some((observer, closure))
    }
}
