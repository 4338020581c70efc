//! Stage 2 of the batch: each staged article gets its related links and
//! the site file, is validated on its exact text, and replaces
//! `DIR/<id>.json` (and, with `--oembed-base`, `DIR/<id>.oembed.json`)
//! atomically; then `DIR/index.json`, newest first. Only files of those
//! names are written; nothing in DIR is ever removed but the batch's own
//! staging directory.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use article_embed::config::DEFAULT_RELATED;
use article_embed::url_policy::{allow, UrlUse};
use article_embed::wire;
use serde::Serialize;

use super::progress::{item_label, Progress};
use super::related::{self, Meta};
use super::site::Site;
use crate::convert::{self, Warnings};
use crate::error::{write_atomic, write_atomic_with, CliError};
use crate::oembed::{self, DEFAULT_WIDTH};
use crate::snippet::embed_code;

/// `--oembed-base URL --bundle URL`.
#[derive(Clone, Debug)]
pub struct Oembed {
    /// Where DIR is served.
    pub base: String,
    /// The URL of `embed.js`.
    pub bundle: String,
}

impl Oembed {
    /// Where `DIR/<id>.json` is served: the embed's `data-src`.
    pub fn src(&self, id: &str) -> String {
        let slash = if self.base.ends_with('/') { "" } else { "/" };
        format!("{}{slash}{id}.json", self.base)
    }
}

/// What stage 2 writes with, and where.
pub struct Output<'a> {
    pub dir: &'a Path,
    pub stage: &'a Stage,
    pub site: &'a Site,
    pub oembed: Option<&'a Oembed>,
    pub jobs: usize,
    pub progress: &'a Progress,
}

/// An entry of `index.json`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IndexEntry<'a> {
    id: &'a str,
    headline: &'a str,
    url: Option<&'a str>,
    date_published: Option<&'a str>,
    /// The article's file, relative to DIR.
    json: String,
    /// Its oEmbed response, relative to DIR (with `--oembed-base`).
    #[serde(skip_serializing_if = "Option::is_none")]
    oembed: Option<String>,
}

/// Writes every article and the index; how many articles were written.
pub fn finish(metas: &[Meta], out: &Output<'_>) -> Result<usize, CliError> {
    let related = related::select(metas, DEFAULT_RELATED as usize);
    out.progress.writing(metas.len());
    let next = AtomicUsize::new(0);
    let halt = AtomicBool::new(false);
    let mut results: Vec<(usize, Result<(), CliError>)> = thread::scope(|s| {
        let workers: Vec<_> = (0..out.jobs.clamp(1, metas.len().max(1)))
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    while !halt.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(meta) = metas.get(i) else { break };
                        let result = write_article(meta, &related[i], metas, out);
                        halt.fetch_or(matches!(result, Err(CliError::Io(_))), Ordering::Relaxed);
                        out.progress.written();
                        done.push((i, result));
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    let mut written = vec![false; metas.len()];
    for (i, result) in results {
        match result {
            Ok(()) => written[i] = true,
            Err(e @ CliError::Io(_)) => return Err(e),
            Err(e) => out.progress.say(&format!("error: {}: {e}; skipped", item_label(metas[i].position, metas[i].guid.as_deref()))),
        }
    }
    let index: Vec<IndexEntry<'_>> = related::newest_first(metas)
        .into_iter()
        .filter(|&i| written[i])
        .map(|i| index_entry(&metas[i], out.oembed.is_some()))
        .collect();
    // Written as it is serialized: one string of it would grow with the feed.
    write_atomic_with(&out.dir.join("index.json"), |w| {
        serde_json::to_writer_pretty(&mut *w, &index)?;
        w.write_all(b"\n")
    })?;
    Ok(index.len())
}

fn index_entry(meta: &Meta, oembed: bool) -> IndexEntry<'_> {
    IndexEntry {
        id: &meta.id,
        headline: &meta.headline,
        url: meta.url.as_deref(),
        date_published: meta.date.as_ref().map(|t| t.raw.as_str()),
        json: format!("{}.json", meta.id),
        oembed: oembed.then(|| format!("{}.oembed.json", meta.id)),
    }
}

/// One article, finished and written.
fn write_article(meta: &Meta, related: &[usize], metas: &[Meta], out: &Output<'_>) -> Result<(), CliError> {
    let staged = out.stage.read(meta.position)?;
    let mut article: wire::Article = serde_json::from_str(&staged)
        .map_err(|e| CliError::Io(format!("the staged copy of item {} cannot be read back: {e}", meta.position)))?;
    article.related = related.iter().map(|&j| metas[j].as_related()).collect();
    out.site.merge_into(&mut article);
    let json = pretty(&article, &meta.id)?;
    let src = out.oembed.map(|o| o.src(&meta.id));
    let base = src.as_deref().and_then(|s| allow(s, None, UrlUse::Link).ok());
    // The exact text written is the text the widget's validation accepted.
    let parsed = convert::check(&json, base.as_deref(), &mut Warnings::default())?;
    write_atomic(&out.dir.join(format!("{}.json", meta.id)), &json)?;
    if let (Some(o), Some(src)) = (out.oembed, src) {
        let html = embed_code(&parsed, &src, &o.bundle, &[], None);
        let response = oembed::response(&parsed, &html, DEFAULT_WIDTH);
        write_atomic(&out.dir.join(format!("{}.oembed.json", meta.id)), &pretty(&response, &meta.id)?)?;
    }
    Ok(())
}

/// Pretty-printed JSON with a final newline.
fn pretty<T: Serialize>(value: &T, what: &str) -> Result<String, CliError> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| CliError::invalid(format!("{what} cannot be written as JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// The batch's private directory inside DIR for articles between the two
/// stages (`.article-embed-stage-<pid>`), removed when the batch ends.
pub struct Stage {
    path: PathBuf,
}

impl Stage {
    pub fn create(dir: &Path) -> Result<Stage, CliError> {
        let path = dir.join(format!(".article-embed-stage-{}", std::process::id()));
        // A directory of this name is a crashed run's with our process id.
        if path.exists() {
            let _ = std::fs::remove_dir_all(&path);
        }
        std::fs::create_dir(&path).map_err(|e| CliError::Io(format!("cannot create {}: {e}", path.display())))?;
        Ok(Stage { path })
    }

    fn file(&self, position: usize) -> PathBuf {
        self.path.join(format!("{position}.json"))
    }

    pub fn write(&self, position: usize, text: &str) -> Result<(), CliError> {
        let path = self.file(position);
        std::fs::write(&path, text).map_err(|e| CliError::Io(format!("cannot write {}: {e}", path.display())))
    }

    pub fn read(&self, position: usize) -> Result<String, CliError> {
        let path = self.file(position);
        std::fs::read_to_string(&path).map_err(|e| CliError::Io(format!("cannot read {}: {e}", path.display())))
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oembed_sources_join_the_base_and_the_file() {
        let o = Oembed { base: "https://n.example/embed".into(), bundle: "e.js".into() };
        assert_eq!(o.src("a"), "https://n.example/embed/a.json");
        let o = Oembed { base: "/embed/".into(), ..o };
        assert_eq!(o.src("a"), "/embed/a.json");
    }

    #[test]
    fn the_stage_is_removed_when_dropped() {
        let dir = std::env::temp_dir().join(format!("article-embed-stage-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let stage = Stage::create(&dir).unwrap();
        stage.write(1, "{}").unwrap();
        assert_eq!(stage.read(1).unwrap(), "{}");
        drop(stage);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir(&dir).unwrap();
    }
}
