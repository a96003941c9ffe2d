//! One fixture for each special case of the speaker stage kept as a statement about
//! the language (docs/speaker-rules.md): each names the construction, is written
//! fresh for it, and fails when that case is switched off. Markup as in
//! [`quote_fixtures`](super::super::quote_fixtures).

use super::super::quote_fixtures::{check, check_tagged, speaker_texts};
use super::super::Label;

#[test]
fn nya_after_a_blended_short_name_goes_to_the_full_name() {
    check(
        "Ketua Koperasi Tani <<Sutrisno Hadi>> membuka rapat anggota.\r\n\r\n\
         Dalam rapat itu, Sutha mengatakan stok pupuk cukup 🌾.\r\n\r\n\
         [[“Kami tidak akan menaikkan harga,”]] {{katanya}}.",
    );
}

#[test]
fn lower_case_title_keeps_the_role_phrase_going() {
    check("[[“Antrean pasien sudah berkurang 😷,”]] {{kata}} Direktur Klinik Harapan Sehat dokter <<Maya Kusuma>>.");
}

#[test]
fn bracket_inside_a_role_phrase_does_not_end_it() {
    check(
        "[[\"Armada baru datang bulan depan,\"]] {{kata}} Direktur Perusahaan Umum Angkutan (Bus Kota) <<Slamet Riyadi>>.",
    );
}

#[test]
fn english_role_at_a_firm_before_the_name() {
    check("[[“We expect rates to hold 📉,”]] {{said}} Head of Research at PT Arta Jaya <<Lina Marpaung>>.\r\n");
}

#[test]
fn nya_skips_a_government_reported_as_speaking() {
    check(
        "Bupati <<Agus Salim>> meninjau tanggul. Pemerintah Kabupaten Lembah Hijau menyatakan dana darurat sudah cair.\r\n\r\n\
         [[”Kami kerja siang malam 🚧,”]] {{ujarnya}}.",
    );
}

#[test]
fn an_opinion_makes_its_holder_salient() {
    check(
        "[[“Pariwisata pulih pelan-pelan,”]] {{kata}} <<Robert Hale>>.\n\n\
         Ekonom Bank Nusantara <<Taufan Aditya>> yakin, ekspor akan naik tahun ini.\n\n\
         [[”Permintaan dari Asia kuat 📈,”]] {{ujarnya}}.",
    );
}

#[test]
fn the_one_who_adds_next_said_the_nya_quote() {
    check(
        "Camat <<Yuni Astuti>> meminta warga mengungsi.\r\n\r\n\
         Ketua RW Darto Sumarno mengatakan perahu sudah disiapkan.\r\n\r\n\
         [[”Posko dibuka dua puluh empat jam 🛶,”]] {{katanya}}.\r\n\r\n\
         Yuni menambahkan, bantuan makanan datang besok.",
    );
}

#[test]
fn a_pronoun_after_the_cue_is_no_role() {
    check("Para pedagang menutup kios lebih awal.\r\n\r\n[[“Kami rugi besar bulan ini 😞,”]] {{kata}} mereka.");
}

#[test]
fn a_people_after_a_common_noun_says_nothing() {
    check("Sebagian warga Betawi {{menilai}} ((aturan parkir baru terlalu mahal 🚗)).");
}

#[test]
fn a_nya_adverb_before_an_aside_is_a_setting() {
    check("Sebenarnya, {{kata}} <<Asep Sunandar>>, ((pasar ini sudah lama perlu direnovasi 🏚️)).\r\n");
}

#[test]
fn a_place_after_the_speaker_belongs_to_the_aside() {
    check(
        "Karena itu, {{kata}} ahli tanah Universitas Tunas Bangsa, <<Ayu Lestari>>, di Bogor, Rabu (6/3/2024), \
         ((petani harus menanam kacang lebih dulu 🌱)).",
    );
}

#[test]
fn they_reaches_back_one_paragraph_only() {
    check(
        "Officials said the ferry would run late all week.\r\n\r\nThe harbour cafe closed early.\r\n\r\n\
         The storm reached the coast at noon 🌊.\r\n\r\n<<They>> {{say}} ((the night boat will not sail)).",
    );
    check(
        "The harbour cafe closed early.\r\n\r\n<<Officials>> {{said}} ((the ferry would run late all week)).\r\n\r\n\
         They {{say}} ((the night boat will not sail 🌊)).",
    );
}

#[test]
fn a_degree_after_the_name_ends_the_speaker_not_the_role() {
    // N6: `SH` after the name is a degree; the name before it speaks, not the role.
    check(
        "Hakim Sutarjo menunda sidang.\r\n\r\n\
         [[“Gugatan itu kami tolak ⚖️,”]] {{kata}} kuasa hukum warga, <<Rahmat Sinaga SH>>.",
    );
}

#[test]
fn an_initial_tells_apart_two_people_of_one_family_name() {
    // N7: the initial before a family name is part of the name.
    check(
        "Council member K Vandermolen voted against the plan 🌉.\r\n\r\n\
         [[\"The bridge is closed,\"]] {{said}} county engineer <<J Vandermolen>>.",
    );
}

#[test]
fn dari_after_the_person_names_where_from_not_who() {
    // N15: `dari` after the person opens the affiliation, even one holding a name.
    check("[[“Berkasnya belum lengkap 📄,”]] {{ujar}} <<Maria Ulfa>> dari Tim Pemenangan Bupati Wahyudi.\r\n");
}

#[test]
fn the_person_at_the_cue_speaks_before_an_apposition_naming_another() {
    // N17: an office named after a person (a hospital) closes the apposition.
    check(
        "[[“Stok darah cukup sampai Lebaran 🩸,”]] {{kata}} <<Marlina Siregar>>, \
         Direktur Rumah Sakit Umum Daerah Haji Adam Malik.\r\n",
    );
}

#[test]
fn a_place_inside_an_unnamed_source_is_part_of_it() {
    // N22: `one Texas election official` speaks, not Texas and not the governor.
    check(
        "Governor Tom Becker 🗳️ asked for patience.\r\n\r\n\
         [[“The count will take a week,”]] <<one Texas election official>> {{said}}.",
    );
}

#[test]
fn an_english_surname_opening_the_sentence_before_a_speech_verb_speaks() {
    // S4: the tagger misses `Fields`; without the rule the senator would speak.
    check(
        "Senator Maria Lopez opened the hearing 🏛️.\r\n\r\n\
         <<Fields>> {{argues}} ((the budget will not pass this year)).",
    );
}

#[test]
fn a_person_introduced_by_disampaikan_is_salient() {
    // C1: `disampaikan X` introduces a speaker; the nearer passing name does not speak.
    check(
        "Hal senada disampaikan <<Budi Santoso>> di pasar milik keluarga Ani Lestari.\r\n\r\n\
         [[“Harga beras stabil 🍚,”]] {{ujarnya}}.",
    );
}

#[test]
fn a_time_of_day_after_the_day_belongs_to_the_date() {
    // C3: `Jumat pagi` between subject and verb is a date.
    check(
        "Bupati <<Hendra Gunawan>> Jumat pagi meninjau tanggul yang jebol bersama ajudannya, Ani Lestari 🌊.\r\n\r\n\
         [[“Perbaikan selesai pekan depan,”]] {{ujarnya}}.",
    );
}

#[test]
fn a_verb_right_after_the_comma_following_a_name() {
    // C6: `X, meninjau …` with no second comma: the verb right after the comma.
    check(
        "Bupati <<Hendra Gunawan>>, meninjau pintu air yang macet bersama ajudannya Ani Lestari 🌊.\r\n\r\n\
         [[\"Kami kerahkan pompa cadangan,\"]] {{ujarnya}}.",
    );
}

#[test]
fn an_apposition_between_subject_and_verb_is_skipped() {
    // C7: `X, Bupati Lembah Hijau, meninjau …`: the subject before the aside.
    check(
        "<<Hendra Gunawan>>, Bupati Lembah Hijau, meninjau tanggul yang jebol bersama ajudannya Ani Lestari.\r\n\r\n\
         [[“Perbaikan selesai pekan depan 🌊,”]] {{ujarnya}}.",
    );
}

#[test]
fn a_day_and_date_between_subject_and_verb_are_skipped() {
    // C8: `X Kamis (7/3) meninjau …`.
    check(
        "Bupati <<Hendra Gunawan>> Kamis (7/3) meninjau jembatan yang retak bersama ajudannya, Ani Lestari 🌉.\r\n\r\n\
         [[“Jembatan ditutup sampai Senin,”]] {{ujarnya}}.",
    );
}

#[test]
fn menurutnya_stands_for_a_person_not_the_company_that_spoke() {
    // G1: the `-nya` of `menurut` is a person, like that of a cue.
    check(
        "Direktur Utama <<Hendra Gunawan>> membuka rapat pemegang saham 📊. \
         “Laba naik sepuluh persen,” kata PT Sinar Makmur dalam siaran persnya.\r\n\r\n\
         {{Menurutnya}}, ((dividen akan dibagikan bulan depan)).",
    );
}

#[test]
fn mereka_stands_for_the_union_not_the_director() {
    // R4: `mereka` may be an organisation.
    check(
        "<<Serikat Buruh Tekstil Nusantara>> menolak rencana PHK yang diumumkan Direktur Hendra Gunawan 🧵.\r\n\r\n\
         [[“Kami akan mogok pekan depan,”]] {{kata}} mereka.",
    );
}

#[test]
fn a_lower_case_run_on_after_an_apposed_verb_is_the_report() {
    // D7: `X, apposition, noted the drop …`: the subject speaks, `the drop` does not.
    check(
        "Dana <<Whitcombe>>, the county’s chief pollster, {{noted}} ((the drop in a radio interview on Monday)). \
         She {{said}} ((younger voters stayed home 🗳️)).\r\n",
    );
}

#[test]
fn a_role_subject_set_off_by_a_relative_clause_is_an_unnamed_source() {
    check(
        "Darto, warga Desa Sukamaju, mengeluhkan jalan rusak 🚜.\r\n\r\n\
         <<Pejabat itu>>, yang baru dilantik pekan lalu, {{mengatakan}}, [[“Dana perbaikan sudah cair.”]]",
    );
}

#[test]
fn mereka_as_a_subject_is_the_group_named_before() {
    check(
        "<<Para nelayan>> desa itu menolak rencana relokasi 🐟. Camat Yuni Astuti datang sore harinya.\r\n\r\n\
         Mereka {{mengatakan}}, [[\"Kami tidak mau pindah dari pantai.\"]]\r\n",
    );
}

#[test]
fn a_group_set_off_by_examples_speaks_not_the_person_named_before() {
    // Session 8, E1: `X, including Y, said`: X names the group, Y some of its members.
    check(
        "Mayor Tom Becker opened the toll bridge on Monday 🌉.\r\n\r\n\
         <<Unions>>, including the dock workers’ guild, {{said}} ((the toll was too high)).\r\n",
    );
    check(
        "Mayor Tom Becker opened the toll bridge on Monday.\n\n\
         [[\"Nobody asked the drivers 🚚,\"]] {{said}} <<several unions>>, including the Dock Workers Alliance.",
    );
}

#[test]
fn a_group_set_off_by_termasuk_speaks_not_a_member() {
    check(
        "Wali Kota Budi Santoso meresmikan jembatan tol itu 🌉.\r\n\r\n\
         <<Serikat buruh>>, termasuk Serikat Pekerja Pelabuhan, {{mengatakan}} ((tarifnya terlalu mahal)).",
    );
}

#[test]
fn an_organisation_opening_its_clause_speaks_not_a_person_named_before() {
    // Session 8, O1: the tagger's organisation is the subject; the name reader found no person.
    check(
        "Mayor Tom Becker opened the toll bridge 🌉.\r\n\r\n\
         After meeting Mayor Tom Becker, the <<Sierra Club>> {{said}} ((the toll was too high)).",
    );
    check(
        "Mayor Tom Becker opened the toll bridge.\n\n\
         <<Northwind Bank>>, a lender based in Ohio, {{said}} ((rates will rise in May 📈)).",
    );
}

#[test]
fn an_organisation_with_its_status_in_brackets_speaks() {
    check(
        "Wali Kota Budi Santoso meresmikan jembatan tol itu 🌉.\r\n\r\n\
         <<PT Jasa Marga (Persero)>> {{mengakui}} ((tarif tol itu terlalu mahal bagi sopir truk)).\r\n",
    );
}

#[test]
fn a_headline_gives_no_full_name_to_a_later_cue() {
    // Session 8, H1: the tagger reads the Title Case headline's run as a person.
    check_tagged(
        "Senator Ward Hammers Northwind Bank Over Fees\r\n\r\n\
         Senator <<Ann Ward>> questioned the bank’s chief on Monday 🙂.\r\n\r\n\
         [[“You should resign,”]] {{said}} Ward.",
        &[("Ward Hammers Northwind Bank", Label::Person), ("Ann Ward", Label::Person)],
    );
}

#[test]
fn nya_goes_to_the_reporter_between_not_the_earlier_direct_speaker() {
    // Session 9: the person reported speaking in between (`X menjelaskan, …`) says the
    // next `-nya` quote, not the speaker of the direct quote before, and not the name
    // most recently written (after a preposition, spoken about).
    check(
        "[[“Air sungai naik setengah meter semalam 🌊,”]] {{kata}} Ketua RT <<Joko Purnomo>>.\r\n\r\n\
         Sementara itu, petugas BPBD <<Rahmat Hidayat>> menjelaskan, tanggul di hilir mulai bocor. \
         Perahu karet dikirim dari gudang bersama Lurah Sari Dewi.\r\n\r\n\
         [[”Kami siaga sampai air surut,”]] {{ujarnya}}.",
    );
    check(
        "[[\"The road stays shut,\"]] {{said}} Mayor <<Ann Moss>>.\n\n\
         Police chief <<Raj Patel>> said officers would stay overnight 🚓, after a call with Councillor Ben Ortiz.\n\n\
         [[\"We are not leaving,\"]] he {{said}}.",
    );
}

#[test]
fn an_institution_listing_its_fields_speaks_as_one_name() {
    check(
        "<<Badan Meteorologi, Klimatologi, dan Geofisika>> {{menyatakan}} ((gelombang tinggi akan datang pekan ini)).\r\n\r\n\
         Kepala Balai Besar Wilayah Timur <<Yosef Lamaran>> {{mengatakan}}, [[“Nelayan jangan melaut dulu 🌊.”]]",
    );
}

#[test]
fn an_office_listing_its_fields_goes_on_to_the_name() {
    check(
        "[[“Aparat akan bertindak tegas 🚓,”]] {{kata}} Menteri Koordinator Bidang Politik, Hukum, dan Keamanan <<Arief Santosa>>.\r\n\r\n\
         <<Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi>> {{menegaskan}} ((ujian sekolah tetap digelar bulan depan)).",
    );
}

#[test]
fn a_name_set_off_after_a_titled_role_holds_it() {
    // The tagger may read the end of the role as a person (`Tirta Sejuk`); the name set
    // off after the role, or before a relative clause, is the one who speaks.
    check_tagged(
        "Direktur Utama Perumda Air Minum Tirta Sejuk, <<Bonar Sihombing>>, {{mengakui}} ((pasokan air ke kawasan utara belum normal)).\r\n\r\n\
         Kepala Dinas Kesehatan Kota Lembah Hijau, <<Ratna Sitompul>>, yang juga hadir 🏥, {{menyatakan}} ((wabah “difteri” sudah terkendali)).\r\n\r\n\
         Kepala Satuan Reserse Polres Teluk Biru, AKP <<Dewi Anggraini>>, yang mendampingi korban, {{menjelaskan}} bahwa ((tersangka sudah ditahan sejak Senin)).",
        &[
            ("Perumda Air Minum", Label::Org),
            ("Tirta Sejuk", Label::Person),
            ("Bonar Sihombing", Label::Person),
            ("Dinas Kesehatan Kota Lembah Hijau", Label::Org),
            ("Ratna Sitompul", Label::Person),
            ("Polres Teluk Biru", Label::Org),
            ("Dewi Anggraini", Label::Person),
        ],
    );
}

#[test]
fn nya_may_stand_for_one_unnamed_person() {
    // `seorang` counts one person: the unnamed trader, not the official named before,
    // goes on speaking.
    check(
        "Lurah Bambang Wiyono meninjau pasar pagi itu.\r\n\r\n\
         <<Seorang pedagang>> yang ditemui di los sayur {{mengatakan}} ((harga “cabai” naik dua kali lipat)).\r\n\r\n\
         [[“Pembeli jadi sepi sekali 😔,”]] {{katanya}}.",
    );
}

#[test]
fn a_counted_person_described_by_a_place_speaks_not_the_place() {
    check(
        "Direktur PDAM Budi Harjono hadir dalam rapat itu.\r\n\r\n\
         Di luar ruang rapat, <<seorang warga Kelurahan Sukamaju>> yang ikut hadir {{mengatakan}} ((warga sudah lama membeli air 💧 dari pedagang keliling)).\r\n\r\n\
         [[“Satu jeriken lima ribu rupiah,”]] {{katanya}}.",
    );
}

#[test]
fn nya_goes_to_the_person_the_story_is_with() {
    // `duduk` has no me-/ber- prefix, yet Lina is the subject the `-nya` after stands for,
    // not the speaker before her nor the child spoken about.
    check(
        "Kapolres <<Hendra Wijaya>> {{mengatakan}} ((pelaku sudah ditahan sejak Senin)).\r\n\r\n\
         Ibu korban, <<Lina Marlina>>, duduk di samping suaminya sambil memeluk seragam Nabila 🎒.\r\n\r\n\
         [[“Kami hanya ingin keadilan,”]] {{katanya}}.",
    );
}

#[test]
fn nya_skips_a_subject_inside_what_was_reported() {
    // Bagas is the subject of a verb, but inside what his mother reports: she goes on.
    let text = "Dokter Yudi Prasetyo mengatakan ruang isolasi sudah penuh sejak Kamis.\r\n\r\n\
                Wulan Sari menunggui anaknya di lorong. Ibu dua anak itu bercerita, awalnya Bagas hanya mengeluh \
                demam ringan 🤒.\r\n\r\n“Saya kira flu biasa,” tuturnya.";
    let got = speaker_texts(text);
    assert_eq!(got.last(), Some(&Some("Wulan Sari".to_string())), "{got:?}");
}

#[test]
fn an_unnamed_subject_with_an_age_or_a_place_speaks() {
    check(
        "Warga berkumpul di balai desa sejak pagi 🌧️.\r\n\r\n\
         <<Pria 45 tahun itu>> {{mengatakan}} ((rumahnya sudah dua kali kebanjiran tahun ini)).\r\n\r\n\
         <<Seorang sumber di kepolisian>> yang mengetahui penyidikan {{mengatakan}} ((tersangka pernah dilaporkan dalam “kasus” lain)).",
    );
}

#[test]
fn a_pronoun_subject_keeps_the_person_it_stands_for_salient() {
    // Paimin comes in as an object; `Ia` opening the next sentence is him, so the `-nya`
    // after goes to him rather than to the chair who spoke last.
    check(
        "Ketua rapat <<Sri Wahyuni>> {{mengatakan}} ((setiap warga mendapat waktu tiga menit)).\r\n\r\n\
         Kesempatan pertama diberikan kepada <<Paimin>>, nelayan dari Kampung Baru. \
         Ia menunjukkan jaring yang robek 🎣 di depan meja pimpinan.\r\n\r\n\
         [[“Ini jaring saya satu-satunya,”]] {{tuturnya}}.",
    );
}
