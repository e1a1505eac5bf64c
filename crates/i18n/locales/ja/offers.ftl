## 見積り相談とカスタム提案

offer-own-listing = ご自身のサービスには見積り相談できません。
offer-not-open = この提案は期限切れ、更新済み、またはすでに回答済みのため購入できません。

offer-state-open = 回答待ち
offer-state-accepted = 購入済み
offer-state-declined = お断り
offer-state-expired = 期限切れ
offer-state-superseded = 更新済み
offer-state-withdrawn = 取り下げ

offer-field-title = タイトル
offer-field-included = 提案内容
offer-field-price = 価格
offer-field-delivery_days = お届け日数
offer-field-revisions = 修正回数
offer-field-options = 有料オプション
offer-field-expiry = 有効期限

consultations-title = 見積り相談
consultations-empty = 見積り相談はまだありません。
consultations-as-buyer = 相談した側
consultations-as-seller = 相談を受けた側
consultation-ask = 見積り相談する
consultation-ask-lead = 出品者に内容や予算を相談し、あなた専用の提案（カスタム提案）を受け取れます。
consultation-about = 「{ $title }」についての見積り相談
consultation-with = 相手: { $name }
consultation-message = メッセージ
consultation-files = 添付ファイル
consultation-send = 送信する
consultation-messages = メッセージ
consultation-mine = あなた
consultation-theirs = 相手
consultation-offers = 提案
consultation-no-offers = まだ提案はありません。

offer-version = 第{ $version }版
offer-changed = 前の版からの変更: { $fields }
offer-price = 価格: { $price }円
offer-delivery-days = お届け日数: { $days }日
offer-revisions = 修正回数: { $count }回
offer-revisions-unlimited = 修正回数: 無制限
offer-option = オプション: { $title }（{ $price }円）
offer-expires = 有効期限: { $at }
offer-decline-reason = お断りの理由: { $reason }
offer-accept = この提案で購入手続きへ進む
offer-decline = お断りする
offer-decline-reason-label = 理由（任意）
offer-withdraw = 提案を取り下げる
offer-order = 購入した取引を見る
offer-send-title = 提案を送る
offer-revise-title = 提案を更新する
offer-form-title = タイトル
offer-form-included = 提案内容
offer-form-price = 価格（円）
offer-form-delivery-days = お届け日数
offer-form-revisions = 修正回数（0〜10、または unlimited）
offer-form-option-title = 有料オプション名
offer-form-option-price = オプション価格（円）
offer-form-expiry-days = 有効期限（日数、空欄で7日）
offer-send = 提案を送る
offer-confirm-note = カスタム提案「{ $title }」の条件で購入します。

mail-offer-consultation-received-subject = 【よろず】見積り相談が届きました
mail-offer-consultation-received-body = サービス「{ $title }」について、見積り相談が届きました。

    内容をご確認のうえ、下記のページからご返信またはご提案をお願いいたします。

    { $url }

mail-offer-consultation-message-subject = 【よろず】見積り相談に新しいメッセージが届きました
mail-offer-consultation-message-body = 「{ $title }」についての見積り相談で、相手の方から新しいメッセージが届きました。

    { $url }

mail-offer-received-subject = 【よろず】カスタム提案が届きました：{ $title }
mail-offer-received-body = 出品者からカスタム提案「{ $title }」（{ $price }円）が届きました。

    有効期限は { $expires } です。内容をご確認のうえ、下記のページからご購入またはお断りください。

    { $url }

mail-offer-revised-subject = 【よろず】カスタム提案が更新されました：{ $title }
mail-offer-revised-body = 出品者がカスタム提案を更新しました（{ $price }円）。前の版は購入できなくなりました。

    変更点は下記のページでご確認いただけます。有効期限は { $expires } です。

    { $url }

mail-offer-accepted-subject = 【よろず】カスタム提案が購入されました：{ $title }
mail-offer-accepted-body = カスタム提案「{ $title }」（{ $price }円）が購入されました。

    取引ページから作業を開始してください。相談のページ:

    { $url }

mail-offer-declined-subject = 【よろず】カスタム提案がお断りされました：{ $title }
mail-offer-declined-body = カスタム提案「{ $title }」は、今回は見送られました。

    理由: { $reason }

    必要に応じて、相談のページから改めてご提案いただけます。

    { $url }

mail-offer-expiring-subject = 【よろず】カスタム提案の有効期限が近づいています：{ $title }
mail-offer-expiring-body = カスタム提案「{ $title }」（{ $price }円）の有効期限は { $expires } です。

    期限を過ぎると購入できなくなります。ご検討のうえ、下記のページからお手続きください。

    { $url }

consultation-flash-sent = メッセージを送信しました。
offer-flash-sent = 提案を送信しました。
offer-flash-declined = 提案をお断りしました。
offer-flash-withdrawn = 提案を取り下げました。
consultation-updated = 最終更新: { $at }

## The data table's row (withdrawal page, erasure receipt, privacy page)
data-consultations-and-offers-name = 見積り相談とカスタム提案
data-consultations-and-offers-fate-erased = 完全に削除
data-consultations-and-offers-why = 見積り相談であなたが書いたメッセージと添付ファイル、購入されなかったあなたの提案は削除します。相手の方が書いたメッセージは相手の方の記録として残り、あなたは「退会したユーザー」と表示されます。購入された提案の内容は、取引の条件として取引の記録とともに残ります。回答待ちの提案は、退会の手続きと同時に取り下げられます。

## The withdrawal page
withdrawal-open-offers = 回答待ちのカスタム提案が{ $count }件あります。これは退会を妨げませんが、退会の手続きと同時にすべて取り下げられ、購入できなくなります。
withdrawal-open-offers-link = 見積り相談の一覧を見る

## The data export's sections
export-section-consultation_messages = 見積り相談のメッセージ
export-section-consultation_attachments = 見積り相談の添付ファイル
export-section-offers = カスタム提案
