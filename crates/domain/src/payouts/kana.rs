//! Account-holder names (口座名義) in the character set of bank transfer files.
//!
//! Banks match a transfer's recipient name against the kana they registered for the account,
//! in the half-width character set of the 全銀協 (Zengin) formats: half-width katakana, upper
//! case Latin letters, digits, space and `( ) . - /`. Members type names with an IME, so the
//! input is full-width katakana, hiragana or a mix; [`to_zengin_kana`] folds what has one
//! obvious form and refuses everything else (kanji, 「・」, emoji), so that the member fixes
//! the name rather than the bank returning the transfer.
//!
//! What the banks ask for, and so what this module does:
//! - voiced kana split into base and mark: ガ → ｶﾞ, パ → ﾊﾟ, ヴ → ｳﾞ (the mark counts as a
//!   character of its own wherever a length is limited);
//! - small kana made large: ャ → ﾔ, ッ → ﾂ, ァ → ｱ, ヵ → ｶ (banks register 「キユウヨ」, not
//!   「キュウヨ」);
//! - the long-vowel mark ー becomes the hyphen `-`, as in the 全銀協 bank and branch table
//!   (「ソニ-」, 「ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ」): several banks refuse the half-width ｰ (U+FF70) in names;
//! - ヲ stays ｦ; ヰ and ヱ, which have no half-width form, are refused.

use crate::error_code::error_codes;

/// Why a name cannot be written in transfer-file kana.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KanaError {
    /// A character that has no place in a transfer file (kanji, 「・」, emoji, a voiced mark
    /// that follows no kana that takes it, ...).
    #[error("{character:?} cannot be used in an account name")]
    InvalidCharacter {
        /// The first offending character, as typed.
        character: char,
    },
}

error_codes! {
    KanaError {
        InvalidCharacter { character } => "kana-invalid-character",
    }
}

/// Half-width voiced sound mark (濁点) and semi-voiced sound mark (半濁点).
const DAKUTEN: char = '\u{FF9E}';
const HANDAKUTEN: char = '\u{FF9F}';

/// True for the characters a transfer file may hold in a name field: half-width katakana
/// ｦ and ｱ–ﾝ with ﾞ ﾟ (U+FF66, U+FF71–U+FF9F), `A`–`Z`, `0`–`9`, space and `( ) . - /`.
/// Small half-width kana (ｧ–ｯ), ｰ and the half-width punctuation ｡｢｣､･ are not in the set.
pub fn is_zengin_char(c: char) -> bool {
    matches!(
        c,
        'A'..='Z' | '0'..='9' | ' ' | '(' | ')' | '.' | '-' | '/' | '\u{FF66}' | '\u{FF71}'..='\u{FF9F}'
    )
}

/// Normalises a name to transfer-file kana (see the module docs): every output character
/// satisfies [`is_zengin_char`], runs of spaces (including 全角スペース) become one, and the
/// ends are trimmed. The result may be empty; whether that is an error is the caller's
/// decision. Normalising an already normalised name returns it unchanged.
pub fn to_zengin_kana(input: &str) -> Result<String, KanaError> {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars() {
        if c == ' ' || c == '\u{3000}' {
            pending_space = !out.is_empty();
            continue;
        }
        let invalid = KanaError::InvalidCharacter { character: c };
        if let Some(mark) = sound_mark(c) {
            // A mark belongs to the kana right before it, so no space may come between.
            let base = out.chars().next_back();
            let fits = !pending_space
                && base.is_some_and(|b| {
                    if mark == DAKUTEN {
                        takes_dakuten(b)
                    } else {
                        takes_handakuten(b)
                    }
                });
            if !fits {
                return Err(invalid);
            }
            out.push(mark);
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, &mut out).ok_or(invalid)?;
    }
    Ok(out)
}

/// The half-width mark for a voiced or semi-voiced sound mark in any of its forms: half-width,
/// spacing full-width (゛゜) or combining (as in decomposed text pasted from macOS).
fn sound_mark(c: char) -> Option<char> {
    match c {
        '\u{FF9E}' | '\u{309B}' | '\u{3099}' => Some(DAKUTEN),
        '\u{FF9F}' | '\u{309C}' | '\u{309A}' => Some(HANDAKUTEN),
        _ => None,
    }
}

/// ｳ, ｶ–ｺ, ｻ–ｿ, ﾀ–ﾄ and ﾊ–ﾎ have voiced forms.
fn takes_dakuten(c: char) -> bool {
    matches!(c, 'ｳ' | 'ｶ'..='ﾄ' | 'ﾊ'..='ﾎ')
}

/// Only ﾊ–ﾎ have semi-voiced forms.
fn takes_handakuten(c: char) -> bool {
    matches!(c, 'ﾊ'..='ﾎ')
}

/// Appends the transfer-file form of one character that is not a space or a sound mark;
/// `None` when it has none.
fn push_folded(c: char, out: &mut String) -> Option<()> {
    match c {
        'A'..='Z' | '0'..='9' | '(' | ')' | '.' | '-' | '/' => out.push(c),
        'a'..='z' => out.push(c.to_ascii_uppercase()),
        // Full-width ASCII (Ａ, ｂ, ３, （, －, ...) maps 1:1 onto ASCII 0x21..0x7E.
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0)?;
            match ascii {
                'A'..='Z' | '0'..='9' | '(' | ')' | '.' | '-' | '/' => out.push(ascii),
                'a'..='z' => out.push(ascii.to_ascii_uppercase()),
                _ => return None,
            }
        }
        // 長音 and the dashes IMEs produce for it.
        'ー' | 'ｰ' | '\u{2010}' | '\u{2011}' | '\u{2212}' => out.push('-'),
        // Hiragana ぁ..ゖ sit exactly 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' => out.push_str(katakana(char::from_u32(c as u32 + 0x60)?)?),
        '\u{30A1}'..='\u{30F6}' => out.push_str(katakana(c)?),
        // Half-width small kana ｧ..ｯ become large.
        '\u{FF67}'..='\u{FF6F}' => out.push(LARGE_HALF_WIDTH[c as usize - 0xFF67]),
        '\u{FF66}' | '\u{FF71}'..='\u{FF9D}' => out.push(c),
        _ => return None,
    }
    Some(())
}

/// ｧ ｨ ｩ ｪ ｫ ｬ ｭ ｮ ｯ made large.
const LARGE_HALF_WIDTH: [char; 9] = ['ｱ', 'ｲ', 'ｳ', 'ｴ', 'ｵ', 'ﾔ', 'ﾕ', 'ﾖ', 'ﾂ'];

/// Half-width forms of the full-width katakana ァ (U+30A1) .. ヶ (U+30F6), small kana made
/// large; `""` for ヰ and ヱ, which have none.
#[rustfmt::skip]
const KATAKANA: [&str; 86] = [
    // ァ ア ィ イ ゥ ウ ェ エ ォ オ
    "ｱ", "ｱ", "ｲ", "ｲ", "ｳ", "ｳ", "ｴ", "ｴ", "ｵ", "ｵ",
    // カ ガ キ ギ ク グ ケ ゲ コ ゴ
    "ｶ", "ｶﾞ", "ｷ", "ｷﾞ", "ｸ", "ｸﾞ", "ｹ", "ｹﾞ", "ｺ", "ｺﾞ",
    // サ ザ シ ジ ス ズ セ ゼ ソ ゾ
    "ｻ", "ｻﾞ", "ｼ", "ｼﾞ", "ｽ", "ｽﾞ", "ｾ", "ｾﾞ", "ｿ", "ｿﾞ",
    // タ ダ チ ヂ ッ ツ ヅ テ デ ト ド
    "ﾀ", "ﾀﾞ", "ﾁ", "ﾁﾞ", "ﾂ", "ﾂ", "ﾂﾞ", "ﾃ", "ﾃﾞ", "ﾄ", "ﾄﾞ",
    // ナ ニ ヌ ネ ノ
    "ﾅ", "ﾆ", "ﾇ", "ﾈ", "ﾉ",
    // ハ バ パ ヒ ビ ピ フ ブ プ ヘ ベ ペ ホ ボ ポ
    "ﾊ", "ﾊﾞ", "ﾊﾟ", "ﾋ", "ﾋﾞ", "ﾋﾟ", "ﾌ", "ﾌﾞ", "ﾌﾟ", "ﾍ", "ﾍﾞ", "ﾍﾟ", "ﾎ", "ﾎﾞ", "ﾎﾟ",
    // マ ミ ム メ モ
    "ﾏ", "ﾐ", "ﾑ", "ﾒ", "ﾓ",
    // ャ ヤ ュ ユ ョ ヨ
    "ﾔ", "ﾔ", "ﾕ", "ﾕ", "ﾖ", "ﾖ",
    // ラ リ ル レ ロ
    "ﾗ", "ﾘ", "ﾙ", "ﾚ", "ﾛ",
    // ヮ ワ ヰ ヱ ヲ ン ヴ ヵ ヶ
    "ﾜ", "ﾜ", "", "", "ｦ", "ﾝ", "ｳﾞ", "ｶ", "ｹ",
];

fn katakana(c: char) -> Option<&'static str> {
    let index = (c as usize).checked_sub(0x30A1)?;
    KATAKANA.get(index).copied().filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn kana(s: &str) -> String {
        to_zengin_kana(s).expect("valid name")
    }

    #[test]
    fn folds_the_usual_ways_of_typing_a_name() {
        assert_eq!(kana("ヤマダ タロウ"), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(kana("やまだ\u{3000}たろう"), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(kana("ﾔﾏﾀﾞ ﾀﾛｳ"), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(kana("  ヤマダ 　 タロウ  "), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(kana("ｶ)ﾖﾛｽﾞ"), "ｶ)ﾖﾛｽﾞ");
        assert_eq!(kana("カ）ヨロズ"), "ｶ)ﾖﾛｽﾞ");
        assert_eq!(kana("Ｙｏｒｏｚｕ ｉｎｃ．"), "YOROZU INC.");
        assert_eq!(kana("yorozu 123/4-5"), "YOROZU 123/4-5");
        assert_eq!(kana("０１２３"), "0123");
    }

    #[test]
    fn splits_voiced_kana() {
        assert_eq!(kana("ガギグゲゴ"), "ｶﾞｷﾞｸﾞｹﾞｺﾞ");
        assert_eq!(kana("パピプペポ"), "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ");
        assert_eq!(kana("ヴ"), "ｳﾞ");
        assert_eq!(kana("ゔぁいおりん"), "ｳﾞｱｲｵﾘﾝ");
        assert_eq!(kana("ヅヂ"), "ﾂﾞﾁﾞ");
    }

    #[test]
    fn accepts_separate_and_combining_sound_marks() {
        assert_eq!(kana("カ\u{3099}"), "ｶﾞ");
        assert_eq!(kana("ハ\u{309A}"), "ﾊﾟ");
        assert_eq!(kana("か゛"), "ｶﾞ");
        assert_eq!(kana("ﾊﾟ"), "ﾊﾟ");
    }

    #[test]
    fn refuses_stray_sound_marks() {
        for bad in ["ﾞｱ", "ｱﾞ", "ｶﾞﾞ", "ｶﾟ", "ｶ ﾞ", "A\u{3099}", "ﾝﾞ"] {
            assert!(
                matches!(to_zengin_kana(bad), Err(KanaError::InvalidCharacter { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn makes_small_kana_large() {
        assert_eq!(kana("キュウヨ イチロウ"), "ｷﾕｳﾖ ｲﾁﾛｳ");
        assert_eq!(kana("ジンジショウゴ"), "ｼﾞﾝｼﾞｼﾖｳｺﾞ");
        assert_eq!(kana("ァィゥェォッャュョヮヵヶ"), "ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹ");
        assert_eq!(kana("ぁぃぅぇぉっゃゅょゎゕゖ"), "ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹ");
        assert_eq!(kana("ｧｨｩｪｫｬｭｮｯ"), "ｱｲｳｴｵﾔﾕﾖﾂ");
    }

    #[test]
    fn long_vowel_becomes_a_hyphen() {
        assert_eq!(kana("スーパー"), "ｽ-ﾊﾟ-");
        assert_eq!(kana("ｽｰﾊﾟｰ"), "ｽ-ﾊﾟ-");
        assert_eq!(kana("ソニ－"), "ｿﾆ-");
        assert_eq!(kana("ソニ−"), "ｿﾆ-");
    }

    #[test]
    fn wo_stays_and_obsolete_kana_are_refused() {
        assert_eq!(kana("ヲ"), "ｦ");
        assert_eq!(kana("を"), "ｦ");
        for bad in ["ヰ", "ヱ", "ゐ", "ゑ", "ヷ"] {
            assert!(to_zengin_kana(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_kanji_symbols_and_emoji() {
        for (bad, character) in [
            ("山田", '山'),
            ("ヤマダ・タロウ", '・'),
            ("ヤマダ,タロウ", ','),
            ("ヤマダ😀", '😀'),
            ("ヤマダ\tタロウ", '\t'),
            ("ヤマダ\nタロウ", '\n'),
            ("ヤマダ「タロウ」", '「'),
            ("ﾔﾏﾀﾞ｡", '｡'),
            ("a@b", '@'),
            ("ＡＢ＆", '＆'),
        ] {
            assert_eq!(
                to_zengin_kana(bad),
                Err(KanaError::InvalidCharacter { character }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn blank_input_gives_an_empty_name() {
        assert_eq!(kana(""), "");
        assert_eq!(kana(" \u{3000} "), "");
    }

    #[test]
    fn the_character_set() {
        for c in "ｦｱﾝﾞﾟAZ09 ().-/".chars() {
            assert!(is_zengin_char(c), "{c}");
        }
        for c in "ｧｯｰ｡｢｣､･az,@ア\u{3000}".chars() {
            assert!(!is_zengin_char(c), "{c}");
        }
    }

    #[test]
    fn every_katakana_maps_to_the_character_set() {
        for c in '\u{30A1}'..='\u{30F6}' {
            if let Ok(out) = to_zengin_kana(&c.to_string()) {
                assert!(out.chars().all(is_zengin_char), "{c} -> {out}");
                assert!(!out.is_empty(), "{c}");
            }
        }
    }

    #[test]
    fn error_code() {
        assert_eq!(
            KanaError::InvalidCharacter { character: '山' }.code(),
            "kana-invalid-character"
        );
    }

    fn name_chars() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{3041}', '\u{3096}'),
                proptest::char::range('\u{30A1}', '\u{30FC}'),
                proptest::char::range('\u{FF61}', '\u{FF9F}'),
                proptest::char::range('A', 'z'),
                proptest::char::range('\u{FF10}', '\u{FF5A}'),
                Just(' '),
                Just('\u{3000}'),
                Just('\u{3099}'),
            ],
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn output_is_in_the_set_trimmed_and_stable(raw in name_chars()) {
            if let Ok(out) = to_zengin_kana(&raw) {
                prop_assert!(out.chars().all(is_zengin_char), "{out:?}");
                prop_assert_eq!(out.trim(), out.as_str());
                prop_assert!(!out.contains("  "));
                prop_assert_eq!(to_zengin_kana(&out), Ok(out.clone()));
            }
        }

        #[test]
        fn never_panics(raw in any::<String>()) {
            let _ = to_zengin_kana(&raw);
        }

        #[test]
        fn zengin_text_is_kept_as_it_is(
            raw in proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('\u{FF71}', '\u{FF9D}'),
                    proptest::char::range('A', 'Z'),
                    proptest::char::range('0', '9'),
                    Just('('), Just(')'), Just('.'), Just('-'), Just('/'), Just('ｦ'),
                ],
                1..30,
            )
        ) {
            let name: String = raw.into_iter().collect();
            prop_assert_eq!(to_zengin_kana(&name), Ok(name.clone()));
        }
    }
}
