//! One fixture for each special case of the speaker stage kept as a statement about
//! the language (docs/speaker-rules.md): each names the construction, is written
//! fresh for it, and fails when that case is switched off. Markup as in
//! [`quote_fixtures`](super::super::quote_fixtures).

use super::super::quote_fixtures::check;

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
