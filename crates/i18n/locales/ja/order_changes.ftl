# 取引中の変更：追加オプション、納品予定日の延長、期限超過時のキャンセル。
# メールは $title（サービス名）、$url（取引ページ）、$order（取引番号）を受け取ります。

## エラー

order-change-days-out-of-range = 日数は 0〜60 日の整数で入力してください（延長は 1 日以上）。
order-not-overdue = 納品予定日を過ぎていないため、すぐにキャンセルすることはできません。
order-addition-not-open = この追加オプションはすでに回答済みか、取引が進行中ではありません。
order-extension-already-open = この取引にはすでに回答待ちの延長申請があります。
order-extension-not-open = 回答待ちの延長申請はありません。
order-extension-own-request = ご自身の延長申請には回答できません。

## トークルームの記録

order-event-addition-proposed = 出品者が追加オプションを提案しました。
order-event-addition-paid = 購入者が追加オプションを購入しました。
order-event-addition-declined = 購入者が追加オプションを辞退しました。
order-event-addition-withdrawn = 出品者が追加オプションの提案を取り下げました。
order-event-addition-refunded = 追加オプションの返金手続きが完了しました。
order-event-extension-requested = 納品予定日の延長が申請されました。
order-event-extension-accepted = 納品予定日の延長が承認されました。
order-event-extension-declined = 納品予定日の延長が見送られました。
order-event-extension-withdrawn = 納品予定日の延長申請が取り下げられました。
order-event-overdue-cancelled = 納品予定日を過ぎたため、購入者が取引をキャンセルしました。

## メール

mail-order-addition-proposed-subject = 【よろず】追加オプションの提案が届きました：{ $title }
mail-order-addition-proposed-body = 「{ $title }」の取引（取引番号 { $order }）で、出品者から追加オプションの提案が届きました。

    内容: { $addition }
    お支払い金額（サービス利用料込み）: { $total }円
    納品予定日の延長: { $days }日

    取引ページで内容をご確認のうえ、購入するか辞退してください。

    { $url }

mail-order-addition-paid-subject = 【よろず】追加オプションが購入されました：{ $title }
mail-order-addition-paid-body = 「{ $title }」の取引（取引番号 { $order }）で、追加オプション「{ $addition }」が購入されました。

    売上予定額（手数料差し引き後）: { $share }円
    納品予定日の延長: { $days }日

    取引の完了時に、取引本体とあわせて売上に計上されます。

    { $url }

mail-order-addition-declined-subject = 【よろず】追加オプションが辞退されました：{ $title }
mail-order-addition-declined-body = 「{ $title }」の取引（取引番号 { $order }）で提案した追加オプション「{ $addition }」は、購入者により辞退されました。

    購入者からのひとこと:
    { $answer }

    { $url }

mail-order-addition-withdrawn-subject = 【よろず】追加オプションの提案が取り下げられました：{ $title }
mail-order-addition-withdrawn-body = 「{ $title }」の取引（取引番号 { $order }）で提案されていた追加オプション「{ $addition }」は、出品者により取り下げられました。料金は請求されていません。

    { $url }

mail-order-extension-requested-subject = 【よろず】納品予定日の延長申請が届きました：{ $title }
mail-order-extension-requested-body = 「{ $title }」の取引（取引番号 { $order }）について、取引相手から納品予定日を { $days } 日延長する申請が届きました。

    申請の理由:
    { $reason }

    承認すると、納品予定日は { $due } になります。取引ページで承認するか、見送ってください。

    { $url }

mail-order-extension-accepted-subject = 【よろず】納品予定日の延長が承認されました：{ $title }
mail-order-extension-accepted-body = 「{ $title }」の取引（取引番号 { $order }）で申請した納品予定日の延長（{ $days } 日）が承認されました。

    新しい納品予定日: { $due }

    { $url }

mail-order-extension-declined-subject = 【よろず】納品予定日の延長が見送られました：{ $title }
mail-order-extension-declined-body = 「{ $title }」の取引（取引番号 { $order }）で申請した納品予定日の延長（{ $days } 日）は見送られました。納品予定日は { $due } のままです。

    取引相手からのひとこと:
    { $answer }

    { $url }

mail-order-extension-withdrawn-subject = 【よろず】納品予定日の延長申請が取り下げられました：{ $title }
mail-order-extension-withdrawn-body = 「{ $title }」の取引（取引番号 { $order }）で届いていた納品予定日の延長申請は、取引相手により取り下げられました。納品予定日は { $due } のままです。

    { $url }

## 領収書

paperwork-receipt-addition = 追加オプション: { $title }
