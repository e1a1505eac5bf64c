# Mail about orders and points. Every order mail receives $title (the service), $url (the order
# page) and $order (the order number). Amounts come in as numbers and are grouped. The footer is
# appended automatically.

mail-order-placed-subject = [Yorozu] Thank you for your purchase: { $title }
mail-order-placed-body = Your purchase of "{ $title }" is complete.

    Order number: { $order }
    Amount paid: ¥{ $total }

    The seller will now start working. You can check your request and exchange messages with the seller on the order page (talk room):

    { $url }

mail-order-received-subject = [Yorozu] Your service was purchased: { $title }
mail-order-received-body = "{ $title }" has been purchased.

    Order number: { $order }
    Your earnings (after fees): ¥{ $share }
    Delivery time: { $days ->
        [one] { $days } day
       *[other] { $days } days
    }

    Please read the buyer's request on the order page and start working. Make your formal delivery within the delivery time.

    { $url }

mail-order-awaiting-payment-subject = [Yorozu] Waiting for your payment: { $title }
mail-order-awaiting-payment-body = We have received your order for "{ $title }". It has not been paid yet.

    Order number: { $order }
    Amount due: ¥{ $total }
    Pay by: { $due } (JST)

    Please pay on the order page before the deadline. If the deadline passes, the order is cancelled automatically.

    { $url }

mail-order-message-subject = [Yorozu] New message from the other party
mail-order-message-body = The other party sent you a new message about "{ $title }" (order { $order }).

    Please read it on the order page:

    { $url }

mail-order-delivered-subject = [Yorozu] Your order was delivered, please review it: { $title }
mail-order-delivered-body = The seller has made a formal delivery for "{ $title }" (order { $order }).

    Please check the delivery on the order page. If everything is fine, press "Approve". If something needs fixing, you can send it back with a reason.

    If you neither approve nor send it back by { $auto } (JST), the delivery is approved automatically and the order is completed.

    { $url }

mail-order-sent-back-subject = [Yorozu] Your delivery was sent back: { $title }
mail-order-sent-back-body = The buyer sent back your delivery for "{ $title }" (order { $order }).

    Reason:
    { $reason }

    Please make the changes and deliver again on the order page.

    { $url }

mail-order-completed-subject = [Yorozu] Order completed: { $title }
mail-order-completed-body = The order for "{ $title }" (order { $order }) is complete. Thank you for using Yorozu.

    ¥{ $share } has been credited to the seller's sales balance.

    Please take a moment to review the other party. Reviews are written on the order page and help other members trade with confidence.

    { $url }

mail-order-cancelled-subject = [Yorozu] Order cancelled: { $title }
mail-order-cancelled-body = The order for "{ $title }" (order { $order }) has been cancelled.

    { $refund ->
        [0] Nothing was charged, so there is no refund.
       *[other] The ¥{ $refund } paid will be refunded to the buyer's payment method. How long this takes depends on the card issuer.
    }
    Any points or coupon used on the order go back to the buyer.

    { $url }

mail-order-payment-expired-subject = [Yorozu] Your order was cancelled because it was not paid in time: { $title }
mail-order-payment-expired-body = Your order for "{ $title }" (order { $order }) was cancelled because no payment arrived before the deadline. You have not been charged.

    Any points or coupon you meant to use have been returned to you. If you still want the service, please order again.

    { $url }

mail-order-seller-withdrew-subject = [Yorozu] Your order was cancelled because the seller left: { $title }
mail-order-seller-withdrew-body = Your order for "{ $title }" (order { $order }) was cancelled because the seller closed their account. The order had not been paid, so you have not been charged.

    Any points or coupon you meant to use have been returned to you. The order's messages stay available to you as before.

    { $url }

mail-order-cancellation-requested-subject = [Yorozu] Cancellation requested: { $title }
mail-order-cancellation-requested-body = The other party has asked to cancel the order for "{ $title }" (order { $order }).

    Reason:
    { $reason }

    Please agree or object on the order page by { $deadline } (JST). If you do not answer by then, you are taken to agree and the order is cancelled.

    { $url }

mail-order-cancellation-objected-subject = [Yorozu] Your cancellation request was objected to: { $title }
mail-order-cancellation-objected-body = The other party objected to your request to cancel the order for "{ $title }" (order { $order }). The order is not cancelled and continues.

    Their answer:
    { $answer }

    Please agree on how to go on through the messages on the order page.

    { $url }

mail-order-review-received-subject = [Yorozu] You received a review: { $title }
mail-order-review-received-body = You have been reviewed for the order for "{ $title }" (order { $order }): { $rating ->
        [one] { $rating } star
       *[other] { $rating } stars
    } out of 5.

    You can read the review on the order page. If you have not reviewed them yet, please do so too.

    { $url }

mail-points-granted-subject = [Yorozu] You received { $points } points
mail-points-granted-body = We have granted you { $points } points. One point is worth ¥1 off a purchase.

    Reason: { $note }

    Points are valid for one year from your most recent acquisition. With this grant, all the points you hold are valid until { $expires } (JST).

    See your balance and history here:

    { $url }
