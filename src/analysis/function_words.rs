//! Closed-class words that the quote and speaker rules both read, each concept
//! listed once: personal pronouns that can speak, the adverbs standing between a
//! subject and its verb, and the lower-case links inside a role phrase.

/// Personal pronouns that can be a speaker (`kata dia`, `Ia mengatakan`, `he said`).
pub const PRONOUNS: &[&str] = &["ia", "dia", "beliau", "he", "she"];

/// Words standing between a subject and its verb, skipped to find one from the
/// other (`Putin juga mengatakan`, `Budi kemudian menambahkan`, `Carter also said`).
pub const SUBJECT_VERB_GAP: &[&str] = &[
    "juga", "pun", "lalu", "kemudian", "telah", "sudah", "kembali", "pula", "sempat", "bahkan", "tetap", "hanya",
    "masih", "akan", "tidak", "tak", "belum", "justru", "langsung", "segera", "lantas", "pernah", "turut", "also",
];

/// The part of [`SUBJECT_VERB_GAP`] skipped back from a speech verb to its subject
/// when a quote's speaker is looked for, with the English auxiliaries and adverbs
/// (`has said`, `is saying`, `now says`, `has long argued`, `first said`).
pub const SPEECH_SUBJECT_GAP: &[&str] = &[
    "juga",
    "pun",
    "lalu",
    "kemudian",
    "telah",
    "sudah",
    "kembali",
    "lantas",
    "pula",
    "also",
    "then",
    "later",
    "has",
    "had",
    "previously",
    "earlier",
    "now",
    "often",
    "is",
    "are",
    "was",
    "were",
    "repeatedly",
    "long",
    "always",
    "still",
    "again",
    "just",
    "already",
    "recently",
    "publicly",
    "privately",
    "initially",
    "first",
    "frequently",
    "consistently",
    "reportedly",
    "once",
    "further",
    "separately",
    "flatly",
    "openly",
];

/// Lower-case words that may sit inside a role phrase once it has capitals
/// (`Kepala Dinas Pendidikan dan Kebudayaan`, `Head of Research at …`). `at` is read
/// apart where a phrase may also end at it (`said Smith at the airport`).
pub const ROLE_LINKS: &[&str] = &["dan", "dari", "of", "and", "the", "for", "bidang", "bagian", "urusan"];
