//! Batch conversion end to end: the built `article-embed` binary run with
//! `convert --out-dir` on the feeds in `cli/tests/fixtures/feeds/` (and a
//! generated one), checking the files it writes, what it says and its exit
//! status, as a publisher would.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/generate.rs"]
mod generate;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn feed(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds").join(name).display().to_string()
}

/// A fresh, empty directory unique to this test.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-embed-feeds-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-embed")).args(args).output().expect("the binary runs")
}

/// `convert --from FORMAT FEED --out-dir DIR EXTRA…`.
fn batch(format: &str, feed_file: &str, dir: &Path, extra: &[&str]) -> Output {
    let dir = dir.display().to_string();
    let mut args = vec!["convert", "--from", format, feed_file, "--out-dir", &dir];
    args.extend_from_slice(extra);
    run(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Every file in `dir` (hidden ones too) with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.path().is_dir() { b"<dir>".to_vec() } else { std::fs::read(e.path()).unwrap() };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    files(dir).into_keys().collect()
}

fn json(dir: &Path, file: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap()
}

fn related_ids(dir: &Path, file: &str) -> Vec<String> {
    let a = json(dir, file);
    let related = a["related"].as_array().cloned().unwrap_or_default();
    related.iter().map(|r| r["url"].as_str().unwrap_or("").trim_end_matches('/').rsplit('/').next().unwrap().to_owned()).collect()
}

// --- RSS ----------------------------------------------------------------------

#[test]
fn rss_items_become_articles_and_an_index_newest_first() {
    let dir = out_dir("rss");
    let out = batch("rss", &feed("news.rss"), &dir, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(&dir),
        ["four-officers.json", "index.json", "mayors-accused.json", "pipeline-reopens.json", "riots.json", "steppe-6a1f.json", "strike-leader.json"]
    );
    let index = json(&dir, "index.json");
    let order: Vec<&str> = index.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(order, ["mayors-accused", "four-officers", "strike-leader", "pipeline-reopens", "steppe-6a1f", "riots"]);
    assert_eq!(
        index[1],
        serde_json::json!({"id": "four-officers", "headline": "Four Officers Prosecuted for Kazakh Riot Shootings",
            "url": "https://steppe.example/2012/01/11/four-officers/", "datePublished": "2012-01-11T09:00:00+06:00",
            "json": "four-officers.json"})
    );
    let a = json(&dir, "four-officers.json");
    assert_eq!(a["id"], "four-officers");
    assert_eq!(a["section"], "Kazakhstan");
    assert_eq!(a["lang"], "en-GB", "the channel's language");
    assert_eq!(a["publisher"], serde_json::json!({"name": "The Steppe Herald", "url": "https://steppe.example/", "logo": "https://steppe.example/logo.png"}));
    assert_eq!(a["authors"][0]["name"], "Aigerim Nurlanovna");
    assert_eq!(a["standfirst"], "Prosecutors say the officers used weapons disproportionately in Zhanaozen.");
    assert_eq!(a["image"]["src"], "https://steppe.example/i/zhanaozen-lead.jpg");
    assert_eq!(a["body"][1]["content"][3]["href"], "https://steppe.example/2011/12/17/riots/", "relative link resolved");
    assert_eq!(a["body"][2]["type"], "image");
    assert_eq!(a["body"][2]["credit"], "Reuters");
    assert_eq!(json(&dir, "riots.json")["image"]["src"], "https://steppe.example/i/riots.jpg", "an image enclosure");
    assert_eq!(json(&dir, "pipeline-reopens.json")["authors"][0]["name"], "Energy Desk");
    assert_eq!(json(&dir, "pipeline-reopens.json")["datePublished"], "2012-01-09T07:15:00Z");
    let err = stderr(&out);
    assert!(
        err.contains("warning: item 1 (guid \"https://steppe.example/2012/01/11/four-officers/\"): dropped <script> at content:encoded"),
        "{err}"
    );
    assert!(err.ends_with(&format!("converted 6 of 6 items into {}\n", dir.display())), "{err}");
}

#[test]
fn related_links_share_a_section_or_category_newest_first_at_most_three() {
    let dir = out_dir("related");
    assert_eq!(batch("rss", &feed("news.rss"), &dir, &[]).status.code(), Some(0));
    assert_eq!(related_ids(&dir, "four-officers.json"), ["mayors-accused", "strike-leader", "riots"]);
    assert_eq!(related_ids(&dir, "riots.json"), ["mayors-accused", "four-officers", "strike-leader"], "three at most");
    assert_eq!(related_ids(&dir, "pipeline-reopens.json"), ["riots"], "only what shares a category");
    assert!(json(&dir, "steppe-6a1f.json").get("related").is_none(), "nothing shares Sport: no related");
    let r = &json(&dir, "pipeline-reopens.json")["related"][0];
    assert_eq!(
        *r,
        serde_json::json!({"headline": "Kazakh Oil Town Riots Leave 14 Dead", "url": "https://steppe.example/2011/12/17/riots/",
            "image": "https://steppe.example/i/riots.jpg", "datePublished": "2011-12-17T10:00:00Z"})
    );
}

#[test]
fn written_articles_pass_validate() {
    let dir = out_dir("validate");
    assert_eq!(batch("rss", &feed("news.rss"), &dir, &[]).status.code(), Some(0));
    let paths: Vec<String> =
        names(&dir).into_iter().filter(|n| n != "index.json").map(|n| dir.join(n).display().to_string()).collect();
    let mut args = vec!["validate", "--strict"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_feed_on_standard_input() {
    let dir = out_dir("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-embed"))
        .args(["convert", "--from", "rss", "-", "--out-dir", &dir.display().to_string()])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(feed("news.rss")).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir).len(), 7);
}

// --- Atom, JSON Feed, WordPress --------------------------------------------------

#[test]
fn atom_entries_with_html_xhtml_and_text_content() {
    let dir = out_dir("atom");
    let out = batch("atom", &feed("blog.atom"), &dir, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir), ["gas-prices.json", "index.json", "pipeline-reopens.json", "pipelines-ru.json", "tengiz-output.json"]);
    let a = json(&dir, "pipeline-reopens.json");
    assert_eq!(a["headline"], "Caspian Pipeline Reopens – “Oil Flows Again”", "type=\"html\" title as text");
    assert_eq!(a["section"], "Pipelines");
    assert_eq!(a["datePublished"], "2024-03-01T09:00:00+03:00");
    assert_eq!(a["dateModified"], "2024-03-01T12:30:00+03:00");
    assert_eq!(a["authors"][0], serde_json::json!({"name": "Dana Seitkali", "url": "https://energy.example/authors/dana"}));
    assert_eq!(a["body"][0]["content"][1]["marks"][0], "strong");
    assert_eq!(a["image"]["src"], "https://energy.example/i/pipeline.jpg");
    assert_eq!(a["lang"], "en");
    assert!(stderr(&out).contains("dropped <iframe> at content"), "{}", stderr(&out));
    assert_eq!(json(&dir, "tengiz-output.json")["body"][1]["content"][1]["text"], "almost", "xhtml content");
    assert_eq!(json(&dir, "gas-prices.json")["body"].as_array().unwrap().len(), 2, "text content split into paragraphs");
    assert_eq!(json(&dir, "gas-prices.json")["datePublished"], "2024-02-20T08:00:00Z", "updated stands in");
    assert_eq!(json(&dir, "pipelines-ru.json")["lang"], "ru", "the entry's own xml:lang");
    assert_eq!(related_ids(&dir, "pipeline-reopens.json"), ["tengiz-output", "pipeline"], "by category term, newest first");
}

#[test]
fn json_feed_items_with_content_html_text_and_tags() {
    let dir = out_dir("jsonfeed");
    let out = batch("jsonfeed", &feed("feed.json"), &dir, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&dir), ["2.json", "3.json", "4.json", "index.json", "metro-line.json"]);
    let a = json(&dir, "metro-line.json");
    assert_eq!(a["standfirst"], "Four stations, trains every eight minutes.");
    assert_eq!(a["section"], "Transport");
    assert_eq!(a["image"]["src"], "https://dispatch.example/i/metro.jpg");
    assert_eq!(a["dateModified"], "2024-05-02T10:00:00+05:00");
    assert_eq!(a["lang"], "en-US", "the feed's language");
    assert_eq!(a["publisher"]["name"], "Almaty Dispatch");
    assert_eq!(json(&dir, "2.json")["body"].as_array().unwrap().len(), 2, "content_text paragraphs");
    assert_eq!(json(&dir, "4.json")["lang"], "en-GB", "the item's own language");
    assert_eq!(related_ids(&dir, "metro-line.json"), ["bus-fares", "air-quality"], "tags, case ignored");
    assert!(json(&dir, "3.json").get("related").is_none());
}

#[test]
fn wordpress_list_converts_every_post_and_skips_a_bad_one() {
    let dir = out_dir("wordpress");
    let out = batch("wordpress", &feed("posts.json"), &dir, &[]);
    assert_eq!(out.status.code(), Some(1), "one post has no title: {}", stderr(&out));
    assert_eq!(names(&dir), ["caspian-pipeline-reopens.json", "index.json", "spring-festival.json", "tanker-rates-fall.json"]);
    let a = json(&dir, "caspian-pipeline-reopens.json");
    assert_eq!(a["headline"], "Caspian Pipeline Reopens – “Oil Flows Again”");
    assert_eq!(a["section"], "Energy & Markets");
    assert_eq!(a["authors"][0]["name"], "Dana Writer");
    assert_eq!(a["image"]["alt"], "Oil tankers at the terminal");
    assert_eq!(related_ids(&dir, "caspian-pipeline-reopens.json"), ["tanker-rates-fall"], "they share the tag oil");
    assert_eq!(json(&dir, "index.json").as_array().unwrap().len(), 3);
    let err = stderr(&out);
    assert!(err.contains("error: item 4 (guid \"4840\"): not a WordPress post: it has no title.rendered; skipped"), "{err}");
    assert!(err.ends_with(", 1 skipped (see above)\n"), "{err}");
}

#[test]
fn one_wordpress_post_without_out_dir_is_still_one_article() {
    let out = run(&["convert", "--from", "wordpress", &feed("posts.json")]);
    assert_eq!(out.status.code(), Some(0));
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["id"], "caspian-pipeline-reopens");
    assert!(stderr(&out).contains("converting the first (--out-dir DIR converts them all)"), "{}", stderr(&out));
}

// --- bad input ----------------------------------------------------------------------

#[test]
fn malformed_feeds_are_errors_with_line_and_column_and_write_nothing() {
    let cases = [
        ("rss", "broken.rss", "broken.rss: not a well-formed RSS feed: line 10, column 20: ill-formed document: expected `</title>`, but `</titel>` was found"),
        ("atom", "broken.atom", "broken.atom: not a well-formed Atom feed: line 12, column 1: the file ends inside <title>"),
        ("jsonfeed", "broken.json", "broken.json: not valid JSON Feed: expected `,` or `}` at line 6 column 42"),
        ("wordpress", "broken-posts.json", "broken-posts.json: not valid WordPress posts JSON: control character (\\u0000-\\u001F) found while parsing a string at line 4 column 0"),
    ];
    for (format, file, message) in cases {
        let dir = out_dir(&format!("broken-{format}"));
        std::fs::write(dir.join("keep.txt"), "mine").unwrap();
        let out = batch(format, &feed(file), &dir, &[]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = stderr(&out);
        assert!(err.contains(message), "{file}: {err}");
        assert_eq!(names(&dir), ["keep.txt"], "{file}: nothing written, no staging left");
    }
}

#[test]
fn ids_are_unique_and_safe_and_a_bad_item_is_skipped_the_rest_written() {
    let dir = out_dir("tricky");
    let out = batch("rss", &feed("tricky.rss"), &dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(names(&dir), ["dup-2.json", "dup-3.json", "dup.json", "etc-passwd.json", "index-2.json", "index.json", "latest.json"]);
    assert_eq!(json(&dir, "dup-2.json")["headline"], "Second", "suffixes in feed order");
    assert_eq!(json(&dir, "dup-3.json")["id"], "dup-3");
    assert!(json(&dir, "dup-3.json").get("url").is_none(), "a javascript: link is dropped");
    assert_eq!(json(&dir, "index-2.json")["headline"], "Index", "index.json is never an article");
    let err = stderr(&out);
    assert!(err.contains("error: item 5 (guid \"no-title-guid\"): the item has no title; skipped"), "{err}");
    assert!(err.contains("warning: item 7 (guid \"DUP\"): dropped link \"javascript:alert(1)\""), "{err}");
    assert!(err.ends_with(&format!("converted 6 of 7 items into {}, 1 skipped (see above)\n", dir.display())), "{err}");
}

#[test]
fn a_feed_format_needs_out_dir_and_a_single_format_refuses_it() {
    let out = run(&["convert", "--from", "rss", &feed("news.rss")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from rss reads a whole feed: give --out-dir <DIR>"), "{}", stderr(&out));
    let out = run(&["convert", "--from", "text", &feed("news.rss"), "--out-dir", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let out = batch("atom", &feed("news.rss"), &out_dir("wrong-format"), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not an Atom feed: the root element is <rss> (an RSS feed? use --from rss)"), "{}", stderr(&out));
    let out = batch("rss", "/nonexistent/feed.xml", &out_dir("missing"), &[]);
    assert_eq!(out.status.code(), Some(2));
}

// --- site file ----------------------------------------------------------------------

#[test]
fn the_site_file_is_merged_and_the_items_own_values_win() {
    let dir = out_dir("site");
    let out = batch("atom", &feed("blog.atom"), &dir, &["--site", &feed("site.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = json(&dir, "tengiz-output.json");
    assert_eq!(a["publisher"]["name"], "The Steppe Herald Group", "the site's publisher, not the feed's");
    assert_eq!(a["notices"][0]["text"], "Our journalism is free to read. It is not free to make.");
    assert_eq!(a["donation"]["cta"]["url"], "https://group.example/donate");
    let amounts: Vec<f64> = a["donation"]["frequencies"][0]["amounts"].as_array().unwrap().iter().filter_map(Value::as_f64).collect();
    assert_eq!(amounts, [2.0, 5.0, 10.0]);
    assert_eq!(json(&dir, "pipelines-ru.json")["lang"], "ru", "the item's own language wins");
    let dir = out_dir("site-rss");
    assert_eq!(batch("rss", &feed("news.rss"), &dir, &["--site", &feed("site.json")]).status.code(), Some(0));
    assert_eq!(json(&dir, "riots.json")["lang"], "en", "the site's language over the channel's");
}

#[test]
fn a_bad_site_file_is_an_error_naming_the_file_and_path() {
    let dir = out_dir("site-bad").join("out");
    let out = batch("rss", &feed("news.rss"), &dir, &["--site", &feed("site-invalid.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("site-invalid.json is not a valid site file:\n  publisher.name: is required\n  notices[0].text: is required"), "{err}");
    assert!(!dir.exists(), "nothing written");
    let out = batch("rss", &feed("news.rss"), &dir, &["--site", "/nonexistent/site.json"]);
    assert_eq!(out.status.code(), Some(2), "an unreadable file");
    let out = batch("rss", &feed("news.rss"), &dir, &["--site", &feed("news.rss")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("news.rss is not valid JSON: expected value at line 1 column 1"), "{}", stderr(&out));
}

// --- re-runs, parallelism, oEmbed ----------------------------------------------------------

#[test]
fn a_rerun_gives_the_same_bytes_and_removes_nothing() {
    let dir = out_dir("rerun");
    std::fs::write(dir.join("notes.txt"), "not the tool's").unwrap();
    std::fs::write(dir.join("gone-from-the-feed.json"), "{}").unwrap();
    assert_eq!(batch("rss", &feed("news.rss"), &dir, &[]).status.code(), Some(0));
    let first = files(&dir);
    assert_eq!(batch("rss", &feed("news.rss"), &dir, &[]).status.code(), Some(0));
    assert_eq!(files(&dir), first, "same files, same bytes");
    assert_eq!(first["notes.txt"], b"not the tool's");
    assert_eq!(first["gone-from-the-feed.json"], b"{}");
    assert!(first.keys().all(|n| !n.starts_with('.')), "no temporary or staging files: {:?}", first.keys());
}

#[test]
fn output_is_the_same_with_one_job_or_four() {
    let source = out_dir("jobs-feed").join("gazette.rss");
    std::fs::write(&source, generate::rss(300)).unwrap();
    let source = source.display().to_string();
    let (one, four) = (out_dir("jobs-1"), out_dir("jobs-4"));
    let a = batch("rss", &source, &one, &["--jobs", "1"]);
    let b = batch("rss", &source, &four, &["-j", "4"]);
    assert_eq!((a.status.code(), b.status.code()), (Some(0), Some(0)), "{}", stderr(&b));
    let (fa, fb) = (files(&one), files(&four));
    assert_eq!(fa.len(), 301);
    assert!(fa == fb, "the same files with the same bytes");
    assert!(fa.contains_key("99-2.json"), "a repeated guid gets a suffix");
    let strip = |o: &Output, d: &Path| stderr(o).replace(&d.display().to_string(), "DIR");
    assert_eq!(strip(&a, &one), strip(&b, &four), "messages in feed order whatever the jobs");
    let related = json(&one, "1.json")["related"].as_array().unwrap().len();
    assert_eq!(related, 3);
}

#[test]
fn oembed_responses_are_written_beside_the_articles() {
    let dir = out_dir("oembed");
    let out = batch(
        "jsonfeed",
        &feed("feed.json"),
        &dir,
        &["--oembed-base", "https://dispatch.example/embed", "--bundle", "https://cdn.dispatch.example/embed.js"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let o = json(&dir, "metro-line.oembed.json");
    assert_eq!((o["version"].as_str(), o["type"].as_str(), o["width"].as_u64()), (Some("1.0"), Some("rich"), Some(550)));
    assert_eq!(o["title"], "A New Metro Line Opens");
    assert_eq!(o["provider_name"], "Almaty Dispatch");
    let html = o["html"].as_str().unwrap();
    assert!(html.contains("data-src=\"https://dispatch.example/embed/metro-line.json\""), "{html}");
    assert!(html.contains("<script async src=\"https://cdn.dispatch.example/embed.js\"></script>"), "{html}");
    assert_eq!(json(&dir, "index.json")[0]["oembed"], "metro-line.oembed.json");
    assert_eq!(names(&dir).len(), 9);
}

#[test]
fn convert_help_lists_every_batch_flag() {
    let out = run(&["convert", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--out-dir <DIR>", "--site <FILE>", "--jobs <N>", "--oembed-base <URL>", "--bundle <URL>", "rss", "atom", "jsonfeed"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
}
