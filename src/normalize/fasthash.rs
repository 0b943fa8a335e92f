//! The fast, non-cryptographic hash (rustc's Fx, from the `rustc-hash`
//! crate) for the word tables normalization looks up once per word. Only
//! lookups use it: no output order depends on it.

pub use rustc_hash::{FxBuildHasher as FxBuild, FxHashMap, FxHashSet};

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
        let s: FxHashSet<&str> = ["x"].into_iter().collect();
        assert!(s.contains("x"));
    }
}
