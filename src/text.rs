//! Messages built from pieces without `core::fmt`.
//!
//! `format!`, `write!` and `to_string()` on a `Display` type bring core's
//! formatting machinery into the Wasm bundle, and each call site builds its
//! own argument table (docs/PERFORMANCE.md, size log row 30). Code that runs
//! in the browser builds its text with [`cat!`](crate::cat) instead; the
//! `Display` impls of the crate's types delegate to the same [`Piece`]s, so
//! native callers (the CLI, tests) print the same words.

use std::borrow::Cow;

/// Something that appends itself to a message.
pub trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_u64(out, *self as u64);
            }
        }
    )*};
}
unsigned_pieces!(u8, u16, u32, u64, usize);

macro_rules! signed_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                let n = *self as i64;
                if n < 0 {
                    out.push('-');
                }
                push_u64(out, n.unsigned_abs());
            }
        }
    )*};
}
signed_pieces!(i32, i64);

/// Appends `n` in decimal digits.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[start..] {
        out.push(char::from(d));
    }
}

/// Appends `n` with leading zeros to at least `width` digits (`{:0width$}`).
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let digits = int(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// `n` in decimal digits, as `n.to_string()` writes it.
pub fn int(n: impl Piece) -> String {
    let mut out = String::new();
    n.push_to(&mut out);
    out
}

/// A `String` made of the pieces in order: `cat!("level ", n, " shown")`.
#[macro_export]
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        let mut out = ::std::string::String::new();
        $( $crate::text::Piece::push_to(&$piece, &mut out); )*
        out
    }};
}

/// Where `needle` first occurs in `text`: a plain byte scan. std's substring
/// search (`str::find(&str)`, `contains`, `replace`) brings its Two-Way
/// searcher, about 1.4 kB, into the bundle for a few short constant needles
/// (docs/PERFORMANCE.md, size log row 28). A match of valid UTF-8 in valid
/// UTF-8 starts on a character boundary, so the index can slice `text`.
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{find_str, int};

    #[test]
    fn find_str_agrees_with_std() {
        let cases = [
            ("https://x.example/a", "://"),
            ("mailto:x@example.com", "://"),
            ("", "://"),
            ("ab", "abc"),
            ("Прочитано %%N%% статей, %%N%%", "%%N%%"),
            ("ééé://", "://"),
            ("abc", ""),
        ];
        for (text, needle) in cases {
            assert_eq!(find_str(text, needle), text.find(needle), "{text:?} / {needle:?}");
        }
    }

    #[test]
    fn integers_as_to_string_writes_them() {
        for n in [0u64, 7, 10, 99, 1_000, 4_294_967_296, u64::MAX] {
            assert_eq!(int(n), n.to_string());
        }
        for n in [0i64, -1, -10, 42, i64::MIN, i64::MAX] {
            assert_eq!(int(n), n.to_string());
        }
        assert_eq!(crate::cat!("level ", 7u32, " of ", String::from("x"), '!'), "level 7 of x!");
        for (n, width) in [(0u64, 2usize), (7, 2), (12, 2), (123, 2), (5, 4), (2012, 4), (12345, 4)] {
            let mut out = String::new();
            super::push_padded(&mut out, n, width);
            assert_eq!(out, format!("{n:0width$}"));
        }
    }
}
