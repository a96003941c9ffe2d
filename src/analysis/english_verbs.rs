//! English reporting verbs with their inflected forms, as the quote rules read them:
//! English writes one verb four ways (`says`, `said`, `saying`, `say`), and a news
//! report uses all of them (`Officials say …`, `…, she said`, `…, saying that …`).
//!
//! Each verb is listed once with its forms, not form by form, so that no tense of a
//! verb is known while another is missing. Base forms that are as often nouns (`a
//! report`, `the claim`, `a note`) are left out of the forms that introduce a report,
//! where `The report says` would otherwise read `report` as the verb.

/// A reporting verb: base form, third person, past, present participle, and whether
/// the base form is also a common noun.
struct Verb {
    base: &'static str,
    third: &'static str,
    past: &'static str,
    ing: &'static str,
    noun_too: bool,
}

const fn verb(base: &'static str, third: &'static str, past: &'static str, ing: &'static str) -> Verb {
    Verb { base, third, past, ing, noun_too: false }
}

const fn noun_verb(base: &'static str, third: &'static str, past: &'static str, ing: &'static str) -> Verb {
    Verb { base, third, past, ing, noun_too: true }
}

/// Verbs that report speech or writing, after the quote (`,” she added`) or before
/// the content (`He argued that …`); not verbs of belief (`believes`, `thinks`) or of
/// reasoning (`concluded that`, what a review or a study finds), which report no words.
const VERBS: &[Verb] = &[
    verb("say", "says", "said", "saying"),
    verb("tell", "tells", "told", "telling"),
    verb("add", "adds", "added", "adding"),
    verb("explain", "explains", "explained", "explaining"),
    verb("ask", "asks", "asked", "asking"),
    verb("write", "writes", "wrote", "writing"),
    verb("warn", "warns", "warned", "warning"),
    verb("insist", "insists", "insisted", "insisting"),
    verb("recall", "recalls", "recalled", "recalling"),
    noun_verb("note", "notes", "noted", "noting"),
    noun_verb("reply", "replies", "replied", "replying"),
    verb("argue", "argues", "argued", "arguing"),
    verb("admit", "admits", "admitted", "admitting"),
    verb("declare", "declares", "declared", "declaring"),
    noun_verb("state", "states", "stated", "stating"),
    noun_verb("claim", "claims", "claimed", "claiming"),
    noun_verb("shout", "shouts", "shouted", "shouting"),
    noun_verb("demand", "demands", "demanded", "demanding"),
    verb("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    verb("announce", "announces", "announced", "announcing"),
    verb("observe", "observes", "observed", "observing"),
    noun_verb("remark", "remarks", "remarked", "remarking"),
    verb("complain", "complains", "complained", "complaining"),
    verb("concede", "concedes", "conceded", "conceding"),
    verb("predict", "predicts", "predicted", "predicting"),
    verb("suggest", "suggests", "suggested", "suggesting"),
    noun_verb("tweet", "tweets", "tweeted", "tweeting"),
    noun_verb("joke", "jokes", "joked", "joking"),
    noun_verb("stress", "stresses", "stressed", "stressing"),
    verb("emphasize", "emphasizes", "emphasized", "emphasizing"),
    verb("emphasise", "emphasises", "emphasised", "emphasising"),
    verb("contend", "contends", "contended", "contending"),
    verb("maintain", "maintains", "maintained", "maintaining"),
    verb("assert", "asserts", "asserted", "asserting"),
    noun_verb("report", "reports", "reported", "reporting"),
    verb("confirm", "confirms", "confirmed", "confirming"),
    noun_verb("promise", "promises", "promised", "promising"),
    noun_verb("vow", "vows", "vowed", "vowing"),
    noun_verb("pledge", "pledges", "pledged", "pledging"),
    verb("reveal", "reveals", "revealed", "revealing"),
    verb("allege", "alleges", "alleged", "alleging"),
    noun_verb("charge", "charges", "charged", "charging"),
    verb("continue", "continues", "continued", "continuing"),
    verb("testify", "testifies", "testified", "testifying"),
    verb("recount", "recounts", "recounted", "recounting"),
    verb("urge", "urges", "urged", "urging"),
    verb("mention", "mentions", "mentioned", "mentioning"),
    verb("describe", "describes", "described", "describing"),
    noun_verb("threaten", "threatens", "threatened", "threatening"),
    verb("deny", "denies", "denied", "denying"),
    verb("reiterate", "reiterates", "reiterated", "reiterating"),
    noun_verb("caution", "cautions", "cautioned", "cautioning"),
    noun_verb("boast", "boasts", "boasted", "boasting"),
    verb("lament", "laments", "lamented", "lamenting"),
    noun_verb("counter", "counters", "countered", "countering"),
    verb("respond", "responds", "responded", "responding"),
    noun_verb("retort", "retorts", "retorted", "retorting"),
    verb("disclose", "discloses", "disclosed", "disclosing"),
    verb("recommend", "recommends", "recommended", "recommending"),
];

/// Verbs whose report may be an infinitive (`vowed to repeal the law`, `is promising
/// to cut fares`): for them `to` opens the content, where after `said` it opens no
/// report (`said to be ill`).
const INFINITIVE_VERBS: &[&str] = &["promise", "pledge", "vow", "threaten"];

/// Verbs that report only with their particle (`called for new elections`, `called on
/// the board to resign`, `pointed out that …`), base form and particles.
const PHRASAL_VERBS: &[(&str, &[&str])] = &[("call", &["for", "on"]), ("point", &["out"])];

/// Every form of every verb: the cues that may follow a quote (`,” she added`).
pub fn after_forms() -> impl Iterator<Item = &'static str> {
    VERBS.iter().flat_map(|v| [v.base, v.third, v.past, v.ing])
}

/// The forms that may introduce a report (`She added that …`); a base form that is
/// also a noun is left out.
pub fn before_forms() -> impl Iterator<Item = &'static str> {
    VERBS.iter().flat_map(|v| [(!v.noun_too).then_some(v.base), Some(v.third), Some(v.past), Some(v.ing)]).flatten()
}

/// Is `low` a third-person, past or participle form of a reporting verb (`says`,
/// `told`, `arguing`)? These are English only; a base form may be a noun or another
/// language's word.
pub fn is_inflected(low: &str) -> bool {
    VERBS.iter().any(|v| v.third == low || v.past == low || v.ing == low)
}

/// Is `low` the base form of a reporting verb (`say`, `argue`, `suggest`), as written
/// after a modal or `to` (`would argue`, `appeared to suggest`)?
pub fn is_base(low: &str) -> bool {
    VERBS.iter().any(|v| v.base == low)
}

/// Is `low` an English verb form that heads no noun phrase: a reporting verb's
/// inflected form that is not also a noun (`told`, `argues`, but not `reports`), or
/// a regular past (`deteriorated`, `refused`; not `need` or `speed`)?
pub fn is_verb_form(low: &str) -> bool {
    let past = low.chars().count() > 4 && low.ends_with("ed") && !low.ends_with("eed");
    past || (is_inflected(low) && !may_be_noun(low))
}

/// Is `low` a form that may as well be a noun (`demands`, `notes`, `claims`)?
pub fn may_be_noun(low: &str) -> bool {
    VERBS.iter().any(|v| v.noun_too && (v.base == low || v.third == low))
}

/// Verbs that name what someone or something is (`called the plan “a disgrace”`, `dubbed
/// him “the fixer”`): they report only a quoted name.
const NAMING_VERBS: &[&str] = &["call", "dub", "brand", "label"];

/// Is `low` a form of a naming verb (`called`, `dubs`, `branding`, `labelled`)?
pub fn is_naming(low: &str) -> bool {
    NAMING_VERBS.iter().any(|base| {
        inflects(base, low)
            || low.strip_prefix(base).is_some_and(|rest| matches!(rest, "bed" | "bing" | "led" | "ling"))
    })
}

/// Does the reporting verb form `low` take an infinitive as its report (`vowed to …`)?
pub fn takes_infinitive(low: &str) -> bool {
    VERBS.iter().filter(|v| INFINITIVE_VERBS.contains(&v.base)).any(|v| [v.base, v.third, v.past, v.ing].contains(&low))
}

/// Is `low` followed by `next` a phrasal verb of reporting (`called for`, `calls on`,
/// `pointing out`)? Its report follows the particle.
pub fn is_phrasal(low: &str, next: &str) -> bool {
    PHRASAL_VERBS.iter().any(|(base, particles)| particles.contains(&next) && inflects(base, low))
}

/// Is `low` a form of the regular verb `base` (`call`: `calls`, `called`, `calling`)?
fn inflects(base: &str, low: &str) -> bool {
    low.strip_prefix(base).is_some_and(|rest| matches!(rest, "" | "s" | "ed" | "ing"))
}

/// Common irregular past forms of English verbs other than reporting ones (`spent`,
/// `met`, `took`), which no `-ed` gives away.
const IRREGULAR_PASTS: &[&str] = &[
    "spent", "met", "took", "gave", "made", "went", "came", "held", "left", "began", "sent", "won", "lost", "brought",
    "kept", "got", "ran", "saw", "became", "found", "led", "paid", "sought", "fought", "struck", "chose", "drew",
    "flew", "built", "bought", "stood", "sat", "fell", "rose", "broke", "hit", "cut", "shut", "threw", "spoke",
];

/// Is `low` a common irregular past form (`spent`, `met`), not a reporting verb's?
pub fn is_irregular_past(low: &str) -> bool {
    IRREGULAR_PASTS.contains(&low)
}

/// Is `low` the present participle of a reporting verb (`saying`, `warning`)?
pub fn is_participle(low: &str) -> bool {
    VERBS.iter().any(|v| v.ing == low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tense_of_a_verb_is_a_cue_and_noun_bases_do_not_introduce_reports() {
        let after: Vec<&str> = after_forms().collect();
        let before: Vec<&str> = before_forms().collect();
        for form in ["say", "says", "said", "saying", "argues", "noted", "reports"] {
            assert!(after.contains(&form) && before.contains(&form), "{form}");
        }
        assert!(after.contains(&"report") && !before.contains(&"report"));
        assert!(before.contains(&"insists") && !before.contains(&"claim"));
        // Belief is not speech: `she believes the plan works` reports no words.
        assert!(!before.contains(&"believes") && !after.contains(&"believed"));
        assert!(takes_infinitive("vowed") && takes_infinitive("promising") && !takes_infinitive("said"));
        assert!(is_phrasal("called", "for") && is_phrasal("calls", "on") && is_phrasal("pointing", "out"));
        assert!(is_naming("called") && is_naming("dubbed") && is_naming("labelled") && !is_naming("recalled"));
        assert!(!is_phrasal("called", "the") && !is_phrasal("recalled", "for"));
        assert!(is_base("argue") && is_base("say") && !is_base("argued") && !is_base("kata"));
        assert!(is_inflected("told") && is_inflected("argues") && !is_inflected("say") && !is_inflected("kata"));
        assert!(may_be_noun("demands") && may_be_noun("note") && !may_be_noun("noted") && !may_be_noun("says"));
        assert!(is_verb_form("told") && is_verb_form("resigned") && is_verb_form("argues"));
        assert!(!is_verb_form("reports") && !is_verb_form("need") && !is_verb_form("spokesman"));
    }
}
