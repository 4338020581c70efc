//! Minifies the widget's stylesheet at build time with lightningcss, so the
//! bundle carries `styles/widget.css` without its comments and spacing
//! (docs/PERFORMANCE.md, size log). The readable source stays in `styles/`.

use std::path::Path;

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

fn main() {
    let source = "styles/widget.css";
    println!("cargo:rerun-if-changed={source}");
    let css = match std::fs::read_to_string(source) {
        Ok(css) => css,
        Err(e) => fail(&format!("cannot read {source}: {e}")),
    };
    let mut sheet = match StyleSheet::parse(&css, ParserOptions::default()) {
        Ok(sheet) => sheet,
        Err(e) => fail(&format!("{source}: {e}")),
    };
    if let Err(e) = sheet.minify(MinifyOptions::default()) {
        fail(&format!("{source}: cannot minify: {e}"));
    }
    let out = match sheet.to_css(PrinterOptions { minify: true, ..PrinterOptions::default() }) {
        Ok(out) => out.code,
        Err(e) => fail(&format!("{source}: cannot print: {e}")),
    };
    let Some(dir) = std::env::var_os("OUT_DIR") else { fail("OUT_DIR is not set") };
    if let Err(e) = std::fs::write(Path::new(&dir).join("widget.min.css"), out) {
        fail(&format!("cannot write the minified stylesheet: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
