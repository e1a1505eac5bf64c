//! Keyword kinds: LINE, other messengers and payment or dealing outside the platform. A name
//! alone is not a breach (「LINEスタンプ制作」, 「Instagram運用代行」, 「PayPay導入サポート」):
//! a rule needs a trigger near the name (「LINE ID」, 「インスタのDMで」, 「PayPayで支払」), and
//! a negation after it (「LINEでのやり取りはできません」) drops it. Matching is done in the
//! compact view (spaces removed, so 「L I N E」 is LINE), word boundaries in the plain one.

use std::ops::Range;

use super::FindingKind;
use super::stream::Folded;

/// One keyword rule.
struct Rule {
    kind: FindingKind,
    /// Names, as normalised (lower case, hiragana).
    names: &'static [&'static str],
    /// Words right after a name that make it something else (「LINEスタンプ」).
    not_before: &'static [&'static str],
    /// Words after the name (within [`WINDOW`] characters) that make it a breach.
    triggers: &'static [&'static str],
    /// Words right before the name that make it a breach by themselves (「個人のLINE」).
    pre_triggers: &'static [&'static str],
}

/// Characters after a name in which a trigger is looked for.
const WINDOW: usize = 9;

/// Characters after a finding in which a negation drops it.
const NEGATION_WINDOW: usize = 20;

const CONTACT_TRIGGERS: &[&str] = &[
    "id",
    "あいでぃ",
    ":",
    "交換",
    "追加",
    "友達",
    "友だち",
    "ともだち",
    "連絡",
    "やり取り",
    "やりとり",
    "教え",
    "で話",
    "でお話",
    "通話",
    "直接",
    "登録",
    "で送って",
    "で送り",
    "で送信",
    "に送",
    "やって",
    "してますか",
    "のほうが",
    "の方が",
    "に移",
    "へ移",
    "で繋",
    "でつな",
    "でお願い",
    "qr",
    "add",
    "contact",
    "chat",
    "call",
    "message",
    "申請",
    "dmで",
    "dmください",
    "dm下さい",
    "dmして",
    "dmお",
    "dmを送",
    "dmいただ",
    "dmにて",
    "dmから",
    "にdm",
    "でdm",
    "dmme",
    "@",
];

const RULES: &[Rule] = &[
    Rule {
        kind: FindingKind::Line,
        names: &["line", "らいん"],
        not_before: &[
            "すたんぷ",
            "stamp",
            "公式",
            "official",
            "広告",
            "びじねす",
            "business",
            "pay",
            "ぺい",
            "まんが",
            "漫画",
            "にゅーす",
            "news",
            "music",
            "works",
            "なっぷ",
            "あーと",
            "art",
            "を引",
            "を描",
            "で描",
            "作業",
            "工場",
            "上",
            "ぎふと",
            "ひーろー",
            "@",
            "ゲーム",
            "げーむ",
            "の運用",
            "運用",
            "構築",
            "配信",
            "ぼっと",
            "bot",
            "まーけ",
            "集客",
            "えいど",
            "up",
            "ばいと",
            "ぐりっど",
        ],
        triggers: CONTACT_TRIGGERS,
        pre_triggers: &[
            "meon",
            "個人の",
            "個人",
            "私の",
            "僕の",
            "俺の",
            "わたしの",
            "ぼくの",
        ],
    },
    Rule {
        kind: FindingKind::Messenger,
        names: &[
            "instagram",
            "いんすた",
            "insta",
            "twitter",
            "ついったー",
            "ついった",
            "discord",
            "でぃすこーど",
            "でぃすこ",
            "skype",
            "すかいぷ",
            "chatwork",
            "ちゃっとわーく",
            "whatsapp",
            "わっつあっぷ",
            "telegram",
            "てれぐらむ",
            "facebook",
            "ふぇいすぶっく",
            "messenger",
            "めっせんじゃー",
            "kakaotalk",
            "かかおとーく",
            "wechat",
        ],
        not_before: &[
            "運用",
            "集客",
            "広告",
            "ふぉろわー",
            "follower",
            "投稿",
            "marketing",
            "ads",
            "の運用",
            "のふぉろわー",
            "の投稿",
            "用",
            "映え",
            "ばえ",
            "向け",
            "で集客",
            "bot",
            "ぼっと",
            "さーばー",
            "server",
            "りーる",
            "reel",
            "ぐらむ",
            "ghost",
            "かいせつ",
            "解析",
            "分析",
            "のあいこん",
            "あいこん",
            "へっだー",
            "header",
            "まーけ",
            "ろご",
            "logo",
            "live",
            "らいぶ",
        ],
        triggers: CONTACT_TRIGGERS,
        pre_triggers: &["meon", "個人の"],
    },
    Rule {
        kind: FindingKind::ExternalPayment,
        names: &[
            "paypay",
            "ぺいぺい",
            "paypal",
            "ぺいぱる",
            "linepay",
            "らいんぺい",
            "楽天ぺい",
            "rakutenpay",
            "めるぺい",
            "merpay",
            "d払い",
            "aupay",
            "kyash",
            "venmo",
            "あまぞんぎふと",
            "amazonぎふと",
            "amazongift",
            "あまぎふ",
            "ぎふとかーど",
            "giftcard",
            "びっとこいん",
            "bitcoin",
            "仮想通貨",
        ],
        not_before: &[
            "導入",
            "加盟",
            "の導入",
            "ぼたん",
            "風",
            "の使い方",
            "の設定",
        ],
        triggers: &[
            "で支払",
            "でお支払",
            "で払",
            "払い",
            "で送金",
            "送金",
            "振込",
            "振り込",
            "で決済",
            "で受け取",
            "でお受け取り",
            "でお願い",
            "id",
            "あいでぃ",
            ":",
            "直接",
            "にて",
            "でも可",
            "も可",
            "もok",
            "でok",
            "で頂",
            "でいただ",
            "でもらえ",
            "で送",
            "へ送",
            "に送",
            "りんく",
            "qr",
            "請求",
            "send",
            "で購入",
            "でのお支払",
            "での支払",
            "で直接",
            "で先払",
            "で前払",
            "で前金",
        ],
        pre_triggers: &["payme", "payvia", "paywith", "sendvia"],
    },
    Rule {
        kind: FindingKind::ExternalPayment,
        names: &["銀行振込", "銀行振り込み", "銀行口座", "口座", "bank"],
        not_before: &[],
        triggers: &[
            "直接",
            "こちら",
            "下記",
            "以下",
            "でお願い",
            "で支払",
            "でお支払",
            "で払",
            "も可",
            "でも可",
            "もok",
            "のみ",
            "にて",
            "で受け",
            "教え",
            "番号",
            "に入金",
            "へ入金",
            "にお振",
            "transfer",
            "account",
            "details",
            "number",
        ],
        pre_triggers: &[
            "直接",
            "こちらの",
            "下記の",
            "以下の",
            "私の",
            "僕の",
            "個人の",
        ],
    },
];

/// Phrases that ask to pay or deal outside the platform by themselves.
const OFF_PLATFORM: &[&str] = &[
    "直接取引",
    "直接のお取引",
    "直接お取引",
    "直接のとりひき",
    "直接契約",
    "直接のご契約",
    "直接ご契約",
    "直接依頼",
    "直接ご依頼",
    "直接のご依頼",
    "直接お支払",
    "直接支払",
    "直接のお支払",
    "直接振込",
    "直接振り込",
    "直接お振込",
    "直接お振り込",
    "直接送金",
    "直接ご送金",
    "直接入金",
    "直接やり取り",
    "直接やりとり",
    "直接のやり取り",
    "さいと外",
    "さいとの外",
    "よろず外",
    "よろずの外",
    "ここなら外",
    "外部で取引",
    "外部取引",
    "外部でのお取引",
    "外部でお取引",
    "よろずを通さ",
    "さいとを通さ",
    "運営を通さ",
    "ぷらっとふぉーむを通さ",
    "ぷらっとふぉーむ外",
    "手数料を払わ",
    "手数料を取られ",
    "手数料がかからない方法",
    "手数料のかからない方法",
    "個人的に取引",
    "個人的にお取引",
    "個人的なお取引",
    "個人間取引",
    "個人間で取引",
    "個人取引",
    "振込先",
    "お振込先",
    "振り込み先",
    "口座番号",
    "off-platform",
    "offplatform",
    "outsidetheplatform",
    "outsideofyorozu",
    "outsideyorozu",
    "outsidethesite",
    "outsideofthesite",
    "paydirectly",
    "paymedirectly",
    "directpayment",
    "banktransfer",
    "wiretransfer",
];

/// Words that say the rule is kept, not broken (「LINE交換はできません」). One followed by
/// 「か」 is an invitation instead (「LINEでやり取りしませんか」).
const NEGATIONS: &[&str] = &[
    "禁止",
    "できません",
    "出来ません",
    "できない",
    "出来ない",
    "しません",
    "いたしません",
    "致しません",
    "お断り",
    "おことわり",
    "遠慮",
    "不可",
    "ておりません",
    "ていません",
    "しないで",
    "しないよう",
    "ではなく",
    "じゃなく",
    "だめ",
    "違反",
    "規約",
    "notallowed",
    "prohibited",
    "forbidden",
    "cannot",
    "can't",
    "won't",
    "don't",
    "isnot",
    "arenot",
    "しておりません",
    "行っておりません",
    "いけない",
    "いけません",
];

/// English negations before a name (「please don't pay via PayPal」).
const NEGATIONS_BEFORE: &[&str] = &[
    "don't", "dont", "donot", "never", "cannot", "can't", "won't", "not",
];

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\n')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | 'ー')
}

/// Particles after which a kana name starts a new word (「私のライン」); any other kana before it
/// means the name ends a longer word (「オンライン」, 「ガイドライン」).
fn is_particle(c: char) -> bool {
    matches!(
        c,
        'の' | 'は' | 'が' | 'を' | 'に' | 'で' | 'と' | 'も' | 'へ' | 'や' | 'か' | 'ら'
    )
}

/// Whether the name at compact `at..end` stands as a word.
fn stands_alone(f: &Folded, at: usize, end: usize, name: &str) -> bool {
    let first = name.chars().next().unwrap_or(' ');
    if first.is_ascii_alphabetic() {
        let plain_start = f.compact_at[at];
        let plain_end = f.compact_at[end - 1] + 1;
        let before = plain_start
            .checked_sub(1)
            .and_then(|i| f.plain.get(i))
            .is_some_and(|s| s.c.is_ascii_alphabetic());
        let last = name.chars().last().unwrap_or(' ');
        let after = last.is_ascii_alphabetic()
            && f.plain
                .get(plain_end)
                .is_some_and(|s| s.c.is_ascii_alphabetic());
        !before && !after
    } else if is_hiragana(first) {
        at.checked_sub(1)
            .map(|i| f.compact[i])
            .is_none_or(|c| !is_hiragana(c) || is_particle(c))
    } else {
        true
    }
}

/// The first of `words` starting within `window` characters after `from`, before the end of the
/// sentence: its start and end.
fn find_after(f: &Folded, from: usize, window: usize, words: &[&str]) -> Option<(usize, usize)> {
    let mut i = from;
    while i < f.compact.len() && i < from + window {
        if let Some(w) = words.iter().find(|w| f.compact_has(i, w)) {
            return Some((i, i + w.chars().count()));
        }
        if is_sentence_end(f.compact[i]) {
            return None;
        }
        i += 1;
    }
    None
}

/// The start of the first of `words` that ends right before `at`, or within a few characters.
fn find_before(f: &Folded, at: usize, window: usize, words: &[&str]) -> Option<usize> {
    let lo = at.saturating_sub(window);
    (lo..at).rev().find(|&i| {
        words.iter().any(|w| {
            let n = w.chars().count();
            i + n <= at && f.compact_has(i, w)
        })
    })
}

fn negated(f: &Folded, at: usize, end: usize) -> bool {
    let mut i = end;
    while i < f.compact.len() && i < end + NEGATION_WINDOW {
        if is_sentence_end(f.compact[i]) {
            break;
        }
        if let Some(w) = NEGATIONS.iter().find(|w| f.compact_has(i, w)) {
            let next = f.compact.get(i + w.chars().count());
            if next != Some(&'か') {
                return true;
            }
        }
        i += 1;
    }
    find_before(f, at, 12, NEGATIONS_BEFORE).is_some()
}

/// A handle written after 「ID」, 「:」 or 「@」 (「LINE IDは taro_123 です」) belongs to the finding.
fn extend_over_handle(f: &Folded, end: usize) -> usize {
    let mut i = end;
    let mut skipped = 0;
    while i < f.compact.len()
        && skipped < 3
        && matches!(
            f.compact[i],
            ':' | 'は' | '=' | '→' | '「' | '-' | '(' | 'が' | 'を'
        )
    {
        i += 1;
        skipped += 1;
    }
    let start = i;
    while i < f.compact.len()
        && (f.compact[i].is_ascii_alphanumeric() || matches!(f.compact[i], '.' | '_' | '-' | '@'))
    {
        i += 1;
    }
    if i - start >= 3 { i } else { end }
}

pub(crate) fn find(f: &Folded) -> Vec<(FindingKind, Range<usize>)> {
    let mut out = Vec::new();
    for rule in RULES {
        for name in rule.names {
            let n = name.chars().count();
            for at in f.compact_find_all(name) {
                let end = at + n;
                if !stands_alone(f, at, end, name)
                    || rule.not_before.iter().any(|w| f.compact_has(end, w))
                {
                    continue;
                }
                let span = if let Some((_, t_end)) = find_after(f, end, WINDOW, rule.triggers) {
                    Some(at..extend_over_handle(f, t_end))
                } else {
                    find_before(f, at, 6, rule.pre_triggers).map(|p| p..end)
                };
                let Some(span) = span else { continue };
                if negated(f, span.start, span.end) {
                    continue;
                }
                out.push((rule.kind, f.compact_bytes(span)));
            }
        }
    }
    for phrase in OFF_PLATFORM {
        let n = phrase.chars().count();
        for at in f.compact_find_all(phrase) {
            if !negated(f, at, at + n) {
                out.push((FindingKind::ExternalPayment, f.compact_bytes(at..at + n)));
            }
        }
    }
    out
}
