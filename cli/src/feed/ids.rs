//! Article ids for a batch: unique, stable across runs, and safe as file
//! names (`DIR/<id>.json`).
//!
//! An id is a lower-case slug of `[a-z0-9-]`, at most [`MAX_ID_LEN`]
//! characters before any suffix, made from the first of the item's id
//! sources that gives one (its guid, id or slug, then its link, then its
//! title), else `item-<N>`. Ids are handed out in feed order; one already
//! taken gets `-2`, `-3`, … (and `index` is always taken, for `index.json`),
//! so the same feed always gives the same ids.

use std::collections::HashSet;

/// The longest id made from a source, before a `-2` suffix.
pub const MAX_ID_LEN: usize = 64;

/// Names an id may not have (the files beside the articles).
const RESERVED: &[&str] = &["index"];

/// The ids handed out so far.
#[derive(Debug)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Default for Ids {
    fn default() -> Self {
        Ids { taken: RESERVED.iter().map(|s| (*s).to_owned()).collect() }
    }
}

impl Ids {
    /// The id of item number `position` (1-based), from the first of
    /// `sources` that makes one.
    pub fn assign<S: AsRef<str>>(&mut self, sources: &[S], position: usize) -> String {
        let base = sources.iter().find_map(|s| file_id(s.as_ref())).unwrap_or_else(|| format!("item-{position}"));
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

/// A file-safe id from a guid, id, slug, URL or title; `None` when nothing
/// usable is left.
pub fn file_id(source: &str) -> Option<String> {
    let source = source.trim();
    if source.contains("://") {
        return url_id(source);
    }
    // `tag:news.example,2024:post-42` and `urn:uuid:…`: the part after the
    // last colon is the item's own.
    let lower = source.to_ascii_lowercase();
    if lower.starts_with("tag:") || lower.starts_with("urn:") {
        if let Some(id) = source.rsplit(':').next().and_then(safe_slug) {
            return Some(id);
        }
    }
    safe_slug(source)
}

/// The last path segment of a URL (without a short extension), else its
/// query (`?p=123` → `p-123`), else its host.
fn url_id(url: &str) -> Option<String> {
    let url = url.split('#').next().unwrap_or(url);
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let after_scheme = path.split_once("://").map_or(path, |(_, rest)| rest);
    let (host, path) = after_scheme.split_once('/').unwrap_or((after_scheme, ""));
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let stem = match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => last,
    };
    safe_slug(stem).or_else(|| safe_slug(query)).or_else(|| safe_slug(host))
}

/// Lower-case ASCII letters and digits; every other run of characters is
/// one `-`; cut to [`MAX_ID_LEN`].
pub fn safe_slug(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len().min(MAX_ID_LEN));
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() == MAX_ID_LEN {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            if out.len() + 1 >= MAX_ID_LEN {
                break;
            }
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    (!out.is_empty()).then(|| out.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_safe(id: &str) -> bool {
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    #[test]
    fn ids_come_from_guids_urls_and_titles() {
        let cases = [
            ("https://news.example/2024/03/01/pipeline-reopens/", "pipeline-reopens"),
            ("https://news.example/2024/03/01/pipeline-reopens.html?utm=x#top", "pipeline-reopens"),
            ("https://blog.example/?p=123", "p-123"),
            ("https://blog.example/", "blog-example"),
            ("tag:news.example,2024:post-42", "post-42"),
            ("urn:uuid:1225C695-CFB8-4EBB-AAAA-80DA344EFA6A", "1225c695-cfb8-4ebb-aaaa-80da344efa6a"),
            ("Rock & Roll — Live!", "rock-roll-live"),
            ("../../etc/passwd", "etc-passwd"),
            ("C:\\Windows\\system32", "c-windows-system32"),
            ("  42  ", "42"),
        ];
        for (source, want) in cases {
            assert_eq!(file_id(source).as_deref(), Some(want), "{source}");
        }
        assert_eq!(file_id("Новости"), None, "nothing ASCII is left");
        assert_eq!(file_id("..."), None);
    }

    #[test]
    fn long_sources_are_cut_and_stay_safe() {
        let id = file_id(&"word ".repeat(100)).unwrap();
        assert!(id.len() <= MAX_ID_LEN && is_safe(&id) && !id.ends_with('-'), "{id}");
    }

    #[test]
    fn collisions_get_suffixes_in_feed_order_and_index_is_reserved() {
        let mut ids = Ids::default();
        assert_eq!(ids.assign(&["a"], 1), "a");
        assert_eq!(ids.assign(&["A!"], 2), "a-2");
        assert_eq!(ids.assign(&["a-2"], 3), "a-2-2");
        assert_eq!(ids.assign(&["a"], 4), "a-3");
        assert_eq!(ids.assign(&["index"], 5), "index-2");
        assert_eq!(ids.assign(&["Новости", "https://n.example/b"], 6), "b", "the next source");
        assert_eq!(ids.assign::<&str>(&[], 7), "item-7");
    }
}
