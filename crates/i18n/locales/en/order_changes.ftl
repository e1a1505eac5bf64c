# Changes during an order: paid additions, delivery-date extensions, cancelling an overdue order.
# Mails receive $title (the service), $url (the order page) and $order (the order number).

## Errors

order-change-days-out-of-range = Enter a whole number of days from 0 to 60 (at least 1 for an extension).
order-not-overdue = The order is not past its due date, so it cannot be cancelled at once.
order-addition-not-open = This addition has already been answered, or the order is no longer in progress.
order-extension-already-open = This order already has an extension request waiting for an answer.
order-extension-not-open = There is no extension request waiting for an answer.
order-extension-own-request = You cannot answer your own extension request.

## Talk-room history

order-event-addition-proposed = The seller proposed a paid addition.
order-event-addition-paid = The buyer bought a paid addition.
order-event-addition-declined = The buyer declined a paid addition.
order-event-addition-withdrawn = The seller withdrew a proposed addition.
order-event-addition-refunded = The refund of a paid addition has been completed.
order-event-extension-requested = An extension of the due date was requested.
order-event-extension-accepted = The extension of the due date was accepted.
order-event-extension-declined = The extension of the due date was declined.
order-event-extension-withdrawn = The extension request was withdrawn.
order-event-overdue-cancelled = The buyer cancelled the order because it was past its due date.

## Mail

mail-order-addition-proposed-subject = [Yorozu] A paid addition was proposed: { $title }
mail-order-addition-proposed-body = The seller proposed a paid addition on the order for "{ $title }" (order { $order }).

    What: { $addition }
    You pay (service fee included): ¥{ $total }
    Extra days: { $days }

    Please buy it or decline it on the order page.

    { $url }

mail-order-addition-paid-subject = [Yorozu] A paid addition was bought: { $title }
mail-order-addition-paid-body = The buyer bought the addition "{ $addition }" on the order for "{ $title }" (order { $order }).

    Your share (after fees): ¥{ $share }
    Extra days: { $days }

    It is credited to your sales together with the order when the order completes.

    { $url }

mail-order-addition-declined-subject = [Yorozu] A paid addition was declined: { $title }
mail-order-addition-declined-body = The buyer declined the addition "{ $addition }" you proposed on the order for "{ $title }" (order { $order }).

    The buyer's note:
    { $answer }

    { $url }

mail-order-addition-withdrawn-subject = [Yorozu] A proposed addition was withdrawn: { $title }
mail-order-addition-withdrawn-body = The seller withdrew the addition "{ $addition }" proposed on the order for "{ $title }" (order { $order }). You have not been charged.

    { $url }

mail-order-extension-requested-subject = [Yorozu] An extension of the due date was requested: { $title }
mail-order-extension-requested-body = The other party asks to move the due date of the order for "{ $title }" (order { $order }) by { $days } days.

    Reason:
    { $reason }

    If you accept, the new due date is { $due } (JST). Please accept or decline on the order page.

    { $url }

mail-order-extension-accepted-subject = [Yorozu] Your extension was accepted: { $title }
mail-order-extension-accepted-body = Your request to extend the order for "{ $title }" (order { $order }) by { $days } days was accepted.

    New due date: { $due } (JST)

    { $url }

mail-order-extension-declined-subject = [Yorozu] Your extension was declined: { $title }
mail-order-extension-declined-body = Your request to extend the order for "{ $title }" (order { $order }) by { $days } days was declined. The due date stays { $due } (JST).

    The other party's note:
    { $answer }

    { $url }

mail-order-extension-withdrawn-subject = [Yorozu] An extension request was withdrawn: { $title }
mail-order-extension-withdrawn-body = The other party withdrew their request to extend the order for "{ $title }" (order { $order }). The due date stays { $due } (JST).

    { $url }

## Receipt

paperwork-receipt-addition = Paid addition: { $title }
