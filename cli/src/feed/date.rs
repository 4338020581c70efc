//! RSS dates (RFC 2822, `Tue, 10 Jun 2003 04:00:00 GMT`) as RFC 3339, the
//! article format's dates. The offset is kept as written, so the calendar
//! date a reader sees is the publisher's.

use article_embed::time::{parse_rfc3339, Timestamp};

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// An RFC 2822 date-time as an RFC 3339 timestamp; `None` when it is not
/// one. Accepts what feeds write: the day name optional, seconds optional,
/// two-digit years (RFC 2822's obsolete form), `+0300` offsets, `GMT`/`UT`/
/// `Z` and the North American zone names; a missing zone is read as UTC.
pub fn rfc2822(raw: &str) -> Option<Timestamp> {
    let text = raw.trim();
    // The optional day name: "Tue," (or "Tue " in sloppy feeds).
    let text = match text.split_once(',') {
        Some((day, rest)) if day.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).trim_start_matches(','),
    };
    let mut words = text.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = month_number(words.next()?)?;
    let year = year(words.next()?)?;
    let (hour, minute, second) = clock(words.next()?)?;
    let offset = match words.next() {
        Some(zone) => offset(zone)?,
        None => "Z".to_owned(),
    };
    let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{offset}");
    parse_rfc3339(&text)
}

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let short = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == short).and_then(|i| u32::try_from(i + 1).ok())
}

fn year(word: &str) -> Option<u32> {
    if !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = word.parse().ok()?;
    match word.len() {
        2 if n < 50 => Some(2000 + n),
        2 => Some(1900 + n),
        3 => Some(1900 + n),
        4 => Some(n),
        _ => None,
    }
}

fn clock(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.split(':');
    let mut next = || -> Option<u32> {
        let part = parts.next()?;
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
    };
    let hour = next()?;
    let minute = next()?;
    let second = next().unwrap_or(0);
    Some((hour, minute, second))
}

/// `+0300` → `+03:00`; zone names → their offsets.
fn offset(zone: &str) -> Option<String> {
    let b = zone.as_bytes();
    if b.len() == 5 && (b[0] == b'+' || b[0] == b'-') && b[1..].iter().all(u8::is_ascii_digit) {
        return Some(format!("{}:{}", &zone[..3], &zone[3..]));
    }
    let hours = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => return Some("Z".to_owned()),
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    };
    Some(format!("-{:02}:00", -hours))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_become_rfc_3339_with_their_offset() {
        let cases = [
            ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
            ("Wed, 02 Oct 2002 13:00:00 +0300", "2002-10-02T13:00:00+03:00"),
            ("2 Oct 2002 08:00 EST", "2002-10-02T08:00:00-05:00"),
            ("Sat, 07 Sep 02 00:00:01 -0700", "2002-09-07T00:00:01-07:00"),
            ("Mon, 1 January 2024 10:30:00", "2024-01-01T10:30:00Z"),
            (" Fri,01 Mar 2024 09:00:00 PDT ", "2024-03-01T09:00:00-07:00"),
        ];
        for (raw, want) in cases {
            assert_eq!(rfc2822(raw).map(|t| t.raw), Some(want.to_owned()), "{raw}");
        }
    }

    #[test]
    fn what_is_not_a_date_is_none_and_never_panics() {
        for raw in ["", "yesterday", "Tue, 31 Feb 2024 10:00:00 GMT", "Tue, 10 Jun 2003 25:00:00 GMT", "10 Foo 2003 04:00 GMT",
            "10 Jun 2003 04:00 Mars", "10 Jun 20034 04:00 GMT", "é, 10 Jun 2003 04:00 GMT", "10 Ju", "2024-03-01T09:00:00Z"]
        {
            assert_eq!(rfc2822(raw), None, "{raw}");
        }
    }
}
