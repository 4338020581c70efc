//! Fetching article JSON with a time limit, a size limit and typed errors.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use crate::error::LoadError;
use crate::parse::{parse_article, Parsed, MAX_BYTES};

/// Fetches and parses the article at `url` (absolute).
pub async fn fetch_article(url: &str, timeout_ms: u32) -> Result<Rc<Parsed>, LoadError> {
    let controller = AbortController::new().map_err(|_| LoadError::Network("AbortController unavailable".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), timeout_ms as i32)
        .ok();
    let result = fetch_text(url, &controller).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(on_timeout);
    let text = match result {
        Err(_) if timed_out.get() => return Err(LoadError::Timeout { after_ms: timeout_ms }),
        other => other?,
    };
    let parsed = parse_article(&text, Some(url))?;
    report_warnings(url, &parsed.warnings);
    Ok(Rc::new(parsed))
}

/// One console warning listing what the article lost on the way (unknown
/// block types skipped, URLs dropped, dates not shown), for the host page's
/// developers; readers see nothing.
fn report_warnings(url: &str, warnings: &[crate::error::Problem]) {
    if warnings.is_empty() {
        return;
    }
    let unknown = warnings.iter().filter(|w| w.message.starts_with("unknown block type")).count();
    let mut text = format!("article-embed: {url}: {} warning(s)", warnings.len());
    if unknown > 0 {
        text.push_str(&format!(", {unknown} unknown block type(s) skipped"));
    }
    for w in warnings.iter().take(20) {
        text.push_str(&format!("\n- {w}"));
    }
    web_sys::console::warn_1(&text.into());
}

async fn fetch_text(url: &str, controller: &AbortController) -> Result<String, LoadError> {
    let signal = controller.signal();
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http { status: response.status() });
    }
    let declared = response.headers().get("content-length").and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(too_large(declared.unwrap_or_default()));
    }
    let text = response.text().await.map_err(|e| LoadError::Network(e.to_string()))?;
    Ok(text)
}

fn too_large(bytes: usize) -> LoadError {
    LoadError::Schema(vec![crate::error::Problem {
        path: String::new(),
        message: format!("the article JSON is {bytes} bytes; at most {MAX_BYTES} render"),
    }])
}
