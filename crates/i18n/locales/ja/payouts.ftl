# 売上管理・振込申請・振込先口座（出品者向けの画面）

nav-sales = 売上管理
settings-nav-bank = 振込先口座
sales-orders-link = 売上管理・振込申請

## 売上管理（/sales）
sales-title = 売上管理
sales-link-orders = 販売した取引
sales-link-statements = 支払明細書
sales-link-bank = 振込先口座
sales-balance-heading = 売上金
sales-available = 振込申請できる金額
sales-in-escrow = 取引中の売上
sales-in-escrow-hint = 進行中の取引の売上です。購入者が納品を承認して取引が完了すると、振込申請できる金額に加わります。
sales-payout-heading = 振込申請
sales-fee-heading = 振込手数料
sales-fee-rule = 申請額が{ $free_from }円未満の場合は{ $fee }円、{ $free_from }円以上の場合は無料です。
sales-next-transfer-date = 今日申請した場合の振込予定日
sales-schedule-rule = 毎月1日〜15日の申請は当月20日、16日〜月末の申請は翌月5日にお振り込みします。振込日が土日・祝日の場合は翌営業日になります。
sales-payout-start = 振込申請へ進む
sales-register-bank = 振込先口座を登録する
sales-fix-bank = 振込先口座を登録し直す
sales-in-flight = { $requested }に申請した振込（お振込額 { $net }）は、現在「{ $status }」です。振込予定日は{ $date }です。振込が完了すると、次の申請ができます。
sales-flash-requested = 振込申請を受け付けました。振込予定日にご登録の口座へお振り込みします。

sales-chart-heading = 月別の売上
sales-chart-title = 月別の売上（過去12か月）
sales-chart-desc = { $from }から{ $to }までの月ごとの売上の棒グラフです。12か月の合計は{ $total }で、最も多かったのは{ $best }の{ $best_amount }です。
sales-chart-desc-empty = { $from }から{ $to }までの月ごとの売上の棒グラフです。この期間の売上はありません。
sales-chart-caption = 取引が完了して売上が確定した月ごとの金額です。
sales-chart-col-month = 月
sales-chart-col-amount = 売上
sales-chart-month = { $year }年{ $month }月

sales-list-heading = 売上の明細
sales-list-empty = まだ売上はありません。取引が完了すると、ここに表示されます。
sales-list-lead = 売上金は、売上が確定した日から{ $days }日以内に振込申請してください。期限を過ぎた売上金は失効します。
sales-col-service = サービス
sales-col-amount = 売上金
sales-col-credited = 売上確定日
sales-col-deadline = 振込申請期限
sales-col-state = 状態
sales-sale-state-open = 申請可能
sales-sale-state-requested = 申請済み
sales-sale-state-expired = 失効
sales-expired-note = 失効した売上金は振込申請できません。やむを得ない事情で期限までに申請できなかった場合は、お問い合わせいただければ、運営が確認のうえ売上金を復活できます。
sales-expired-help = ヘルプ・お問い合わせ

sales-requests-heading = 振込申請の履歴
sales-requests-empty = 振込申請の履歴はまだありません。
sales-col-requested = 申請日
sales-col-gross = 申請額
sales-col-fee = 振込手数料
sales-col-net = お振込額
sales-col-transfer-date = 振込予定日
sales-col-status = 状態
sales-request-status-requested = 申請中
sales-request-status-processing = 処理中
sales-request-status-transferred = 振込済み
sales-request-status-failed = 失敗
sales-failure-account-data = 口座情報に誤りがあったため振り込めませんでした。金額は売上金に戻っています。振込先口座を登録し直してから、あらためて申請してください。
sales-failure-other = 金融機関側の理由で振り込めませんでした。金額は手数料も含めて売上金に戻っています。あらためて申請してください。

## 振込申請の確認（/sales/payout）
payout-confirm-title = 振込申請の確認
payout-confirm-back = 売上管理に戻る
payout-confirm-amounts-heading = 申請内容
payout-confirm-gross = 申請額
payout-confirm-fee = 振込手数料
payout-confirm-net = お振込額
payout-confirm-transfer-date = 振込予定日
payout-confirm-account = 振込先口座
payout-confirm-note = 振込申請できる金額の全額を申請します。申請後は取り消せません。
payout-confirm-submit = 振込を申請する
payout-confirm-change-account = 振込先口座を変更する
payout-confirm-blocked-heading = 現在は振込申請できません

## 振込先口座（/settings/bank）
bank-settings-title = 振込先口座
bank-settings-lead = 売上金をお振り込みする口座です。ご本人名義の口座を登録してください。口座番号と口座名義は暗号化して保存します。
bank-settings-registered-heading = 登録中の口座
bank-settings-none = 振込先口座はまだ登録されていません。
bank-settings-invalid = この口座への前回の振込は、口座情報の誤りのため完了しませんでした。正しい口座を登録し直すと、振込申請ができるようになります。
bank-settings-invalid-note = 運営からの連絡:
bank-settings-bank = 金融機関
bank-settings-branch = 支店
bank-settings-bank-branch = { $bank } { $branch }
bank-settings-type = 預金種目
bank-settings-type-ordinary = 普通
bank-settings-type-checking = 当座
bank-settings-type-savings = 貯蓄
bank-settings-number = 口座番号
bank-settings-holder-registered = 口座名義（振込データでの表記）
bank-settings-holder-registered-hint = 銀行の振込データに合わせて、口座名義は半角カタカナで登録しています。通帳やキャッシュカードの名義と同じか、ご確認ください。
bank-settings-remove = 口座を削除する
bank-settings-remove-hint = 処理中の振込申請があるあいだは削除できません。
bank-settings-add-heading = 口座を登録する
bank-settings-change-heading = 口座を変更する
bank-settings-field-bank-code = 金融機関コード（{ $digits }桁）
bank-settings-field-bank-code-hint = 例: 0001（みずほ銀行）。入力すると候補が表示されます。
bank-settings-field-branch-code = 支店コード（{ $digits }桁）
bank-settings-field-branch-code-hint = 通帳やキャッシュカードに記載されている店番です。
bank-settings-codes-summary = 取り扱い金融機関と支店コードの一覧
bank-settings-codes-lead = 現在お振り込みできる金融機関と支店です。
bank-settings-field-number = 口座番号（{ $digits }桁）
bank-settings-field-number-hint = 数字で入力してください。{ $digits }桁に満たない番号は、先頭に0を補って登録します。
bank-settings-field-holder = 口座名義（カナ）
bank-settings-field-holder-hint = 通帳の名義をカタカナで入力してください（例: ヤマダ タロウ）。銀行の振込データに合わせて、半角カタカナ（ﾔﾏﾀﾞ ﾀﾛｳ）に変換して登録します（濁点・半濁点も1文字として、最大{ $max }文字）。
bank-settings-submit = 口座を登録する
bank-settings-flash-saved = 振込先口座を登録しました。口座名義の表記をご確認ください。
bank-settings-flash-removed = 振込先口座を削除しました。
