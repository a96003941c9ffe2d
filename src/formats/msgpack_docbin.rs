//! The msgpack messages of a spaCy DocBin, field for field as spaCy 3.8's
//! `DocBin.to_bytes`, `SpanGroups.to_bytes` and `SpanGroup.to_bytes` write
//! them (maps in that key order, `bytes` as msgpack bin, strings as str).

use std::collections::{BTreeMap, HashMap};

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_bytes::ByteBuf;

/// spaCy attribute ids (`spacy.attrs.IDS`).
pub(crate) const ORTH: u64 = 65;
pub(crate) const ENT_IOB: u64 = 77;
pub(crate) const ENT_TYPE: u64 = 78;

/// `Token.iob_strings()`: `""`, `I`, `O`, `B`.
pub(crate) const IOB_I: u64 = 1;
pub(crate) const IOB_O: u64 = 2;
pub(crate) const IOB_B: u64 = 3;

/// The DocBin message as written.
#[derive(Serialize)]
pub(crate) struct DocBinOut {
    pub version: &'static str,
    pub attrs: Vec<u64>,
    /// uint64 little-endian, one row of `attrs` per token.
    pub tokens: ByteBuf,
    /// One bool byte per token: followed by a space.
    pub spaces: ByteBuf,
    /// int32 little-endian, tokens per document.
    pub lengths: ByteBuf,
    pub strings: Vec<String>,
    pub cats: Vec<BTreeMap<String, f64>>,
    pub flags: Vec<Flags>,
    pub span_groups: Vec<ByteBuf>,
}

#[derive(Serialize, Deserialize, Default)]
pub(crate) struct Flags {
    #[serde(default)]
    pub has_unknown_spaces: bool,
}

/// The DocBin message as read: what Sorot needs of it.
#[derive(Deserialize)]
pub(crate) struct DocBinIn {
    pub attrs: Vec<u64>,
    pub tokens: ByteBuf,
    pub spaces: ByteBuf,
    pub lengths: ByteBuf,
    pub strings: Vec<String>,
    #[serde(default)]
    pub span_groups: Vec<ByteBuf>,
}

/// One span group: `{"name", "attrs", "spans": [40-byte records]}`.
#[derive(Serialize, Deserialize)]
pub(crate) struct SpanGroupMsg {
    pub name: String,
    #[serde(default, skip_deserializing)]
    pub attrs: HashMap<String, String>,
    pub spans: Vec<ByteBuf>,
}

/// A span inside a group: 40 bytes, as `struct.pack(">QQQllll", …)` lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SpanRecord {
    pub id: u64,
    pub kb_id: u64,
    pub label: u64,
    pub start: i32,
    pub end: i32,
    pub start_char: i32,
    pub end_char: i32,
}

const SPAN_RECORD_LEN: usize = 40;

impl SpanRecord {
    pub fn to_bytes(self) -> ByteBuf {
        let mut out = Vec::with_capacity(SPAN_RECORD_LEN);
        for n in [self.id, self.kb_id, self.label] {
            out.extend(n.to_be_bytes());
        }
        for n in [self.start, self.end, self.start_char, self.end_char] {
            out.extend(n.to_be_bytes());
        }
        ByteBuf::from(out)
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<SpanRecord> {
        if bytes.len() != SPAN_RECORD_LEN {
            return None;
        }
        let u = |i: usize| Some(u64::from_be_bytes(bytes.get(i..i + 8)?.try_into().ok()?));
        let s = |i: usize| Some(i32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
        Some(SpanRecord {
            id: u(0)?,
            kb_id: u(8)?,
            label: u(16)?,
            start: s(24)?,
            end: s(28)?,
            start_char: s(32)?,
            end_char: s(36)?,
        })
    }
}

/// `SpanGroups.to_bytes`: `[]` when empty, else `{group bytes: [key, …]}` in
/// insertion order.
pub(crate) struct SpanGroupsOut(pub Vec<(ByteBuf, String)>);

impl Serialize for SpanGroupsOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_empty() {
            return serializer.collect_seq(std::iter::empty::<u8>());
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (group, key) in &self.0 {
            map.serialize_entry(group, &[key])?;
        }
        map.end()
    }
}

/// `SpanGroups.from_bytes` accepts both layouts spaCy has written.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum SpanGroupsIn {
    Keyed(BTreeMap<ByteBuf, Vec<String>>),
    List(Vec<ByteBuf>),
}
