# 退会（/settings/withdrawal）: 退会を妨げているもの、失われるもの、データの扱い。
# data-* のメッセージ（データの種類ごとの名前・扱い・理由）は、退会の完了メールで送る削除内容の
# 控えと、プライバシーのページでも使います。扱い（fate）のメッセージ名には、コード側の扱い
# （yorozu_domain::withdrawal::Fate）が入るため、コードとこの文面が食い違うとテストで気づけます。

settings-nav-withdrawal = 退会
footer-withdrawal = 退会について

withdrawal-title = 退会
withdrawal-lead = 退会の手続きの前に、いまの状況と、退会するとどうなるかをこのページで確認できます。このページを見ただけで何かが変わることはありません。

## 退会の前に確認すること
withdrawal-check-heading = 退会の前に確認すること
withdrawal-ready = 退会を妨げるものはありません。進行中の取引や、振込前の振込申請はありません。
withdrawal-not-ready = 次の{ $count }件が終わるまでは退会できません。進行中の取引のお相手と、振込を待っているあなたの売上金を守るためです。
withdrawal-blockers-label = 退会を妨げているもの
withdrawal-blocker-purchase = 購入中の取引
withdrawal-blocker-sale = 販売中の取引
withdrawal-blocker-cancellation-request = 回答待ちのキャンセル申請
withdrawal-blocker-dispute = トラブル対応中の取引
withdrawal-blocker-payout-request = 振込前の振込申請
withdrawal-blocker-payout-link = 売上管理で確認する
withdrawal-blocker-state = 状態: { $state }
withdrawal-blocker-clears = { $date }に自動的に解消されます
withdrawal-blocker-needs-action = お相手または運営の対応が必要です
withdrawal-blocker-needs-you = 納品など、あなたの対応が必要です
withdrawal-clears-by-itself = このまま何もしなければ、{ $date }にはすべて解消され、退会できるようになります。
withdrawal-unpaid-sales = あなたのサービスに、お支払い待ちの注文が{ $count }件あります。これは退会を妨げませんが、退会するとこれらの注文はキャンセルされ、購入者にはその旨をお知らせします。

## 失われるもの
withdrawal-forfeits-heading = 失われるもの
withdrawal-forfeits-lead = 退会すると、次のものは受け取ったり使ったりできなくなります。金額は現時点のものです。退会の手続きでは、その時点の金額をもう一度お見せし、確認していただいてから放棄となります。
withdrawal-forfeits-caption = 退会で失われるもの（現時点）
withdrawal-forfeit-sales-balance = 売上金（振込申請をしていない分）
withdrawal-forfeit-points = ポイント
withdrawal-forfeit-points-value = { $points }ポイント
withdrawal-forfeit-payout = 売上金は、退会の前に振込申請をすれば受け取れます。
withdrawal-forfeit-payout-link = 振込申請へ進む
withdrawal-forfeit-coupons = クーポンは会員ごとに配布・保有されるものではないため、退会によって失われるクーポンはありません。

## データの扱い
withdrawal-data-heading = データの扱い
withdrawal-data-lead = 退会すると、当社が保有するあなたのデータは、種類ごとに次のように扱います。「削除」は、退会の手続きのあと、猶予期間が終わった時点（すぐに削除を選んだ場合はその時点）で行います。
withdrawal-data-caption = 退会後のデータの扱い
withdrawal-data-col-name = データ
withdrawal-data-col-fate = 退会後の扱い
withdrawal-data-col-why = 理由

data-sessions-and-tokens-name = ログイン中の端末・APIトークン
data-sessions-and-tokens-fate-ended-at-once = すぐに停止・無効化
data-sessions-and-tokens-why = 退会の手続きをした時点で、すべての端末からログアウトし、APIトークンも使えなくします。退会後に、あなたのアカウントが誰かに使われることがないようにするためです。

data-marketing-mail-name = お知らせメール・メルマガ
data-marketing-mail-fate-ended-at-once = すぐに停止・無効化
data-marketing-mail-why = 退会の手続きと同時に配信を止め、送信待ちだったメールも取り消します。お送りするのは、退会の完了をお知らせするメール（削除内容の控えつき）1通だけです。二度と届かないよう、メールアドレスを元に戻せない形（ハッシュ値）に変えた配信停止の記録だけを残します。この記録は、新しいアカウントであらためて配信を希望されたときにだけ解除されます。

data-listings-name = 出品したサービス
data-listings-fate-erased = 完全に削除
data-listings-why = 退会の手続きと同時に非公開にし、その後、画像も含めて削除します。これまでの取引には、購入された時点のサービス名だけが取引の記録として残ります。

data-profile-name = プロフィール（表示名・アイコン・スキル・経歴・SNSリンク）
data-profile-fate-erased = 完全に削除
data-profile-why = あなたを表す情報なので、退会後に残す理由がありません。

data-reviews-received-name = あなたが受け取った評価
data-reviews-received-fate-erased = 完全に削除
data-reviews-received-why = あなたのプロフィールやサービスの目安として表示するためのものなので、削除します。評価の件数や平均もそれに合わせて計算し直します。

data-reviews-written-name = あなたが書いた評価
data-reviews-written-fate-kept = あなたの名前を外して保管（取引相手のために）
data-reviews-written-why = 評価は、評価された相手のサービスやプロフィールの一部でもあるため残します。書いた人は「退会したユーザー」と表示され、あなたのプロフィールにはつながりません（匿名で書いた評価は「匿名」のままです）。コメントの本文は書かれたまま残ります。

data-orders-and-messages-name = 取引とトークルームのメッセージ
data-orders-and-messages-fate-kept = あなたの名前を外して保管（取引相手のために）
data-orders-and-messages-why = 取引のお相手が、やり取りや納品の内容を後から確認できるように、また取引の記録として残します。あなたは「退会したユーザー」と表示され、プロフィールにはつながりません。メッセージに書いた内容はそのまま残ります。おひねりに添えたメッセージも同じ扱いです。

data-ledger-entries-name = 支払い・売上・振込の会計記録
data-ledger-entries-fate-kept = 個人を特定できない形で保管（{ $years }年）
data-ledger-entries-why = 税務上の記録として、{ $years }年間の保存が必要なためです。記録は、あなたの名前やメールアドレスではなく、退会後に残る匿名の番号だけに結び付けます。

data-balances-points-coupons-name = 売上金・ポイント・クーポン
data-balances-points-coupons-fate-forfeited = 金額を確認のうえ放棄
data-balances-points-coupons-why = 退会後は受け取ることも使うこともできなくなるためです。放棄する金額は退会の手続きで確認していただき、同意をいただいたうえで、その金額を会計記録に残します。売上金は、退会の前に振込申請をすれば受け取れます。受け取ったおひねりの売上金も含みます。

data-identity-bank-cards-name = 本人確認書類・振込先口座・登録したカード
data-identity-bank-cards-fate-erased = 完全に削除
data-identity-bank-cards-why = 特に慎重に扱うべき情報なので、保存している書類の画像や、決済会社に預けているカードの情報（トークン）も含めて削除します。カード番号そのものは、もともと当社では保存していません。

data-email-address-name = メールアドレス
data-email-address-fate-released = 再登録に使えるようになります
data-email-address-why = アカウントから削除するので、同じメールアドレスで新しく登録できるようになります。新しいアカウントは以前のアカウントとは別のもので、取引や評価は引き継がれません。

data-withdrawal-reason-name = 退会の理由（任意）
data-withdrawal-reason-fate-kept = 個人を特定できない形で保管（統計のため）
data-withdrawal-reason-why = サービスを良くするための統計として、あなたの個人情報を含めずに残します。理由を答えなくても退会できます。「売れない」を選んで改善のヒントが表示されたことは、退会後にデータを削除するときまで会員IDとともに記録し、その後は件数だけを残します。

## あなたが書いたレビューの表示
withdrawal-reviews-heading = あなたが書いたレビューの表示
withdrawal-reviews-lead = あなたが書いたレビューのうち最新のものが、退会後にはこのように表示されます。ほかのレビューも同じように表示されます。
withdrawal-reviews-label = 退会後のレビューの表示例
withdrawal-reviews-none = あなたが書いたレビューはまだありません。

## 退会の手続き
withdrawal-confirm-heading = 退会の手続き
withdrawal-confirm-lead = 内容をご確認のうえ、パスワードを入力して「退会する」を押してください。理由のご回答は任意です。
withdrawal-schedule-lead = いまはまだ退会できませんが、退会を予約できます。予約すると、退会を妨げているものがすべて解消された時点で、退会の手続きが自動的に行われます。
withdrawal-schedule-paused = 予約した時点で、あなたのサービスはすべて出品停止になり、新しい注文を受け付けなくなります。進行中の取引は、これまでどおり最後まで進められます。
withdrawal-schedule-called-off = 予約のあとで売上金が増えた場合は、登録済みの振込先口座へ自動で振込申請し、振込が済んでから退会の手続きを行います。口座が未登録のとき、売上金が振込手数料以下のとき、またはポイントが増えたときは、確認していただいていない金額を放棄させないよう、予約を中止してメールでお知らせします。
withdrawal-schedule-sale-note = 販売中の取引が完了すると、その分の売上金が増えます。振込先口座が登録されていれば自動で振込申請しますので、売上金を受け取ってから退会できます。

withdrawal-reasons-legend = 退会の理由（任意・複数選べます）
withdrawal-reasons-hint = お答えいただかなくても退会できます。いただいた理由は、サービスを良くするための統計にだけ使います。
withdrawal-reason-cannot-sell = 売れない
withdrawal-reason-no-longer-used = 使わなくなった
withdrawal-reason-privacy-concern = 個人情報が心配
withdrawal-reason-fees-too-high = 手数料が高い
withdrawal-reason-new-account = アカウントを作り直したい
withdrawal-reason-other = その他
withdrawal-comment-label = ご意見（任意）
withdrawal-comment-hint = { $max }文字まで。あなたのアカウントとは結び付けずに保管します。メールアドレス・電話番号・URLのように個人を特定できそうな部分は、保管する前に自動的に削除します。

withdrawal-acknowledge-legend = 放棄する金額の確認
withdrawal-acknowledge-hint = 退会すると受け取れなくなる、現時点の金額です。チェックを入れた金額と手続きの時点の金額が違う場合は、もう一度確認していただきます。
withdrawal-acknowledge-sales-label = 売上金{ $amount }を放棄することを確認しました
withdrawal-acknowledge-points-label = { $points }ポイントを放棄することを確認しました

withdrawal-erasure-legend = データを削除する時期
withdrawal-erasure-grace = { $days }日間の猶予期間を置く
withdrawal-erasure-grace-hint = アカウントはすぐに閉鎖し、データは{ $days }日後に削除します。それまでにログインすれば、退会を取り消してアカウントを元に戻せます。
withdrawal-erasure-now = すぐに削除する
withdrawal-erasure-now-hint = 退会と同時にデータの削除を始めます。あとから取り消すことはできません。
withdrawal-erasure-no-grace = 猶予期間はありません。退会と同時にデータの削除を始め、あとから取り消すことはできません。

withdrawal-password-label = パスワード
withdrawal-password-hint = 本人確認のため、ログインに使っているパスワードを入力してください。

withdrawal-submit = 退会する
withdrawal-submit-note = 「退会する」を押すと、すべての端末からログアウトし、退会の完了をお知らせするメール（削除内容の控えつき）を1通だけお送りします。
withdrawal-submit-schedule = 退会を予約する
withdrawal-submit-schedule-note = 予約は、このページからいつでも取り消せます。

withdrawal-scheduled = 退会を予約中です（受付日時: { $date }）
withdrawal-scheduled-text = 退会を妨げているものがすべて解消された時点で、退会の手続きを自動的に行います。予約中は、あなたのサービスは出品停止のままです。
withdrawal-scheduled-cancel = 予約を取り消す
withdrawal-scheduled-cancel-hint = 予約を取り消しても、出品停止にしたサービスは自動では公開されません。出品の管理から公開し直してください。

withdrawal-flash-scheduled = 退会を予約しました。退会を妨げているものがすべて解消された時点で、退会の手続きを行います。
withdrawal-flash-schedule-cancelled = 退会の予約を取り消しました。

## 退会の完了（/withdrawal/done）
withdrawal-done-title = 退会の手続きが完了しました
withdrawal-done-lead = よろずをご利用いただき、ありがとうございました。アカウントを閉鎖し、すべての端末からログアウトしました。
withdrawal-done-purge-at = あなたのデータは{ $date }に削除します。
withdrawal-done-undo = それまでにこれまでのメールアドレスとパスワードでログインすると、退会を取り消してアカウントを元に戻せます。何もしなければ、そのまま削除されます。
withdrawal-done-purge-now = ご希望どおり、あなたのデータの削除を始めました。退会を取り消すことはできません。
withdrawal-done-mail = 退会の完了をお知らせするメールを、ご登録のメールアドレスにお送りします。放棄した金額と、次の削除内容の控えが書かれています。
withdrawal-done-receipt-heading = 削除内容の控え
withdrawal-done-receipt-lead = あなたのデータを、種類ごとに次のように扱います。
withdrawal-done-home = トップページへ
