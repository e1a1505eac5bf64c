# おひねり（取引完了後に購入者から出品者へ送る心づけ）。

## 入力と確認のエラー

tip-key-invalid = 送信内容を確認できませんでした。お手数ですが、もう一度確認画面からお進みください。
tip-buyer-only = おひねりを送れるのは、この取引の購入者だけです。
tip-order-not-completed = おひねりは、取引が完了してから送れます。
tip-window-closed = おひねりを送れる期間（取引の完了から一定期間）は終了しました。
tip-party-closed = 退会済み、または退会手続き中のアカウントとの間では、おひねりを送れません。
tip-party-suspended = 利用停止中のアカウントとの間では、おひねりを送れません。
tip-blocked = ブロックしている、またはブロックされているユーザーには、おひねりを送れません。

## トークルームの記録

order-event-tip-sent = 購入者からおひねりが届きました。

## メール

mail-order-tip-received-subject = 【よろず】おひねりが届きました：{ $title }
mail-order-tip-received-body = 「{ $title }」の取引（取引番号 { $order }）の購入者から、おひねりが届きました。

    おひねりの金額: { $amount }円
    売上金への計上額（手数料差し引き後）: { $share }円

    購入者からのメッセージ:
    { $message }

    売上金は売上管理ページから振込申請できます。

    { $url }

## 取引ページ

order-tips-heading = おひねり
order-tips-lead = 取引へのお礼として、出品者におひねり（{ $min }円〜{ $max }円）を送れます。{ $deadline }まで送れます。
order-tips-lead-seller = 購入者から届いたおひねりです。手数料を差し引いた金額が売上金に計上されています。
order-tip-from-you = あなたから
order-tip-line-buyer = おひねり { $amount }（お支払い額 { $total }）
order-tip-line-seller = おひねり { $amount }（売上金 { $share }）
order-tip-field-amount = 金額（円）
order-tip-field-message = メッセージ（任意、500文字まで）
order-tip-next = 確認画面へ進む

## 確認画面

order-tip-confirm-title = おひねりの確認
order-tip-confirm-lead = まだお支払いは確定していません。内容を確認し、カードを選んで送信してください。
order-tip-amount = おひねりの金額
order-tip-buyer-fee = サービス利用料
order-tip-buyer-total = お支払い金額（合計）
order-tip-platform-fee = 販売手数料（出品者の受取額から差し引き）
order-tip-seller-share = 出品者の受取額
order-tip-message = メッセージ
order-tip-no-message = （メッセージなし）
order-tip-contact-ack = 連絡先が含まれていることを理解したうえで送信する
order-tip-submit = { $total }を支払っておひねりを送る
order-tip-edit = 金額やメッセージを修正する
order-tip-flash-sent = おひねりを送りました。ありがとうございます。

## 売上管理・領収書

sales-sale-tip = おひねり
paperwork-receipt-tip = おひねり（{ $date }）

## データのダウンロード

export-section-order_tips = おひねり
order-tip-back = 取引ページに戻る
contact-field-message = メッセージ
