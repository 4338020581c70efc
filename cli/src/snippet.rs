//! `article-embed snippet FILE --src URL --bundle URL [--full]`: the embed
//! code a site owner pastes, in the contract's shape (CONTRACT.md section 2).
//!
//! With `--full` the blockquote also holds the article itself, rendered on
//! the server by the widget's own Yew components (`ArticleView`), so readers
//! without WebAssembly and crawlers get the whole text, formatted by the same
//! code as the browser render.

use std::process::ExitCode;
use std::rc::Rc;

use article_embed::components::{article_card, root, ArticleView};
use article_embed::config::{Config, Layout};
use article_embed::context::ViewContext;
use article_embed::error::LoadError;
use article_embed::i18n::Lang;
use article_embed::model::Article;
use article_embed::parse::parse_article;
use article_embed::url_policy::{allow, UrlUse};
use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::args::SnippetArgs;
use crate::convert::slug;
use crate::error::{read_input, write_output, CliError};

pub fn run(args: &SnippetArgs) -> Result<ExitCode, CliError> {
    let embed = &args.embed;
    let article = load(&embed.file, &embed.src)?;
    let options = &args.options.0;
    let rendered = if args.full { Some(render_static(Rc::new(article.clone()), &args.options.config())?) } else { None };
    write_output(None, &embed_code(&article, &embed.src, &embed.bundle, options, rendered.as_deref()))?;
    Ok(ExitCode::SUCCESS)
}

/// A `--src`/`--bundle` URL: absolute http(s) or relative to the page;
/// never another scheme. The command line's value parser: the error is
/// clap's usage error.
pub fn embed_url(raw: &str) -> Result<String, String> {
    match allow(raw, Some("https://page.invalid/"), UrlUse::Link) {
        Ok(_) => Ok(raw.trim().to_owned()),
        Err(why) => Err(format!("not usable: {why}")),
    }
}

/// Reads and validates the article JSON as the widget will: relative URLs
/// resolve against `src` when it is absolute. Warnings go to standard error.
pub fn load(file: &str, src: &str) -> Result<Article, CliError> {
    let text = read_input(file)?;
    let base = allow(src, None, UrlUse::Link).ok();
    match parse_article(&text, base.as_deref()) {
        Ok(parsed) => {
            for w in &parsed.warnings {
                eprintln!("warning: {file}: {w}");
            }
            if parsed.article.url.is_none() {
                eprintln!("warning: {file}: the article has no url, so the fallback headline is not a link");
            }
            Ok(parsed.article)
        }
        Err(LoadError::Schema(problems)) => {
            let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            Err(CliError::invalid(format!(
                "{file} is not a valid article (run article-embed validate):\n{}",
                lines.join("\n")
            )))
        }
        Err(e) => Err(CliError::invalid(format!("{file}: {e}"))),
    }
}

/// Text for HTML text and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The embed code: `options` are the embed options given (name, value) in
/// the options table's order, written as `data-*` attributes; `rendered` is
/// the server-rendered article for `--full`.
pub fn embed_code(article: &Article, src: &str, bundle: &str, options: &[(&str, String)], rendered: Option<&str>) -> String {
    let headline = escape(&article.headline);
    let link = match &article.url {
        Some(url) => format!("<a href=\"{}\">{headline}</a>", escape(url)),
        None => format!("<p>{headline}</p>"),
    };
    let mut attributes = format!(" data-src=\"{}\"", escape(src));
    for (name, value) in options {
        attributes.push_str(&format!(" data-{name}=\"{}\"", escape(value)));
    }
    let mut out = format!("<blockquote class=\"article-embed\"{attributes}>\n  {link}\n");
    if let Some(html) = rendered {
        out.push_str("  ");
        out.push_str(html.trim());
        out.push('\n');
    }
    out.push_str(&format!("</blockquote>\n<script async src=\"{}\"></script>\n", escape(bundle)));
    out
}

#[derive(Properties, PartialEq)]
struct StaticProps {
    article: Rc<Article>,
    context: ViewContext,
    related: u32,
    layout: Layout,
}

/// The article view without the donation ask (it needs the browser).
#[function_component]
fn StaticArticle(props: &StaticProps) -> Html {
    let content = if props.layout == Layout::Card {
        article_card(&props.article, &props.context)
    } else {
        html! {
            <ArticleView article={props.article.clone()} ctx={props.context.clone()} donate={false} related={props.related}
                excerpt={props.layout == Layout::Excerpt} />
        }
    };
    root(props.context.lang, None, Some(props.layout.as_str()), content)
}

/// Server-renders the article with the widget's components, in the UI
/// language the widget would choose (the `lang` option, else the
/// article's), with the ids prefixed by the article's slug so that several
/// static articles on one page never share an id.
pub fn render_static(article: Rc<Article>, config: &Config) -> Result<String, CliError> {
    let lang = config.lang.or_else(|| article.lang.as_deref().and_then(Lang::from_tag)).unwrap_or_default();
    let slug = slug(article.id.as_deref().unwrap_or(&article.headline)).unwrap_or_else(|| "article".to_owned());
    let context = ViewContext { lang, id_prefix: format!("ae-{slug}").into(), ..ViewContext::default() };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| CliError::Io(format!("cannot start the renderer: {e}")))?;
    let props = StaticProps { article, context, related: config.related, layout: config.layout };
    let html = runtime.block_on(LocalServerRenderer::<StaticArticle>::with_props(props).hydratable(false).render());
    Ok(strip_component_comments(&html))
}

/// Removes Yew's `<!--<[Component]>-->` / `<!--</[Component]>-->` markers.
pub fn strip_component_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--<") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find("]>-->") {
            Some(end) if after[4..].starts_with("<[") || after[4..].starts_with("</[") => rest = &after[end + 5..],
            _ => {
                out.push_str("<!--<");
                rest = &after[5..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_comments_are_stripped_and_other_text_kept() {
        let html = "<!--<[a::B]>--><p>x &lt;!--</p><!--</[a::B]>--><!--<other-->";
        assert_eq!(strip_component_comments(html), "<p>x &lt;!--</p><!--<other-->");
    }

    #[test]
    fn markup_in_headline_and_urls_is_escaped() {
        let article = Article {
            headline: "<script>\"x\"</script>".into(),
            url: Some("https://n.example/?a=1&b=2".into()),
            ..Article::default()
        };
        let code = embed_code(&article, "a.json", "e.js", &[], None);
        assert_eq!(
            code,
            "<blockquote class=\"article-embed\" data-src=\"a.json\">\n  <a href=\"https://n.example/?a=1&amp;b=2\">&lt;script&gt;&quot;x&quot;&lt;/script&gt;</a>\n</blockquote>\n<script async src=\"e.js\"></script>\n"
        );
    }

    #[test]
    fn embed_urls_must_be_http_or_relative() {
        assert_eq!(embed_url(" https://cdn.example/embed.js ").as_deref(), Ok("https://cdn.example/embed.js"));
        assert!(embed_url("/embed/a.json").is_ok());
        assert!(embed_url("javascript:alert(1)").is_err_and(|e| e.contains("javascript:")));
    }

    #[test]
    fn static_render_has_the_article_text_and_no_component_markers() {
        let article = Article {
            headline: "Head".into(),
            lang: Some("ru".into()),
            body: vec![article_embed::model::Block::Paragraph(vec![article_embed::model::Inline::plain("Body text")])],
            url: Some("https://n.example/a".into()),
            ..Article::default()
        };
        let html = render_static(Rc::new(article), &Config::default()).unwrap();
        assert!(html.contains("<p>Body text</p>"), "{html}");
        assert!(html.contains("Head</h1>"), "{html}");
        assert!(!html.contains("<!--"), "{html}");
        assert!(html.contains("Читать"), "Russian UI strings: {html}");
    }
}
