//! One fetch per article URL per page: every embed of the same `src` shares
//! the same request and the same parsed article. Failures are not kept, so
//! "Try again" fetches afresh.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::fetch::fetch_article;
use crate::error::LoadError;
use crate::model::Article;

type Outcome = Result<Rc<Article>, LoadError>;

#[derive(Default)]
struct Slot {
    outcome: Option<Outcome>,
    waiting: Vec<Waker>,
}

thread_local! {
    /// A page holds a handful of distinct articles: a list beats a hash map
    /// (and keeps one more map type out of the bundle).
    static ARTICLES: RefCell<Vec<(String, Rc<RefCell<Slot>>)>> = const { RefCell::new(Vec::new()) };
}

/// The article at `url`, fetched at most once per page while it succeeds.
pub async fn load_article(url: &str, timeout_ms: u32) -> Outcome {
    let (slot, is_new) = ARTICLES.with(|articles| {
        let mut articles = articles.borrow_mut();
        match articles.iter().find(|(u, _)| u == url) {
            Some((_, slot)) => (slot.clone(), false),
            None => {
                let slot = Rc::new(RefCell::new(Slot::default()));
                articles.push((url.to_owned(), slot.clone()));
                (slot, true)
            }
        }
    });
    if is_new {
        let slot = slot.clone();
        let url = url.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = fetch_article(&url, timeout_ms).await;
            if outcome.is_err() {
                ARTICLES.with(|articles| articles.borrow_mut().retain(|(u, _)| *u != url));
            }
            let waiting = {
                let mut slot = slot.borrow_mut();
                slot.outcome = Some(outcome);
                std::mem::take(&mut slot.waiting)
            };
            for waker in waiting {
                waker.wake();
            }
        });
    }
    Shared(slot).await
}

/// Resolves when the slot has an outcome.
struct Shared(Rc<RefCell<Slot>>);

impl Future for Shared {
    type Output = Outcome;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Outcome> {
        let mut slot = self.0.borrow_mut();
        match &slot.outcome {
            Some(outcome) => Poll::Ready(outcome.clone()),
            None => {
                slot.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
