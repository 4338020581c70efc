//! `make bench-cli`: the speed and memory of `convert --out-dir` on a
//! generated RSS feed (10,000 items by default; `BENCH_ITEMS=N` for
//! another size). Runs the release-built binary (beside this example, or
//! the path given as the first argument) twice, on a tenth of the feed and
//! on all of it, and prints items per second and the peak resident memory
//! of each run (`/usr/bin/time -v`'s "Maximum resident set size", or
//! `VmHWM` sampled from `/proc` where there is no `time`), so whether
//! memory grows with the feed can be seen. Measured, never asserted; the
//! figures are recorded in docs/PERFORMANCE.md.
//!
//! An example rather than a `cargo bench` target: bench targets are built
//! with unwinding, which would build the widget's cdylib a second time
//! under the same file name as the release profile's `panic = "abort"`.

#[path = "../tests/support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    seconds: f64,
    peak_kib: Option<u64>,
    ok: bool,
}

/// The `article-embed` binary: the first argument, else the one built
/// beside this example (`target/release/examples/..` → `target/release/`).
fn binary() -> PathBuf {
    if let Some(path) = std::env::args().nth(1) {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().unwrap_or_default();
    let dir = exe.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default();
    dir.join("article-embed")
}

fn main() {
    let binary = binary();
    if !binary.exists() {
        eprintln!("bench-cli: no binary at {} (build it with cargo build --release -p article-embed-cli)", binary.display());
        std::process::exit(2);
    }
    let items: usize = std::env::var("BENCH_ITEMS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("article-embed-bench-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("bench-cli: cannot create {}: {e}", dir.display());
        std::process::exit(2);
    }
    println!("convert --from rss --out-dir (release build, {} CPUs)", std::thread::available_parallelism().map_or(1, usize::from));
    println!("| items | feed | time | items/s | peak memory |");
    println!("|---|---|---|---|---|");
    for n in [items / 10, items] {
        let feed = dir.join(format!("feed-{n}.rss"));
        let written = std::fs::File::create(&feed).and_then(|f| {
            let mut out = std::io::BufWriter::new(f);
            generate::write_rss(&mut out, n)?;
            std::io::Write::flush(&mut out)
        });
        if let Err(e) = written {
            eprintln!("bench-cli: cannot write {}: {e}", feed.display());
            std::process::exit(2);
        }
        let size = std::fs::metadata(&feed).map_or(0, |m| m.len());
        let run = convert(&binary, &feed, &dir.join(format!("out-{n}")));
        let peak = run.peak_kib.map_or_else(|| "?".to_owned(), |k| format!("{:.1} MB", k as f64 / 1024.0));
        println!(
            "| {n} | {:.1} MB | {:.2} s | {:.0} | {peak} |{}",
            size as f64 / 1e6,
            run.seconds,
            n as f64 / run.seconds,
            if run.ok { "" } else { " (failed)" }
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn convert(binary: &Path, feed: &Path, out: &Path) -> Run {
    let args = ["convert", "--from", "rss", &feed.display().to_string(), "--out-dir", &out.display().to_string()];
    let time = Path::new("/usr/bin/time");
    let mut command = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(binary).args(args);
        c
    } else {
        let mut c = Command::new(binary);
        c.args(args);
        c
    };
    let start = Instant::now();
    let Ok(mut child) = command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn() else {
        return Run { seconds: 0.0, peak_kib: None, ok: false };
    };
    // Read standard error while the child runs, so a full pipe never blocks it.
    let reader = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
            text
        })
    });
    // Without `time`, sample the child's high-water mark while it runs.
    let mut sampled = None;
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status);
        }
        if !time.exists() {
            sampled = vm_hwm(child.id()).or(sampled);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let seconds = start.elapsed().as_secs_f64();
    let stderr = reader.and_then(|r| r.join().ok()).unwrap_or_default();
    let reported = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|k| k.trim().parse().ok());
    Run { seconds, peak_kib: reported.or(sampled), ok: status.is_some_and(|s| s.success()) }
}

fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
