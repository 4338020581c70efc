//! Publishers' HTML → the article model's blocks and inline runs.
//!
//! A real HTML parser (html5ever, through `scraper`) reads the markup; the
//! walk below maps what the model can say and drops the rest. The
//! allowlist, written down here and nowhere else:
//!
//! - blocks: `p`/`pre` → paragraph; `h1`–`h6` → heading (levels clamped to
//!   2–4, the headline being the only level 1); `blockquote` → quote (a
//!   `cite`, `footer` or `figcaption` inside becomes its `cite`); `ul`/`ol`/
//!   `li` → list (nested lists flattened); `figure`/`img`/`picture` → image
//!   (`src`, `alt`, `width`, `height`; `figcaption` → caption, an element
//!   whose class mentions "credit" → credit);
//! - containers whose children are read as if they were not there: `div`,
//!   `section`, `article`, `main`, `header`, `footer`, `center`, `hgroup`;
//! - inline: `strong`/`b` → mark "strong", `em`/`i` → mark "em", `a href` →
//!   link, `br` → a space; harmless wrappers (`span`, `u`, `small`, `sub`,
//!   `sup`, `code`, `abbr`, `time`, `mark`, …) keep their text;
//! - `hr` and comments vanish silently; everything else (`script`, `style`,
//!   `iframe`, `form`, `video`, `table`, `aside`, unknown elements …) is
//!   dropped, content and all, with a warning naming where it was.
//!
//! Text is text: nothing here ever emits HTML. An image met inside a
//! paragraph, heading, quote or list is placed right after that block.

use article_embed::limits::{MAX_HEADING_LEVEL, MAX_IMAGE_SIZE, MIN_HEADING_LEVEL, MIN_IMAGE_SIZE};
use article_embed::model::{Block, Image, Inline};
use article_embed::url_policy::UrlUse;
use scraper::{ElementRef, Html, Node};

use crate::convert::{self, Warnings};

/// Containers read as if they were not there.
const TRANSPARENT: &[&str] =
    &["html", "body", "div", "section", "article", "main", "header", "footer", "center", "hgroup"];
/// Inline elements whose text is kept without a mark.
const PLAIN_INLINE: &[&str] = &[
    "span", "u", "s", "strike", "del", "ins", "small", "big", "sub", "sup", "mark", "abbr", "acronym", "cite", "q",
    "time", "code", "kbd", "samp", "var", "dfn", "bdi", "bdo", "font", "tt", "data", "nobr", "label",
];
/// Elements whose content is never text for a reader (skipped by [`text`]).
const NEVER_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
    "select", "textarea", "button", "head", "title",
];

/// Deeper elements are dropped (with a warning), so hostile nesting cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 200;

fn too_deep(el: ElementRef<'_>) -> bool {
    el.ancestors().nth(MAX_DEPTH).is_some()
}

/// The body blocks of an HTML fragment. `base` resolves relative URLs;
/// `source` names the field the HTML came from, for warnings.
pub fn blocks(html: &str, base: Option<&str>, source: &str, warnings: &mut Warnings) -> Vec<Block> {
    let doc = Html::parse_fragment(html);
    let mut walker = Walker::new(base, source, warnings);
    walker.block_children(doc.root_element());
    walker.finish()
}

/// The paragraphs of an element, with their inline marks and links, leaving
/// out page furniture (`header`, `footer`, `nav`, `aside`, `figure`,
/// `blockquote`, `form`) around them.
pub fn paragraphs_of(el: ElementRef<'_>, base: Option<&str>, source: &str, warnings: &mut Warnings) -> Vec<Block> {
    const FURNITURE: &[&str] = &["header", "footer", "nav", "aside", "figure", "blockquote", "form"];
    let mut walker = Walker::new(base, source, warnings);
    for p in el.descendent_elements().filter(|e| e.value().name() == "p") {
        let inside_furniture = p
            .ancestors()
            .take_while(|a| a.id() != el.id())
            .filter_map(ElementRef::wrap)
            .any(|a| FURNITURE.contains(&a.value().name()));
        if !inside_furniture {
            walker.flush();
            walker.inline_children(p, Marks::default());
            walker.flush();
        }
    }
    walker.finish().into_iter().filter(|b| matches!(b, Block::Paragraph(_))).collect()
}

/// The first image of an HTML fragment (a lead `<figure>`), with its caption.
pub fn first_image(html: &str, base: Option<&str>, source: &str, warnings: &mut Warnings) -> Option<Image> {
    blocks(html, base, source, warnings).into_iter().find_map(|b| match b {
        Block::Image(i) => Some(i),
        _ => None,
    })
}

/// The text of an HTML fragment: tags stripped, entities decoded, scripts
/// and styles left out, whitespace collapsed. `None` when there is none.
pub fn text(html: &str) -> Option<String> {
    let doc = Html::parse_fragment(html);
    convert::clean(&text_of(doc.root_element(), &|_| false))
}

/// The text of an element, skipping [`NEVER_TEXT`] and what `skip` says.
fn text_of(el: ElementRef<'_>, skip: &dyn Fn(ElementRef<'_>) -> bool) -> String {
    let mut out = String::new();
    if too_deep(el) {
        return out;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(e) if NEVER_TEXT.contains(&e.name()) => {}
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child).filter(|c| !skip(*c)) {
                    // Block boundaries separate words.
                    out.push(' ');
                    out.push_str(&text_of(child, skip));
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// Where an element is, for warnings: `figure[2] > iframe[1]`.
fn locate(el: ElementRef<'_>) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(el);
    while let Some(e) = cur {
        let name = e.value().name();
        if name == "html" {
            break;
        }
        let index = 1 + e.prev_siblings().filter_map(ElementRef::wrap).filter(|s| s.value().name() == name).count();
        parts.push(format!("{name}[{index}]"));
        cur = e.parent().and_then(ElementRef::wrap);
    }
    parts.reverse();
    parts.join(" > ")
}

/// The marks and link in force while reading inline content.
#[derive(Clone, Debug, Default)]
struct Marks {
    strong: bool,
    em: bool,
    href: Option<String>,
}

struct Walker<'w> {
    base: Option<&'w str>,
    source: &'w str,
    warnings: &'w mut Warnings,
    blocks: Vec<Block>,
    /// Inline content read but not yet in a block.
    pending: Vec<Inline>,
    /// Images met inside the block being read; they follow it.
    hoisted: Vec<Block>,
    /// Inside a blockquote: the cite found so far (`Some(None)` = none yet).
    quote_cite: Option<Option<String>>,
}

impl<'w> Walker<'w> {
    fn new(base: Option<&'w str>, source: &'w str, warnings: &'w mut Warnings) -> Self {
        Walker {
            base,
            source,
            warnings,
            blocks: Vec::new(),
            pending: Vec::new(),
            hoisted: Vec::new(),
            quote_cite: None,
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn drop_element(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        self.warnings.warn(format!("dropped <{name}> at {}: {}", self.source, locate(el)));
    }

    /// Ends the pending paragraph (if it has text) and places hoisted images.
    fn flush(&mut self) {
        let runs = tidy(std::mem::take(&mut self.pending));
        self.emit(if runs.is_empty() { None } else { Some(Block::Paragraph(runs)) });
    }

    fn emit(&mut self, block: Option<Block>) {
        self.blocks.extend(block);
        self.blocks.append(&mut self.hoisted);
    }

    /// Reads `el`'s children as inline content into a fresh buffer.
    fn collect_inline(&mut self, el: ElementRef<'_>) -> Vec<Inline> {
        let outer = std::mem::take(&mut self.pending);
        self.inline_children(el, Marks::default());
        tidy(std::mem::replace(&mut self.pending, outer))
    }

    fn block_children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.pending.push(Inline::plain(&**t)),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.block_element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn block_element(&mut self, el: ElementRef<'_>) {
        if too_deep(el) {
            return self.drop_element(el);
        }
        let name = el.value().name();
        match name {
            "p" | "pre" => {
                self.flush();
                self.inline_children(el, Marks::default());
                self.flush();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level =
                    name[1..].parse::<u8>().unwrap_or(MIN_HEADING_LEVEL).clamp(MIN_HEADING_LEVEL, MAX_HEADING_LEVEL);
                let content = self.collect_inline(el);
                self.emit((!content.is_empty()).then_some(Block::Heading { level, content }));
            }
            "blockquote" => {
                self.flush();
                let block = self.quote(el, None);
                self.emit(block);
            }
            "ul" | "ol" => {
                self.flush();
                let mut items = Vec::new();
                self.list_items(el, &mut items);
                self.emit((!items.is_empty()).then_some(Block::List { ordered: name == "ol", items }));
            }
            "figure" => {
                self.flush();
                self.figure(el);
            }
            "img" | "picture" => {
                self.flush();
                let image = self.image(el, None, None);
                self.emit(image.map(Block::Image));
            }
            "br" => self.pending.push(Inline::plain(" ")),
            "hr" => self.flush(),
            _ if TRANSPARENT.contains(&name) => {
                self.flush();
                self.block_children(el);
                self.flush();
            }
            _ => self.inline_element(el, &Marks::default()),
        }
    }

    fn inline_children(&mut self, el: ElementRef<'_>, marks: Marks) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.pending.push(Inline {
                    text: t.to_string(),
                    strong: marks.strong,
                    em: marks.em,
                    href: marks.href.clone(),
                }),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.inline_element(child, &marks);
                    }
                }
                _ => {}
            }
        }
    }

    fn inline_element(&mut self, el: ElementRef<'_>, marks: &Marks) {
        if too_deep(el) {
            return self.drop_element(el);
        }
        let name = el.value().name();
        match name {
            "strong" | "b" => self.inline_children(el, Marks { strong: true, ..marks.clone() }),
            "em" | "i" => self.inline_children(el, Marks { em: true, ..marks.clone() }),
            "a" => {
                let href = el.attr("href").and_then(|raw| {
                    convert::url(
                        raw,
                        self.base,
                        UrlUse::InlineLink,
                        &format!("link at {}: {}", self.source, locate(el)),
                        self.warnings,
                    )
                });
                self.inline_children(el, Marks { href: href.or_else(|| marks.href.clone()), ..marks.clone() });
            }
            "br" => self.pending.push(Inline::plain(" ")),
            "img" | "picture" => {
                let image = self.image(el, None, None);
                self.hoisted.extend(image.map(Block::Image));
            }
            "figure" => {
                // Read on its own, then placed after the block being read.
                let pending = std::mem::take(&mut self.pending);
                let hoisted = std::mem::take(&mut self.hoisted);
                let blocks = std::mem::take(&mut self.blocks);
                self.figure(el);
                self.flush();
                let figure = std::mem::replace(&mut self.blocks, blocks);
                self.pending = pending;
                self.hoisted = hoisted;
                self.hoisted.extend(figure);
            }
            "cite" | "footer" | "figcaption" if matches!(self.quote_cite, Some(None)) => {
                self.quote_cite = Some(cite_text(el));
            }
            "hr" => {}
            _ if PLAIN_INLINE.contains(&name) => self.inline_children(el, marks.clone()),
            // Block elements inside inline content (`<li><p>…</p></li>`):
            // their text, set off by spaces.
            "p" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul" | "ol" | "li" => {
                self.pending.push(Inline::plain(" "));
                self.inline_children(el, marks.clone());
                self.pending.push(Inline::plain(" "));
            }
            _ if TRANSPARENT.contains(&name) => {
                self.pending.push(Inline::plain(" "));
                self.inline_children(el, marks.clone());
                self.pending.push(Inline::plain(" "));
            }
            _ => self.drop_element(el),
        }
    }

    /// A quote; `cite` comes from a surrounding figure's caption, or from a
    /// `cite`/`footer`/`figcaption` inside.
    fn quote(&mut self, el: ElementRef<'_>, cite: Option<String>) -> Option<Block> {
        let outer = self.quote_cite.replace(None);
        let content = self.collect_inline(el);
        let inner = std::mem::replace(&mut self.quote_cite, outer).flatten();
        (!content.is_empty()).then_some(Block::Quote { content, cite: cite.or(inner) })
    }

    fn list_items(&mut self, list: ElementRef<'_>, items: &mut Vec<Vec<Inline>>) {
        for child in list.children() {
            let Some(li) = ElementRef::wrap(child) else { continue };
            if li.value().name() != "li" {
                self.drop_element(li);
                continue;
            }
            let outer = std::mem::take(&mut self.pending);
            let mut nested = Vec::new();
            for grandchild in li.children() {
                match grandchild.value() {
                    Node::Text(t) => self.pending.push(Inline::plain(&**t)),
                    Node::Element(e) if e.name() == "ul" || e.name() == "ol" => {
                        if let Some(sub) = ElementRef::wrap(grandchild) {
                            self.warnings.warn(format!("flattened a nested list at {}: {}", self.source, locate(sub)));
                            self.list_items(sub, &mut nested);
                        }
                    }
                    Node::Element(_) => {
                        if let Some(e) = ElementRef::wrap(grandchild) {
                            self.inline_element(e, &Marks::default());
                        }
                    }
                    _ => {}
                }
            }
            let item = tidy(std::mem::replace(&mut self.pending, outer));
            if !item.is_empty() {
                items.push(item);
            }
            items.append(&mut nested);
        }
    }

    fn figure(&mut self, el: ElementRef<'_>) {
        let caption_el = el.child_elements().find(|c| c.value().name() == "figcaption");
        let is_credit = |e: ElementRef<'_>| e.value().classes().any(|c| c.to_ascii_lowercase().contains("credit"));
        if let Some(img) = el.descendent_elements().find(|e| e.value().name() == "img") {
            let caption = caption_el.and_then(|c| convert::clean(&text_of(c, &is_credit)));
            let credit = caption_el
                .and_then(|c| c.descendent_elements().find(|e| is_credit(*e)))
                .and_then(|c| convert::clean(&text_of(c, &|_| false)));
            let image = self.image(img, caption, credit);
            self.emit(image.map(Block::Image));
        } else if let Some(quote) = el.child_elements().find(|c| c.value().name() == "blockquote") {
            let cite = caption_el.and_then(cite_text);
            let block = self.quote(quote, cite);
            self.emit(block);
        } else {
            for child in el.child_elements() {
                if child.value().name() == "figcaption" {
                    continue;
                }
                self.block_element(child);
            }
            self.flush();
        }
    }

    /// An image from an `img` (or the `img` inside a `picture`).
    fn image(&mut self, el: ElementRef<'_>, caption: Option<String>, credit: Option<String>) -> Option<Image> {
        let img = if el.value().name() == "img" {
            el
        } else {
            let Some(img) = el.descendent_elements().find(|e| e.value().name() == "img") else {
                self.drop_element(el);
                return None;
            };
            img
        };
        let where_ = format!("{}: {}", self.source, locate(img));
        let Some(raw) = img.attr("src").or_else(|| img.attr("data-src")).filter(|s| !s.trim().is_empty()) else {
            self.warnings.warn(format!("dropped <img> without src at {where_}"));
            return None;
        };
        let src = convert::url(raw, self.base, UrlUse::Image, &format!("image at {where_}"), self.warnings)?;
        let size = |name: &str| {
            img.attr(name)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|n| (MIN_IMAGE_SIZE..=MAX_IMAGE_SIZE).contains(n))
        };
        Some(Image {
            src,
            alt: img.attr("alt").and_then(convert::clean).unwrap_or_default(),
            caption,
            credit,
            width: size("width"),
            height: size("height"),
        })
    }
}

/// A quote's attribution without its leading dash: "— Name" → "Name".
fn cite_text(el: ElementRef<'_>) -> Option<String> {
    let text = convert::clean(&text_of(el, &|_| false))?;
    convert::clean(text.trim_start_matches(['—', '–', '―', '-', '~']))
}

/// Runs as the model wants them: whitespace collapsed across run
/// boundaries, trimmed at both ends, empty runs gone, whitespace-only runs
/// unmarked, neighbours with the same marks and link merged.
fn tidy(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut after_space = true; // at the start, leading spaces go
    for mut run in runs {
        let mut text = String::with_capacity(run.text.len());
        for c in run.text.chars() {
            if c.is_ascii_whitespace() {
                if !after_space {
                    text.push(' ');
                    after_space = true;
                }
            } else {
                text.push(c);
                after_space = false;
            }
        }
        if text.is_empty() {
            continue;
        }
        if text.trim().is_empty() {
            run = Inline::default();
        }
        run.text = text;
        match out.last_mut() {
            Some(last) if last.strong == run.strong && last.em == run.em && last.href == run.href => {
                last.text.push_str(&run.text)
            }
            _ => out.push(run),
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests;
