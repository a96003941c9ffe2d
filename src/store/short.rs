//! Error messages quote text, and a span can be 30 MiB long: quoted text is
//! cut to its first and last few dozen characters so that a message stays a line.

/// Characters kept at each end of an abbreviated text.
const KEPT_AT_EACH_END: usize = 40;
/// Messages longer than this (in characters) are abbreviated in the middle.
const LONGEST_MESSAGE: usize = 400;

/// `text` with its middle replaced by `…(N characters)…` when it is longer
/// than a few dozen characters; for quoting spans in messages.
pub fn abbreviate(text: &str) -> String {
    cut_middle(text, KEPT_AT_EACH_END)
}

/// A whole message bounded to a few hundred characters, whatever it quotes.
pub fn bounded_message(message: &str) -> String {
    cut_middle(message, LONGEST_MESSAGE / 2)
}

fn cut_middle(text: &str, keep: usize) -> String {
    let len = text.chars().count();
    if len <= keep * 2 + 20 {
        return text.to_owned();
    }
    let head: String = text.chars().take(keep).collect();
    let tail: String = text.chars().skip(len - keep).collect();
    format!("{head}…({} characters)…{tail}", len - 2 * keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_keep_their_ends_and_say_how_much_is_cut() {
        assert_eq!(abbreviate("“Ya 😀,”\r\n"), "“Ya 😀,”\r\n");
        let long = format!("“Awal{}akhir 😀”", "x".repeat(1_000_000));
        let short = abbreviate(&long);
        assert!(short.starts_with("“Awal") && short.ends_with("akhir 😀”"), "{short}");
        assert!(short.contains("(999933 characters)"), "{short}");
        assert!(short.chars().count() < 120);
        assert!(bounded_message(&long).chars().count() < 450);
    }
}
