# Disputes. Order mails receive $title (the service), $url (the order page) and $order (the order number).

## Reasons, sides, decisions

dispute-reason-not_delivered = Not delivered
dispute-reason-quality = Quality or content of the delivery
dispute-reason-no_contact = No contact
dispute-reason-other = Other
dispute-side-buyer = Buyer
dispute-side-seller = Seller
dispute-decision-release = Pay the seller (order completed)
dispute-decision-full_refund = Full refund (cancelled)
dispute-decision-partial_refund = Partial refund

## Talk-room notes

order-event-withdraw_dispute = The dispute was withdrawn. The order is back where it was and its deadlines start again from now.
order-event-resolve_dispute_partial = By the support team's decision, part of the payment was refunded and the order completed.
order-event-dispute-statement = A statement was added to the dispute.
order-event-dispute-refunded = The partial refund is complete.

## Errors

dispute-reason-unknown = Please choose a reason.
dispute-decision-unknown = Please choose a decision.
dispute-refund-out-of-range = The refund must be at least ¥1 and less than the amount paid (¥{ $paid }).
dispute-not-open = There is no open dispute.
dispute-already-open = This order already has a dispute.

## Order page

dispute-panel-title = Dispute
dispute-open-lead = If you cannot settle a problem with the other party, you can ask the support team to step in. While a dispute is open, auto-approval and the cancellation answer period stop, and the payment stays with the support team.
dispute-field-reason = Reason
dispute-field-statement = What happened
dispute-open-submit = Open a dispute
dispute-status-open = The support team is looking into it. Both sides can add statements until the decision.
dispute-status-withdrawn = This dispute was withdrawn.
dispute-status-decided = The support team has decided.
dispute-opened-by = Opened by the { $side } ({ $reason })
dispute-statements = Statements
dispute-statement-mine = You
dispute-field-add = Add a statement
dispute-add-submit = Send statement
dispute-withdraw-lead = Withdrawing puts the order back where it was; its deadlines start again from now.
dispute-withdraw-submit = Withdraw the dispute
dispute-outcome = Decision
dispute-outcome-reason = Reason for the decision
dispute-outcome-refund = Refunded to the buyer
dispute-outcome-share = Seller's sales
dispute-flash-opened = Your dispute was received. The support team will look into it.
dispute-flash-statement = Your statement was added.
dispute-flash-withdrawn = The dispute was withdrawn.
dispute-flash-decided = The decision was recorded and both parties were told.

## Operator console

operator-nav-disputes = Disputes
operator-dashboard-disputes = Disputes waiting for a decision: { $count }
operator-disputes-title = Disputes
operator-disputes-lead = Disputes waiting for a decision, oldest first.
operator-disputes-empty = No dispute is waiting for a decision.
operator-disputes-col-opened = Opened
operator-disputes-col-order = Order
operator-disputes-col-reason = Reason
operator-disputes-col-side = Opened by
operator-disputes-col-paid = Paid
operator-dispute-title = Dispute #{ $id }
operator-dispute-order = Order
operator-dispute-paid = Paid by the buyer
operator-dispute-share = Seller's share (if paid in full)
operator-dispute-state = State before the dispute
operator-dispute-talk = Talk room (everything)
operator-dispute-deliveries = Formal deliveries and files
operator-dispute-no-deliveries = Nothing was formally delivered.
operator-dispute-file = File name
operator-dispute-size = Size (bytes)
operator-dispute-sha256 = SHA-256
operator-dispute-history = History
operator-dispute-decide = Decision
operator-dispute-field-decision = Decision
operator-dispute-field-amount = Refund (for a partial refund)
operator-dispute-field-reason = Reason (both parties see it)
operator-dispute-submit = Record the decision
operator-dispute-nothing-delivered = Nothing was formally delivered, so paying the seller (completing the order) is not available. Choose a full or partial refund.
operator-dispute-closed = This dispute is already closed.

## Help

help-q-disputes = Disputes
help-a-disputes = If an order in progress or delivered runs into a problem you cannot settle with the other party, use "Open a dispute" on the order page to ask the support team to step in. While the dispute is open, auto-approval and the cancellation answer period stop and the payment stays with the support team. Until the decision, both buyer and seller can add statements, and either can withdraw the dispute (the order goes back to where it was and its deadlines start again from now). The support team reviews the talk room, the deliveries and the history, then pays the seller, refunds in full or refunds in part, and tells both sides why. For a partial refund, the seller's sales are computed from the amount kept with the usual fee rates. You cannot close your account while one of your orders is in a dispute.

## Mail

mail-dispute-opened-subject = [Yorozu] A dispute was opened: { $title }
mail-dispute-opened-body = The { $side ->
        [buyer] buyer
       *[seller] seller
    } opened a dispute on the order for "{ $title }" (order { $order }).

    Reason: { $reason ->
        [not_delivered] Not delivered
        [quality] Quality or content of the delivery
        [no_contact] No contact
       *[other] Other
    }

    { $statement }

    The support team will look into it. Until the decision, auto-approval and the cancellation answer period are stopped and the payment stays with the support team. You can add statements or withdraw the dispute on the order page.

    { $url }

mail-dispute-statement-subject = [Yorozu] A statement was added to the dispute: { $title }
mail-dispute-statement-body = The other party added a statement to the dispute on the order for "{ $title }" (order { $order }).

    { $statement }

    { $url }

mail-dispute-withdrawn-subject = [Yorozu] The dispute was withdrawn: { $title }
mail-dispute-withdrawn-body = The dispute on the order for "{ $title }" (order { $order }) was withdrawn. The order is back where it was; auto-approval and the cancellation answer period start again from now.

    { $url }

mail-dispute-decided-subject = [Yorozu] The support team decided the dispute: { $title }
mail-dispute-decided-body = The support team has decided the dispute on the order for "{ $title }" (order { $order }).

    Decision: { $decision ->
        [release] Pay the seller (order completed)
        [full_refund] Full refund (cancelled)
       *[partial_refund] Partial refund
    }
    Refunded to the buyer: ¥{ $refund }
    Seller's sales: ¥{ $share }

    Reason:
    { $reason }

    { $url }

## History

dispute-history-cancellation = Cancellation request

## The data table's row (withdrawal page, erasure receipt, privacy page)
data-disputes-name = Disputes
data-disputes-fate-kept = Kept without your name (for the other party)
data-disputes-why = The course of a dispute, both sides' statements, the operators' decision and any refund stay as part of the order's record, for the other party. You are shown as "Former member". While a dispute is open you cannot withdraw.
