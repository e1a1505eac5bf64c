# お知らせ（通知センター）、ベル、通知設定の表、メッセージのまとめメール

notifications-bell = お知らせ
notification-centre-title = お知らせ
notification-centre-lead = 取引やメッセージなどの新しい出来事をお知らせします。開くと既読になります。
notification-centre-empty = お知らせはまだありません。
notification-centre-unread-count = 未読 { $count }件
notification-centre-unread = 未読
notification-centre-mark-all = すべて既読にする
notification-centre-newer = 新しいお知らせ
notification-centre-older = 以前のお知らせ
notification-centre-page = { $page } / { $pages } ページ
flash-notifications-all-read = すべてのお知らせを既読にしました。

notification-subject-order = 取引番号 { $id }
notification-subject-payout = 振込申請
notification-subject-moderation = 通報履歴とお知らせ
notification-subject-consultation = 見積り相談
notification-subject-request = 公開依頼
notification-subject-listing = サービス

notification-new-message = 新しいメッセージが届きました
notification-order-placed = サービスが購入されました
notification-order-delivered = 納品がありました。内容をご確認ください
notification-order-approved = 納品が承認され、取引が完了しました
notification-order-auto-approved = 納品が自動承認され、取引が完了しました
notification-order-cancelled = 取引がキャンセルされました
notification-cancellation-requested = キャンセルの申請がありました
notification-review-received = 評価が届きました
notification-dispute-opened = トラブル相談が開始されました
notification-dispute-statement = トラブル相談に新しい申し立てがありました
notification-dispute-decided = トラブル相談について運営が判断しました
notification-dispute-withdrawn = トラブル相談が取り下げられました
notification-payout-requested = 振込申請を受け付けました
notification-payout-paid = 売上金のお振込みが完了しました
notification-payout-failed = 売上金のお振込みができませんでした
notification-moderation-outcome = 運営からのお知らせがあります
notification-consultation-received = 見積り相談が届きました
notification-consultation-message = 見積り相談に新しいメッセージが届きました
notification-offer-received = カスタム提案が届きました
notification-offer-revised = カスタム提案が変更されました
notification-offer-accepted = カスタム提案が承諾されました
notification-offer-declined = カスタム提案が辞退されました
notification-offer-expiring = カスタム提案の有効期限が近づいています
notification-proposal-received = 公開依頼に提案が届きました
notification-proposal-chosen = あなたの提案が選ばれました
notification-proposal-not-chosen = 今回は別の提案が選ばれました。ご提案ありがとうございました
notification-request-closed = 公開依頼の募集が終了しました
notification-addition-proposed = 追加オプションの提案が届きました
notification-addition-accepted = 追加オプションが購入されました
notification-addition-declined = 追加オプションの提案が見送られました
notification-addition-withdrawn = 追加オプションの提案が取り下げられました
notification-extension-requested = 納品予定日の延長申請がありました
notification-extension-answered = 納品予定日の延長申請に回答がありました
notification-extension-withdrawn = 納品予定日の延長申請が取り下げられました
notification-tip-received = おひねりが届きました
notification-followed-seller-new-service = フォロー中の出品者が新しいサービスを出品しました

notifications-grid-legend = お知らせの受け取り方
notifications-grid-group = 種類
notifications-grid-mail = メール
notifications-grid-site = サイト内
notifications-grid-locked = 停止できません
notifications-grid-none = なし
notifications-grid-cell = { $group }（{ $channel }）
notifications-digest-label = トークルームの新着メッセージを、1通ずつではなく1日1回のまとめメールで受け取る
notifications-digest-hint = まとめメールは毎日1回、新しいメッセージがあった日だけお送りします。
settings-no-site-channel = この種類のお知らせはサイト内では受け取れません。

mail-message-digest-subject = 【よろず】新しいメッセージが{ $count }件届いています
mail-message-digest-body = 前回のお知らせ以降、トークルームに新しいメッセージが{ $count }件届いています。

    { $orders }
    各取引ページでご確認ください。

data-notifications-name = お知らせと通知設定
data-notifications-fate-erased = 完全に削除
data-notifications-why = お知らせの一覧、通知設定、メッセージのまとめメールの記録は、あなただけのための情報のため削除します。退会の手続き後は、お知らせもメールも届きません。
export-section-notifications = お知らせ
