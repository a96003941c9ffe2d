//! Feature extraction: for each token, the hashed buckets of its features.
//!
//! Templates: the word, its lower case, shape, prefixes and suffixes; the lower case
//! and shape of the neighbours ±2 and word pairs; word-list flags (given names, titles,
//! organisation and place words, common words, speech verbs) of the token and its
//! neighbours; sentence position and headline lines; name-list hits from
//! [`super::names`] and the kinds of listed names a capitalised word stands in; and
//! two document-level facts: whether the word also appears in lower case in the
//! article (then it is probably a plain word) and whether it appears capitalised
//! mid-sentence elsewhere (then it is probably a name).

use super::super::doc::Doc;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::hashing::{bucket, hash_more, hash_str, mix};
use super::names::{without_list, Hit, Hits, CAPITALISED};
use super::tags::Tag;
use rustc_hash::{FxHashMap, FxHashSet};

/// Words before a place name.
const PLACE_PREPOSITIONS: &[&str] = &["di", "ke", "dari", "menuju", "in", "at", "near", "from", "into", "asal"];

/// Token flags, one bit each.
mod flag {
    pub const CAP: u32 = 1;
    pub const ALL_CAPS: u32 = 1 << 1;
    pub const NUMBER: u32 = 1 << 2;
    pub const PUNCT: u32 = 1 << 3;
    pub const FIRST_NAME: u32 = 1 << 4;
    pub const TITLE: u32 = 1 << 5;
    pub const ORG_WORD: u32 = 1 << 6;
    pub const LOC_WORD: u32 = 1 << 7;
    pub const COMMON: u32 = 1 << 8;
    pub const STOP: u32 = 1 << 9;
    pub const CALENDAR: u32 = 1 << 10;
    pub const CUE_AFTER: u32 = 1 << 11;
    pub const CUE_BEFORE: u32 = 1 << 12;
    pub const SENTENCE_START: u32 = 1 << 13;
    pub const HEADLINE: u32 = 1 << 14;
    pub const LOWER_ELSEWHERE: u32 = 1 << 15;
    pub const CAP_MID_ELSEWHERE: u32 = 1 << 16;
    pub const LINE_START: u32 = 1 << 17;
    pub const PREPOSITION: u32 = 1 << 18;
    pub const DOMAIN: u32 = 1 << 19;
    pub const BITS: u32 = 20;
    /// Flags worth seeing on a neighbour.
    pub const CONTEXT: u32 = CAP
        | ALL_CAPS
        | NUMBER
        | PUNCT
        | FIRST_NAME
        | TITLE
        | ORG_WORD
        | LOC_WORD
        | CUE_AFTER
        | CUE_BEFORE
        | PREPOSITION
        | CALENDAR;
}

/// Per-token hashes and flags, computed once per document.
struct TokenInfo {
    word: u64,
    lower: u64,
    shape: u64,
    affixes: [u64; 7],
    flags: u32,
    run: Option<Run>,
}

/// The run of capitalised words a token belongs to (`Kejaksaan Tinggi Sulawesi
/// Selatan`): its first and last words and the words around it say what the whole
/// name is, however long it is.
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

/// Hashed feature buckets of a run of tokens (a whole document, or one block of it).
pub struct FeatureMatrix {
    ids: Vec<u32>,
    offsets: Vec<usize>,
}

impl FeatureMatrix {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The feature buckets of token `i` of the run (counted from its first token).
    pub fn token(&self, i: usize) -> &[u32] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.ids.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Everything the features read, for one document.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub doc: &'a Doc,
    pub lex: &'a Lexicon,
    /// Name-list hits per token.
    pub hits: &'a Hits,
    /// Per token, the labels of the listed names it is a word of
    /// ([`super::names::NameIndex::word_labels`]).
    pub name_words: &'a [u8],
    /// The name rules' tag of each token.
    pub rule_tags: &'a [Tag],
    /// Table size: `2^bits` rows.
    pub bits: u32,
    /// The article's annotation convention ([`super::domain`]), if the model has them.
    pub domain: Option<usize>,
}

/// Extracts the features of every token of the document at once (training and
/// learning keep them across epochs).
pub fn extract(input: &Input) -> FeatureMatrix {
    Extractor::new(*input).extract(0..input.doc.tokens.len())
}

/// Extracts features a block of tokens at a time, in document order: the per-token
/// facts the templates read are computed for the block and the two tokens either
/// side of it, so memory follows the block, not the document (text dense with names
/// has some 100 bytes of features per byte of text). A token's features do not
/// depend on how the document is cut into blocks.
pub struct Extractor<'a> {
    input: Input<'a>,
    stats: DocStats<'a>,
    runs: RunFinder,
}

impl<'a> Extractor<'a> {
    pub fn new(input: Input<'a>) -> Extractor<'a> {
        Extractor { input, stats: DocStats::new(input.doc), runs: RunFinder::default() }
    }

    /// The features of tokens `tokens` (their row `k` is token `tokens.start + k`).
    /// Cheapest when blocks are asked for in document order.
    pub fn extract(&mut self, tokens: std::ops::Range<usize>) -> FeatureMatrix {
        let input = self.input;
        let n = input.doc.tokens.len();
        let (start, end) = (tokens.start.min(n), tokens.end.min(n));
        let window = self.window(start.saturating_sub(NEIGHBOURS)..end.saturating_add(NEIGHBOURS).min(n));
        let mut ids = Vec::with_capacity(end.saturating_sub(start) * 96);
        let mut offsets = Vec::with_capacity(end.saturating_sub(start) + 1);
        offsets.push(0);
        for i in start..end {
            let mut sink =
                Sink { ids: &mut ids, bits: input.bits, domain: input.domain.map(|d| DOMAIN_SALT + d as u64) };
            token_features(&window, i, &mut sink);
            rule_features(input.rule_tags, &window, i, &mut sink);
            if let Some(&mark) = input.name_words.get(i).filter(|&&m| m & !CAPITALISED != 0) {
                // The kinds of listed names the word stands in.
                sink.add(35, u64::from(mark));
            }
            offsets.push(ids.len());
        }
        FeatureMatrix { ids, offsets }
    }

    /// The per-token facts of tokens `range`.
    fn window(&mut self, range: std::ops::Range<usize>) -> Window<'a> {
        let Input { doc, lex, .. } = self.input;
        let infos = range
            .clone()
            .map(|i| TokenInfo { run: self.runs.run_of(doc, i), ..token_info(doc, lex, &self.stats, i) })
            .collect();
        Window { doc, first: range.start, hits: self.input.hits.of_each(range), infos }
    }
}

/// How far the templates look at neighbouring tokens.
const NEIGHBOURS: usize = 2;

/// The per-token facts of a stretch of the document's tokens, indexed by the
/// token's place in the document.
struct Window<'d> {
    doc: &'d Doc,
    first: usize,
    infos: Vec<TokenInfo>,
    /// The name-list hits of each token.
    hits: Vec<&'d [Hit]>,
}

impl Window<'_> {
    fn get(&self, i: usize) -> Option<&TokenInfo> {
        self.infos.get(i.checked_sub(self.first)?)
    }

    /// The name-list hits of token `i` (none outside the window).
    fn hits(&self, i: usize) -> &[Hit] {
        i.checked_sub(self.first).and_then(|k| self.hits.get(k)).copied().unwrap_or(&[])
    }

    /// The lower-case hash of any token of the document (a capitalised run's ends
    /// may lie outside the window); [`NO_WORD`] past its ends.
    fn lower(&self, i: Option<usize>) -> u64 {
        let Some(i) = i.filter(|&i| i < self.doc.tokens.len()) else { return NO_WORD };
        self.get(i).map_or_else(|| hash_str(self.doc.low(i)), |t| t.lower)
    }
}

struct Sink<'a> {
    ids: &'a mut Vec<u32>,
    bits: u32,
    /// Salt of the convention's own copy of the copied features, if any.
    domain: Option<u64>,
}

/// Salts the per-convention copies of the features apart from the shared ones.
const DOMAIN_SALT: u64 = 0xC0_4E47;

impl Sink<'_> {
    /// Adds a feature, and with conventions and a template of [`CONVENTION_TEMPLATES`]
    /// a second copy of it, the article's own convention's, which learns where that
    /// corpus annotates differently.
    fn add(&mut self, template: u64, value: u64) {
        let h = mix(template, value);
        self.ids.push(bucket(h, self.bits));
        if let Some(salt) = self.domain.filter(|_| CONVENTION_TEMPLATES.contains(&template)) {
            self.ids.push(bucket(mix(h, salt), self.bits));
        }
    }
}

/// Templates that get a per-convention copy: the token's name-list hits, the kinds of
/// listed names it stands in, and the word after it. The corpora differ most on
/// listed names (idner-news-2k leaves a country untagged as an actor or modifier —
/// `Indonesia tak punya …` — NERGrit tags it; they bound organisations differently),
/// while on the other features they agree and copies of those only halve the data
/// behind each. Chosen by 3-fold cross-validation and the seed articles among
/// copies of every feature, of none and of subsets of these.
const CONVENTION_TEMPLATES: &[u64] = &[13, 30, 31, 35];

const NO_WORD: u64 = 0x5151;

fn token_features(infos: &Window, i: usize, sink: &mut Sink) {
    let at = |d: isize| i.checked_add_signed(d).and_then(|j| infos.get(j));
    let lower = |d| at(d).map_or(NO_WORD, |t: &TokenInfo| t.lower);
    let shape = |d| at(d).map_or(NO_WORD, |t: &TokenInfo| t.shape);
    let flags = |d| at(d).map_or(0, |t: &TokenInfo| t.flags);
    let Some(me) = infos.get(i) else {
        return;
    };
    sink.add(0, 0);
    sink.add(1, me.word);
    sink.add(2, me.lower);
    sink.add(3, me.shape);
    for (k, &a) in me.affixes.iter().enumerate() {
        sink.add(4 + k as u64, a);
    }
    sink.add(11, lower(-1));
    sink.add(12, lower(-2));
    sink.add(13, lower(1));
    sink.add(14, lower(2));
    sink.add(15, shape(-1));
    sink.add(16, shape(1));
    sink.add(17, mix(lower(-1), me.lower));
    sink.add(18, mix(me.lower, lower(1)));
    sink.add(19, mix(mix(shape(-1), me.shape), shape(1)));
    sink.add(20, mix(lower(-1), me.shape));
    sink.add(21, mix(me.shape, lower(1)));
    for bit in 0..flag::BITS {
        let b = 1 << bit;
        if me.flags & b != 0 {
            sink.add(22, u64::from(bit));
        }
        if flags(-1) & b & flag::CONTEXT != 0 {
            sink.add(23, u64::from(bit));
        }
        if flags(1) & b & flag::CONTEXT != 0 {
            sink.add(24, u64::from(bit));
        }
    }
    run_features(infos, i, sink);
    let position = flag::CAP | flag::SENTENCE_START | flag::COMMON | flag::HEADLINE | flag::LOWER_ELSEWHERE;
    sink.add(25, u64::from(me.flags & position));
    sink.add(26, u64::from(flags(-2) & flag::TITLE));
    sink.add(27, u64::from(me.flags & (flag::CAP | flag::CAP_MID_ELSEWHERE | flag::LOWER_ELSEWHERE)));
    name_features(infos, i, sink);
}

fn rule_features(tags: &[Tag], infos: &Window, i: usize, sink: &mut Sink) {
    let at = |j: Option<usize>| j.and_then(|j| tags.get(j)).map_or(99, |t| t.index() as u64);
    let me = at(Some(i));
    sink.add(50, me);
    sink.add(51, mix(at(i.checked_sub(1)), me));
    sink.add(52, mix(me, at(Some(i + 1))));
    sink.add(53, mix(me, infos.get(i).map_or(NO_WORD, |t| t.shape)));
}

fn run_features(infos: &Window, i: usize, sink: &mut Sink) {
    let Some(run) = infos.get(i).and_then(|t| t.run) else {
        sink.add(40, 0);
        return;
    };
    let lower = |j: Option<usize>| infos.lower(j);
    let len = (run.end - run.start).min(4) as u64;
    let position = match (i == run.start, i + 1 == run.end) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 3,
        (false, false) => 2,
    };
    sink.add(41, len * 4 + position);
    sink.add(42, mix(lower(Some(run.start)), position));
    sink.add(43, mix(lower(Some(run.end - 1)), position));
    sink.add(44, mix(lower(run.start.checked_sub(1)), position));
    sink.add(45, mix(lower(Some(run.end)), position));
    sink.add(46, mix(lower(run.start.checked_sub(1)), lower(Some(run.start))));
}

fn name_features(window: &Window, i: usize, sink: &mut Sink) {
    let me = window.hits(i);
    for &h in me {
        sink.add(30, u64::from(h));
        sink.add(31, u64::from(without_list(h)));
    }
    if me.is_empty() {
        sink.add(32, 0);
    }
    let first = |j: Option<usize>| j.and_then(|j| window.hits(j).first()).map_or(0xFFFF, |&h| without_list(h));
    sink.add(33, u64::from(first(i.checked_sub(1))));
    sink.add(34, u64::from(first(Some(i + 1))));
}

/// Finds the run of capitalised words (not across line breaks) a token belongs to.
/// Asked token by token in document order it scans each run once, however long,
/// by remembering the last run found.
#[derive(Default)]
struct RunFinder {
    last: Option<Run>,
}

impl RunFinder {
    fn run_of(&mut self, doc: &Doc, i: usize) -> Option<Run> {
        if let Some(run) = self.last.filter(|r| (r.start..r.end).contains(&i)) {
            return Some(run);
        }
        if !doc.is_capitalised(i) {
            return None;
        }
        let mut start = i;
        while start > 0 && doc.is_capitalised(start - 1) && !doc.newline_after(start - 1) {
            start -= 1;
        }
        let mut end = i + 1;
        while doc.is_capitalised(end) && !doc.newline_after(end - 1) {
            end += 1;
        }
        self.last = Some(Run { start, end });
        self.last
    }
}

fn token_info(doc: &Doc, lex: &Lexicon, stats: &DocStats, i: usize) -> TokenInfo {
    let (word, low) = (doc.word(i), doc.low(i));
    let n = low.chars().count();
    // Affixes hashed straight from slices of the word: no string per affix.
    let piece = |a: usize, b: usize| {
        let (from, to) = (char_to_byte(low, a), char_to_byte(low, b));
        low.get(from..to).map_or(NO_WORD, hash_str)
    };
    let affixes = [
        piece(0, 1.min(n)),
        piece(0, 2.min(n)),
        piece(0, 3.min(n)),
        piece(n.saturating_sub(1), n),
        piece(n.saturating_sub(2), n),
        piece(n.saturating_sub(3), n),
        piece(n.saturating_sub(4), n),
    ];
    TokenInfo {
        word: hash_str(word),
        lower: hash_str(low),
        shape: shape_hash(word),
        affixes,
        flags: flags(doc, lex, stats, i),
        run: None,
    }
}

/// The byte offset of code point `k` of `s` (its length past the end).
fn char_to_byte(s: &str, k: usize) -> usize {
    s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
}

fn flags(doc: &Doc, lex: &Lexicon, stats: &DocStats, i: usize) -> u32 {
    let low = doc.low(i);
    let cap = doc.is_capitalised(i);
    let checks = [
        (cap, flag::CAP),
        (doc.is_all_caps(i), flag::ALL_CAPS),
        (doc.kind(i) == Some(TokenKind::Number), flag::NUMBER),
        (doc.kind(i) == Some(TokenKind::Punct), flag::PUNCT),
        (lex.first_names.contains(low), flag::FIRST_NAME),
        (lex.titles.contains(low), flag::TITLE),
        (lex.org_words.contains(low), flag::ORG_WORD),
        (lex.loc_words.contains(low), flag::LOC_WORD),
        (lex.common.contains(low), flag::COMMON),
        (lex.stop.contains(low), flag::STOP),
        (lex.calendar.contains(low), flag::CALENDAR),
        (lex.is_cue_after(low), flag::CUE_AFTER),
        (lex.cues_before.contains(low), flag::CUE_BEFORE),
        (doc.is_sentence_initial(i), flag::SENTENCE_START),
        (doc.is_title_case_sentence(i), flag::HEADLINE),
        (cap && stats.lower.contains(low), flag::LOWER_ELSEWHERE),
        (
            cap && stats.cap_mid.get(doc.word(i)).is_some_and(|&c| c > u32::from(!doc.is_sentence_initial(i))),
            flag::CAP_MID_ELSEWHERE,
        ),
        (i == 0 || i.checked_sub(1).is_some_and(|p| doc.newline_after(p)), flag::LINE_START),
        (PLACE_PREPOSITIONS.contains(&low), flag::PREPOSITION),
        (is_domain(low), flag::DOMAIN),
    ];
    checks.iter().filter(|(on, _)| *on).fold(0, |acc, (_, b)| acc | b)
}

/// Document-level counts: lower-case word forms, and capitalised words seen
/// mid-sentence. Borrowed from the document and hashed with a fast hasher: every
/// capitalised token asks.
struct DocStats<'d> {
    lower: FxHashSet<&'d str>,
    cap_mid: FxHashMap<&'d str, u32>,
}

impl<'d> DocStats<'d> {
    fn new(doc: &'d Doc) -> DocStats<'d> {
        let mut lower = FxHashSet::default();
        let mut cap_mid: FxHashMap<&str, u32> = FxHashMap::default();
        for i in 0..doc.tokens.len() {
            if doc.kind(i) != Some(TokenKind::Word) {
                continue;
            }
            if !doc.is_capitalised(i) {
                lower.insert(doc.low(i));
            } else if !doc.is_sentence_initial(i) && !doc.is_title_case_sentence(i) {
                *cap_mid.entry(doc.word(i)).or_insert(0) += 1;
            }
        }
        DocStats { lower, cap_mid }
    }
}

/// Word shape with runs collapsed: `Putin` → `Xx`, `KPK` → `X`, `25/4/2019` → `d/d/d`.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    shape_chars(word, |c| out.push(c));
    out
}

/// The [`hash_str`] of [`shape`]`(word)`, without building the string.
fn shape_hash(word: &str) -> u64 {
    let mut hash = hash_str("");
    shape_chars(word, |c| hash = hash_more(hash, c.encode_utf8(&mut [0; 4]).as_bytes()));
    hash
}

/// Hands the characters of `word`'s shape to `push`, in order.
fn shape_chars(word: &str, mut push: impl FnMut(char)) {
    let mut last = None;
    let mut first = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(s) {
            push(s);
            last = Some(s);
            first = first.or(Some(s));
        }
    }
    if first == Some('X') && word.chars().nth(3).is_none() {
        push('.'); // short acronyms and short names look different from long ones
    }
}

/// `teritorial.com`, `kompas.id`: a word with a dot before a web suffix.
fn is_domain(lower: &str) -> bool {
    [".com", ".id", ".net", ".org", ".co", ".tv", ".news"]
        .iter()
        .any(|suffix| lower.ends_with(suffix) && lower.len() > suffix.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("KPK"), "X.");
        assert_eq!(shape("25/4/2019"), "d/d/d");
        assert_eq!(shape("Teritorial.Com"), "Xx.Xx");
    }

    #[test]
    fn shape_hash_is_the_hash_of_the_shape() {
        for word in ["Putin", "KPK", "25/4/2019", "Rp", "😀", "Émile", "x", "", "ÀB"] {
            assert_eq!(shape_hash(word), hash_str(&shape(word)), "{word}");
        }
    }

    #[test]
    fn affixes_are_hashed_by_code_point_with_emoji_and_accents() {
        let lex = Lexicon::new();
        let doc = Doc::new("Pérez 😀ab Ān");
        let stats = DocStats::new(&doc);
        for i in 0..doc.tokens.len() {
            let chars: Vec<char> = doc.low(i).chars().collect();
            let n = chars.len();
            let piece = |a: usize, b: usize| hash_str(&chars[a..b].iter().collect::<String>());
            let info = token_info(&doc, &lex, &stats, i);
            let expected = [
                piece(0, 1.min(n)),
                piece(0, 2.min(n)),
                piece(0, 3.min(n)),
                piece(n.saturating_sub(1), n),
                piece(n.saturating_sub(2), n),
                piece(n.saturating_sub(3), n),
                piece(n.saturating_sub(4), n),
            ];
            assert_eq!(info.affixes, expected, "{}", doc.word(i));
        }
    }

    #[test]
    fn same_word_same_features_and_context_changes_them() {
        let lex = Lexicon::new();
        let doc = Doc::new("Presiden Joko datang. Joko pergi ke Bandung.");
        let hits = Hits::default();
        let rule_tags = vec![Tag::O; doc.tokens.len()];
        let m = extract(&Input {
            doc: &doc,
            lex: &lex,
            hits: &hits,
            name_words: &[],
            rule_tags: &rule_tags,
            bits: 18,
            domain: None,
        });
        assert_eq!(m.len(), doc.tokens.len());
        let (a, b) = (m.token(1), m.token(4));
        assert!(a.iter().all(|&f| f < 1 << 18));
        // The word's own features agree, its context differs.
        assert_eq!(a.get(1..3), b.get(1..3));
        assert_ne!(a, b);
        let again = extract(&Input {
            doc: &doc,
            lex: &lex,
            hits: &hits,
            name_words: &[],
            rule_tags: &rule_tags,
            bits: 18,
            domain: None,
        });
        assert_eq!(again.token(1), a);
    }

    #[test]
    fn each_convention_has_its_own_copy_of_the_name_list_features() {
        let lex = Lexicon::new();
        let doc = Doc::new("Warga Indonesia datang ke Indonesia.");
        let hits = Hits::default();
        let rule_tags = vec![Tag::O; doc.tokens.len()];
        let input = |domain| Input {
            doc: &doc,
            lex: &lex,
            hits: &hits,
            name_words: &[],
            rule_tags: &rule_tags,
            bits: 18,
            domain,
        };
        let (shared, a, b) = (extract(&input(None)), extract(&input(Some(0))), extract(&input(Some(1))));
        let own = |m: &FeatureMatrix| -> Vec<u32> {
            m.token(1).iter().copied().filter(|id| !shared.token(1).contains(id)).collect()
        };
        // Without list hits only the word after (template 13) is copied.
        assert_eq!(a.token(1).len(), shared.token(1).len() + 1);
        assert!(shared.token(1).iter().all(|id| a.token(1).contains(id) && b.token(1).contains(id)));
        assert_ne!(own(&a), own(&b));
    }

    #[test]
    fn flags_see_titles_and_lower_case_use() {
        let lex = Lexicon::new();
        let doc = Doc::new("Kata Presiden Harapan. Harapan itu harapan kami.");
        let stats = DocStats::new(&doc);
        assert!(flags(&doc, &lex, &stats, 1) & flag::TITLE != 0);
        assert!(flags(&doc, &lex, &stats, 2) & flag::LOWER_ELSEWHERE != 0);
    }
}
