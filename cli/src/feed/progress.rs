//! What a batch tells the person running it: a progress bar on standard
//! error when it is a terminal (hidden otherwise, so logs stay clean), each
//! item's warnings and errors in feed order, and a one-line summary.

use std::io::IsTerminal;
use std::time::Duration;

use article_embed::format;
use article_embed::i18n::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar on standard error if it is a terminal.
    pub fn new() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: ProgressBar::hidden() };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} converting: {human_pos} items ({per_sec}) {elapsed}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    /// One more item converted (or skipped).
    pub fn converted(&self) {
        self.bar.inc(1);
    }

    /// The second stage: `len` articles to write.
    pub fn writing(&self, len: usize) {
        self.bar.set_position(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} writing: {human_pos}/{human_len} articles {elapsed}") {
            self.bar.set_style(style);
        }
        self.bar.set_length(len as u64);
    }

    pub fn written(&self) {
        self.bar.inc(1);
    }

    /// A line on standard error that does not tear the bar.
    pub fn say(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The closing line: `converted 9,998 of 10,000 items into out/, 2 skipped (see above)`.
pub fn summary(written: usize, total: usize, dir: &str) -> String {
    let n = |n: usize| format::number(n as f64, Lang::En);
    let item = if total == 1 { "item" } else { "items" };
    let mut line = format!("converted {} of {} {item} into {dir}", n(written), n(total));
    if written < total {
        line.push_str(&format!(", {} skipped (see above)", n(total - written)));
    }
    line
}

/// How an item is named in messages: `item 3 (guid "tag:n.example,2024:3")`.
pub fn item_label(position: usize, guid: Option<&str>) -> String {
    match guid {
        Some(guid) => format!("item {position} (guid \"{}\")", crate::convert::shorten(guid)),
        None => format!("item {position}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_groups_thousands_and_counts_skips() {
        assert_eq!(summary(9_998, 10_000, "out"), "converted 9,998 of 10,000 items into out, 2 skipped (see above)");
        assert_eq!(summary(1, 1, "out"), "converted 1 of 1 item into out");
        assert_eq!(summary(0, 0, "out"), "converted 0 of 0 items into out");
    }

    #[test]
    fn items_are_named_by_position_and_guid() {
        assert_eq!(item_label(3, Some("x")), "item 3 (guid \"x\")");
        assert_eq!(item_label(4, None), "item 4");
    }
}
