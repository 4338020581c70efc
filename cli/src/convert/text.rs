//! `--from text`: a plain-text article as scraped from a news page, like
//! the seed article (`cli/tests/fixtures/seed.txt`).
//!
//! The rules, kept simple on purpose:
//! - No-break spaces become spaces; paragraphs are separated by blank lines
//!   and the lines of one paragraph are joined with spaces.
//! - The **headline** is the first short line (at most 200 characters, not
//!   ending in a full stop) followed by a paragraph that begins with an
//!   upper-case **dateline** and a dash: `ALMATY — Kazakhstan is …`. The
//!   dateline goes to `dateline` and is cut from the first paragraph. With
//!   no dateline anywhere, the first short line on its own followed by more
//!   text is the headline (with a warning).
//! - The **body** runs from there to the end, or to the first paragraph
//!   that starts a donation appeal or trailer: one opening with `…`, or
//!   containing "small favor to ask", or a line "Read more", "Remind me
//!   later", "Not ready to support today?", "Support us". That trailer is
//!   dropped with a warning.
//! - Lines **above the headline** are page furniture. Those after the last
//!   call-to-action line (at most four words, no closing punctuation, such
//!   as "Support us") that read as sentences (ending in `.` or `!`) become
//!   `info` notices; the rest is dropped with a warning.

use article_embed::model::{Article, Block, Inline, Notice, NoticeKind};

use super::{clean, shorten, slug, Warnings};
use crate::error::CliError;

/// One blank-line-separated paragraph: its trimmed lines and first line number.
struct Para<'t> {
    line: usize,
    lines: Vec<&'t str>,
}

pub fn convert(input: &str, warnings: &mut Warnings) -> Result<Article, CliError> {
    let text = input.trim_start_matches('\u{feff}').replace('\u{a0}', " ").replace("\r\n", "\n");
    let paras = paragraphs(&text);
    let (h, with_dateline) = find_headline(&paras).ok_or_else(|| {
        CliError::invalid("no headline found: expected a short line followed by a paragraph that begins with a dateline such as \"ALMATY — \"")
    })?;
    let headline_para = &paras[h];
    let headline = clean(headline_para.lines.last().copied().unwrap_or_default()).unwrap_or_default();
    if !with_dateline {
        warnings.warn(format!("no dateline (\"CITY — \") found; took \"{}\" as the headline", shorten(&headline)));
    }

    let mut a = super::article(headline);
    a.id = slug(&a.headline);
    let above: Vec<&str> = paras[..h]
        .iter()
        .flat_map(|p| p.lines.iter().copied())
        .chain(headline_para.lines[..headline_para.lines.len() - 1].iter().copied())
        .collect();
    a.notices = notices(&above, warnings);

    let mut body = Vec::new();
    for (i, p) in paras[h + 1..].iter().enumerate() {
        if is_trailer(p) {
            let lines: usize = paras[h + 1 + i..].iter().map(|p| p.lines.len()).sum();
            warnings.warn(format!(
                "dropped the closing appeal from line {} on ({lines} lines), starting \"{}\"",
                p.line,
                shorten(p.lines[0])
            ));
            break;
        }
        let mut joined = p.lines.join(" ");
        if i == 0 && with_dateline {
            if let Some((place, rest)) = split_dateline(&joined) {
                a.dateline = Some(place.to_owned());
                joined = rest.to_owned();
            }
        }
        body.extend(clean(&joined).map(|t| Block::Paragraph(vec![Inline::plain(t)])));
    }
    a.body = body;
    Ok(a)
}

fn paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut out: Vec<Para<'_>> = Vec::new();
    let mut open = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
        } else if open {
            if let Some(p) = out.last_mut() {
                p.lines.push(line);
            }
        } else {
            out.push(Para { line: n + 1, lines: vec![line] });
            open = true;
        }
    }
    out
}

fn is_short_title(line: &str) -> bool {
    let n = line.chars().count();
    (1..=200).contains(&n) && !line.ends_with('.')
}

/// The paragraph whose last line is the headline, and whether a dateline follows it.
fn find_headline(paras: &[Para<'_>]) -> Option<(usize, bool)> {
    let followed_by_dateline = |i: usize| paras.get(i + 1).is_some_and(|next| split_dateline(next.lines[0]).is_some());
    if let Some(i) =
        (0..paras.len()).find(|&i| paras[i].lines.last().is_some_and(|l| is_short_title(l)) && followed_by_dateline(i))
    {
        return Some((i, true));
    }
    (0..paras.len())
        .find(|&i| paras[i].lines.len() == 1 && is_short_title(paras[i].lines[0]) && paras.get(i + 1).is_some())
        .map(|i| (i, false))
}

/// `ALMATY — Kazakhstan is …` → (`ALMATY`, `Kazakhstan is …`). The place is
/// at most 40 characters of upper-case letters, spaces and `.,'-/`.
pub fn split_dateline(line: &str) -> Option<(&str, &str)> {
    let (place, rest) = [" — ", " – ", " -- "].iter().find_map(|sep| line.split_once(sep))?;
    let place = place.trim();
    let ok = (1..=40).contains(&place.chars().count())
        && place.chars().any(char::is_uppercase)
        && place.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || " .,'’-/".contains(c));
    ok.then_some((place, rest))
}

/// A paragraph that starts the donation appeal or the page's trailer.
fn is_trailer(p: &Para<'_>) -> bool {
    let first = p.lines[0];
    let lower = first.to_lowercase();
    let trailer_line = |l: &&str| {
        let l = l.to_lowercase();
        let l = l.trim_end_matches(['.', '!', '?', '…', ' ']);
        matches!(l, "read more" | "remind me later" | "not ready to support today" | "support us")
    };
    first.starts_with('…')
        || first.starts_with("...")
        || lower.contains("small favor to ask")
        || lower.contains("small favour to ask")
        || p.lines.iter().any(trailer_line)
}

fn is_call_to_action(line: &str) -> bool {
    line.split_whitespace().count() <= 4 && !line.ends_with(['.', '!', '?', ':', ','])
}

fn notices(above: &[&str], warnings: &mut Warnings) -> Vec<Notice> {
    let start = above.iter().rposition(|l| is_call_to_action(l)).map_or(0, |i| i + 1);
    let mut notices = Vec::new();
    let mut dropped = Vec::new();
    for (i, line) in above.iter().enumerate() {
        if i >= start && line.ends_with(['.', '!']) && line.chars().count() <= 300 {
            notices.extend(clean(line).map(|text| Notice { kind: NoticeKind::Info, text }));
        } else {
            dropped.push(*line);
        }
    }
    if !dropped.is_empty() {
        warnings.warn(format!(
            "dropped {} line{} above the headline (a banner?), starting \"{}\"",
            dropped.len(),
            if dropped.len() == 1 { "" } else { "s" },
            shorten(dropped[0])
        ));
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_upper_case_places_before_a_dash() {
        assert_eq!(split_dateline("ALMATY — Kazakhstan is"), Some(("ALMATY", "Kazakhstan is")));
        assert_eq!(split_dateline("WASHINGTON, D.C. – Text"), Some(("WASHINGTON, D.C.", "Text")));
        assert_eq!(split_dateline("Almaty — text"), None);
        assert_eq!(split_dateline("No dash here"), None);
    }

    #[test]
    fn headline_without_dateline_is_the_first_lone_short_line_with_a_warning() {
        let mut w = Warnings::default();
        let a = convert("A Title\n\nFirst paragraph.\n\nSecond.", &mut w).unwrap();
        assert_eq!(a.headline, "A Title");
        assert_eq!(a.body.len(), 2);
        assert_eq!(a.dateline, None);
        assert!(w.iter().any(|m| m.contains("no dateline")));
    }

    #[test]
    fn read_more_and_remind_me_later_end_the_body() {
        let mut w = Warnings::default();
        let a = convert(
            "Head\n\nCITY — One.\n\nTwo.\n\nNot ready to support today?\nRemind me later.\n\nRead more",
            &mut w,
        )
        .unwrap();
        assert_eq!(a.body.len(), 2);
        let mut w = Warnings::default();
        let a = convert("Head\n\nCITY — One.\n\nRead more\n\nOther story", &mut w).unwrap();
        assert_eq!(a.body.len(), 1);
    }

    #[test]
    fn text_without_a_headline_is_an_error() {
        let mut w = Warnings::default();
        let e = convert("Only one long paragraph that ends with a full stop.", &mut w).unwrap_err();
        assert!(matches!(e, CliError::Invalid(m) if m.starts_with("no headline found")));
    }

    #[test]
    fn banner_lines_are_dropped_and_sentences_after_the_call_to_action_are_notices() {
        let mut w = Warnings::default();
        let a = convert("Enjoying it?\nWe did a thing.\nSupport us\nWe are banned.\n\nHead\n\nCITY — Body.", &mut w)
            .unwrap();
        assert_eq!(a.notices.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["We are banned."]);
        assert!(w.iter().any(|m| m.starts_with("dropped 3 lines above the headline")));
        assert_eq!(a.dateline.as_deref(), Some("CITY"));
    }
}
