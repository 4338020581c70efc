//! What the donation ask says to this reader: the A/B variant they are
//! assigned, the number of this publisher's articles they have read, and the
//! copy that results.
//!
//! Pure logic over a [`Store`]; the hook (`hooks::use_ask`) supplies the
//! store, the clock and a random number. Keys are scoped to the donation's
//! origin, like the snooze keys, so two publishers never share state.

use crate::model::{Cta, Donation, Variant};
use crate::services::Store;
use crate::snooze::key;
use crate::time::DAY_MS;

/// The placeholder for the reader's article count.
pub const ARTICLE_COUNT: &str = "%%ARTICLE_COUNT%%";
/// The window the count covers.
pub const COUNT_DAYS: u32 = 30;
/// How many article ids are kept per publisher (the oldest go first).
pub const MAX_COUNTED: usize = 300;
/// A paragraph with the placeholder shows from this count on.
pub const MIN_COUNT_SHOWN: u64 = 2;

/// The variant for a reader whose stable random number is `roll` (in
/// `0..1`): each variant gets a share of `0..1` proportional to its weight.
/// `None` without variants, or when no weight is usable.
pub fn assign(variants: &[Variant], roll: f64) -> Option<&Variant> {
    let total: f64 = variants.iter().map(|v| v.weight).filter(|w| w.is_finite() && *w > 0.0).sum();
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    let target = roll.clamp(0.0, 1.0) * total;
    let mut reached = 0.0;
    let usable = variants.iter().filter(|v| v.weight.is_finite() && v.weight > 0.0);
    let mut last = None;
    for v in usable {
        reached += v.weight;
        last = Some(v);
        if target < reached {
            return Some(v);
        }
    }
    last
}

/// This browser's random number for the publisher at `origin`: the stored
/// one, else `fresh`, stored for next time. With `persist` false (do not
/// track) nothing is read or written and `fresh` is used for this page view.
pub fn roll(store: &dyn Store, origin: &str, fresh: f64, persist: bool) -> f64 {
    if !persist {
        return fresh;
    }
    let k = key(origin, "variant");
    if let Some(stored) = store.get(&k).and_then(|v| parse_roll(&v)) {
        return stored;
    }
    // Stored as millionths: integers only, no float parser in the bundle.
    let micros = (fresh.clamp(0.0, 1.0) * 1_000_000.0) as u32;
    store.set(&k, &crate::text::int(micros));
    f64::from(micros.min(999_999)) / 1_000_000.0
}

fn parse_roll(text: &str) -> Option<f64> {
    let micros = crate::num::parse_u32(text)?;
    (micros < 1_000_000).then(|| f64::from(micros) / 1_000_000.0)
}

/// Records that this reader saw article `id` of the publisher at `origin`
/// now, and returns how many distinct articles of that publisher they saw in
/// the last [`COUNT_DAYS`] days (this one included). `None` when the store
/// cannot keep it (storage unavailable): the count is unknown.
pub fn count_article(store: &dyn Store, origin: &str, id: &str, now_ms: f64) -> Option<u64> {
    let id = id.replace('\n', " ");
    let id = id.as_str();
    let k = key(origin, "seen");
    let since = now_ms - f64::from(COUNT_DAYS) * DAY_MS;
    // One "time id" line per article, newest last.
    let mut seen: Vec<(String, i64)> = store
        .get(&k)
        .unwrap_or_default()
        .split('\n')
        .filter_map(|line| {
            let (t, id) = line.split_once(' ')?;
            Some((id.to_owned(), crate::num::parse_i64(t)?))
        })
        .filter(|(other, t)| (*t as f64) > since && other != id)
        .collect();
    seen.push((id.to_owned(), now_ms as i64));
    if seen.len() > MAX_COUNTED {
        let drop = seen.len() - MAX_COUNTED;
        seen.drain(..drop);
    }
    let text: Vec<String> = seen.iter().map(|(id, t)| crate::cat!(t, " ", id)).collect();
    store.set(&k, &text.join("\n")).then_some(seen.len() as u64)
}

/// The ask's copy for this reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    pub highlight: Option<String>,
    pub cta: Option<Cta>,
}

/// The base copy with `variant`'s fields in place of the base's, and the
/// article count put in: a heading or paragraph that holds the placeholder
/// is left out while `count` is unknown or below [`MIN_COUNT_SHOWN`];
/// `number` formats the count for the UI language.
pub fn copy(donation: &Donation, variant: Option<&Variant>, count: Option<u64>, number: impl Fn(u64) -> String) -> Copy {
    let shown = count.filter(|n| *n >= MIN_COUNT_SHOWN).map(number);
    let fill = |text: &String| -> Option<String> {
        if crate::text::find_str(text, ARTICLE_COUNT).is_none() {
            return Some(text.clone());
        }
        let n = shown.as_ref()?;
        let (mut out, mut rest) = (String::with_capacity(text.len()), text.as_str());
        while let Some(at) = crate::text::find_str(rest, ARTICLE_COUNT) {
            out.push_str(&rest[..at]);
            out.push_str(n);
            rest = &rest[at + ARTICLE_COUNT.len()..];
        }
        out.push_str(rest);
        Some(out)
    };
    let heading = variant.and_then(|v| v.heading.as_ref()).or(donation.heading.as_ref());
    let paragraphs = variant.and_then(|v| v.paragraphs.as_ref()).unwrap_or(&donation.paragraphs);
    let highlight = variant.and_then(|v| v.highlight.as_ref()).or(donation.highlight.as_ref());
    let cta = variant.and_then(|v| v.cta.as_ref()).or(donation.cta.as_ref());
    Copy {
        heading: heading.and_then(fill),
        paragraphs: paragraphs.iter().filter_map(fill).collect(),
        highlight: highlight.and_then(fill),
        cta: cta.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{BrokenStore, FallbackStore, MemoryStore};

    const ORIGIN: &str = "https://news.example";
    const T0: f64 = 1_700_000_000_000.0;

    fn variant(id: &str, weight: f64) -> Variant {
        Variant { id: id.into(), weight, heading: None, paragraphs: None, highlight: None, cta: None }
    }

    /// A deterministic stand-in for 10,000 browsers' random numbers.
    fn rolls(n: u32) -> impl Iterator<Item = f64> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..n).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        })
    }

    #[test]
    fn weights_one_to_three_split_ten_thousand_browsers_about_25_75() {
        let variants = [variant("a", 1.0), variant("b", 3.0)];
        let a = rolls(10_000).filter(|r| assign(&variants, *r).map(|v| v.id.as_str()) == Some("a")).count();
        assert!((2_300..=2_700).contains(&a), "a got {a} of 10,000");
    }

    #[test]
    fn assignment_is_stable_for_a_browser_and_stored_once() {
        let store = MemoryStore::default();
        let variants = [variant("a", 1.0), variant("b", 1.0)];
        let first = roll(&store, ORIGIN, 0.9, true);
        // Later page views draw other numbers but keep the stored one.
        for fresh in [0.1, 0.5, 0.0] {
            assert_eq!(roll(&store, ORIGIN, fresh, true), first);
        }
        assert_eq!(assign(&variants, first).map(|v| v.id.as_str()), Some("b"));
        assert_eq!(roll(&store, "https://other.example", 0.1, true), 0.1, "scoped per publisher");
    }

    #[test]
    fn do_not_track_stores_nothing() {
        let store = MemoryStore::default();
        assert_eq!(roll(&store, ORIGIN, 0.3, false), 0.3);
        assert_eq!(store.get(&key(ORIGIN, "variant")), None);
    }

    #[test]
    fn no_usable_weight_means_the_base_copy() {
        assert!(assign(&[], 0.5).is_none());
        assert!(assign(&[variant("a", 0.0), variant("b", f64::NAN)], 0.5).is_none());
        assert_eq!(assign(&[variant("a", 0.0), variant("b", 2.0)], 0.0).map(|v| v.id.as_str()), Some("b"));
    }

    #[test]
    fn the_count_is_of_distinct_articles_in_the_window() {
        let store = MemoryStore::default();
        assert_eq!(count_article(&store, ORIGIN, "one", T0), Some(1));
        assert_eq!(count_article(&store, ORIGIN, "one", T0 + 1000.0), Some(1), "the same article again");
        assert_eq!(count_article(&store, ORIGIN, "two", T0 + 2000.0), Some(2));
        assert_eq!(count_article(&store, ORIGIN, "three", T0 + 3000.0), Some(3));
        // Thirty days later the first three have left the window.
        assert_eq!(count_article(&store, ORIGIN, "four", T0 + 31.0 * DAY_MS), Some(1));
        assert_eq!(count_article(&store, "https://other.example", "one", T0), Some(1), "scoped per publisher");
    }

    #[test]
    fn the_count_keeps_a_bounded_number_of_ids() {
        let store = MemoryStore::default();
        for i in 0..(MAX_COUNTED + 50) {
            count_article(&store, ORIGIN, &format!("a{i}"), T0 + i as f64);
        }
        let kept = store.get(&key(ORIGIN, "seen")).unwrap_or_default();
        assert_eq!(kept.lines().count(), MAX_COUNTED);
        assert!(!kept.contains(" a0\n") && kept.ends_with(&format!(" a{}", MAX_COUNTED + 49)), "the oldest went first");
    }

    #[test]
    fn storage_that_fails_makes_the_count_unknown() {
        assert_eq!(count_article(&BrokenStore, ORIGIN, "one", T0), None);
        let fallback = FallbackStore { primary: BrokenStore, memory: MemoryStore::default() };
        assert_eq!(count_article(&fallback, ORIGIN, "one", T0), None);
    }

    fn donation() -> Donation {
        Donation {
            banner: None,
            heading: Some("You've read %%ARTICLE_COUNT%% articles".into()),
            paragraphs: vec!["Base one.".into(), "Thanks for %%ARTICLE_COUNT%% reads.".into()],
            highlight: Some("Give.".into()),
            currency: "USD".into(),
            frequencies: vec![],
            cta: Some(Cta { label: None, url: "https://news.example/donate".into() }),
            ticker: None,
            payment_methods: vec![],
            remind_later: None,
            placement: crate::model::Placement::End,
            frequency_cap: None,
            variants: vec![],
        }
    }

    #[test]
    fn placeholders_show_the_count_from_two_and_never_raw() {
        let d = donation();
        let n = |n: u64| format!("{n}");
        for count in [None, Some(0), Some(1)] {
            let c = copy(&d, None, count, n);
            assert_eq!(c.heading, None, "{count:?}");
            assert_eq!(c.paragraphs, ["Base one."], "{count:?}");
        }
        let c = copy(&d, None, Some(12), |n| format!("{n} (formatted)"));
        assert_eq!(c.heading.as_deref(), Some("You've read 12 (formatted) articles"));
        assert_eq!(c.paragraphs, ["Base one.", "Thanks for 12 (formatted) reads."]);
        assert!(!format!("{c:?}").contains(ARTICLE_COUNT));
    }

    #[test]
    fn a_variants_fields_replace_the_base_copys() {
        let d = donation();
        let v = Variant {
            id: "short".into(),
            weight: 1.0,
            heading: Some("Short heading".into()),
            paragraphs: None,
            highlight: Some("%%ARTICLE_COUNT%% reads!".into()),
            cta: Some(Cta { label: Some("Give now".into()), url: "https://news.example/give".into() }),
        };
        let c = copy(&d, Some(&v), None, |n| n.to_string());
        assert_eq!(c.heading.as_deref(), Some("Short heading"));
        assert_eq!(c.paragraphs, ["Base one."], "the base paragraphs, the counted one left out");
        assert_eq!(c.highlight, None, "the variant's highlight holds the placeholder and the count is unknown");
        assert_eq!(c.cta.map(|c| c.url), Some("https://news.example/give".into()));
    }
}
