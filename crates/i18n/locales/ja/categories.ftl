# Category names (two levels). Keys are Category::message_id() in the domain crate:
# category-<slug> for a top-level category, category-<parent-slug>-<slug> for its children.

category-illust = イラスト・似顔絵
category-illust-portrait = 似顔絵
category-illust-icon = アイコン作成
category-illust-character = キャラクターデザイン
category-illust-manga = 漫画制作
category-illust-vtuber = Vtuber・Live2D
category-illust-book = 挿絵・表紙イラスト

category-logo = ロゴ
category-logo-business = 企業・店舗ロゴ
category-logo-lettering = 文字ロゴ・ロゴタイプ
category-logo-sns = YouTube・SNS用ロゴ
category-logo-trace = ロゴのトレース・修正

category-print = 名刺・チラシ・印刷物
category-print-business-card = 名刺作成
category-print-flyer = チラシ・フライヤー
category-print-pamphlet = パンフレット・冊子
category-print-poster = ポスター
category-print-menu = メニュー表

category-image = 画像作成・写真加工
category-image-banner = バナー作成
category-image-thumbnail = サムネイル作成
category-image-retouch = 写真加工・レタッチ
category-image-sns-post = SNS投稿画像
category-image-cutout = 背景切り抜き

category-web = Web制作・Webデザイン
category-web-homepage = ホームページ作成
category-web-landing-page = LP（ランディングページ）制作
category-web-wordpress = WordPress制作・カスタマイズ
category-web-design = Webデザイン
category-web-online-shop = ネットショップ制作
category-web-maintenance = サイト修正・保守

category-video = 動画・アニメ・撮影
category-video-editing = 動画編集
category-video-animation = アニメーション制作
category-video-motion-graphics = モーショングラフィックス
category-video-short = ショート動画制作
category-video-filming = 撮影・出張撮影

category-translation = 翻訳・語学
category-translation-english = 英語翻訳
category-translation-chinese = 中国語翻訳
category-translation-korean = 韓国語翻訳
category-translation-other = その他の言語の翻訳
category-translation-native-check = ネイティブチェック・添削
category-translation-lessons = 語学レッスン

category-writing = ライティング・ネーミング
category-writing-article = 記事作成
category-writing-copywriting = キャッチコピー
category-writing-naming = ネーミング・名付け
category-writing-proofreading = 校正・校閲
category-writing-fiction = シナリオ・小説

category-fortune = 占い
category-fortune-tarot = タロット占い
category-fortune-astrology = 西洋占星術
category-fortune-numerology = 数秘術
category-fortune-four-pillars = 四柱推命
category-fortune-love = 恋愛・相性占い
category-fortune-spiritual = スピリチュアル・霊視

category-consultation = 悩み相談・恋愛相談
category-consultation-love = 恋愛相談
category-consultation-life = 人生・悩み相談
category-consultation-career = 仕事・キャリア相談
category-consultation-relationships = 家族・人間関係
category-consultation-listening = 話し相手・傾聴

category-it = IT・プログラミング
category-it-web-system = Webシステム開発
category-it-app = スマホアプリ開発
category-it-automation = 業務効率化・ツール開発
category-it-excel = Excel・VBA
category-it-infrastructure = サーバー・インフラ構築
category-it-support = PCサポート・IT相談

category-business = ビジネス代行・アドバイス
category-business-data-entry = データ入力
category-business-assistant = 事務・秘書代行
category-business-marketing = マーケティング・集客
category-business-documents = 事業計画・資料作成
category-business-sns-management = SNS運用代行

category-music = 音楽・ナレーション
category-music-composition = 作曲・編曲
category-music-lyrics = 作詞
category-music-mixing = ミックス・マスタリング
category-music-narration = ナレーション
category-music-voice = ボイス・声の出演
category-music-singing = 歌唱・仮歌
