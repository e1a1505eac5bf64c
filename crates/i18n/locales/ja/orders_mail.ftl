# 取引とポイントのメール。すべての取引メールは $title（サービス名）、$url（取引ページのURL）、
# $order（取引番号）を受け取ります。金額は数値で渡され、桁区切りされます。フッターは自動で付きます。

mail-order-placed-subject = 【よろず】ご購入ありがとうございます：{ $title }
mail-order-placed-body = 「{ $title }」のご購入が完了しました。

    取引番号: { $order }
    お支払い金額: { $total }円

    これから出品者が作業を始めます。ご依頼内容の確認やメッセージのやり取りは、下記の取引ページ（トークルーム）で行えます。

    { $url }

mail-order-received-subject = 【よろず】サービスが購入されました：{ $title }
mail-order-received-body = 「{ $title }」が購入されました。

    取引番号: { $order }
    売上予定額（手数料差し引き後）: { $share }円
    お届け日数: { $days }日

    取引ページで購入者のご依頼内容をご確認のうえ、作業を始めてください。お届け日数以内に正式な納品をお願いします。

    { $url }

mail-order-awaiting-payment-subject = 【よろず】お支払いをお待ちしています：{ $title }
mail-order-awaiting-payment-body = 「{ $title }」のご注文を受け付けました。お支払いはまだ完了していません。

    取引番号: { $order }
    お支払い金額: { $total }円
    お支払い期限: { $due }

    期限までに下記の取引ページからお支払いください。期限を過ぎると、ご注文は自動的に取り消されます。

    { $url }

mail-order-message-subject = 【よろず】取引相手から新しいメッセージが届きました
mail-order-message-body = 「{ $title }」の取引（取引番号 { $order }）で、取引相手から新しいメッセージが届きました。

    メッセージの内容は、下記の取引ページでご確認ください。

    { $url }

mail-order-delivered-subject = 【よろず】納品がありました。内容をご確認ください：{ $title }
mail-order-delivered-body = 「{ $title }」の取引（取引番号 { $order }）で、出品者から正式な納品がありました。

    下記の取引ページで納品内容をご確認のうえ、問題がなければ「承認する」を押してください。修正が必要な場合は、理由を添えて差し戻すことができます。

    { $auto } までに承認も差し戻しもない場合は、自動的に承認され、取引が完了します。

    { $url }

mail-order-sent-back-subject = 【よろず】納品が差し戻されました：{ $title }
mail-order-sent-back-body = 「{ $title }」の取引（取引番号 { $order }）で、購入者が納品を差し戻しました。

    差し戻しの理由:
    { $reason }

    内容をご確認のうえ、修正して改めて正式な納品をしてください。

    { $url }

mail-order-completed-subject = 【よろず】取引が完了しました：{ $title }
mail-order-completed-body = 「{ $title }」の取引（取引番号 { $order }）が完了しました。ご利用ありがとうございました。

    出品者の売上金として{ $share }円が計上されました。

    よろしければ、取引相手の評価をお願いします。評価は取引ページから投稿でき、今後ほかの会員が安心して取引するための参考になります。

    { $url }

mail-order-cancelled-subject = 【よろず】取引がキャンセルされました：{ $title }
mail-order-cancelled-body = 「{ $title }」の取引（取引番号 { $order }）はキャンセルされました。

    { $refund ->
        [0] お支払いは発生していないため、返金はありません。
       *[other] お支払いいただいた{ $refund }円は、購入者のお支払い方法に返金されます。反映までの日数はカード会社によって異なります。
    }
    ポイントやクーポンが使われていた場合は、購入者にお戻しします。

    { $url }

mail-order-payment-expired-subject = 【よろず】お支払い期限が過ぎたため、ご注文を取り消しました：{ $title }
mail-order-payment-expired-body = 「{ $title }」のご注文（取引番号 { $order }）は、お支払い期限までにお支払いが確認できなかったため取り消しました。料金は請求されていません。

    ご利用予定だったポイントやクーポンはお戻ししました。引き続きご購入を希望される場合は、改めてお申し込みください。

    { $url }

mail-order-seller-withdrew-subject = 【よろず】出品者の退会により、ご注文を取り消しました：{ $title }
mail-order-seller-withdrew-body = 「{ $title }」のご注文（取引番号 { $order }）は、出品者が退会したため取り消しました。お支払い前のご注文でしたので、料金は請求されていません。

    ご利用予定だったポイントやクーポンはお戻ししました。取引画面のやり取りは、これまでどおりご確認いただけます。

    { $url }

mail-order-cancellation-requested-subject = 【よろず】取引のキャンセル申請が届きました：{ $title }
mail-order-cancellation-requested-body = 「{ $title }」の取引（取引番号 { $order }）について、取引相手からキャンセルの申請がありました。

    申請の理由:
    { $reason }

    { $deadline } までに、取引ページで同意するか、異議を申し立ててください。期限までにお返事がない場合は、キャンセルに同意したものとみなされ、取引はキャンセルされます。

    { $url }

mail-order-cancellation-objected-subject = 【よろず】キャンセル申請に異議が申し立てられました：{ $title }
mail-order-cancellation-objected-body = 「{ $title }」の取引（取引番号 { $order }）で申請したキャンセルについて、取引相手が異議を申し立てました。取引はキャンセルされず、このまま続きます。

    取引相手からのお返事:
    { $answer }

    今後の進め方は、取引ページのメッセージで話し合ってください。

    { $url }

mail-order-review-received-subject = 【よろず】取引相手から評価が届きました：{ $title }
mail-order-review-received-body = 「{ $title }」の取引（取引番号 { $order }）で、取引相手から星{ $rating }つの評価が届きました。

    評価の内容は取引ページでご確認いただけます。まだ評価を投稿していない場合は、あわせてお願いします。

    { $url }

mail-points-granted-subject = 【よろず】{ $points }ポイントが付与されました
mail-points-granted-body = { $points }ポイントを付与しました。1ポイントは1円として、サービスのご購入時にお使いいただけます。

    付与の理由: { $note }

    ポイントの有効期限は、最後にポイントを獲得した日から1年間です。今回の付与により、現在お持ちのポイントはすべて { $expires } まで有効です。

    ポイントの残高と履歴は、下記のページでご確認いただけます。

    { $url }
