//! The subject of a speech verb as its speaker: `Okafor told`, `Kepala Dinas Budi
//! mengatakan`, `Budi, Kepala Dinas, Kamis (7/3/2024), mengatakan`, read with the
//! name reader of [`names`](super::names), also where the tagger missed
//! the name or swallowed it into an organisation.

use super::super::english_verbs;
use super::super::tokenizer::TokenKind;
use super::names::{names_a_person, Mention, Names};

impl Names<'_> {
    /// The subject of a speech verb, in tokens `a..b` before it: the name right before
    /// the verb (`Okafor told`, `Kepala Dinas Budi mengatakan`), else, after an
    /// apposition or a date (`Budi, Kepala Dinas, Senin, mengatakan`), the first person
    /// of the clause.
    pub fn subject(&self, a: usize, b: usize) -> Option<Mention> {
        let last = b.checked_sub(1)?;
        // `pertengahan Maret lalu mengaku`: a date is not the subject; look for the person.
        let dated = self.lex.calendar.contains(self.doc.low(last));
        if self.doc.is_capitalised(last) && !dated {
            return self.capitals_before(a, b);
        }
        self.clause_subject(a, b)
    }

    /// The subject in the capitalised words right before the verb at token `b`.
    fn capitals_before(&self, a: usize, b: usize) -> Option<Mention> {
        if let Some(run) = self.run_before(a, b) {
            // A lone capitalised word opening the sentence is mostly a noun
            // (`Opponents argued`), and one after a common noun names a people or a
            // place (`sebagian umat Katolik menilai`): a speaker only if the tagger
            // says so.
            let opener = self.doc.is_sentence_initial(run.0) && !self.english_name_opens(run.0, b);
            let lone = run.1 - run.0 == 1 && (opener || self.after_noun(run.0));
            if lone && !self.lex.first_names.contains(self.doc.low(run.0)) {
                return self.is_person_at(run.0).map(Mention::Entity);
            }
            return self.mention(run);
        }
        // `Yudhistira dari PT Rumah Bambu mengatakan`: the person before the organisation.
        if let Some(i) = (a..b).rev().find_map(|t| self.is_person_at(t)) {
            return Some(Mention::Entity(i));
        }
        // `CEO 88 Niaga Nusantara Lim Wei Sheng memperkirakan`: swallowed into the office.
        if let Some((x, y)) = self.entity_tail(a, b) {
            let (start, end) = self.doc.char_span(x, y)?;
            return Some(Mention::Cut { start, end });
        }
        let mut s = b.checked_sub(1)?;
        while s > a && self.doc.is_capitalised(s - 1) {
            s -= 1;
        }
        self.role(s, b)
    }

    /// `Barrows says …`, `Okafor told …`: in English a capitalised word opening the
    /// sentence right before an inflected speech verb is a surname, unless it is a word
    /// that opens sentences (`Opponents`, `Officials`, `Today`).
    fn english_name_opens(&self, t: usize, verb: usize) -> bool {
        let english_verb = english_verbs::is_inflected(self.doc.low(verb));
        english_verb && verb == t + 1 && !self.lex.stop.contains(self.doc.low(t))
    }

    /// Is token `t` right after a lower-case common word that no cue or title is
    /// (`umat` of `umat Muslim`, `warga` of `warga Jakarta`)?
    fn after_noun(&self, t: usize) -> bool {
        let Some(p) = t.checked_sub(1) else { return false };
        let low = self.doc.low(p);
        let plain = self.doc.kind(p) == Some(TokenKind::Word) && !self.doc.is_capitalised(p);
        plain && self.lex.common.contains(low) && !self.lex.titles.contains(low) && !self.lex.is_cue_after(low)
    }

    /// The person heading a clause whose verb is not next to a name: the one right
    /// before the first comma (`Kepala Asosiasi X (Ax) Budi Santoso, pekan lalu,
    /// menyampaikan`), else the first one, else a name read from capitals before the
    /// first comma where the tagger missed it or swallowed it into an organisation
    /// (`Direktur Kajian Pusat Data Ekonomi Rizal Effendi, saat dihubungi, mengatakan`).
    fn clause_subject(&self, a: usize, b: usize) -> Option<Mention> {
        let named = |i: usize| self.entities.get(i).is_some_and(|e| names_a_person(self.doc, self.lex, e));
        let heads = |t: usize| self.is_person_at(t).filter(|&i| named(i));
        let comma = (a..b).find(|&t| self.doc.is_punct(t, ','));
        let before_comma = comma.and_then(|c| c.checked_sub(1)).filter(|&t| t >= a).and_then(heads);
        if let Some(i) = before_comma {
            return Some(Mention::Entity(i));
        }
        let first = (a..b).find_map(heads).map(Mention::Entity);
        first.or_else(|| comma.and_then(|c| self.name_before_comma(a, c)))
    }

    /// A name read from capitals right before the comma at token `c`: a run of name
    /// words (not a lone sentence opener), or the tail of an organisation.
    fn name_before_comma(&self, a: usize, c: usize) -> Option<Mention> {
        // A given name inside an organisation's name (`Universitas Tunas Bangsa`) is no person.
        let placed = |t: usize| self.entity_at(t).is_some_and(|i| self.is_person_at(t) != Some(i));
        if let Some(run) = self.run_before(a, c).filter(|&(s, e)| !(s..e).any(placed)) {
            let lone = run.1 - run.0 == 1 && self.doc.is_sentence_initial(run.0);
            return (!lone || self.lex.first_names.contains(self.doc.low(run.0))).then(|| self.mention(run)).flatten();
        }
        let (x, y) = self.entity_tail(a, c)?;
        let (start, end) = self.doc.char_span(x, y)?;
        Some(Mention::Cut { start, end })
    }
}
