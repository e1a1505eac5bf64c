## Paperwork: receipts (領収書) for buyers and monthly statements (支払明細書) for sellers.

paperwork-print = 印刷する
paperwork-print-hint = ブラウザの印刷機能で、印刷やPDFへの保存ができます。
paperwork-issuer-heading = 発行者
paperwork-invoice-number = 登録番号
paperwork-invoice-none = 運営者は適格請求書発行事業者ではありません（登録番号はありません）。
paperwork-tax-heading = 税率ごとの内訳
paperwork-tax-rate = { $rate }%対象
paperwork-tax-included = うち消費税
paperwork-tax-rounding = 消費税額は、税率ごとの合計額から1回計算し、1円未満を切り捨てています。
paperwork-issued = 発行日
paperwork-addressee = { $name } 様

## Receipts

paperwork-receipt-title = 領収書
paperwork-receipt-link = 領収書を表示
paperwork-receipt-back = 取引に戻る
paperwork-receipt-number = 領収書番号
paperwork-receipt-amount = 金額
paperwork-receipt-tax-included = （税込）
paperwork-receipt-for = 但し「{ $title }」の代金として
paperwork-receipt-received = 上記の金額を正に領収いたしました。
paperwork-receipt-breakdown = 内訳
paperwork-receipt-price = サービス価格
paperwork-receipt-option = オプション: { $title }
paperwork-receipt-fee = サービス利用料
paperwork-receipt-points = ポイント利用
paperwork-receipt-coupon = クーポン割引
paperwork-receipt-total = お支払い金額（税込）
paperwork-receipt-payment = お支払い方法
paperwork-payment-card = クレジットカード
paperwork-payment-deferred = 後払い
paperwork-receipt-cancelled-mark = 取消
paperwork-receipt-cancelled = この取引は{ $date }にキャンセルされ、{ $refund }を返金しました。この領収書は取り消されています。
paperwork-receipt-partial-refund = 一部返金
paperwork-receipt-kept = 差引お支払い金額（税込）
paperwork-receipt-partially-refunded = この取引はトラブル相談の結果、{ $date }に{ $refund }を返金しました。この領収書は差引後の{ $kept }に対するものです。
paperwork-addressee-heading = 宛名を変更する
paperwork-addressee-label = 宛名
paperwork-addressee-hint = 会社名などに変えられます（{ $max }文字まで）。空欄にすると、あなたの表示名になります。
paperwork-addressee-submit = 宛名を変更
paperwork-addressee-too-long = 宛名は{ $max }文字以内で入力してください。
paperwork-addressee-invalid = 宛名に使えない文字が含まれています。

## Statements

paperwork-statements-title = 支払明細書（売上明細）
paperwork-statements-link = 支払明細書（売上明細）
paperwork-statements-lead = 取引が完了した月ごとに、販売価格・販売手数料・売上金をまとめた明細です。
paperwork-statements-empty = 完了した取引はまだありません。取引が完了すると、その月の明細書がここに表示されます。
paperwork-statements-back = 明細書の一覧に戻る
paperwork-statements-to-orders = 取引一覧に戻る
paperwork-month = { $year }年{ $month }月
paperwork-statement-title = 支払明細書（{ $month }分）
paperwork-statement-period = 対象期間
paperwork-statement-period-value = { $from } 〜 { $to }（日本時間）
paperwork-statement-provisional = この月はまだ終わっていないため、明細は確定していません。月末までに完了した取引が加わります。
paperwork-statement-empty = この月に完了した取引はありません。
paperwork-statement-lines = 完了した取引
paperwork-statement-completed = 計上日
paperwork-statement-addition = { $service }（追加オプション「{ $title }」）
paperwork-statement-tip = { $service }（おひねり）
paperwork-statement-order = 取引番号
paperwork-statement-service = サービス
paperwork-statement-price = 販売価格
paperwork-statement-fee = 販売手数料
paperwork-statement-share = 売上金
paperwork-statement-totals = 合計
paperwork-statement-fee-heading = 販売手数料（税込）
paperwork-statement-count = { $count }件
paperwork-statement-note = 販売手数料は、当サイトの運営者が出品者に請求するもので、売上金から差し引かれています。
paperwork-statement-months = ほかの月
