//! Capitalisation and context rules for PERSON / ORG / LOC.
//!
//! Capitalised runs of words are cut into names: title words (`Presiden`, `Mayor`) mark
//! the name after them as a PERSON and are not part of it; gazetteer names inside a run
//! (`Rusia` in `Presiden Rusia Vladimir Putin`) become their own entities; the words
//! that open or close a run (`Partai …`, `… Association`, `Pulau …`), a preposition
//! before it (`di`, `ke`, `in`, `at`), a speech verb next to it and given-name lists
//! label the rest. Sentence-initial common words (`Namun`, `Pertemuan`, `According`) and
//! stop words (`Share`, `Comments`) never start a name.

use super::doc::Doc;
use super::gazetteer::{GazMatch, GazMatches};
use super::lexicon::Lexicon;
use super::tokenizer::TokenKind;
use super::{Label, Span};

/// Particles inside personal names (`Abdul bin Ahmad`, `Vincent van Gogh`).
const NAME_PARTICLES: &[&str] = &["bin", "binti", "van", "von", "der", "de", "da", "del", "al", "el", "la"];
/// Connectors inside organisation names (`Kementerian Pendidikan dan Kebudayaan`).
const ORG_CONNECTORS: &[&str] = &["dan", "of", "for", "and", "&", "the"];
/// Words before a place name.
const PLACE_PREPOSITIONS: &[&str] = &["di", "ke", "dari", "menuju", "in", "at", "near", "from", "into"];

pub struct Rules<'a> {
    pub doc: &'a Doc,
    pub lex: &'a Lexicon,
    pub gaz: &'a GazMatches,
    /// Tokens already taken (dates).
    pub used: Vec<bool>,
}

impl Rules<'_> {
    fn gaz_at(&self, i: usize) -> Option<GazMatch> {
        let m = self.gaz.get(i)?;
        let free = (m.start..m.end).all(|t| !self.used.get(t).copied().unwrap_or(true));
        let single = m.end == m.start + 1;
        let low = self.doc.low(i);
        // A one-word name that is also a common word at the start of a sentence
        // (`Harapan`, `Bali`?) is trusted only mid-sentence.
        let doubtful =
            single && !self.doc.is_all_caps(i) && self.doc.is_sentence_initial(i) && self.lex.common.contains(low);
        (free && !doubtful).then_some(m)
    }

    fn free(&self, i: usize) -> bool {
        !self.used.get(i).copied().unwrap_or(true)
    }

    /// Finds all PERSON / ORG / LOC spans (not overlapping the `used` tokens).
    pub fn find(&mut self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.doc.tokens.len() {
            if self.free(i) && (self.doc.is_capitalised(i) || self.gaz_at(i).is_some()) {
                let end = self.run_end(i);
                out.extend(self.segment_run(i, end));
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
        for s in &out {
            for slot in self.used.get_mut(s.start..s.end).into_iter().flatten() {
                *slot = true;
            }
        }
        out
    }

    /// End (exclusive) of the run of capitalised words starting at `i`.
    fn run_end(&self, i: usize) -> usize {
        let doc = self.doc;
        let mut j = i;
        let mut org_run = false;
        while j < doc.tokens.len() && self.free(j) {
            if j > i && doc.newline_after(j - 1) {
                break;
            }
            if let Some(m) = self.gaz_at(j) {
                j = m.end;
                continue;
            }
            let low = doc.low(j);
            let next_cap = doc.is_capitalised(j + 1);
            if doc.is_capitalised(j) {
                org_run |= self.lex.org_words.contains(low);
                j += 1;
            } else if j > i && doc.is_punct(j, '.') && self.lex.titles.contains(doc.low(j - 1)) && next_cap {
                j += 1; // `Dr. Sinta`
            } else if j > i && next_cap && (NAME_PARTICLES.contains(&low) || (org_run && ORG_CONNECTORS.contains(&low)))
            {
                j += 1;
            } else if j > i && org_run && doc.kind(j) == Some(TokenKind::Number) {
                j += 1; // `SMA Negeri 3`
            } else {
                break;
            }
        }
        j
    }

    fn is_skippable(&self, k: usize, run_start: usize, has_title: bool) -> bool {
        let (doc, lex) = (self.doc, self.lex);
        let low = doc.low(k);
        if doc.kind(k) != Some(TokenKind::Word) || !doc.is_capitalised(k) {
            return true;
        }
        let common = lex.common.contains(low);
        let keyword = lex.org_words.contains(low) || lex.loc_words.contains(low);
        lex.stop.contains(low)
            || lex.calendar.contains(low)
            || (common && !keyword && (has_title || (k == run_start && doc.is_sentence_initial(k))))
    }

    /// Cuts the run `a..b` into labelled names.
    fn segment_run(&self, a: usize, b: usize) -> Vec<Span> {
        let (doc, lex) = (self.doc, self.lex);
        let mut out = Vec::new();
        // A lower-case role word before the run counts as a title too
        // (`pemimpin Korut Kim Jong Un`, `juru bicara X`).
        let mut has_title = a.checked_sub(1).is_some_and(|p| !doc.is_capitalised(p) && lex.titles.contains(doc.low(p)));
        let mut seg: Option<usize> = None;
        let mut k = a;
        while k < b {
            if let Some(m) = self.gaz_at(k).filter(|m| m.end <= b) {
                // A given name listed as a place (`Bambang`) followed by more name.
                let given = m.end == k + 1
                    && m.label != Label::Person
                    && lex.first_names.contains(doc.low(k))
                    && self.is_name_part(k + 1, b);
                if given && seg.is_none_or(|s| self.is_keyword(s)) {
                    if let Some(s) = seg.take() {
                        out.extend(self.label_segment(s, k, a, false));
                    }
                    let e = self.extend_person(k + 1, b);
                    let source = if has_title { "rules:title" } else { "rules:name" };
                    out.push(Span::new(k, e, Label::Person, source, 0.7));
                    (has_title, k) = (false, e);
                    continue;
                }
                if let Some(s) = seg.filter(|&s| self.is_keyword(s)) {
                    // `Partai` + `Demokrat`, `Pulau` + `Bali`: one name.
                    out.extend(self.label_segment(s, m.end, a, has_title));
                    (seg, has_title, k) = (None, false, m.end);
                    continue;
                }
                // A listed person, or a listed one-word name inside an unknown name
                // (`Nuri Nuha Naufal`): the whole name is a PERSON.
                let inside_name = seg.is_some() && m.end == m.start + 1 && self.is_name_part(m.end, b);
                if m.label == Label::Person || inside_name {
                    // Only the name-like tail of an open segment joins the person
                    // (`Pusdatin BPBD` + `Sutrisno Adi` keeps the office apart).
                    let s = match seg.take() {
                        Some(open) => {
                            let tail = self.name_tail(open, k);
                            if tail > open {
                                out.extend(self.label_segment(open, tail, a, has_title));
                            }
                            tail
                        }
                        None => k,
                    };
                    let e = self.extend_person(m.end, b);
                    let source = if has_title {
                        "rules:title"
                    } else if (s, e) == (m.start, m.end) {
                        "rules:gazetteer"
                    } else {
                        "rules:name"
                    };
                    out.push(Span::new(s, e, Label::Person, source, 0.8));
                    (has_title, k) = (false, e);
                    continue;
                }
                if let Some(s) = seg.take() {
                    out.extend(self.label_segment(s, k, a, has_title));
                }
                // A listed one-word place next to a speech verb is a person (`kata Panca`).
                let speaker = m.end == m.start + 1
                    && m.label == Label::Loc
                    && !doc.is_all_caps(k)
                    && self.speech_context(m.start, m.end);
                out.push(if speaker {
                    Span::new(m.start, m.end, Label::Person, "rules:context", 0.75)
                } else {
                    Span::new(m.start, m.end, m.label, "rules:gazetteer", 0.8)
                });
                k = m.end;
                continue;
            }
            let low = doc.low(k);
            let capital = doc.is_capitalised(k);
            let title = capital && lex.titles.contains(low) && !lex.org_words.contains(low);
            let after_cue =
                k == a && !doc.is_sentence_initial(k) && k.checked_sub(1).is_some_and(|p| lex.is_cue_after(doc.low(p)));
            let breaks = capital && !after_cue && (lex.stop.contains(low) || lex.calendar.contains(low));
            if title || breaks || (seg.is_some() && self.headline_break(k)) {
                // `Putin Sebut Korea Utara Butuh …`: in a title-case line a common word
                // ends the name too.
                if let Some(s) = seg.take() {
                    out.extend(self.label_segment(s, k, a, has_title));
                }
                has_title = title;
                k += 1;
                continue;
            }
            // Right after `kata`/`ujar`/`said` a capitalised word is a name even if it is
            // also a word (`kata Hari`, `ujar Agung`).
            let after_cue = k == a
                && capital
                && !doc.is_sentence_initial(k)
                && k.checked_sub(1).is_some_and(|p| lex.is_cue_after(doc.low(p)));
            if after_cue && seg.is_none() && !title {
                let e = self.extend_person(k + 1, b);
                out.push(Span::new(k, e, Label::Person, "rules:context", 0.75));
                k = e;
                continue;
            }
            if seg.is_none() && self.is_skippable(k, a, has_title) {
                k += 1;
                continue;
            }
            // A given name ends an office's name (`Dinas Kesehatan` | `Bambang …`).
            let office_open = seg.is_some_and(|s| self.is_keyword(s)) && k > seg.unwrap_or(k) + 1;
            if (seg.is_none() || office_open) && lex.first_names.contains(low) && !doc.is_all_caps(k) {
                if let Some(s) = seg.take() {
                    out.extend(self.label_segment(s, k, a, false));
                }
                let e = self.extend_person(k + 1, b);
                let (source, conf) = if has_title { ("rules:title", 0.8) } else { ("rules:name", 0.6) };
                out.push(Span::new(k, e, Label::Person, source, conf));
                (has_title, k) = (false, e);
                continue;
            }
            seg.get_or_insert(k);
            k += 1;
        }
        if let Some(s) = seg {
            out.extend(self.label_segment(s, b, a, has_title));
        }
        out
    }

    /// Start of the longest tail of `s..e` made of plain name words (no acronyms,
    /// numbers, common words or keywords).
    fn name_tail(&self, s: usize, e: usize) -> usize {
        let (doc, lex) = (self.doc, self.lex);
        let mut t = e;
        while t > s {
            let p = t - 1;
            let low = doc.low(p);
            let plain = doc.is_capitalised(p)
                && !doc.is_all_caps(p)
                && !low.chars().any(|c| c.is_ascii_digit())
                && !lex.common.contains(low)
                && !self.is_keyword(p)
                && !lex.titles.contains(low);
            if !plain {
                break;
            }
            t = p;
        }
        t
    }

    /// Can token `k` (before the run end `b`) continue a personal name?
    fn is_name_part(&self, k: usize, b: usize) -> bool {
        let (doc, lex) = (self.doc, self.lex);
        let low = doc.low(k);
        k < b
            && doc.is_capitalised(k)
            && !lex.titles.contains(low)
            && !lex.stop.contains(low)
            && !lex.calendar.contains(low)
            && !self.is_keyword(k)
            && !self.headline_break(k)
    }

    /// End of a personal name continuing at `e`: capitalised words, particles
    /// (`von`), listed persons and one-word listed names followed by more name.
    fn extend_person(&self, mut e: usize, b: usize) -> usize {
        while e < b {
            if let Some(g) = self.gaz_at(e).filter(|g| g.end <= b) {
                let sandwiched = g.end == g.start + 1 && self.is_name_part(g.end, b);
                if g.label == Label::Person || sandwiched {
                    e = g.end;
                    continue;
                }
                break;
            }
            let particle = NAME_PARTICLES.contains(&self.doc.low(e)) && self.is_name_part(e + 1, b);
            if self.is_name_part(e, b) || particle {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// Is the name `s..e` next to a speech verb (`kata Panca`, `Okafor told`, `Yusri mengatakan`)?
    fn speech_context(&self, s: usize, e: usize) -> bool {
        let (doc, lex) = (self.doc, self.lex);
        let before = s.checked_sub(1).map_or("", |p| doc.low(p));
        let after = doc.low(e);
        lex.is_cue_after(before) || lex.is_cue(after)
    }

    fn headline_break(&self, k: usize) -> bool {
        let (doc, lex) = (self.doc, self.lex);
        let low = doc.low(k);
        doc.is_title_case_sentence(k)
            && lex.common.contains(low)
            && !lex.first_names.contains(low)
            && !self.is_keyword(k)
    }

    fn is_keyword(&self, i: usize) -> bool {
        let low = self.doc.low(i);
        self.lex.org_words.contains(low) || self.lex.loc_words.contains(low)
    }

    /// Label of the plain (non-gazetteer) name `s..e` of the run starting at `run_start`.
    fn label_segment(&self, s: usize, mut e: usize, run_start: usize, has_title: bool) -> Option<Span> {
        let (doc, lex) = (self.doc, self.lex);
        while e > s && doc.kind(e - 1) != Some(TokenKind::Word) {
            e -= 1; // trailing dots or numbers of a broken run
        }
        if e <= s {
            return None;
        }
        let n = e - s;
        let (first, last) = (doc.low(s), doc.low(e - 1));
        let before = s.checked_sub(1).map_or("", |p| doc.low(p));
        let after = doc.low(e);
        let span = |label, source, conf| Some(Span::new(s, e, label, source, conf));
        if (s..e).any(|t| is_domain(doc.word(t))) {
            return span(Label::Org, "rules:domain", 0.8);
        }
        if n >= 2 && (lex.org_words.contains(first) || lex.org_words.contains(last)) {
            return span(Label::Org, "rules:keyword", 0.7);
        }
        if n >= 2 && (lex.loc_words.contains(first) || lex.loc_words.contains(last)) {
            return span(Label::Loc, "rules:keyword", 0.7);
        }
        if has_title && n >= 2 {
            return span(Label::Person, "rules:title", 0.8);
        }
        let speech_next = lex.is_cue(after);
        let speech_before = lex.is_cue_after(before) && s == run_start;
        if speech_next || speech_before {
            return span(Label::Person, "rules:context", 0.75);
        }
        let all_common = (s..e).all(|t| lex.common.contains(doc.low(t)));
        if s == run_start && PLACE_PREPOSITIONS.contains(&before) && !all_common && !doc.is_all_caps(s) {
            return span(Label::Loc, "rules:context", 0.55);
        }
        // Unknown capitalised words and acronyms (`BBM`, `Piala FA`) are left alone:
        // too often not names at all.
        None
    }
}

/// `Teritorial.Com`, `Kompas.id`: a word with a dot before a web suffix.
fn is_domain(word: &str) -> bool {
    let lower = word.to_lowercase();
    [".com", ".id", ".net", ".org", ".co", ".tv", ".news"]
        .iter()
        .any(|suffix| lower.ends_with(suffix) && lower.len() > suffix.len())
}

/// Lower-case place words that belong to the place name after them (`kota Bandung`,
/// `desa Kramas`, `pulau Bali`).
const PLACE_HEADS: &[&str] = &[
    "kota",
    "desa",
    "kabupaten",
    "kecamatan",
    "kelurahan",
    "provinsi",
    "pulau",
    "gunung",
    "sungai",
    "danau",
    "jalan",
    "kampung",
    "dusun",
    "distrik",
    "teluk",
    "selat",
];

/// Extends LOC spans over a lower-case place word right before them.
pub fn extend_place_heads(doc: &Doc, spans: &mut [Span], used: &mut [bool]) {
    for s in spans.iter_mut().filter(|s| s.label == Label::Loc) {
        let Some(p) = s.start.checked_sub(1) else {
            continue;
        };
        let free = !used.get(p).copied().unwrap_or(true);
        if free && !doc.is_capitalised(p) && PLACE_HEADS.contains(&doc.low(p)) {
            s.start = p;
            if let Some(slot) = used.get_mut(p) {
                *slot = true;
            }
        }
    }
}

/// Document-level consistency: a name labelled once keeps its label at its other
/// mentions, and one part of a full PERSON name (`Putin` after `Vladimir Putin`) is
/// that PERSON. Fills free tokens and relabels weakly-ruled single words.
pub fn propagate(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>, used: &mut [bool]) {
    use std::collections::HashMap;
    let mut exact: HashMap<String, (Label, f32)> = HashMap::new();
    let mut parts: HashMap<String, Label> = HashMap::new();
    for s in spans.iter() {
        let key = (s.start..s.end).map(|t| doc.word(t)).collect::<Vec<_>>().join(" ");
        let entry = exact.entry(key).or_insert((s.label, s.confidence));
        if s.confidence > entry.1 {
            *entry = (s.label, s.confidence);
        }
        if s.label == Label::Person && s.end - s.start >= 2 {
            for t in s.start..s.end {
                let low = doc.low(t);
                let usable = doc.is_capitalised(t)
                    && low.chars().count() > 1
                    && !lex.titles.contains(low)
                    && !lex.stop.contains(low);
                if usable {
                    parts.insert(doc.word(t).to_string(), Label::Person);
                }
            }
        }
    }
    for s in spans.iter_mut() {
        let key = (s.start..s.end).map(|t| doc.word(t)).collect::<Vec<_>>().join(" ");
        if s.confidence < 0.7 {
            if let Some(&(label, conf)) = exact.get(&key).filter(|(_, c)| *c > s.confidence) {
                s.label = label;
                s.confidence = conf.min(0.7);
            } else if let (true, Some(&label)) = (s.end - s.start == 1, parts.get(&key)) {
                s.label = label;
            }
        }
    }
    fill_repeated_names(doc, spans, used);
    for t in 0..doc.tokens.len() {
        if used.get(t).copied().unwrap_or(true) || !doc.is_capitalised(t) {
            continue;
        }
        let low = doc.low(t);
        if lex.stop.contains(low) || lex.calendar.contains(low) || lex.titles.contains(low) {
            continue;
        }
        if doc.is_sentence_initial(t) && lex.common.contains(low) {
            continue;
        }
        let word = doc.word(t);
        let label = exact.get(word).map(|&(l, _)| l).or_else(|| parts.get(word).copied());
        if let Some(label) = label {
            spans.push(Span::new(t, t + 1, label, "rules:consistency", 0.7));
            if let Some(slot) = used.get_mut(t) {
                *slot = true;
            }
        }
    }
}

/// Later mentions of a multi-word name the rules found once (`Kim Jong Un` after
/// `pemimpin Korut Kim Jong Un`) get the same label.
fn fill_repeated_names(doc: &Doc, spans: &mut Vec<Span>, used: &mut [bool]) {
    use std::collections::HashMap;
    let mut names: HashMap<Vec<&str>, Label> = HashMap::new();
    for s in spans.iter().filter(|s| s.end - s.start >= 2 && s.end - s.start <= 8 && s.label != Label::Date) {
        names.entry((s.start..s.end).map(|t| doc.word(t)).collect()).or_insert(s.label);
    }
    let longest = names.keys().map(Vec::len).max().unwrap_or(0);
    let mut t = 0;
    while t < doc.tokens.len() {
        let found = (2..=longest).rev().find_map(|n| {
            let free = (t..t + n).all(|i| !used.get(i).copied().unwrap_or(true));
            let key: Vec<&str> = (t..t + n).map(|i| doc.word(i)).collect();
            names.get(&key).filter(|_| free).map(|&label| (n, label))
        });
        if let Some((n, label)) = found {
            spans.push(Span::new(t, t + n, label, "rules:consistency", 0.7));
            for slot in used.get_mut(t..t + n).into_iter().flatten() {
                *slot = true;
            }
            t += n;
        } else {
            t += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::sources::{DateRules, NameRules};
    use super::super::Analyzer;
    use std::sync::Arc;

    /// An analyser with the rules as its only name source.
    fn rules_only() -> Analyzer {
        let lex = Arc::new(Lexicon::new());
        Analyzer::with_sources(Arc::clone(&lex), vec![Box::new(DateRules), Box::new(NameRules::new(lex))])
    }

    fn ents(text: &str) -> Vec<(String, String)> {
        let sugg = rules_only().analyze(text);
        sugg.entities
            .iter()
            .map(|e| (text.chars().skip(e.start).take(e.end - e.start).collect(), e.label.clone()))
            .collect()
    }

    fn has(got: &[(String, String)], text: &str, label: &str) -> bool {
        got.iter().any(|(t, l)| t == text && l == label)
    }

    #[test]
    fn title_before_name_splits_place_and_person() {
        let got = ents("Presiden Rusia Vladimir Putin datang.");
        assert!(has(&got, "Rusia", "LOC") && has(&got, "Vladimir Putin", "PERSON"), "{got:?}");
        let got = ents("“Yes,” said Mayor Helen Carter.");
        assert!(has(&got, "Helen Carter", "PERSON"), "{got:?}");
    }

    #[test]
    fn sentence_initial_function_words_are_not_names() {
        let got = ents("Namun, ia pergi. Menurut Putin, itu baik. Share.\r\n\r\nComments are closed.");
        assert!(got.iter().all(|(t, _)| !["Namun", "Menurut", "Share", "Comments"].contains(&t.as_str())), "{got:?}");
    }

    #[test]
    fn short_mentions_follow_the_full_name() {
        let got = ents("Councillor David Okafor spoke. Later Okafor left 😀.");
        assert!(has(&got, "Okafor", "PERSON"), "{got:?}");
    }

    #[test]
    fn prepositions_domains_and_acronyms() {
        let got = ents("Vladivostok, Teritorial.Com – ia tiba di Kotabaruan kemarin bersama KPK.");
        assert!(has(&got, "Teritorial.Com", "ORG"), "{got:?}");
        assert!(has(&got, "Kotabaruan", "LOC"), "{got:?}");
        assert!(has(&got, "KPK", "ORG"), "{got:?}");
    }

    #[test]
    fn repeated_names_and_place_heads() {
        let got = ents("Ia bertemu pemimpin Korut Kim Jong Un 😀.\r\nKemudian Kim Jong Un pergi ke kota Bandung.");
        assert_eq!(got.iter().filter(|(t, l)| t == "Kim Jong Un" && l == "PERSON").count(), 2, "{got:?}");
        assert!(has(&got, "kota Bandung", "LOC"), "{got:?}");
    }

    #[test]
    fn offsets_are_code_points_after_emoji_and_crlf() {
        let text = "🇷🇺😀 “Halo,”\r\nkata Presiden Rusia Vladimir Putin.";
        let sugg = rules_only().analyze(text);
        let putin = sugg.entities.iter().find(|e| e.label == "PERSON");
        let got: Option<String> = putin.map(|e| text.chars().skip(e.start).take(e.end - e.start).collect());
        assert_eq!(got.as_deref(), Some("Vladimir Putin"));
        assert_eq!(putin.map(|e| e.start), Some(33));
    }
}
