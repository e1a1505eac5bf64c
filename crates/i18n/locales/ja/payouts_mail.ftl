mail-payout-requested-subject = 【よろず】振込申請を受け付けました
mail-payout-requested-body =
    振込申請を受け付けました。

    申請額: { $gross }円
    振込手数料: { $fee }円
    お振込額: { $net }円
    振込予定日: { $date }

    振込予定日は銀行の営業日に合わせています。売上金の状況は次のページでご確認いただけます。
    { $url }
mail-payout-processing-subject = 【よろず】振込の手続きを開始しました
mail-payout-processing-body =
    振込申請の手続きを開始しました。{ $date } に { $net }円 をご登録の口座へお振り込みします。
    手続き中の申請は取り消しできません。売上金の状況は次のページでご確認いただけます。
    { $url }
mail-payout-transferred-subject = 【よろず】売上金をお振り込みしました
mail-payout-transferred-body =
    ご登録の口座へ{ $net }円をお振り込みしました（振込日: { $date }）。

    口座への反映時刻は金融機関によって異なります。売上金の履歴は次のページでご確認いただけます。
    { $url }
mail-payout-failed-subject = 【よろず】振込ができませんでした
mail-payout-failed-body =
    申請いただいた売上金（{ $gross }円）を、金融機関側の理由によりお振り込みできませんでした。
    申請は取り消し、金額は手数料も含めて売上金に戻しています。お手数ですが、あらためて振込申請をお願いいたします。
    { $url }
mail-payout-failed-account-subject = 【よろず】口座情報の確認をお願いします
mail-payout-failed-account-body =
    ご登録の口座情報（支店・口座番号・口座名義など）に誤りがあったため、売上金（{ $gross }円）をお振り込みできませんでした。
    申請は取り消し、金額は手数料も含めて売上金に戻しています。

    口座を登録し直すと、再び振込申請ができるようになります。
    { $url }
mail-sales-expired-subject = 【よろず】売上金の一部が失効しました
mail-sales-expired-body =
    振込申請の期限（売上確定から{ $days }日）を過ぎた売上金 { $amount }円 が失効しました。
    事情がある場合は、お問い合わせいただければ運営が確認のうえ復元できることがあります。
    { $url }
mail-sales-reinstated-subject = 【よろず】失効した売上金を復元しました
mail-sales-reinstated-body =
    お問い合わせいただいた失効売上金 { $amount }円 を売上金に戻しました。
    あらためて期限内に振込申請をお願いいたします。
    { $url }
