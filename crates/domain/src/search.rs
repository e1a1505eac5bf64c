//! Japanese-friendly search without a morphological analyser: text is normalised, cut into
//! 1- and 2-character grams, and a query matches a document when the document holds every
//! gram of every query term (then an exact substring check removes false positives).
//!
//! This works the same on SQLite and PostgreSQL with a plain `(gram, listing_id)` table, and
//! it needs no dictionary: Japanese has no spaces between words, so a word index would need
//! one, while bigrams find 「翻訳」 inside 「英語の翻訳」 by themselves.
//!
//! The pieces, and who uses them:
//! - [`normalize`]: applied to both documents and queries, so that 「ﾃﾞｻﾞｲﾝ」, 「デザイン」 and
//!   「でざいん」 (or 「ＬＯＧＯ」 and "logo") are the same text. The stored search text of a
//!   listing is `normalize(title + "\n" + description)`.
//! - [`index_grams`]: the posting list of one document.
//! - [`SearchQuery`]: the terms of what a visitor typed, the grams each term needs
//!   ([`SearchQuery::term_grams`]) and the terms for the substring check
//!   ([`SearchQuery::terms`]).

use std::collections::BTreeSet;
use std::ops::Range;

/// Most distinct grams indexed per document. A 5,000-character description has at most
/// ~10,000 grams and in practice far fewer distinct ones; the cap bounds the index rows one
/// listing can add. Grams are taken in text order, so when a document exceeds the cap it is
/// the end of the text that is no longer findable, never the title (which comes first).
pub const MAX_INDEX_GRAMS: usize = 4000;

/// Most terms a query keeps; later ones are ignored.
pub const MAX_QUERY_TERMS: usize = 10;

/// Longest query term, in characters; longer ones are cut.
pub const MAX_TERM_CHARS: usize = 50;

/// Normalises text for indexing and searching. Rules, applied per character in this order:
///
/// 1. Full-width ASCII (U+FF01–U+FF5E, 「ＡＢＣ１２３！」) becomes ASCII ("ABC123!"): IMEs
///    type either form.
/// 2. Half-width katakana (U+FF61–U+FF9F, 「ﾃﾞｻﾞｲﾝ」) becomes full-width katakana, and a
///    half-width voiced or semi-voiced sound mark (ﾞ, ﾟ) is combined with the kana before it
///    (ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ). The combining marks U+3099 and U+309A, found in text copied
///    from macOS file names, are combined the same way. A mark that cannot combine stays
///    (the half-width ones as the full-width ゛ and ゜).
/// 3. Katakana U+30A1–U+30F6 becomes hiragana (minus 0x60): 「デザイン」 → 「でざいん」, so
///    that a search in either script finds both. The long-vowel mark ー is kept.
/// 4. ASCII letters become lower case ("LOGO" → "logo").
/// 5. Any run of whitespace (the ideographic space U+3000, tabs and line breaks included)
///    becomes one ASCII space, and leading and trailing whitespace is removed.
///
/// Kanji and everything else are left as they are. The result is stable:
/// `normalize(&normalize(s)) == normalize(s)`.
pub fn normalize(text: &str) -> String {
    normalize_mapped(text).0
}

/// [`normalize`], and for every character of the result the byte range of `text` it came
/// from (a combined sound mark widens its kana's range; a collapsed run of whitespace maps to
/// the whole run), so that matches found in normalised text can be marked in the original.
pub fn normalize_mapped(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut origins: Vec<Range<usize>> = Vec::new();
    let mut pending_space: Option<Range<usize>> = None;
    for (start, c) in text.char_indices() {
        let origin = start..start + c.len_utf8();
        let c = fold(c);
        if c.is_whitespace() {
            if !out.is_empty() {
                pending_space = Some(match pending_space {
                    Some(run) => run.start..origin.end,
                    None => origin,
                });
            }
            continue;
        }
        if let Some((mark, standalone)) = sound_mark(c) {
            let composed = if pending_space.is_some() {
                None
            } else {
                out.chars().next_back().and_then(|last| compose(last, mark))
            };
            if let Some(composed) = composed {
                out.pop();
                out.push(composed);
                if let Some(last) = origins.last_mut() {
                    last.end = origin.end;
                }
                continue;
            }
            push(
                &mut out,
                &mut origins,
                &mut pending_space,
                standalone,
                origin,
            );
            continue;
        }
        push(&mut out, &mut origins, &mut pending_space, c, origin);
    }
    (out, origins)
}

fn push(
    out: &mut String,
    origins: &mut Vec<Range<usize>>,
    pending_space: &mut Option<Range<usize>>,
    c: char,
    origin: Range<usize>,
) {
    if let Some(space) = pending_space.take() {
        out.push(' ');
        origins.push(space);
    }
    out.push(c);
    origins.push(origin);
}

/// Rules 1, 3 and 4 of [`normalize`] and the kana half of rule 2, for one character.
fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF61}'..='\u{FF9D}' => HALF_WIDTH_KANA
            .chars()
            .nth(c as usize - 0xFF61)
            .unwrap_or(c),
        _ => c,
    };
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c.to_ascii_lowercase(),
    }
}

/// Full-width forms of U+FF61..=U+FF9D (｡ to ﾝ), in code point order.
const HALF_WIDTH_KANA: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SoundMark {
    /// 濁点.
    Voiced,
    /// 半濁点.
    SemiVoiced,
}

/// A mark that combines with the kana before it, and what it becomes when it cannot.
fn sound_mark(c: char) -> Option<(SoundMark, char)> {
    match c {
        '\u{FF9E}' => Some((SoundMark::Voiced, '゛')),
        '\u{FF9F}' => Some((SoundMark::SemiVoiced, '゜')),
        '\u{3099}' => Some((SoundMark::Voiced, c)),
        '\u{309A}' => Some((SoundMark::SemiVoiced, c)),
        _ => None,
    }
}

/// The voiced or semi-voiced form of an (already hiragana) kana. In Unicode the voiced form
/// follows its base directly, and the semi-voiced one comes after that.
fn compose(base: char, mark: SoundMark) -> Option<char> {
    let offset = match (mark, base) {
        (SoundMark::Voiced, 'う') => return Some('ゔ'),
        (
            SoundMark::Voiced,
            'か' | 'き' | 'く' | 'け' | 'こ' | 'さ' | 'し' | 'す' | 'せ' | 'そ' | 'た' | 'ち'
            | 'つ' | 'て' | 'と' | 'は' | 'ひ' | 'ふ' | 'へ' | 'ほ',
        ) => 1,
        (SoundMark::SemiVoiced, 'は' | 'ひ' | 'ふ' | 'へ' | 'ほ') => 2,
        _ => return None,
    };
    char::from_u32(base as u32 + offset)
}

/// Characters that separate tokens in normalised text: whitespace, ASCII punctuation and
/// Japanese punctuation, brackets and decorative symbols common in listing titles
/// (「★初回限定★」). Grams never span a separator.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '。'
                | '・'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '〈'
                | '〉'
                | '《'
                | '》'
                | '〖'
                | '〗'
                | '〘'
                | '〙'
                | '〚'
                | '〛'
                | '〝'
                | '〟'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '…'
                | '‥'
                | '〜'
                | '〰'
                | '※'
                | '★'
                | '☆'
                | '♪'
                | '♫'
                | '♡'
                | '♥'
                | '●'
                | '○'
                | '◎'
                | '◆'
                | '◇'
                | '■'
                | '□'
                | '▲'
                | '△'
                | '▼'
                | '▽'
                | '→'
                | '←'
                | '↑'
                | '↓'
                | '｡'
                | '､'
                | '･'
                | '¥'
                | '￥'
                | '£'
                | '¢'
                | '¬'
                | '¦'
        )
}

/// ASCII punctuation that a query keeps inside a term because it belongs to words people
/// search for: "c++", "c#", "node.js", "e-mail", "b2b/b2c", "q&a", "don't". Other separators
/// split the query into terms.
fn joins_words(c: char) -> bool {
    matches!(c, '+' | '#' | '.' | '-' | '/' | '&' | '@' | '\'' | '_')
}

/// The tokens of normalised text: maximal runs without a separator.
fn tokens(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(is_separator)
        .filter(|token| !token.is_empty())
}

/// Calls `emit` with every character and every overlapping pair of characters of `token`, in
/// order; stops early when `emit` returns false.
fn for_each_gram(token: &str, mut emit: impl FnMut(String) -> bool) -> bool {
    let mut previous = None;
    for c in token.chars() {
        if !emit(c.to_string()) {
            return false;
        }
        if let Some(p) = previous
            && !emit([p, c].iter().collect())
        {
            return false;
        }
        previous = Some(c);
    }
    true
}

/// The grams a document is indexed under: of [`normalize`]d `text`, split into tokens at
/// whitespace and punctuation, every single character and every overlapping 2-character
/// gram of each token, so that 1- and 2-character queries hit as well as longer ones.
/// At most [`MAX_INDEX_GRAMS`] distinct grams, taken in text order.
pub fn index_grams(text: &str) -> BTreeSet<String> {
    let normalized = normalize(text);
    let mut grams = BTreeSet::new();
    for token in tokens(&normalized) {
        let complete = for_each_gram(token, |gram| {
            if grams.len() < MAX_INDEX_GRAMS {
                grams.insert(gram);
                true
            } else {
                // Already-known grams would not grow the set, but nothing new fits either.
                false
            }
        });
        if !complete {
            break;
        }
    }
    grams
}

/// One token of a search engine's index: a gram (or a word-joining mark) at its character
/// position in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positioned {
    pub position: usize,
    pub text: String,
}

/// The tokens an engine indexes a document under, in position order. `normalized` is
/// [`normalize`]d text; a character's position is its index in it, so that a phrase of
/// tokens at consecutive positions is an exact substring:
/// - every character that is not a separator, as a unigram (1-character queries);
/// - every pair of adjacent non-separators, as a bigram at the first one's position (longer
///   queries are phrases over bigrams, so 「ろごろ」 does not match 「ろご ごろ」);
/// - the word-joining marks of [`SearchQuery::parse`] ("c++", "snake_case") as unigrams, so
///   that a term keeping them matches only text with the same mark at the same place.
///
/// Other separators take a position but no token: no phrase spans them.
pub fn document_tokens(normalized: &str) -> Vec<Positioned> {
    let mut tokens = Vec::new();
    let mut previous: Option<char> = None;
    for (position, c) in normalized.chars().enumerate() {
        if is_separator(c) {
            if joins_words(c) {
                tokens.push(Positioned {
                    position,
                    text: c.to_string(),
                });
            }
            previous = None;
            continue;
        }
        if let Some(p) = previous {
            tokens.push(Positioned {
                position: position - 1,
                text: [p, c].iter().collect(),
            });
        }
        tokens.push(Positioned {
            position,
            text: c.to_string(),
        });
        previous = Some(c);
    }
    tokens
}

/// Byte ranges of `original` to mark as matching the normalised `terms` (every occurrence,
/// overlapping ones merged, in order). Matching is on normalised text, so 「ﾛｺﾞ」 in a title is
/// marked for the query 「ロゴ」.
pub fn highlight_ranges(original: &str, terms: &[String]) -> Vec<Range<usize>> {
    let (normalized, origins) = normalize_mapped(original);
    let chars: Vec<char> = normalized.chars().collect();
    let mut hits: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - needle.len() {
            if chars[start..start + needle.len()] == needle[..] {
                hits.push(start..start + needle.len());
            }
        }
    }
    hits.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for hit in hits {
        match merged.last_mut() {
            Some(last) if hit.start <= last.end => last.end = last.end.max(hit.end),
            _ => merged.push(hit),
        }
    }
    merged
        .into_iter()
        .filter_map(|r| Some(origins.get(r.start)?.start..origins.get(r.end - 1)?.end))
        .collect()
}

/// What a visitor searched for: up to [`MAX_QUERY_TERMS`] normalised terms, all of which must
/// match. An empty query (no terms) means no keyword filter.
///
/// The query is split into terms at whitespace and at punctuation, except the ASCII marks that
/// belong to words such as "c++", "node.js" or "e-mail"; terms made only of punctuation are
/// dropped, as are repeated terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SearchQuery {
    terms: Vec<String>,
}

impl SearchQuery {
    /// Reads a search box. Never fails: anything unusable is dropped, terms longer than
    /// [`MAX_TERM_CHARS`] are cut, terms after the [`MAX_QUERY_TERMS`]th are ignored.
    pub fn parse(input: &str) -> Self {
        let normalized = normalize(input);
        let mut terms: Vec<String> = Vec::new();
        let candidates = normalized
            .split(|c: char| is_separator(c) && !joins_words(c))
            .map(|term| term.chars().take(MAX_TERM_CHARS).collect::<String>());
        for term in candidates {
            if terms.len() == MAX_QUERY_TERMS {
                break;
            }
            if tokens(&term).next().is_some() && !terms.contains(&term) {
                terms.push(term);
            }
        }
        Self { terms }
    }

    /// The normalised terms, for the exact substring check against a document's normalised
    /// text (the n-gram lookup alone can match grams that are not adjacent).
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when there is no keyword to filter by.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Per term, the distinct grams a matching document must contain (in [`index_grams`]):
    /// for a 1-character term that character, for a longer one its overlapping bigrams
    /// (「翻訳する」 → 翻訳, 訳す, する). A term with word-joining punctuation ("c++") needs
    /// the grams of its parts. Never empty for any term.
    pub fn term_grams(&self) -> Vec<Vec<String>> {
        self.terms.iter().map(|term| grams_of_term(term)).collect()
    }

    /// Per term, the tokens of [`document_tokens`] a matching document holds at consecutive
    /// offsets from where the term starts: its bigrams (or the character of a 1-character run)
    /// and its word-joining marks. A term matches exactly where the text holds it.
    pub fn term_phrases(&self) -> Vec<Vec<Positioned>> {
        self.terms.iter().map(|term| phrase_of_term(term)).collect()
    }
}

fn phrase_of_term(term: &str) -> Vec<Positioned> {
    let chars: Vec<char> = term.chars().collect();
    let word = |i: usize| chars.get(i).is_some_and(|c| !is_separator(*c));
    let mut phrase = Vec::new();
    for (position, c) in chars.iter().enumerate() {
        let text = if is_separator(*c) {
            c.to_string()
        } else if word(position + 1) {
            [*c, chars[position + 1]].iter().collect()
        } else if position > 0 && word(position - 1) {
            continue;
        } else {
            c.to_string()
        };
        phrase.push(Positioned { position, text });
    }
    phrase
}

fn grams_of_term(term: &str) -> Vec<String> {
    let mut grams: Vec<String> = Vec::new();
    for token in tokens(term) {
        let chars: Vec<char> = token.chars().collect();
        let token_grams: Vec<String> = match chars.as_slice() {
            [single] => vec![single.to_string()],
            _ => chars.windows(2).map(|pair| pair.iter().collect()).collect(),
        };
        for gram in token_grams {
            if !grams.contains(&gram) {
                grams.push(gram);
            }
        }
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matches(query: &str, document: &str) -> bool {
        let grams = index_grams(document);
        let text = normalize(document);
        let query = SearchQuery::parse(query);
        query
            .term_grams()
            .iter()
            .all(|needed| needed.iter().all(|g| grams.contains(g)))
            && query
                .terms()
                .iter()
                .all(|term| text.contains(term.as_str()))
    }

    #[test]
    fn widths_and_scripts_fold_together() {
        assert_eq!(normalize("ﾃﾞｻﾞｲﾝ"), "でざいん");
        assert_eq!(normalize("デザイン"), "でざいん");
        assert_eq!(normalize("でざいん"), "でざいん");
        assert_eq!(normalize("ＬＯＧＯ"), "logo");
        assert_eq!(normalize("Logo"), "logo");
        assert_eq!(normalize("ﾊﾟﾝﾌﾚｯﾄ"), "ぱんふれっと");
        assert_eq!(normalize("ｳﾞｧｲｵﾘﾝ"), "ゔぁいおりん");
        assert_eq!(normalize("ヴァイオリン"), "ゔぁいおりん");
        assert_eq!(normalize("ｺｰﾋｰ"), "こーひー");
        assert_eq!(normalize("１２３ＡＢＣ！"), "123abc!");
        assert_eq!(normalize("｢ﾛｺﾞ｣､ﾒｲｼ｡"), "「ろご」、めいし。");
    }

    #[test]
    fn half_width_table_covers_its_block() {
        assert_eq!(HALF_WIDTH_KANA.chars().count(), 0xFF9D - 0xFF61 + 1);
        assert_eq!(normalize("ｦﾝ"), "をん");
        assert_eq!(normalize("ｧｯｰ"), "ぁっー");
    }

    #[test]
    fn sound_marks_that_cannot_combine_stay() {
        assert_eq!(normalize("ｱﾞ"), "あ゛");
        assert_eq!(normalize("ﾟ"), "゜");
        assert_eq!(normalize("ｶ ﾞ"), "か ゛");
        // Decomposed kana, as in macOS file names.
        assert_eq!(normalize("カ\u{3099}ハ\u{309A}"), "がぱ");
        assert_eq!(normalize("あ\u{3099}"), "あ\u{3099}");
    }

    #[test]
    fn kanji_and_other_scripts_are_kept() {
        assert_eq!(normalize("名刺デザイン"), "名刺でざいん");
        assert_eq!(normalize("Café"), "café");
        assert_eq!(normalize("ヷ"), "ヷ");
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(
            normalize("\u{3000} ロゴ\u{3000}\u{3000}作成\n\tします  "),
            "ろご 作成 します"
        );
        assert_eq!(normalize(" \u{3000}\n"), "");
    }

    #[test]
    fn grams_cover_one_and_two_characters() {
        let grams = index_grams("名刺デザインします");
        for gram in ["名", "刺", "名刺", "刺で", "でざ", "ざい", "す"] {
            assert!(grams.contains(gram), "{gram}");
        }
        assert!(!grams.contains("名刺で"));
        let needed = SearchQuery::parse("名刺").term_grams();
        assert_eq!(needed, vec![vec!["名刺".to_owned()]]);
        assert!(needed[0].iter().all(|g| grams.contains(g)));
    }

    #[test]
    fn grams_do_not_span_separators() {
        let grams = index_grams("【初回限定】ロゴ・名刺、作ります!");
        assert!(grams.contains("限定"));
        assert!(grams.contains("ろご"));
        assert!(!grams.contains("】ろ"));
        assert!(!grams.contains("ご・"));
        assert!(!grams.contains("・"));
        assert!(!grams.contains("!"));
        assert!(!grams.contains("刺、"));
    }

    #[test]
    fn japanese_queries_match() {
        assert!(matches("翻訳", "英語の翻訳"));
        assert!(matches("英語 翻訳", "英語の翻訳"));
        assert!(matches("デザイン", "ﾃﾞｻﾞｲﾝします"));
        assert!(matches("ﾛｺﾞ", "ロゴ作成"));
        assert!(matches("でざいん", "名刺デザイン"));
        assert!(matches("ＬＯＧＯ", "Logo design"));
        assert!(matches("刺", "名刺"));
        assert!(!matches("中国語", "英語の翻訳"));
        assert!(!matches("翻訳 中国", "英語の翻訳"));
        // Grams present but not adjacent: the substring check removes it.
        assert!(!matches("ろごろ", "ろご ごろ"));
    }

    #[test]
    fn terms_keep_word_punctuation_and_split_at_the_rest() {
        let query = SearchQuery::parse("Ｃ＋＋ node.js、ロゴ「名刺」 ★ ");
        assert_eq!(query.terms(), ["c++", "node.js", "ろご", "名刺"]);
        assert_eq!(
            query.term_grams(),
            vec![
                vec!["c".to_owned()],
                vec![
                    "no".to_owned(),
                    "od".to_owned(),
                    "de".to_owned(),
                    "js".to_owned()
                ],
                vec!["ろご".to_owned()],
                vec!["名刺".to_owned()],
            ]
        );
        assert!(matches("c++", "C++でツール開発"));
        assert!(!matches("c++", "C#でツール開発"));
    }

    #[test]
    fn query_limits() {
        assert!(SearchQuery::parse("").is_empty());
        assert!(SearchQuery::parse(" \u{3000}・、！").is_empty());
        assert_eq!(SearchQuery::parse("ロゴ ろご ﾛｺﾞ").terms(), ["ろご"]);
        let many: Vec<String> = (0..15).map(|i| format!("語{i}")).collect();
        assert_eq!(
            SearchQuery::parse(&many.join(" ")).terms().len(),
            MAX_QUERY_TERMS
        );
        let long = SearchQuery::parse(&"あ".repeat(80));
        assert_eq!(long.terms()[0].chars().count(), MAX_TERM_CHARS);
        assert_eq!(long.term_grams(), vec![vec!["ああ".to_owned()]]);
    }

    #[test]
    fn index_is_capped_in_text_order() {
        // Far more distinct grams than the cap.
        let text: String = (0x4E00_u32..0x4E00 + 5_000)
            .filter_map(char::from_u32)
            .collect();
        let grams = index_grams(&format!("ロゴ {text}"));
        assert_eq!(grams.len(), MAX_INDEX_GRAMS);
        assert!(grams.contains("ろご"));
        assert!(grams.contains("\u{4E00}"));
        assert!(grams.contains("\u{4E00}\u{4E01}"));
        let last: String = char::from_u32(0x4E00 + 4_999).into_iter().collect();
        assert!(!grams.contains(&last));
    }

    /// Text that exercises the rules: kana in every width, kanji, Latin in both widths,
    /// punctuation and spaces.
    fn japanese_text() -> impl Strategy<Value = String> {
        "[ぁ-んァ-ヶｦ-ﾟ一-龠ー a-zA-Zａ-ｚＡ-Ｚ0-9０-９、。・「」！？!?.,+#\u{3000}\u{3099}\u{309A}]{0,60}"
    }

    /// The property behind search: whatever a visitor copies out of a listing is found.
    fn substrings_are_found(text: &str, start: usize, len: usize) -> Result<(), TestCaseError> {
        let normalized: Vec<char> = normalize(text).chars().collect();
        if normalized.is_empty() {
            return Ok(());
        }
        let start = start % normalized.len();
        let end = (start + len).min(normalized.len());
        let piece: String = normalized[start..end].iter().collect();
        if piece.chars().any(is_separator) || piece.is_empty() {
            return Ok(());
        }
        let grams = index_grams(text);
        let query = SearchQuery::parse(&piece);
        prop_assert_eq!(query.terms(), [piece.clone()]);
        for gram in query.term_grams().concat() {
            prop_assert!(
                grams.contains(&gram),
                "{} of {:?} not in the index",
                gram,
                piece
            );
        }
        prop_assert!(normalize(text).contains(piece.as_str()));
        Ok(())
    }

    /// A phrase match as an engine runs it: every token of a term at its offset from one start.
    fn phrase_matches(query: &str, document: &str) -> bool {
        let normalized = normalize(document);
        let tokens = document_tokens(&normalized);
        let length = normalized.chars().count();
        SearchQuery::parse(query)
            .term_phrases()
            .iter()
            .all(|phrase| {
                (0..length).any(|start| {
                    phrase.iter().all(|t| {
                        tokens.contains(&Positioned {
                            position: start + t.position,
                            text: t.text.clone(),
                        })
                    })
                })
            })
    }

    fn substring_matches(query: &str, document: &str) -> bool {
        let text = normalize(document);
        SearchQuery::parse(query)
            .terms()
            .iter()
            .all(|term| text.contains(term.as_str()))
    }

    #[test]
    fn phrases_are_exact_substrings() {
        for (query, document, expected) in [
            ("ろごろ", "ろご ごろ", false),
            ("ロゴ名刺", "ロゴ名入れと名刺印刷", false),
            ("ロゴ名刺", "ロゴ名刺セット", true),
            ("snake_case", "snake caseの書き方", false),
            ("snake_case", "snake_case命名", true),
            ("c++", "C#でツール開発", false),
            ("c++", "C++でツール開発", true),
            ("刺", "名刺", true),
            ("ａ４", "A4片面のチラシ", true),
            ("ああああ", "あああ", false),
            ("ああああ", "ああああ", true),
        ] {
            assert_eq!(
                phrase_matches(query, document),
                expected,
                "{query} in {document}"
            );
        }
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let title = "ﾛｺﾞ作成　ロゴ名刺";
        let ranges = highlight_ranges(title, &["ろご".to_owned()]);
        let marked: Vec<&str> = ranges.iter().map(|r| &title[r.clone()]).collect();
        assert_eq!(marked, ["ﾛｺﾞ", "ロゴ"]);
        let ranges = highlight_ranges("名刺デザイン", &["刺で".to_owned(), "名刺".to_owned()]);
        assert_eq!(ranges, vec![0.."名刺デ".len()], "overlaps merge");
        assert!(highlight_ranges("名刺", &["翻訳".to_owned()]).is_empty());
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(text in japanese_text()) {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once.clone());
        }

        #[test]
        fn normalize_is_idempotent_on_any_text(text in any::<String>()) {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once.clone());
        }

        #[test]
        fn every_substring_is_found(text in japanese_text(), start in 0..100_usize, len in 1..=5_usize) {
            substrings_are_found(&text, start, len)?;
        }

        #[test]
        fn every_substring_of_any_text_is_found(text in any::<String>(), start in 0..100_usize, len in 1..=5_usize) {
            substrings_are_found(&text, start, len)?;
        }

        #[test]
        fn phrases_match_exactly_the_substrings(document in japanese_text(), query in japanese_text()) {
            prop_assert_eq!(phrase_matches(&query, &document), substring_matches(&query, &document));
        }

        #[test]
        fn copied_pieces_match_as_phrases(text in japanese_text(), start in 0..100_usize, len in 1..=6_usize) {
            let chars: Vec<char> = normalize(&text).chars().collect();
            if !chars.is_empty() {
                let start = start % chars.len();
                let piece: String = chars[start..(start + len).min(chars.len())].iter().collect();
                prop_assert_eq!(phrase_matches(&piece, &text), substring_matches(&piece, &text));
            }
        }

        #[test]
        fn mapped_normalisation_is_normalisation(text in any::<String>()) {
            let (normalized, origins) = normalize_mapped(&text);
            prop_assert_eq!(normalized.chars().count(), origins.len());
            prop_assert_eq!(normalized, normalize(&text));
        }

        #[test]
        fn queries_stay_within_limits(raw in any::<String>()) {
            let query = SearchQuery::parse(&raw);
            prop_assert!(query.terms().len() <= MAX_QUERY_TERMS);
            for (term, grams) in query.terms().iter().zip(query.term_grams()) {
                prop_assert!(!term.is_empty() && term.chars().count() <= MAX_TERM_CHARS);
                prop_assert!(!grams.is_empty());
                prop_assert!(grams.iter().all(|g| (1..=2).contains(&g.chars().count())));
            }
        }
    }
}
