//! A vector of offsets or indices into a document, stored in 32 bits while they fit
//! and widened only if one does not: every article Sorot opens fits (the store caps
//! an article at 32 MiB), and half the width halves the memory of the per-token
//! tables of a long text.

/// Unsigned values, as `u32` until a value needs more.
pub enum Indices {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Indices {
    pub fn with_capacity(count: usize) -> Indices {
        Indices::Narrow(Vec::with_capacity(count))
    }

    pub fn len(&self) -> usize {
        match self {
            Indices::Narrow(v) => v.len(),
            Indices::Wide(v) => v.len(),
        }
    }

    /// Value `i`, `None` past the end.
    pub fn get(&self, i: usize) -> Option<usize> {
        match self {
            Indices::Narrow(v) => v.get(i).map(|&x| x as usize),
            Indices::Wide(v) => v.get(i).copied(),
        }
    }

    /// Appends `value`, widening every value first if it does not fit in 32 bits.
    pub fn push(&mut self, value: usize) {
        match self {
            Indices::Narrow(v) => match u32::try_from(value) {
                Ok(narrow) => v.push(narrow),
                Err(_) => {
                    let mut wide: Vec<usize> = v.iter().map(|&x| x as usize).collect();
                    wide.push(value);
                    *self = Indices::Wide(wide);
                }
            },
            Indices::Wide(v) => v.push(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_a_large_one_widens_the_rest() {
        let mut indices = Indices::with_capacity(3);
        indices.push(7);
        indices.push(u32::MAX as usize);
        assert!(matches!(indices, Indices::Narrow(_)));
        indices.push(u32::MAX as usize + 5);
        assert!(matches!(indices, Indices::Wide(_)));
        let got: Vec<Option<usize>> = (0..4).map(|i| indices.get(i)).collect();
        assert_eq!(got, [Some(7), Some(u32::MAX as usize), Some(u32::MAX as usize + 5), None]);
        assert_eq!(indices.len(), 3);
    }
}
