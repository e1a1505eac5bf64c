# 通報と運営の対応: 通報フォーム、通報履歴、運営からのお知らせ、利用停止、運営の審査キュー、メール。

## 通報の対象と理由
moderation-target-service = サービス
moderation-target-profile = プロフィール
moderation-target-message = メッセージ
moderation-target-review = 評価
moderation-target-consultation_message = 見積り相談のメッセージ
moderation-target-request = 公開依頼
moderation-target-tip = おひねりのメッセージ
moderation-target-offer = カスタム提案
moderation-reason-prohibited_service = 禁止されているサービス
moderation-reason-harassment = 嫌がらせ・誹謗中傷
moderation-reason-contact_details = 連絡先の交換（直接取引の勧誘）
moderation-reason-fraud = 詐欺・不正な取引
moderation-reason-copyright = 著作権などの権利侵害
moderation-reason-other = その他

## 通報フォーム
moderation-report-link = 通報する
moderation-report-title = { $target }を通報する
moderation-report-about = 通報する内容: { $about }
moderation-report-lead = 利用規約に反すると思われる内容を、運営事務局にお知らせください。通報したことが相手に伝わることはありません。
moderation-report-reason-label = 通報の理由
moderation-report-comment-label = 詳しい状況
moderation-report-comment-hint = 何が問題なのかを1,000文字以内でお書きください。
moderation-report-submit = 通報する
moderation-report-earlier = この内容は { $date } に通報済みです。送信すると、通報の内容を書き換えます。
moderation-report-earlier-decided = この内容への通報は、運営事務局の対応が終わっています。
moderation-report-filed = 通報を受け付けました。対応の結果は通報履歴とメールでお知らせします。
moderation-report-updated = 通報の内容を更新しました。

## 通報履歴とお知らせ（設定）
settings-nav-reports = 通報履歴とお知らせ
moderation-my-title = 通報履歴とお知らせ
moderation-my-lead = あなたが通報した内容と、その対応の結果です。ほかの方の通報は表示されません。
moderation-my-heading = 通報履歴
moderation-my-empty = 通報した内容はありません。
moderation-my-col-date = 通報日
moderation-my-col-target = 対象
moderation-my-col-reason = 理由
moderation-my-col-status = 状況
moderation-state-open = 確認中
moderation-state-closed = 対応済み
moderation-outcome-dismiss = 確認の結果、規約違反は見つかりませんでした
moderation-outcome-hide_service = サービスを非公開にしました
moderation-outcome-remove_content = 内容を削除しました
moderation-outcome-warn = 投稿者に警告しました
moderation-outcome-suspend = 投稿者の利用を停止しました
moderation-notices-heading = 運営からのお知らせ
moderation-notices-empty = 運営からのお知らせはありません。
moderation-notice-warning = 警告
moderation-notice-service-hidden = サービスが非公開になりました
moderation-notice-service-restored = サービスの公開を再開しました
moderation-notice-content-removed = 投稿が削除されました
moderation-notice-suspended = 利用を停止しました
moderation-notice-suspension-lifted = 利用停止を解除しました
moderation-notice-subject = 対象: { $subject }
moderation-notice-reason = 理由: { $reason }

## 利用停止
moderation-suspended-banner = このアカウントは利用停止中です。
moderation-suspended-banner-link = 理由とできることを確認する
moderation-standing-title = アカウントの状態
moderation-standing-good = このアカウントに制限はありません。
moderation-standing-suspended = このアカウントは { $since } から利用停止中です。
moderation-standing-reason = 運営事務局からの理由: { $reason }
moderation-standing-limits = 利用停止中は、サービスの購入・出品、メッセージの送信ができません。出品中のサービスは停止しています。
moderation-standing-can = データのダウンロードと退会の手続きは、引き続きご利用いただけます。
moderation-standing-export = データをダウンロードする
moderation-standing-withdraw = 退会について
moderation-standing-contact = ご不明な点は、運営事務局までお問い合わせください。

## 非公開のサービス（出品者向け）
moderation-held-heading = 運営事務局が非公開にしたサービス
moderation-held-hidden = 「{ $title }」は、運営事務局が非公開にしました。
moderation-held-suspension = 「{ $title }」は、利用停止のため停止しています。
moderation-held-reason = 理由: { $reason }
moderation-held-fix = 内容を編集したうえで、再審査を依頼してください。運営事務局が確認して公開を再開します。
moderation-held-request-review = 再審査を依頼する
moderation-held-review-requested = { $date } に再審査を依頼しました。運営事務局の確認をお待ちください。
moderation-review-requested = 再審査を依頼しました。

## 取引メッセージの注記
order-event-message-removed = このメッセージは運営事務局により削除されました。
order-event-party_suspended = 運営事務局が取引の当事者の利用を停止したため、この取引はキャンセルになりました。お支払いは返金されます。

## 評価の注記
moderation-review-removed = この評価は運営事務局により削除されました。

## エラー
moderation-report-own = ご自身の内容は通報できません。
moderation-report-already-decided = この内容への通報は、すでに運営事務局が対応を終えています。ご協力ありがとうございました。
moderation-target-unknown = 通報の対象が正しくありません。
moderation-reason-required = 通報の理由を選んでください。
moderation-action-unfit = この対象には、その対応はできません。
moderation-orders-choice = 進行中の取引の扱いを選んでください。
moderation-already-suspended = この会員はすでに利用停止中です。
moderation-service-held = このサービスは運営事務局が非公開にしています。内容を直して再審査を依頼してください。
moderation-review-not-needed = このサービスは再審査の対象ではありません。
moderation-review-already-requested = 再審査はすでに依頼済みです。

## 運営: 審査キュー
moderation-queue-title = 通報の審査
moderation-queue-lead = 通報された内容を、古い通報から順に表示します。対応には、相手に伝わる理由が必要です。
moderation-queue-empty = 確認待ちの通報はありません。
moderation-queue-reports = 通報 { $count }件
moderation-queue-oldest = 最初の通報: { $date }
moderation-queue-author = 投稿者: { $name }
moderation-queue-gone = この内容はすでに削除されています。通報を却下して閉じてください。
moderation-queue-open-link = 内容を開く
moderation-queue-automatic = 自動検出
moderation-queue-comments = 通報の内容
moderation-queue-action = 対応
moderation-queue-reason = 理由（相手に伝わります）
moderation-queue-orders = 進行中の取引
moderation-orders-continue = 続ける
moderation-orders-cancel = キャンセルして返金する
moderation-queue-decide = 対応を確定する
moderation-action-dismiss = 却下する
moderation-action-hide_service = サービスを非公開にする
moderation-action-remove_content = 削除する
moderation-action-warn = 警告する
moderation-action-suspend = 利用停止にする
moderation-decided = 対応を記録しました。
moderation-review-requests-heading = 再審査の依頼
moderation-review-requests-empty = 再審査の依頼はありません。
moderation-review-requests-hidden-reason = 非公開にした理由: { $reason }
moderation-restore = 公開を再開する
moderation-restored = サービスの公開を再開しました。
moderation-suspensions-title = 利用停止中の会員
moderation-suspensions-empty = 利用停止中の会員はいません。
moderation-suspensions-since = { $date } から
moderation-suspensions-orders = 進行中の取引: { $orders }
moderation-lift = 利用停止を解除する
moderation-lifted = 利用停止を解除しました。
operator-dashboard-moderation-heading = 通報の審査
operator-dashboard-moderation-count = 確認待ち: { $count }件
operator-dashboard-moderation-none = 確認待ちの通報はありません。
operator-dashboard-moderation-link = 審査キューを開く
operator-dashboard-suspensions-link = 利用停止中の会員

## ヘルプ
help-moderation-heading = 通報と利用停止について
help-moderation-report = 規約に反するサービス、プロフィール、取引メッセージ、評価を見つけたときは、それぞれの「通報する」からお知らせください。理由（禁止されているサービス、嫌がらせ、連絡先の交換、詐欺、権利侵害、その他）と詳しい状況を書いていただきます。通報したことは相手に伝わりません。同じ内容への通報は1回で、確認中のうちは書き換えられます。
help-moderation-actions = 運営事務局は通報を確認し、却下、サービスの非公開、メッセージや評価の削除、警告、利用停止のいずれかを行います。対応には必ず理由を添え、対象の会員にお知らせします。通報した方には、設定の「通報履歴とお知らせ」とメールで結果をお知らせします。
help-moderation-hidden = サービスが非公開になったときは、理由を確認して内容を直し、「再審査を依頼する」を押してください。運営事務局が確認して公開を再開します。
help-moderation-suspension = 利用停止中は、購入・出品・メッセージの送信ができず、出品中のサービスは停止します。進行中の取引は、運営事務局の判断で続けるか、キャンセルして返金します。データのダウンロードと退会（手続きを妨げる取引などがなくなってから）は、利用停止中でもできます。

## メール
mail-moderation-report-received-subject = 【よろず】通報を受け付けました
mail-moderation-report-received-body = { $target ->
        [service] サービス
        [profile] プロフィール
        [message] 取引メッセージ
       *[review] 評価
    }への通報を受け付けました。ご協力ありがとうございます。

    運営事務局が内容を確認し、対応の結果をメールと通報履歴でお知らせします。通報したことが相手に伝わることはありません。

    { $url }
mail-moderation-report-decided-subject = 【よろず】通報への対応が終わりました
mail-moderation-report-decided-body = ご連絡いただいた通報について、運営事務局の対応が終わりました。

    結果: { $outcome ->
        [dismiss] 確認の結果、規約違反は見つかりませんでした
        [hide_service] サービスを非公開にしました
        [remove_content] 内容を削除しました
        [warn] 投稿者に警告しました
       *[suspend] 投稿者の利用を停止しました
    }

    通報履歴は下記でご確認いただけます。

    { $url }
mail-moderation-warning-subject = 【よろず】運営事務局からの警告
mail-moderation-warning-body = あなたの投稿について、運営事務局から警告をお送りします。

    対象: { $subject }
    理由: { $reason }

    同じことが続く場合は、利用停止となることがあります。お知らせは下記でもご確認いただけます。

    { $url }
mail-moderation-service-hidden-subject = 【よろず】サービスを非公開にしました
mail-moderation-service-hidden-body = 運営事務局は、あなたのサービス「{ $subject }」を非公開にしました。

    理由: { $reason }

    内容を編集したうえで、出品サービスの管理ページから再審査を依頼してください。運営事務局が確認して公開を再開します。

    { $url }
mail-moderation-service-restored-subject = 【よろず】サービスの公開を再開しました
mail-moderation-service-restored-body = 運営事務局は、あなたのサービス「{ $subject }」の公開を再開しました。

    コメント: { $reason }

    { $url }
mail-moderation-content-removed-subject = 【よろず】投稿を削除しました
mail-moderation-content-removed-body = 運営事務局は、あなたの投稿を削除しました。

    対象: { $subject }
    理由: { $reason }

    { $url }
mail-moderation-suspended-subject = 【よろず】アカウントの利用を停止しました
mail-moderation-suspended-body = 運営事務局は、あなたのアカウントの利用を停止しました。

    理由: { $reason }

    利用停止中は、購入・出品・メッセージの送信ができず、出品中のサービスは停止します。データのダウンロードと退会の手続きは、引き続きご利用いただけます。

    { $url }
mail-moderation-suspension-lifted-subject = 【よろず】利用停止を解除しました
mail-moderation-suspension-lifted-body = 運営事務局は、あなたのアカウントの利用停止を解除しました。これまでどおりご利用いただけます。

    コメント: { $reason }

    { $url }

## 退会後のデータの扱い
data-reports-filed-name = あなたが送った通報
data-reports-filed-fate-kept = あなたを特定できない形で保管
data-reports-filed-why = 運営事務局が受けた知らせとして残しますが、通報した人の情報は削除します。あなたについての通報や運営からのお知らせは削除します。
