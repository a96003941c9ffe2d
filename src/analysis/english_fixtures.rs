//! Fixtures for the constructions of English news reporting, one test per
//! construction, each with curly and straight marks, an emoji and CRLF line breaks
//! somewhere in its texts (markup as in [`quote_fixtures`](super::quote_fixtures):
//! `[[…]]` direct, `((…))` indirect content, `{{…}}` cue, `<<…>>` speaker).
//! Every sentence is written for these tests.

use super::quote_fixtures::{check, check_tagged};
use super::{Analyzer, Label, QuoteKind};

/// The quotations of `text` as (kind, text) pairs.
fn quotes(text: &str) -> Vec<(QuoteKind, String)> {
    let s = Analyzer::new().analyze(text);
    s.quotes.iter().map(|q| (q.kind, text.chars().skip(q.start).take(q.end - q.start).collect())).collect()
}

#[test]
fn two_apostrophes_are_a_double_quote_mark() {
    check(
        "Ferries stopped on Monday.\r\n\r\n[[''The ferry will run again by May 😀,'']] {{said}} <<Harriet Voss>>, the harbour master. \
         [[''Nobody should worry.'']]\r\n",
    );
    check("[[“Fares stay as they are,”]] <<Harriet Voss>> {{said}}. [[''We promised that in March.'']]");
    // An apostrophe ending a word pairs with nothing.
    assert!(quotes("The drivers' union and the riders' club met on Friday.").is_empty());
}

#[test]
fn every_tense_of_a_reporting_verb_is_a_cue() {
    check("<<Officials>> {{say}} ((the tunnel will reopen before the holidays 😀)).\r\n");
    check("Harbour master <<Harriet Voss>> {{argues}} that ((the ferry fares are far too high)).");
    check("<<The transport ministry>> is {{saying}} that ((commuters will wait longer this winter)).");
    check("((The council has not answered her letters since June)), <<Harriet Voss>> {{added}}.\r\n");
    check("[[\"We will keep the night buses,\"]] <<Harriet Voss>> {{insists}}.");
}

#[test]
fn a_long_subject_phrase_between_the_quote_and_its_verb() {
    check("[[“We will not cut the bus routes 🚌,”]] city transport lawyer <<Whitfield>> {{said}}.\r\n");
    check("[[\"The count was fair,\"]] Sen. <<Whitfield>> (D-Ore.) {{said}}.");
    check(
        "[[“Turnout was the highest in decades,”]] <<Whitfield>>, a pollster at the Civic Survey Institute, \
         one of the firm's founders, {{told}} reporters.",
    );
    check("[[\"Why would we wait another year?\"]] <<a voice>> in the video {{asks}}.");
}

#[test]
fn a_quoted_title_inside_a_sentence_is_no_cued_quote() {
    let got = quotes("In a column for “Harbour Weekly,” Mayor Helen Carter said the ferry would run again 😀.\r\n");
    assert!(got.iter().all(|(_, q)| !q.contains("Harbour Weekly")), "{got:?}");
    check("In a column for “Harbour Weekly,” Mayor <<Helen Carter>> {{said}} ((the ferry would run again)).");
}

#[test]
fn the_most_recent_name_is_not_the_speaker_in_english_appositions() {
    check_tagged(
        "[[“We will appeal the ruling 😀,”]] <<Whitfield>>, a lawyer for Senator Tom Briggs, {{said}}.\r\n",
        &[("Tom Briggs", Label::Person)],
    );
    check_tagged(
        "[[\"The bridge is safe,\"]] {{said}} <<Dana Whitfield>>, an engineer who once worked for Tom Briggs.",
        &[("Dana Whitfield", Label::Person), ("Tom Briggs", Label::Person)],
    );
}

#[test]
fn a_report_that_quotes_a_part_is_one_quotation() {
    check("<<Harriet Voss>> {{said}} [[the ferry would run again “as soon as the pier is repaired 😀.”]]\r\n");
    check("<<The council>> {{says}} [[the new timetable \"will reach every district before spring\"]].");
    let got = quotes("Harriet Voss said the ferry would run again “as soon as the pier is repaired.”");
    assert_eq!(got.len(), 1, "the quote inside is not a quotation of its own: {got:?}");
}

#[test]
fn noun_phrases_and_surnames_as_subjects_of_reports() {
    check("<<The Green campaign>> {{says}} ((the new poster will appear on every bus shelter 😀)).");
    check(
        "The city's transport director, <<Ann Vale>>, {{said}} ((the night buses would run until the end of the year)).\r\n",
    );
    check("<<Barrows>> {{says}} ((the mayor promised to repair the bridge before winter)).");
    check(
        "Mayor <<Ann Vale>> opened the depot.\r\n\r\n<<Vale>> now {{says}} ((the depot should stay open on Sundays)).",
    );
}

#[test]
fn settings_participles_and_clauses_of_time_are_no_reports() {
    let none = [
        "Drivers reporting faults on the new buses get a day off 😀.",
        "Mayor Helen Carter said at the depot on Monday.\r\n",
        "This is what Helen Carter said when the depot closed in March.",
        "Senator Tom Briggs told The Daily Ledger on Friday.",
    ];
    for text in none {
        let got = quotes(text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn a_subject_with_an_apposition_says_what_follows_its_verb() {
    check(
        "<<Nadia Okafor>>, head of research at the Harbour Trust, {{said}} ((fares had doubled in ten years \
         while wages stood still 😀)).\r\n",
    );
    check("((The plan, {{said}} <<Tom Hughes>>, will cost far more than the council planned)).");
}

#[test]
fn a_quote_closed_by_a_full_stop_takes_no_cue_from_the_next_sentence() {
    check(
        "<<Ann Vale>> {{says}} [[the fare rise is “a burden on every family in the city.”]] She {{says}} \
         [[the board has “lost touch with its riders 🚌.”]]\r\n",
    );
    check("Mayor <<Ann Vale>> spoke on Monday.\n\n[[\"We will not pay,\"]] she {{said}}.");
}

#[test]
fn short_reports_that_quote_and_contracted_pronoun_subjects() {
    check("Mayor <<Ann Vale>> spoke on Monday.\r\n\r\nVale {{says}} [[night buses “keep the whole city honest after midnight 😀.”]]");
    check(
        "Mayor <<Ann Vale>> spoke on Monday.\n\nShe’s {{claiming}} that [[the old depot is \"beyond any kind of repair this year\" and \"a real danger to every driver who parks there.\"]]",
    );
}

#[test]
fn a_participle_after_a_comma_reports_for_the_subject_of_the_clause() {
    check(
        "[[\"The depot fire was an accident,\"]] <<the fire chief>> {{said}}, {{adding}} that ((the depot would reopen on Monday 😀)).\r\n",
    );
    check(
        "<<A county court>> has refused to release the bus contract, {{saying}} ((the public has no claim on \
         private bids)).",
    );
}

#[test]
fn a_report_may_open_with_a_quote_and_go_on_in_the_reporters_words() {
    check(
        "Ferry manager <<Ann Vale>> {{said}} by email that, [[“no ferry will sail before the storm has passed” unless \
         the coast guard clears the route 😀]].\r\n",
    );
    // A quote alone after the verb stays a direct quote with its own cue.
    check("Mayor <<Ann Vale>> {{said}}: [[\"We will defend the plan.\"]]");
}
