# ポイントとクーポン（運営コンソールと会員の設定ページ）

## 運営コンソールのトップ
operator-dashboard-promotions-heading = ポイントとクーポン
operator-dashboard-promotions-text = 会員へのポイント付与と、クーポンの作成・停止を行います。
operator-dashboard-coupons-link = クーポンを管理する
operator-dashboard-points-link = ポイントを付与する

## クーポン
op-coupons-title = クーポン
op-coupons-lead = クーポンは作成した時点から有効になり、各会員が1回ずつ使えます。停止したクーポンは、新しい注文では使えなくなります。
op-coupons-create-heading = クーポンを作成
op-coupons-field-code = クーポンコード
op-coupons-field-code-hint = 半角英数字とハイフンで4〜20文字。小文字は大文字として登録されます（例: WELCOME-500）。
op-coupons-field-title = タイトル
op-coupons-field-title-hint = 購入画面で会員に表示される名前です（100文字まで）。
op-coupons-field-discount = 割引額（円）
op-coupons-field-discount-hint = ご注文の金額から差し引く金額です。
op-coupons-field-min-order = 最低注文金額（円）
op-coupons-field-min-order-hint = この金額以上のご注文（サービス料金とオプションの合計）で使えます。条件がない場合は 0 にしてください。
op-coupons-field-valid-days = 有効日数
op-coupons-field-valid-days-hint = 今から何日間使えるか（1〜366日）。
op-coupons-submit = クーポンを作成する
op-coupons-list-caption = クーポン一覧
op-coupons-empty = まだクーポンはありません。
op-coupons-col-code = コード
op-coupons-col-title = タイトル
op-coupons-col-discount = 割引額
op-coupons-col-min-order = 最低注文金額
op-coupons-col-validity = 有効期間
op-coupons-col-uses = 利用回数
op-coupons-col-status = 状態
op-coupons-col-actions = 操作
op-coupons-validity = { $from } 〜 { $until }
op-coupons-uses = { $count }回
op-coupons-status-active = 有効
op-coupons-status-disabled = 停止中（{ $date }）
op-coupons-status-expired = 期限切れ
op-coupons-status-scheduled = 開始前
op-coupons-disable = 停止する
op-coupons-disable-label = クーポン { $code } を停止する
flash-coupon-created = クーポンを作成しました。
flash-coupon-disabled = クーポンを停止しました。新しい注文では使えません。

## ポイント付与
op-points-title = ポイント付与
op-points-lead = 会員にポイントを付与します。付与すると、会員にメールでお知らせし、会員のポイント履歴にメモが表示されます。ポイントの有効期限は、会員が最後にポイントを獲得した日から1年間です。
op-points-form-heading = ポイントを付与
op-points-field-email = 会員のメールアドレス
op-points-field-email-hint = 会員が登録しているメールアドレスを入力してください。
op-points-field-amount = 付与するポイント
op-points-field-amount-hint = 1ポイント＝1円です。1回に付与できるのは{ $max }ポイントまでです。
op-points-field-note = メモ（会員に表示されます）
op-points-field-note-hint = 付与の理由など。ポイント履歴とお知らせメールに表示されます（200文字まで）。
op-points-submit = ポイントを付与する
flash-points-granted = ポイントを付与しました。会員にはメールでお知らせしています。

## 会員のポイント（設定）
settings-nav-points = ポイント
my-points-title = ポイント
my-points-balance-heading = 保有ポイント
my-points-balance = { $points }ポイント
my-points-worth = 1ポイント＝1円として、サービスのご購入時にお使いいただけます。
my-points-expires = 有効期限: { $date }
my-points-expiry-rule = ポイントの有効期限は、最後にポイントを獲得した日から1年間です。期限の日を過ぎると、その時点で残っているポイントはすべて失効します。新たにポイントを獲得すると、お持ちのポイントすべての期限がその日から1年後に延びます。
my-points-none = 現在お持ちのポイントはありません。
my-points-history-heading = ポイント履歴
my-points-history-caption = ポイント履歴（新しい順）
my-points-history-empty = まだポイントの履歴はありません。
my-points-col-date = 日付
my-points-col-kind = 内容
my-points-col-amount = ポイント
my-points-col-note = メモ
my-points-kind-grant = 付与
my-points-kind-use = 利用
my-points-kind-restore = 返還
my-points-kind-expire = 失効
my-points-note-use = ご注文での利用
my-points-note-restore = キャンセルによる返還
my-points-note-expire = 有効期限による失効
my-points-order-link = 取引 { $order } を見る

## 監査ログの操作名
audit-action-coupon-create = クーポンを作成
audit-action-coupon-disable = クーポンを停止
audit-action-points-grant = ポイントを付与
