# 運営コンソール: 振込管理（振込バッチ・全銀ファイル・失効売上金）

op-payouts-dashboard-heading = 振込管理
op-payouts-dashboard-text = 振込申請を振込日ごとに締めてバッチを作成し、全銀ファイルをダウンロードして振込結果を記録します。失効した売上金の復元もここから行います。
op-payouts-dashboard-link = 振込管理を開く
op-payouts-dashboard-expired-link = 失効売上金

op-payouts-title = 振込管理
op-payouts-lead = 振込日ごとに申請を締めてバッチを作成し、全銀ファイルで振込を行ってから、結果を記録してください。
op-payouts-back = 振込管理に戻る
op-payouts-expired-link = 失効売上金の一覧を見る

op-payouts-waiting-heading = 締め待ちの振込申請
op-payouts-waiting-none = 締め待ちの振込申請はありません。
op-payouts-waiting-lead = バッチを作成すると、その振込日の申請はすべて「処理中」になります。
op-payouts-day-heading = 振込日 { $date }
op-payouts-count = { $count }件
op-payouts-close = 締めてバッチを作成

op-payouts-col-seller = 出品者
op-payouts-col-gross = 申請額
op-payouts-col-fee = 振込手数料
op-payouts-col-net = 振込額
op-payouts-col-requested-at = 申請日時
op-payouts-col-account = 振込先
op-payouts-col-count = 件数
op-payouts-col-total-net = 振込額の合計
op-payouts-col-transfer-date = 振込日
op-payouts-col-status = 状態
op-payouts-col-closed = 締めた担当者・日時
op-payouts-col-transferred-at = 振込完了の記録日時
op-payouts-col-order = 取引
op-payouts-col-amount = 金額
op-payouts-col-credited-at = 売上計上日
op-payouts-col-expired-at = 失効日
op-payouts-order-number = 取引番号

op-payouts-batches-heading = 振込バッチ
op-payouts-batches-none = 振込バッチはまだありません。
op-payouts-batch-status-processing = 処理中
op-payouts-batch-status-transferred = 振込済み

op-payouts-request-status-requested = 申請中
op-payouts-request-status-processing = 処理中
op-payouts-request-status-transferred = 振込済み
op-payouts-request-status-failed = 振込失敗

op-payouts-batch-title = { $date } 振込分のバッチ
op-payouts-batch-details = バッチの内容
op-payouts-download = 全銀ファイルをダウンロード
op-payouts-download-hint = 全銀協フォーマット（総合振込・Shift_JIS）のファイルです。振込に失敗した申請は含まれません。ダウンロードは監査ログに記録されます。
op-payouts-transferred-text = 銀行で振込が完了したら記録してください。処理中の振込がすべて「振込済み」になり、出品者にメールでお知らせします。
op-payouts-mark-transferred = 振込済みにする
op-payouts-transfers-heading = 振込の明細

op-payouts-fail-open = この振込を「振込失敗」にする
op-payouts-fail-reason = 失敗の理由
op-payouts-failure-account-data = 口座情報の誤り
op-payouts-failure-account-data-hint = 申請は取り消され、売上金は出品者に戻ります。口座を登録し直すまで、出品者は次の申請ができません。
op-payouts-failure-other = その他
op-payouts-failure-other-hint = 申請は取り消され、売上金は出品者に戻ります。出品者はすぐに申請し直せます。
op-payouts-fail-note = メモ（任意）
op-payouts-fail-note-hint = 銀行からの連絡内容などを{ $max }文字以内で記録できます。口座情報の誤りの場合は、口座が使えなくなった理由として記録されます。
op-payouts-mark-failed = 振込失敗にする
op-payouts-fail-reason-required = 失敗の理由を選んでください。

op-payouts-expired-title = 失効売上金
op-payouts-expired-lead = 振込申請の期限を過ぎて失効した売上金です。出品者からの申し出を確認したうえで復元すると、売上金が出品者の残高に戻り、期限は復元した日から数え直しになります。
op-payouts-expired-none = 失効した売上金はありません。
op-payouts-reinstate = 復元する

op-payouts-flash-closed = 振込バッチを作成しました。全銀ファイルをダウンロードして振込を行ってください。
op-payouts-flash-transferred = バッチを振込済みにしました。出品者にメールでお知らせします。
op-payouts-flash-failed = 振込を「振込失敗」にしました。売上金は出品者に戻りました。
op-payouts-flash-reinstated = 失効売上金を復元しました。出品者にメールでお知らせします。

bank-account-in-use = 処理中の振込申請があるため、振込先口座を削除できません。振込が完了してから削除してください。

audit-action-payouts-close_batch = 振込バッチを作成
audit-action-payouts-file = 全銀ファイルをダウンロード
audit-action-payouts-transferred = 振込済みを記録
audit-action-payouts-failed = 振込失敗を記録
audit-action-sales-reinstate = 失効売上金を復元
