//! Loads one article: a small state machine driven by a reducer, fed by the
//! embed layer's fetcher.

use std::rc::Rc;

use yew::prelude::*;

use crate::error::LoadError;
use crate::model::{Article, ArticleRef};
use crate::net::cache::load_article;

/// Where loading one article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(ArticleRef),
    Failed(LoadError),
}

enum Action {
    Start,
    Done(Result<Rc<Article>, LoadError>),
}

#[derive(Clone, PartialEq)]
struct Machine {
    state: LoadState,
    attempt: u32,
}

impl Reducible for Machine {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Start => Machine { state: LoadState::Loading, attempt: self.attempt + 1 },
            Action::Done(Ok(article)) => Machine { state: LoadState::Loaded(ArticleRef(article)), attempt: self.attempt },
            Action::Done(Err(e)) => Machine { state: LoadState::Failed(e), attempt: self.attempt },
        })
    }
}

/// The load state of `src`, and a callback that loads it again.
#[hook]
pub fn use_article(src: AttrValue, timeout_ms: u32) -> (LoadState, Callback<()>) {
    let machine = use_reducer(|| Machine { state: LoadState::Loading, attempt: 0 });
    // The `src` of the latest render: a load that finishes after `src` has
    // changed is dropped, so the state (and the rendered event) never pairs
    // one article with another's `src`.
    let current = use_mut_ref(|| src.clone());
    current.replace(src.clone());
    {
        let dispatcher = machine.dispatcher();
        use_effect_with((src, machine.attempt), move |(src, _)| {
            let src = src.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = load_article(&src, timeout_ms).await;
                if *current.borrow() == src {
                    dispatcher.dispatch(Action::Done(result));
                }
            });
        });
    }
    let retry = {
        let dispatcher = machine.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Start))
    };
    (machine.state.clone(), retry)
}
