//! Decimal text to `f64` without core's float parser in the Wasm bundle.
//!
//! `str::parse::<f64>` brings core's decimal-to-float code and its tables
//! (about 10 kB gzip, see the size log in docs/PERFORMANCE.md). Integers,
//! which are nearly every number an article holds, are read exactly here;
//! on wasm32 the rest go to the JS engine's `parseFloat`, which is correctly
//! rounded like core's; natively (tests, the CLI) core's parser is used. The
//! caller has already checked the text's grammar (a JSON number).

/// The value of `text`, a number in JSON's grammar; `None` when it is not
/// finite.
pub fn parse_json_number(text: &str, integer: bool) -> Option<f64> {
    let value = match integer.then(|| parse_int(text)).flatten() {
        Some(i) => i as f64,
        None => parse_float(text),
    };
    value.is_finite().then_some(value)
}

/// An integer of at most 15 digits (exact in an `f64`), with an optional
/// leading `-`: [`parse_i64`] held to JSON's grammar (no `+`).
fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.len() > 15 || digits.starts_with('+') {
        return None;
    }
    parse_i64(text)
}

/// Decimal digits with an optional `+`, read as `str::parse::<u64>` reads
/// them. One reader for every integer the widget parses (attribute values,
/// stored timestamps, headers), instead of core's `from_str` for each integer
/// type (docs/PERFORMANCE.md, size log row 31).
pub fn parse_u64(text: &str) -> Option<u64> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u64, |n, b| match b {
        b'0'..=b'9' => n.checked_mul(10)?.checked_add(u64::from(b - b'0')),
        _ => None,
    })
}

/// As `str::parse::<i64>`: an optional sign, then decimal digits.
pub fn parse_i64(text: &str) -> Option<i64> {
    match text.strip_prefix('-') {
        Some(rest) if rest.starts_with('+') => None,
        Some(rest) => 0i64.checked_sub_unsigned(parse_u64(rest)?),
        None => i64::try_from(parse_u64(text)?).ok(),
    }
}

/// As `str::parse::<u32>`.
pub fn parse_u32(text: &str) -> Option<u32> {
    u32::try_from(parse_u64(text)?).ok()
}

#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> f64 {
    js_sys::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_decimals_read_as_core_reads_them() {
        for text in ["0", "-0", "7", "-2500", "999999999999999", "9999999999999999", "12.34", "1e3", "-1.5E-2", "0.1"] {
            let integer = !text.contains(['.', 'e', 'E']);
            assert_eq!(parse_json_number(text, integer), Some(text.parse::<f64>().unwrap()), "{text}");
        }
    }

    #[test]
    fn integers_read_as_core_reads_them() {
        let texts = [
            "0", "+0", "-0", "7", "+7", "-7", "42", "0042", "", "+", "-", "+-1", "-+1", "--1", "++1", " 1", "1 ", "1.0", "1e3",
            "4294967295", "4294967296", "-4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "18446744073709551615", "18446744073709551616", "١٢", "12a",
        ];
        for text in texts {
            assert_eq!(parse_u64(text), text.parse::<u64>().ok(), "u64 {text:?}");
            assert_eq!(parse_i64(text), text.parse::<i64>().ok(), "i64 {text:?}");
            assert_eq!(parse_u32(text), text.parse::<u32>().ok(), "u32 {text:?}");
        }
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(parse_json_number("1e999", false), None);
    }
}
