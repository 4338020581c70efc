//! Dates without a date library: RFC 3339 parsing and civil-calendar arithmetic.
//!
//! The widget only needs to read timestamps from article JSON, show their
//! calendar date, and compute "N days from now" for snoozing, so a few pure
//! functions replace a dependency (and its bytes in the Wasm bundle).

/// Milliseconds in one day.
pub const DAY_MS: f64 = 86_400_000.0;

/// A point in time read from an RFC 3339 string.
#[derive(Clone, Debug, PartialEq)]
pub struct Timestamp {
    /// Milliseconds since the Unix epoch, UTC.
    pub unix_ms: i64,
    /// The calendar date as written (in the timestamp's own offset), which is
    /// what a dateline shows.
    pub date: CivilDate,
    /// The original string, for `<time datetime>`.
    pub raw: String,
}

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl CivilDate {
    /// ISO 8601 calendar date: `2012-01-11`.
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(11);
        // `{:04}`: the width counts a minus sign.
        if self.year < 0 {
            out.push('-');
            crate::text::push_padded(&mut out, u64::from(self.year.unsigned_abs()), 3);
        } else {
            crate::text::push_padded(&mut out, self.year as u64, 4);
        }
        out.push('-');
        crate::text::push_padded(&mut out, u64::from(self.month), 2);
        out.push('-');
        crate::text::push_padded(&mut out, u64::from(self.day), 2);
        out
    }

    /// The UTC date of a Unix time in milliseconds.
    pub fn from_unix_ms(ms: f64) -> CivilDate {
        let days = (ms / DAY_MS).floor() as i64;
        civil_from_days(days)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(date: CivilDate) -> i64 {
    let y = i64::from(date.year) - i64::from(date.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(date.month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    CivilDate { year, month, day }
}

/// Parses an RFC 3339 timestamp (`2012-01-11T09:00:00Z`,
/// `2012-01-11T09:00:00.5+03:00`). Returns `None` for anything else,
/// including impossible dates such as February 30th.
pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 40 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let sep = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let year = num(0..4)? as i32;
    let month = num(5..7)? as u8;
    let day = num(8..10)? as u8;
    let hour = num(11..13)?;
    let minute = num(14..16)?;
    let second = num(17..19)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // 60 allows a leap second, as RFC 3339 does.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0u32;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let frac = &b[start..i.min(start + 3)];
        millis = frac.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
        for _ in frac.len()..3 {
            millis *= 10;
        }
    }
    let offset_minutes: i64 = match b.get(i) {
        Some(b'Z' | b'z') if b.len() == i + 1 => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
            let oh = num(i + 1..i + 3)?;
            let om = num(i + 4..i + 6)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let total = i64::from(oh * 60 + om);
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let date = CivilDate { year, month, day };
    let local_secs = days_from_civil(date) * 86_400
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second);
    let unix_ms = (local_secs - offset_minutes * 60) * 1000 + i64::from(millis);
    Some(Timestamp { unix_ms, date, raw: s.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_timestamp_parses_to_unix_millis() {
        let t = parse_rfc3339("2012-01-11T09:00:00Z").unwrap();
        assert_eq!(t.unix_ms, 1_326_272_400_000);
        assert_eq!(t.date, CivilDate { year: 2012, month: 1, day: 11 });
    }

    #[test]
    fn offset_and_fraction_are_applied() {
        let t = parse_rfc3339("2012-01-11T12:00:00.250+03:00").unwrap();
        assert_eq!(t.unix_ms, 1_326_272_400_250);
        assert_eq!(t.date.day, 11);
    }

    #[test]
    fn impossible_or_malformed_dates_are_rejected() {
        for bad in [
            "2012-02-30T00:00:00Z",
            "2013-02-29T00:00:00Z",
            "2012-13-01T00:00:00Z",
            "2012-01-11",
            "2012-01-11T25:00:00Z",
            "2012-01-11T09:00:00",
            "2012-01-11T09:00:00+0300",
            "yesterday",
            "",
            "2012-01-11T09:00:00.Z",
            "٢٠١٢-01-11T09:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn leap_day_is_accepted() {
        assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn civil_round_trip_over_four_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
    }

    #[test]
    fn unix_ms_to_iso_date() {
        assert_eq!(CivilDate::from_unix_ms(1_326_272_400_000.0).iso(), "2012-01-11");
        assert_eq!(CivilDate::from_unix_ms(-1.0).iso(), "1969-12-31");
        for (year, month, day) in [(5, 1, 2), (12_345, 12, 31), (-1, 3, 4), (-12_345, 10, 10), (0, 1, 1)] {
            let d = CivilDate { year, month, day };
            assert_eq!(d.iso(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }
}
