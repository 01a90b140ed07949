//! The hash maps of the token pipeline, the store and the exporters. Their keys come from
//! outside (token paths and names in a file from elsewhere, entries a teammate pushed), so
//! they hash with foldhash seeded at random per process: about as fast as `FxHash` on short
//! strings, where an unkeyed hash such as `FxHash` lets a file of keys chosen to collide
//! turn every lookup into a scan (quadratic work from one input file).

/// A map hashed with a per-process random seed.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A set hashed with a per-process random seed.
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// An empty [`HashMap`] with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default())
}

/// An empty [`HashSet`] with room for `n` keys.
pub fn set_with_capacity<K>(n: usize) -> HashSet<K> {
    HashSet::with_capacity_and_hasher(n, foldhash::fast::RandomState::default())
}
