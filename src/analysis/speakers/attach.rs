//! Speakers into the entity list: a mention the entity stage lacked becomes a PERSON
//! entity (or an entity is trimmed, relabelled or cut to it), and every quote's
//! speaker becomes an index into the merged, sorted list.

use super::super::code_points::CodePoints;
use super::super::{Entity, Label};
use super::names::Mention;
use std::collections::{BTreeSet, HashMap};

/// Source of the PERSON entities added for speakers the tagger missed.
pub const SPEAKER_SOURCE: &str = "rules:speaker";
const SPEAKER_CONFIDENCE: f32 = 0.5;
/// Unnamed sources are read from the phrase's shape alone: less sure than a name.
const SOURCE_CONFIDENCE: f32 = 0.4;

/// Where an entity of the merged list came from: `Ok(old index)` or `Err(new span)`.
type Origin = Result<usize, (usize, usize)>;

/// Adds the new mentions as PERSON (or, unnamed, SOURCE) entities and returns every speaker's index.
pub fn attach(chars: &CodePoints, entities: &mut Vec<Entity>, mentions: &[Option<Mention>]) -> Vec<Option<usize>> {
    let old_len = entities.len();
    let mut placed = Placed::new(entities.drain(..).enumerate().map(|(i, e)| (e, Ok(i))).collect());
    for m in mentions.iter().flatten() {
        let (start, end, cut) = match *m {
            Mention::New { start, end } => (start, end, false),
            Mention::Cut { start, end } => (start, end, true),
            Mention::Source { start, end } => {
                // An unnamed source never reshapes a name: it is added where it is
                // free, or takes in the one place it describes (`one Ohio official`).
                let clashes = placed.clashes(start, end);
                if let [k] = clashes[..] {
                    placed.widen_place(chars, k, start, end);
                } else if clashes.is_empty() {
                    let e = Entity {
                        start,
                        end,
                        label: Label::Source,
                        source: SPEAKER_SOURCE,
                        confidence: SOURCE_CONFIDENCE,
                    };
                    placed.push(e, Err((start, end)));
                }
                continue;
            }
            Mention::Entity(_) => continue,
        };
        let clashes = placed.clashes(start, end);
        if let [k] = clashes[..] {
            let done = (cut && placed.cut_tail(chars, k, start, end)) || placed.relabel(k, start, end);
            if !done {
                placed.trim(k, start, end);
            }
        } else if clashes.is_empty() {
            let e = Entity { start, end, label: Label::Person, source: SPEAKER_SOURCE, confidence: SPEAKER_CONFIDENCE };
            placed.push(e, Err((start, end)));
        }
    }
    let ordered = placed.ordered;
    let mut tagged = placed.tagged;
    tagged.sort_by_key(|(e, _)| (e.start, e.end));
    let found = Found::new(&tagged, old_len, ordered);
    let out = mentions.iter().map(|m| m.as_ref().and_then(|m| found.index_of(&tagged, m))).collect();
    entities.extend(tagged.into_iter().map(|(e, _)| e));
    out
}

/// The entities being merged, with an ordered set of their spans so that a new
/// mention's clashes are found by a range query. The set is used only while the
/// entities are sorted and disjoint (as the analysis makes them, and as trimming
/// and adding only clash-free spans keep them): then their ends are sorted too and
/// the walk back from a mention's end stops at the first entity ending before it.
struct Placed {
    tagged: Vec<(Entity, Origin)>,
    spans: BTreeSet<(usize, usize, usize)>,
    ordered: bool,
}

impl Placed {
    fn new(tagged: Vec<(Entity, Origin)>) -> Placed {
        let ordered = tagged.iter().all(|(e, _)| e.start <= e.end)
            && tagged.windows(2).all(|w| matches!(w, [(x, _), (y, _)] if x.end <= y.start));
        let spans = tagged.iter().enumerate().map(|(k, (e, _))| (e.start, e.end, k)).collect();
        Placed { tagged, spans, ordered }
    }

    /// Entities overlapping `start..end`.
    fn clashes(&self, start: usize, end: usize) -> Vec<usize> {
        let overlaps = |e: &Entity| e.start < end && start < e.end;
        if !self.ordered {
            return (0..self.tagged.len()).filter(|&k| self.tagged.get(k).is_some_and(|(e, _)| overlaps(e))).collect();
        }
        let before_end = self.spans.range(..(end, 0, 0)).rev();
        let reaching = before_end.take_while(|&&(_, e, _)| e > start);
        let mut out: Vec<usize> = reaching.filter(|&&(s, e, _)| s < end && start < e).map(|&(_, _, k)| k).collect();
        out.sort_unstable();
        out
    }

    /// A PERSON span over role words and the name: trim it to the name.
    fn trim(&mut self, k: usize, start: usize, end: usize) {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| e.is(Label::Person) && e.start <= start && end <= e.end)
        else {
            return;
        };
        move_entity(&mut self.spans, k, e, start, end);
        e.source = SPEAKER_SOURCE;
    }

    /// A name read as a person (`dr Algazali`) that the tagger took for an
    /// organisation or place with exactly its span: the entity becomes a PERSON.
    fn relabel(&mut self, k: usize, start: usize, end: usize) -> bool {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| !e.is(Label::Person) && e.start == start && e.end == end)
        else {
            return false;
        };
        e.label = Label::Person;
        e.source = SPEAKER_SOURCE;
        true
    }

    /// An unnamed source `start..end` with a place inside it (`one Ohio official`,
    /// `the New York businessman`), a name in the possessive before its head (`Ann
    /// Lee’s lawyer`) or an organisation before a role noun (`The Green Party
    /// nominee`): the place, possessor or organisation is a word of the phrase, which names the
    /// speaker, so its entity becomes the SOURCE over the whole phrase.
    fn widen_place(&mut self, chars: &CodePoints, k: usize, start: usize, end: usize) {
        // An organisation before the head (`The Green Party nominee`) is read so by
        // the speaker stage only where the head is a role noun.
        // A role phrase the tagger took whole for an organisation (`a Homeland
        // Security Department official`) ends where the organisation does.
        let modifier = |e: &Entity| (e.end < end && ends_possessive(chars, e.end)) || e.is(Label::Org);
        let inside = |e: &Entity| start <= e.start && e.end <= end;
        let Some((e, _)) = self.tagged.get_mut(k).filter(|(e, _)| (e.is(Label::Loc) || modifier(e)) && inside(e))
        else {
            return;
        };
        move_entity(&mut self.spans, k, e, start, end);
        e.label = Label::Source;
        e.source = SPEAKER_SOURCE;
        e.confidence = SOURCE_CONFIDENCE;
    }

    /// `start..end` ends a non-PERSON entity and does not begin it: the entity keeps
    /// the words before (its end moved back over the blank before the name) and the
    /// name becomes a PERSON of its own.
    fn cut_tail(&mut self, chars: &CodePoints, k: usize, start: usize, end: usize) -> bool {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| !e.is(Label::Person) && e.start < start && e.end == end)
        else {
            return false;
        };
        let blank = chars.range(e.start..start).map_or(0, |s| s.iter().rev().take_while(|c| c.is_whitespace()).count());
        let kept = e.start;
        move_entity(&mut self.spans, k, e, kept, start - blank);
        let person =
            Entity { start, end, label: Label::Person, source: SPEAKER_SOURCE, confidence: SPEAKER_CONFIDENCE };
        self.push(person, Err((start, end)));
        true
    }

    fn push(&mut self, e: Entity, origin: Origin) {
        self.spans.insert((e.start, e.end, self.tagged.len()));
        self.tagged.push((e, origin));
    }
}

/// Moves entity `k` (`e`) to chars `start..end`, keeping the span index in step.
fn move_entity(spans: &mut BTreeSet<(usize, usize, usize)>, k: usize, e: &mut Entity, start: usize, end: usize) {
    spans.remove(&(e.start, e.end, k));
    spans.insert((start, end, k));
    e.start = start;
    e.end = end;
}

/// Where each speaker ended up in the sorted merged list.
struct Found {
    /// Position of each old entity.
    old: Vec<Option<usize>>,
    /// Position of the first added entity with each span.
    added: HashMap<(usize, usize), usize>,
    ordered: bool,
}

impl Found {
    fn new(tagged: &[(Entity, Origin)], old_len: usize, ordered: bool) -> Found {
        let mut old = vec![None; old_len];
        let mut added = HashMap::new();
        for (pos, (_, origin)) in tagged.iter().enumerate() {
            match *origin {
                Ok(i) => {
                    if let Some(slot) = old.get_mut(i).filter(|slot| slot.is_none()) {
                        *slot = Some(pos);
                    }
                }
                Err(span) => {
                    added.entry(span).or_insert(pos);
                }
            }
        }
        Found { old, added, ordered }
    }

    fn index_of(&self, tagged: &[(Entity, Origin)], m: &Mention) -> Option<usize> {
        match *m {
            Mention::Entity(i) => self.old.get(i).copied().flatten(),
            Mention::New { start, end } | Mention::Cut { start, end } | Mention::Source { start, end } => {
                self.added.get(&(start, end)).copied().or_else(|| self.first_overlap(tagged, start, end))
            }
        }
    }

    /// The first entity overlapping `start..end`; sorted and disjoint entities have
    /// sorted ends, so it is the first one ending after `start`, if it overlaps.
    fn first_overlap(&self, tagged: &[(Entity, Origin)], start: usize, end: usize) -> Option<usize> {
        let overlaps = |e: &Entity| e.start < end && start < e.end;
        if !self.ordered {
            return tagged.iter().position(|(e, _)| overlaps(e));
        }
        let k = tagged.partition_point(|(e, _)| e.end <= start);
        tagged.get(k).filter(|(e, _)| overlaps(e)).map(|_| k)
    }
}

/// Is the name ending at char `end` in the possessive: does the text before `end`
/// end in `'s` (`’s`), or the text from `end` open with it (English, where the
/// entity leaves the split-off `'s` out)?
fn ends_possessive(chars: &CodePoints, end: usize) -> bool {
    let mark = |apostrophe: Option<usize>| {
        let at = |i: Option<usize>| i.and_then(|i| chars.get(i));
        matches!(at(apostrophe), Some('\'' | '’')) && matches!(at(apostrophe.map(|i| i + 1)), Some('s' | 'S'))
    };
    mark(end.checked_sub(2)) || mark(Some(end))
}
