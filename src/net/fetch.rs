//! Fetching article JSON: a time limit, a size limit enforced while the body
//! streams in, one automatic retry for transient failures, typed errors.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

use crate::error::{LoadError, Problem, ProblemKind};
use crate::model::Article;
use crate::limits::MAX_JSON_BYTES;
use crate::parse::parse_article_bytes;

/// Wait before the automatic retry when the server does not say.
const RETRY_BACKOFF: Duration = Duration::from_millis(800);
/// The longest `Retry-After` honoured; longer waits fail at once.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(5);

/// Parsing that took longer than this is followed by a yield to the browser
/// before rendering (a short article parses in a millisecond or two).
const PARSE_SLICE_MS: f64 = 10.0;

/// A failed attempt, and how long the server asked us to wait.
struct Failure {
    error: LoadError,
    retry_after: Option<Duration>,
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Failure { error, retry_after: None }
    }
}

/// Whether a failure is worth one automatic retry: the network, a timeout,
/// or a gateway saying "try again"; never a 4xx or a bad body.
fn transient(error: &LoadError) -> bool {
    matches!(
        error,
        LoadError::Network(_) | LoadError::Timeout { .. } | LoadError::Http { status: 502 | 503 | 504 }
    )
}

/// Fetches and parses the article at `url` (absolute), retrying once when
/// the first failure is transient.
pub async fn fetch_article(url: &str, timeout_ms: u32) -> Result<Rc<Article>, LoadError> {
    let text = match attempt(url, timeout_ms).await {
        Ok(bytes) => bytes,
        Err(first) if transient(&first.error) => {
            let wait = first.retry_after.unwrap_or(RETRY_BACKOFF);
            if wait > MAX_RETRY_AFTER {
                return Err(first.error);
            }
            yew::platform::time::sleep(wait).await;
            attempt(url, timeout_ms).await.map_err(|f| f.error)?
        }
        Err(first) => return Err(first.error),
    };
    let started = js_sys::Date::now();
    let parsed = parse_article_bytes(&text, Some(url))?;
    report_warnings(url, &parsed.warnings);
    if js_sys::Date::now() - started > PARSE_SLICE_MS {
        // A long article: give the browser a turn before rendering it, so
        // parsing and rendering are two tasks instead of one long one.
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    Ok(Rc::new(parsed.article))
}

/// One request, aborted after `timeout_ms`; the body, at most `MAX_JSON_BYTES`.
async fn attempt(url: &str, timeout_ms: u32) -> Result<Vec<u8>, Failure> {
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
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .ok();
    let result = request(url, &controller).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(on_timeout);
    match result {
        Err(_) if timed_out.get() => Err(LoadError::Timeout { after_ms: timeout_ms }.into()),
        other => other,
    }
}

async fn request(url: &str, controller: &AbortController) -> Result<Vec<u8>, Failure> {
    // The browser's fetch through web-sys: a GET with the page's default
    // credentials and cache mode, abortable.
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .and_then(|r| r.dyn_into())
        .map_err(|e| LoadError::Network(describe(&e)))?;
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if !response.ok() {
        let retry_after = header("retry-after").and_then(|v| crate::num::parse_u64(v.trim())).map(Duration::from_secs);
        return Err(Failure { error: LoadError::Http { status: response.status() }, retry_after });
    }
    let declared = header("content-length").and_then(|v| crate::num::parse_u64(v.trim()));
    if let Some(bytes) = declared.filter(|n| *n > MAX_JSON_BYTES as u64) {
        controller.abort();
        return Err(too_large(&crate::cat!(bytes, " bytes")).into());
    }
    read_capped(&response, controller).await.map_err(Failure::from)
}

/// Reads the body chunk by chunk and stops as soon as it passes the cap, so
/// a huge or endless response is never buffered whole.
async fn read_capped(response: &Response, controller: &AbortController) -> Result<Vec<u8>, LoadError> {
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| LoadError::Network(describe(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).is_ok_and(|d| d.is_truthy());
        if done {
            return Ok(bytes);
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) {
            bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
        }
        if bytes.len() > MAX_JSON_BYTES {
            let _ = reader.cancel();
            controller.abort();
            return Err(too_large(&crate::cat!("over ", MAX_JSON_BYTES, " bytes")));
        }
    }
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the connection failed while reading".to_owned())
}

fn too_large(size: &str) -> LoadError {
    LoadError::Schema(vec![Problem::new(
        ProblemKind::TooLarge,
        String::new(),
        crate::cat!("the article JSON is ", size, "; at most ", MAX_JSON_BYTES, " bytes render"),
    )])
}

/// One console warning listing what the article lost on the way (unknown
/// block types skipped, URLs dropped, dates not shown), for the host page's
/// developers; readers see nothing.
fn report_warnings(url: &str, warnings: &[Problem]) {
    if warnings.is_empty() {
        return;
    }
    let unknown = warnings.iter().filter(|w| w.kind == ProblemKind::UnknownBlockType).count();
    let mut text = crate::cat!("article-embed: ", url, ": ", warnings.len(), " warning(s)");
    if unknown > 0 {
        text.push_str(&crate::cat!(", ", unknown, " unknown block type(s) skipped"));
    }
    for w in warnings.iter().take(20) {
        text.push_str(&crate::cat!("\n- ", w));
    }
    web_sys::console::warn_1(&text.into());
}
