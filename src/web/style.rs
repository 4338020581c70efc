//! One constructable stylesheet per page, adopted by every shadow root.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok();
        if let Some(sheet) = &sheet {
            let _ = sheet.replace_sync(crate::STYLESHEET);
        }
        sheet
    };
}

/// Adopts the widget's stylesheet into `root`. Browsers without
/// constructable stylesheets get the unstyled (but complete) widget.
pub fn adopt(root: &ShadowRoot) {
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            root.set_adopted_style_sheets(&JsValue::from(js_sys::Array::of1(sheet)));
        }
    });
}
