# トラブル相談（disputes）。取引メールは $title（サービス名）、$url（取引ページ）、$order（取引番号）を受け取ります。

## 理由・立場・判断

dispute-reason-not_delivered = 納品されない
dispute-reason-quality = 納品物の品質・内容
dispute-reason-no_contact = 連絡が取れない
dispute-reason-other = その他
dispute-side-buyer = 購入者
dispute-side-seller = 出品者
dispute-decision-release = 出品者へ支払い（取引完了）
dispute-decision-full_refund = 全額返金（キャンセル）
dispute-decision-partial_refund = 一部返金

## トークルームの記録

order-event-withdraw_dispute = トラブル相談が取り下げられました。取引は相談前の状態に戻り、期限はいまから数え直します。
order-event-resolve_dispute_partial = 運営事務局の判断により、一部を返金して取引は完了になりました。
order-event-dispute-statement = トラブル相談に申し立てが追加されました。
order-event-dispute-refunded = 一部返金の手続きが完了しました。

## エラー

dispute-reason-unknown = 相談の理由を選んでください。
dispute-decision-unknown = 判断を選んでください。
dispute-refund-out-of-range = 返金額は1円以上、お支払い金額（{ $paid }円）未満で入力してください。
dispute-not-open = 受付中のトラブル相談はありません。
dispute-already-open = この取引にはすでにトラブル相談があります。

## 取引ページ

dispute-panel-title = トラブル相談
dispute-open-lead = 取引について相手方と解決できないときは、運営事務局に相談できます。相談中は自動承認とキャンセルの回答期限が止まり、お支払いは運営事務局がお預かりしたままになります。
dispute-field-reason = 相談の理由
dispute-field-statement = 状況の説明
dispute-open-submit = トラブルを相談する
dispute-status-open = 運営事務局が確認しています。判断が出るまで、双方とも申し立てを追加できます。
dispute-status-withdrawn = このトラブル相談は取り下げられました。
dispute-status-decided = 運営事務局が判断しました。
dispute-opened-by = { $side }からの相談（{ $reason }）
dispute-statements = 申し立て
dispute-statement-mine = あなた
dispute-field-add = 申し立てを追加
dispute-add-submit = 申し立てを送る
dispute-withdraw-lead = 取り下げると取引は相談前の状態に戻り、期限はいまから数え直します。
dispute-withdraw-submit = 相談を取り下げる
dispute-outcome = 判断
dispute-outcome-reason = 判断の理由
dispute-outcome-refund = 購入者への返金
dispute-outcome-share = 出品者の売上
dispute-flash-opened = トラブル相談を受け付けました。運営事務局が確認します。
dispute-flash-statement = 申し立てを追加しました。
dispute-flash-withdrawn = トラブル相談を取り下げました。
dispute-flash-decided = 判断を記録し、双方にお知らせしました。

## 運営コンソール

operator-nav-disputes = トラブル相談
operator-dashboard-disputes = 判断待ちのトラブル相談: { $count }件
operator-disputes-title = トラブル相談
operator-disputes-lead = 判断待ちの相談を、古い順に表示しています。
operator-disputes-empty = 判断待ちのトラブル相談はありません。
operator-disputes-col-opened = 相談日時
operator-disputes-col-order = 取引
operator-disputes-col-reason = 理由
operator-disputes-col-side = 相談者
operator-disputes-col-paid = 支払額
operator-dispute-title = トラブル相談 #{ $id }
operator-dispute-order = 取引
operator-dispute-paid = 購入者の支払額
operator-dispute-share = 出品者の売上（全額の場合）
operator-dispute-state = 相談前の状態
operator-dispute-talk = トークルーム（すべて）
operator-dispute-deliveries = 正式な納品とファイル
operator-dispute-no-deliveries = 正式な納品はありません。
operator-dispute-file = ファイル名
operator-dispute-size = サイズ（バイト）
operator-dispute-sha256 = SHA-256
operator-dispute-history = 経緯
operator-dispute-decide = 判断
operator-dispute-field-decision = 判断
operator-dispute-field-amount = 返金額（一部返金のとき）
operator-dispute-field-reason = 判断の理由（双方に表示されます）
operator-dispute-submit = 判断を確定する
operator-dispute-nothing-delivered = 正式な納品がないため、出品者への支払い（取引完了）は選べません。全額返金か一部返金を選んでください。
operator-dispute-closed = この相談はすでに終了しています。

## ヘルプ

help-q-disputes = トラブル相談について
help-a-disputes = 作業中または納品済みの取引で、相手方と話し合っても解決しないときは、取引ページの「トラブルを相談する」から運営事務局に相談できます。相談中は自動承認とキャンセルの回答期限が止まり、お支払いは運営事務局がお預かりしたままになります。判断が出るまで、購入者・出品者の双方が申し立てを追加でき、どちらからでも相談を取り下げられます（取引は相談前の状態に戻り、期限はいまから数え直します）。運営事務局はトークルーム、納品物、経緯を確認し、出品者への支払い、全額返金、一部返金のいずれかを理由とともにお知らせします。一部返金では、残った金額に通常と同じ手数料率をかけて出品者の売上を計算します。相談中の取引があるあいだは退会できません。

## メール

mail-dispute-opened-subject = 【よろず】トラブル相談が始まりました：{ $title }
mail-dispute-opened-body = 「{ $title }」の取引（取引番号 { $order }）について、{ $side ->
        [buyer] 購入者
       *[seller] 出品者
    }からトラブル相談がありました。

    相談の理由: { $reason ->
        [not_delivered] 納品されない
        [quality] 納品物の品質・内容
        [no_contact] 連絡が取れない
       *[other] その他
    }

    { $statement }

    運営事務局が確認します。判断が出るまで、自動承認とキャンセルの回答期限は止まり、お支払いは運営事務局がお預かりします。取引ページから申し立てを追加したり、相談を取り下げたりできます。

    { $url }

mail-dispute-statement-subject = 【よろず】トラブル相談に申し立てが追加されました：{ $title }
mail-dispute-statement-body = 「{ $title }」の取引（取引番号 { $order }）のトラブル相談に、相手方から申し立てが追加されました。

    { $statement }

    { $url }

mail-dispute-withdrawn-subject = 【よろず】トラブル相談が取り下げられました：{ $title }
mail-dispute-withdrawn-body = 「{ $title }」の取引（取引番号 { $order }）のトラブル相談は取り下げられました。取引は相談前の状態に戻り、自動承認やキャンセルの回答期限はいまから数え直します。

    { $url }

mail-dispute-decided-subject = 【よろず】トラブル相談について運営事務局が判断しました：{ $title }
mail-dispute-decided-body = 「{ $title }」の取引（取引番号 { $order }）のトラブル相談について、運営事務局は次のとおり判断しました。

    判断: { $decision ->
        [release] 出品者へ支払い（取引完了）
        [full_refund] 全額返金（キャンセル）
       *[partial_refund] 一部返金
    }
    購入者への返金: { $refund }円
    出品者の売上: { $share }円

    判断の理由:
    { $reason }

    { $url }

## 経緯

dispute-history-cancellation = キャンセル申請

## The data table's row (withdrawal page, erasure receipt, privacy page)
data-disputes-name = トラブル相談
data-disputes-fate-kept = あなたの名前を外して保管（取引相手のために）
data-disputes-why = トラブル相談の経緯、双方の申し立て、運営の判断と返金は、取引の記録の一部として取引相手のために残します。あなたは「退会したユーザー」と表示されます。トラブル相談の対応中は、退会の手続きを進められません。
