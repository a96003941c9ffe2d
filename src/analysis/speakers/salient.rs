//! The salient people of a document in text order, for pronoun resolution: the
//! people named as subjects or introduced as speakers, then the speakers of quotes
//! as they are resolved. Two sorted vectors rather than one ordered map: on a long
//! text dense with quotes the map's nodes were the speaker pass's largest table.

use super::names::Mention;

/// People by the char offset where their mention or quote ends.
pub struct Salient {
    /// Salient entity mentions, ascending by end, ties in entity order.
    named: Vec<(usize, Mention)>,
    /// People that pronoun subjects stand for, found while reading in text order,
    /// ascending by end (kept apart from `named` so that recording one appends).
    followed: Vec<(usize, Mention)>,
    /// Speakers of quotes, ascending by end, ties in the order recorded.
    spoken: Vec<(usize, Mention)>,
    /// Speakers of direct quotes, ascending by end.
    direct: Vec<(usize, Mention)>,
}

impl Salient {
    /// `named`: (end, mention) in entity order.
    pub fn new(named: impl IntoIterator<Item = (usize, Mention)>) -> Salient {
        let mut named: Vec<(usize, Mention)> = named.into_iter().collect();
        // Stable: ties keep entity order.
        named.sort_by_key(|&(end, _)| end);
        Salient { named, followed: Vec::new(), spoken: Vec::new(), direct: Vec::new() }
    }

    /// Records a salient mention of `who` ending at `end` found while reading (a
    /// pronoun subject standing for them); they come in text order, so this appends.
    pub fn mentioned(&mut self, end: usize, who: Mention) {
        let at = self.followed.partition_point(|&(e, _)| e <= end);
        self.followed.insert(at, (end, who));
    }

    /// Records the speaker of a quote ending at `end`; quotes come in text order, so
    /// this nearly always appends.
    pub fn spoke(&mut self, end: usize, who: Mention) {
        let at = self.spoken.partition_point(|&(e, _)| e <= end);
        self.spoken.insert(at, (end, who));
    }

    /// Records the speaker of a direct quote ending at `end` (after [`Salient::spoke`]).
    pub fn spoke_directly(&mut self, end: usize, who: Mention) {
        let at = self.direct.partition_point(|&(e, _)| e <= end);
        self.direct.insert(at, (end, who));
    }

    /// The speaker of the direct quote recorded last among those ending at or before `pos`.
    pub fn last_direct_speaker(&self, pos: usize) -> Option<Mention> {
        self.direct.get(..self.direct.partition_point(|&(e, _)| e <= pos))?.last().map(|&(_, who)| who)
    }

    /// The speaker recorded last among those ending at or before `pos`.
    pub fn last_speaker(&self, pos: usize) -> Option<Mention> {
        self.spoken.get(..self.spoken.partition_point(|&(e, _)| e <= pos))?.last().map(|&(_, who)| who)
    }

    /// Where the quote of the speaker recorded last before `pos` ends.
    pub fn last_spoken_end(&self, pos: usize) -> Option<usize> {
        self.spoken.get(..self.spoken.partition_point(|&(e, _)| e <= pos))?.last().map(|&(end, _)| end)
    }

    /// Speakers of quotes ending at or before `pos`, ascending by end.
    pub fn spoken_before(&self, pos: usize) -> &[(usize, Mention)] {
        self.spoken.get(..self.spoken.partition_point(|&(e, _)| e <= pos)).unwrap_or(&[])
    }

    /// The people ending at or before `pos`, latest first; at one offset, speakers of
    /// quotes before named people, and the later recorded first.
    pub fn latest(&self, pos: usize) -> Latest<'_> {
        let upto = |v: &'_ [(usize, Mention)]| v.partition_point(|&(e, _)| e <= pos);
        let named = self.named.get(..upto(&self.named)).unwrap_or(&[]);
        let followed = self.followed.get(..upto(&self.followed)).unwrap_or(&[]);
        let spoken = self.spoken.get(..self.spoken.partition_point(|&(e, _)| e <= pos)).unwrap_or(&[]);
        Latest { named, followed, spoken }
    }
}

/// Iterator of [`Salient::latest`]: the three vectors merged from their ends; at one
/// offset a quote's speaker first, then a pronoun's person, then a named mention.
pub struct Latest<'s> {
    named: &'s [(usize, Mention)],
    followed: &'s [(usize, Mention)],
    spoken: &'s [(usize, Mention)],
}

impl Iterator for Latest<'_> {
    type Item = (usize, Mention);

    fn next(&mut self) -> Option<(usize, Mention)> {
        let end = |side: &[(usize, Mention)]| side.last().map(|&(e, _)| e);
        let latest = [end(self.spoken), end(self.followed), end(self.named)].into_iter().flatten().max()?;
        let side = if end(self.spoken) == Some(latest) {
            &mut self.spoken
        } else if end(self.followed) == Some(latest) {
            &mut self.followed
        } else {
            &mut self.named
        };
        let (&last, rest) = side.split_last()?;
        *side = rest;
        Some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_merges_named_and_spoken_with_speakers_first_at_one_offset() {
        let mut salient = Salient::new([(10, Mention::Entity(0)), (4, Mention::Entity(1)), (10, Mention::Entity(2))]);
        salient.spoke(10, Mention::Entity(3));
        salient.spoke(7, Mention::New { start: 5, end: 7 });
        salient.spoke(10, Mention::Entity(4));
        let ends_and_who: Vec<(usize, Mention)> = salient.latest(10).collect();
        let expected = [
            (10, Mention::Entity(4)),
            (10, Mention::Entity(3)),
            (10, Mention::Entity(2)),
            (10, Mention::Entity(0)),
            (7, Mention::New { start: 5, end: 7 }),
            (4, Mention::Entity(1)),
        ];
        assert_eq!(ends_and_who, expected);
        assert_eq!(salient.latest(6).map(|(_, who)| who).collect::<Vec<_>>(), [Mention::Entity(1)]);
        assert_eq!(salient.last_speaker(9), Some(Mention::New { start: 5, end: 7 }));
        assert_eq!(salient.last_speaker(3), None);
        salient.spoke_directly(4, Mention::Entity(1));
        salient.spoke_directly(8, Mention::Entity(2));
        assert_eq!(salient.last_direct_speaker(7), Some(Mention::Entity(1)));
        assert_eq!(salient.last_direct_speaker(9), Some(Mention::Entity(2)));
    }

    #[test]
    fn a_pronouns_person_comes_between_a_speaker_and_a_named_person_at_one_offset() {
        let mut salient = Salient::new([(6, Mention::Entity(0)), (12, Mention::Entity(1))]);
        salient.mentioned(6, Mention::Entity(2));
        salient.mentioned(9, Mention::Entity(3));
        salient.spoke(6, Mention::Entity(4));
        let who: Vec<Mention> = salient.latest(12).map(|(_, who)| who).collect();
        let expected = [1, 3, 4, 2, 0].map(Mention::Entity);
        assert_eq!(who, expected);
    }
}
