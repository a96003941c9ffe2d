//! Indirect speech: `X mengatakan (bahwa) …`, `X menyatakan …`, `Menurut X, …`,
//! `X said (that) …`, `According to X, …`, and cues set off by commas
//! ([`asides`](super::asides): `Namun, kata X, …`). The quote span is the reported content,
//! from after the cue to the end of its sentence; the cue and the speaker are kept
//! apart. Text inside direct quotes is never reported speech.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::function_words::{PRONOUNS, SPEECH_SUBJECT_GAP, SUBORDINATORS};
use super::super::intervals::Cover;
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::{strip_final_s, TokenKind};
use super::super::QuoteKind;
use super::asides::aside_cue;
use super::cues::{self, after_verb_group, is_negated, subject_before, subject_end, SpeakerHint, TIME_NOUNS};
use super::direct::goes_on_unclosed;
use super::indonesian;
use super::marks::is_mark_at;
use super::reporting::{skip_apposition, MIN_CONTENT_WORDS, ROLE_NOUNS};
use super::unnamed::{is_plural, unnamed_source};
use super::RawQuote;
use std::collections::HashSet;

/// Most words after a verb that ends its sentence (`…, Carter told reporters on Monday.`).
const MAX_TAIL_WORDS: usize = 5;
/// Longest speaker phrase between a comma and a verb ending the sentence.
const MAX_SUBJECT_TOKENS: usize = 8;
/// Furthest a `what` may stand before a naming verb (`what the prime minister called`).
const MAX_RELATIVE_REACH: usize = 5;
/// Conjunctions opening a second reported clause (`…, though she noted …`).
const CONTRASTS: &[&str] = &["though", "although", "but", "while", "and"];
/// Longest name between such a conjunction and its verb, in tokens.
const MAX_NAME_TOKENS: usize = 4;
/// Most words of an unnamed source after `according to` (`according to exit polls`).
const MAX_SOURCE_WORDS: usize = 6;
/// Most words of a setting between a speech verb and its `that`.
const MAX_SETTING_WORDS: usize = 5;
/// Most tokens of whom something was told to, before the clause told (`told the
/// county's planning board on Monday he …`).
const MAX_ADDRESSEE_TOKENS: usize = 8;
/// Most tokens of a longer setting between a speech verb and its `that`, commas
/// included (`said during a rally in Dayton, Ohio, on Friday that`).
const MAX_LONG_SETTING_TOKENS: usize = 14;
/// Words of a setting between a speech verb and its `that`: whom it was told to, how
/// and when (capitalised words, such as days and outlets, are taken too).
const SETTING_WORDS: &[&str] = &[
    "reporters",
    "journalists",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "via",
    "by",
    "during",
    "to",
    "statement",
    "interview",
    "email",
    "e-mail",
    "news",
    "conference",
    "last",
    "this",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "later",
    "today",
    "yesterday",
    "also",
    "kepada",
    "wartawan",
    "dalam",
    "di",
    "pada",
    "saat",
    "keterangan",
    "tertulis",
    "resmi",
];

/// English auxiliaries and common finite verbs that end a subject noun phrase.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "should",
    "must", "did", "does", "do", "filed", "made", "took", "gave", "sent", "met", "spoke", "went", "came",
];
/// Most tokens of a noun phrase read as a speaking subject by [`phrase_subject`].
const MAX_PHRASE_TOKENS: usize = 10;
/// Object pronouns that an order's infinitive follows (`told her to leave`).
const OBJECT_PRONOUNS: &[&str] = &["her", "him", "them", "me", "us", "you"];
/// Subjects of a relative clause inside a noun phrase (`the voters we asked`).
const RELATIVE_SUBJECTS: &[&str] = &["i", "we", "you", "they", "he", "she"];
/// Words that cannot end a noun phrase before its verb (`help of states`).
const PHRASE_BREAKS: &[&str] =
    &["of", "to", "for", "in", "on", "at", "by", "with", "from", "and", "or", "that", "than"];
/// Words opening such a noun phrase.
const PHRASE_OPENERS: &[&str] = &[
    "the", "a", "an", "all", "those", "these", "many", "most", "some", "several", "few", "both", "each", "every",
    "other", "his", "her", "their", "its", "our", "two", "three", "four", "five",
];
/// Determiners before an adjective (`the promised bridge`, `their reported losses`).
const NOUN_DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"];
/// Prepositions before a gerund that reports (`by saying`, `for claiming`).
const GERUND_PREPOSITIONS: &[&str] = &["by", "for", "from", "after", "before", "without", "while"];
/// Words that open a clause before its subject (`while 73 percent said`, `where
/// experts say`).
const CLAUSE_OPENERS: &[&str] = &[
    "that", "where", "while", "when", "whom", "which", "who", "as", "but", "and", "because", "although", "though",
    "if", "since",
];
/// Words opening an open question after a verb of saying (`did not say whether …`).
const QUESTION_WORDS: &[&str] = &["if", "whether", "when", "why", "how", "what", "who", "where", "which"];
/// Forms of `be` before a participle that reports (`is saying`, `were warning`). A
/// contracted `is` stays on its pronoun (`he’s saying`, read apart); a lone `'s` is a
/// possessive split off its noun (`the mayor's`).
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "been", "be"];
/// Prepositions opening a setting after a verb (`said in an interview`).
const SETTING_PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "by", "after", "before", "from", "via", "with"];
/// Words opening a setting placed before a cue in mid-sentence (`During the talks, she
/// said, …`, `As for the budget, he said, …`); a condition (`If the talks fail, she
/// said, …`) is part of what is said.
const FRONTED_OPENERS: &[&str] = &[
    "after",
    "before",
    "during",
    "when",
    "while",
    "since",
    "until",
    "as",
    "in",
    "at",
    "on",
    "for",
    "once",
    "with",
    "without",
    "by",
    "over",
    "under",
    "throughout",
    "despite",
];
/// Conjunctions opening a clause of time or cause after a verb (`said when …`): what
/// the speaker did then, not what was said.
const TIME_CLAUSES: &[&str] = &["when", "while", "after", "before", "because", "since", "until", "as"];

/// Indirect reports, at most one per sentence, and which of the `direct` quotes each
/// report takes in: `X said the plan “will cost far more”` reports in its own words
/// and quotes a part, and the report with the quote inside is one quotation (`taken`
/// is indexed like `direct`).
pub fn find(doc: &Doc, lex: &Lexicon, direct: &[RawQuote]) -> (Vec<RawQuote>, Vec<bool>) {
    let facts = TokenFacts::new(doc, direct);
    let mut out = Vec::new();
    let mut taken = vec![false; direct.len()];
    for range in &doc.sentences {
        let mut from = range.start;
        for v in range.clone() {
            if v < from || facts.inside(v, v + 1) {
                continue;
            }
            // `The plan, Roe said, will cost more`: a report on each side of the cue
            // (the second may be a direct quote of the same cue, kept as it is).
            if let Some(split) = split_cue(doc, lex, v, range.end, &facts) {
                out.extend(split.reports(doc, direct, &facts, &mut taken));
                from = split.after;
                continue;
            }
            if facts.cues.contains(&v) {
                continue;
            }
            let Some((c, e, hint)) = report_at(doc, lex, v, range.end) else { continue };
            // `Back when he wrote his memoir, Roe said that …`: a verb in a clause set
            // before the main one reports no further than that clause's comma.
            let fronted = fronted_clause_end(doc, range.start, v, e);
            let e = fronted.unwrap_or(e);
            // `X mengumumkan bahwa …, kata seorang pejabat.`: the last cue reports all,
            // and the verb inside it its own clause up to that cue's comma.
            let outer = indonesian::outer_report(doc, lex, v, c, range.end)
                .or_else(|| outer_according_to(doc, lex, v, c, range.end))
                .or_else(|| outer_trailing_cue(doc, lex, v, c, range.end));
            if let Some((u, (start, comma, outer_hint))) = outer {
                // The inner report may end before the comma (`Lee, who asked …, left, X said`).
                for (v, c, e, hint) in [(u, start, comma, outer_hint), (v, c, comma.min(e), hint)] {
                    let fewest = indonesian::fewest_content_words(doc, lex, v, (c, e), range.end);
                    if let Some(span) = content_span_of(doc, c, e, &facts, fewest) {
                        out.push(report(direct, &mut taken, span, v, hint));
                    }
                }
                break;
            }
            // `…, though she noted …`: a report of its own ends this one, as does the
            // speaker's next act (`…, and criticized …`).
            let next = fronted.or_else(|| second_report(doc, lex, c, e)).or_else(|| coordinated_act(doc, v, c, e));
            let e = next.unwrap_or(e);
            let fewest = indonesian::fewest_content_words(doc, lex, v, (c, e), range.end);
            let Some((start, end)) = content_span_of(doc, c, e, &facts, fewest) else { continue };
            if naming_without_quote(doc, v, c, e) {
                continue;
            }
            out.push(report(direct, &mut taken, (start, end), v, hint));
            // `X menjelaskan, harian itu mengatakan, …`: the report holds another one,
            // of its own cue and speaker, whose subject opens it.
            if let Some(w) = indonesian::nested_cue(doc, lex, v, c, e) {
                let inner = report_at(doc, lex, w, range.end)
                    .map(|(ic, ie, h)| (ic, ie, indonesian::inner_subject(doc, c, w, h)))
                    .filter(|&(_, _, h)| opens_at(h, c));
                if let Some(span) = inner.and_then(|(c, e, _)| content_span(doc, c, e, &facts)) {
                    let hint = inner.map_or(SpeakerHint::None, |(_, _, h)| h);
                    out.push(report(direct, &mut taken, span, w, hint));
                }
            }
            // `…, kata X, dan menambahkan, …`: a second report of the same speaker.
            if let Some((w, c, hint)) = indonesian::added_report(doc, lex, v, range.end) {
                if let Some(span) = content_span(doc, content_start(doc, c), range.end, &facts) {
                    out.push(report(direct, &mut taken, span, w, hint));
                }
                break;
            }
            // A report in a relative clause (`Roe, who says …, left`) leaves the rest of
            // its sentence to other cues.
            match next {
                Some(comma) => from = comma + 1,
                None if e < range.end && relative_before(doc, v) => from = e,
                None => break,
            }
        }
    }
    (out, taken)
}

/// Does the speaker hint's phrase start at token `c`?
fn opens_at(hint: SpeakerHint, c: usize) -> bool {
    matches!(hint, SpeakerHint::Subject(a, _) | SpeakerHint::Source(a, _) if a == c)
}

/// `She said the firm had grown, though she noted that …`, `Roe said the bridge would
/// hold; Vale said it would not.`: the comma or semicolon in tokens `c..e` after which
/// a clause opens (after a comma, with a conjunction) with a subject (a pronoun or a
/// name) and an English speech verb of its own.
fn second_report(doc: &Doc, lex: &Lexicon, c: usize, e: usize) -> Option<usize> {
    (c + 1..e).find(|&k| {
        // `Roe says the port will close and said the jobs …`: a second verb of saying.
        // The cheap tests first: this runs for every token of every report.
        let low = doc.low(k + 1);
        let verb = || {
            english_verbs::is_inflected(low) && !english_verbs::is_participle(low) && !english_verbs::may_be_noun(low)
        };
        if matches!(doc.low(k), "and" | "but")
            && !doc.is_capitalised(k + 1)
            && lex.cues_before.contains(low)
            && (doc.kind(k - 1) == Some(TokenKind::Word) || closes_quote(doc, k - 1))
            && verb()
        {
            return true;
        }
        let semicolon = doc.is_punct(k, ';');
        let joined = semicolon || (doc.is_punct(k, ',') && CONTRASTS.contains(&doc.low(k + 1)));
        let subject = if semicolon { k + 1 } else { k + 2 };
        let named = PRONOUNS.contains(&doc.low(subject)) || doc.is_capitalised(subject);
        let mut v = subject + 1;
        while v < e
            && v < subject + MAX_NAME_TOKENS
            && (doc.is_capitalised(v) || SPEECH_SUBJECT_GAP.contains(&doc.low(v)))
        {
            v += 1;
        }
        let low = doc.low(v);
        joined && named && v < e && english_verbs::is_inflected(low) && lex.cues_before.contains(low)
    })
}

/// Is token `t` a quote mark closing a quote (`“depleted” and says …`)?
fn closes_quote(doc: &Doc, t: usize) -> bool {
    let mark = doc.tokens.get(t).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
    mark && t.checked_sub(1).is_some_and(|p| doc.kind(p) == Some(TokenKind::Word))
}

/// Adverbs between a conjunction and the verb it joins (`and then purged`).
const JOINED_ADVERBS: &[&str] = &["then", "still", "also", "later", "even", "quickly", "again", "never"];

/// `Lee urged the board to act, and criticized its delays`: where the English report of
/// the verb at token `v`, in tokens `c..e`, hands back to the reporter — at `, and`
/// before a verb without a subject, the speaker's next act. (After `, but` the verb is
/// as often the reported subject's: `…, but would pay off later`.)
fn coordinated_act(doc: &Doc, v: usize, c: usize, e: usize) -> Option<usize> {
    let low = doc.low(v);
    if !(english_verbs::is_inflected(low) || english_verbs::is_base(low) && after_verb_group(doc, v)) {
        return None;
    }
    (c + 1..e).find(|&k| {
        if !doc.is_punct(k, ',') || doc.low(k + 1) != "and" {
            return false;
        }
        let mut t = k + 2;
        while JOINED_ADVERBS.contains(&doc.low(t)) {
            t += 1;
        }
        t < e && is_finite_verb(doc, t) && !english_verbs::is_participle(doc.low(t))
    })
}

/// The report of chars `start..end` with its cue `v`, taking in the direct quotes
/// opening inside it (marked in `taken`).
fn report(
    direct: &[RawQuote],
    taken: &mut [bool],
    (start, end): (usize, usize),
    v: usize,
    hint: SpeakerHint,
) -> RawQuote {
    let inner = quotes_within(direct, start, end);
    let end = inner.clone().filter_map(|k| direct.get(k)).map(|q| q.end).fold(end, usize::max);
    let mixed = !inner.is_empty();
    for k in inner {
        if let Some(slot) = taken.get_mut(k) {
            *slot = true;
        }
    }
    let confidence = if hint == SpeakerHint::None { 0.3 } else { 0.5 };
    // A report quoting the speaker's words is a direct quotation in part.
    let kind = if mixed { QuoteKind::Direct } else { QuoteKind::Indirect };
    RawQuote { start, end, kind, cue: Some(v), hint, confidence }
}

/// An English cue set in the middle of what it reports, subject first (`The plan, Roe
/// said, will cost more`, `Too often, he added on Monday, the talks stall`): the
/// tokens of the part before and after it, its verb and speaker.
struct SplitCue {
    before: (usize, usize),
    after_part: (usize, usize),
    verb: usize,
    hint: SpeakerHint,
    /// The first token after the cue's closing comma.
    after: usize,
}

impl SplitCue {
    /// The reports on both sides: the first needs a word of its own, the second the
    /// words of any report; a part that is a direct quote stays one.
    fn reports(&self, doc: &Doc, direct: &[RawQuote], facts: &TokenFacts, taken: &mut [bool]) -> Vec<RawQuote> {
        let mut out = Vec::new();
        let (a, b) = self.before;
        if facts.words(a, b) > 0 && !facts.inside(a, b) && !is_fronted_setting(doc, a, b) {
            if let Some(span) = doc.char_span(a, b) {
                out.push(report(direct, taken, span, self.verb, self.hint));
            }
        }
        let (c, e) = self.after_part;
        // `…, he said, adding that …`: the participle's own report follows.
        let participle = english_verbs::is_participle(doc.low(c));
        if let Some(span) = (!participle).then(|| content_span(doc, c, e, facts)).flatten() {
            out.push(report(direct, taken, span, self.verb, self.hint));
        }
        out
    }
}

/// Is token `t` a lower-case English `-ing` form (`pointing`, `waving`), not a pronoun
/// (`nothing`, `everything`)?
fn is_gerund(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let word = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    word && low.len() > 4 && low.ends_with("ing") && !low.ends_with("thing")
}

/// `During her years in office, Roe said, the port grew`: does the part before a
/// cue in tokens `a..b` open with a preposition and run to the cue without a comma or
/// a verb? It is then a setting of what follows, not a report (a clause, `When the
/// pier closed, Roe said, …`, is reported).
fn is_fronted_setting(doc: &Doc, a: usize, b: usize) -> bool {
    let opener = FRONTED_OPENERS.contains(&doc.low(a));
    opener && (a..b).all(|t| !doc.is_punct(t, ',') && !is_finite_verb(doc, t))
}

/// `X, Roe said, Y` at the verb `v`: a speaker phrase between a comma and the verb, at
/// most a short setting after it (`told reporters on Monday`), then a comma.
fn split_cue(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize, facts: &TokenFacts) -> Option<SplitCue> {
    let low = doc.low(v);
    if doc.is_capitalised(v) || !(english_verbs::is_inflected(low) || low == "say") {
        return None;
    }
    let limit = sentence_end.min(v + MAX_TAIL_WORDS + 2);
    let close = (v + 1..limit).find(|&t| doc.is_punct(t, ','))?;
    if (v + 1..close).any(|t| doc.kind(t) != Some(TokenKind::Word)) || facts.inside(v, close) {
        return None;
    }
    let s = subject_end(doc, v)?;
    let sentence_start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let floor = s.saturating_sub(MAX_SUBJECT_TOKENS).max(sentence_start);
    let comma = (floor..=s).rev().find(|&t| doc.is_punct(t, ','))?;
    let hint = speaker_between(doc, lex, comma + 1, s + 1)?;
    let start = clause_after_conjunction(doc, sentence_start, comma);
    let mut end = sentence_end;
    while end > close + 1 && doc.kind(end - 1) == Some(TokenKind::Punct) && !facts.inside(end - 1, end) {
        end -= 1;
    }
    Some(SplitCue { before: (start, comma), after_part: (close + 1, end), verb: v, hint, after: close + 1 })
}

/// Where the clause before the comma at token `comma` starts: after the last `, but`
/// (`, and`, `, yet`) of the sentence, else at the sentence start (`Talks failed, but
/// the mood, Roe said, was good`: only `the mood` is reported).
fn clause_after_conjunction(doc: &Doc, sentence_start: usize, comma: usize) -> usize {
    let joined = (sentence_start + 1..comma)
        .rev()
        .find(|&t| doc.is_punct(t - 1, ',') && matches!(doc.low(t), "but" | "and" | "yet" | "so"));
    joined.map_or(sentence_start, |t| t + 1)
}

/// Adverbs that may stand before the conjunction of a fronted clause (`Back when …`,
/// `Even after …`, `Long before …`).
const FRONTING_ADVERBS: &[&str] = &["back", "even", "just", "only", "right", "long", "shortly", "soon"];

/// The comma closing a subordinate clause that opens the English sentence starting at
/// token `sentence_start` and holds the verb at token `v` (`When she announced that
/// the pier would close, …`, `Back when he wrote his memoir, …`), if it comes before
/// `end`: what the verb reports ends there, and the main clause after it is not its
/// report. Not `As she said, …` (an aside whose report is the main clause), nor `If …`
/// (a condition, part of what is said), nor a clause without a subject of its own
/// (`When asked about the delay, …`), whose verb is read as before.
fn fronted_clause_end(doc: &Doc, sentence_start: usize, v: usize, end: usize) -> Option<usize> {
    if doc.language != Language::English {
        return None;
    }
    let a = if FRONTING_ADVERBS.contains(&doc.low(sentence_start)) { sentence_start + 1 } else { sentence_start };
    let conjunction = doc.low(a);
    if !SUBORDINATORS.contains(&conjunction) || matches!(conjunction, "as" | "if" | "whether") || a + 1 >= v {
        return None;
    }
    if (a..v).any(|t| doc.is_punct(t, ',')) {
        return None;
    }
    (v + 1..end).find(|&t| doc.is_punct(t, ','))
}

/// Indices of the direct quotes (sorted by start) opening inside chars `start..end`.
fn quotes_within(direct: &[RawQuote], start: usize, end: usize) -> std::ops::Range<usize> {
    direct.partition_point(|q| q.start < start)..direct.partition_point(|q| q.start < end)
}

/// What the sentence loop asks of token ranges, as prefix counts computed once: a
/// long sentence with many speech verbs would otherwise be rescanned per verb, and
/// every token checked against every direct quote. Counts are 32-bit: a text has
/// at most [`MAX_OFFSET`](super::super::tokenizer::MAX_OFFSET) tokens, and three tables a token are large on a long text.
struct TokenFacts {
    /// `inside[t]`: tokens before `t` that start inside a direct quote.
    inside: Vec<u32>,
    /// `words[t]`: word tokens before `t`.
    words: Vec<u32>,
    /// `quoted_words[t]`: word tokens before `t` that start inside a direct quote.
    quoted_words: Vec<u32>,
    /// Cue tokens of the direct quotes, but not of a quote that a report takes in
    /// (`X said the plan “will cost more”`): there the verb reports.
    cues: HashSet<usize>,
}

impl TokenFacts {
    fn new(doc: &Doc, direct: &[RawQuote]) -> TokenFacts {
        let quoted = Cover::new(direct.iter().map(|q| (q.start, q.end)));
        let prefix = |hit: &dyn Fn(usize) -> bool| {
            let mut n = 0;
            let mut out = Vec::with_capacity(doc.tokens.len() + 1);
            out.push(0);
            out.extend((0..doc.tokens.len()).map(|t| {
                n += u32::from(hit(t));
                n
            }));
            out
        };
        let is_quoted = |t: usize| doc.tokens.get(t).is_some_and(|x| quoted.covers_point(x.start()));
        let is_word = |t: usize| doc.kind(t) == Some(TokenKind::Word);
        let inside = prefix(&is_quoted);
        let words = prefix(&is_word);
        let quoted_words = prefix(&|t| is_word(t) && is_quoted(t));
        let cues =
            direct.iter().filter(|q| !taken_into_report(doc, q) && !runs_on(doc, q)).filter_map(|q| q.cue).collect();
        TokenFacts { inside, words, quoted_words, cues }
    }

    fn count(prefix: &[u32], a: usize, b: usize) -> usize {
        match (prefix.get(a), prefix.get(b)) {
            (Some(x), Some(y)) if a < b => (y - x) as usize,
            _ => 0,
        }
    }

    /// Does a token of `a..b` start inside a direct quote?
    fn inside(&self, a: usize, b: usize) -> bool {
        TokenFacts::count(&self.inside, a, b) > 0
    }

    fn words(&self, a: usize, b: usize) -> usize {
        TokenFacts::count(&self.words, a, b)
    }

    /// Words of `a..b` outside the direct quotes.
    fn words_outside(&self, a: usize, b: usize) -> usize {
        self.words(a, b) - TokenFacts::count(&self.quoted_words, a, b)
    }
}

/// Is the direct quote `q` taken into a report: its cue before it with words between
/// (`says the ad “will run …”`), rather than right before its mark (`said: “…”`)?
fn taken_into_report(doc: &Doc, q: &RawQuote) -> bool {
    let Some(v) = q.cue else { return false };
    let opening = doc.token_at_or_after(q.start);
    v < opening && (v + 1..opening).any(|t| doc.kind(t) == Some(TokenKind::Word) && !is_that(doc, t))
}

/// Is the verb at token `v` a naming verb (not `called for`) whose content `c..e`
/// quotes nothing, or one that names inside a relative (`what he called “a
/// breach”`)? Such a verb reports nothing.
fn naming_without_quote(doc: &Doc, v: usize, c: usize, e: usize) -> bool {
    let low = doc.low(v);
    if !english_verbs::is_naming(low) || english_verbs::is_phrasal(low, doc.low(v + 1)) {
        return false;
    }
    let quotes = (c..e).any(|t| doc.tokens.get(t).is_some_and(|x| is_mark_at(&doc.chars, x.start())));
    let relative = (v.saturating_sub(MAX_RELATIVE_REACH)..v).any(|t| doc.low(t) == "what");
    !(quotes || names_in_a_small_clause(doc, c, e)) || relative
}

/// `called the charges a fabrication`, `called Oz a quack`, `called the claims
/// unfounded and false`: after a naming verb, an object and then what it is called —
/// a noun phrase opened by `a`/`an` (not a time, [`TIME_NOUNS`]: `a day later`) or a past form ending
/// the clause or joined to another — is a verdict in the speaker's words, quoted or not.
/// (`called a vote`, `called police`: no object before a predicate.)
fn names_in_a_small_clause(doc: &Doc, c: usize, e: usize) -> bool {
    let word = |t: usize| doc.kind(t) == Some(TokenKind::Word);
    // `calls to establish …`: a noun before its infinitive.
    if !word(c) || matches!(doc.low(c), "a" | "an" | "to") || SETTING_PREPOSITIONS.contains(&doc.low(c)) {
        return false;
    }
    // The small clause ends at a comma or where a clause of time or cause opens
    // (`called the hearing because they felt a …`).
    let stop = |t: usize| doc.is_punct(t, ',') || doc.is_punct(t, ';') || SUBORDINATORS.contains(&doc.low(t));
    let end = (c..e).find(|&t| stop(t)).unwrap_or(e);
    (c + 1..end).any(|t| {
        let low = doc.low(t);
        let article = matches!(low, "a" | "an") && !TIME_NOUNS.contains(&doc.low(t + 1));
        let past = low.len() > 4 && low.ends_with("ed") && !doc.is_capitalised(t);
        let verdict = past && (t + 1 >= end || matches!(doc.low(t + 1), "and" | "or"));
        (article || verdict) && word(t - 1)
    })
}

/// `he said “budget cuts” and new taxes would pay for it`: a quote right after an
/// English verb, not closed by its own punctuation, that its sentence goes on from in
/// the reporter's words, is a part of a report.
fn runs_on(doc: &Doc, q: &RawQuote) -> bool {
    let Some(v) = q.cue else { return false };
    if v >= doc.token_at_or_after(q.start) || !english_verbs::is_inflected(doc.low(v)) {
        return false;
    }
    let after = doc.token_at_or_after(q.end);
    goes_on_unclosed(doc, q.end) && doc.sentence_of(after) == doc.sentence_of(v)
}

/// A reporting construction whose cue is token `v`: the tokens of its content (up to
/// the sentence end, mostly) and the speaker hint.
fn report_at(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    if cues::is_possessive_noun(doc, v) {
        return None;
    }
    let low = doc.low(v);
    if let Some((c, hint)) = indonesian::passive_opening(doc, v) {
        return Some((content_start(doc, c), sentence_end, hint));
    }
    if let Some(found) = indonesian::passive_aside(doc, v, sentence_end) {
        return Some(found);
    }
    if let Some(found) = indonesian::kata_opening(doc, lex, v, sentence_end) {
        return Some(found);
    }
    if low == "menurut" || low == "menurutnya" || (low == "according" && doc.low(v + 1) == "to") {
        let before = || trailing_report(doc, lex, v, v + 2, sentence_end);
        // `Kebijakan itu, menurut Budi, belum tepat`: the subject before is reported too.
        let from = |c: usize| indonesian::subject_before_menurut(doc, v).unwrap_or(c);
        return according_to(doc, lex, v, sentence_end).map(|(c, hint)| (from(c), sentence_end, hint)).or_else(before);
    }
    if let Some(found) = verdict_report(doc, lex, v, sentence_end) {
        return Some(found);
    }
    // Only a verb that can follow what it reports (`said`, `told`, not `menyampaikan`,
    // whose object follows it) ends a sentence as a cue.
    let follows = lex.is_cue_after(low) && !doc.is_capitalised(v);
    if let Some(found) = follows.then(|| trailing_cue(doc, lex, v, sentence_end)).flatten() {
        return Some(found);
    }
    // `…, kata dia saat ditemui.`, `…, kata surat kabar itu.`: a report before the cue.
    if let Some(found) = indonesian::trailing_cue(doc, lex, v, sentence_end) {
        // After a word or two, the cue may be set off before more report (`Namun, kata
        // Agung, yang perlu …`): that reading, when it has one, wins over a short
        // statement (`Jangan dibalik, tegasnya.`).
        let (start, comma, _) = found;
        let short = (start..comma).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count() < MIN_CONTENT_WORDS;
        let aside = || aside_cue(doc, lex, v, sentence_end).filter(|&(c, _, _)| c > v);
        return short.then(aside).flatten().or(Some(found));
    }
    // `Hal itu, katanya, tidak benar.`: the clause around the cue, however short its rest.
    if let Some(found) = indonesian::short_aside(doc, lex, v, sentence_end) {
        return Some(found);
    }
    // `Namun, kata Budi, …`; else `Roe, a pollster, said the …`: the subject before.
    let clause_follows = || english_verbs::is_inflected(low) && tail_opens_clause(doc, v, sentence_end);
    if v > 0 && doc.is_punct(v - 1, ',') && lex.is_cue_after(low) && !doc.is_capitalised(v) && !clause_follows() {
        if let Some(found) = aside_cue(doc, lex, v, sentence_end) {
            return Some(found);
        }
    }
    // `called for new elections`, `pointed out that …`: the report follows the particle.
    if english_verbs::is_phrasal(low, doc.low(v + 1)) && !doc.is_capitalised(v) {
        let hint = subject_before(doc, v).or_else(|| coordinated_subject(doc, lex, v))?;
        return Some((content_start(doc, v + 2), sentence_end, hint));
    }
    // `called the plan “a disgrace”`: a naming verb reports what it quotes (checked
    // by the caller, which knows the marks).
    if english_verbs::is_naming(low) && !doc.is_capitalised(v) {
        let hint = subject_before(doc, v).or_else(|| coordinated_subject(doc, lex, v))?;
        return Some((v + 1, sentence_end, hint));
    }
    // `said to be …` is not a report (`vowed to …` is); a capitalised verb is part of a title.
    let infinitive = doc.low(v + 1) == "to" && !english_verbs::takes_infinitive(low);
    if !lex.cues_before.contains(low) || infinitive || doc.is_capitalised(v) {
        return None;
    }
    // `battleground states could decide it`: a form that may be a noun, followed by
    // the verb of its clause, is that clause's subject.
    if english_verbs::may_be_noun(low) && is_finite_verb(doc, v + 1) {
        return None;
    }
    // `drivers reporting faults`: a participle reports only as a clause of its own
    // (`…, saying …`) or after a form of `be` (`is saying`).
    let before = v.checked_sub(1).map_or("", |p| doc.low(p));
    let be = BE_FORMS.contains(&before) || before.ends_with("’s") || before.ends_with("'s") || negated_be(doc, v);
    // `the recommended limit`, `the alliance's promised aid`: after a determiner or a
    // noun's possessive the form is an adjective.
    if !english_verbs::is_participle(low) && modifies_noun(before) {
        return None;
    }
    // `by saying …`, `for claiming …`: a gerund after a preposition reports too.
    let gerund = GERUND_PREPOSITIONS.contains(&before);
    if english_verbs::is_participle(low) && !doc.is_punct(v.wrapping_sub(1), ',') && !be && !gerund {
        return None;
    }
    let clause = english_verbs::is_participle(low) && (doc.is_punct(v.wrapping_sub(1), ',') || gerund);
    let hint = clause
        .then(|| participle_subject(doc, lex, v))
        .flatten()
        .or_else(|| indonesian::relative_subject(doc, lex, v))
        .or_else(|| subject_before(doc, v))
        .or_else(|| coordinated_subject(doc, lex, v))
        .or_else(|| plural_subject(doc, v))
        .or_else(|| phrase_subject(doc, v))
        .or_else(|| indonesian::subject_of_verb(doc, v))
        .map(|h| indonesian::apposed_subject(doc, lex, v, h))
        .map(|h| indonesian::role_subject(doc, lex, v, h))
        .filter(|&h| !indonesian::names_no_speaker(doc, v, h))
        .map(|h| indonesian::setting_as_subject(doc, lex, v, h))?;
    let c = indonesian::past_addressee(doc, v, content_start(doc, v + 1));
    // `menyatakan perang`, `menyampaikan niatnya untuk …`: the act, not a report.
    // `mencontohkan kasus …`, `mengaku bersalah`, `mengingatkan agar …`: no report either.
    if indonesian::names_an_act(doc, v, c, sentence_end) || indonesian::reports_nothing(doc, v, c, sentence_end) {
        return None;
    }
    let sentence_end = if relative_before(doc, v) {
        relative_end(doc, c, sentence_end, relative_set_off(doc, v))
    } else {
        sentence_end
    };
    // `was told by the paper`: a passive's agent, not what was said (`responded by
    // saying …` reports).
    let passive = matches!(auxiliary_before(doc, v), "was" | "were" | "is" | "are" | "been" | "being" | "be");
    let agent = passive && doc.low(c) == "by";
    // `said that because …`: after a `that` a clause of time or cause is reported.
    let that = (v + 1..c).any(|t| is_that(doc, t));
    // `who said and did …`: content opens no clause with a conjunction; `told her to
    // leave`, `asked them to wait`: an order or a request, not a report.
    let joined = matches!(doc.low(c), "and" | "or" | "but");
    let directive = OBJECT_PRONOUNS.contains(&doc.low(v + 1)) && doc.low(v + 2) == "to";
    if joined || directive || (after_verb_group(doc, v) && !that && !opens_clause(doc, c, sentence_end)) {
        return None;
    }
    (!agent && (that || !is_setting_only(doc, lex, v, c, sentence_end))).then_some((c, sentence_end, hint))
}

/// Forms of `rule`, the verb of a court's or a referee's verdict, that are no noun
/// (`ruling` is one only after a comma or a form of `be`: `the ruling that …`).
const VERDICT_FORMS: &[&str] = &["ruled", "ruling"];

/// `The court, ruling 4-3 that the map was unfair, …`, `the judge ruled on Friday that
/// …`: in English a verdict reports the clause after its `that`, past a vote tally or
/// a short setting, for the subject of its clause. Without a `that` it decides rather
/// than reports (`ruled the map invalid`, `ruled out a run`); `rule` is no cue of its own
/// (`the new rule says` is a rule, not a speaker).
fn verdict_report(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let low = doc.low(v);
    if doc.language != Language::English || !VERDICT_FORMS.contains(&low) || doc.is_capitalised(v) {
        return None;
    }
    let clause = v > 0 && doc.is_punct(v - 1, ',');
    let be = v > 0 && BE_FORMS.contains(&doc.low(v - 1));
    if low == "ruling" && !clause && !be {
        return None;
    }
    let reach = sentence_end.min(v + 1 + MAX_SETTING_WORDS);
    let that = (v + 1..reach).find(|&t| is_that(doc, t))?;
    if (v + 1..that).any(|t| doc.is_punct(t, ',') || is_finite_verb(doc, t)) {
        return None;
    }
    let hint = clause.then(|| participle_subject(doc, lex, v)).flatten().or_else(|| subject_before(doc, v))?;
    Some((that + 1, sentence_end, hint))
}

/// `would argue the toll is unfair`, `did not say when …`: does the content from token
/// `c` open a clause (a question word, a subject pronoun, or a finite verb among its
/// first words)? After a modal, a negation or a raising verb a speech verb with a mere
/// object (`would reveal large debts`, `will continue the attacks`) reports nothing.
fn opens_clause(doc: &Doc, c: usize, end: usize) -> bool {
    let first = doc.low(c);
    QUESTION_WORDS.contains(&first)
        || RELATIVE_SUBJECTS.contains(&first)
        || first == "it"
        || (c + 1..end.min(c + MAX_NAME_TOKENS + 1)).any(|t| is_finite_verb(doc, t))
}

/// `“…,” the fire chief said, adding that …`, `A county court refused the request, saying …`: a
/// participle set off by a comma reports for the subject of the clause before it,
/// the subject of an earlier speech verb in the sentence, else the noun phrase
/// opening the sentence (up to its verb: an auxiliary or a past form).
fn participle_subject(doc: &Doc, lex: &Lexicon, v: usize) -> Option<SpeakerHint> {
    let sentence = doc.sentence_of(v).and_then(|i| doc.sentences.get(i))?;
    // `The state court rejected …, saying`: after a determiner a cue's form is a noun.
    let determined = |u: usize| u > 0 && modifies_noun(doc.low(u - 1));
    let earlier = (sentence.start..v.saturating_sub(1)).rev().find(|&u| {
        let low = doc.low(u);
        let verb = !doc.is_capitalised(u) && !cues::is_possessive_noun(doc, u) && !determined(u);
        verb && lex.is_cue_after(low) && !english_verbs::is_participle(low)
    });
    if let Some(u) = earlier {
        return subject_before(doc, u);
    }
    let first = (sentence.start..v).find(|&t| doc.kind(t) == Some(TokenKind::Word))?;
    let past = |t: usize| !doc.is_capitalised(t) && english_verbs::is_irregular_past(doc.low(t));
    let verb = (first + 1..v).find(|&t| is_finite_verb(doc, t) || past(t))?;
    let hint = |a: usize| {
        // `The commission on Monday rejected …, saying`: a time phrase before the verb
        // is no part of the subject.
        let end = subject_end(doc, verb).filter(|&s| s >= a).map_or(verb, |s| s + 1);
        if verb > a + MAX_SUBJECT_TOKENS || end <= a {
            return None;
        }
        if let Some((x, y)) = unnamed_source(doc, a, end) {
            return Some(SpeakerHint::Source(x, y));
        }
        (a..end).any(|t| doc.is_capitalised(t)).then_some(SpeakerHint::Subject(a, end))
    };
    // `With a week to go, the nominee spent Friday …, promising …`: else the subject
    // opens the clause after a fronted setting.
    let clause = (first..verb).rev().find(|&t| doc.is_punct(t, ',') || doc.is_punct(t, '—')).map(|t| t + 1);
    hint(first).or_else(|| clause.and_then(hint))
}

/// `Roe thanked the crowd and said …`, `He signed the bill but also warned …`: a verb
/// joined by `and` or `but` to an earlier one reports for the subject of the sentence.
fn coordinated_subject(doc: &Doc, lex: &Lexicon, v: usize) -> Option<SpeakerHint> {
    let s = subject_end(doc, v)?;
    if !matches!(doc.low(s), "and" | "but") {
        return None;
    }
    let opening = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let first = (opening..s).find(|&t| doc.kind(t) == Some(TokenKind::Word))?;
    if PRONOUNS.contains(&doc.low(first)) && is_finite_verb(doc, first + 1) {
        return Some(SpeakerHint::Pronoun(doc.tokens.get(first).map_or(0, |x| x.start())));
    }
    participle_subject(doc, lex, s)
}

/// The last token of the subject before the English verb of saying at `v`
/// (`says`, `said`, `say`; not a participle), past the adverbs and auxiliaries
/// between them (`has long said`).
fn english_subject_end(doc: &Doc, v: usize) -> Option<usize> {
    let low = doc.low(v);
    let base = english_verbs::is_base(low) && after_verb_group(doc, v);
    if !(english_verbs::is_inflected(low) || low == "say" || base) || english_verbs::is_participle(low) {
        return None;
    }
    let s = subject_end(doc, v)?;
    Some(s)
}

/// `Police officials said`, `73 percent said`, `Nearly eight of 10 voters say`, `RT and
/// its defenders say`: a plural noun phrase before an English verb of saying, up to
/// the clause's start, is an unnamed source.
fn plural_subject(doc: &Doc, v: usize) -> Option<SpeakerHint> {
    let s = english_subject_end(doc, v)?;
    let head = doc.low(s);
    let plural = head == "they" || head == "percent" || (is_plural(head) && !doc.is_capitalised(s));
    if !plural || doc.kind(s) != Some(TokenKind::Word) {
        return None;
    }
    let sentence_start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let floor = sentence_start.max(s.saturating_sub(MAX_SUBJECT_TOKENS));
    let mut a = s;
    while a > floor && doc.kind(a - 1) != Some(TokenKind::Punct) && !CLAUSE_OPENERS.contains(&doc.low(a - 1)) {
        a -= 1;
    }
    Some(SpeakerHint::Source(a, s + 1))
}

/// Is the subject of the verb at token `v` a relative pronoun (`Roe, who said …`)?
fn relative_before(doc: &Doc, v: usize) -> bool {
    subject_end(doc, v).is_some_and(|s| matches!(doc.low(s), "who" | "which") && !doc.is_capitalised(s))
}

/// Is the relative pronoun subject of the verb at token `v` set off by a comma (`Roe,
/// who says …`), so that the clause closes at a comma of its own?
fn relative_set_off(doc: &Doc, v: usize) -> bool {
    subject_end(doc, v).and_then(|s| s.checked_sub(1)).is_some_and(|c| doc.is_punct(c, ','))
}

/// Where a report inside a relative clause ends: at a comma after which the main
/// clause goes on with its verb (`Roe, who says the plan is flawed, walked out`,
/// `…, saying …`), else at `sentence_end` (a comma inside the report, `that, in
/// May, …`, does not end it).
fn relative_end(doc: &Doc, c: usize, sentence_end: usize, set_off: bool) -> usize {
    let resumes = |k: usize| {
        let low = doc.low(k + 1);
        doc.is_punct(k, ',')
            && !doc.is_capitalised(k + 1)
            && doc.kind(k + 1) == Some(TokenKind::Word)
            && (is_finite_verb(doc, k + 1)
                || english_verbs::is_participle(low)
                || set_off && main_verb_after(doc, k + 1))
    };
    (c..sentence_end).find(|&k| resumes(k)).unwrap_or(sentence_end)
}

/// `Democrats, who argue that the bill is unfair, want a vote`: after a relative clause
/// set off by commas, a lower-case word at token `t` after its closing comma that is no
/// function word and opens no list (`unfair, costly and late`) is the main clause's verb
/// (or an adverb before it, `quickly left`), in whatever tense.
fn main_verb_after(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let listed = matches!(doc.low(t + 1), "and" | "or") || doc.is_punct(t + 1, ',');
    let function = CLAUSE_OPENERS.contains(&low)
        || PHRASE_BREAKS.contains(&low)
        || NOUN_DETERMINERS.contains(&low)
        || PHRASE_OPENERS.contains(&low)
        || SETTING_PREPOSITIONS.contains(&low)
        || RELATIVE_SUBJECTS.contains(&low)
        || QUESTION_WORDS.contains(&low)
        || NON_VERBS_AFTER_COMMA.contains(&low);
    !listed && !function && !is_gerund(doc, t)
}

/// Words after a comma inside a report that open no main clause (`…, including …`,
/// `…, even if …`, `…, it said`).
const NON_VERBS_AFTER_COMMA: &[&str] = &[
    "including",
    "such",
    "especially",
    "even",
    "not",
    "then",
    "so",
    "unless",
    "it",
    "this",
    "there",
    "yet",
    "nor",
    "like",
    "unlike",
    "about",
    "into",
    "per",
    "than",
    "against",
    "among",
    "between",
    "without",
    "within",
    "toward",
    "towards",
    "whose",
    "whom",
    "instead",
    "however",
    "perhaps",
    "according",
    "up",
    "down",
    "out",
    "off",
    "only",
];

/// `isn’t saying`, `is not saying`, `wasn't saying`: a negated form of `be` before the
/// participle at token `v`.
fn negated_be(doc: &Doc, v: usize) -> bool {
    let Some(p) = v.checked_sub(1) else { return false };
    let low = doc.low(p);
    let contracted =
        ["isn", "aren", "wasn", "weren"].iter().any(|be| low == format!("{be}’t") || low == format!("{be}'t"));
    contracted || (low == "not" && p.checked_sub(1).is_some_and(|b| BE_FORMS.contains(&doc.low(b))))
}

/// The word before the verb at token `v` past the adverbs of [`SPEECH_SUBJECT_GAP`]
/// (`was first reported`, `were later told`).
fn auxiliary_before(doc: &Doc, v: usize) -> &str {
    let mut s = v;
    while s > 0 {
        s -= 1;
        let low = doc.low(s);
        if !SPEECH_SUBJECT_GAP.contains(&low) || BE_FORMS.contains(&low) || AUXILIARIES.contains(&low) {
            return low;
        }
    }
    ""
}

/// `Roe's lawyers, who met on Monday, said the deal was fair`: does a clause follow
/// the English verb at token `v`, a finite verb before any comma (not a speaker set
/// off by commas, as in `The plan, said Roe, will cost more`)?
fn tail_opens_clause(doc: &Doc, v: usize, sentence_end: usize) -> bool {
    let comma = (v + 1..sentence_end).find(|&t| doc.is_punct(t, ',')).unwrap_or(sentence_end);
    let lower_start = doc.kind(v + 1) == Some(TokenKind::Word) && !doc.is_capitalised(v + 1);
    lower_start && (v + 2..comma).any(|t| is_finite_verb(doc, t))
}

/// `The former mayor and current envoy said`, `All the economists we asked say`,
/// `Those close to the governor say`: a longer noun phrase opening its clause before
/// an English verb of saying, with a determiner or a plural noun near its start, is an
/// unnamed source (the speaker stage prefers a name inside it).
fn phrase_subject(doc: &Doc, v: usize) -> Option<SpeakerHint> {
    let s = english_subject_end(doc, v)?;
    // `monitors maintained by the agency`: a participle's agent, not a report.
    if doc.kind(s) != Some(TokenKind::Word) || PRONOUNS.contains(&doc.low(s)) || doc.low(v + 1) == "by" {
        return None;
    }
    let sentence_start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let floor = sentence_start.max(s.saturating_sub(MAX_PHRASE_TOKENS));
    // A stop inside a sentence is an abbreviation's (`U.S.`, `Mr.`).
    let inside = |t: usize| doc.kind(t) == Some(TokenKind::Word) || doc.is_punct(t, '.') || doc.is_punct(t, '-');
    let mut a = s;
    loop {
        while a > floor && inside(a - 1) && !CLAUSE_OPENERS.contains(&doc.low(a - 1)) {
            a -= 1;
        }
        let opens = a == sentence_start || !inside(a - 1) || CLAUSE_OPENERS.contains(&doc.low(a - 1));
        if opens && s > a && opens_noun_phrase(doc, a, s) && !has_verb(doc, a, s) {
            return Some(SpeakerHint::Source(a, s + 1));
        }
        // `The former mayor and current envoy`: `and` may join two heads of the phrase.
        if a < floor + 2 || doc.low(a - 1) != "and" {
            return None;
        }
        a -= 2;
    }
}

/// Does the phrase in tokens `a..=s` hold a verb, so that it is a clause rather than a
/// noun phrase (`the firm decided not to …`, `making remarks`)? A past form after a
/// pronoun is a relative clause inside the phrase (`the economists we interviewed`).
fn has_verb(doc: &Doc, a: usize, s: usize) -> bool {
    // `the skippers we spoke to`: a relative clause may end in its preposition.
    let relative = (a..s).any(|t| RELATIVE_SUBJECTS.contains(&doc.low(t)));
    let last = doc.low(s);
    if last.ends_with("ing") || (PHRASE_BREAKS.contains(&last) && !relative) {
        return true;
    }
    (a..=s).any(|t| {
        let low = doc.low(t);
        let after_pronoun = t > a && RELATIVE_SUBJECTS.contains(&doc.low(t - 1));
        let past = low.len() > 4 && low.ends_with("ed");
        let verb = AUXILIARIES.contains(&low) || BE_FORMS.contains(&low) || low == "not" || past;
        verb && !after_pronoun
    })
}

/// Does the noun phrase in tokens `a..=s` open with a determiner or have a plural noun
/// among its first words (`Local farmers`, `E.U. leaders`)?
fn opens_noun_phrase(doc: &Doc, a: usize, s: usize) -> bool {
    let lower = |t: usize| doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    let determined = PHRASE_OPENERS.contains(&doc.low(a)) && (lower(a) || doc.is_sentence_initial(a));
    // `Lawyers for the state argued`: a plural capitalised only as the sentence's first
    // word, its head restricted by a preposition.
    let opening_plural =
        doc.is_sentence_initial(a) && is_plural(doc.low(a)) && HEAD_PREPOSITIONS.contains(&doc.low(a + 1));
    determined || opening_plural || (a..s.min(a + 3)).any(|t| lower(t) && is_plural(doc.low(t)))
}

/// Prepositions that restrict a source's head noun (`lawyers for the state`,
/// `monitors from the group`, `residents of the town`).
const HEAD_PREPOSITIONS: &[&str] = &["for", "of", "from", "at", "in", "with"];

/// Is `low` a determiner or a noun's possessive (`the`, `their`, `Roe's`), but not a
/// pronoun's contraction (`he's said` is `he has said`)?
fn modifies_noun(low: &str) -> bool {
    let stem = strip_final_s(low);
    match stem {
        Some(stem) => !matches!(stem, "he" | "she" | "it" | "that" | "who" | "there" | "what"),
        None => NOUN_DETERMINERS.contains(&low),
    }
}

/// An English auxiliary or a lower-case past form (`has`, `will`, `rejected`): where a
/// subject noun phrase ends.
fn is_finite_verb(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let lower = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    lower && (AUXILIARIES.contains(&low) || (low.len() > 4 && low.ends_with("ed")) || english_verbs::is_inflected(low))
}

/// Is what follows the verb at token `v` from token `c` only a setting or an
/// addressee, not a report (`said in an interview.`, `said at a rally on Monday.`,
/// `told The Daily Ledger on Friday.`, `said when the depot closed`)? A rest that is
/// short or holds no verb of a clause, and opens with a preposition or (after `tell`) a
/// name; or one that opens with a conjunction of time.
fn is_setting_only(doc: &Doc, lex: &Lexicon, v: usize, c: usize, end: usize) -> bool {
    let first = doc.low(c);
    // `did not say when …`, `asked when …`: an open question is what was (not) said.
    let question = is_negated(doc, v) || matches!(doc.low(v), "ask" | "asks" | "asked" | "asking");
    if TIME_CLAUSES.contains(&first) && !question {
        return true;
    }
    // `said at a campaign event in Ohio this month`: a longer rest is a setting too
    // while it holds no verb of a clause.
    let short = || {
        (c..end).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count() <= MAX_TAIL_WORDS
            || !(c..end).any(|t| is_finite_verb(doc, t))
    };
    let addressee = is_tell(doc, v) && doc.is_capitalised(c);
    (SETTING_PREPOSITIONS.contains(&first) || addressee) && !lex.cues_before.contains(first) && short()
}

/// `…, a source said.`, `…, Carter told reporters.`, `…, he added.`: the report
/// before a comma, its speaker between the comma and the verb at token `v`, and at
/// most a short setting after the verb.
fn trailing_cue(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let after = (v + 1..sentence_end).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
    let tail_plain = (v + 1..sentence_end).all(|t| !doc.is_punct(t, ','));
    // `…, Roe will insist on being heard`: after a modal the verb's own object
    // follows; only a verb ending its sentence (`…, Roe would not say.`) is a cue.
    let grouped = after > 0 && after_verb_group(doc, v);
    if after > MAX_TAIL_WORDS || !tail_plain || grouped || tail_is_clause(doc, v, sentence_end) {
        return None;
    }
    let mut s = subject_end(doc, v)?;
    // `…, Sen. Jane Roe (D-Mo.) told`: a bracketed affiliation after the name.
    if doc.is_punct(s, ')') {
        let open = (s.saturating_sub(MAX_SUBJECT_TOKENS)..s).rev().find(|&k| doc.is_punct(k, '('))?;
        s = open.checked_sub(1)?;
    }
    let floor = s.saturating_sub(MAX_SUBJECT_TOKENS);
    let comma = (floor..=s).rev().find(|&t| doc.is_punct(t, ','))?;
    let hint = speaker_between(doc, lex, comma + 1, s + 1)?;
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    (start < comma).then_some((start, comma, hint))
}

/// `After the vote ended, Roe said the tax should go.`: is what follows the verb at
/// token `v` a clause of its own (a `that`, or a finite verb among enough words)? Then
/// it is the report, and the part before the comma only a setting.
fn tail_is_clause(doc: &Doc, v: usize, sentence_end: usize) -> bool {
    let words = (v + 1..sentence_end).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
    let finite = (v + 2..sentence_end).any(|t| is_finite_verb(doc, t));
    is_that(doc, v + 1) || (words >= MIN_CONTENT_WORDS && finite)
}

/// The speaker written in tokens `a..b` between a comma and its verb: a pronoun, an
/// unnamed source, or a name with its titles (`Mr. Roe`, `Sen. Jane Roe`).
fn speaker_between(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<SpeakerHint> {
    if b == a + 1 && PRONOUNS.contains(&doc.low(a)) {
        return Some(SpeakerHint::Pronoun(doc.tokens.get(a).map_or(0, |x| x.start())));
    }
    // `…, they say.`: a group not named, as in `They say …` (cues::subject_before).
    if b == a + 1 && doc.low(a) == "they" {
        return Some(SpeakerHint::Source(a, b));
    }
    if let Some((x, y)) = unnamed_source(doc, a, b) {
        return Some(SpeakerHint::Source(x, y));
    }
    let named = (a..b).all(|t| doc.is_capitalised(t) || lex.titles.contains(doc.low(t)) || titled_stop(doc, lex, t));
    (named && b > a).then_some(SpeakerHint::Subject(a, b))
}

/// The stop of an abbreviated title (`Mr.`, `Sen.`) inside a name.
fn titled_stop(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let before = t.checked_sub(1);
    // A stop that did not end its sentence after a short capitalised word is an
    // abbreviation's (`Sen.`, `Gov.`), whether or not the title list has it.
    let abbreviation = before.is_some_and(|p| doc.is_capitalised(p) && doc.low(p).chars().count() <= 4);
    let titled = before.is_some_and(|p| lex.titles.contains(doc.low(p)) && doc.is_capitalised(p));
    doc.is_punct(t, '.') && (titled || abbreviation) && doc.sentence_of(t) == doc.sentence_of(t + 1)
}

/// `…, according to the poll.`: the report before the comma at token `v - 1`, its
/// source in tokens `from..` up to the end of the sentence.
fn trailing_report(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    from: usize,
    sentence_end: usize,
) -> Option<(usize, usize, SpeakerHint)> {
    let comma = v.checked_sub(1).filter(|&c| doc.is_punct(c, ','))?;
    let mut end = sentence_end;
    while end > from && doc.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    if end <= from || end - from > MAX_SUBJECT_TOKENS || (from..end).any(|t| doc.is_punct(t, ',')) {
        return None;
    }
    let hint = match unnamed_source(doc, from, end) {
        Some((x, y)) => SpeakerHint::Source(x, y),
        None if doc.is_capitalised(from) || lex.titles.contains(doc.low(from)) => SpeakerHint::After(from, end),
        // `according to the State Bureau of Prisons`, `according to campaign insiders`:
        // in English any short noun phrase is the source.
        None if doc.low(v) == "according" => english_source(doc, from, end)?,
        None => return None,
    };
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    (start < comma).then_some((start, comma, hint))
}

/// `Police have said they will wait, according to the family's lawyers.`: a report
/// found at the English verb `v` with content from token `c`, whose clause ends in
/// `, according to X`. That source reports the whole clause, the verb's report inside
/// it included; returns the `according` token and its report. A clause after a
/// semicolon is its own: the source reports only that one.
fn outer_according_to(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    c: usize,
    sentence_end: usize,
) -> Option<(usize, (usize, usize, SpeakerHint))> {
    if !english_verbs::is_inflected(doc.low(v)) {
        return None;
    }
    let u = (c.max(v) + 1..sentence_end)
        .find(|&u| doc.is_punct(u - 1, ',') && doc.low(u) == "according" && doc.low(u + 1) == "to")?;
    if (v..u).any(|t| doc.is_punct(t, ';')) {
        return None;
    }
    trailing_report(doc, lex, u, u + 2, sentence_end).filter(|&(start, _, _)| start < v).map(|found| (u, found))
}

/// `Lee had told officials that she would wait, the source added.`: a report found at
/// the English verb `v` with content from token `c`, whose sentence ends in an English
/// trailing cue of its own (`…, the source added.`). That cue reports the whole clause,
/// and the verb's report inside ends at the cue's comma; returns the trailing cue and
/// its report.
fn outer_trailing_cue(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    c: usize,
    sentence_end: usize,
) -> Option<(usize, (usize, usize, SpeakerHint))> {
    if !english_verbs::is_inflected(doc.low(v)) {
        return None;
    }
    (c.max(v) + 2..sentence_end)
        .filter(|&u| english_verbs::is_inflected(doc.low(u)) && lex.is_cue_after(doc.low(u)) && !doc.is_capitalised(u))
        .find_map(|u| {
            trailing_cue(doc, lex, u, sentence_end).filter(|&(start, _, _)| start < v).map(|found| (u, found))
        })
}

/// `Menurut Putin, …` / `menurutnya, …` / `According to the minister, …`.
fn according_to(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, SpeakerHint)> {
    let pos = doc.tokens.get(v).map_or(0, |x| x.start());
    if doc.low(v) == "menurutnya" {
        return Some((content_start(doc, v + 1), SpeakerHint::Pronoun(pos)));
    }
    let from = if doc.low(v) == "according" { v + 2 } else { v + 1 };
    let comma = (from..sentence_end.min(from + 12)).find(|&t| doc.is_punct(t, ','))?;
    if PRONOUNS.contains(&doc.low(from)) && comma == from + 1 {
        return Some((comma + 1, SpeakerHint::Pronoun(pos)));
    }
    // `Menurut data …`, `menurut pantauan Kompas`: a source that is not a person; in
    // English any short noun phrase is a source (`According to exit polls, …`).
    let first = doc.low(from);
    if doc.low(v) == "according" && comma <= from + MAX_SOURCE_WORDS && !doc.is_capitalised(from) {
        return Some((comma + 1, english_source(doc, from, comma)?));
    }
    // `Menurut ahli gempa Universitas X, Rudi Hartono, …`: the name after the role speaks.
    if let Some((a, b, c)) = indonesian::name_after_role(doc, lex, v, comma, sentence_end) {
        return Some((c, SpeakerHint::After(a, b)));
    }
    if let Some(hint) = indonesian::unnamed_source_after_menurut(doc, v, comma) {
        return Some((comma + 1, hint));
    }
    if !doc.is_capitalised(from) && !lex.titles.contains(first) && !ROLE_NOUNS.contains(&first) {
        return None;
    }
    Some((skip_apposition(doc, lex, comma + 1, sentence_end), SpeakerHint::After(from, comma)))
}

/// The source of an English `according to` in tokens `a..b`, all words: a phrase with a
/// name (`the Federal Office of Statistics`) is read as a name, else it is an unnamed
/// source (`campaign insiders`, `the latest figures`).
fn english_source(doc: &Doc, a: usize, b: usize) -> Option<SpeakerHint> {
    if b <= a || (a..b).any(|t| doc.kind(t) != Some(TokenKind::Word)) {
        return None;
    }
    let named = (a..b).any(|t| doc.is_capitalised(t) && !doc.is_sentence_initial(t));
    Some(if named { SpeakerHint::After(a, b) } else { SpeakerHint::Source(a, b) })
}

/// Skips `,` `:` `bahwa` `that` after a speech verb, and a setting before a `that`:
/// a short one (`said Friday that`, `told reporters that`, `mengatakan kepada wartawan
/// bahwa`) or a longer one ([`long_setting_end`]).
fn content_start(doc: &Doc, mut c: usize) -> usize {
    let setting = (c..c + MAX_SETTING_WORDS + 1)
        .take_while(|&t| doc.is_capitalised(t) || SETTING_WORDS.contains(&doc.low(t)) || is_that(doc, t))
        .find(|&t| is_that(doc, t))
        .or_else(|| long_setting_end(doc, c))
        .or_else(|| addressee_end(doc, c))
        .or_else(|| setting_before_pronoun(doc, c));
    if let Some(that) = setting {
        c = that;
    }
    while doc.is_punct(c, ',') || doc.is_punct(c, ':') || is_that(doc, c) {
        c += 1;
    }
    c
}

/// The `that` after a longer setting that opens with a preposition or (after `tell`)
/// names whom it was told to: `said during a rally in the state capital on Friday
/// that …`, `told a meeting of farm leaders that …`, `says at a stop in Dayton,
/// Ohio, that …`. The words between hold no verb and no quote; else the `that` is
/// inside what was said (`said in the end the talks had failed and that …`) or
/// belongs to an act (`responded by citing the figures to show that …`).
fn long_setting_end(doc: &Doc, c: usize) -> Option<usize> {
    let told = c.checked_sub(1).is_some_and(|v| is_tell(doc, v));
    // `told dock workers that …`: whoever it was told to, up to the `that`.
    let addressee = told && doc.kind(c) == Some(TokenKind::Word) && !is_that(doc, c);
    if !SETTING_PREPOSITIONS.contains(&doc.low(c)) && !addressee {
        return None;
    }
    // `responded by using the figures to prove that …`: a gerund after the preposition
    // or an infinitive is an act, and its `that` is the act's.
    let gerund = |t: usize| t > 0 && SETTING_PREPOSITIONS.contains(&doc.low(t - 1)) && is_gerund(doc, t);
    let plain = |t: usize| match doc.kind(t) {
        Some(TokenKind::Word) => !is_finite_verb(doc, t) && !gerund(t) && doc.low(t) != "to",
        Some(TokenKind::Number) => true,
        _ => doc.is_punct(t, ','),
    };
    (c + 1..c + MAX_LONG_SETTING_TOKENS).take_while(|&t| is_that(doc, t) || plain(t)).find(|&t| is_that(doc, t))
}

/// `said after the convention he would …`, `said in an interview she had …`: a setting
/// opened by a preposition, without a verb, then a subject pronoun and its verb — the
/// report starts at the pronoun.
fn setting_before_pronoun(doc: &Doc, c: usize) -> Option<usize> {
    if !SETTING_PREPOSITIONS.contains(&doc.low(c)) {
        return None;
    }
    let plain = |t: usize| match doc.kind(t) {
        Some(TokenKind::Word) => !is_finite_verb(doc, t) && !is_gerund(doc, t) && doc.low(t) != "to",
        Some(TokenKind::Number) => true,
        _ => false,
    };
    let subject = |t: usize| matches!(doc.low(t), "he" | "she" | "they" | "we" | "i") && !doc.is_capitalised(t);
    let p = (c + 1..c + MAX_SETTING_WORDS + 2).take_while(|&t| subject(t) || plain(t)).find(|&t| subject(t))?;
    let verb = doc.low(p + 1);
    let modal = matches!(verb, "would" | "will" | "could" | "can" | "may" | "might" | "should" | "must" | "did");
    let finite = is_finite_verb(doc, p + 1) || modal || BE_FORMS.contains(&verb);
    (p > c + 1 && finite).then_some(p)
}

/// Whom it was told to, when no `that` follows: `told CNN the bridge is safe`, `told
/// the forum he was against it`, `told him on Monday they would …`. After a form of
/// `tell`, a short run of words without a verb, up to the subject of the clause told:
/// a subject pronoun, or (after a name or a pronoun object) a determiner.
fn addressee_end(doc: &Doc, c: usize) -> Option<usize> {
    let told = c.checked_sub(1).is_some_and(|v| is_tell(doc, v));
    if !told || doc.kind(c) != Some(TokenKind::Word) {
        return None;
    }
    // `told her story`: a possessive, not whom it was told to.
    let named =
        doc.is_capitalised(c) || matches!(doc.low(c), "him" | "them" | "me" | "us" | "reporters" | "journalists");
    let plain = |t: usize| doc.kind(t) == Some(TokenKind::Word) && !is_finite_verb(doc, t) && !is_that(doc, t);
    let clause = |t: usize| {
        let low = doc.low(t);
        matches!(low, "he" | "she" | "they" | "we" | "i" | "it") || (named && matches!(low, "the" | "a" | "an"))
    };
    (c + 1..c + MAX_ADDRESSEE_TOKENS)
        .take_while(|&t| plain(t))
        .find(|&t| clause(t) && !doc.is_capitalised(t) || doc.low(t) == "i")
}

/// Is token `t` a form of `tell`, whose object is whom it was told to?
fn is_tell(doc: &Doc, t: usize) -> bool {
    matches!(doc.low(t), "told" | "tells" | "tell" | "telling")
}

fn is_that(doc: &Doc, t: usize) -> bool {
    matches!(doc.low(t), "bahwa" | "that")
}

/// Char span of the reported content in tokens `c..end`, without the final stop.
fn content_span(doc: &Doc, c: usize, end: usize, facts: &TokenFacts) -> Option<(usize, usize)> {
    content_span_of(doc, c, end, facts, MIN_CONTENT_WORDS)
}

/// [`content_span`] of a report that needs at least `fewest` words of its own.
fn content_span_of(doc: &Doc, c: usize, end: usize, facts: &TokenFacts, fewest: usize) -> Option<(usize, usize)> {
    let mark = |t: usize| doc.tokens.get(t).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
    let mut e = end;
    // The final stop goes, but not a mark closing a quote the report opened (`would
    // rise “for a while”.`).
    while e > c && doc.kind(e - 1) == Some(TokenKind::Punct) && !(mark(e - 1) && (c..e - 1).any(mark)) {
        e -= 1;
    }
    // `… pembayaran (grace period)`: a bracket closing one opened in the content stays.
    if e < end && doc.is_punct(e, ')') && opens_bracket(doc, c, e) {
        e += 1;
    }
    // A report may quote a part (`the plan “will cost more”`, `fare dodging “would be
    // odd”`), but not open with a quote.
    // A report that opens with a quote and goes on in the reporter's words (`that,
    // “no ferry will sail” unless …`) needs a clause of its own after it.
    let quoting = facts.inside(c, e);
    let opens_quoted = facts.inside(c, c + 1) || doc.tokens.get(c).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
    let own_words = if opens_quoted {
        MIN_CONTENT_WORDS + 1
    } else if quoting {
        1
    } else {
        fewest
    };
    if facts.words(c, e) < fewest || facts.words_outside(c, e) < own_words {
        return None;
    }
    doc.char_span(c, e)
}

/// Do tokens `c..e` open more round brackets than they close?
fn opens_bracket(doc: &Doc, c: usize, e: usize) -> bool {
    let opened = (c..e).filter(|&t| doc.is_punct(t, '(')).count();
    opened > (c..e).filter(|&t| doc.is_punct(t, ')')).count()
}

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::report_texts as indirect;

    #[test]
    fn indirect_speech_runs_to_the_end_of_the_sentence() {
        let text =
            "😀 Presiden Vladimir Putin mengatakan Korut siap berunding.\r\nMenurut Putin, jaminan itu harus kuat.";
        assert_eq!(indirect(text), ["Korut siap berunding", "jaminan itu harus kuat"]);
        let text = "Councillor David Okafor said the money should go to roads.";
        assert_eq!(indirect(text), ["the money should go to roads"]);
    }

    #[test]
    fn a_longer_setting_before_that_is_not_what_was_said() {
        let text =
            "Mayor Ann Lee said during a rally in Dayton, Ohio, on Friday that the bridge will open in May 😀.\r\n\r\n\
                    Lee told a meeting of farm leaders that prices would rise “for a while”.";
        assert_eq!(indirect(text), ["the bridge will open in May", "prices would rise “for a while”"]);
        // A verb between, or an act with its own `that`: the words are what was said.
        let text = "Lee said in the end the talks had failed and that nobody was to blame.\r\n\
                    Lee responded by citing the figures to show that fares must rise.";
        assert_eq!(
            indirect(text),
            [
                "in the end the talks had failed and that nobody was to blame",
                "by citing the figures to show that fares must rise"
            ]
        );
    }

    #[test]
    fn whom_it_was_told_to_is_not_what_was_told() {
        let text = "Lee later told CNN the bridge is safe for “all” traffic.\r\n\r\n\
                    Lee told the forum he was against the toll 😀. Lee told voters this weekend she would vote no.\r\n\
                    Northwind Bank announced this month that it would drop the plan.";
        assert_eq!(
            indirect(text),
            [
                "the bridge is safe for “all” traffic",
                "he was against the toll",
                "she would vote no",
                "it would drop the plan"
            ]
        );
    }

    #[test]
    fn a_time_phrase_between_subject_and_verb_is_skipped() {
        let text = "😀 Northwind Bank this month announced that it would drop the “sales” plan.\r\n\
                    The mayor on Monday said the bridge is safe. Lee earlier this week also said the toll would stay.";
        assert_eq!(indirect(text), ["it would drop the “sales” plan", "the bridge is safe", "the toll would stay"]);
    }

    #[test]
    fn according_to_at_the_end_reports_the_clause_with_its_report_inside() {
        let text =
            "Police have said they will not release the “second” video 📹, according to lawyers for the family.\r\n\
                    The firm reported that it lost money; its shares fell, according to its website.";
        assert_eq!(
            indirect(text),
            [
                "Police have said they will not release the “second” video",
                "they will not release the “second” video",
                "it lost money; its shares fell, according to its website"
            ]
        );
    }

    #[test]
    fn a_noun_that_looks_like_a_verb_of_speech_reports_nothing() {
        let text = "😀 Several swing states could decide the race.\r\nThe demands were rejected. The report states that “fares” will rise in May.";
        assert_eq!(indirect(text), ["“fares” will rise in May"]);
    }

    #[test]
    fn cue_of_a_direct_quote_is_not_indirect_speech() {
        assert!(indirect("“We are asked to pay,” Okafor told reporters outside City Hall.").is_empty());
    }
}
