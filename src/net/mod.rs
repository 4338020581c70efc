//! The network, browser only: `fetch.rs` fetches one article (time limit,
//! size cap, typed errors) and `cache.rs` makes that one request per article
//! URL per page, however many embeds show it. The load hook and nothing else
//! calls it.

pub mod cache;
pub mod fetch;
