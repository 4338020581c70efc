//! The Yew components that render an article. They only render what they are
//! given: no fetching, no page scanning, no storage except through the
//! [`Services`](crate::services::Services) in the
//! [`ViewContext`](crate::context::ViewContext).

mod article_view;
mod banner;
mod block;
mod card;
mod donation;
mod error_view;
mod inline;
mod notices;
mod related;
mod root;
mod skeleton;
mod ticker;

pub use article_view::{ArticleView, ArticleViewProps, EXCERPT_BLOCKS};
pub use banner::donation_banner;
pub use block::block_view;
pub use card::{article_card, cut_at_word, summary};
pub use donation::DonationAsk;
pub use error_view::{error_view, ErrorViewProps};
pub use notices::notices;
pub use related::related_list;
pub use root::root;
pub use skeleton::skeleton;
pub use ticker::ticker_view;

use yew::html::IntoPropValue;

use crate::model::{Article, ArticleRef};

/// `article={rc}` takes a shared article as it comes from the cache or a test.
impl IntoPropValue<ArticleRef> for std::rc::Rc<Article> {
    fn into_prop_value(self) -> ArticleRef {
        ArticleRef(self)
    }
}
