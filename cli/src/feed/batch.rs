//! The batch, in two stages.
//!
//! 1. **Convert.** One thread reads the feed as a stream and hands each
//!    item, with its id (given in feed order, see [`ids`](super::ids)),
//!    into a bounded channel; `--jobs` workers convert and validate items
//!    and stage each article in a private directory inside DIR; the
//!    calling thread collects a few lines of metadata per item and prints
//!    each item's warnings or error in feed order.
//! 2. **Write** ([`write`](super::write)): with the whole batch known, each
//!    article gets its related links and the site file, is validated again
//!    on its exact text and replaces `DIR/<id>.json` atomically; then
//!    `index.json`.
//!
//! A malformed feed stops the batch before stage 2: nothing is written.
//! The output depends on the feed alone, never on `--jobs`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use article_embed::wire;

use super::entry::{self, Converted};
use super::ids::Ids;
use super::progress::{item_label, summary, Progress};
use super::related::Meta;
use super::site::{self, Site};
use super::write::{self, Oembed, Output, Stage};
use super::{Body, FeedInfo, Found, Halted, Stop};
use crate::args::ConvertArgs;
use crate::convert::{self, Format, Warnings};
use crate::error::{open_input, CliError};

/// An item on its way to a worker.
struct Item {
    position: usize,
    id: String,
    guid: Option<String>,
    body: Body,
}

/// What a worker made of an item.
struct Outcome {
    position: usize,
    guid: Option<String>,
    warnings: Vec<String>,
    result: Result<Meta, CliError>,
}

/// Stage 1's result: every converted item's metadata, in feed order.
struct Gathered {
    metas: Vec<Meta>,
    total: usize,
    info: FeedInfo,
}

/// `convert --out-dir DIR`: exit 0 when every item was written, 1 when
/// one was skipped; a malformed feed or bad site file is an error.
pub fn run(args: &ConvertArgs, dir: &Path) -> Result<ExitCode, CliError> {
    let batch = &args.batch;
    let mut warnings = Warnings::default();
    let site = batch.site.as_deref().map(|path| site::load(path, &mut warnings)).transpose();
    print_warnings(&warnings);
    let site = site?.unwrap_or_default();
    let oembed = match (&batch.oembed_base, &batch.bundle) {
        (Some(base), Some(bundle)) => Some(Oembed { base: base.clone(), bundle: bundle.clone() }),
        _ => None,
    };
    let input = open_input(&args.input)?;
    let dir_name = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| CliError::Io(format!("cannot create {dir_name}: {e}")))?;
    let jobs = batch.jobs.map_or_else(|| thread::available_parallelism().map_or(1, usize::from), usize::from);
    let stage = Stage::create(dir)?;
    let progress = Progress::new();
    let result = gather(args.from, input, &args.input, &stage, jobs, &progress).and_then(|gathered| {
        let mut warnings = Warnings::default();
        let site: Site = site.with_feed(&gathered.info, &mut warnings);
        print_warnings(&warnings);
        let output = Output { dir, stage: &stage, site: &site, oembed: oembed.as_ref(), jobs, progress: &progress };
        Ok((write::finish(&gathered.metas, &output)?, gathered.total))
    });
    progress.finish();
    let (written, total) = result?;
    eprintln!("{}", summary(written, total, &dir_name));
    Ok(if written == total { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_warnings(warnings: &Warnings) {
    for w in warnings.iter() {
        eprintln!("warning: {w}");
    }
}

/// Stage 1: read, convert and stage every item.
fn gather(
    format: Format,
    input: Box<dyn Read + Send>,
    name: &str,
    stage: &Stage,
    jobs: usize,
    progress: &Progress,
) -> Result<Gathered, CliError> {
    let (item_tx, item_rx) = mpsc::sync_channel::<Item>(jobs * 2);
    let item_rx = Arc::new(Mutex::new(item_rx));
    let (done_tx, done_rx) = mpsc::channel::<Outcome>();
    let halt = AtomicBool::new(false);
    thread::scope(|s| {
        let reader = s.spawn(move || read_items(format, input, name, &item_tx));
        for _ in 0..jobs {
            let (rx, tx, halt) = (Arc::clone(&item_rx), done_tx.clone(), &halt);
            s.spawn(move || work(&rx, &tx, stage, halt));
        }
        // The workers hold the only receivers: when they stop, the reader does.
        drop((done_tx, item_rx));
        let collected = collect(done_rx, progress, &halt);
        let read = reader.join().unwrap_or_else(|_| Err(Stop::Bad(CliError::invalid(format!("{name}: the reader failed")))));
        match (read, collected.fatal) {
            (_, Some(fatal)) => Err(fatal),
            (Err(Stop::Bad(e)), None) => Err(e),
            (Err(Stop::Halted), None) => Err(CliError::invalid(format!("{name}: the conversion stopped"))),
            (Ok(info), None) => Ok(Gathered { metas: collected.metas, total: collected.total, info }),
        }
    })
}

/// The reader thread: items in feed order, each with its id.
fn read_items(format: Format, input: Box<dyn Read + Send>, name: &str, tx: &SyncSender<Item>) -> Result<FeedInfo, Stop> {
    let mut ids = Ids::default();
    let mut position = 0;
    let mut emit = |found: Found| -> Result<(), Halted> {
        position += 1;
        let id = ids.assign(&found.id_sources, position);
        tx.send(Item { position, id, guid: found.guid, body: found.body }).map_err(|_| Halted)
    };
    super::read(format, input, name, &mut emit)
}

/// A worker: converts items until there are none, or the batch halts.
fn work(rx: &Mutex<Receiver<Item>>, tx: &Sender<Outcome>, stage: &Stage, halt: &AtomicBool) {
    while !halt.load(Ordering::Relaxed) {
        let next = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        let Ok(item) = next else { return };
        if tx.send(convert_item(item, stage)).is_err() {
            return;
        }
    }
}

fn convert_item(item: Item, stage: &Stage) -> Outcome {
    let Item { position, id, guid, body } = item;
    let mut warnings = Warnings::default();
    let result = entry::convert(body, &mut warnings).and_then(|c| stage_article(c, position, id, guid.clone(), stage, &mut warnings));
    Outcome { position, guid, warnings: warnings.iter().map(str::to_owned).collect(), result }
}

/// Validates the converted article and stages it; its metadata.
fn stage_article(
    converted: Converted,
    position: usize,
    id: String,
    guid: Option<String>,
    stage: &Stage,
    warnings: &mut Warnings,
) -> Result<Meta, CliError> {
    let Converted { mut article, keys } = converted;
    article.id = Some(id.clone());
    let text = serde_json::to_string(&wire::Article::from(&article))
        .map_err(|e| CliError::invalid(format!("the converted article cannot be written as JSON: {e}")))?;
    convert::check(&text, None, warnings)?;
    stage.write(position, &text)?;
    Ok(Meta {
        position,
        id,
        guid,
        headline: article.headline,
        url: article.url,
        image: article.image.map(|i| i.src),
        date: article.date_published,
        keys,
    })
}

/// Stage 1's results in feed order.
#[derive(Default)]
struct Collected {
    metas: Vec<Meta>,
    total: usize,
    fatal: Option<CliError>,
}

/// Collects every outcome, printing each item's messages in feed order
/// (outcomes arrive in any order; the few ahead of their turn wait).
fn collect(rx: Receiver<Outcome>, progress: &Progress, halt: &AtomicBool) -> Collected {
    let mut collected = Collected::default();
    let mut waiting = BTreeMap::new();
    let mut next = 1;
    for outcome in rx {
        progress.converted();
        waiting.insert(outcome.position, outcome);
        while let Some(outcome) = waiting.remove(&next) {
            collected.take(outcome, progress, halt);
            next += 1;
        }
    }
    for outcome in waiting.into_values() {
        collected.take(outcome, progress, halt);
    }
    collected
}

impl Collected {
    fn take(&mut self, outcome: Outcome, progress: &Progress, halt: &AtomicBool) {
        self.total += 1;
        let label = item_label(outcome.position, outcome.guid.as_deref());
        for w in &outcome.warnings {
            progress.say(&format!("warning: {label}: {w}"));
        }
        match outcome.result {
            Ok(meta) => self.metas.push(meta),
            // A file that cannot be written stops the batch.
            Err(e @ CliError::Io(_)) => {
                halt.store(true, Ordering::Relaxed);
                self.fatal.get_or_insert(e);
            }
            Err(e) => progress.say(&format!("error: {label}: {e}; skipped")),
        }
    }
}
