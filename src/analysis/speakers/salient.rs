//! The salient people of a document in text order, for pronoun resolution: the
//! people named as subjects or introduced as speakers, then the speakers of quotes
//! as they are resolved. Two sorted vectors rather than one ordered map: on a long
//! text dense with quotes the map's nodes were the speaker pass's largest table.

use super::names::Mention;

/// People by the char offset where their mention or quote ends.
pub struct Salient {
    /// Salient entity mentions, ascending by end, ties in entity order.
    named: Vec<(usize, Mention)>,
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
        Salient { named, spoken: Vec::new(), direct: Vec::new() }
    }

    /// Records a salient mention of `who` ending at `end` found while reading (a
    /// pronoun subject standing for them).
    pub fn mentioned(&mut self, end: usize, who: Mention) {
        let at = self.named.partition_point(|&(e, _)| e <= end);
        self.named.insert(at, (end, who));
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
        let named = self.named.get(..self.named.partition_point(|&(e, _)| e <= pos)).unwrap_or(&[]);
        let spoken = self.spoken.get(..self.spoken.partition_point(|&(e, _)| e <= pos)).unwrap_or(&[]);
        Latest { named, spoken }
    }
}

/// Iterator of [`Salient::latest`]: the two vectors merged from their ends.
pub struct Latest<'s> {
    named: &'s [(usize, Mention)],
    spoken: &'s [(usize, Mention)],
}

impl Iterator for Latest<'_> {
    type Item = (usize, Mention);

    fn next(&mut self) -> Option<(usize, Mention)> {
        let take_spoken = match (self.named.last(), self.spoken.last()) {
            (None, None) => return None,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b.0 >= a.0,
        };
        let side = if take_spoken { &mut self.spoken } else { &mut self.named };
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
}
