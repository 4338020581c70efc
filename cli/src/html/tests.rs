//! HTML → blocks, as tables of `(title, html, expected blocks as JSON)`.

use serde_json::{json, Value};

use super::*;
use article_embed::wire;

const BASE: Option<&str> = Some("https://news.example/2024/story");

fn convert(html: &str) -> (Value, Vec<String>) {
    let mut w = Warnings::default();
    let blocks = blocks(html, BASE, "body", &mut w);
    let json = serde_json::to_value(blocks.iter().map(wire::Block::from).collect::<Vec<_>>()).unwrap();
    (json, w.iter().map(str::to_owned).collect())
}

fn check(cases: &[(&str, &str, Value)]) {
    for (title, html, expected) in cases {
        let (got, warnings) = convert(html);
        assert_eq!(&got, expected, "{title}\nwarnings: {warnings:?}");
    }
}

#[test]
fn blocks_map_onto_the_model() {
    check(&[
        ("paragraph", "<p>Hello <b>bold</b> and <i>it</i>.</p>", json!([{"type":"paragraph","content":["Hello ",{"text":"bold","marks":["strong"]}," and ",{"text":"it","marks":["em"]},"."]}])),
        ("nested marks", "<p><strong><em>both</em></strong></p>", json!([{"type":"paragraph","content":[{"text":"both","marks":["strong","em"]}]}])),
        ("headings clamp to 2..4", "<h1>One</h1><h3>Three</h3><h6>Six</h6>", json!([
            {"type":"heading","level":2,"content":["One"]},
            {"type":"heading","level":3,"content":["Three"]},
            {"type":"heading","level":4,"content":["Six"]}])),
        ("lists", "<ul><li>a</li><li><p>b <a href=\"/x\">x</a></p></li></ul><ol><li>1</li></ol>", json!([
            {"type":"list","ordered":false,"items":[["a"],["b ",{"text":"x","href":"https://news.example/x"}]]},
            {"type":"list","ordered":true,"items":[["1"]]}])),
        ("quote with cite", "<blockquote><p>Words.</p><footer>— <cite>Someone</cite></footer></blockquote>", json!([
            {"type":"quote","content":["Words."],"cite":"Someone"}])),
        ("quote in a figure", "<figure><blockquote><p>Q</p></blockquote><figcaption>– Author</figcaption></figure>", json!([
            {"type":"quote","content":["Q"],"cite":"Author"}])),
        ("figure with caption and credit", "<figure><img src=\"i.jpg\" alt=\"A cat\" width=\"800\" height=\"600\"><figcaption><span>The cat.</span> <span class=\"element-image__credit\">Photo: Me</span></figcaption></figure>", json!([
            {"type":"image","src":"https://news.example/2024/i.jpg","alt":"A cat","caption":"The cat.","credit":"Photo: Me","width":800,"height":600}])),
        ("image inside a paragraph follows it", "<p>Before <img src=\"https://c.example/i.png\"> after</p>", json!([
            {"type":"paragraph","content":["Before after"]},
            {"type":"image","src":"https://c.example/i.png"}])),
        ("br is a space, whitespace collapses", "<p>a<br>b \n\t c</p>", json!([{"type":"paragraph","content":["a b c"]}])),
        ("loose text becomes a paragraph", "Loose <em>text</em><div>In a div</div>", json!([
            {"type":"paragraph","content":["Loose ",{"text":"text","marks":["em"]}]},
            {"type":"paragraph","content":["In a div"]}])),
        ("entities are decoded, markup in text stays text", "<p>&lt;script&gt; &amp; &eacute;</p>", json!([{"type":"paragraph","content":["<script> & é"]}])),
        ("span keeps its text", "<p><span class=\"x\">kept</span></p>", json!([{"type":"paragraph","content":["kept"]}])),
        ("empty paragraphs vanish", "<p> </p><p><br></p><hr>", json!([])),
        ("nested list is flattened", "<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>", json!([
            {"type":"list","ordered":false,"items":[["a"],["a1"],["b"]]}])),
    ]);
}

#[test]
fn elements_outside_the_model_are_dropped_with_a_warning() {
    for (tag, html) in [
        ("script", "<p>ok</p><script>alert(1)</script>"),
        ("style", "<style>p{}</style><p>ok</p>"),
        ("iframe", "<p>ok</p><figure><iframe src=\"https://v.example/\"></iframe></figure>"),
        ("form", "<form><input name=q></form><p>ok</p>"),
        ("video", "<video src=\"v.mp4\">fallback text</video><p>ok</p>"),
        ("custom-thing", "<custom-thing>secret</custom-thing><p>ok</p>"),
        ("script", "<p>ok<script>inline()</script></p>"),
    ] {
        let (got, warnings) = convert(html);
        assert_eq!(got, json!([{"type":"paragraph","content":["ok"]}]), "{html}");
        assert!(warnings.iter().any(|w| w.starts_with(&format!("dropped <{tag}> at body: "))), "{html}: {warnings:?}");
    }
}

#[test]
fn warnings_say_where_the_element_was() {
    let (_, warnings) = convert("<p>a</p><figure><p>b</p></figure><figure><iframe></iframe></figure>");
    assert_eq!(warnings, ["dropped <iframe> at body: figure[2] > iframe[1]"]);
}

#[test]
fn unsafe_links_and_images_are_dropped_text_kept() {
    let (got, warnings) =
        convert("<p><a href=\"javascript:alert(1)\">click</a></p><img src=\"data:image/png;base64,xx\">");
    assert_eq!(got, json!([{"type":"paragraph","content":["click"]}]));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("javascript"));
}

#[test]
fn absurdly_deep_nesting_is_cut_off_not_a_stack_overflow() {
    let html = format!("{}deep{}", "<div><span>".repeat(300), "</span></div>".repeat(300));
    let (got, warnings) = convert(&html);
    assert_eq!(got, json!([]));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(text(&html).is_none());
}

#[test]
fn text_strips_tags_decodes_entities_and_skips_scripts() {
    assert_eq!(
        text("<p>Rock &amp; <b>roll</b></p><script>x()</script><p>again</p>").as_deref(),
        Some("Rock & roll again")
    );
    assert_eq!(text("<br>"), None);
}
