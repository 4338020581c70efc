//! A counter: one function component, one state hook, one click handler,
//! mounted into an element. Every Yew app pays at least this much.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <article>
            <h1>{ "Hello" }</h1>
            <button {onclick}>{ "Clicked " }{ *count }</button>
        </article>
    }
}

#[wasm_bindgen]
pub fn mount(id: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(root) = root {
        yew::Renderer::<Counter>::with_root(root).render();
    }
}
