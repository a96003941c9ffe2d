//! Readable fixtures for quotation finding, one per pattern, Indonesian and English.
//!
//! Markup: `[[…]]` a direct quote (marks included), `((…))` an indirect report's
//! content, `{{…}}` its cue, `<<…>>` the speaker's mention (the entity the quote must
//! link to). Texts are written for these tests.

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::sources::{DateRules, EntitySource};
use super::{Analyzer, Label, QuoteKind, Span, Suggestions};
use std::sync::Arc;

/// A fixture with its markup removed: plain text and marked spans (code points).
struct Marked {
    text: String,
    quotes: Vec<(usize, usize, QuoteKind)>,
    cues: Vec<(usize, usize)>,
    speakers: Vec<(usize, usize)>,
}

fn parse(markup: &str) -> Marked {
    let mut m = Marked { text: String::new(), quotes: Vec::new(), cues: Vec::new(), speakers: Vec::new() };
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut n = 0;
    let mut rest = markup;
    while let Some(c) = rest.chars().next() {
        let tag = ["[[", "]]", "((", "))", "{{", "}}", "<<", ">>"].into_iter().find(|t| rest.starts_with(t));
        match tag {
            Some(t @ ("[[" | "((" | "{{" | "<<")) => open.push((t, n)),
            Some(t) => {
                let (kind, start) = open.pop().expect("balanced markup");
                match (kind, t) {
                    ("[[", "]]") => m.quotes.push((start, n, QuoteKind::Direct)),
                    ("((", "))") => m.quotes.push((start, n, QuoteKind::Indirect)),
                    ("{{", "}}") => m.cues.push((start, n)),
                    ("<<", ">>") => m.speakers.push((start, n)),
                    _ => panic!("mismatched markup {kind}{t}"),
                }
            }
            None => {
                m.text.push(c);
                n += 1;
                rest = &rest[c.len_utf8()..];
                continue;
            }
        }
        rest = &rest[2..];
    }
    m
}

fn slice(text: &str, (a, b): (usize, usize)) -> String {
    text.chars().skip(a).take(b - a).collect()
}

/// Checks every marked quote: found with ≥ 80% overlap and the same kind, its cue as
/// marked, and its speaker the entity written at the marked speaker mention.
pub(super) fn check(markup: &str) {
    check_with(&Analyzer::new(), markup);
}

/// Entities as a mistaken tagger gives them: each listed name, by its first occurrence.
struct Tagged(Vec<(&'static str, Label)>);

impl EntitySource for Tagged {
    fn entities(&self, text: &str, doc: &Doc) -> Vec<Span> {
        let chars = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
        let span = |&(name, label): &(&str, Label)| {
            let at = text.find(name)?;
            let (start, end) = (chars(at), chars(at + name.len()));
            Some(Span::new(doc.token_at_or_after(start), doc.token_at_or_after(end), label, "test", 1.0))
        };
        self.0.iter().filter_map(span).collect()
    }
}

/// [`check`] with the entity stage replaced by the given (mistaken) entities, to show
/// that speakers are found in spite of tagger errors.
pub(super) fn check_tagged(markup: &str, tagged: &[(&'static str, Label)]) {
    check_with(&tagged_analyzer(tagged), markup);
}

/// An analyser whose entity stage is the given (mistaken) entities, and dates.
pub(super) fn tagged_analyzer(tagged: &[(&'static str, Label)]) -> Analyzer {
    let sources: Vec<Box<dyn EntitySource>> = vec![Box::new(DateRules), Box::new(Tagged(tagged.to_vec()))];
    Analyzer::with_sources(Arc::new(Lexicon::new()), sources)
}

/// Each quote's speaker in `text` as `analyzer` suggests it: its text and label.
pub(super) fn speakers_of(analyzer: &Analyzer, text: &str) -> Vec<Option<(String, String)>> {
    let s = analyzer.analyze(text);
    let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
    let speaker = |i: usize| s.entities.get(i).map(|e| (slice(e.start, e.end), e.label.clone()));
    s.quotes.iter().map(|q| q.speaker.and_then(speaker)).collect()
}

/// Each quote's speaker text in `text`, with the shipped analyser.
pub(super) fn speaker_texts(text: &str) -> Vec<Option<String>> {
    speakers_of(&Analyzer::new(), text).into_iter().map(|s| s.map(|(text, _)| text)).collect()
}

fn check_with(analyzer: &Analyzer, markup: &str) {
    let m = parse(markup);
    let s: Suggestions = analyzer.analyze(&m.text);
    for (i, &(a, b, kind)) in m.quotes.iter().enumerate() {
        let found = s.quotes.iter().find(|q| {
            let overlap = q.end.min(b).saturating_sub(q.start.max(a));
            q.kind == kind && overlap * 5 >= (b - a) * 4 && overlap * 5 >= (q.end - q.start) * 4
        });
        let want = slice(&m.text, (a, b));
        let got: Vec<String> = s.quotes.iter().map(|q| slice(&m.text, (q.start, q.end))).collect();
        let q = found.unwrap_or_else(|| panic!("{kind:?} quote {want:?} not found in {got:?}"));
        if let Some(&cue) = m.cues.get(i) {
            let got_cue = q.cue.map(|c| slice(&m.text, c));
            assert_eq!(got_cue.as_deref(), Some(slice(&m.text, cue).as_str()), "cue of {want:?}");
        }
        let speaker = q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(&m.text, (e.start, e.end)));
        let expected = m.speakers.get(i).or(m.speakers.last()).map(|&sp| slice(&m.text, sp));
        assert_eq!(speaker, expected, "speaker of {want:?}");
    }
}

#[test]
fn direct_with_cue_after_and_full_name_for_short_mention() {
    check(
        "Kepala Unit Reserse Kriminal Polsek Menteng Ajun Komisaris <<Roland Manurung>> datang pagi itu.\n\n\
         [[“Kami siap menjaga lokasi,”]] {{kata}} Roland.",
    );
}

#[test]
fn direct_with_cue_before() {
    check("Menteri Keuangan <<Sri Wahyuni>> {{berkata}}, [[“Anggaran sudah cukup untuk tahun depan.”]]");
    check("Mayor <<Helen Carter>> {{said}}: [[\"We will open the bridge in May.\"]]");
}

#[test]
fn kompas_style_marks_and_nya_cue_naming_the_speaker_paragraphs_earlier() {
    check(
        "Ketua Koperasi Tani Makmur <<Sutrisno Hadi>> menilai harga gabah terlalu rendah.\n\n\
         Panen tahun ini melimpah di banyak desa.\n\n\
         [[”Petani rugi kalau harga tidak naik,”]] {{ujarnya}}.",
    );
}

#[test]
fn apposition_names_the_speaker_after_the_role() {
    check("[[“Stok gula cukup sampai Lebaran,”]] {{kata}} juru bicara Gudang Logistik Kabupaten Lembah Hijau, <<Marjuki>>, Kamis (7/3/2024).");
    check("[[“Layanan kami pindahkan ke gedung lama,”]] {{ujar}} Kepala Puskesmas Sukamaju, Bandung Barat, <<Edison Lubis>> ketika dihubungi.");
}

#[test]
fn role_speaks_when_no_name_is_written() {
    check("[[”Jembatan itu harus rampung sebelum musim hujan,”]] {{kata}} <<Presiden>> dalam sidang kabinet.");
}

#[test]
fn multi_paragraph_quote_is_one_span() {
    check(
        "Dokter <<Ratna Sari>> menjelaskan kondisi pasien.\n\n\
         [[“Pasien sudah stabil. Kami terus memantau.\n\n\
         “Besok pagi kami putuskan apakah bisa pulang,”]] {{katanya}}.",
    );
}

#[test]
fn stray_mark_does_not_swallow_the_article() {
    check(
        "Pipa berukuran 5\" dipasang kemarin.\n\n\
         Warga mengeluh air keruh.\n\n\
         [[“Airnya bau sejak Senin,”]] {{kata}} <<Wati Lestari>>, warga setempat.",
    );
}

#[test]
fn nested_single_quotes_stay_inside_the_quote() {
    check("[[“Ia selalu bilang ‘kerja dulu’ kepada kami,”]] {{tutur}} <<Bambang Suryo>>.");
    check("[[‘We are not giving up on this town,’]] {{said}} <<Tom Hughes>>, a shop owner.");
}

#[test]
fn emoji_and_crlf_keep_offsets() {
    check("😀 Warga <<Dewi Anggraini>> hadir.\r\n\r\n[[“Kami senang 🇮🇩 sekali,”]] {{ujarnya}}.");
}

#[test]
fn english_pronoun_and_subject_first_cues() {
    check("Councillor <<David Okafor>> spoke after the vote.\n[[“Families wait for basic repairs,”]] she {{said}}.");
    check("[[\"The council must listen,\"]] <<Okafor>> {{told}} reporters.");
}

#[test]
fn indirect_speech_indonesian() {
    check("Presiden Rusia <<Vladimir Putin>> {{menyatakan}} ((Korea Utara bersedia meninggalkan program nuklirnya)).");
    check("Gubernur <<Arief Wicaksono>> {{mengatakan}}, ((jalan tol baru akan dibuka akhir tahun)).");
    check("{{Menurut}} dokter <<Widyastuti>>, ((jumlah pasien terus menurun sejak Mei)).");
    check(
        "Kepala BPBD <<Joko Santoso>>, Kamis (7/3/2024), {{menjelaskan}}, ((perahu karet sudah dikirim ke tiga desa)).",
    );
}

#[test]
fn indirect_speech_english() {
    check("Councillor <<David Okafor>> {{said}} that ((the money should go to roads and schools)).");
    check("{{According}} to <<Priya Nair>>, ((footfall has fallen by a third since the ferry closed)).");
}

#[test]
fn news_agency_credit_is_a_source_not_the_speaker() {
    check("[[“Itu saja yang kami minta,”]] {{kata}} <<Putin>> usai bertemu Kim, seperti dilansir Reuters.");
    check("[[“Talks will continue,”]] {{said}} <<Ahmed Karim>> to Reuters on Monday.");
}

#[test]
fn sample_article_has_putins_three_reports_and_two_quotes() {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/teritorial-putin-kim.txt"));
    let s = Analyzer::new().analyze(text);
    let by_putin = |kind: QuoteKind| -> Vec<String> {
        s.quotes
            .iter()
            .filter(|q| q.kind == kind)
            .filter(|q| {
                q.speaker
                    .and_then(|i| s.entities.get(i))
                    .is_some_and(|e| slice(text, (e.start, e.end)) == "Vladimir Putin")
            })
            .map(|q| slice(text, (q.start, q.end)))
            .collect()
    };
    let reports = by_putin(QuoteKind::Indirect);
    for start in
        ["Korea Utara (Korut) bersedia meninggalkan", "Korut siap membongkar", "jaminan semacam itu harus memiliki"]
    {
        assert!(reports.iter().any(|r| r.starts_with(start)), "{start} missing from {reports:?}");
    }
    assert_eq!(by_putin(QuoteKind::Direct).len(), 2);
}

#[test]
fn nya_cue_speaker_is_the_one_who_goes_on_in_the_next_paragraph() {
    check(
        "Camat <<Dewi Lestari>> meminta warga menjauhi bantaran sungai.\n\n\
         Ketua RT Sutrisno Hadi mengatakan warga sudah siap.\n\n\
         [[”Kami sudah membagikan masker ke setiap rumah,”]] {{katanya}}.\n\n\
         Dewi menambahkan, posko akan dibuka sampai akhir bulan.",
    );
}

#[test]
fn subject_before_a_date_and_after_a_comma_is_salient() {
    check(
        "Menteri Perdagangan <<Rudi Hartanto>>, saat membuka pameran di Jakarta, Kamis (7/3/2024) pagi menyatakan, ekspor harus naik.\n\n\
         [[”Kita punya peluang besar tahun ini,”]] {{ujarnya}}.",
    );
    check(
        "Kepala Kepolisian Sektor Menteng, Komisaris <<Hendra Wijaya>>, menyampaikan polisi sudah datang ke lokasi.\n\n\
         [[”Tidak ada yang kami tahan malam itu,”]] {{ucapnya}}.",
    );
}

#[test]
fn introducer_before_a_long_role_makes_the_person_salient() {
    check(
        "Menurut Guru Besar Fakultas Pertanian Universitas Hasanuddin <<Yusuf Hakim>>, desa perlu lumbung bersama.\n\n\
         [[”Panen raya tidak datang dua kali setahun,”]] {{ujarnya}}.",
    );
}

#[test]
fn subject_is_the_person_not_a_date() {
    check(
        "Kepala Dinas Pekerjaan Umum <<Yohanes Nahak>> yang ditemui pertengahan Maret lalu {{mengakui}} ((jalan desa yang rusak menjadi keluhan utama warga)).",
    );
}

#[test]
fn person_before_dari_is_the_speaker_after_the_cue() {
    check("[[”Pasokan obat sudah kembali normal,”]] {{kata}} <<Yusran Hakim>> dari Pengurus Besar Ikatan Apoteker.");
}

#[test]
fn a_sentence_opening_word_is_no_speaker() {
    let text = "Selain menjaga harga tetap wajar, koperasi mendorong pemerintah membangun gudang baru.";
    let s = Analyzer::new().analyze(text);
    assert!(s.entities.iter().all(|e| slice(text, (e.start, e.end)) != "Selain"), "{:?}", s.entities);
}

#[test]
fn bracketed_abbreviation_is_not_the_subject() {
    check(
        "Ketua Asosiasi Pengusaha Kopi Nusantara (Apkona) <<Hendra Wijaya>>, pekan lalu, menyampaikan, harga biji kopi turun.\n\n\
         [[”Petani kopi perlu pembeli baru di luar negeri,”]] {{ucapnya}}.",
    );
}

#[test]
fn aside_without_commas_between_subject_and_verb() {
    check(
        "Ketua Ikatan Bidan Kabupaten Garut <<Siti Rahmawati>> dalam kesempatan berbeda {{mengatakan}} bahwa ((posyandu sudah buka kembali)).",
    );
    check(
        "Pengusaha muda <<Rina Kartika>> yang hadir sebagai narasumber {{menyatakan}} ((modal awal tidak harus besar)).",
    );
}

#[test]
fn name_swallowed_into_an_office_is_cut_off_as_the_speaker() {
    check("[[“Pasar ikan buka lagi besok,”]] {{ujar}} Ketua Koperasi Nelayan Muara Baru <<Wiryo Sutejo>>.");
}

#[test]
fn lower_case_title_before_the_name_does_not_end_the_role() {
    check("[[“Tambahan kasus hari ini 12 orang 😷,”]] {{kata}} Juru Bicara Satgas Covid-19 Kota Tanjung Raya dr <<Hendrik Pangau>>.");
    check(
        "[[“Ruang isolasi masih cukup,”]] {{kata}} Komandan Rumah Sakit Apung Nusantara, Tual, Letnan Kolonel dokter gigi <<Yusuf Hamdani>>, saat dihubungi.\r\n\r\nPasien dirawat.",
    );
}

#[test]
fn name_right_at_the_cue_wins_over_a_name_inside_the_apposition() {
    check("[[“Kami minta semua disiplin,”]] {{kata}} <<Suparno>>, Direktur RSUD dr Kariadi, Semarang, kemarin.");
}

#[test]
fn nya_cue_skips_a_place_reported_as_speaking() {
    check(
        "Camat Sungai Lima <<Yosef Malo>> mengungkapkan razia akan dimulai lagi. Pemerintah Provinsi Sulawesi Barat menegaskan bahwa jumlah petugas terus ditambah.\r\n\r\n\
         [[”Kami akan menyusuri permukiman padat 🏘️,”]] {{katanya}}.",
    );
    check(
        "Menteri Sosial <<Tri Wahyuni>> berkunjung ke Balai Kota.\n\n\
         Menurut Wali Kota Semarang periode lalu ini, layanan publik harus serba daring.\n\n\
         [[”Dulu semua surat kami ketik ulang,”]] {{ujarnya}}.",
    );
}

#[test]
fn an_office_or_law_read_as_a_person_is_no_antecedent() {
    use super::{doc::Doc, lexicon::Lexicon, speakers::names::names_a_person, Entity};
    let lex = Lexicon::new();
    let text = "😀 Menurut UU Nomor 23, Pemerintah Provinsi Jakarta dan DPRD bertemu Kota Surabaya, Budi Santoso, \
                Wali Kota Ahmad Fauzi dan dosen Universitas Sam Ratulangi.";
    let doc = Doc::new(text);
    let person = |name: &str| {
        let start = text.chars().count() - text[text.find(name).unwrap_or(0)..].chars().count();
        let e =
            Entity { start, end: start + name.chars().count(), label: Label::Person, source: "test", confidence: 1.0 };
        names_a_person(&doc, &lex, &e)
    };
    for office in ["UU Nomor", "Provinsi Jakarta", "DPRD", "Kota Surabaya", "Sam Ratulangi"] {
        assert!(!person(office), "{office}");
    }
    assert!(person("Budi Santoso") && person("Ahmad Fauzi"));
}

#[test]
fn name_before_the_first_comma_heads_the_clause_even_if_swallowed() {
    check_tagged(
        "Direktur Riset Lembaga Kajian Ekonomi (LKE) Indonesia <<Darmawan Sitompul>>, saat dihubungi Selasa (12/3/2024), \
         {{mengatakan}}, ((bank sentral perlu menambah likuiditas perbankan)).\r\n\r\n\
         [[”Kebutuhan dana bisa menembus Rp 58 triliun 💸,”]] {{ujarnya}}.",
        &[("LKE) Indonesia Darmawan Sitompul", Label::Org)],
    );
}

#[test]
fn a_given_name_inside_a_university_is_no_speaker() {
    check(
        "Peneliti Universitas Sanata Dharma, Yogyakarta, {{mengatakan}}, ((wabah serupa pernah melanda kota itu seabad lalu)).",
    );
}

#[test]
fn english_role_with_at_before_the_name() {
    let markup = "{{Menurut}} Head of Equity Research at PT Dana Sejahtera <<Wawan Hartono>>, ((calon investor harus memeriksa izin lembaga itu)).\n\n\
                  [[”Jangan percayakan uang kepada penasihat tanpa izin 🙅,”]] {{ujarnya}}.";
    check(markup);
    check_tagged(
        markup,
        &[("Research", Label::Person), ("PT Dana Sejahtera", Label::Org), ("Wawan Hartono", Label::Person)],
    );
    check("[[“We will not close the station,”]] {{said}} <<Tom Hughes>> at Downing Street.");
}

#[test]
fn nya_cue_after_a_blended_nickname_goes_to_the_full_name() {
    check(
        "Presiden <<Joko Widodo>> membuka sidang tahunan MPR.\r\n\r\nDalam pidatonya, Jokowi mengatakan lumbung pangan akan diperluas.\r\n\r\n\
         [[“Cadangan pangan kita harus kuat 🌾,”]] {{katanya}}.",
    );
    check("Presiden Joko Widodo membuka sidang.\n\n[[“Cadangan pangan kita harus kuat,”]] {{kata}} <<Jokowi>>.");
}

#[test]
fn a_task_force_read_as_a_person_does_not_head_the_clause() {
    check_tagged(
        "Wakil Sekretaris Gugus Tugas Covid-19 Kota Binjai <<Irwan Siregar>> di Binjai, Selasa (12/3/2024), {{mengatakan}}, \
         ((setiap pabrik wajib memeriksa pekerja yang baru datang)).\r\n\r\n[[”Kami sediakan tes gratis 🧪,”]] {{katanya}}.",
        &[("Gugus Tugas Covid-19", Label::Person), ("Kota Binjai", Label::Loc), ("Irwan Siregar", Label::Person)],
    );
}

#[test]
fn cue_set_off_by_commas_inside_the_sentence() {
    check("Namun, {{kata}} <<Agung Wibowo>>, ((yang paling penting adalah pasokan air bersih ke desa 💧)).");
    check("((Rencana itu, {{tutur}} <<Syarif Hidayat>>, terlalu terburu-buru untuk musim hujan ini)).");
    check(
        "Karena itu, {{kata}} ahli gizi Universitas Tunas Bangsa, <<Wisnu Prasetyo>>, di Malang, Kamis (7/3/2024), \
         ((sekolah harus menyediakan makan siang yang seimbang)).",
    );
    check("((The new bridge, {{said}} <<Tom Hughes>>, will cost far more than the council planned)).");
    check(
        "Kepala Dinas Perhubungan <<Budi Santoso>> meninjau terminal.\r\n\r\nSelain itu, {{lanjutnya}}, \
         ((pengawasan harus diperketat di semua pintu masuk kota)).",
    );
}

#[test]
fn one_word_name_swallowed_into_an_office_after_a_title() {
    check_tagged(
        "Ketua Badan Pengelola Pasar <<Rahmat>>, yang juga hadir dalam rapat itu, {{mengatakan}}, \
         ((retribusi pasar rentan diselewengkan oleh oknum)).\r\n\r\n[[”Kami awasi setiap setoran 🔍,”]] {{katanya}}.",
        &[("Badan Pengelola Pasar Rahmat", Label::Org)],
    );
    check_tagged(
        "Ketua Partai Hijau Raya, Kamis, {{mengatakan}}, ((koalisi tetap utuh sampai pemilu)).",
        &[("Partai Hijau Raya", Label::Org)],
    );
}

#[test]
fn subject_swallowed_into_an_office_is_cut_off() {
    check_tagged(
        "Direktur Utama PT Sinar Jaya Abadi <<Hendra Kusuma>> {{mengatakan}} ((pabrik akan kembali beroperasi bulan depan)).\r\n\r\n\
         [[”Kami sudah siap 🏭,”]] {{ujarnya}}.",
        &[("PT Sinar Jaya Abadi Hendra Kusuma", Label::Org)],
    );
}

#[test]
fn cue_set_off_at_the_end_of_a_sentence_quoted_without_marks() {
    check("Namun, {{kata}} Menteri Keuangan, <<Sri Wahyuni>>, ((anggaran sudah cukup untuk tahun depan)).");
    check("Wali Kota <<Ahmad Fauzi>> meninjau pasar.\r\n\r\n((Kami akan terus mengawasi harga 🛒)), {{katanya}}.");
}

#[test]
fn aside_closed_by_a_dash_between_subject_and_verb() {
    check(
        "<<Dedi Kurniawan>>, Komandan Regu B Pos Pemadam Wilayah II, Kota Hilir — regu yang datang paling awal — {{menuturkan}}, \
         ((pompa di gudang itu sudah lama rusak)).\r\n\r\n[[”Kami menyambung selang dari sungai 🚒,”]] {{ucapnya}}.",
    );
}

#[test]
fn a_person_holding_an_opinion_is_salient() {
    check(
        "[[“Investasi akan mengalir ke Vietnam,”]] {{kata}} <<Robert Hale>>.\n\n\
         Sementara itu, Kepala Ekonom Bank Sentosa <<Taufik Hidayat>> optimistis, ekonomi akan pulih tahun depan.\n\n\
         [[”Vaksinasi adalah kuncinya 💉,”]] {{ujarnya}}.",
    );
}

#[test]
fn name_swallowed_into_a_place_after_a_titled_office() {
    check_tagged(
        "Ketua DPRD Kota Tegalrejo <<Hartoyo>> {{mengatakan}}, ((anggaran jalan belum bisa disahkan bulan ini)).\r\n\r\n\
         [[”Rapat daring tidak efektif 💻,”]] {{katanya}}.",
        &[("DPRD", Label::Org), ("Kota Tegalrejo Hartoyo", Label::Loc)],
    );
}

#[test]
fn a_people_after_a_common_noun_is_no_speaker() {
    check("Sebagian umat Katolik {{menilai}} ((aturan ibadah di gereja terlalu ketat 🙏)).");
    check("Kemarin Wali Kota <<Hendro>> {{menilai}} ((aturan ibadah di gereja terlalu ketat)).");
}

#[test]
fn english_report_with_the_speaker_after_the_content() {
    check("((The bridge will stay closed until spring 😀)), <<a source>> {{said}}.\r\n");
    check("((Repairs would cost more than the council planned)), <<Harriet Voss>> {{told}} reporters.");
    check("((The vote was moved to Thursday)), {{according}} to <<the council>>.");
}

#[test]
fn english_setting_between_the_verb_and_that() {
    check("Mayor <<Helen Carter>> {{said}} on Friday that ((the ferry would run again by May 🚢)).");
    check("<<Officials>> {{told}} reporters that ((the tunnel had flooded twice this year)).");
}

#[test]
fn english_title_with_a_stop_and_a_quote_that_goes_on() {
    check("[[“We were not told in time,”]] Mr. <<Okafor>> {{said}}. [[“Nobody called us.”]]\r\n");
    check("[[\"Prices will fall,\"]] <<the spokeswoman>> {{said}}. [[\"Not this month, though 😀.\"]]");
}

#[test]
fn a_quote_inside_a_report_takes_the_verb_before_it() {
    check("<<The campaign>> {{says}} the ad [[“will run in every swing state before the vote”]].");
}

#[test]
fn the_most_recent_name_is_not_always_the_speaker() {
    check(
        "Kepala Dinas Pertanian <<Hadi Wibowo>> mengatakan panen padi tahun ini naik.\r\n\r\n\
         Bantuan pupuk dari Menteri Pertanian Arif Santoso dibagikan bulan lalu 😀.\r\n\r\n\
         [[“Petani kita sudah siap menanam lagi,”]] {{katanya}}.",
    );
    check(
        "Mayor <<Helen Carter>> said the budget was tight.\n\nThe plan was drafted by Tom Briggs 😀.\n\n\
         [[\"We will cut nothing that matters,\"]] she {{said}}.",
    );
}

#[test]
fn indonesian_trailing_cue_with_a_pronoun_and_a_setting() {
    check(
        "Pedagang sayur <<Sulastri>> menunggu pembeli sejak subuh.\r\n\r\n\
         ((Harga cabai akan turun minggu depan 🌶️)), {{kata}} dia saat ditemui di Pasar Baru, Senin (3/6).",
    );
    check(
        "Calon bupati <<Darmawan Saleh>> menyapa warga.\r\n\r\n[[“Kami siap bersaing,”]] {{katanya}}.\r\n\r\n\
         ((Saya tidak akan mundur dari pencalonan ini)), {{ujarnya}} sembari tersenyum.",
    );
}

#[test]
fn indonesian_trailing_cue_with_an_unnamed_source_or_a_role_and_a_name() {
    // An unnamed source speaks as its own phrase, not the name written before it.
    check(
        "Direktur pabrik Hartono menolak berkomentar.\r\n\r\n\
         ((Pabrik itu berhenti beroperasi sejak Maret karena banjir 🏭)), {{kata}} <<surat kabar itu>>.",
    );
    check(
        "((Bantuan beras sudah tiba di semua posko pengungsian)), {{kata}} Kepala Dinas Sosial Kota Hilir, \
         <<Rudi Hartono>>, dalam jumpa pers yang disiarkan televisi lokal.\r\n\r\n\"Kami kirim lagi besok,\" katanya.",
    );
}

#[test]
fn indonesian_trailing_cue_reports_the_verb_inside_it() {
    check(
        "((Dinas Pertanian mengumumkan bahwa harga pupuk akan naik bulan depan 📈)), {{kata}} <<seorang petugas>>.\r\n\r\n\
         “Stok masih aman,” kata petugas itu.",
    );
}

#[test]
fn indonesian_passive_cue_opening_a_sentence() {
    check(
        "Kepala Desa <<Budi Santoso>> meninjau tanggul.\r\n\r\n\
         {{Dikatakannya}}, ((gudang lama di tepi sungai akan dibongkar tahun depan 🚧)).\r\n\r\n[[\"Warga sudah setuju,\"]] ujarnya.",
    );
}

#[test]
fn indonesian_subject_without_a_name_or_parted_by_an_adverb() {
    check(
        "Camat Suryadi membuka acara.\r\n\r\n\
         Selanjutnya <<ketua tim peneliti itu>> {{menambahkan}} bahwa ((limbah kulit kopi bisa dijadikan pupuk 🌱)).",
    );
    check(
        "Wakil Ketua DPRD <<Hasan Basri>> sebelumnya {{mengatakan}}, ((anggaran pendidikan akan dinaikkan tahun depan)).\r\n\r\n\
         [[“Itu janji kami,”]] katanya.",
    );
}

#[test]
fn indonesian_name_after_a_described_role_or_before_a_relative_clause() {
    // The most recent name before the verb is not the speaker: the name set off after
    // the role is.
    check(
        "Kuasa hukum pasangan calon wali kota Rahmat Hidayat, <<Yusuf Harahap>>, {{mengatakan}} \
         ((timnya sudah mendaftarkan gugatan ke pengadilan 📄)).\r\n\r\n[[\"Kami yakin menang,\"]] ujarnya.",
    );
    check(
        "Camat Suryadi meninjau lokasi.\r\n\r\n<<Perempuan pengemudi ojek itu>>, yang berusia 30-an tahun, \
         {{mengatakan}} bahwa ((jalan menuju desa itu rusak parah sejak Januari 🛵)).",
    );
}

#[test]
fn indonesian_menurut_with_an_unnamed_source() {
    check(
        "Pemilik rumah makan Joko Widagdo sedang pergi.\r\n\r\n\
         {{Menurut}} <<saksi mata>>, ((api muncul dari dapur rumah makan itu sekitar pukul dua 🔥)).",
    );
}

#[test]
fn indonesian_menurut_after_the_subject_it_reports() {
    check("((Harga tiket kapal, {{menurut}} <<Nyoman Arta>>, akan naik sepuluh persen bulan depan ⛴️)).\r\n\r\n\"Itu sudah final,\" katanya.");
    check("Namun, {{menurut}} <<Nyoman Arta>>, ((jadwal kapal tetap sama seperti tahun lalu)).");
    // A clause of condition before `menurut X,` is reported with the rest.
    check("((Jika ombak tinggi, {{menurut}} <<Nyoman Arta>>, kapal tidak akan berangkat)).");
}

#[test]
fn indonesian_modal_adverb_before_a_cue_is_reported() {
    check(
        "<<Marlina>> hadir di balai warga 🏘️.\r\n\r\n((Seharusnya, {{lanjut}} <<Marlina>>, warga diberi tahu sebelum jalan \
         ditutup)).\r\n\r\nPasalnya, {{kata}} <<Marlina>>, ((banyak warga terlambat bekerja pagi itu)).",
    );
}

#[test]
fn indonesian_cue_before_a_clause_is_not_a_trailing_cue() {
    // A capitalised clause after `kata dia,` is the report, not a place or a date; the
    // clause of time before the cue was said with it.
    check(
        "Pedagang <<Warsito>> sudah lama berjualan di sana.\r\n\r\n\
         ((Ketika pasar itu dibangun, {{kata}} dia, Pak Lurah belum mengizinkan pedagang pindah 🏪)).",
    );
}

#[test]
fn indonesian_trailing_cue_with_an_added_report() {
    check(
        "((Bendungan itu aman dilewati kendaraan kecil 🚗)), {{kata}} <<Rini Astuti>>, dan {{menambahkan}}, \
         ((perbaikan jalan akan selesai bulan depan)).\r\n\r\n“Kami kerja siang malam,” ujarnya.",
    );
    check(
        "Wali Kota <<Hendra Gunawan>> datang terlambat.\r\n\r\n((Rapat ditunda sampai pekan depan)), {{ujarnya}} \
         sembari {{menegaskan}} bahwa ((anggaran tidak akan dipotong)).",
    );
}

#[test]
fn indonesian_negated_or_intended_speech_is_no_report() {
    let text =
        "Menteri <<Lestari>> berbicara 🎤.\r\n\r\nNamun, ia tidak menjelaskan rincian anggaran tersebut.\r\n\r\n\
                Selain itu, ia pun berencana akan menyampaikan hasil rapat itu kepada gubernur.";
    let reports = report_texts(&parse(text).text);
    assert!(reports.is_empty(), "{reports:?}");
}

#[test]
fn indonesian_speech_verb_with_a_noun_object_is_no_report() {
    // The object names the act of speaking (`menyatakan perang`, `menyampaikan
    // niatnya`), not what was said.
    let text = "Bupati <<Handoko>> berpidato 🎙️.\r\n\r\nIa menyatakan perang terhadap pembalakan liar di hutan lindung.\r\n\r\n\
                Ketua koperasi Siti Aminah menyampaikan niatnya untuk membuka cabang di desa sebelah.";
    let reports = report_texts(&parse(text).text);
    assert!(reports.is_empty(), "{reports:?}");
    // Such a noun opening a clause of its own is reported.
    check(
        "Pedagang beras <<Slamet Riyadi>> {{menyatakan}} ((permintaan pasar 💰 naik dua kali lipat sejak Lebaran)).\r\n\r\n\
         \"Stok kami menipis,\" ujarnya.",
    );
}

#[test]
fn indonesian_nested_reports_are_one_each() {
    // `X menjelaskan, harian itu mengatakan, …` and `…, kata seorang pejabat.` around a
    // verb that reports: one report per cue, the inner one with its own speaker.
    let text =
        "Juru bicara pelabuhan Made Wirawan menjelaskan, harian setempat mengatakan, kapal feri 🚢 itu tertahan \
                badai di selat.\r\n\r\nDinas Perikanan mengumumkan bahwa pelelangan ikan ditutup sementara, kata \
                seorang petugas.\r\n\r\n“Kami menunggu cuaca membaik,” ujarnya.";
    let reports = indirect_reports(text);
    let want = [
        ("harian setempat mengatakan, kapal feri 🚢 itu tertahan badai di selat", "menjelaskan"),
        ("kapal feri 🚢 itu tertahan badai di selat", "mengatakan"),
        ("Dinas Perikanan mengumumkan bahwa pelelangan ikan ditutup sementara", "kata"),
        ("pelelangan ikan ditutup sementara", "mengumumkan"),
    ];
    for (content, cue) in want {
        assert!(reports.iter().any(|(c, k)| c == content && k == cue), "{content:?} / {cue:?} not in {reports:?}");
    }
}

#[test]
fn indonesian_passive_cue_inside_a_clause() {
    check(
        "Petani <<Sari>> hadir di balai desa.\r\n\r\n((Aturan pupuk yang baru, yang {{disebut}} <<Sari>>, merugikan \
         petani kecil 🌾)).\r\n\r\n[[“Kami tidak dilibatkan,”]] katanya.",
    );
}

#[test]
fn indonesian_role_subject_without_a_name_speaks_as_a_source() {
    // The most recent name (`Andi Wijaya`) is not the speaker: the role phrase is.
    check(
        "Nelayan Andi Wijaya hilang sejak Jumat.\r\n\r\n<<Juru bicara kepolisian Malaysia>> {{menyatakan}}, \
         ((kapal patroli sudah dikerahkan ke perairan itu ⛵)).\r\n\r\n\"Pencarian terus berjalan,\" katanya.",
    );
}

#[test]
fn indonesian_subject_before_a_day_set_off_by_commas() {
    // The day between the subject and its verb is not the speaker (the tagger takes
    // the whole phrase for the organisation).
    check(
        "<<Lembaga survei Suara Warga Nusantara>>, Kamis (4/7), {{menyatakan}} ((tingkat kepuasan publik turun \
         tajam 📉)).\r\n\r\n“Datanya sudah kami periksa,” kata peneliti itu.",
    );
}

#[test]
fn indonesian_name_before_an_introducing_apposition() {
    // The apposition (`seorang …`) describes the name before it, which speaks.
    check(
        "<<Wayan Sudarsa>>, seorang petani garam di Karangasem, {{mengatakan}} ((harga garam turun sejak hujan \
         datang 🧂)).\r\n\r\n“Kami rugi besar,” ujarnya.",
    );
}

/// The contents of the indirect reports `text` holds, with the shipped analyser.
pub(super) fn report_texts(text: &str) -> Vec<String> {
    let s = Analyzer::new().analyze(text);
    s.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| slice(text, (q.start, q.end))).collect()
}

/// The indirect reports `text` holds, as (content, cue) pairs.
fn indirect_reports(text: &str) -> Vec<(String, String)> {
    let s = Analyzer::new().analyze(text);
    s.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (slice(text, (q.start, q.end)), q.cue.map(|c| slice(text, c)).unwrap_or_default()))
        .collect()
}

#[test]
fn indonesian_statement_of_one_or_two_words_closed_by_its_cue() {
    check(
        "Petani <<Suparman>> menemui warga 🏘️.\r\n\r\n“Jalan ini kami perbaiki,” katanya.\r\n\r\n\
         ((Jangan menunggu)), {{tegasnya}}.",
    );
    check("\"Banjir sudah surut,\" kata warga.\r\n\r\n((Belum aman)), {{kata}} <<Rahmat Hidayat>> di posko, Selasa (4/6) 🌧️.");
    // A connective alone before the cue is no statement; the cue set off before more
    // report keeps that reading.
    check(
        "Camat <<Wulan Sari>> hadir 🎉.\r\n\r\nNamun, {{kata}} <<Wulan>>, ((yang perlu dijaga adalah kebersihan pasar)).\r\n\r\n\
         “Kami awasi,” ujarnya.",
    );
}

#[test]
fn indonesian_short_rest_after_a_cue_inside_the_clause() {
    check(
        "Kepala dinas <<Hendra Gunawan>> ditanya soal kabar itu 📰.\r\n\r\n((Kabar itu, {{katanya}}, tidak benar)).\r\n\r\n\
         \"Kami sudah cek,\" ujarnya.",
    );
    check("((Rencana pembangunan jembatan itu, {{kata}} <<Yusuf Maulana>>, belum siap)) 🌉.\r\n\r\n“Tunggu saja,” katanya.");
}

#[test]
fn indonesian_short_predicate_after_a_speech_verb_is_a_report() {
    check(
        "Pelatih <<Bambang Irawan>> {{mengatakan}} ((siap)).\r\n\r\n“Tim kami lengkap ⚽,” katanya.\r\n\r\n\
         Ditanya soal jadwal, Bambang {{menyatakan}} ((tidak tahu)).",
    );
    check("Bupati <<Ratna Dewi>> {{menyebutkan}} bahwa ((sudah)).\r\n\r\n\"Kami lanjutkan,\" katanya 🚜.");
    // A short noun object is no report, with the cue or without a predicate word.
    let text = "Warga 🏡 Desa Sukamaju berkumpul.\r\n\r\nKepala desa mengatakan hal itu.\r\n\r\n\
                Ia menyatakan perang.\r\n\r\nSekretaris desa menyampaikan salam hangat.\r\n\r\n\
                Pameran foto itu mengingatkan kita pada banjir besar dua dekade lalu.";
    assert!(indirect_reports(text).is_empty(), "{:?}", indirect_reports(text));
}

#[test]
fn indonesian_subjects_that_are_no_speaker() {
    // A demonstrative for a thing, a clause opened by a conjunction or a degree
    // adverb, and a noun making the verb a noun phrase speak no report.
    let text = "Sidang 🏛️ berlangsung alot.\r\n\r\nHal itu menegaskan lemahnya pengawasan anggaran desa.\r\n\r\n\
                Ini menunjukkan kualitas layanan publik yang menurun.\r\n\r\n\
                Pedagang itu belum mendaftar, karena menilai biaya izin terlalu mahal.\r\n\r\n\
                Rumah sakit sangat terbantu memastikan pasokan oksigen tetap cukup.\r\n\r\n\
                Warga belajar cara-cara menyampaikan keluhan, usulan, atau kritik.";
    assert!(indirect_reports(text).is_empty(), "{:?}", indirect_reports(text));
}

#[test]
fn indonesian_menurut_after_its_subject_without_a_comma() {
    check(
        "((Gagasan membuat pupuk dari limbah pasar itu {{menurut}} <<Dimas>>, salah satu anggota kelompok, datang dari \
         para ibu)) 🌱.\r\n\r\n“Kami hanya membantu,” kata Dimas.",
    );
    // A capitalised `Menurut` after a heading that lost its stop does not report the heading.
    let text = "Harga naik Menurut Ani Lestari, harga beras 🍚 naik sejak Maret.\r\n\r\n\"Kami kewalahan,\" katanya.";
    let reports = indirect_reports(text);
    assert!(reports.iter().any(|(c, _)| c == "harga beras 🍚 naik sejak Maret"), "{reports:?}");
}

#[test]
fn indonesian_nested_report_with_an_addressee_before_bahwa() {
    let text = "Menteri Lestari Wahyuni menegaskan para bupati sudah menyampaikan kepada gubernur bahwa anggaran 💸 \
                banjir belum cair.\r\n\r\n“Kami tunggu,” katanya.";
    let reports = indirect_reports(text);
    let inner = ("anggaran 💸 banjir belum cair".to_owned(), "menyampaikan".to_owned());
    assert!(reports.contains(&inner), "{reports:?}");
}

#[test]
fn a_report_keeps_the_bracket_closing_in_it() {
    check(
        "Kepala BPBD <<Agus Salim>> {{mengatakan}}, ((hujan deras diperkirakan turun hingga Jumat (7/6))).\r\n\r\n\
         “Warga harus waspada 🌊,” katanya.",
    );
}

#[test]
fn indonesian_setting_before_the_verb_is_no_speaker() {
    // The day (`kemarin`) or the occasion before the verb is not who spoke; the
    // subject before the comma is.
    check(
        "Anggota DPRD <<Sutrisno Wibowo>>, kemarin {{mengatakan}} ((anggaran jalan desa 🛣️ akan naik tahun depan)).\r\n\r\n\
         “Kami kawal,” katanya.",
    );
    // A speech verb after a modal, a purpose or a passive request is another verb's
    // complement, not a report.
    let text =
        "Banjir 🌊 melanda tiga desa.\r\n\r\nPemerintah desa diminta memastikan stok pangan di posko cukup.\r\n\r\n\
                Petugas mesti memastikan semua pengungsi sudah terdata.\r\n\r\n\
                Relawan datang untuk memastikan bantuan sampai ke warga.";
    assert!(indirect_reports(text).is_empty(), "{:?}", indirect_reports(text));
}

#[test]
fn indonesian_noun_object_plea_and_directive_are_no_report() {
    // A verb that takes a noun phrase as often as a clause reports nothing with a noun
    // phrase alone; nor do a plea, a directive, `hal itu` with its setting, or a verb
    // after a word of aim.
    let text = "“Musim hujan datang 🌧️,” kata lurah.\r\n\r\nLurah itu mencontohkan jembatan di desa seberang \
                yang ambruk tahun lalu.\r\n\r\nCamat memastikan kelancaran distribusi pupuk di tiga kecamatan.\r\n\r\n\
                Ia juga menekankan pentingnya gotong royong warga.\r\n\r\n\
                Seorang sopir mengaku bersalah di pengadilan atas kecelakaan itu.\r\n\r\n\
                Bupati mengingatkan agar warga tidak membuang sampah ke sungai.\r\n\r\n\
                \"Kami siap,\" ujarnya. Ia menyampaikan hal itu saat meninjau tanggul, Senin (2/1).\r\n\r\n\
                Untuk memastikan tanggul aman, dinas mengirim dua ekskavator.";
    assert!(indirect_reports(text).is_empty(), "{:?}", indirect_reports(text));
}

#[test]
fn indonesian_object_verb_with_a_clause_reports() {
    check(
        "“Gudang penuh 📦,” kata kepala gudang.\r\n\r\nSementara itu, <<Sari Wulandari>> {{memastikan}} \
         ((stok beras di gudang itu akan cukup sampai Lebaran)).\r\n\r\n\"Jangan khawatir,\" ujarnya.",
    );
    check(
        "Harga gabah turun 🌾.\r\n\r\nPengamat <<Dimas Prasetyo>> {{mencontohkan}}, ((banyak petani di pantai \
         utara menjual gabah di bawah harga pokok))\r\n",
    );
}

#[test]
fn indonesian_vow_is_a_report() {
    check(
        "Kasus itu 🔎 sudah setahun.\r\n\r\n((Saya tidak pernah menerima suap)), {{sumpah}} <<Hendra Gunawan>> \
         di depan hakim.\r\n\r\n“Periksa saja,” katanya.",
    );
    check(
        "Kapolres <<Rudi Hartanto>> tiba di lokasi 🚓.\r\n\r\n\"Kami usut,\" katanya.\r\n\r\n\
         <<Rudi>> {{bersumpah}} ((akan menuntaskan kasus pembakaran pasar itu bulan ini)).",
    );
}

#[test]
fn indonesian_subject_before_a_relative_clause_or_a_setting_speaks() {
    check(
        "Pasar induk sepi 🛒.\r\n\r\n“Sepi sekali,” kata seorang kuli.\r\n\r\n<<Pedagang sayur>> yang ditemui \
         di lapak {{mengatakan}} ((harga cabai naik dua kali lipat sejak pekan lalu)).",
    );
    check(
        "Rapat ditunda 📅.\r\n\r\n\"Belum ada jadwal,\" kata panitia.\r\n\r\n<<Pejabat>> yang enggan disebut \
         namanya {{menyatakan}} ((rapat akan digelar lagi bulan depan)).\r\n",
    );
    check(
        "Jalur selatan ditutup 🚧.\r\n\r\n“Hati-hati,” kata petugas.\r\n\r\n<<Dinas Perhubungan Kota Batu>> \
         dalam siaran pers yang diterima pada Rabu (3/3/2021) {{menyebutkan}} ((jalur itu dibuka kembali \
         pekan depan)).",
    );
    check(
        "Libur panjang tiba 🏖️.\r\n\r\nMenanggapi libur itu, <<sejumlah warga>> di Surabaya {{menyatakan}} \
         ((ingin pulang ke kampung halaman bersama keluarga)).\r\n\r\n\"Sudah rindu,\" kata seorang ibu.",
    );
}
