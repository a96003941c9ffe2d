//! Serde for a list shared copy-on-write (`Arc<Vec<T>>`): written and read
//! as a plain JSON array, so the file format does not see the sharing.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<T: Serialize, S: Serializer>(list: &Arc<Vec<T>>, serializer: S) -> Result<S::Ok, S::Error> {
    list.as_slice().serialize(serializer)
}

pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<Vec<T>>, D::Error> {
    Vec::deserialize(deserializer).map(Arc::new)
}
