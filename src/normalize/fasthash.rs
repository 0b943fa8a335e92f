//! A fast, non-cryptographic hasher (the Fx hash of rustc) for the word
//! tables normalization looks up once per word. Only lookups use it: no
//! output order depends on it.

use std::hash::{BuildHasherDefault, Hasher};

/// Fx: one multiply and rotate a word; good for short keys we control.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s for `HashMap` and `HashSet`.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with the Fx hash.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` with the Fx hash.
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_string_keys() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in ["a", "taiwan", "south china sea", "longer than eight bytes"]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("taiwan"), Some(&1));
        assert_eq!(m.get("longer than eight bytes"), Some(&3));
        assert_eq!(m.get("taiwa"), None);
    }
}
