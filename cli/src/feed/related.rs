//! Related links from the batch itself: for each article, up to
//! `config::DEFAULT_RELATED` other items that share its section or a
//! category or tag, newest first; never itself, and none when nothing is
//! shared. The same order, newest first, is `index.json`'s.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use article_embed::time::Timestamp;
use article_embed::wire;

/// An item as the rest of the batch sees it: a few lines per item, kept
/// for the whole batch while the articles themselves wait on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// 1-based, in feed order.
    pub position: usize,
    pub id: String,
    /// Its guid, for messages.
    pub guid: Option<String>,
    pub headline: String,
    pub url: Option<String>,
    pub image: Option<String>,
    pub date: Option<Timestamp>,
    /// Its section, categories and tags, normalized by [`key`].
    pub keys: Vec<String>,
}

impl Meta {
    /// The article's entry in another article's `related`.
    pub fn as_related(&self) -> wire::Related {
        wire::Related {
            headline: self.headline.clone(),
            url: self.url.clone(),
            image: self.image.clone(),
            date_published: self.date.as_ref().map(|t| t.raw.clone()),
        }
    }
}

/// A section, category or tag as compared: case and spacing ignored.
pub fn key(name: &str) -> Option<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Newest first; undated items last; ties in feed order.
pub fn newer(a: &Meta, b: &Meta) -> Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.unix_ms.cmp(&x.unix_ms),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then(a.position.cmp(&b.position))
}

/// The indices of `metas`, newest first.
pub fn newest_first(metas: &[Meta]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..metas.len()).collect();
    order.sort_by(|&a, &b| newer(&metas[a], &metas[b]));
    order
}

/// For each item, the indices of at most `max` related items, newest first.
pub fn select(metas: &[Meta], max: usize) -> Vec<Vec<usize>> {
    let order = newest_first(metas);
    let mut rank = vec![0; metas.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    // Each key's items, newest first (the order is walked newest first).
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &order {
        for k in &metas[i].keys {
            by_key.entry(k.as_str()).or_default().push(i);
        }
    }
    metas
        .iter()
        .enumerate()
        .map(|(i, meta)| {
            // The newest `max` others of each shared key hold the newest `max` overall.
            let mut picked: Vec<usize> = meta
                .keys
                .iter()
                .filter_map(|k| by_key.get(k.as_str()))
                .flat_map(|items| items.iter().copied().filter(|&j| j != i).take(max))
                .collect();
            picked.sort_by_key(|&j| rank[j]);
            picked.dedup();
            picked.truncate(max);
            picked
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_embed::time::parse_rfc3339;

    fn meta(position: usize, date: Option<&str>, keys: &[&str]) -> Meta {
        Meta {
            position,
            id: format!("a{position}"),
            guid: None,
            headline: format!("A{position}"),
            url: None,
            image: None,
            date: date.and_then(parse_rfc3339),
            keys: keys.iter().filter_map(|k| key(k)).collect(),
        }
    }

    fn ids(metas: &[Meta], picked: &[usize]) -> Vec<usize> {
        picked.iter().map(|&j| metas[j].position).collect()
    }

    #[test]
    fn related_share_a_key_newest_first_at_most_three_never_itself() {
        let metas = [
            meta(1, Some("2024-03-01T00:00:00Z"), &["Politics", "oil"]),
            meta(2, Some("2024-03-05T00:00:00Z"), &["politics"]),
            meta(3, Some("2024-03-03T00:00:00Z"), &["Oil"]),
            meta(4, None, &["  POLITICS "]),
            meta(5, Some("2024-03-04T00:00:00Z"), &["oil", "politics"]),
            meta(6, Some("2024-03-09T00:00:00Z"), &["sport"]),
            meta(7, Some("2024-03-02T00:00:00Z"), &[]),
        ];
        let related = select(&metas, 3);
        assert_eq!(ids(&metas, &related[0]), [2, 5, 3], "newest first, at most three, deduplicated");
        assert_eq!(ids(&metas, &related[3]), [2, 5, 1], "undated items still get related links");
        assert_eq!(ids(&metas, &related[1]), [5, 1, 4], "undated items come last");
        assert_eq!(ids(&metas, &related[5]), Vec::<usize>::new(), "nothing shares its key");
        assert_eq!(ids(&metas, &related[6]), Vec::<usize>::new(), "no keys, no related");
    }

    #[test]
    fn index_order_is_newest_first_then_feed_order() {
        let metas = [meta(1, None, &[]), meta(2, Some("2024-01-01T00:00:00+05:00"), &[]), meta(3, Some("2023-12-31T20:00:00Z"), &[]), meta(4, None, &[])];
        assert_eq!(newest_first(&metas), [2, 1, 0, 3], "instants compared, not the text");
    }
}
