//! The donate link: the publisher's CTA URL with the reader's choice and
//! campaign attribution added to whatever query it already has.

use crate::limits::MAX_OTHER_AMOUNT;
use crate::model::FrequencyId;

/// Everything that goes into one donate link.
#[derive(Clone, Debug, PartialEq)]
pub struct DonateChoice<'a> {
    pub amount: f64,
    pub frequency: FrequencyId,
    pub currency: &'a str,
    /// The partner site's host: `utm_source`.
    pub partner_host: Option<&'a str>,
    /// The article `id`: `utm_campaign`.
    pub campaign: Option<&'a str>,
    /// The A/B variant's id: `utm_content`.
    pub variant: Option<&'a str>,
}

/// Why an "Other amount" entry is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    NotPositive,
    TooLarge,
}

/// Reads what a reader typed as an amount: digits with at most two decimals,
/// `.` or `,` as the decimal separator, spaces (and a leading currency
/// symbol) ignored. Accepts only amounts greater than 0.
pub fn parse_amount(input: &str) -> Result<f64, AmountError> {
    let cleaned: String = input
        .trim()
        .trim_start_matches(['$', '€', '£', '₽'])
        .trim_end_matches(['$', '€', '£', '₽'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(AmountError::Empty);
    }
    if cleaned.starts_with('-') {
        return Err(AmountError::NotPositive);
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits_only(whole) || !digits_only(fraction) || fraction.len() > 2 || whole.len() > 9 {
        return Err(AmountError::NotANumber);
    }
    // At most 9 + 2 digits: exact as integer cents, and cents / 100 is the
    // correctly rounded decimal (no float parser in the bundle).
    let cents = whole.bytes().chain(fraction.bytes().chain(*b"00").take(2)).fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let amount = cents as f64 / 100.0;
    if amount <= 0.0 {
        Err(AmountError::NotPositive)
    } else if amount > MAX_OTHER_AMOUNT {
        Err(AmountError::TooLarge)
    } else {
        Ok(amount)
    }
}

/// Percent-encodes a query component (RFC 3986 unreserved characters kept).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Appends `params` to `url`'s query, keeping any fragment at the end.
pub fn with_query(url: &str, params: &[(&str, &str)]) -> String {
    let (base, fragment) = match url.find('#') {
        Some(i) => url.split_at(i),
        None => (url, ""),
    };
    let mut out = String::with_capacity(url.len() + 128);
    out.push_str(base);
    let mut sep = if !base.contains('?') {
        '?'
    } else if base.ends_with('?') || base.ends_with('&') {
        '\0'
    } else {
        '&'
    };
    for (name, value) in params {
        if sep != '\0' {
            out.push(sep);
        }
        sep = '&';
        out.push_str(&encode_component(name));
        out.push('=');
        out.push_str(&encode_component(value));
    }
    out.push_str(fragment);
    out
}

/// The CTA URL with `amount`, `frequency`, `currency` and the UTM fields.
pub fn donate_href(cta_url: &str, choice: &DonateChoice<'_>) -> String {
    let amount = crate::format::plain(choice.amount);
    let mut params = vec![
        ("amount", amount.as_str()),
        ("frequency", choice.frequency.as_str()),
        ("currency", choice.currency),
    ];
    if let Some(host) = choice.partner_host.filter(|h| !h.is_empty()) {
        params.push(("utm_source", host));
    }
    params.push(("utm_medium", "article-embed"));
    if let Some(campaign) = choice.campaign.filter(|c| !c.is_empty()) {
        params.push(("utm_campaign", campaign));
    }
    if let Some(variant) = choice.variant.filter(|v| !v.is_empty()) {
        params.push(("utm_content", variant));
    }
    with_query(cta_url, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> DonateChoice<'static> {
        DonateChoice {
            amount: 10.0,
            frequency: FrequencyId::Monthly,
            currency: "USD",
            partner_host: Some("partner.example"),
            campaign: Some("four-officers-prosecuted"),
            variant: None,
        }
    }

    #[test]
    fn a_variant_travels_as_utm_content() {
        let c = DonateChoice { variant: Some("short"), ..choice() };
        assert!(donate_href("https://news.example/donate", &c).ends_with("&utm_campaign=four-officers-prosecuted&utm_content=short"));
    }

    #[test]
    fn link_table() {
        let tail = "amount=10&frequency=monthly&currency=USD&utm_source=partner.example&utm_medium=article-embed&utm_campaign=four-officers-prosecuted";
        let cases = [
            ("https://news.example/donate", format!("https://news.example/donate?{tail}")),
            ("https://news.example/donate?ref=x", format!("https://news.example/donate?ref=x&{tail}")),
            ("https://news.example/donate?", format!("https://news.example/donate?{tail}")),
            ("https://news.example/donate?a=1&", format!("https://news.example/donate?a=1&{tail}")),
            ("https://news.example/donate#form", format!("https://news.example/donate?{tail}#form")),
            ("https://news.example/d?x=1#f", format!("https://news.example/d?x=1&{tail}#f")),
        ];
        for (cta, expected) in cases {
            assert_eq!(donate_href(cta, &choice()), expected, "{cta}");
        }
    }

    #[test]
    fn values_are_percent_encoded() {
        let c = DonateChoice { campaign: Some("a b&c=d/é"), amount: 2.5, ..choice() };
        let href = donate_href("https://news.example/d", &c);
        assert!(href.contains("amount=2.5&"), "{href}");
        assert!(href.ends_with("utm_campaign=a%20b%26c%3Dd%2F%C3%A9"), "{href}");
    }

    #[test]
    fn other_amount_table() {
        let cases: &[(&str, Result<f64, AmountError>)] = &[
            ("7", Ok(7.0)),
            (" 12.5 ", Ok(12.5)),
            ("12,50", Ok(12.5)),
            ("$15", Ok(15.0)),
            ("200 ₽", Ok(200.0)),
            ("1 000", Ok(1000.0)),
            (".5", Ok(0.5)),
            ("", Err(AmountError::Empty)),
            ("   ", Err(AmountError::Empty)),
            ("0", Err(AmountError::NotPositive)),
            ("0.00", Err(AmountError::NotPositive)),
            ("-5", Err(AmountError::NotPositive)),
            ("abc", Err(AmountError::NotANumber)),
            ("5.999", Err(AmountError::NotANumber)),
            ("1e3", Err(AmountError::NotANumber)),
            ("NaN", Err(AmountError::NotANumber)),
            ("inf", Err(AmountError::NotANumber)),
            ("5.5.5", Err(AmountError::NotANumber)),
            (".", Err(AmountError::NotANumber)),
            ("2000000", Err(AmountError::TooLarge)),
            ("99999999999999999999", Err(AmountError::NotANumber)),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_amount(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn missing_host_and_campaign_are_left_out() {
        let c = DonateChoice { partner_host: None, campaign: None, ..choice() };
        assert_eq!(
            donate_href("https://news.example/d", &c),
            "https://news.example/d?amount=10&frequency=monthly&currency=USD&utm_medium=article-embed"
        );
    }
}
