//! The donation ask's audience state for one article: the reader's A/B
//! variant and their article count, read and recorded once per article
//! through the view context's services.

use yew::prelude::*;

use crate::ask;
use crate::model::{ArticleRef, Donation, Variant};
use crate::services::Services;

/// What the ask knows about this reader.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AskAudience {
    /// The index of the assigned variant in `donation.variants`.
    pub variant: Option<usize>,
    /// This publisher's articles the reader saw in the last 30 days; `None`
    /// when unknown (do not track, storage unavailable, a server render).
    pub count: Option<u64>,
}

impl AskAudience {
    /// The assigned variant of `donation`, if any.
    pub fn variant_of<'d>(&self, donation: &'d Donation) -> Option<&'d Variant> {
        self.variant.and_then(|i| donation.variants.get(i))
    }
}

/// Assigns the variant (stably per browser, or per page view with do not
/// track) and counts this article, once per article; `origin` scopes both.
/// Without `services` (a server render) there is neither.
#[hook]
pub fn use_ask(services: Option<Services>, article: ArticleRef, origin: AttrValue) -> AskAudience {
    let audience = use_memo((article, origin), move |(article, origin)| {
        let (Some(services), Some(donation)) = (services.as_ref(), article.donation.as_ref()) else {
            return AskAudience::default();
        };
        let store = &*services.store;
        let variant = (!donation.variants.is_empty())
            .then(|| ask::roll(store, origin, (services.random)(), services.persistent))
            .and_then(|roll| ask::assign(&donation.variants, roll))
            .and_then(|chosen| donation.variants.iter().position(|v| std::ptr::eq(v, chosen)));
        let count = match (&article.id, services.persistent) {
            (Some(id), true) => ask::count_article(store, origin, id, services.clock.now_ms()),
            _ => None,
        };
        AskAudience { variant, count }
    });
    (*audience).clone()
}
