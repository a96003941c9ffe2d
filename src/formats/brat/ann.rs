//! The lines of a `.ann` file: `ID<TAB>BODY[<TAB>TEXT]`, and the offsets of
//! `T` lines, read strictly (a stray token, a reversed or empty fragment is an
//! error naming the line, never skipped).

use std::collections::HashMap;

use crate::store::abbreviate;

/// One annotation line, with its 1-based number in the file.
#[derive(Debug, Clone)]
pub(super) struct AnnLine<'a> {
    pub number: usize,
    pub id: &'a str,
    pub body: &'a str,
    /// The covered text of a `T` line, the note of a `#` line.
    pub text: Option<&'a str>,
    /// The line as written.
    pub raw: &'a str,
}

impl<'a> AnnLine<'a> {
    /// `T`, `E`, `R`, `A`, `M`, `N`, `#` or `*`.
    pub fn kind(&self) -> char {
        self.id.chars().next().unwrap_or(' ')
    }

    pub fn words(&self) -> Vec<&'a str> {
        self.body.split_whitespace().collect()
    }
}

/// The non-blank lines of a `.ann` file; ids must be unique and of a known kind.
pub(super) fn parse_lines(content: &str) -> Result<Vec<AnnLine<'_>>, (usize, String)> {
    let mut lines = Vec::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, raw) in content.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let number = i + 1;
        let mut fields = raw.splitn(3, '\t');
        let id = fields.next().unwrap_or_default().trim();
        let body = fields.next().unwrap_or_default().trim();
        let text = fields.next();
        let line = AnnLine { number, id, body, text, raw };
        if !matches!(line.kind(), 'T' | 'E' | 'R' | 'A' | 'M' | 'N' | '#' | '*') {
            return Err((number, format!("unknown annotation line {:?}", abbreviate(id))));
        }
        if body.is_empty() {
            return Err((number, format!("annotation {} has nothing after its id", abbreviate(id))));
        }
        if id != "*" {
            if let Some(first) = first_seen.insert(id, number) {
                return Err((number, format!("a second annotation with the id {id} (the first is on line {first})")));
            }
        }
        lines.push(line);
    }
    Ok(lines)
}

/// A `T` line's label and fragments, sorted, checked against the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TextBound {
    pub label: String,
    pub fragments: Vec<(usize, usize)>,
}

impl TextBound {
    pub fn start(&self) -> usize {
        self.fragments.first().map_or(0, |f| f.0)
    }

    pub fn end(&self) -> usize {
        self.fragments.last().map_or(0, |f| f.1)
    }

    /// One span: the fragments are separated only by line breaks (and the
    /// whitespace around them), as brat and Sorot cut a span crossing lines.
    pub fn is_contiguous(&self, chars: &[char]) -> bool {
        self.fragments.windows(2).all(|pair| {
            let gap = chars.get(pair[0].1..pair[1].0).unwrap_or_default();
            gap.is_empty() || (gap.iter().all(|c| c.is_whitespace()) && gap.iter().any(|c| matches!(c, '\r' | '\n')))
        })
    }
}

/// Reads `LABEL START END[;START END…]` and checks the claimed text.
pub(super) fn text_bound(line: &AnnLine, chars: &[char]) -> Result<TextBound, String> {
    let (label, offsets) = line.body.split_once(' ').ok_or("a T line needs `LABEL START END`")?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        fragments.push(fragment_of(fragment, chars.len())?);
    }
    fragments.sort_unstable();
    if let Some(pair) = fragments.windows(2).find(|pair| pair[1].0 < pair[0].1) {
        return Err(format!("fragments {}..{} and {}..{} overlap", pair[0].0, pair[0].1, pair[1].0, pair[1].1));
    }
    check_text(&fragments, line.text, chars)?;
    Ok(TextBound { label: label.to_owned(), fragments })
}

fn fragment_of(fragment: &str, len: usize) -> Result<(usize, usize), String> {
    let words: Vec<&str> = fragment.split_whitespace().collect();
    let numbers: Vec<Option<usize>> = words.iter().map(|w| w.parse().ok()).collect();
    let (start, end) = match numbers.as_slice() {
        [Some(start), Some(end)] => (*start, *end),
        _ => return Err(format!("bad offsets {:?}: expected `START END`", abbreviate(fragment))),
    };
    if start > end {
        return Err(format!("reversed span {start}..{end}: its end comes before its start"));
    }
    if start == end {
        return Err(format!("empty span {start}..{end}"));
    }
    if end > len {
        return Err(format!("span {start}..{end} lies outside the text ({len} code points)"));
    }
    Ok((start, end))
}

/// The text field must be what the offsets cover (fragments joined by a
/// space, as brat writes them): catches shifted offsets.
fn check_text(fragments: &[(usize, usize)], claimed: Option<&str>, chars: &[char]) -> Result<(), String> {
    let Some(claimed) = claimed else { return Ok(()) };
    let pieces: Vec<String> =
        fragments.iter().map(|&(s, e)| chars.get(s..e).unwrap_or_default().iter().collect()).collect();
    let actual = pieces.join(" ");
    if actual != claimed {
        return Err(format!("offsets cover {:?} but the line says {:?}", abbreviate(&actual), abbreviate(claimed)));
    }
    Ok(())
}

/// The id a role argument (`Arg1:T3`, `Speaker:T1`, `Say:T4`) or a bare
/// reference (`T3`) names.
pub(super) fn referenced_id(word: &str) -> &str {
    word.rsplit_once(':').map_or(word, |(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(body: &str, text: Option<&'static str>) -> AnnLine<'static> {
        let body: &'static str = Box::leak(body.to_owned().into_boxed_str());
        AnnLine { number: 1, id: "T1", body, text, raw: "" }
    }

    #[test]
    fn offsets_are_read_strictly() {
        let chars: Vec<char> = "“Ya 😀,” kata\r\nAna.".chars().collect();
        let bound = text_bound(&line("PERSON 14 17", Some("Ana")), &chars).unwrap();
        assert_eq!(bound.fragments, [(14, 17)]);
        let error = |body: &str| text_bound(&line(body, None), &chars).unwrap_err();
        assert!(error("PERSON 13 x y 17").contains("bad offsets"));
        assert!(error("PERSON 17 14").contains("reversed"));
        assert!(error("PERSON 3 3").contains("empty"));
        assert!(error("PERSON 0 99").contains("outside"));
        assert!(error("PERSON 0 5;3 7").contains("overlap"));
        assert!(text_bound(&line("PERSON 14 17", Some("Ane")), &chars).unwrap_err().contains("but the line says"));
    }

    #[test]
    fn fragments_around_a_line_break_are_one_span_but_a_word_gap_is_not() {
        let chars: Vec<char> = "“Ya 😀,\r\nkata” Ana pergi".chars().collect();
        let across = text_bound(&line("DIRECT_QUOTE 0 6;8 13", Some("“Ya 😀, kata”")), &chars).unwrap();
        assert!(across.is_contiguous(&chars));
        let gapped = text_bound(&line("PERSON 0 3;14 17", Some("“Ya Ana")), &chars).unwrap();
        assert!(!gapped.is_contiguous(&chars));
    }

    #[test]
    fn duplicate_ids_and_unknown_kinds_name_their_line() {
        let (line, message) = parse_lines("T1\tPERSON 0 1\tA\n\nT1\tLOC 2 3\tB\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("first is on line 1"), "{message}");
        assert_eq!(parse_lines("X1\tfoo\n").unwrap_err().0, 1);
    }
}
