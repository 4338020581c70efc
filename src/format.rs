//! Dates, numbers and money for the UI language.
//!
//! The same functions serve every render path (browser and server), so a
//! pre-rendered fallback and the live widget always print the same text.

use crate::i18n::{fill, Lang};
use crate::time::CivilDate;

/// Non-breaking space: keeps "200 ₽" and "10 000" on one line.
const NBSP: char = '\u{a0}';

/// A date in the language's long form: "January 11, 2012", "11 января
/// 2012 г.", "11. Januar 2012", "11 de enero de 2012", "2012\u{a0}ж. 11 қаңтар".
pub fn date(d: CivilDate, lang: Lang) -> String {
    let s = lang.strings();
    let month = s.months[usize::from(d.month.clamp(1, 12)) - 1];
    fill(s.date, &[("d", &crate::text::int(d.day)), ("month", month), ("y", &crate::text::int(d.year))])
}

/// A number with the language's grouping, and two decimals only when it has
/// cents: "10,000" / "10 000" / "10.000" / "2.50" / "2,50".
pub fn number(n: f64, lang: Lang) -> String {
    let s = lang.strings();
    let negative = n < 0.0;
    let cents_total = (n.abs() * 100.0).round();
    if !cents_total.is_finite() || cents_total > 1e17 {
        return String::from("—");
    }
    let cents_total = cents_total as u64;
    let whole = cents_total / 100;
    let cents = cents_total % 100;
    let digits = crate::text::int(whole);
    let mut out = String::with_capacity(digits.len() + 8);
    if negative && cents_total > 0 {
        out.push('-');
    }
    // Some languages leave four-digit numbers ungrouped ("1000 ₽").
    let grouped = digits.len() >= s.group_from_digits;
    for (i, ch) in digits.chars().enumerate() {
        let left = digits.len() - i;
        if i > 0 && left % 3 == 0 && grouped {
            out.push(s.group);
        }
        out.push(ch);
    }
    if cents > 0 {
        out.push(s.decimal);
        out.push(char::from(b'0' + (cents / 10) as u8));
        out.push(char::from(b'0' + (cents % 10) as u8));
    }
    out
}

/// A number as plain digits for attributes, URLs and storage: "10", "12.5",
/// "-3.25" (at most two decimals, no grouping, no exponent). Integer
/// arithmetic only, so no float-printing machinery reaches the bundle.
pub fn plain(n: f64) -> String {
    let cents = (n.abs() * 100.0).round();
    if !cents.is_finite() || cents > 1e17 {
        return String::from("0");
    }
    let cents = cents as u64;
    let mut out = String::with_capacity(24);
    if n < 0.0 && cents > 0 {
        out.push('-');
    }
    crate::text::push_u64(&mut out, cents / 100);
    let fraction = cents % 100;
    if fraction != 0 {
        out.push('.');
        out.push(char::from(b'0' + (fraction / 10) as u8));
        if fraction % 10 != 0 {
            out.push(char::from(b'0' + (fraction % 10) as u8));
        }
    }
    out
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "RUB" => "₽",
        _ => return None,
    })
}

/// An amount of money: "$2", "€2", "CHF 5" where the symbol leads (`en`);
/// "2 $", "200 ₽", "5 CHF" where it follows.
pub fn money(amount: f64, currency: &str, lang: Lang) -> String {
    let n = number(amount, lang);
    let sign = symbol(currency);
    let mut out = String::with_capacity(n.len() + 8);
    match (lang.strings().symbol_first, sign) {
        (true, Some(s)) => {
            out.push_str(s);
            out.push_str(&n);
        }
        (true, None) => {
            out.push_str(currency);
            out.push(NBSP);
            out.push_str(&n);
        }
        (false, s) => {
            out.push_str(&n);
            out.push(NBSP);
            out.push_str(s.unwrap_or(currency));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_table() {
        let nb = |s: &str| s.replace(' ', "\u{a0}");
        let cases: &[(f64, &str, Lang, &str)] = &[
            (2.0, "USD", Lang::En, "$2"),
            (2.0, "EUR", Lang::En, "€2"),
            (2.0, "GBP", Lang::En, "£2"),
            (200.0, "RUB", Lang::En, "₽200"),
            (2.5, "USD", Lang::En, "$2.50"),
            (10_000.0, "USD", Lang::En, "$10,000"),
            (5.0, "CHF", Lang::En, "CHF 5"),
            (2.0, "USD", Lang::Ru, "2 $"),
            (2.0, "EUR", Lang::Ru, "2 €"),
            (2.0, "GBP", Lang::Ru, "2 £"),
            (200.0, "RUB", Lang::Ru, "200 ₽"),
            (2.5, "RUB", Lang::Ru, "2,50 ₽"),
            (10_000.0, "RUB", Lang::Ru, "10 000 ₽"),
            (1_000.0, "RUB", Lang::Ru, "1000 ₽"),
            (1_234_567.0, "USD", Lang::En, "$1,234,567"),
        ];
        for (amount, cur, lang, expected) in cases {
            assert_eq!(money(*amount, cur, *lang), nb(expected), "{amount} {cur} {lang:?}");
        }
    }

    #[test]
    fn plain_numbers_for_attributes_and_urls() {
        for (n, expected) in [(10.0, "10"), (12.5, "12.5"), (12.05, "12.05"), (0.0, "0"), (-3.25, "-3.25"), (6400.0, "6400"), (1.239, "1.24"), (f64::NAN, "0")] {
            assert_eq!(plain(n), expected, "{n}");
        }
    }

    #[test]
    fn a_date_and_an_amount_in_every_language() {
        let nb = |s: &str| s.replace(' ', "\u{a0}").replace('_', "\u{202f}");
        let d = CivilDate { year: 2012, month: 1, day: 11 };
        let table: &[(Lang, &str, &str, &str)] = &[
            (Lang::En, "January 11, 2012", "$6,400", "$1,000.50"),
            (Lang::Ru, "11 января 2012\u{a0}г.", "6400 $", "1000,50 $"),
            (Lang::Uk, "11 січня 2012\u{a0}р.", "6 400 $", "1 000,50 $"),
            (Lang::Kk, "2012\u{a0}ж. 11 қаңтар", "6 400 $", "1 000,50 $"),
            (Lang::De, "11. Januar 2012", "6.400 $", "1.000,50 $"),
            (Lang::Fr, "11 janvier 2012", "6_400 $", "1_000,50 $"),
            (Lang::Es, "11 de enero de 2012", "6400 $", "1000,50 $"),
            (Lang::Ar, "11 يناير 2012", "6,400 $", "1,000.50 $"),
        ];
        assert_eq!(table.len(), Lang::ALL.len(), "a row per language");
        for (lang, day, amount, cents) in table {
            assert_eq!(date(d, *lang), *day, "{lang:?}");
            assert_eq!(money(6400.0, "USD", *lang), nb(amount), "{lang:?}");
            assert_eq!(money(1000.5, "USD", *lang), nb(cents), "{lang:?}");
        }
        assert_eq!(number(10_000.0, Lang::Es), "10.000", "Spanish groups from five digits");
    }

    #[test]
    fn absurd_numbers_do_not_panic() {
        assert_eq!(number(f64::INFINITY, Lang::En), "—");
        assert_eq!(number(1e300, Lang::Ru), "—");
        assert_eq!(number(-0.001, Lang::En), "0");
    }
}
