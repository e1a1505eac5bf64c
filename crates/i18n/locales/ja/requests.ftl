# The request board (公開依頼) and proposals (提案).


## Refusals of proposals and closing
request-not-open = この公開依頼は募集を終了しています。
request-proposals-full = この公開依頼は提案数の上限に達したため、これ以上提案できません。
request-own = ご自身の公開依頼には提案できません。
proposal-exists = この公開依頼にはすでに提案しています。提案の内容は相談のページから更新できます。
proposal-not-open = この提案はすでに終了しているため、取り下げられません。
proposal-listing-invalid = 提案に使う出品サービスを、公開中のご自身のサービスから選んでください。

## States
request-state-open = 募集中
request-state-filled = 成約済み
request-state-closed = 募集終了

## Mail
mail-request-proposal-received-subject = 【よろず】公開依頼に提案が届きました：{ $title }
mail-request-proposal-received-body = 公開依頼「{ $title }」に出品者から提案が届きました。

    提案の内容は下記のページで比較できます。

    { $url }

mail-request-proposal-chosen-subject = 【よろず】あなたの提案が選ばれました：{ $title }
mail-request-proposal-chosen-body = 公開依頼「{ $title }」で、あなたの提案が選ばれ、購入されました。

    取引ページから作業を開始してください。公開依頼のページ:

    { $url }

mail-request-proposal-not-chosen-subject = 【よろず】ほかの提案が選ばれました：{ $title }
mail-request-proposal-not-chosen-body = 公開依頼「{ $title }」では、今回はほかの提案が選ばれました。

    ご提案いただき、誠にありがとうございました。またの機会にぜひご提案ください。

    { $url }

mail-request-closed-subject = 【よろず】公開依頼の募集が終了しました：{ $title }
mail-request-closed-body = ご提案いただいた公開依頼「{ $title }」の募集が終了しました。提案は終了となります。

    ご提案いただき、誠にありがとうございました。

    { $url }

mail-request-closed-buyer-subject = 【よろず】公開依頼の募集期間が終了しました：{ $title }
mail-request-closed-buyer-body = 公開依頼「{ $title }」は募集締切を迎えたため、募集を終了しました。

    必要に応じて、改めて公開依頼を投稿してください。

    { $url }

## Pages
nav-requests = 公開依頼
requests-title = 公開依頼
requests-lead = 購入者が投稿した依頼に、出品者が提案できます。
requests-search-label = キーワード
requests-search-submit = 絞り込む
requests-category = カテゴリ
requests-category-any = すべて
requests-budget-at-least = 予算（この金額以上）
requests-budget-at-most = 予算（この金額以下）
requests-empty = 条件に合う募集中の依頼はありません。
requests-next = 次のページ
requests-post = 依頼を投稿する
requests-mine = 自分の依頼
requests-proposed = 提案した依頼
requests-mine-empty = まだ依頼を投稿していません。
requests-proposed-empty = まだ提案した依頼はありません。
request-budget = 予算: { $min }円〜{ $max }円
request-deadline = 募集締切: { $at }
request-desired-date = 希望納期: { $date }
request-proposal-count = 提案数: { $count } / { $max }件
request-posted-by = 依頼者: { $name }
request-files = 添付ファイル
request-new-title = 公開依頼を投稿する
request-field-category = カテゴリ
request-field-title = タイトル
request-field-description = 依頼内容
request-field-budget-min = 予算の下限（円）
request-field-budget-max = 予算の上限（円）
request-field-desired-date = 希望納期（任意）
request-field-proposal-days = 提案の募集期間（日数、1〜30日）
request-field-max-proposals = 受け付ける提案数（1〜50件）
request-field-files = 添付ファイル（任意）
request-submit = 依頼を投稿する
request-flash-posted = 公開依頼を投稿しました。
request-flash-closed = 公開依頼の募集を終了しました。
request-flash-proposed = 提案を送信しました。
request-flash-withdrawn = 提案を取り下げました。
request-close = 募集を終了する
request-proposals = 届いた提案
request-proposals-empty = まだ提案は届いていません。
request-your-proposal = あなたの提案
request-propose-title = この依頼に提案する
request-propose-listing = 提案に使う出品サービス
request-propose-no-listing = 提案するには、公開中の出品サービスが必要です。
request-propose-message = メッセージ
request-propose-submit = 提案する
request-proposal-price = 提案金額: { $price }円
request-proposal-days = お届け日数: { $days }日
request-proposal-rating = 評価: { $rating }（{ $count }件）
request-proposal-no-rating = 評価: まだありません
request-proposal-verified = 本人確認済み
request-proposal-accept = この提案で購入手続きへ進む
request-proposal-withdraw = 提案を取り下げる
request-proposal-thread = 相談のページを開く
request-proposal-state = 状態: { $state }
contact-field-request-description = 依頼内容

## Withdrawal: the data table
data-requests-name = 公開依頼と提案
data-requests-fate-erased = 完全に削除
data-requests-why = 募集中の公開依頼は退会の手続きと同時に終了し、送った提案は取り下げられます。公開依頼のタイトル・依頼内容・添付ファイルは完全に削除します。提案として送ったメッセージは、見積り相談と同じく相手のために残ります。

## Export sections
export-section-requests_posted = 投稿した公開依頼
export-section-proposals_sent = 送った提案
