//! Fixtures for the constructions of English news reporting, one test per
//! construction, each with curly and straight marks, an emoji and CRLF line breaks
//! somewhere in its texts (markup as in [`quote_fixtures`](super::quote_fixtures):
//! `[[…]]` direct, `((…))` indirect content, `{{…}}` cue, `<<…>>` speaker).
//! Every sentence is written for these tests.

use super::doc::Doc;
use super::quote_fixtures::{check, check_tagged, speaker_texts};
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
        "Mayor Helen Carter wrote at length in the spring issue of the harbour newsletter 😀.\r\n",
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

#[test]
fn a_cue_in_the_middle_splits_the_report_in_two() {
    check(
        "Transport minister <<Oliver Hale>> visited the pier 😀.\r\n\r\n((Too often)), Hale {{said}}, ((the ferries \
         leave late and nobody is told)).\r\n",
    );
    check(
        "Mayor <<Ana Ruiz>> met the drivers.\r\n\r\n((The new timetable)), she {{told}} reporters on Monday, ((will \
         start in the first week of May)).",
    );
    check(
        "The depot was sold in 2019, but ((the staff)), Mr. <<Hale>> {{added}}, ((were never told who the buyer was)).",
    );
    // The part after the cue may be a direct quote of its own.
    check("((When the pier closed last spring)), <<Oliver Hale>> {{said}}, [[\"we were all caught off guard.\"]]\r\n");
}

#[test]
fn a_verb_joined_by_and_reports_for_the_subject_of_the_sentence() {
    check("<<Oliver Hale>> thanked the ferry crews and {{said}} ((the new boat would sail in May 😀)).\r\n");
    check("Mayor <<Ana Ruiz>> spoke first.\n\nShe signed the order and also {{warned}} ((that the coast road may flood again)).");
}

#[test]
fn more_reporting_verbs_particles_and_infinitives() {
    check("Mayor <<Ana Ruiz>> {{called}} for ((a full audit of the bus contracts 😀)).\r\n");
    check("Mayor <<Ana Ruiz>> {{called}} on ((the board to publish every contract it signed)).");
    check("Mayor <<Ana Ruiz>> {{vowed}} ((to reopen the night line before the winter)).");
    check("Mayor <<Ana Ruiz>> is {{promising}} ((to cut the fares for students and pensioners)).");
    check("Mayor <<Ana Ruiz>> {{urged}} ((drivers to keep off the coast road tonight)).");
    check("Mayor <<Ana Ruiz>> {{mentioned}} ((the flooded tunnel as her first worry)).");
    check("Mayor <<Ana Ruiz>> {{called}} [[the new contract “a gift to the bus company”]].");
    // A naming verb reports what it calls its object, quoted or not (polnear's gold marks
    // `called the charges unsubstantiated`), but not a name it gives inside a relative.
    check("Mayor <<Ana Ruiz>> {{called}} ((the new contract a gift to the bus company)).");
    assert!(quotes("The mayor denounced what the minister called a “brief delay” in the works.").is_empty());
    // `said to be` reports nothing.
    assert!(quotes("The mayor is said to be furious about the “ferry” delays 😀.\r\n").is_empty());
}

#[test]
fn according_to_any_short_source() {
    check("{{According}} to <<exit polls>>, ((the mayor won every district but one 😀)).\r\n");
    check("((Ferry traffic fell by a third last year)), {{according}} to the <<Harbour Statistics Office>>.");
    check("((The pier carries twice the traffic it was built for)), {{according}} to <<port insiders>>.");
}

#[test]
fn a_conjunction_before_the_subject_of_a_report() {
    check(
        "Fares fell 😀. But <<a harbour official>> {{said}} Friday that ((the pier would stay shut until June)).\r\n",
    );
    check("Fares fell. And <<the ferry company>> {{says}} ((the winter timetable will be cut by half)).");
}

#[test]
fn a_cue_after_a_paragraph_break_belongs_to_the_next_paragraph() {
    check(
        "[[“Why wait for the court?”]] <<the narrator>> {{asks}}, [[“what is left to decide 😀?”]]\r\n\r\n\
         The Green campaign says the poster will go up on every bus shelter.\r\n",
    );
    check(
        "[[\"Why wait for the court?\"]] <<the narrator>> {{asks}}, [[\"what is left to decide?\"]]\n\nThe campaign says \
         the poster will go up on every bus shelter.",
    );
}

#[test]
fn plural_and_counted_subjects_are_unnamed_sources() {
    check("On Monday, <<port officials>> {{said}} ((the pier would stay shut until the storm had passed 😀)).\r\n");
    check("Fares rose, while <<62 percent>> {{said}} ((the buses ran late at least once a week)).");
    check("In the survey, <<four in 10 riders>> {{say}} ((they would pay more for a night service)).");
    check("The count is slow 😀. <<They>> {{say}} ((the ballots will be ready by “Friday noon at the latest”)).\r\n");
}

#[test]
fn a_gerund_after_a_preposition_reports_for_the_subject() {
    check(
        "Mayor <<Ana Ruiz>> answered the critics by {{saying}} ((the ferry fares had not risen in five years 😀)).\r\n",
    );
    check("Mayor <<Ana Ruiz>> was criticised for {{claiming}} that ((the pier was safe before the “inspection”)).");
}

#[test]
fn a_second_speech_verb_after_a_conjunction_opens_a_report_of_its_own() {
    check(
        "Mayor <<Ana Ruiz>> {{said}} ((the ferry had more riders than ever 😀)), though she noted that the fares \
         were still too high.\r\n",
    );
    check(
        "Mayor <<Ana Ruiz>> said the ferry had more riders than ever, though she {{noted}} that ((the fares were \
         still “far too high”)).",
    );
}

#[test]
fn verb_forms_that_modify_a_noun_or_take_an_agent_are_no_cues() {
    let none = [
        "Most towns spend more than the agency's recommended share of their budget on roads 😀.\r\n",
        "The promised bridge over the river has not been built in ten years.",
        "The story was told by a reporter who had worked on the ferries for a decade.",
    ];
    for text in none {
        let got = quotes(text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
    // A pronoun's contraction is an auxiliary: `he's said` is `he has said`.
    check("Mayor <<Ana Ruiz>> spoke.\r\n\r\nShe's {{said}} ((the “night line” will run until the end of the year)).");
}

#[test]
fn a_longer_noun_phrase_is_the_unnamed_source_of_its_verb() {
    check(
        "<<The former harbour master and current ferry inspector>> {{said}} ((the pier would need new pilings \
         before the winter 😀)).\r\n",
    );
    check("After the storm, <<all the skippers we spoke to>> {{said}} ((the new breakwater had saved their boats)).");
    check("<<Those close to the mayor>> {{say}} ((she will not stand for a “third term” in office)).");
    // A clause is no noun phrase: `decided not to …` holds a verb.
    let got = quotes("The harbour board decided not to renew the charges against the ferry company 😀.\r\n");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_clause_after_the_verb_is_the_report_and_what_precedes_it_a_setting() {
    check("After the votes were counted, Mayor <<Ana Ruiz>> {{said}} ((the fares would stay as they are 😀)).\r\n");
    check("Mayor <<Ana Ruiz>> {{said}} that ((because the ferry ran late, the fish market opened after dawn)).");
    check("Mayor <<Ana Ruiz>> has long {{said}} that ((the “night ferry” should be free for children)).");
    // A setting before a cue in mid-sentence is not reported; a condition is.
    let got = quotes("During the long winter, Ana Ruiz said, the ferry ran only twice a week 😀.\r\n");
    assert!(got.iter().all(|(_, q)| !q.contains("winter")), "{got:?}");
    check("During the long winter, <<Ana Ruiz>> {{said}}, ((the ferry ran only twice a week)).");
    check("((If the pier is not mended soon)), <<Ana Ruiz>> {{argues}}, the boats will dock elsewhere.");
}

#[test]
fn a_semicolon_or_a_second_verb_after_and_opens_a_report_of_its_own() {
    check(
        "<<Ana Ruiz>> {{said}} ((the pier would reopen in May 😀)); <<Tom Briggs>> {{said}} ((it would stay shut \
         until the “summer season”)).\r\n",
    );
    check("<<Tom Briggs>> {{says}} ((the pier is unsafe)) and said the repairs would take at least a year.");
    check("<<Tom Briggs>> says the pier is unsafe and {{said}} ((the repairs would take at least a year)).");
    // `demands` may be a noun: no second report.
    let got = quotes("Tom Briggs said the pier needs work and demands patience from the skippers 😀.\r\n");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn relative_pronouns_and_they_after_the_report_are_sources() {
    check("Tom Briggs, <<who>> {{says}} ((the pier is unsafe)), walked out before the vote 😀.\r\n");
    check("The skippers met on the quay. ((The new mooring fees are far too high for small boats)), <<they>> {{say}}.");
    check("((The ferry count was fair and the turnout high)), Sen. <<Tom Briggs>> (D-Ore.) {{told}} reporters.\r\n");
    // The World Health Organization is no relative pronoun.
    let got = quotes("Menurut WHO, vaksin itu aman 😀.");
    assert_eq!(got, [(QuoteKind::Indirect, "vaksin itu aman".to_string())]);
}

#[test]
fn orders_and_clauses_opening_with_a_conjunction_are_no_reports() {
    let none = [
        "The guard told her to leave the quay before the storm 😀.\r\n",
        "Few skippers who said and did the same things were ever fined.",
    ];
    for text in none {
        let got = quotes(text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn reporter_words_before_a_quote_with_its_cue_after_are_quoted_too() {
    check(
        "Mayor <<Ana Ruiz>> spoke at the pier.\r\n\r\n[[The new timetable was “a complete mess 😀,”]] she {{added}} on \
         Monday.\r\n",
    );
    check("[[The night ferry is \"far too slow,\"]] {{says}} <<Ana Ruiz>>, the mayor.");
    // A quoted title inside a sentence, with its speaker's name before the verb, stays out.
    let got = quotes("In a column for “Harbour Weekly,” Mayor Helen Carter said the ferry would run again.");
    assert!(got.iter().all(|(_, q)| !q.contains("column")), "{got:?}");
}

#[test]
fn they_as_a_speaker_is_the_organisation_named_before() {
    check_tagged(
        "The <<Harbour Authority>> {{said}} ((the north pier would close on Monday 🙂)).\r\n\r\n\
         They {{said}} ((the pier would stay shut until the storm had passed)).",
        &[("Harbour Authority", Label::Org)],
    );
    check_tagged(
        "Dana Whitfield met the <<Harbour Pilots>> on Friday.\r\nThey {{said}}: [[\"The channel will open again by Sunday.\"]]",
        &[("Dana Whitfield", Label::Person), ("Harbour Pilots", Label::Org)],
    );
}

#[test]
fn they_as_a_speaker_is_the_group_that_spoke_before() {
    check(
        "<<Officials>> {{said}} ((the bridge would reopen in May 🚗)). \
         They {{added}} that ((the tolls would not rise this year)).\r\n",
    );
    check("Late on Sunday <<the police>> closed the coast road.\r\n\r\nThey {{said}}: [[“Nobody should drive there tonight.”]]");
}

#[test]
fn they_without_a_group_nearby_stays_an_unnamed_source() {
    check(
        "The queue at the clinic grew all morning 😷.\r\n\r\n<<They>> {{say}} ((the nurses will be back after lunch)).",
    );
    check("<<They>> {{said}}: [[\"Nobody told us a thing.\"]]\r\n");
}

#[test]
fn they_goes_to_the_group_that_spoke_not_the_group_named_last() {
    check(
        "<<Officials>> {{said}} ((the ferry would run again on Friday)). Later the police closed the north pier \
         for the night 😀. They {{added}} that ((tickets would be sold at the pier)).\r\n",
    );
    check_tagged(
        "<<Officials>> {{said}} ((the ferry would run again on Friday)). The Harbour Pilots finished the repairs \
         on Thursday. They {{added}} that ((tickets would be sold at the pier)).",
        &[("Harbour Pilots", Label::Org)],
    );
}

#[test]
fn they_is_not_a_singular_organisation_that_has_not_spoken() {
    check_tagged(
        "The Harbour Authority hired more than 20 divers and welders 🙂.\r\n<<They>> {{said}} ((the work was slow)).",
        &[("Harbour Authority", Label::Org)],
    );
}

#[test]
fn they_after_a_quote_is_its_cue_and_resolves_like_they_before_it() {
    check("<<Officials>> met the divers on Monday 🙂.\r\n\r\n[[“The pier stays shut for the winter,”]] they {{said}}.");
    check("[[\"The pier stays shut for the winter,\"]] <<they>> {{said}}.\r\n");
}

#[test]
fn a_noun_phrase_subject_set_off_by_an_apposition_is_an_unnamed_source() {
    check(
        "Mayor Tom Becker opened the ferry terminal 🙂.\r\n\r\n\
         <<The report>>, released by the harbour board, {{said}}: [[“The pier is unsafe.”]]\r\n",
    );
    check(
        "Mayor Tom Becker opened the ferry terminal 🙂.\r\n\r\n\
         <<A spokesperson>> for the agency, speaking on Monday, {{said}} ((the tolls would not rise)).",
    );
}

#[test]
fn a_pronoun_subject_with_an_adverb_is_the_person_it_agrees_with() {
    check(
        "Mayor <<Tom Becker>> opened the ferry terminal 🙂. Senator Ann Price watched from the pier.\r\n\r\n\
         [[\"We will fix the ramp soon,\"]] He recently {{told}} reporters.\r\n",
    );
}

#[test]
fn an_adverb_at_the_edge_of_a_subject_phrase_is_left_out() {
    check(
        "Mayor Tom Becker opened the ferry terminal 🙂.\r\n\r\n\
         <<Local farmers>>, however, {{said}}: [[“The road cuts our fields in two.”]]\r\n",
    );
}

#[test]
fn it_as_a_subject_is_no_person_named_before() {
    check(
        "Mayor Tom Becker opened the ferry terminal 🙂.\r\n\r\n\
         It also {{said}} ((the ramp \"was never safe\" for trucks)).\r\n",
    );
}

#[test]
fn a_name_in_the_possessive_determines_the_subject_phrase_which_speaks() {
    check(
        "Mayor Tom Becker opened the grain terminal 🙂.\r\n\r\n\
         <<Ann Lee’s lawyer>> {{said}} that ((the lease was never signed)).\r\n",
    );
    check(
        "Mayor Tom Becker opened the grain terminal.\r\n\r\n\
         However, <<the Harbour Trust's chief engineer>> {{said}} ((the cranes \"need a year of repairs\" 🏗️)).\r\n",
    );
    // A name in apposition to the phrase is the speaker.
    check(
        "Mayor Tom Becker opened the grain terminal.\r\n\r\n\
         Lee’s lawyer, <<Ruth Olsen>>, {{said}} ((the lease was never signed)).\r\n",
    );
}

#[test]
fn an_auxiliary_between_a_relative_pronoun_and_its_verb_keeps_the_report() {
    check(
        "The toll vote was put off by the opposition 🙂, <<who>> have {{argued}} that \
         ((the tolls are “far too high” for commuters)).\r\n",
    );
    check("Mayor Tom Becker backed the plan.\r\n\r\nIt was opposed by the ferry union, <<which>> had {{warned}} that ((fares would double)).");
    check("The plan passed despite local farmers, <<who>> have long {{said}} ((the road \"cuts our fields in two\")).\r\n");
}

#[test]
fn a_role_noun_after_an_organisation_keeps_the_phrase_as_the_speaker() {
    check(
        "Mayor Tom Becker opened the grain terminal 🙂.\r\n\r\n\
         <<The Republican nominee>> {{said}} ((the terminal “was built on debt”)).\r\n",
    );
    check(
        "Mayor Tom Becker opened the grain terminal.\r\n\r\n\
         <<The Democratic presidential nominee>> also {{argued}} that ((the port should stay public)).",
    );
    // A name in apposition to the role phrase is the speaker.
    check(
        "Mayor Tom Becker opened the grain terminal.\r\n\r\n\
         The Republican nominee, <<Ruth Olsen>>, {{said}} ((the terminal \"was built on debt\")).\r\n",
    );
}

#[test]
fn a_plural_of_people_opening_the_sentence_speaks_as_a_source() {
    check(
        "Mayor Helen Carter 😀 backed the bridge.\r\n\r\n<<Opponents>> {{argued}} that ((the “£48 million” plan \
         would strain the budget)).",
    );
    check("<<Proponents>>, including the Harbour Trust, {{say}} ((the bridge will pay for itself)).\r\n");
}

// Session 8: English reports

#[test]
fn a_report_in_a_relative_clause_ends_at_the_comma_closing_the_clause() {
    check(
        "The ferry plan was put to a vote 🙂.\r\n\r\nMost councillors, <<who>> have {{argued}} that \
         ((the “new” fares are unfair)), want a second vote.\r\n",
    );
    check("Dock workers, <<who>> {{say}} ((the cranes \"are not safe\")), quickly left the meeting.");
    // A list after the comma is still what was said.
    check("Mayor Ruth Olsen, <<who>> {{said}} ((the plan was costly, slow and unfair)), left early.\r\n");
}

#[test]
fn a_modal_or_raising_verb_before_the_cue_keeps_the_subject_as_speaker() {
    check(
        "Mayor <<Tom Becker>> opened the toll bridge 😀.\r\n\r\nLater he appeared to {{suggest}} that \
         ((the “temporary” toll would stay)).\r\n",
    );
    check("Harbour master <<Harriet Voss>> seemed to {{say}} ((the ferries would run until May)).");
    check("<<Critics>> would {{argue}} that ((the bridge \"cost twice what it should\")).\r\n");
    // After a modal, a verb with a mere object reports nothing.
    assert!(quotes("Tom Becker would reveal large debts in the port 🙂.\r\nThe unions will continue their attacks.")
        .is_empty());
    assert!(quotes("The new tolls came in slowly, Tom Becker will insist on being heard.").is_empty());
}

#[test]
fn negated_and_open_speech_is_a_report_of_the_question() {
    check("Attorney General <<Ruth Olsen>> isn’t {{saying}} ((if the port trust broke any “rules”)) 🙂.\r\n");
    check("<<The harbour board>> did not {{say}} ((when the cranes would be repaired)).");
    check("Mayor <<Tom Becker>> would not {{say}} ((whether he backs the “second” bridge)).\r\n");
    check("<<Harriet Voss>> declined to {{say}} ((why the ferry was sold)).");
    // Not negated, `said when …` tells when it was said.
    assert!(quotes("Tom Becker said when the depot closed 😀.").is_empty());
}

#[test]
fn a_title_or_nickname_in_quote_marks_inside_a_sentence_is_no_quotation() {
    let text = "[[“The ferry will run,”]] <<Harriet Voss>> {{said}} on Harbour Radio’s “Morning Tide.”\r\n\r\n\
                The law, known as the \"Clean Harbour and Ports Renewal Act\", passed 😀.\r\n";
    check(text);
    assert_eq!(quotes(&plain(text)).len(), 1);
    // A nickname after a first name, beside a quote of the same paragraph.
    let text = "[[\"We won,\"]] {{said}} <<Tom Becker>>. His aide, Ruth “Ruthie” Olsen, agreed.";
    check(text);
    assert_eq!(quotes(&plain(text)).len(), 1);
    // A sentence that goes on from the quote before is kept.
    let text = "[[“We will rebuild the pier,”]] <<Tom Becker>> {{said}}, clapping. [[“Every plank of it.”]]\r\n";
    check(text);
    assert_eq!(quotes(&plain(text)).len(), 2);
}

/// The text of a fixture without its markup.
fn plain(markup: &str) -> String {
    ["[[", "]]", "{{", "}}", "<<", ">>", "((", "))"].iter().fold(markup.to_string(), |t, m| t.replace(m, ""))
}

#[test]
fn the_speakers_next_act_after_comma_and_ends_the_report() {
    check(
        "Mayor <<Tom Becker>> {{urged}} ((the council to keep the “night” ferry)), and criticized its \
         budget 😀.\r\n",
    );
    // A second verb of saying after a quoted word opens a report of its own.
    check(
        "<<Harriet Voss>> is {{telling}} dock workers that ((the cranes are \"unsafe\")) and says she will close them.",
    );
    check("<<Harriet Voss>> is telling dock workers that the cranes are “unsafe” and {{says}} ((she will close them)).\r\n");
    // Without a comma, or after `but`, the verb may be the reported subject's.
    check("<<Ruth Olsen>> {{said}} ((the toll would cost more at first, but would pay off by 2030)).\r\n");
}

#[test]
fn a_trailing_cue_reports_the_whole_clause_with_the_report_inside() {
    check("((Mayor Tom Becker had told dock workers that the cranes were unsafe)), <<the union>> {{said}} 😀.\r\n");
    check("Mayor <<Tom Becker>> had {{told}} dock workers that ((the cranes were unsafe)), the union said.");
    // Inside a relative clause the inner report ends with the clause.
    check("Dock workers, <<who>> {{asked}} ((the board to close the pier)), walked out on Friday, the union said.\r\n");
}

#[test]
fn a_plural_opening_its_sentence_with_a_restriction_is_a_source() {
    check("<<Lawyers for the state>> had {{argued}} that ((the new map follows “county lines”)) 😀.\r\n");
    check("<<Monitors from the election group>> {{said}} ((the count had been fair)).");
}

#[test]
fn a_time_phrase_after_the_subject_of_a_participle_report_is_left_out() {
    check(
        "<<Northwind Elections Board>> on Monday rejected the request, {{saying}} ((the appeal “came too late”)) 😀.\r\n",
    );
}

#[test]
fn an_irregular_past_ends_the_subject_of_a_participle_report() {
    check(
        "<<The party’s nominee>> for mayor spent Friday at the docks, {{promising}} ((to reopen the “old” ferry \
         line)) 😀.\r\n",
    );
    // After a fronted setting the subject opens the clause.
    check(
        "With a week to go before the vote, <<the party's nominee>> for mayor spent Friday at the docks, \
         {{promising}} ((to reopen the ferry line)).",
    );
}

#[test]
fn a_naming_verb_with_an_object_and_what_it_is_called_reports_without_quotes() {
    check("<<The Harbour Party>> {{called}} ((the claims unfounded and false)) 😀.\r\n");
    check("Mayor <<Tom Becker>> {{called}} ((the ferry plan a “costly” mistake)).");
    // No object before a predicate, or a time after it: no report.
    for text in [
        "Tom Becker called a vote on the ferry plan.",
        "Tom Becker called the council a day later.",
        "Tom Becker called the hearing because he wanted a full report.",
        "Recent calls to establish a harbour board were rejected.",
    ] {
        assert!(quotes(text).is_empty(), "{text}");
    }
}

#[test]
fn a_setting_after_the_verb_before_a_subject_pronoun_is_left_out() {
    check("<<Tom Becker>> {{said}} after the vote ((he would not sign the “ferry” bill)) 😀.\r\n");
    check("<<Ruth Olsen>> {{said}} in an interview on Monday ((she had never seen the plan)).");
}

/// Entities of `text` with the shipped analyser, as (text, label).
pub(super) fn entities(text: &str) -> Vec<(String, Label)> {
    let s = Analyzer::new().analyze(text);
    let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
    s.entities.iter().filter_map(|e| Some((slice(e.start, e.end), Label::parse(&e.label)?))).collect()
}

#[test]
fn a_name_in_the_possessive_is_the_name_without_its_s() {
    let text = "Donors gave $42,000 to Mayor Joan Pell's campaign 😀, filings show.\r\n\r\n\
                Pell’s rivals asked for an inquiry. In an interview, Pell denied any link.\r\n";
    let got = entities(text);
    assert!(got.contains(&("Joan Pell".to_string(), Label::Person)), "{got:?}");
    assert!(got.iter().all(|(name, _)| !name.ends_with("'s") && !name.ends_with("’s")), "{got:?}");
    let pell: Vec<&Label> = got.iter().filter(|(name, _)| name == "Pell").map(|(_, label)| label).collect();
    assert!(!pell.is_empty() && pell.iter().all(|&&l| l == Label::Person), "{got:?}");
}

#[test]
fn only_english_text_has_its_possessives_split() {
    let english = Doc::new("The agency said Moody's Investors Service cut the rating.");
    assert_eq!((0..english.tokens.len()).map(|t| english.word(t)).nth(4), Some("'s"));
    // Indonesian text keeps its words as written (`Jum'at`, a firm's `Moody's`).
    let indonesian = Doc::new("Lembaga pemeringkat Moody's Investors Service, pada hari Jum'at, mengatakan hal itu.");
    assert!((0..indonesian.tokens.len()).any(|t| indonesian.word(t) == "Moody's"));
}

#[test]
fn a_possessive_subject_speaks_through_its_role_or_the_name_apposed() {
    // No name for the role: the role phrase speaks.
    check("The harbour board met on Monday 😀.\r\n\r\n<<The governor’s spokesman>> {{said}} ((the plan was “far too costly”)).\r\n");
    // A name in apposition to the role is the speaker, not the possessor.
    check(
        "Senator Joan Pell faced questions on Tuesday.\r\n\r\n\
         [[\"We have nothing to hide,\"]] Pell's spokesman, <<Tom Reyes>>, {{said}}.\r\n",
    );
    check_tagged(
        "The harbour board met on Monday.\r\n\r\nNorthwind’s chief executive, <<Ana Ruiz>>, {{said}} \
         ((the company would open a new office 🏢)).",
        &[("Northwind", Label::Org), ("Ana Ruiz", Label::Person)],
    );
    // A place's named body speaks as the organisation.
    check(
        "The harbour board met on Monday.\r\n\r\nIndonesia's <<General Elections Commission>> {{said}} \
         ((the count would end on Friday)).",
    );
}

#[test]
fn an_english_organisation_is_its_whole_capitalised_name() {
    let got = entities(
        "Indonesia’s General Elections Commission on Monday rejected the request 😀.\r\n\
         A lawyer wrote to the Federal Bureau of Prisons and the Harbour Workers Union.",
    );
    for name in ["General Elections Commission", "Federal Bureau of Prisons", "Harbour Workers Union"] {
        assert!(got.contains(&(name.to_string(), Label::Org)), "{name}: {got:?}");
    }
}

#[test]
fn names_joined_by_an_ampersand_are_one_firm() {
    let got = entities(
        "The city paid Castillo & Sons for the “repairs” 😀.\r\nThe firm also works in Trinidad & Tobago.\r\n",
    );
    assert!(got.contains(&("Castillo & Sons".to_string(), Label::Org)), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n == "Sons" || n == "Castillo"), "{got:?}");
    let three = entities("The city hired Smith & Jones & Brown for the audit.");
    assert!(three.contains(&("Smith & Jones & Brown".to_string(), Label::Org)), "{three:?}");
    // A country joined by `&` is no firm.
    assert!(!got.iter().any(|(n, l)| n.contains("Tobago") && *l == Label::Org), "{got:?}");
}

#[test]
fn a_name_in_the_possessive_is_no_antecedent_of_a_pronoun_speaker() {
    let text = "Mayor Tom Becker spoke after the vote 😀.\r\n\r\n\
                The complaint came from Mr. Carl Dunne’s firm, which builds piers. “I like Carl,” he said.\r\n";
    assert_eq!(speaker_texts(text), vec![Some("Tom Becker".to_string())]);
}

#[test]
fn a_name_taken_into_its_possessive_phrase_leaves_a_later_surname_its_own() {
    let text = "Senator Joan Pell’s office said on Tuesday that the ferry contract would be reviewed 😀.\r\n\r\n\
                Later, Pell said \"the review would take a month.\"\r\n";
    let got = speaker_texts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("Senator Joan Pell’s office"));
    assert_eq!(got[1].as_deref(), Some("Pell"));
}

#[test]
fn a_verb_in_a_fronted_clause_reports_only_up_to_its_comma() {
    // The fronted clause's verb has no report of its own here; the main clause's has.
    let text = "Back when he wrote his memoir 📖, Senator Ruiz said that he had never borrowed a cent.\r\n";
    check("Back when he wrote his memoir 📖, Senator <<Ruiz>> {{said}} that ((he had never borrowed a cent)).\r\n");
    let got = quotes(text);
    assert!(got.iter().all(|(_, q)| !q.contains("memoir")), "{got:?}");
    // Each clause reports its own: the fronted one up to its comma.
    check(
        "When <<the mayor>> {{announced}} that ((the pier would close for repairs)), <<residents>> {{said}} \
         ((they would keep fishing from the rocks)).",
    );
    check("While Ms. <<Okafor>> {{argued}} that ((the fares were “far too high”)), she voted for them.");
}

#[test]
fn a_speech_verb_form_after_a_determiner_is_a_noun_not_an_earlier_cue() {
    // `state` is a form of `to state`, but after `The` it is a noun of the subject.
    check("<<The state court>> rejected the appeal on Tuesday 😀, {{saying}} ((the filing came too late)).\r\n");
    check(
        "<<The state board>> closed the office on Friday, {{arguing}} that ((nobody had used the “annex” in years)).",
    );
}

#[test]
fn a_verdict_reports_the_clause_after_its_that() {
    check(
        "<<The state court>> struck down the map on Friday, {{ruling}} 4-3 that ((it split the valley’s farms in two)) 😀.\r\n",
    );
    check("<<The tribunal>> {{ruled}} on Monday that ((the \"emergency\" levy was unlawful)).");
    // Without a `that` a verdict decides rather than reports; `rules` and a `ruling`
    // after a determiner are nouns.
    for text in [
        "The judge ruled the map invalid on Friday.",
        "The board ruled out a second vote on the levy.",
        "New safety rules that could close dozens of older mines take effect in May.",
        "The ruling that the court issued on Monday runs to 90 pages.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
}

/// The labels `text`'s entities spelt `name` get.
fn labels_of(text: &str, name: &str) -> Vec<String> {
    let s = Analyzer::new().analyze(text);
    let spelt = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>() == name;
    s.entities.iter().filter(|e| spelt(e.start, e.end)).map(|e| e.label.clone()).collect()
}

#[test]
fn a_name_after_the_article_is_no_person() {
    // English puts no article before a person's name: `the Ledger` is a paper.
    let text = "The Ledger reported on Monday that the pier would close 😀.\r\n\r\n\
                “We asked the council twice,” the Ledger said in an editorial.\r\n";
    let labels = labels_of(text, "Ledger");
    assert!(!labels.is_empty() && labels.iter().all(|l| l != "PERSON"), "{labels:?}");
    // A name modifying the noun after it stays a person (`the … administration`).
    let text = "Maria Lopez spoke first, and the Maria Lopez campaign said on Friday that the \"new\" poll was wrong.";
    let labels = labels_of(text, "Maria Lopez");
    assert!(labels.len() == 2 && labels.iter().all(|l| l == "PERSON"), "{labels:?}");
}

#[test]
fn a_name_after_the_article_that_speaks_is_an_organisation() {
    let text = "The pier will close in May 😀, according to the NCRA.\r\n\
                “Nobody asked the divers,” the Courier said. The mayor told the Herald on Friday that the ‘plan’ stands.";
    assert_eq!(labels_of(text, "Courier"), ["ORG"]);
    assert_eq!(labels_of(text, "NCRA"), ["ORG"]);
    assert_eq!(labels_of(text, "Herald"), ["ORG"]);
    let speakers: Vec<Option<String>> = speaker_texts(text);
    assert_eq!(speakers.first(), Some(&Some("NCRA".to_string())), "{speakers:?}");
    // Not a title, a lone adjective or a name modifying a noun.
    let text = "“We will see,” the President said. “Not now,” the Republican said. She told the Harbour FM audience.";
    for name in ["President", "Republican", "Harbour FM"] {
        assert!(labels_of(text, name).iter().all(|l| l != "ORG"), "{name}: {:?}", labels_of(text, name));
    }
}

#[test]
fn a_named_persons_office_speaks_as_the_whole_phrase() {
    // The office made the statement, not its holder: the phrase is the speaker, and as
    // entities do not nest, it takes in the possessor's name there; her other mentions
    // stay a person.
    let text = "Councillor Joan Pell spoke on Monday 😀.\r\n\r\n\
                Joan Pell’s office said the ferry would run again by May.\r\nPell did not say more.";
    check(
        "Councillor Joan Pell spoke on Monday 😀.\r\n\r\n\
         <<Joan Pell’s office>> {{said}} ((the ferry would run again by May)).\r\nPell did not say more.",
    );
    assert_eq!(labels_of(text, "Joan Pell’s office"), ["SOURCE"]);
    assert_eq!(labels_of(text, "Joan Pell"), ["PERSON"]);
    assert_eq!(labels_of(text, "Pell"), ["PERSON"]);
}

#[test]
fn a_participle_right_after_a_name_is_that_names() {
    // The sentence's subject (`The ad`) is not the one asking.
    check(
        "The council released a new ad on Monday 😀.\r\n\r\nThe ad uses footage of <<Ana Ruiz>> {{asking}}, \
         [[“Why should the ferry stop at all?”]]\r\n",
    );
    check("The clip opens with a video of <<Ana Ruiz>> {{saying}}, [[\"We will keep every route.\"]]");
}
