//! The `card` layout: a compact link preview, as X's and WordPress's embeds
//! are. Section, headline linked to the article, a summary, the lead image,
//! publisher and date; no body, no ask, no banner.

use yew::prelude::*;

use crate::context::{LinkKind, ViewContext};
use crate::format;
use crate::model::{Article, Block, Inline};

/// The longest summary a card shows, in characters (before the "…").
pub const SUMMARY_CHARS: usize = 200;

/// The standfirst, else the first paragraph cut at a word boundary to at
/// most [`SUMMARY_CHARS`] characters, ending in "…" when cut.
pub fn summary(standfirst: Option<&str>, body: &[Block]) -> Option<String> {
    if let Some(s) = standfirst.map(str::trim).filter(|s| !s.is_empty()) {
        return Some(s.to_owned());
    }
    let runs = body.iter().find_map(|b| match b {
        Block::Paragraph(runs) => Some(runs),
        _ => None,
    })?;
    let text: String = runs.iter().map(|r: &Inline| r.text.as_str()).collect();
    let text = text.trim();
    Some(cut_at_word(text, SUMMARY_CHARS))
}

/// `text` whole when it has at most `max` characters; else its longest
/// prefix of at most `max` characters that ends at a word boundary (a single
/// word longer than that is cut mid-word), trimmed, then "…".
pub fn cut_at_word(text: &str, max: usize) -> String {
    let Some((limit, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    // The boundary: the last whitespace at or before the limit, if the
    // character at the limit does not already start a new word.
    let head = &text[..limit];
    let at_boundary = text[limit..].starts_with(char::is_whitespace);
    let cut = if at_boundary { head } else { head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]) };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '-'));
    let mut out = String::with_capacity(cut.len() + 3);
    out.push_str(if cut.is_empty() { head } else { cut });
    out.push('…');
    out
}

/// The card (a function, not a component: see [`notices`](super::notices)).
pub fn article_card(article: &Article, ctx: &ViewContext) -> Html {
    let headline_id = ctx.id("headline");
    let headline = match &article.url {
        Some(url) => {
            let onclick = ctx.link_reporter(url, LinkKind::Canonical);
            html! { <a href={url.clone()} target="_blank" rel="noopener noreferrer" {onclick}>{ article.headline.clone() }</a> }
        }
        None => html! { { article.headline.clone() } },
    };
    let image = article.image.as_ref().map(|i| {
        html! {
            <img class="preview-image" src={i.src.clone()} alt={i.alt.clone()} loading="lazy" decoding="async"
                width={i.width.map(crate::text::int)} height={i.height.map(crate::text::int)} />
        }
    });
    let date = article.date_published.as_ref().map(|t| {
        html! { <time datetime={t.raw.clone()}>{ format::date(t.date, ctx.lang) }</time> }
    });
    let publisher = article.publisher.as_ref().map(|p| html! { <bdi class="publisher">{ p.name.clone() }</bdi> });
    html! {
        <article class="preview" part="article" aria-labelledby={headline_id.clone()}>
            { for image }
            <div class="preview-text">
                if let Some(section) = &article.section {
                    <p class="section">{ section.clone() }</p>
                }
                <h1 id={headline_id} class="preview-headline" part="headline" lang={article.lang.clone()}>{ headline }</h1>
                if let Some(text) = summary(article.standfirst.as_deref(), &article.body) {
                    <p class="preview-summary" lang={article.lang.clone()}>{ text }</p>
                }
                if publisher.is_some() || date.is_some() {
                    <p class="preview-meta">{ for publisher }{ for date }</p>
                }
            </div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_whole() {
        assert_eq!(cut_at_word("Short text.", 200), "Short text.");
        assert_eq!(cut_at_word(&"a".repeat(200), 200), "a".repeat(200));
    }

    #[test]
    fn long_text_is_cut_at_a_word_boundary_with_an_ellipsis() {
        let text = "Kazakhstan is prosecuting four senior police officers for using excessive force";
        assert_eq!(cut_at_word(text, 30), "Kazakhstan is prosecuting four…");
        assert_eq!(cut_at_word(text, 29), "Kazakhstan is prosecuting…");
        // The limit falls right before a space: the whole last word stays.
        assert_eq!(cut_at_word(text, 25), "Kazakhstan is prosecuting…");
        // Punctuation before the cut is dropped.
        assert_eq!(cut_at_word("one, two, three", 9), "one, two…");
    }

    #[test]
    fn the_cut_counts_characters_not_bytes() {
        let text = "Казахстан преследует четырёх старших офицеров полиции";
        let cut = cut_at_word(text, 30);
        assert_eq!(cut, "Казахстан преследует четырёх…");
        assert!(cut.chars().count() <= 31);
    }

    #[test]
    fn a_single_overlong_word_is_cut_inside() {
        assert_eq!(cut_at_word(&"x".repeat(300), 200), format!("{}…", "x".repeat(200)));
    }

    #[test]
    fn summary_prefers_the_standfirst_then_the_first_paragraph() {
        let body = vec![
            Block::Heading { level: 2, content: vec![Inline::plain("Heading")] },
            Block::Paragraph(vec![Inline::plain("First "), Inline::plain("paragraph.")]),
        ];
        assert_eq!(summary(Some("Stand."), &body).as_deref(), Some("Stand."));
        assert_eq!(summary(None, &body).as_deref(), Some("First paragraph."));
        assert_eq!(summary(Some("  "), &[]), None);
        let long = vec![Block::Paragraph(vec![Inline::plain(&"word ".repeat(60))])];
        let s = summary(None, &long).unwrap_or_default();
        assert!(s.ends_with("word…") && s.chars().count() <= SUMMARY_CHARS + 1, "{s}");
    }
}
