//! `yorozu seed --demo`: realistic Japanese demo members so a first visitor sees a living site.
//! Safe to run twice: existing demo addresses are skipped.

use yorozu_app::App;
use yorozu_app::accounts::Client;
use yorozu_app::accounts::register::{Registration, register};
use yorozu_app::profile::edit::{ProfileForm, update};
use yorozu_domain::Locale;
use yorozu_store::accounts::users;

pub const DEMO_PASSWORD: &str = "yorozu-demo-2026";

struct DemoMember {
    email: &'static str,
    name: &'static str,
    introduction: &'static str,
    skills: &'static str,
    career: &'static str,
    track_record: &'static str,
    sns: &'static str,
    nda: &'static str,
}

const MEMBERS: &[DemoMember] = &[
    DemoMember {
        email: "sakura.illust@example.jp",
        name: "さくら工房",
        introduction: "やさしいタッチの似顔絵・アイコンを描いています。SNSのプロフィール画像や、結婚式のウェルカムボード用イラストのご依頼が多いです。ご希望の雰囲気を丁寧にヒアリングしてから描き始めますので、はじめての方もお気軽にご相談ください。",
        skills: "似顔絵, アイコン制作, 水彩風イラスト, Procreate",
        career: "デザイン専門学校を卒業後、印刷会社でDTPデザイナーとして6年勤務。2021年に独立し、イラストレーターとして活動しています。",
        track_record: "似顔絵・アイコン制作 累計600件以上。地域情報誌の挿絵を連載中。",
        sns: "https://x.com/sakura_koubou\nhttps://www.instagram.com/sakura_koubou",
        nda: "willing",
    },
    DemoMember {
        email: "kenta.logo@example.jp",
        name: "ロゴデザインのケンタ",
        introduction: "飲食店・美容室・スタートアップのロゴを中心に制作しています。ヒアリングシートをもとに3案ご提案し、修正は納得いただけるまで対応します。商標登録を見据えたデータ形式での納品も可能です。",
        skills: "ロゴデザイン, Illustrator, ブランディング, 名刺デザイン",
        career: "広告制作会社でアートディレクターを10年。現在はフリーランス。",
        track_record: "ロゴ制作 300件以上、うち飲食店 120件。",
        sns: "https://kenta-design.example.jp",
        nda: "willing",
    },
    DemoMember {
        email: "misaki.translate@example.jp",
        name: "翻訳のミサキ",
        introduction: "英日・日英翻訳を承ります。ビジネスメール、Webサイト、アプリのUI文言、観光案内など幅広く対応。ネイティブチェック付きプランもございます。",
        skills: "英日翻訳, 日英翻訳, ローカライズ, TOEIC 985",
        career: "外資系IT企業で社内翻訳を8年担当。",
        track_record: "累計翻訳文字数 200万字以上。",
        sns: "https://note.com/misaki_translate",
        nda: "willing",
    },
    DemoMember {
        email: "taro.dev@example.jp",
        name: "たろう@Web制作",
        introduction: "WordPressでのホームページ制作、LP制作、既存サイトの修正を承ります。スマホ表示の崩れやお問い合わせフォームの不具合など、小さなお困りごともお任せください。",
        skills: "WordPress, HTML/CSS, JavaScript, LP制作, SEO",
        career: "Web制作会社でエンジニアとして5年勤務後、独立。",
        track_record: "サイト制作・修正 450件以上。",
        sns: "https://github.com/taro-dev-example",
        nda: "willing",
    },
    DemoMember {
        email: "hana.uranai@example.jp",
        name: "星読みのはな",
        introduction: "西洋占星術とタロットで、恋愛・仕事・人間関係のお悩みに寄り添います。鑑定結果は丁寧な文章でお届けします。",
        skills: "西洋占星術, タロット, 恋愛相談",
        career: "占い歴12年。対面鑑定のサロンを経てオンライン鑑定へ。",
        track_record: "",
        sns: "",
        nda: "unspecified",
    },
    DemoMember {
        email: "yuki.video@example.jp",
        name: "ゆき｜動画編集",
        introduction: "YouTube動画のカット編集・テロップ入れ・サムネイル制作を承ります。最短2日で納品。",
        skills: "動画編集, Premiere Pro, After Effects, サムネイル制作",
        career: "",
        track_record: "YouTubeチャンネル 30本以上の編集を担当。",
        sns: "https://www.youtube.com/@yuki-edit-example",
        nda: "willing",
    },
    DemoMember {
        email: "jun.writer@example.jp",
        name: "ライター純",
        introduction: "SEO記事、インタビュー記事、商品紹介文のライティングを承ります。構成案から一緒に考えます。",
        skills: "SEOライティング, 取材, 校正",
        career: "地方紙の記者を7年務めた後、Webライターに。",
        track_record: "執筆記事 1,000本以上。",
        sns: "",
        nda: "willing",
    },
    DemoMember {
        email: "aoi.consult@example.jp",
        name: "あおい｜お悩み相談",
        introduction: "職場の人間関係、子育て、キャリアのお悩みをじっくりお聴きします。否定せずに受け止めることを大切にしています。",
        skills: "傾聴, キャリア相談, 産業カウンセラー",
        career: "人事部で10年勤務、産業カウンセラー資格取得。",
        track_record: "",
        sns: "",
        nda: "not-willing",
    },
];

/// A demo service: (member e-mail, category id, title, description, price, days, options, FAQ).
struct DemoListing {
    seller: &'static str,
    category: i64,
    title: &'static str,
    description: &'static str,
    price: i64,
    days: i64,
    options: &'static [(&'static str, i64)],
    faq: &'static [(&'static str, &'static str)],
    /// Colour of the generated cover image.
    colour: [u8; 3],
}

const LISTINGS: &[DemoListing] = &[
    DemoListing {
        seller: "sakura.illust@example.jp",
        category: 101,
        title: "やさしいタッチの似顔絵をお描きします",
        description: "写真をもとに、水彩風のやさしいタッチで似顔絵をお描きします。\nSNSのアイコン、名刺、ウェルカムボードなどにお使いいただけます。\n\n【納品形式】PNG（2000×2000px）\n【流れ】写真とご希望の雰囲気をお送りください → ラフ確認 → 仕上げ",
        price: 3000,
        days: 5,
        options: &[
            ("背景を追加", 1000),
            ("人物を1名追加", 2000),
            ("特急納品（3日以内）", 1500),
        ],
        faq: &[
            (
                "商用利用はできますか？",
                "はい、追加料金なしで商用利用いただけます。",
            ),
            (
                "修正は何回までですか？",
                "ラフの段階で2回まで無料で修正いたします。",
            ),
        ],
        colour: [244, 176, 190],
    },
    DemoListing {
        seller: "sakura.illust@example.jp",
        category: 102,
        title: "SNS用のかわいいアイコンを作成します",
        description: "X（旧Twitter）やInstagramで使えるアイコンを作成します。デフォルメしたかわいいタッチが得意です。",
        price: 2000,
        days: 4,
        options: &[("表情差分を追加", 800)],
        faq: &[],
        colour: [250, 210, 150],
    },
    DemoListing {
        seller: "kenta.logo@example.jp",
        category: 201,
        title: "飲食店・美容室のロゴを3案ご提案します",
        description: "ヒアリングシートをもとに、お店の雰囲気に合うロゴを3案ご提案します。\n採用案は納得いただけるまで修正いたします。\n\n【納品形式】AI・PNG・JPG・PDF",
        price: 15000,
        days: 10,
        options: &[
            ("名刺デザインをセットで", 5000),
            ("商標登録用のモノクロ版", 2000),
        ],
        faq: &[(
            "ロゴの著作権は譲渡されますか？",
            "はい、納品後に著作権を譲渡いたします。",
        )],
        colour: [60, 90, 140],
    },
    DemoListing {
        seller: "kenta.logo@example.jp",
        category: 301,
        title: "印象に残る名刺デザインを作成します",
        description: "ビジネス用の名刺を、両面デザインで作成します。印刷用データ（トンボ付き）で納品いたします。",
        price: 5000,
        days: 5,
        options: &[("裏面を英語表記に", 1000)],
        faq: &[],
        colour: [90, 90, 90],
    },
    DemoListing {
        seller: "misaki.translate@example.jp",
        category: 701,
        title: "英語⇔日本語の翻訳を丁寧にいたします",
        description: "ビジネスメール、Webサイト、アプリのUI文言などの英日・日英翻訳を承ります。\n1,000文字まで基本料金で対応し、ネイティブチェック付きのプランもございます。",
        price: 2500,
        days: 3,
        options: &[("ネイティブチェック", 3000), ("1,000文字追加", 2500)],
        faq: &[(
            "専門用語の多い文書も大丈夫ですか？",
            "IT・医療分野の経験があります。用語集をいただければ統一いたします。",
        )],
        colour: [110, 170, 200],
    },
    DemoListing {
        seller: "taro.dev@example.jp",
        category: 501,
        title: "WordPressでホームページを制作します",
        description: "小規模事業者さま向けに、WordPressで5ページまでのホームページを制作します。スマホ対応、お問い合わせフォーム付き。",
        price: 50000,
        days: 21,
        options: &[("ページ追加（1ページ）", 8000), ("ブログ機能の設定", 5000)],
        faq: &[(
            "サーバーの契約はどうすればよいですか？",
            "おすすめのサーバーと手順をご案内いたします。",
        )],
        colour: [70, 150, 110],
    },
    DemoListing {
        seller: "hana.uranai@example.jp",
        category: 901,
        title: "タロットで恋愛のお悩みを鑑定します",
        description: "お相手の気持ち、これからの二人の関係などをタロットで丁寧に鑑定し、文章でお届けします。",
        price: 1500,
        days: 2,
        options: &[],
        faq: &[],
        colour: [120, 80, 160],
    },
    DemoListing {
        seller: "yuki.video@example.jp",
        category: 601,
        title: "YouTube動画のカット編集・テロップ入れをします",
        description: "10分程度の動画のカット編集とテロップ入れを承ります。BGM・効果音の挿入も可能です。",
        price: 5000,
        days: 3,
        options: &[("サムネイル制作", 2000)],
        faq: &[],
        colour: [220, 90, 70],
    },
];

/// Publishes the demo services of the demo members (skipping members who already have some).
async fn demo_listings(app: &App) -> anyhow::Result<usize> {
    use yorozu_app::accounts::CurrentUser;
    use yorozu_app::listings::{edit, form::ListingForm, images, manage};
    let mut created = 0;
    for l in LISTINGS {
        let mut c = app.db.read().await?;
        let Some(user) = users::find_by_email(&mut c, l.seller).await? else {
            continue;
        };
        let Some(seller) = CurrentUser::load(&mut c, user.id).await? else {
            continue;
        };
        let existing = yorozu_store::listings::rows::list_by_seller(&mut c, user.id, 50).await?;
        drop(c);
        if existing.iter().any(|e| e.title == l.title) {
            continue;
        }
        let form = ListingForm {
            title: l.title.into(),
            category: l.category.to_string(),
            description: l.description.into(),
            price: l.price.to_string(),
            delivery_days: l.days.to_string(),
            revisions: "3".into(),
            buyer_notes: "ご購入前に、一度メッセージでご相談いただけるとスムーズです。".into(),
            option_titles: l.options.iter().map(|(t, _)| (*t).to_owned()).collect(),
            option_prices: l.options.iter().map(|(_, p)| p.to_string()).collect(),
            faq_questions: l.faq.iter().map(|(q, _)| (*q).to_owned()).collect(),
            faq_answers: l.faq.iter().map(|(_, a)| (*a).to_owned()).collect(),
        };
        let id = edit::create(app, &seller, &form)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", l.title))?;
        images::add(app, &seller, id, cover_image(l.colour)?)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", l.title))?;
        manage::apply(app, &seller, id, manage::Action::Publish)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", l.title))?;
        created += 1;
    }
    Ok(created)
}

/// A 4:3 cover: a soft diagonal gradient in the given colour.
fn cover_image(rgb: [u8; 3]) -> anyhow::Result<Vec<u8>> {
    let img = image::RgbImage::from_fn(800, 600, |x, y| {
        let t = (x + y) as f32 / 1400.0;
        let mix = |c: u8| (f32::from(c) * (1.0 - 0.35 * t) + 255.0 * 0.35 * t) as u8;
        image::Rgb([mix(rgb[0]), mix(rgb[1]), mix(rgb[2])])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// Loads the demo members; returns how many were created now.
pub async fn demo(app: &App) -> anyhow::Result<usize> {
    let mut created = 0;
    for m in MEMBERS {
        // Not a visitor: each demo member is its own "client", so the per-client sign-up
        // limit never stops the seed.
        let client = Client {
            ip: format!("seed:{}", m.email),
            user_agent: "yorozu seed".into(),
        };
        let mut c = app.db.read().await?;
        let exists = users::find_by_email(&mut c, m.email).await?.is_some();
        drop(c);
        if exists {
            continue;
        }
        let input = Registration {
            email: m.email,
            password: DEMO_PASSWORD,
            display_name: m.name,
            locale: Locale::Ja,
        };
        let done = register(app, &input, &client)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", m.email))?
            .registered()
            .ok_or_else(|| anyhow::anyhow!("{}: registered meanwhile", m.email))?;
        let mut tx = app.db.begin().await?;
        users::mark_email_verified(&mut tx, done.user_id, app.now()).await?;
        yorozu_store::accounts::sessions::delete_all_for_user(&mut tx, done.user_id, None).await?;
        // Demo members never asked for mail: drop the queued confirmation mail.
        yorozu_app::mail::outbox::drop_queued_for(&mut tx, app, done.user_id).await?;
        tx.commit().await?;
        let form = ProfileForm {
            display_name: m.name.into(),
            introduction: m.introduction.into(),
            skills: m.skills.into(),
            career: m.career.into(),
            track_record: m.track_record.into(),
            sns_links: m.sns.into(),
            nda: m.nda.into(),
        };
        update(app, done.user_id, &form)
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", m.email))?;
        created += 1;
    }
    let listings = demo_listings(app).await?;
    tracing::info!(listings, "demo services published");
    let emails: Vec<&str> = MEMBERS.iter().map(|m| m.email).collect();
    let orders = crate::seed_orders::demo_orders(app, &emails).await?;
    tracing::info!(
        orders,
        coupon = crate::seed_orders::DEMO_COUPON,
        "demo orders placed"
    );
    Ok(created)
}
