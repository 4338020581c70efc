//! What the widget reads from the host page: where relative URLs resolve,
//! the partner's host name, and the page's language.

use web_sys::Document;
use yew::AttrValue;

use crate::i18n::Lang;

/// `src` made absolute against the document's base URL (as written when it
/// cannot be parsed; the fetch then fails with a clear error).
pub fn resolve(src: &str, document: Option<&Document>) -> String {
    let base = document.and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base(src, &base).map_or_else(|_| src.to_owned(), |u| u.href())
}

/// The partner page's host name, for `utm_source`.
pub fn partner_host() -> Option<AttrValue> {
    let host = web_sys::window()?.location().hostname().ok()?;
    (!host.is_empty()).then(|| host.into())
}

/// The page's `<html lang>`, when it names a UI language.
pub fn lang(document: &Document) -> Option<Lang> {
    document.document_element()?.get_attribute("lang").as_deref().and_then(Lang::from_tag)
}
