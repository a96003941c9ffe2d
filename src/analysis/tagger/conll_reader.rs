//! Reads token-per-line corpora (`token [POS] TAG`, blank line between sentences,
//! IOB/BIO/BILOU tags) and rebuilds natural text from them the way the evaluation's
//! `build.py` does: sentences joined with natural spacing, two to a paragraph, twelve
//! to an article. Training on such text means the tagger sees the same tokenization,
//! sentence breaks and document-level context as it will on real articles.

use super::super::Label;
use std::fmt;

/// A rebuilt article with its gold entities in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub text: String,
    pub entities: Vec<(usize, usize, Label)>,
    /// Which corpus (annotation convention) it comes from, see [`super::domain`]:
    /// 0 as read; the trainer numbers its corpus files.
    pub domain: usize,
}

/// A line of a corpus that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ConllError {
    pub line: usize,
    pub content: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: expected `token ... TAG`, found {:?}", self.line, self.content)
    }
}

impl std::error::Error for ConllError {}

const SENTENCES_PER_ARTICLE: usize = 12;
const SENTENCES_PER_PARAGRAPH: usize = 2;

/// Sentences of (token, tag); the tag is the last column (tab- or space-separated).
pub fn read_sentences(text: &str) -> Result<Vec<Vec<(String, String)>>, ConllError> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let parts: Vec<&str> = if line.contains('\t') { line.split('\t').collect() } else { line.split(' ').collect() };
        match (parts.first(), parts.last()) {
            (Some(tok), Some(tag)) if parts.len() >= 2 && !tok.is_empty() => {
                cur.push((tok.to_string(), tag.to_string()));
            }
            _ => return Err(ConllError { line: n + 1, content: line.to_string() }),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Maps corpus label names to ours (`PERSON`, `ORGANISATION`, `PLACE`, …).
pub fn label_of(name: &str) -> Option<Label> {
    match name {
        "PER" | "PERSON" => Some(Label::Person),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(Label::Org),
        "LOC" | "LOCATION" | "PLACE" | "GPE" => Some(Label::Loc),
        _ => None,
    }
}

/// Rebuilds articles from a corpus file's text.
pub fn read_articles(text: &str) -> Result<Vec<Article>, ConllError> {
    let sentences = read_sentences(text)?;
    Ok(sentences.chunks(SENTENCES_PER_ARTICLE).map(article).collect())
}

fn article(sentences: &[Vec<(String, String)>]) -> Article {
    let mut w = Writer::default();
    let mut tagged = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        if i % SENTENCES_PER_PARAGRAPH == 0 {
            w.paragraph();
        }
        w.dq_open = false;
        for (tok, tag) in sentence {
            let (s, e) = w.token(tok);
            tagged.push((s, e, tag.as_str()));
        }
    }
    Article { text: w.out, entities: spans_from_tags(&tagged), domain: 0 }
}

/// `build.py`'s `spans_from_tags`: IOB, BIO and BILOU tags to labelled char spans.
fn spans_from_tags(tagged: &[(usize, usize, &str)]) -> Vec<(usize, usize, Label)> {
    let mut spans = Vec::new();
    let mut cur: Option<(usize, usize, &str)> = None;
    for &(start, end, tag) in tagged {
        let Some((prefix, label)) = tag.split_once('-') else {
            spans.extend(cur.take());
            continue;
        };
        match cur.as_mut() {
            Some(c) if !matches!(prefix, "B" | "U") && c.2 == label => c.1 = end,
            _ => {
                spans.extend(cur.take());
                cur = Some((start, end, label));
            }
        }
        if matches!(prefix, "L" | "U" | "E" | "S") {
            spans.extend(cur.take());
        }
    }
    spans.extend(cur);
    spans.into_iter().filter_map(|(s, e, l)| Some((s, e, label_of(l)?))).collect()
}

/// Appends tokens with natural spacing (a port of `build.py`'s `Writer`); offsets in
/// code points.
#[derive(Default)]
struct Writer {
    out: String,
    len: usize,
    prev: Option<String>,
    dq_open: bool,
    joining: bool,
}

fn no_space_before(tok: &str) -> bool {
    let mut chars = tok.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if ",.;:!?)]}%”’…".contains(c));
    single || tok == "'s" || tok == "n't"
}

fn no_space_after(tok: &str) -> bool {
    matches!(tok, "(" | "[" | "{" | "“" | "‘")
}

impl Writer {
    fn paragraph(&mut self) {
        if self.prev.as_deref().is_some_and(|p| p != "\n") {
            self.out.push_str("\n\n");
            self.len += 2;
            self.prev = Some("\n".to_string());
        }
    }

    fn token(&mut self, tok: &str) -> (usize, usize) {
        let prev = self.prev.as_deref();
        let prev_last = prev.and_then(|p| p.chars().last());
        let mut space = prev.is_some_and(|p| p != "\n");
        if tok == "\"" {
            if self.dq_open {
                space = false;
            }
            self.dq_open = !self.dq_open;
        }
        if no_space_before(tok) || (tok == "/" && prev_last.is_some_and(|c| c.is_ascii_digit())) {
            space = false;
        }
        if prev.is_some_and(|p| no_space_after(p) || (p == "\"" && self.dq_open)) {
            space = false;
        }
        if prev == Some("/") && tok.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            space = false;
        }
        if tok == "-" && prev_last.is_some_and(char::is_alphanumeric) {
            (space, self.joining) = (false, true);
        } else if self.joining {
            (space, self.joining) = (false, false);
        }
        if space {
            self.out.push(' ');
            self.len += 1;
        }
        let start = self.len;
        self.out.push_str(tok);
        self.len += tok.chars().count();
        self.prev = Some(tok.to_string());
        (start, self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_spans_like_the_evaluation() {
        let corpus = "Presiden B-PER\nJoko I-PER\n( O\nJokowi B-PER\n) O\nke O\nCovid B-ORG\n- I-ORG\n19 I-ORG\n. O\n\nIa\tO\ndatang\tO\n.\tO\n";
        let articles = read_articles(corpus).expect("reads");
        let a = &articles[0];
        assert_eq!(a.text, "Presiden Joko (Jokowi) ke Covid-19. Ia datang.");
        let texts: Vec<String> =
            a.entities.iter().map(|&(s, e, _)| a.text.chars().skip(s).take(e - s).collect()).collect();
        assert_eq!(texts, ["Presiden Joko", "Jokowi", "Covid-19"]);
    }

    #[test]
    fn nergrit_labels_and_missing_tags() {
        assert_eq!(label_of("PLACE"), Some(Label::Loc));
        assert_eq!(label_of("ORGANISATION"), Some(Label::Org));
        let err = read_sentences("ok O\nlonely\n").err();
        assert_eq!(err.map(|e| e.line), Some(2));
    }
}
