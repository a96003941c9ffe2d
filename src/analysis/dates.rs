//! Date rules: `Kamis (25/4/2019)`, `25 April 2019`, `Selasa (12/3/2024)`,
//! `March 2025`, `12 March 2024`, `March 12, 2024`, `Tuesday`.

use super::doc::Doc;
use super::tokenizer::TokenKind;
use super::{Label, Span};

/// Weekday names, Indonesian and English.
pub(crate) const WEEKDAYS: &[&str] = &[
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum’at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names in full, Indonesian and English.
pub(crate) const MONTH_NAMES: &[&str] = &[
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
];

/// Abbreviated months (`25 Agu 2020`): dates, but too short to list as calendar words.
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "aug", "sep", "sept", "okt", "oct", "nov", "des", "dec"];

fn is_weekday(doc: &Doc, i: usize) -> bool {
    doc.is_capitalised(i) && WEEKDAYS.contains(&doc.low(i))
}

fn is_month(doc: &Doc, i: usize) -> bool {
    doc.is_capitalised(i) && (MONTH_NAMES.contains(&doc.low(i)) || MONTH_ABBREVIATIONS.contains(&doc.low(i)))
}

/// A number that can be a day of the month.
fn is_day(doc: &Doc, i: usize) -> bool {
    doc.kind(i) == Some(TokenKind::Number) && doc.word(i).parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(doc: &Doc, i: usize) -> bool {
    doc.kind(i) == Some(TokenKind::Number) && doc.word(i).parse::<u32>().is_ok_and(|y| (1000..=2200).contains(&y))
}

/// `25/4/2019`, `13/04/2020`, `2019-04-25`: a number with three parts.
fn is_numeric_date(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    doc.kind(i) == Some(TokenKind::Number)
        && ['/', '-'].iter().any(|&sep| {
            let parts: Vec<&str> = w.split(sep).collect();
            parts.len() == 3
                && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        })
}

/// The end (exclusive) of a calendar date starting at token `i`, if one does.
fn date_end(doc: &Doc, i: usize) -> Option<usize> {
    if is_numeric_date(doc, i) {
        return Some(i + 1);
    }
    if is_day(doc, i) && is_month(doc, i + 1) {
        return Some(if is_year(doc, i + 2) { i + 3 } else { i + 2 });
    }
    if is_month(doc, i) {
        if is_day(doc, i + 1) && doc.is_punct(i + 2, ',') && is_year(doc, i + 3) {
            return Some(i + 4);
        }
        if is_year(doc, i + 1) || is_day(doc, i + 1) {
            return Some(i + 2);
        }
    }
    None
}

/// All date spans, in token order, not overlapping.
pub fn find(doc: &Doc) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if let Some(end) = weekday_date(doc, i).or_else(|| date_end(doc, i)) {
            out.push(Span::new(i, end, Label::Date, "rules:date", 0.9));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// `Kamis (25/4/2019)`, `Selasa, 12 Maret 2024`, or a lone weekday (`Tuesday`).
/// `Minggu` also means "week", so alone it needs a following date.
fn weekday_date(doc: &Doc, i: usize) -> Option<usize> {
    if !is_weekday(doc, i) {
        return None;
    }
    if doc.is_punct(i + 1, '(') {
        if let Some(e) = date_end(doc, i + 2) {
            return Some(if doc.is_punct(e, ')') { e + 1 } else { e });
        }
    }
    let next = if doc.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
    if let Some(e) = date_end(doc, next) {
        return Some(e);
    }
    (doc.low(i) != "minggu").then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        find(&doc)
            .iter()
            .filter_map(|s| {
                let (a, b) = doc.char_span(s.start, s.end)?;
                Some(text.chars().skip(a).take(b - a).collect())
            })
            .collect()
    }

    #[test]
    fn indonesian_weekday_with_numeric_date() {
        assert_eq!(dates("pada Kamis (25/4/2019) pagi."), ["Kamis (25/4/2019)"]);
    }

    #[test]
    fn written_dates_in_both_languages() {
        assert_eq!(dates("Pada 25 April 2019 dan March 2025."), ["25 April 2019", "March 2025"]);
        assert_eq!(
            dates("On 12 March 2024 and March 12, 2024, Tuesday"),
            ["12 March 2024", "March 12, 2024", "Tuesday"]
        );
    }

    #[test]
    fn minggu_alone_is_a_week_not_a_date() {
        assert!(dates("Minggu ini semua pekerjaan harus selesai.").is_empty());
    }

    #[test]
    fn offsets_are_code_points_with_emoji_crlf_and_curly_quotes() {
        let text = "😀🇷🇺 “Halo”\r\nSelasa (12/3/2024) ok";
        let doc = Doc::new(text);
        let spans = find(&doc);
        let (a, b) = spans.first().and_then(|s| doc.char_span(s.start, s.end)).unwrap_or((0, 0));
        assert_eq!(text.chars().skip(a).take(b - a).collect::<String>(), "Selasa (12/3/2024)");
        assert_eq!(a, 12);
    }
}
