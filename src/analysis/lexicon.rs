//! Word lists embedded in the binary: common words, given names, titles, speech verbs,
//! stop words. All keys are lower case.

use super::dates::{MONTH_NAMES, WEEKDAYS};
use super::english_verbs;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A set of lower-case words, hashed with a fast non-cryptographic hasher: the
/// tagger looks every token up in several of them, and SipHash cost ~10 % of a run.
pub type WordSet = FxHashSet<String>;

macro_rules! asset {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/gazetteers/", $name))
    };
}

pub(crate) const MANUAL: &str = asset!("manual.tsv");
pub(crate) const ENGLISH_PLACES: &str = asset!("english_places.txt");
pub(crate) const TRAIN_ENTITIES: &str = asset!("train_entities.tsv");
pub(crate) const WILAYAH: &str = asset!("wilayah.txt");
pub(crate) const DBPEDIA_PERSON: &str = asset!("dbpedia_person.txt");
pub(crate) const DBPEDIA_PLACE: &str = asset!("dbpedia_place.txt");
pub(crate) const DBPEDIA_ORG: &str = asset!("dbpedia_organization.txt");
const COMMON_ID: &str = asset!("common_words_id.txt");
const FIRST_NAMES: &str = asset!("first_names.txt");
const TITLES: &str = asset!("titles.txt");
const TITLE_ABBREVIATIONS: &str = asset!("spacy_id_title_abbreviations.txt");
const CUES: &str = asset!("cue_verbs.txt");
const STOP_CAPS: &str = asset!("stop_caps.txt");

/// Words that open an organisation's name (`Partai Demokrat`) or close it (`… Association`).
const ORG_WORDS: &[&str] = &[
    "partai",
    "universitas",
    "kementerian",
    "kementerian",
    "dinas",
    "badan",
    "komisi",
    "dewan",
    "bank",
    "pt",
    "cv",
    "yayasan",
    "lembaga",
    "institut",
    "sekolah",
    "sma",
    "smp",
    "sd",
    "smk",
    "polres",
    "polda",
    "polsek",
    "polresta",
    "pengadilan",
    "kejaksaan",
    "kejari",
    "kejati",
    "majelis",
    "mahkamah",
    "persatuan",
    "ikatan",
    "asosiasi",
    "federasi",
    "liga",
    "klub",
    "perusahaan",
    "koperasi",
    "rumah",
    "rs",
    "rsud",
    "pemerintah",
    "pemkot",
    "pemkab",
    "pemprov",
    "fraksi",
    "direktorat",
    "kantor",
    "biro",
    "tim",
    "satgas",
    "gerakan",
    "front",
    "serikat",
    "himpunan",
    "forum",
    "kongres",
    "perum",
    "bumn",
    "stikes",
    "politeknik",
    "akademi",
    "council",
    "university",
    "association",
    "department",
    "ministry",
    "party",
    "company",
    "institute",
    "committee",
    "commission",
    "agency",
    "corporation",
    "inc",
    "ltd",
    "corp",
    "group",
    "fc",
    "club",
    "bank",
    "college",
    "school",
    "foundation",
    "union",
    "society",
    "authority",
    "board",
    "office",
    "service",
    "news",
    "times",
    "post",
    "network",
];

/// Words that open a place name (`Pulau Bali`) or close it (`Gunwharf Quay`).
const LOC_WORDS: &[&str] = &[
    "jalan",
    "jl",
    "kota",
    "kabupaten",
    "provinsi",
    "kecamatan",
    "desa",
    "kelurahan",
    "pulau",
    "kepulauan",
    "gunung",
    "sungai",
    "danau",
    "teluk",
    "selat",
    "laut",
    "samudra",
    "semenanjung",
    "kampung",
    "dusun",
    "bandara",
    "pelabuhan",
    "stasiun",
    "terminal",
    "tanjung",
    "lembah",
    "pantai",
    "taman",
    "lake",
    "mount",
    "river",
    "street",
    "road",
    "avenue",
    "quay",
    "square",
    "island",
    "islands",
    "bay",
    "park",
    "valley",
    "bridge",
    "hall",
    "county",
    "city",
    "town",
    "village",
    "lane",
    "harbour",
    "harbor",
    "airport",
    "station",
];

/// Lower-case word sets used by the rules.
pub struct Lexicon {
    pub common: WordSet,
    pub first_names: WordSet,
    pub titles: WordSet,
    pub stop: WordSet,
    pub cues_after: WordSet,
    pub cues_before: WordSet,
    pub org_words: WordSet,
    pub loc_words: WordSet,
    pub calendar: WordSet,
}

/// Is `low` a single-word region name (`cilacap`, `maluku`, `yogyakarta`): a place,
/// never part of a person's name?
pub(crate) fn is_region_name(low: &str) -> bool {
    static REGIONS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let regions = REGIONS.get_or_init(|| lines(WILAYAH).filter(|l| !l.contains(' ')).map(str::to_lowercase).collect());
    regions.contains(low)
}

/// Non-comment, non-empty lines of an embedded list.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_set(text: &str) -> WordSet {
    lines(text).flat_map(str::split_whitespace).map(str::to_lowercase).collect()
}

fn const_set(words: &[&str]) -> WordSet {
    words.iter().map(|w| w.to_string()).collect()
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut titles = word_set(TITLES);
        // `Dr.`, `Hj.`, `KH.`: keep the first part of each abbreviation as a title word.
        for abbr in lines(TITLE_ABBREVIATIONS) {
            if let Some(first) = abbr.split('.').next().filter(|f| !f.is_empty()) {
                titles.insert(first.to_lowercase());
            }
        }
        let (mut cues_after, mut cues_before) = (WordSet::default(), WordSet::default());
        let mut section_after = true;
        for line in lines(CUES) {
            match line {
                "[after]" => section_after = true,
                "[before]" => section_after = false,
                w if section_after => {
                    cues_after.insert(w.to_lowercase());
                }
                w => {
                    cues_before.insert(w.to_lowercase());
                }
            }
        }
        cues_after.extend(english_verbs::after_forms().map(str::to_string));
        cues_before.extend(english_verbs::before_forms().map(str::to_string));
        Lexicon {
            common: word_set(COMMON_ID),
            first_names: word_set(FIRST_NAMES),
            titles,
            stop: word_set(STOP_CAPS),
            cues_after,
            cues_before,
            org_words: const_set(ORG_WORDS),
            loc_words: const_set(LOC_WORDS),
            // Weekday and month names: dates, never the start of a name.
            calendar: const_set(&[WEEKDAYS, MONTH_NAMES].concat()),
        }
    }

    /// `katanya` → `kata`, `ujar-nya` → `ujar`: the base of a `-nya` cue, if it is one.
    pub fn nya_cue_base<'a>(&self, lower: &'a str) -> Option<&'a str> {
        let base = lower.strip_suffix("nya")?;
        let base = base.strip_suffix('-').unwrap_or(base);
        self.cues_after.contains(base).then_some(base)
    }

    /// The embedded lists with more speech verbs (a project's own cues, after and
    /// before a quote), lower-cased.
    pub fn with_extra_cues<'a>(
        after: impl IntoIterator<Item = &'a String>,
        before: impl IntoIterator<Item = &'a String>,
    ) -> Lexicon {
        let mut lex = Lexicon::new();
        lex.cues_after.extend(after.into_iter().map(|w| w.to_lowercase()));
        lex.cues_before.extend(before.into_iter().map(|w| w.to_lowercase()));
        lex
    }

    /// A cue that may follow a direct quote: `kata`, `ujarnya`, `said`.
    pub fn is_cue_after(&self, lower: &str) -> bool {
        self.cues_after.contains(lower) || self.nya_cue_base(lower).is_some()
    }

    /// A speech verb of either list: one after a quote or one before a report.
    pub fn is_cue(&self, lower: &str) -> bool {
        self.is_cue_after(lower) || self.cues_before.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_cues_know_nya_forms() {
        let lex = Lexicon::new();
        assert!(lex.titles.contains("presiden") && lex.titles.contains("mayor"));
        assert!(lex.is_cue_after("ujarnya") && lex.is_cue_after("kata") && lex.is_cue_after("said"));
        assert!(!lex.is_cue_after("dilansir"));
        assert!(lex.cues_before.contains("mengatakan"));
        assert!(lex.stop.contains("share") && lex.common.contains("dan"));
    }
}
