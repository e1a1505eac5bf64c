## The order pages: final confirmation screen, order page with talk room, order lists.

orders-nav = 取引

## States and steps

orders-state-awaiting_payment = 支払い待ち
orders-state-in_progress = 作業中
orders-state-delivered = 納品済み（承認待ち）
orders-state-completed = 完了
orders-state-cancelled = キャンセル
orders-state-expired = 期限切れ
orders-state-disputed = トラブル相談中
orders-step-ordered = 購入
orders-step-working = 作業中
orders-step-delivered = 納品
orders-step-completed = 完了
orders-steps-label = 取引の進み具合
orders-role-seller = 出品者
orders-role-buyer = 購入者
orders-unknown-member = 退会したユーザー
orders-card-label = { $brand } ****{ $last4 }（有効期限 { $expiry }）
orders-payment-required = お支払い方法を選んでください。
orders-files-too-large = 添付ファイルが大きすぎます。1回に送れるのは合計{ $max_mb }MBまでです。
orders-files-hint = 1回に{ $count }個まで、合計{ $max_mb }MBまで添付できます。

## The service page's buy form

orders-buy-options = オプション（任意）
orders-buy-option = { $title }（+{ $price }）
orders-buy-sign-in-hint = ご購入にはログインが必要です。ボタンを押すとログイン画面に進みます。

## Final confirmation screen (最終確認画面)

orders-confirm-title = ご注文内容の確認
orders-confirm-lead = まだご注文は確定していません。内容をご確認のうえ、いちばん下の「注文を確定する」ボタンを押してください。
orders-confirm-service = ご購入のサービス
orders-confirm-seller = 出品者
orders-confirm-options = オプション
orders-confirm-option = { $title }（+{ $price }）
orders-confirm-recalculate-hint = オプション・ポイント・クーポンを変更したら「再計算する」を押して、お支払い金額をご確認ください。
orders-confirm-recalculate = 再計算する
orders-confirm-discounts = ポイント・クーポン
orders-confirm-points-balance = 保有ポイント: { $points }ポイント
orders-confirm-points = 利用するポイント
orders-confirm-points-hint = 1ポイント＝1円としてお支払いに使えます。使わない場合は空欄のままにしてください。
orders-confirm-coupon = クーポンコード
orders-confirm-coupon-hint = お持ちの場合だけ入力してください。
orders-confirm-breakdown = お支払い金額の内訳
orders-line-price = サービス価格
orders-line-options = オプション
orders-line-option = オプション: { $title }
orders-line-fee = サービス利用料（{ $rate }）
orders-line-fee-plain = サービス利用料
orders-line-points = ポイント利用
orders-line-coupon = クーポン割引（{ $title }）
orders-line-coupon-plain = クーポン割引
orders-line-total = お支払い金額（税込）
orders-line-sale-price = 販売価格
orders-line-option-included = うちオプション: { $title }
orders-line-sales-fee = 販売手数料
orders-line-share = あなたの売上金
orders-confirm-terms = お届け・キャンセル・承認について
orders-confirm-delivery-label = お届け目安
orders-confirm-delivery = お支払い後{ $days }日以内
orders-confirm-cancellation-label = キャンセル
orders-confirm-cancellation = 購入者・出品者のどちらからでも、理由を添えてキャンセルを申請できます。申請を受けた側は{ $hours }時間以内に同意するか異議を伝えます。期限までに回答がない場合は同意したものとみなし、キャンセルが成立します。
orders-confirm-refund = キャンセルが成立すると、お支払い金額はお支払いに使われた方法で返金され、ご利用のポイントとクーポンは元に戻ります。
orders-confirm-approval-label = 納品と承認
orders-confirm-approval = 出品者から正式な納品があったら内容をご確認のうえ、承認するか差し戻してください。納品から{ $days }日以内に承認も差し戻しもない場合は自動的に承認され、取引が完了します。
orders-confirm-payment = お支払い方法
orders-confirm-deferred = 後払い（{ $hours }時間以内にお支払い）
orders-confirm-no-cards = 登録済みのカードはありません。
orders-confirm-add-card = カードを登録する（お支払い方法の設定）
orders-confirm-request-heading = ご要望・ご依頼内容
orders-confirm-request = ご要望・ご依頼内容（任意）
orders-confirm-request-hint = 出品者への最初のメッセージとしてトークルームに送られます。購入後にトークルームで伝えることもできます。
orders-confirm-place-heading = ご注文の確定
orders-confirm-legal-lead = ご注文の前に、利用規約と特定商取引法に基づく表記をご確認ください。
orders-confirm-terms-link = 利用規約
orders-confirm-tokushoho-link = 特定商取引法に基づく表記
orders-confirm-agree = 「注文を確定する」ボタンを押すと、利用規約に同意のうえ、上記の内容とお支払い金額で購入を確定したことになります。
orders-confirm-submit = 注文を確定する

## The order page

orders-page-title = 取引
orders-back-to-list = 取引の一覧に戻る
orders-state-label = 状態
orders-service = サービス
orders-service-link = サービスのページを見る
orders-amounts-heading = 金額
orders-dates-heading = 日時
orders-date-ordered = 購入日時
orders-date-payment-due = お支払い期限
orders-date-paid = お支払い日時
orders-date-delivered = 納品日時
orders-date-auto-approval = 自動承認の予定日時
orders-date-cancellation-deadline = キャンセル申請の回答期限
orders-date-completed = 完了日時
orders-date-cancelled = キャンセル日時
orders-date-talk-closes = トークルームの終了日
orders-ended-cancelled-refund = この取引はキャンセルされました。お支払い金額{ $amount }は、お支払いに使われた方法で返金されます。ご利用のポイントとクーポンは元に戻りました。
orders-ended-cancelled-unpaid = この取引はキャンセルされました。お支払い前のため、代金は請求されません（返金の必要はありません）。ご利用のポイントとクーポンは元に戻りました。
orders-ended-cancelled-seller = この取引はキャンセルされました。購入者にはお支払い金額が全額返金され、売上金は発生しません。
orders-ended-expired = お支払い期限を過ぎたため、この取引は終了しました。ご利用のポイントとクーポンは元に戻りました。
orders-ended-disputed = この取引はトラブル相談中です。運営事務局からの連絡をお待ちください。

orders-pay-heading = お支払い
orders-pay-due = { $date }までにお支払いください。期限を過ぎると取引は終了します。
orders-pay-card = お支払いに使うカード
orders-pay-submit = このカードで支払う

orders-deliver-heading = 正式な納品
orders-deliver-lead = 作業が終わったら、納品メッセージとファイルを添えて正式に納品してください。購入者が承認すると取引が完了します。
orders-deliver-note = 納品メッセージ
orders-deliver-files = 納品ファイル（任意）
orders-deliver-submit = 正式に納品する

orders-approve-heading = 納品内容の確認
orders-approve-lead = 出品者から正式な納品がありました。トークルームで内容をご確認のうえ、承認するか差し戻してください。
orders-approve-auto = { $date }までに承認も差し戻しもない場合は、自動的に承認されます。
orders-approve-submit = 承認して取引を完了する
orders-waiting-heading = 購入者の確認待ち
orders-waiting-approval = 購入者が納品内容を確認しています。{ $date }までに承認も差し戻しもない場合は、自動的に承認されて取引が完了します。
orders-send-back-heading = 納品を差し戻す
orders-send-back-reason = 差し戻しの理由
orders-send-back-hint = 直してほしい点を具体的にお書きください。差し戻しは1回の取引につき{ $max }回までです。
orders-send-back-submit = 差し戻す

orders-cancellation-heading = キャンセル申請
orders-cancellation-requester = 申請した人
orders-cancellation-by-you = あなた
orders-cancellation-reason = 理由
orders-cancellation-deadline = 回答期限
orders-cancellation-waiting = 相手の回答をお待ちください。期限までに回答がない場合は、キャンセルが成立します。
orders-cancellation-answer-lead = キャンセルに同意するか、異議を伝えてください。期限までに回答がない場合は、同意したものとみなされます。
orders-cancel-answer = 回答（異議を伝える場合は理由を入力してください）
orders-cancel-answer-hint = 同意する場合は空欄のままでもかまいません。
orders-cancel-agree = キャンセルに同意する
orders-cancel-object = 異議を伝える
orders-cancel-withdraw = 申請を取り下げる
orders-cancel-request-heading = キャンセル
orders-cancel-request-hint = キャンセルを申請すると、相手は{ $hours }時間以内に同意するか異議を伝えます。回答がない場合はキャンセルが成立し、購入者にお支払い金額が返金されます。
orders-cancel-request-open = キャンセルを申請する
orders-cancel-reason = キャンセルの理由
orders-cancel-request-submit = キャンセルを申請する

orders-review-heading-buyer = 出品者を評価する
orders-review-heading-seller = 購入者を評価する
orders-review-rating = 評価
orders-review-rating-option = { $rating ->
    [5] 5（とても良い）
    [4] 4（良い）
    [3] 3（普通）
    [2] 2（いまひとつ）
   *[1] 1（悪い）
}
orders-review-comment = コメント
orders-review-anonymous = 匿名で公開する
orders-review-anonymous-hint = サービスのページでは、あなたの名前の代わりに「匿名」と表示されます。
orders-review-submit = 評価を送信する
orders-reviews-heading = 評価
orders-review-by-buyer = 購入者からの評価
orders-review-by-seller = 出品者からの評価
orders-review-stars = 5段階中{ $rating }
orders-review-anonymous-note = 匿名で公開されています。

orders-talk-heading = トークルーム
orders-talk-empty = まだメッセージはありません。
orders-talk-platform = よろず
orders-talk-message-from = { $name }さんのメッセージ
orders-talk-you = （あなた）
orders-talk-formal-delivery = 正式な納品
orders-talk-files = 添付ファイル
orders-talk-read = 既読
orders-talk-form-heading = メッセージを送る
orders-talk-body = メッセージ
orders-talk-attach = 添付ファイル（任意）
orders-talk-send = 送信する
orders-talk-closed = このトークルームは{ $date }に終了しました。メッセージは送れません。

## Platform notes in the talk room (the message id is stored with the note)

order-event-payment_succeeded = お支払いが完了しました。出品者は作業を始めてください。
order-event-payment_expired = お支払い期限を過ぎたため、取引は終了しました。
order-event-formal_delivery = 出品者が正式な納品をしました。購入者は内容を確認して、承認するか差し戻してください。
order-event-send_back = 購入者が納品を差し戻しました。出品者は内容を直して、もう一度納品してください。
order-event-approve = 購入者が納品を承認しました。取引は完了です。
order-event-auto_approve = 期限までに承認も差し戻しもなかったため、納品は自動的に承認されました。取引は完了です。
order-event-cancellation_agreed = キャンセルに同意があり、取引はキャンセルされました。
order-event-cancellation_timed_out = 期限までに回答がなかったため、キャンセルが成立しました。
order-event-cancellation-requested = キャンセルが申請されました。
order-event-cancellation-objected = キャンセル申請に異議が伝えられました。取引は続きます。
order-event-cancellation-withdrawn = キャンセル申請は取り下げられました。
order-event-refunded = お支払い金額の返金手続きが完了しました。
order-event-open_dispute = トラブル相談が始まりました。運営事務局が確認します。
order-event-resolve_dispute_complete = 運営事務局の判断により、取引は完了になりました。
order-event-resolve_dispute_cancel = 運営事務局の判断により、取引はキャンセルになりました。
order-event-seller_withdrew = 出品者が退会したため、お支払い前のこの取引はキャンセルになりました。
orders-event-other = 取引の状況が変わりました。

## Notices after an action

orders-flash-placed = ご注文を受け付けました。
orders-flash-paid = お支払いが完了しました。
orders-flash-delivered = 正式に納品しました。
orders-flash-approved = 納品を承認しました。取引は完了です。
orders-flash-sent-back = 納品を差し戻しました。
orders-flash-cancellation-requested = キャンセルを申請しました。
orders-flash-cancellation-agreed = キャンセルに同意しました。
orders-flash-cancellation-objected = キャンセル申請に異議を伝えました。
orders-flash-cancellation-withdrawn = キャンセル申請を取り下げました。
orders-flash-reviewed = 評価を送信しました。
orders-flash-message-sent = メッセージを送信しました。

## Order lists

orders-list-title = 取引の一覧
orders-list-tabs = 取引の種類
orders-tab-purchases = 購入した取引
orders-tab-sales = 販売した取引
orders-list-count = 全{ $count }件
orders-list-empty-purchases = 購入した取引はまだありません。
orders-list-empty-sales = 販売した取引はまだありません。
orders-list-find = サービスを探す
orders-list-unread = 未読 { $count }件
orders-list-pagination = ページ
orders-list-prev = 前へ
orders-list-next = 次へ
orders-list-page = { $page }ページ目
orders-talk-counterpart-left = お相手は退会したため、メッセージは送れません。これまでのやり取りと納品されたファイルは、引き続きご覧いただけます。
