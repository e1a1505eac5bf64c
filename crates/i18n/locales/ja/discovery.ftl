# サービスを探す・見る側（ヘッダーの検索、ホームの一覧、サービスページ、検索、カテゴリ、お気に入り）

## ヘッダー
header-search-label = サービスを検索
header-search-placeholder = 例：名刺、翻訳、ロゴ
header-search-submit = 検索
nav-favorites = お気に入り

## サービスカード
card-rating-label = 評価
card-rating = { $rating }（{ $count }件）
card-delivery = お届け { $days }日

## ホーム
home-categories = カテゴリから探す
home-new-services = 新着サービス
home-popular-services = 人気のサービス
home-services-empty = 公開中のサービスはまだありません。
home-see-new = 新着サービスをもっと見る
home-see-popular = 人気のサービスをもっと見る

## サービスページ
service-breadcrumb = 現在の位置
service-home = ホーム
service-gallery = サービスの画像
service-image-alt = { $title }の画像 { $n }
service-gallery-show = { $n }枚目の画像を表示
service-no-image = 画像はまだありません
service-price = 価格
service-delivery = お届け日数
service-delivery-days = { $days }日
service-revisions = 修正回数
service-revisions-count = { $count }回まで
service-revisions-unlimited = 無制限
service-description = サービス内容
service-options = 追加オプション
service-option-name = オプション
service-option-price = 価格
service-faq = よくある質問
service-buyer-notes = 購入にあたってのお願い
service-buy = 購入手続きへ
service-vacation = 出品者はお休み中です（{ $date }まで）。
service-not-purchasable = このサービスは現在購入できません。
service-paused-notice = このサービスは出品停止中です。ほかの方には「出品停止中」とだけ表示され、購入できません。
service-paused-public = このサービスは現在出品停止中のため、ご購入いただけません。
service-paused-browse = 同じカテゴリのサービスを探す
service-draft-notice = このサービスは下書きです。公開するまで、あなたにだけ表示されています。
service-edit = このサービスを編集する
service-manage = 出品の管理へ
service-seller = 出品者
service-seller-rating = 評価
service-seller-sales = 販売実績
service-seller-sales-count = { $count }件
service-seller-since = 登録日
service-seller-profile = プロフィールを見る
service-rating = 評価
service-rating-summary = 5点中 { $rating }点（{ $count }件の評価）
service-rating-none = まだ評価はありません。
service-share = このサービスをシェア
service-share-x = X（旧Twitter）でシェア
service-share-facebook = Facebookでシェア
service-share-line = LINEで送る
service-share-new-tab = （新しいタブで開きます）
service-share-url = このページのURL
service-copy = リンクをコピー
service-copied = リンクをコピーしました。
service-favorite-add = お気に入りに追加
service-favorite-remove = お気に入りから外す
service-favorite-count = { $count }人がお気に入りに追加しています
flash-favorite-added = お気に入りに追加しました。
flash-favorite-removed = お気に入りから外しました。

## 検索
search-title = サービスを探す
search-results-for = 「{ $q }」の検索結果
search-keyword = キーワード
search-filters = 絞り込み
search-category = カテゴリ
search-category-any = すべてのカテゴリ
search-category-all-of = { $name }（すべて）
search-price = 価格（円）
search-min-price = 下限
search-max-price = 上限
search-price-hint = 半角・全角の数字で入力できます（例：3000）。
search-days = お届け日数
search-days-any = 指定なし
search-days-within = { $days }日以内
search-rating = 評価
search-rating-any = 指定なし
search-rating-min = { $rating }以上
search-verified = 本人確認済みの出品者のみ
search-submit = この条件で検索
search-clear = 条件をクリア
search-sort = 並び替え
search-sort-recommended = おすすめ順
search-sort-new = 新着順
search-sort-price-low = 価格の安い順
search-sort-price-high = 価格の高い順
search-sort-rating = 評価の高い順
search-sort-sales = 販売実績順
search-results = 検索結果
search-count = { $count }件
search-count-capped = { $count }件以上
search-empty = 条件に合うサービスが見つかりませんでした。
search-empty-hint-shorter = キーワードを短くするか、別の言葉で検索してみてください（例：「名刺デザイン」→「名刺」）。
search-empty-hint-filters = 価格や評価などの絞り込み条件を外してみてください。
search-empty-clear = 絞り込みを外して検索する
search-empty-categories = カテゴリから探す
search-pagination = ページ送り
search-prev = 前のページ
search-next = 次のページ
search-page = { $page }ページ目
search-page-of = { $pages }ページ中 { $page }ページ目

## カテゴリページ
browse-title = { $name }のサービス
browse-subcategories = { $name }の中のカテゴリ

## お気に入り
favorites-title = お気に入り
favorites-lead = お気に入りに追加したサービスの一覧です。公開が終了したサービスは表示されません。
favorites-empty = お気に入りはまだありません。気になるサービスのページで「お気に入りに追加」を押すと、ここに表示されます。
favorites-find = サービスを探す

## 出品者のプロフィールページ
profile-services = 出品中のサービス
profile-services-empty = 公開中のサービスはまだありません。
profile-reviews = 評価・レビュー
