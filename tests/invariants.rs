//! The architecture's invariants, checked over the source text: no HTML
//! injection path and no panicking shortcut in library code.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The widget's library source, without test modules. (The publisher CLI is
/// its own crate in `cli/`, so nothing here needs to be filtered out.)
fn library_sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files
        .into_iter()
        .filter(|p| !p.ends_with("tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
            (p, code)
        })
        .collect()
}

#[test]
fn no_html_injection_path_exists() {
    for (path, code) in library_sources() {
        for banned in ["inner_html", "from_html_unchecked", "set_attribute(\"on", "outer_html", "insert_adjacent_html", "document.write"] {
            assert!(!code.contains(banned), "{}: uses {banned}", path.display());
        }
    }
}

#[test]
fn library_code_has_no_unwrap_or_expect() {
    for (path, code) in library_sources() {
        for banned in [".unwrap()", ".expect(", "panic!(", "unreachable!(", "todo!(", "unimplemented!("] {
            assert!(!code.contains(banned), "{}: uses {banned}", path.display());
        }
    }
}

#[test]
fn no_inline_styles_are_written() {
    for (path, code) in library_sources() {
        for banned in ["style=", "\"style\"", "create_element(\"style\")", ".style()"] {
            assert!(!code.contains(banned), "{}: writes an inline style ({banned})", path.display());
        }
    }
}

/// Every source file of the workspace is named in ARCHITECTURE.md's code
/// map, so a newcomer finds each one there.
#[test]
fn code_map_names_every_source_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut files = Vec::new();
    for dir in ["src", "cli/src", "tests", "scripts", "www"] {
        let mut found = Vec::new();
        all_files(&root.join(dir), &mut found);
        files.extend(found);
    }
    // Data the code map names by folder.
    let by_folder = ["tests/fixtures/", "tests/data/", "tests/e2e/", "www/articles/", "tests/fixtures/generated/"];
    for path in files {
        let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if let Some(folder) = by_folder.iter().find(|f| relative.starts_with(**f)) {
            assert!(map.contains(&format!("`{folder}")), "ARCHITECTURE.md names no `{folder}`");
            continue;
        }
        assert!(map.contains(&format!("`{relative}`")), "ARCHITECTURE.md's code map does not name `{relative}`");
    }
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_files(&path, out);
        } else {
            out.push(path);
        }
    }
}
