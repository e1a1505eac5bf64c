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
order-extension-answer-unknown = 承認（accept）か見送り（decline）を選んでください。

## 取引ページ

order-changes-title = 納品予定日・追加オプション
order-due-label = 納品予定日
order-overdue-badge = 期限超過
order-overdue-notice = 納品予定日を過ぎています（期限超過）。購入者はすぐにキャンセルできます。
order-overdue-lead = 納品予定日を過ぎても納品がないため、出品者の回答を待たずにすぐキャンセルできます。お支払い済みの金額（追加オプションを含む）は返金されます。
order-overdue-field-reason = キャンセルの理由（任意）
order-overdue-submit = 今すぐキャンセルする
order-overdue-flash-cancelled = 取引をキャンセルしました。返金の手続きを進めます。
order-additions-heading = 追加オプション
order-addition-status-proposed = 回答待ち
order-addition-status-paid = 購入済み
order-addition-status-declined = 辞退
order-addition-status-withdrawn = 取り下げ
order-addition-status-closed = 終了
order-addition-amounts-buyer = 料金 { $price } ＋ サービス利用料 { $fee } ＝ お支払い金額 { $total }
order-addition-amounts-seller = 料金 { $price }（売上予定額 { $share }）
order-addition-days = 納品予定日の延長: { $days }日
order-addition-pay-submit = 購入する（{ $total }）
order-addition-field-answer = 辞退の理由（任意）
order-addition-decline-submit = 辞退する
order-addition-withdraw-submit = 提案を取り下げる
order-addition-propose-summary = 追加オプションを提案する
order-addition-propose-lead = 追加の作業と料金を提案できます。購入者が購入すると、取引の金額に加わります（販売手数料は通常の取引と同じです）。
order-addition-field-title = 内容
order-addition-field-description = 詳細（任意）
order-addition-field-price = 料金（円）
order-addition-field-days = 納品予定日の延長（日、0〜60）
order-addition-propose-submit = 提案する
order-addition-flash-proposed = 追加オプションを提案しました。
order-addition-flash-paid = 追加オプションを購入しました。
order-addition-flash-declined = 追加オプションを辞退しました。
order-addition-flash-withdrawn = 追加オプションの提案を取り下げました。
order-extensions-heading = 納品予定日の延長
order-extension-summary-mine = あなたが { $days } 日の延長を申請
order-extension-summary-theirs = 取引相手が { $days } 日の延長を申請
order-extension-status-open = 回答待ち
order-extension-status-accepted = 承認
order-extension-status-declined = 見送り
order-extension-status-withdrawn = 取り下げ
order-extension-status-closed = 終了
order-extension-field-answer = ひとこと（任意）
order-extension-accept-submit = 延長を承認する
order-extension-decline-submit = 見送る
order-extension-withdraw-submit = 延長申請を取り下げる
order-extension-request-summary = 納品予定日の延長を申請する
order-extension-field-days = 延長する日数（1〜60）
order-extension-field-reason = 理由
order-extension-request-submit = 延長を申請する
order-extension-flash-requested = 納品予定日の延長を申請しました。
order-extension-flash-accepted = 延長を承認しました。納品予定日が変わりました。
order-extension-flash-declined = 延長を見送りました。
order-extension-flash-withdrawn = 延長申請を取り下げました。

## 退会時のデータの扱い

data-order-changes-name = 取引中の変更（追加オプション・納品予定日の延長）
data-order-changes-fate-kept = あなたの名前を外して保管（取引相手のために）
data-order-changes-why = 追加オプションの内容と金額、納品予定日の延長の申請と回答は、取引の記録の一部として取引相手のために残します。回答待ちの提案や申請は、退会の手続きと同時に終了します。お支払い済みの追加オプションは、取引と同じく会計記録にも残ります。

## データのダウンロード

export-section-order_additions = 追加オプション
export-section-order_extensions = 納品予定日の延長
