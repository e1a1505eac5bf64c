//! `yorozu seed --demo`: realistic Japanese demo members so a first visitor sees a living site.
//! Safe to run twice: existing demo addresses are skipped.

use yorozu_app::accounts::register::{register, Registration};
use yorozu_app::accounts::Client;
use yorozu_app::profile::edit::{update, ProfileForm};
use yorozu_app::App;
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

/// Loads the demo members; returns how many were created now.
pub async fn demo(app: &App) -> anyhow::Result<usize> {
    let client = Client { ip: "127.0.0.1".into(), user_agent: "yorozu seed".into() };
    let mut created = 0;
    for m in MEMBERS {
        let mut c = app.db.read().await?;
        let exists = users::find_by_email(&mut c, m.email).await?.is_some();
        drop(c);
        if exists {
            continue;
        }
        let input = Registration { email: m.email, password: DEMO_PASSWORD, display_name: m.name, locale: Locale::Ja };
        let done = register(app, &input, &client).await.map_err(|e| anyhow::anyhow!("{}: {e}", m.email))?;
        let mut tx = app.db.begin().await?;
        users::mark_email_verified(&mut tx, done.user_id, app.now()).await?;
        yorozu_store::accounts::sessions::delete_all_for_user(&mut tx, done.user_id, None).await?;
        // Demo members never asked for mail: drop the queued confirmation mail.
        yorozu_store::jobs::drop_queued_for_user(&mut tx, done.user_id, yorozu_app::mail::outbox::JOB_KIND, app.now()).await?;
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
        update(app, done.user_id, &form).await.map_err(|e| anyhow::anyhow!("{}: {e}", m.email))?;
        created += 1;
    }
    Ok(created)
}
