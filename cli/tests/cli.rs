//! The publisher CLI end to end: the built `article-embed` binary run on the
//! sample inputs in `cli/tests/fixtures/`, checking exit codes, output and
//! warnings as a publisher would see them.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SRC: &str = "https://news.example/embed/four-officers.json";
const BUNDLE: &str = "https://cdn.news.example/article-embed/embed.js";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn seed_article() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/articles/four-officers.json").display().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-embed")).args(args).output().expect("the binary runs")
}

/// Runs the binary with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-embed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("a stdin pipe").write_all(input.as_bytes()).expect("stdin written");
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs `convert`, expects success, returns the JSON and stderr.
fn convert(format: &str, input: &str) -> (Value, String) {
    let out = run(&["convert", "--from", format, &fixture(input)]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    (serde_json::from_str(&stdout(&out)).unwrap(), stderr(&out))
}

/// A temporary file path unique to this test process.
fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("article-embed-cli-{}-{name}", std::process::id()))
}

// --- convert --from jsonld -------------------------------------------------

#[test]
fn jsonld_page_with_graph_maps_fields_and_follows_references() {
    let (a, _) = convert("jsonld", "jsonld-graph.html");
    assert_eq!(a["headline"], "Zhanaozen Mayors Accused of Embezzlement");
    assert_eq!(a["url"], "https://steppe.example/2012/01/12/mayors-accused");
    assert_eq!(a["standfirst"], "Prosecutors say funds for the oil city's social projects went missing.");
    assert_eq!(a["datePublished"], "2012-01-12T08:30:00+06:00");
    assert_eq!(a["lang"], "en-GB");
    assert_eq!(a["section"], "Kazakhstan");
    assert_eq!(a["authors"][0]["name"], "Aigerim Nurlanovna");
    assert_eq!(a["authors"][0]["url"], "https://steppe.example/authors/aigerim");
    assert_eq!(a["authors"][1]["name"], "Reuters");
    assert_eq!(a["publisher"]["name"], "The Steppe Herald");
    assert_eq!(a["publisher"]["logo"], "https://steppe.example/logo.png");
    assert_eq!(
        a["image"]["src"], "https://steppe.example/i/zhanaozen-square.jpg",
        "relative image resolved, first of the array"
    );
    assert_eq!(a["image"]["width"], 1200);
}

#[test]
fn jsonld_page_body_prefers_article_paragraphs_with_marks_and_links() {
    let (a, _) = convert("jsonld", "jsonld-graph.html");
    let body = a["body"].as_array().unwrap();
    assert_eq!(body.len(), 2, "byline, aside and footer paragraphs are left out: {body:?}");
    assert_eq!(body[0]["content"][1], serde_json::json!({"text": "current and former mayors", "marks": ["strong"]}));
    assert_eq!(body[0]["content"][3]["href"], "https://steppe.example/2012/01/11/four-officers");
}

#[test]
fn jsonld_top_level_array_file_splits_article_body_into_paragraphs() {
    let (a, _) = convert("jsonld", "jsonld-array.jsonld");
    assert_eq!(a["headline"], "Rights Groups Urge Release of Detained Kazakh Activists");
    assert_eq!(a["authors"][0]["name"], "Staff Reporter");
    assert_eq!(a["image"]["height"], 533);
    assert_eq!(a["body"].as_array().unwrap().len(), 2);
    assert_eq!(a["body"][1]["content"][0], "Those detained include Alga! leader Vladimir Kozlov.");
}

#[test]
fn jsonld_page_without_an_article_is_a_clear_error() {
    let out = run(&["convert", "--from", "jsonld", &fixture("jsonld-no-article.html")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no NewsArticle (or other Article) object"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn jsonld_file_that_is_not_json_is_a_clear_error() {
    let out = run(&["convert", "--from", "jsonld", &fixture("jsonld-broken.jsonld")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: the input is not valid JSON-LD:"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
}

// --- convert --from wordpress ----------------------------------------------

#[test]
fn wordpress_post_with_embed_maps_title_dates_author_media_and_body() {
    let (a, err) = convert("wordpress", "wordpress-post.json");
    assert_eq!(a["headline"], "Caspian Pipeline Reopens – “Oil Flows Again” (updated)");
    assert_eq!(a["id"], "caspian-pipeline-reopens");
    assert_eq!(a["url"], "https://blog.example/2024/03/01/caspian-pipeline-reopens/");
    assert_eq!(a["datePublished"], "2024-03-01T09:00:00Z");
    assert_eq!(a["dateModified"], "2024-03-02T07:15:00Z");
    assert_eq!(a["standfirst"], "The Caspian pipeline reopened on Friday after a storm closed it for a week.");
    assert_eq!(a["section"], "Energy & Markets");
    assert_eq!(a["authors"], serde_json::json!([{"name": "Dana Writer", "url": "https://blog.example/author/dana/"}]));
    assert_eq!(
        a["image"],
        serde_json::json!({
            "src": "https://blog.example/wp-content/uploads/2024/03/terminal.jpg",
            "alt": "Oil tankers at the terminal",
            "caption": "Tankers at the CPC terminal",
            "width": 2048,
            "height": 1366
        })
    );
    let types: Vec<&str> = a["body"].as_array().unwrap().iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["paragraph", "heading", "image", "quote", "list"]);
    assert_eq!(a["body"][3]["cite"], "Company spokesperson");
    assert!(err.contains("warning: dropped <script> at content.rendered"), "{err}");
}

#[test]
fn wordpress_malformed_json_and_missing_title_exit_1() {
    let out = run(&["convert", "--from", "wordpress", &fixture("wordpress-malformed.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: the input is not valid WordPress post JSON:"), "{}", stderr(&out));
    let out = run(&["convert", "--from", "wordpress", &fixture("wordpress-no-title.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "error: not a WordPress post: it has no title.rendered\n");
}

// --- convert --from guardian -----------------------------------------------

#[test]
fn guardian_item_maps_figures_lists_quotes_and_links() {
    let (a, _) = convert("guardian", "guardian-item.json");
    assert_eq!(a["headline"], "Kazakhstan prosecutes four police officers over Zhanaozen shootings");
    assert_eq!(a["id"], "world/2012/jan/11/kazakhstan-police-prosecuted");
    assert_eq!(a["section"], "World news");
    assert_eq!(a["standfirst"], "Prosecutors say the use of force in the oil town was disproportionate");
    assert_eq!(a["authors"][0]["name"], "Jane Doe", "contributor tags win over the byline");
    assert_eq!(a["publisher"]["name"], "The Guardian");
    assert_eq!(a["image"]["credit"], "Photograph: AP");
    let body = a["body"].as_array().unwrap();
    let types: Vec<&str> = body.iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["paragraph", "image", "heading", "list", "list", "quote", "paragraph"]);
    assert_eq!(
        body[0]["content"][5],
        serde_json::json!({"text": "according to a statement", "href": "https://www.theguardian.com/world/kazakhstan"})
    );
    assert_eq!(body[1]["caption"], "Riot police in Zhanaozen in December.");
    assert_eq!(body[1]["credit"], "Photograph: Reuters");
    assert_eq!(body[3]["ordered"], false);
    assert_eq!(body[4]["ordered"], true);
    assert_eq!(body[5]["cite"], "Prosecutor general's office");
    assert_eq!(
        body[6]["content"][0], "An amateur video showed police shooting at fleeing protesters.",
        "span text kept"
    );
}

#[test]
fn guardian_script_is_dropped_with_a_warning() {
    let (a, err) = convert("guardian", "guardian-item.json");
    let text = a.to_string();
    assert!(!text.contains("script"), "{text}");
    assert!(!text.contains("alert"), "{text}");
    assert!(!text.contains("youtube"), "{text}");
    assert!(err.contains("warning: dropped <script> at fields.body: script[1]"), "{err}");
    assert!(err.contains("warning: dropped <iframe> at fields.body: figure[2] > iframe[1]"), "{err}");
}

#[test]
fn guardian_error_response_and_other_json_exit_1() {
    let out = run(&["convert", "--from", "guardian", &fixture("guardian-error.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: the input is a Guardian Content API error response: The requested resource could not be found.\n"
    );
    let out = run(&["convert", "--from", "guardian", &fixture("wordpress-post.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a Guardian Content API response"));
}

// --- convert --from text ---------------------------------------------------

#[test]
fn seed_text_finds_headline_dateline_notice_and_stops_before_the_appeal() {
    let (a, err) = convert("text", "seed.txt");
    assert_eq!(a["headline"], "Four Officers Prosecuted for Kazakh Riot Shootings");
    assert_eq!(a["dateline"], "ALMATY");
    assert_eq!(a["id"], "four-officers-prosecuted-for-kazakh-riot-shootings");
    assert_eq!(
        a["notices"],
        serde_json::json!([{"kind": "info", "text": "Our journalism is banned in Russia. We need your help to keep providing you with the truth."}])
    );
    let body = a["body"].as_array().unwrap();
    assert_eq!(body.len(), 18);
    assert_eq!(
        body[0]["content"][0],
        "Kazakhstan is prosecuting four senior police officers for using excessive force against rioters in an oil town where 17 people were killed in some of the country's worst violence in decades."
    );
    assert_eq!(body[17]["content"][0], "Criminal proceedings have been launched against several oil company officials charged with large-scale embezzlement.");
    let text = a.to_string();
    assert!(!text.contains('\u{a0}'), "no-break spaces become spaces");
    assert!(!text.contains("favor to ask") && !text.contains("Read more") && !text.contains("Enjoying ad-free"));
    assert!(err.contains("dropped the closing appeal from line 45"), "{err}");
}

#[test]
fn converted_seed_text_validates_end_to_end() {
    let out_path = temp("seed.json");
    let out = run(&["convert", "--from", "text", &fixture("seed.txt"), "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "-o writes the file, not stdout");
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert!(written.starts_with("{\n  \"version\": 1,\n"), "version first, pretty-printed: {written}");
    let out = run(&["validate", "--strict", out_path.to_str().unwrap()]);
    std::fs::remove_file(&out_path).ok();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).ends_with(": ok (18 blocks)\n"), "{}", stdout(&out));
}

#[test]
fn text_without_a_headline_exits_1() {
    let out = run(&["convert", "--from", "text", &fixture("text-no-headline.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: no headline found"), "{}", stderr(&out));
}

#[test]
fn convert_usage_errors_and_unreadable_input_exit_2() {
    for args in [
        &["convert", "seed.txt"][..],
        &["convert", "--from", "pdf", "seed.txt"],
        &["convert", "--from", "text"],
        &["convert", "--from", "text", "a", "b"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("--help"), "{args:?}");
    }
    let out = run(&["convert", "--from", "text", &fixture("does-not-exist.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: cannot read"));
}

// --- validate --------------------------------------------------------------

#[test]
fn validate_valid_article_exits_0() {
    let out = run(&["validate", &seed_article()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("four-officers.json: ok (18 blocks)\n"));
}

#[test]
fn validate_prints_every_problem_with_its_path_and_exits_1() {
    let file = fixture("article-invalid.json");
    let out = run(&["validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{file}: error: headline: is required\n{file}: error: body[1].content[0].text: is required\n{file}: error: body[2].type: is required\n")
    );
}

#[test]
fn validate_warnings_pass_but_fail_with_strict() {
    let file = fixture("article-warnings.json");
    let out = run(&["validate", &file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains(&format!("{file}: warning: body[1]: unknown block type \"video\" skipped")),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&format!("{file}: warning: url: URL dropped")));
    let out = run(&["validate", "--strict", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(&format!("{file}: error: url: URL dropped")));
}

#[test]
fn validate_broken_json_exits_1_and_unreadable_or_no_file_exits_2() {
    let out = run(&["validate", &fixture("article-not-json.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error: not valid JSON: unexpected end of input at line 1, column 28"));
    let out = run(&["validate", &seed_article(), &fixture("missing.json")]);
    assert_eq!(out.status.code(), Some(2), "an unreadable file wins over valid ones");
    assert!(stderr(&out).contains("cannot read"));
    let out = run(&["validate"]);
    assert_eq!(out.status.code(), Some(2));
}

// --- snippet ---------------------------------------------------------------

#[test]
fn snippet_is_the_contracts_embed_code() {
    let out = run(&["snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "<blockquote class=\"article-embed\" data-src=\"https://news.example/embed/four-officers.json\">\n  \
         <a href=\"https://news.example/2012/01/11/four-officers-prosecuted-for-kazakh-riot-shootings\">Four Officers Prosecuted for Kazakh Riot Shootings</a>\n\
         </blockquote>\n\
         <script async src=\"https://cdn.news.example/article-embed/embed.js\"></script>\n"
    );
}

#[test]
fn full_snippet_holds_the_server_rendered_article_without_component_comments() {
    let out = run(&["snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--full"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<blockquote class=\"article-embed\" data-src="));
    assert!(html.contains("A police spokesperson was unavailable for comment."), "{html}");
    assert!(html.contains("<strong>four senior police officers</strong>"));
    assert!(html.contains("<span class=\"dateline\">ALMATY</span>"));
    assert!(html.contains("<h1 id=\"ae-four-officers-prosecuted-headline\""), "ids scoped per article");
    assert!(!html.contains("<!--"), "no Yew component comments");
    assert!(!html.contains("we have a small favor to ask"), "no donation ask in the static copy");
    assert_eq!(html.matches("<script").count(), 1, "only the bundle's script tag");
    assert!(html
        .trim_end()
        .ends_with("</blockquote>\n<script async src=\"https://cdn.news.example/article-embed/embed.js\"></script>"));
}

#[test]
fn snippet_takes_every_embed_option_of_the_widgets_table() {
    let help = stdout(&run(&["snippet", "--help"]));
    for option in article_embed::config::OPTIONS.iter().filter(|o| o.name != "src") {
        assert!(help.contains(&format!("--{} <VALUE>", option.name)), "snippet --help lists --{}: {help}", option.name);
    }
    let out = run(&[
        "snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--theme", "dark", "--lang", "ru-RU", "--related", "1", "--full",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with(&format!("<blockquote class=\"article-embed\" data-src=\"{SRC}\" data-theme=\"dark\" data-lang=\"ru-RU\" data-related=\"1\">")), "{html}");
    assert!(html.contains("Читайте также"), "the static copy speaks the lang option: {html}");
    assert_eq!(html.matches("<li>").count(), 1, "the related option limits the static copy too");
}

#[test]
fn full_snippet_renders_each_layout() {
    let render = |layout: &str| {
        let out = run(&["snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--full", "--layout", layout]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let card = render("card");
    assert!(card.contains("data-layout=\"card\"") && card.contains("class=\"preview\""), "{card}");
    assert!(!card.contains("class=\"body\""), "a card has no body");
    let excerpt = render("excerpt");
    assert!(excerpt.contains("the following day."), "the third block is there: {excerpt}");
    assert!(!excerpt.contains("The United States and the European Union"), "the fourth is not: {excerpt}");
    assert!(excerpt.contains(">Continue reading</a>"), "without Wasm the rest is the article's page: {excerpt}");
    let full = render("full");
    assert!(full.contains("A police spokesperson was unavailable for comment."));
}

#[test]
fn snippet_refuses_an_invalid_option_value_with_the_widgets_warning() {
    let out = run(&["snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--theme", "neon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid theme=\"neon\""), "{}", stderr(&out));
}

#[test]
fn two_full_snippets_on_one_page_share_no_id() {
    let mut page = String::new();
    for file in [seed_article(), fixture("article-script-headline.json")] {
        let out = run(&["snippet", &file, "--src", SRC, "--bundle", BUNDLE, "--full"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        page.push_str(&stdout(&out));
    }
    let ids: Vec<&str> = page.split(" id=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
    assert!(ids.len() >= 2, "{ids:?}");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    for reference in page.split(" aria-labelledby=\"").skip(1).filter_map(|r| r.split('"').next()) {
        assert!(ids.contains(&reference), "aria-labelledby={reference} resolves");
    }
}

#[test]
fn full_snippet_renders_markup_in_article_text_as_text() {
    let out = run(&["snippet", &fixture("article-script-headline.json"), "--src", SRC, "--bundle", BUNDLE, "--full"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt; Markup Is Text</a>"), "{html}");
    assert!(html.contains("A paragraph with &lt;script&gt;"), "{html}");
}

#[test]
fn converted_guardian_article_full_snippet_has_no_script_from_the_input() {
    let json_path = temp("guardian.json");
    let out =
        run(&["convert", "--from", "guardian", &fixture("guardian-item.json"), "-o", json_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["snippet", json_path.to_str().unwrap(), "--src", SRC, "--bundle", BUNDLE, "--full"]);
    std::fs::remove_file(&json_path).ok();
    let html = stdout(&out);
    assert!(html.contains("An amateur video showed police shooting at fleeing protesters."), "{html}");
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("alert(1)") && !html.contains("<iframe"));
}

#[test]
fn snippet_refuses_invalid_articles_and_bad_urls() {
    let out = run(&["snippet", &fixture("article-invalid.json"), "--src", SRC, "--bundle", BUNDLE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("headline: is required"));
    let out = run(&["snippet", &seed_article(), "--src", "javascript:alert(1)", "--bundle", BUNDLE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: invalid value 'javascript:alert(1)' for '--src <URL>': not usable:"),
        "{}",
        stderr(&out)
    );
    let out = run(&["snippet", &seed_article(), "--src", SRC]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the following required arguments were not provided:\n  --bundle <URL>"), "{}", stderr(&out));
}

// --- oembed, schema, help --------------------------------------------------

#[test]
fn oembed_is_a_rich_response_with_the_snippet_as_html() {
    let out = run(&["oembed", &seed_article(), "--src", SRC, "--bundle", BUNDLE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("{\n  \"version\": \"1.0\",\n  \"type\": \"rich\","), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["title"], "Four Officers Prosecuted for Kazakh Riot Shootings");
    assert_eq!(v["author_name"], "Reuters");
    assert_eq!(v["provider_name"], "The Moscow Times");
    assert_eq!(v["provider_url"], "https://news.example/");
    assert_eq!(v["width"], 550);
    assert_eq!(v["height"], Value::Null);
    let snippet = stdout(&run(&["snippet", &seed_article(), "--src", SRC, "--bundle", BUNDLE]));
    assert_eq!(v["html"], snippet.trim_end());
}

#[test]
fn oembed_maxwidth_sets_the_width_and_must_be_a_number() {
    let out = run(&["oembed", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--maxwidth", "400"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["width"], 400);
    let out = run(&["oembed", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--maxwidth", "wide"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schema_prints_the_published_json_schema() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let published =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/schema/article-v1.json")).unwrap();
    assert_eq!(stdout(&out), published);
    let _: Value = serde_json::from_str(&stdout(&out)).unwrap();
}

#[test]
fn help_and_version_exit_0_and_unknown_commands_exit_2() {
    for flag in ["--help", "help", "-h"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        for command in ["validate", "convert", "snippet", "oembed", "schema"] {
            assert!(stdout(&out).contains(&format!("\n  {command} ")), "{flag} lists {command}: {}", stdout(&out));
        }
        assert!(stdout(&out).contains("-V, --version"), "{}", stdout(&out));
    }
    for flag in ["--version", "-V"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), format!("article-embed {}\n", env!("CARGO_PKG_VERSION")));
    }
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: unrecognized subcommand 'frobnicate'"), "{}", stderr(&out));
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2), "no command: the help, as a usage error");
    assert!(stderr(&out).contains("Usage: article-embed <COMMAND>"), "{}", stderr(&out));
}

#[test]
fn each_command_help_lists_each_of_its_flags() {
    let flags: &[(&str, &[&str])] = &[
        ("validate", &["<FILE>...", "--strict", "--base <URL>"]),
        (
            "convert",
            &["<INPUT>", "-f, --from <FORMAT>", "-o, --output <OUT>", "jsonld", "json-ld", "wordpress", "wp", "guardian", "text", "txt"],
        ),
        ("snippet", &["<FILE>", "--src <URL>", "--bundle <URL>", "--full", "--theme <VALUE>", "--lang <VALUE>", "--donate <VALUE>", "--related <VALUE>", "--dnt <VALUE>", "--timeout <VALUE>"]),
        ("oembed", &["<FILE>", "--src <URL>", "--bundle <URL>", "--maxwidth <N>", "[default: 550]"]),
        ("schema", &[]),
    ];
    for (command, wanted) in flags {
        for help in [&[*command, "--help"][..], &["help", command]] {
            let out = run(help);
            assert_eq!(out.status.code(), Some(0), "{help:?}");
            let text = stdout(&out);
            assert!(text.contains(&format!("Usage: article-embed {command}")), "{help:?}: {text}");
            for flag in wanted.iter().chain(&["-h, --help"]) {
                assert!(text.contains(flag), "{help:?} lists {flag}: {text}");
            }
        }
    }
}

#[test]
fn unknown_flag_exits_2_with_clap_message() {
    for args in [&["validate", "--nope", "a.json"][..], &["--nope"], &["schema", "--strict"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("error: unexpected argument '"), "{args:?}: {err}");
        assert!(err.trim_end().ends_with("For more information, try '--help'."), "{args:?}: {err}");
    }
}

#[test]
fn dash_reads_standard_input() {
    let seed = std::fs::read_to_string(fixture("seed.txt")).unwrap();
    let out = run_with_stdin(&["convert", "-f", "text", "-"], &seed);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let converted = stdout(&out);
    let out = run_with_stdin(&["validate", "--strict", "-"], &converted);
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), "-: ok (18 blocks)\n".to_owned()), "{}", stderr(&out));
}

// --- oembed --iframe ---------------------------------------------------------

/// The `src` of the one `<iframe>` in `html`, with `&amp;` read back.
fn iframe_src(html: &str) -> String {
    let start = html.find("<iframe src=\"").expect("an iframe") + "<iframe src=\"".len();
    html[start..start + html[start..].find('"').unwrap()].replace("&amp;", "&")
}

#[test]
fn oembed_iframe_is_a_sandboxed_iframe_of_the_frame_page() {
    let out = run(&["oembed", "--iframe", &seed_article(), "--src", SRC, "--bundle", BUNDLE, "--maxwidth", "480", "--theme", "dark", "--layout", "card"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((v["version"].as_str(), v["type"].as_str()), (Some("1.0"), Some("rich")));
    assert_eq!(v["title"], "Four Officers Prosecuted for Kazakh Riot Shootings");
    assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(480), Some(600)));
    let html = v["html"].as_str().unwrap();
    assert_eq!(
        html,
        "<iframe src=\"https://cdn.news.example/article-embed/frame.html?src=https%3A%2F%2Fnews.example%2Fembed%2Ffour-officers.json&amp;theme=dark&amp;layout=card\" \
         title=\"Four Officers Prosecuted for Kazakh Riot Shootings\" width=\"480\" height=\"600\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" frameborder=\"0\"></iframe>"
    );
    // What WordPress keeps from a discovered provider: no script, no blockquote.
    assert!(!html.contains("<script") && !html.contains("<blockquote"), "{html}");
}

#[test]
fn oembed_iframe_takes_a_frame_url_and_a_maxheight() {
    let out = run(&[
        "oembed", &seed_article(), "--iframe", "--src", SRC, "--bundle", BUNDLE,
        "--frame", "https://embed.news.example/frame.html", "--maxheight", "400",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(550), Some(400)));
    assert_eq!(
        iframe_src(v["html"].as_str().unwrap()),
        "https://embed.news.example/frame.html?src=https%3A%2F%2Fnews.example%2Fembed%2Ffour-officers.json"
    );
    assert!(v["html"].as_str().unwrap().contains("height=\"400\""));
    // A maxheight over the default leaves the default.
    let out = run(&["oembed", &seed_article(), "--iframe", "--src", SRC, "--bundle", BUNDLE, "--maxheight", "2000"]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["height"].as_u64(), Some(600));
}

#[test]
fn oembed_iframe_usage_errors() {
    for bad in [
        &["--frame", "https://embed.news.example/frame.html"][..],
        &["--iframe", "--frame", "javascript:alert(1)"],
        &["--iframe", "--maxheight", "0"],
        &["--iframe", "--theme", "purple"],
    ] {
        let mut args = vec!["oembed", "a.json", "--src", SRC, "--bundle", BUNDLE];
        args.extend_from_slice(bad);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
    }
    let help = stdout(&run(&["oembed", "--help"]));
    for flag in ["--iframe", "--frame <URL>", "--maxheight <N>", "--theme <VALUE>", "--layout <VALUE>"] {
        assert!(help.contains(flag), "oembed --help lists {flag}: {help}");
    }
}

#[test]
fn oembed_without_iframe_is_unchanged_and_escapes_the_headline() {
    let article = temp("quotes.json");
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(seed_article()).unwrap()).unwrap();
    json["headline"] = Value::from("Tom & \"Jerry\" <b>");
    std::fs::write(&article, json.to_string()).unwrap();
    let plain = run(&["oembed", article.to_str().unwrap(), "--src", SRC, "--bundle", BUNDLE]);
    let framed = run(&["oembed", article.to_str().unwrap(), "--iframe", "--src", SRC, "--bundle", BUNDLE]);
    std::fs::remove_file(&article).ok();
    let plain: Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert!(plain["html"].as_str().unwrap().starts_with("<blockquote class=\"article-embed\""));
    assert_eq!(plain["height"], Value::Null);
    let framed: Value = serde_json::from_str(&stdout(&framed)).unwrap();
    assert!(framed["html"].as_str().unwrap().contains(" title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;\" "), "{framed}");
    assert_eq!(framed["title"], "Tom & \"Jerry\" <b>");
}
