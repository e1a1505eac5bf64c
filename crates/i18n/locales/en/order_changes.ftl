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
order-extension-answer-unknown = Choose accept or decline.

## Order page

order-changes-title = Due date and paid additions
order-due-label = Due date
order-overdue-badge = Overdue
order-overdue-notice = This order is past its due date (overdue). The buyer may cancel it at once.
order-overdue-lead = Nothing was delivered by the due date, so you may cancel at once without waiting for the seller. Everything you paid, additions included, is refunded.
order-overdue-field-reason = Reason (optional)
order-overdue-submit = Cancel now
order-overdue-flash-cancelled = The order was cancelled. The refund is on its way.
order-additions-heading = Paid additions
order-addition-status-proposed = Waiting for the buyer
order-addition-status-paid = Bought
order-addition-status-declined = Declined
order-addition-status-withdrawn = Withdrawn
order-addition-status-closed = Closed
order-addition-amounts-buyer = Price { $price } + service fee { $fee } = you pay { $total }
order-addition-amounts-seller = Price { $price } (your share { $share })
order-addition-days = Extra days on the due date: { $days }
order-addition-pay-submit = Buy ({ $total })
order-addition-field-answer = Reason for declining (optional)
order-addition-decline-submit = Decline
order-addition-withdraw-submit = Withdraw the proposal
order-addition-propose-summary = Propose a paid addition
order-addition-propose-lead = Propose extra work and its price. Once the buyer buys it, it becomes part of the order (with the usual seller fee).
order-addition-field-title = What
order-addition-field-description = Details (optional)
order-addition-field-price = Price (yen)
order-addition-field-days = Extra days on the due date (0–60)
order-addition-propose-submit = Propose
order-addition-flash-proposed = The addition was proposed.
order-addition-flash-paid = You bought the addition.
order-addition-flash-declined = You declined the addition.
order-addition-flash-withdrawn = The proposal was withdrawn.
order-extensions-heading = Due-date extensions
order-extension-summary-mine = You asked for { $days } more days
order-extension-summary-theirs = The other party asks for { $days } more days
order-extension-status-open = Waiting for an answer
order-extension-status-accepted = Accepted
order-extension-status-declined = Declined
order-extension-status-withdrawn = Withdrawn
order-extension-status-closed = Closed
order-extension-field-answer = Note (optional)
order-extension-accept-submit = Accept the extension
order-extension-decline-submit = Decline
order-extension-withdraw-submit = Withdraw the request
order-extension-request-summary = Request a later due date
order-extension-field-days = Days to add (1–60)
order-extension-field-reason = Reason
order-extension-request-submit = Request the extension
order-extension-flash-requested = Your extension request was sent.
order-extension-flash-accepted = You accepted the extension. The due date has moved.
order-extension-flash-declined = You declined the extension.
order-extension-flash-withdrawn = Your request was withdrawn.

## Data table on withdrawal

data-order-changes-name = Changes during orders (paid additions, due-date extensions)
data-order-changes-fate-kept = Kept without your name (for the other party)
data-order-changes-why = What a paid addition was and what it cost, and extension requests with their answers, are part of the order's record and stay for the other party. Proposals and requests still waiting for an answer end when you withdraw. Paid additions also stay in the accounting records, like the order.

## Data download

export-section-order_additions = Paid additions
export-section-order_extensions = Due-date extensions
