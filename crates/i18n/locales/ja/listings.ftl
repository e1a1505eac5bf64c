# 出品する側（出品サービスの管理、出品フォーム、画像、公開・停止、お休みモード）

## 設定のサイドナビゲーション
settings-nav-listings = 出品サービス
settings-nav-vacation = お休みモード

## ユースケースのエラー
listing-needs-confirmed-email = サービスを出品・公開するには、先にメールアドレスの確認を完了してください。購入者とのやり取りに使う連絡先を確かめるためです。
listing-images-too-many = 画像はこれ以上追加できません。不要な画像を削除してから追加してください。
vacation-in-past = 再開日には明日以降の日付を選んでください。
vacation-too-long = 再開日が先すぎます。入力欄の下に書かれた期間内の日付を選んでください。
listings-action-unknown = この操作はできません。一覧のボタンからもう一度お試しください。

## 状態
listings-status-draft = 下書き
listings-status-published = 公開中
listings-status-paused = 出品停止中
listings-status-deleted = 削除済み
listings-status-draft-help = 下書きは、公開するまであなたにしか表示されません。内容と画像が整ったら「公開する」を押してください。
listings-status-published-help = 公開中です。検索結果やカテゴリのページに表示され、購入できます。
listings-status-paused-help = 出品を停止しています。検索には表示されず、サービスページには「出品停止中」と表示されます。「再開する」でいつでも公開に戻せます。
listings-status-deleted-help = このサービスは削除されています。

## 状態を変えるボタン
listings-action-publish = 公開する
listings-action-pause = 出品を停止する
listings-action-resume = 再開する
listings-action-delete = 削除する
listings-action-aria = { $action }：{ $title }
listings-flash-published = サービスを公開しました。検索結果やカテゴリのページに表示されます。
listings-flash-paused = 出品を停止しました。「再開する」でいつでも公開に戻せます。
listings-flash-resumed = 出品を再開しました。
listings-flash-deleted = サービスを削除しました。
listings-conflict-title = この操作は行えません
listings-back-to-list = 出品サービスの一覧へ戻る
listings-back-to-edit = サービスの編集へ戻る

## 削除の確認
listings-delete-title = サービスの削除
listings-delete-question = 「{ $title }」を削除しますか？
listings-delete-explain = 削除したサービスは元に戻せません。サービスページは表示されなくなり、登録した画像も削除されます。しばらく販売を止めたいだけなら、「出品を停止する」をお使いください。
listings-delete-confirm = 削除する
listings-delete-cancel = キャンセル

## 出品サービスの一覧
listings-mine-title = 出品サービス
listings-mine-lead = あなたが出品しているサービスの一覧です。編集や公開・停止はここから行えます。
listings-new-button = 新しいサービスを出品する
listings-mine-empty = まだサービスがありません。「新しいサービスを出品する」から、あなたのスキルを出品してみましょう。
listings-col-price = 価格
listings-col-updated = 最終更新
listings-price = { $amount }円
listings-edit = 編集する
listings-edit-label = 「{ $title }」を編集する
listings-view-public = サービスページを見る
listings-view-public-label = 「{ $title }」のサービスページを見る
listings-preview = プレビューする
listings-preview-label = 「{ $title }」をプレビューする

## 出品フォーム
listings-new-title = 新しいサービスを出品する
listings-edit-title = サービスの編集
listings-new-lead = 保存すると下書きになります。下書きはあなたにしか表示されません。画像を追加して内容を確かめてから公開できます。
listings-needs-email-heading = メールアドレスの確認が必要です
listings-needs-email-link = アカウント設定で確認メールを再送する
listings-status-heading = 公開状態
listings-content-heading = サービスの内容
listings-field-title = タイトル
listings-field-title-hint = 何をしてもらえるサービスなのかが一目で伝わるタイトルにしましょう（{ $max }文字以内）。例：「商用利用OK！シンプルで印象に残るロゴを作成します」
listings-field-category = カテゴリ
listings-field-category-choose = カテゴリを選んでください
listings-field-description = サービス内容
listings-field-description-hint = 購入者が受け取れるもの（納品物や形式）、作業の流れ、購入者にご用意いただくものを具体的に書きましょう（{ $max }文字以内）。
listings-field-price = 価格
listings-unit-yen = 円
listings-field-price-hint = { $min }円以上で設定してください。「1,000」や「１０００」のように入力できます。
listings-field-delivery-days = お届け日数
listings-unit-days = 日
listings-field-delivery-days-hint = 購入から納品までの目安です（{ $min }〜{ $max }日）。
listings-field-revisions = 修正回数
listings-field-revisions-choose = 修正回数を選んでください
listings-field-revisions-hint = 納品後に無料で対応する修正の回数です。
listings-revisions-count = { $count }回
listings-revisions-unlimited = 無制限
listings-field-buyer-notes = 購入にあたってのお願い（任意）
listings-field-buyer-notes-hint = 購入前に知っておいてほしいことや、購入後にご用意いただく情報を書きましょう（{ $max }文字以内）。
listings-options-heading = 追加オプション（任意）
listings-options-hint = 「納期短縮」「商用利用」など、購入者が追加で選べる有料オプションです。最大{ $max }件、オプション名は{ $max_chars }文字以内、価格は{ $min }円以上で設定してください。使わない行は空欄のままで構いません。
listings-option-name-column = オプション名
listings-option-price-column = 価格
listings-option-legend = オプション{ $n }
listings-option-name-label = オプション{ $n }の名前
listings-option-price-label = オプション{ $n }の価格（円）
listings-faq-heading = よくある質問（任意）
listings-faq-hint = 購入者から聞かれそうなことを、質問と回答の組で書いておきましょう。最大{ $max }件、質問は{ $max_question }文字以内、回答は{ $max_answer }文字以内です。使わない行は空欄のままで構いません。
listings-faq-legend = よくある質問{ $n }
listings-faq-question-label = 質問{ $n }
listings-faq-answer-label = 回答{ $n }
listings-add-row = 行を追加
listings-create-hint = 保存すると下書きとして保存されます。公開するまで、ほかの人には表示されません。
listings-create = 下書きとして保存する
listings-save-hint = 公開中のサービスは、保存するとすぐに内容が更新されます。
listings-save = 変更を保存する
listings-flash-created = 下書きを保存しました。公開するまで、ほかの人には表示されません。画像を追加したら「公開する」を押してください。
listings-flash-saved = 変更を保存しました。

## 画像
listings-images-heading = 画像
listings-images-count = 登録済み { $count } / { $max }枚。
listings-images-first-is-main = 最初の画像が検索結果やサービスページのメイン画像になります。
listings-images-none = 画像はまだありません。サービスの雰囲気が伝わる画像を追加しましょう。
listings-images-full = 画像は上限まで登録されています。追加するには、先にどれかを削除してください。
listings-image-alt = 画像{ $n }
listings-image-delete = 削除
listings-image-delete-label = 画像{ $n }を削除する
listings-image-field = 追加する画像
listings-image-hint = JPEG・PNG・WebP・GIF形式、{ $max_mb }MBまで。横長（4:3）の画像がきれいに表示されます。
listings-image-upload = 画像を追加する
listings-flash-image-added = 画像を追加しました。
listings-flash-image-deleted = 画像を削除しました。

## お休みモード
listings-vacation-title = お休みモード
listings-vacation-lead = 長いお休みや忙しい時期に、新しい注文の受付を止められます。
listings-vacation-point-visible = あなたのサービスは、これまでどおり検索結果やサービスページに表示されます。
listings-vacation-point-no-orders = 再開日の0:00（日本時間）になるまで、どのサービスも購入できなくなります。サービスページには再開予定日が表示されます。
listings-vacation-point-orders-continue = すでに受けている取引には影響しません。
listings-vacation-state-heading = 現在の設定
listings-vacation-on-badge = お休み中
listings-vacation-on-until = { $date } 0:00（日本時間）に受付を再開します。
listings-vacation-off-state = 現在、お休みモードはオフです。注文を受け付けています。
listings-vacation-field = 受付を再開する日
listings-vacation-field-hint = この日の0:00（日本時間）から、再び購入できるようになります。明日から{ $max }日後までの日付を選べます。
listings-vacation-start = お休みモードにする
listings-vacation-change = 再開日を変更する
listings-vacation-end = お休みモードを終了する
listings-vacation-date-empty = 受付を再開する日を選んでください。
listings-vacation-date-invalid = 日付を読み取れませんでした。「2026-12-01」の形式で入力してください。
listings-vacation-flash-on = お休みモードにしました。再開日まで、サービスは購入できません。
listings-vacation-flash-off = お休みモードを終了しました。注文の受付を再開しています。
