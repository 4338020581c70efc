//! What the server-rendering tests (`ssr.rs`) and the browser tests
//! (`web.rs`) share: the seed article and a clock that never moves.

use std::rc::Rc;

use article_embed::model::Article;
use article_embed::parse::parse_article;
use article_embed::services::Clock;

pub const SEED: &str = include_str!("../../www/articles/four-officers.json");
pub const BASE: &str = "https://news.example/embed/four-officers.json";
pub const NOW: f64 = 1_700_000_000_000.0;

pub struct FixedClock;

impl Clock for FixedClock {
    fn now_ms(&self) -> f64 {
        NOW
    }
}

/// The seed article, parsed as the widget parses it.
pub fn seed() -> Rc<Article> {
    Rc::new(parse_article(SEED, Some(BASE)).expect("seed parses").article)
}
