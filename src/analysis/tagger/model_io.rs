//! The weight file: a small binary format, little-endian throughout.
//!
//! ```text
//! b"SOROTNER" · version u32 · bits u32 · tags u32 · scale f32
//! transitions: tags start scores, then tags×tags pair scores, f32 each
//! rows u32 · per non-zero row: bucket u32, tags × i16 (score = i16 × scale)
//! domain scores u32 (0, or the classifier's full table) · that many f32
//! feature copies u32 (0 or 1) · conventions u32 · per convention: joins acronyms u32,
//! tags listed places u32
//! ```
//! Only non-zero rows are stored and scores are quantised to 16 bits, so the file
//! stays a few MB although the table it expands to is larger.

use super::domain::{self, DomainModel};
use super::tags::NUM_TAGS;
use super::viterbi::Transitions;
use super::weights::Weights;
use std::fmt;

const MAGIC: &[u8; 8] = b"SOROTNER";
const VERSION: u32 = 3;
/// Largest table the loader accepts (2^24 rows), so a damaged header cannot ask for
/// gigabytes.
const MAX_BITS: u32 = 24;

/// Why a weight file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    NotAModel,
    Version(u32),
    Shape { bits: u32, tags: u32 },
    Truncated,
    BucketOutOfRange(u32),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a Sorot tagger model (bad magic bytes)"),
            ModelError::Version(v) => write!(f, "tagger model version {v}, expected {VERSION}"),
            ModelError::Shape { bits, tags } => {
                write!(f, "tagger model has 2^{bits} rows of {tags} tags, expected at most 2^{MAX_BITS} of {NUM_TAGS}")
            }
            ModelError::Truncated => write!(f, "tagger model file is truncated"),
            ModelError::BucketOutOfRange(b) => write!(f, "tagger model row {b} is outside its table"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Serialises `w`; rows whose quantised scores are all zero are left out.
pub fn to_bytes(w: &Weights) -> Vec<u8> {
    let max = w.rows.iter().fold(0.0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for v in [VERSION, w.bits, NUM_TAGS as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&scale.to_le_bytes());
    let trans = w.transitions.start.iter().chain(w.transitions.pair.iter().flatten());
    for v in trans {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut body = Vec::new();
    let mut count: u32 = 0;
    for (b, row) in w.rows.chunks_exact(NUM_TAGS).enumerate() {
        let q: Vec<i16> = row.iter().map(|&x| quantise(x, scale)).collect();
        if q.iter().all(|&x| x == 0) {
            continue;
        }
        body.extend_from_slice(&u32::try_from(b).unwrap_or(u32::MAX).to_le_bytes());
        for x in q {
            body.extend_from_slice(&x.to_le_bytes());
        }
        count += 1;
    }
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&u32::try_from(w.domain.rows.len()).unwrap_or(0).to_le_bytes());
    for v in &w.domain.rows {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let (joins, places) = (&w.domain.joins_acronyms, &w.domain.tags_listed_places);
    let flags = [u32::from(w.domain.feature_copies), u32::try_from(joins.len()).unwrap_or(0)];
    let per_convention =
        (0..joins.len()).flat_map(|d| [joins.get(d), places.get(d)].map(|x| u32::from(x.copied().unwrap_or(false))));
    for v in flags.into_iter().chain(per_convention) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

fn quantise(x: f32, scale: f32) -> i16 {
    let q = (x / scale).round();
    q.clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

/// Reads a weight file written by [`to_bytes`].
pub fn from_bytes(bytes: &[u8]) -> Result<Weights, ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(ModelError::NotAModel);
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(ModelError::Version(version));
    }
    let (bits, tags) = (r.u32()?, r.u32()?);
    if bits == 0 || bits > MAX_BITS || tags as usize != NUM_TAGS {
        return Err(ModelError::Shape { bits, tags });
    }
    let scale = r.f32()?;
    let mut transitions = Transitions::default();
    for slot in transitions.start.iter_mut().chain(transitions.pair.iter_mut().flatten()) {
        *slot = r.f32()?;
    }
    let mut w = Weights::zeros(bits);
    w.transitions = transitions;
    let count = r.u32()?;
    for _ in 0..count {
        let b = r.u32()?;
        let at = b as usize * NUM_TAGS;
        let row = w.rows.get_mut(at..at + NUM_TAGS).ok_or(ModelError::BucketOutOfRange(b))?;
        for slot in row {
            *slot = f32::from(r.i16()?) * scale;
        }
    }
    w.domain = read_domain(&mut r)?;
    Ok(w)
}

/// The convention classifier: none, or its whole table.
fn read_domain(r: &mut Reader) -> Result<DomainModel, ModelError> {
    let n = r.u32()? as usize;
    if n != 0 && n != (1usize << domain::BITS) * domain::NUM_DOMAINS {
        return Err(ModelError::Truncated);
    }
    let rows = (0..n).map(|_| r.f32()).collect::<Result<Vec<f32>, _>>()?;
    let feature_copies = r.u32()? != 0;
    let conventions = r.u32()? as usize;
    if conventions > domain::NUM_DOMAINS {
        return Err(ModelError::Truncated);
    }
    let (mut joins_acronyms, mut tags_listed_places) = (Vec::new(), Vec::new());
    for _ in 0..conventions {
        joins_acronyms.push(r.u32()? != 0);
        tags_listed_places.push(r.u32()? != 0);
    }
    Ok(DomainModel { rows, feature_copies, joins_acronyms, tags_listed_places })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let s = self.bytes.get(self.at..self.at + n).ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError::Truncated)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        self.array().map(f32::from_le_bytes)
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        self.array().map(i16::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut w = Weights::zeros(4);
        w.rows[3] = 1.5;
        w.rows[NUM_TAGS * 9 + 2] = -0.25;
        w.transitions.start[1] = 0.5;
        w.transitions.pair[2][0] = -2.0;
        w.domain.rows = vec![0.0; (1 << domain::BITS) * domain::NUM_DOMAINS];
        w.domain.rows[5] = 0.75;
        w.domain.joins_acronyms = vec![true, false];
        w.domain.tags_listed_places = vec![false, true];
        w
    }

    #[test]
    fn round_trip_keeps_weights_within_quantisation() {
        let w = sample();
        let bytes = to_bytes(&w);
        let back = from_bytes(&bytes).expect("reads back");
        assert_eq!(back.bits, w.bits);
        assert_eq!(back.transitions, w.transitions);
        assert_eq!(back.domain, w.domain);
        let step = 1.5 / f32::from(i16::MAX);
        assert!(w.rows.iter().zip(&back.rows).all(|(a, b)| (a - b).abs() <= step));
        // Saving what was loaded gives the same bytes.
        assert_eq!(to_bytes(&back), bytes);
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = to_bytes(&sample());
        assert_eq!(from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Truncated));
        assert_eq!(from_bytes(b"not a model at all"), Err(ModelError::NotAModel));
        let mut wrong = bytes.clone();
        wrong[8] = 9;
        assert_eq!(from_bytes(&wrong), Err(ModelError::Version(9)));
    }
}
