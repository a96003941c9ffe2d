//! Finding the speaker's mention next to a cue (the subject before a speech verb is
//! read in [`subjects`](super::subjects)): the name that ends a role phrase
//! (`kata Ketua Paguyuban Nelayan Pantai Utara Darsono`), a name in apposition
//! (`kata peneliti muda Lembaga Kajian Kota, Larasati Wening, di Bogor`), or, when no
//! name is written, the role itself (`kata Presiden`, `kata Panglima TNI`).
//!
//! The tagger's PERSON entities are used where they cover the name; otherwise the
//! name is read from capitalisation and word lists and returned as a new span, so
//! that the speaker is always an entity even when the tagger missed it.

use super::super::doc::Doc;
use super::super::function_words::{ROLE_HEADS, ROLE_LINKS};
use super::super::intervals::EntityIndex;
use super::super::lexicon::{is_region_name, lines, Lexicon, WILAYAH};
use super::super::quotes::cues::is_name_stop;
use super::super::quotes::unnamed::{is_one_person_source, is_possessive, is_possessor};
use super::super::tagger::field_lists;
use super::super::tokenizer::{is_possessive_mark, TokenKind};
use super::super::{Entity, Label};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Titles written in lower case right before a name (`dr Hanafiah`, `dokter gigi R
/// Pranoto`): inside a role phrase they do not end it. Kept apart from the lexicon's
/// titles, which it mostly repeats: there a lower-case `ketua` or `menteri` heads a
/// role phrase whose name may be far off, while these honorifics stand right before
/// the name. Kept apart from the tagger's English titles (`bounds.rs`), which are
/// job words trimmed off a name's front, not honorifics.
const LOWER_TITLES: &[&str] =
    &["dr", "drg", "dokter", "gigi", "prof", "ir", "ustaz", "ustadz", "kiai", "romo", "pastor"];
/// Words after a cue that are not a speaker (`kata sumber itu`, `kata mereka`).
const PRONOUN_LIKE: &[&str] = &["mereka", "they", "kami", "kita", "we", "sumber", "source", "sources", "pihak"];
/// Most words in a person's name read without the tagger.
const MAX_NAME_WORDS: usize = 4;
/// Most words of a name cut off the end of an organisation or place.
const MAX_TAIL_WORDS: usize = 3;

/// A speaker mention: an existing entity, or a new span (chars) to add as an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    Entity(usize),
    New {
        start: usize,
        end: usize,
    },
    /// A name to cut off the end of the organisation or place entity holding it.
    Cut {
        start: usize,
        end: usize,
    },
    /// An unnamed source (`a source`, `officials`) to add as a SOURCE entity.
    Source {
        start: usize,
        end: usize,
    },
}

/// Words ending multi-word region names (`Raya` of `Jakarta Raya`, `Pusat`): the end
/// of a place, not a name the tagger swallowed into it.
fn place_tails() -> &'static HashSet<String> {
    static TAILS: OnceLock<HashSet<String>> = OnceLock::new();
    TAILS.get_or_init(|| {
        let last = |l: &str| l.rsplit(' ').next().map(str::to_lowercase);
        lines(WILAYAH).filter(|l| l.contains(' ')).filter_map(last).collect()
    })
}

/// Is entity `e` in the possessive, its split-off `'s` right after it (`Lee` of `Lee’s
/// lawyer`; English text only has one)?
pub(super) fn in_possessive(doc: &Doc, e: &Entity) -> bool {
    is_possessive_mark(doc.low(doc.token_at_or_after(e.end)))
}

/// Whether a word list claims `low` as a title, office, place, date or
/// common word: then it is not part of a person's name.
fn is_listed(lex: &Lexicon, low: &str) -> bool {
    lex.titles.contains(low)
        || lex.org_words.contains(low)
        || lex.loc_words.contains(low)
        || lex.calendar.contains(low)
        || lex.common.contains(low)
        || is_region_name(low)
}

/// Can a PERSON entity be a person the text goes on about? The tagger also calls
/// offices and places persons (`Pemerintah Provinsi Jakarta`, `Kota Surabaya`, `UU
/// Nomor`, `DPRD`): a short span opening with an office or place word, one right
/// after an organisation's opening word, or one without a single word that could be
/// a name, is not taken as a person;
/// nor is one with digits (`Gugus Tugas Covid-19`, `kapal KM Sejahtera 3`), a
/// product, a law or a task force.
pub fn names_a_person(doc: &Doc, lex: &Lexicon, e: &Entity) -> bool {
    if doc.chars.range(e.start..e.end).is_some_and(|s| s.iter().any(|c| c.is_ascii_digit())) {
        return false;
    }
    let a = doc.token_at_or_after(e.start);
    let b = doc.token_at_or_after(e.end);
    let opener = |t: usize| {
        let low = doc.low(t);
        doc.is_capitalised(t) && (lex.org_words.contains(low) || lex.loc_words.contains(low))
    };
    let name_word = |t: usize| {
        let low = doc.low(t);
        let plain = doc.is_capitalised(t) && !doc.is_all_caps(t) && low.chars().all(char::is_alphabetic);
        lex.first_names.contains(low) || (plain && !is_listed(lex, low))
    };
    // `Dinas Pariwisata Kurniasih`: a longer span may hold role words before a name.
    let office = opener(a) && b <= a + 2;
    // `Universitas Sam Ratulangi`, `Bandara Sultan Hasanuddin` are named after a
    // person (`dosen Universitas …`); `Wali Kota Budi`, `Kepala Dinas Budi` are one.
    let titled = |t: usize| doc.is_capitalised(t) && lex.titles.contains(doc.low(t));
    let named_after = a.checked_sub(1).is_some_and(|o| opener(o) && !o.checked_sub(1).is_some_and(titled));
    !office && !named_after && (a..b).any(name_word)
}

/// Everything the name reader needs about the document.
pub struct Names<'a> {
    pub doc: &'a Doc,
    pub lex: &'a Lexicon,
    pub entities: &'a [Entity],
    /// `entities` by position: every name word asks which entity it is in.
    pub index: EntityIndex<'a>,
    /// Per token: inside an institution's or office's listed fields (`Badan
    /// Meteorologi, Klimatologi, dan Geofisika`), where no word is a person's name.
    listed: Vec<bool>,
}

impl<'a> Names<'a> {
    pub fn new(doc: &'a Doc, lex: &'a Lexicon, entities: &'a [Entity]) -> Names<'a> {
        let index = EntityIndex::new(entities);
        let mut listed = vec![false; doc.tokens.len()];
        let name_at = |t: usize| {
            let at = doc.tokens.get(t).map(|x| x.start());
            index.at(at?).and_then(|i| entities.get(i)).filter(|e| Some(e.start) == at).map(|e| e.label)
        };
        for list in field_lists::find(doc, lex, &name_at) {
            listed.get_mut(list.start..list.end).into_iter().flatten().for_each(|slot| *slot = true);
        }
        // A list of one `dan` field (`Kopi dan Kakao`) is found by the tagger's pass only.
        for e in entities.iter().filter(|e| e.source == field_lists::SOURCE) {
            let (a, b) = (doc.token_at_or_after(e.start), doc.token_at_or_after(e.end));
            listed.get_mut(a..b).into_iter().flatten().for_each(|slot| *slot = true);
        }
        Names { doc, lex, entities, index, listed }
    }

    /// Is token `t` inside a listed name's fields?
    pub(super) fn is_listed_field(&self, t: usize) -> bool {
        self.listed.get(t).copied().unwrap_or(false)
    }
}

impl Names<'_> {
    /// `The Green Party nominee`: a phrase in tokens `a..b` ending in a lower-case
    /// role noun after the organisation it serves, as an unnamed source; the
    /// organisation is not the speaker.
    pub fn role_of_organisation(&self, a: usize, b: usize) -> Option<Mention> {
        let org = (a..b).find_map(|t| self.entity_at(t)).and_then(|i| self.entities.get(i))?;
        if !org.is(Label::Org) || !self.role_headed(org, b) || self.person_apposed(b) {
            return None;
        }
        let (start, end) = self.doc.char_span(a, b)?;
        Some(Mention::Source { start, end })
    }

    /// `Northwind’s chief executive, Ana Ruiz, said`: a person set off by a comma right
    /// after a role phrase ending before token `b` is whom the role names.
    fn person_apposed(&self, b: usize) -> bool {
        let person = self.is_person_at(b + 1).and_then(|i| self.entities.get(i));
        let closed = person.and_then(|e| self.last_token_of(e)).is_some_and(|t| self.doc.is_punct(t + 1, ','));
        self.doc.is_punct(b, ',') && closed
    }

    /// Does the phrase ending before token `b` end in a lower-case role noun after
    /// entity `e` (`The Green Party nominee`)?
    fn role_headed(&self, e: &Entity, b: usize) -> bool {
        let Some(head) = b.checked_sub(1) else { return false };
        let low = self.doc.low(head);
        let after = self.last_token_of(e).is_some_and(|t| t < head);
        after && !self.doc.is_capitalised(head) && (ROLE_HEADS.contains(&low) || self.lex.titles.contains(low))
    }

    /// The token that ends entity `e`.
    fn last_token_of(&self, e: &Entity) -> Option<usize> {
        self.doc.token_at_or_after(e.end).checked_sub(1)
    }

    /// Is entity `i` a possessor ([`in_possessive`])? It tells whose the subject is;
    /// it is not the subject.
    pub(super) fn is_possessor_entity(&self, i: usize) -> bool {
        self.entities.get(i).is_some_and(|e| in_possessive(self.doc, e))
    }

    pub(super) fn entity_at(&self, t: usize) -> Option<usize> {
        self.index.at(self.doc.tokens.get(t)?.start())
    }

    pub(super) fn is_person_at(&self, t: usize) -> Option<usize> {
        self.entity_at(t).filter(|&i| self.entities.get(i).is_some_and(|e| e.is(Label::Person)))
    }

    /// Can token `t` be part of a person's name (capitalised, not a role, office or place)?
    fn is_name_word(&self, t: usize) -> bool {
        let low = self.doc.low(t);
        if !self.doc.is_capitalised(t) || self.is_listed_field(t) {
            return false;
        }
        if self.lex.first_names.contains(low) {
            return true;
        }
        let listed = self.is_listed(low);
        let placed = self.entity_at(t).and_then(|i| self.entities.get(i)).is_some_and(|e| !e.is(Label::Person));
        !listed && !placed && !self.doc.is_all_caps(t)
    }

    /// The name run ending just before token `end` (exclusive), at most
    /// [`MAX_NAME_WORDS`] words, not reaching before `floor`.
    pub(super) fn run_before(&self, floor: usize, end: usize) -> Option<(usize, usize)> {
        // Skip a date or a trailing abbreviation after the name (`Harjono SH`).
        let caps_tail = end > floor + 1 && self.doc.is_all_caps(end - 1) && self.is_name_word(end - 2);
        let inner = if caps_tail { end - 1 } else { end };
        let (s, _) = self.run_core(floor, inner)?;
        Some((s, end))
    }

    fn run_core(&self, floor: usize, end: usize) -> Option<(usize, usize)> {
        let mut s = end;
        while s > floor && end - s < MAX_NAME_WORDS && self.is_name_word(s - 1) {
            s -= 1;
        }
        // A one-letter initial before the run belongs to it (`S Wiryono`).
        if s > floor && self.doc.word(s - 1).chars().count() == 1 && self.doc.is_capitalised(s - 1) {
            s -= 1;
        }
        (s < end).then_some((s, end))
    }

    /// A name swallowed into the end of an organisation or place the tagger found
    /// (`Ketua Tim Penanggulangan Banjir Setiadi Kusnanto` read as one place): the unlisted
    /// capitalised words ending that entity right before token `t`, as long as a listed
    /// word (office, place, title) or a number stays before them in the entity.
    pub(super) fn entity_tail(&self, floor: usize, t: usize) -> Option<(usize, usize)> {
        let last = t.checked_sub(1).filter(|&l| l >= floor)?;
        let e = self.entity_at(last).and_then(|i| self.entities.get(i)).filter(|e| !e.is(Label::Person))?;
        if self.doc.tokens.get(last).map(|x| x.end()) != Some(e.end) {
            return None;
        }
        let first = self.doc.token_at_or_after(e.start).max(floor);
        let mut k = t;
        while k > first && t - k < MAX_TAIL_WORDS && self.is_unlisted_word(k - 1) {
            k -= 1;
        }
        if k == first {
            return None;
        }
        (k < t && self.tail_is_name(first, k, t)).then_some((k, t))
    }

    /// Are the unlisted words `k..t` ending an entity that starts at `first` a name?
    /// One word alone is as likely the organisation's own last word (`Department for
    /// Transport`) as a name, and so are words right after the listed word opening the
    /// entity (`Universitas Sanata Dharma`); but a title before the entity says a
    /// person ends it (`Ketua Badan Pengelola Pasar Sumarno`, `Ketua DPRD Kota
    /// Tegalrejo Hartoyo`).
    fn tail_is_name(&self, first: usize, k: usize, t: usize) -> bool {
        let own_name = k == first + 1 && self.is_listed(self.doc.low(first));
        let titled = self.titled_before(first);
        !own_name && (t - k >= 2 || titled)
    }

    /// A title among the capitalised words right before token `first` (`Ketua` of
    /// `Ketua DPRD Kota Tegalrejo Hartoyo` before the place the tagger found).
    fn titled_before(&self, first: usize) -> bool {
        let before = (first.saturating_sub(MAX_TAIL_WORDS)..first).rev();
        before.take_while(|&p| self.doc.is_capitalised(p)).any(|p| self.lex.titles.contains(self.doc.low(p)))
    }

    fn is_listed(&self, low: &str) -> bool {
        is_listed(self.lex, low)
    }

    /// A capitalised word of letters that no word list claims (a name, read without
    /// asking which entity holds it).
    fn is_unlisted_word(&self, t: usize) -> bool {
        let low = self.doc.low(t);
        let listed = self.is_listed(low);
        let letters = low.chars().all(char::is_alphabetic);
        self.doc.is_capitalised(t) && letters && !listed && !self.doc.is_all_caps(t) && !self.is_listed_field(t)
    }

    /// The mention for a run of tokens: the PERSON entity over it, else a new span.
    pub(super) fn mention(&self, (a, b): (usize, usize)) -> Option<Mention> {
        if let Some(i) = (a..b).rev().find_map(|t| self.is_person_at(t)) {
            // A PERSON span reaching back over role words (`Dinas Pariwisata Kurniasih`)
            // is cut to the name; the speaker stage trims the entity.
            let starts_early = self.entities.get(i).is_some_and(|e| {
                let first = self.doc.token_at_or_after(e.start);
                first < a && (first..a).all(|t| !self.is_name_word(t))
            });
            if !starts_early {
                return Some(Mention::Entity(i));
            }
        }
        let (start, end) = self.doc.char_span(a, b)?;
        Some(self.office_tail(a, b).unwrap_or(Mention::New { start, end }))
    }

    /// A name run `a..b` ending an office the tagger found (`PT Sinar Jaya Hendra
    /// Kusuma`) is cut off it, with the unlisted words before it (`Rudolf Simanjuntak`
    /// of `… Terminal Bus Kampung Baru Rudolf Simanjuntak Lubis`); not a place's or an
    /// office's own last word (`Jakarta Raya`, `PD Pasar Jaya`).
    fn office_tail(&self, a: usize, b: usize) -> Option<Mention> {
        let e = self.entity_at(b.checked_sub(1)?).and_then(|i| self.entities.get(i))?;
        let first = self.doc.token_at_or_after(e.start);
        let office = !e.is(Label::Person) && first < a && self.doc.tokens.get(b - 1)?.end() == e.end;
        if !office {
            return None;
        }
        let (x, y) = match self.entity_tail(first, b) {
            Some((x, y)) if x <= a => (x, y),
            _ if (a..b).all(|t| !place_tails().contains(self.doc.low(t))) => (a, b),
            _ => return None,
        };
        let (start, end) = self.doc.char_span(x, y)?;
        Some(Mention::Cut { start, end })
    }

    /// `(Bus Kota)` inside a role phrase: a short bracket of capitalised words.
    fn is_name_bracket(&self, t: usize) -> bool {
        let close = (t + 1..t + 5).find(|&c| self.doc.is_punct(c, ')'));
        close.is_some_and(|c| c > t + 1 && (t + 1..c).all(|i| self.doc.is_capitalised(i)))
    }

    /// A lower-case title at token `t` with the name after it, maybe after a second
    /// title word (`dokter gigi R Pranoto`).
    fn is_lower_title(&self, t: usize) -> bool {
        let title = |k: usize| LOWER_TITLES.contains(&self.doc.low(k)) && !self.doc.is_capitalised(k);
        title(t) && (self.doc.is_capitalised(t + 1) || (title(t + 1) && self.doc.is_capitalised(t + 2)))
    }

    /// `dr Hanafiah` ending tokens `floor..end`: capitalised words right after a
    /// lower-case title are a name even where the tagger read them as an organisation.
    fn titled_run(&self, floor: usize, end: usize) -> Option<(usize, usize)> {
        let mut s = end;
        while s > floor && end - s < MAX_NAME_WORDS && self.doc.is_capitalised(s - 1) && !self.doc.is_all_caps(s - 1) {
            s -= 1;
        }
        (s < end && s > floor && self.is_lower_title(s - 1)).then_some((s, end))
    }

    /// `Head of Equity at PT Modal Cerah Andreas Wirawan`: `at` inside a role phrase,
    /// going on in capitals to a person (`said Smith at Downing Street` stops at it).
    fn links_role(&self, t: usize) -> bool {
        let mut capitals = (t + 1..t + 9).take_while(|&k| self.doc.is_capitalised(k));
        self.doc.low(t) == "at" && capitals.clone().next().is_some() && capitals.any(|k| self.is_person_at(k).is_some())
    }

    /// End (exclusive) of the phrase after a cue starting at token `a`: a full stop, a
    /// bracket with a date or age, a word like `saat`/`usai`, or a lower-case word once
    /// the capitalised part has begun (`kata Bupati Lembah Hijau Sukardi Rahman lewat …`).
    fn phrase_end(&self, a: usize, b: usize) -> usize {
        let mut seen_caps = false;
        let mut t = a;
        while t < b {
            let low = self.doc.low(t);
            if self.doc.is_punct(t, '(') && self.is_name_bracket(t) {
                t += 1;
                continue;
            }
            let punct_stop = self.doc.is_punct(t, '.') || self.doc.is_punct(t, '(') || self.doc.is_punct(t, ';');
            let lower = self.doc.kind(t) == Some(TokenKind::Word) && !self.doc.is_capitalised(t);
            let goes_on = ROLE_LINKS.contains(&low) || self.is_lower_title(t) || self.links_role(t);
            // `kata Yusran Hakim dari Sekretariat Yayasan`: the person, then where from.
            let from = low == "dari" && t > a && self.is_person_at(t - 1).is_some();
            let word_stop = t > a && lower && !goes_on && (is_name_stop(low) || seen_caps);
            if punct_stop || word_stop || from {
                break;
            }
            seen_caps |= self.doc.is_capitalised(t);
            t += 1;
        }
        t
    }

    /// The speaker written after a cue in tokens `a..b`: a person named right at the
    /// cue before an apposition (`kata Marlina, Direktur RSUD Kota`), else the name
    /// ending the last comma-separated part that holds one (`kata Kepala Dusun X,
    /// Kelurahan Y, Sugeng Raharjo`), skipping trailing dates; failing that, the role.
    pub fn after_cue(&self, a: usize, b: usize) -> Option<Mention> {
        // `said several unions, including the dock workers`: the group speaks.
        if let Some(group) = self.after_cue_with_examples(a, b) {
            return Some(group);
        }
        let e = self.phrase_end(a, b);
        if e == a {
            return None;
        }
        let mut bounds: Vec<usize> = (a..e).filter(|&t| self.doc.is_punct(t, ',')).collect();
        bounds.push(e);
        let mut start = a;
        let mut parts = Vec::new();
        for &end in &bounds {
            parts.push((start, end));
            start = end + 1;
        }
        if let Some(i) = parts.first().filter(|_| parts.len() > 1).and_then(|&(s, t)| self.whole_person(s, t)) {
            return Some(Mention::Entity(i));
        }
        for (k, &(s, t)) in parts.iter().rev().enumerate() {
            // The tagger may swallow the name into the office before it (`Badan X
            // Budi`): only the last part ends the phrase where the name stands.
            if let Some(run) = self.run_before(s, t).or_else(|| self.titled_run(s, t)) {
                return self.mention(run);
            }
            if let Some((x, y)) = self.entity_tail(s, t).filter(|_| k == 0) {
                let (start, end) = self.doc.char_span(x, y)?;
                return Some(Mention::Cut { start, end });
            }
        }
        let first_end = parts.first().map_or(e, |p| p.1);
        self.role(a, first_end)
    }

    /// The PERSON entity spanning exactly tokens `a..b`, read as a name (no role word).
    fn whole_person(&self, a: usize, b: usize) -> Option<usize> {
        let i = self.is_person_at(a)?;
        let e = self.entities.get(i)?;
        let exact = self.doc.tokens.get(a)?.start() == e.start && self.doc.tokens.get(b - 1)?.end() == e.end;
        (exact && (a..b).all(|t| self.is_name_word(t))).then_some(i)
    }

    /// An unnamed source in tokens `a..b`: the person or organisation named inside
    /// it where the entity stage found one (`the Trump campaign`), else the phrase.
    pub fn source(&self, a: usize, b: usize) -> Option<Mention> {
        // `Ann Lee's lawyer`: a name in the possessive is whose the speaker is, not
        // the speaker; the phrase speaks.
        let possessor = |t: usize| {
            let mark = usize::from(!is_possessive(self.doc.low(t)));
            t + 1 + mark < b && is_possessor(self.doc, t)
        };
        let inside = (a..b).find_map(|t| self.entity_at(t)).and_then(|i| Some((i, self.entities.get(i)?)));
        let inside = inside.filter(|(_, e)| !self.last_token_of(e).is_some_and(possessor));
        if let Some(m) = self.role_of_organisation(a, b) {
            return Some(m);
        }
        if let Some((i, e)) = inside {
            if e.is(Label::Person) || e.is(Label::Org) {
                return Some(Mention::Entity(i));
            }
            // `the New York businessman`, `one Ohio official`: a place names no
            // speaker, the phrase does.
            if !e.is(Label::Loc) {
                return None;
            }
        }
        let (start, end) = self.doc.char_span(a, b)?;
        Some(Mention::Source { start, end })
    }

    /// No name written: the role phrase speaks (`Presiden`, `politisi senior Partai
    /// Golkar`), or an entity inside it (`kata KPK`, `kata Kepala Dinas Kesehatan`).
    pub(super) fn role(&self, a: usize, e: usize) -> Option<Mention> {
        let person = (a..e).rev().find_map(|t| self.is_person_at(t));
        let speaking = |i: &usize| self.entities.get(*i).is_some_and(|x| x.is(Label::Person) || x.is(Label::Org));
        if let Some(i) = person.or_else(|| (a..e).find_map(|t| self.entity_at(t)).filter(speaking)) {
            return Some(Mention::Entity(i));
        }
        // The commas and `dan` of listed fields do not make a role longer.
        let joints = (a..e).filter(|&t| self.is_listed_field(t) && !self.doc.is_capitalised(t)).count();
        if e <= a || e - a - joints > 8 || PRONOUN_LIKE.contains(&self.doc.low(a)) || self.opening_word(a, e) {
            return None;
        }
        let (start, end) = self.doc.char_span(a, e)?;
        Some(Mention::New { start, end })
    }

    /// `Selain memastikan …`: one ordinary word, capitalised only because it opens the
    /// sentence, names no role (`Presiden` does: titles are kept).
    fn opening_word(&self, a: usize, e: usize) -> bool {
        let low = self.doc.low(a);
        e == a + 1 && self.doc.is_sentence_initial(a) && self.lex.common.contains(low) && !self.lex.titles.contains(low)
    }

    /// Can a `-nya` cue later refer to this speaker? Not when it is a place
    /// (`Pemerintah Provinsi Sulawesi Barat menegaskan …`) or a role read over one (`Menurut
    /// Bupati yang baru dilantik itu, …`): `-nya` stands for a person. A name
    /// spanning exactly what the tagger called a place (`Menurut Ratih, …`) becomes a
    /// person when it is attached, so it counts; organisations stay too, as the tagger
    /// often swallows the name into them.
    pub fn is_personal(&self, m: Mention) -> bool {
        let place = |i: usize| self.entities.get(i).filter(|e| e.is(Label::Loc));
        match m {
            Mention::Entity(i) => place(i).is_none(),
            Mention::New { start, end } => {
                let over = (start..end).find_map(|p| self.index.at(p)).and_then(place);
                over.is_none_or(|e| e.start == start && e.end == end)
            }
            Mention::Cut { .. } => true,
            // `seorang warga`: an unnamed source that is one person.
            Mention::Source { start, end } => {
                is_one_person_source(self.doc, self.doc.token_at_or_after(start), self.doc.token_at_or_after(end))
            }
        }
    }
}
