//! Closed-class words that the quote and speaker rules both read, each concept
//! listed once: personal pronouns that can speak, pronouns that stand for a thing,
//! the adverbs standing between a subject and its verb, the connectives at a
//! clause's edge, the quantifiers opening a noun phrase, and the lower-case links
//! inside a role phrase.

/// Personal pronouns that can be a speaker (`kata dia`, `Ia mengatakan`, `he said`).
pub const PRONOUNS: &[&str] = &["ia", "dia", "beliau", "he", "she"];

/// Pronouns that stand for a thing or a statement, not a person (`It said`, `This
/// shows`, `Itu menunjukkan`): written as a speech verb's subject they name no speaker
/// of their own.
pub const IMPERSONAL_PRONOUNS: &[&str] = &["it", "this", "that", "these", "those", "there", "itu", "ini", "tersebut"];

/// Connectives and sentence adverbs that open a clause or close off its subject
/// (`However, …`, `Meanwhile …`, `Namun …`, `Sementara itu …`): never part of the
/// subject they stand next to. The adverbs between a subject and its verb are
/// [`SUBJECT_VERB_GAP`] and [`SPEECH_SUBJECT_GAP`].
pub const CLAUSE_CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "yet",
    "so",
    "though",
    "although",
    "instead",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "indeed",
    "namun",
    "tetapi",
    "tapi",
    "sedangkan",
    "sementara",
    "selain",
    "adapun",
    "selanjutnya",
    "sebelumnya",
    "kini",
    "dan",
];

/// English conjunctions that open a subordinate clause (`When Roe’s bill passed`,
/// `called the hearing because …`): a capitalised one at a sentence start is no word
/// of a name, and one after an object ends the object.
pub const SUBORDINATORS: &[&str] = &[
    "when", "while", "if", "because", "since", "after", "before", "as", "once", "until", "unless", "whether", "where",
    "though", "although",
];

/// English nouns of a role or office that head a phrase after the organisation they
/// serve (`the Green Party nominee`, `a Northwind Bank spokeswoman`): the phrase
/// names a person of the organisation, not the organisation.
pub const ROLE_HEADS: &[&str] = &[
    "nominee",
    "candidate",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "official",
    "director",
    "executive",
    "chief",
    "head",
    "leader",
    "secretary",
    "minister",
    "lawyer",
    "attorney",
    "adviser",
    "advisor",
    "aide",
    "economist",
    "analyst",
    "strategist",
    "pollster",
    "manager",
    "founder",
    "member",
    "officer",
    "president",
    "commissioner",
    "spokespeople",
    "officials",
    "lawyers",
    "attorneys",
    "aides",
    "members",
    "leaders",
];

/// Words opening an aside of examples after a group (`Critics, including two
/// unions, said`, `Beberapa bank, termasuk Bank X, menilai`): the aside names members,
/// the group before it is the phrase's head.
pub const EXAMPLE_MARKERS: &[&str] = &["including", "termasuk"];

/// Words that quantify a noun phrase as an article does (`para pejabat`, `sejumlah
/// warga`, `beberapa saksi`, `seorang petugas`): Indonesian has no article, so these
/// open its noun phrases (the English determiners are in `quotes::unnamed`).
pub const QUANTIFIERS: &[&str] =
    &["para", "sejumlah", "beberapa", "banyak", "sebagian", "seorang", "sebuah", "semua", "seluruh", "kedua"];

/// English auxiliaries and modals between a subject and its verb that
/// [`SPEECH_SUBJECT_GAP`] leaves out (`The board would not say`; the perfect `have`,
/// as `has` and `had`, is in it: `Police have said`, `who have argued`).
pub const AUXILIARIES: &[&str] =
    &["will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "not", "been"];

/// Is the word an adverb, auxiliary or connective that may stand at a subject's edge
/// (`recently`, `however`, `juga`, `namun`, `has`), not in the subject itself?
pub fn is_subject_edge(low: &str) -> bool {
    CLAUSE_CONNECTIVES.contains(&low)
        || SPEECH_SUBJECT_GAP.contains(&low)
        || SUBJECT_VERB_GAP.contains(&low)
        || AUXILIARIES.contains(&low)
}

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
    "have",
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
