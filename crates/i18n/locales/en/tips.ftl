# Tips (おひねり): sent by the buyer to the seller after an order is completed.

## Form and confirmation errors

tip-key-invalid = We could not verify this submission. Please go through the confirmation step again.
tip-buyer-only = Only the buyer of this order can send a tip.
tip-order-not-completed = You can send a tip once the order is completed.
tip-window-closed = The time for sending a tip after this order's completion has passed.
tip-party-closed = Tips cannot be sent to or from an account that is closed or being closed.
tip-party-suspended = Tips cannot be sent to or from a suspended account.
tip-blocked = You cannot send a tip to a member you have blocked or who has blocked you.

## Talk room record

order-event-tip-sent = The buyer sent a tip.

## Mail

mail-order-tip-received-subject = [Yorozu] You received a tip: { $title }
mail-order-tip-received-body = The buyer of "{ $title }" (order { $order }) sent you a tip.

    Tip: ¥{ $amount }
    Added to your sales balance (after fees): ¥{ $share }

    Message from the buyer:
    { $message }

    You can request a payout of your sales balance from the sales page.

    { $url }

## Order page

order-tips-heading = Tips
order-tips-lead = To say thank you, you can send the seller a tip ({ $min } to { $max }) until { $deadline }.
order-tips-lead-seller = Tips from the buyer. The amount after fees has been added to your sales balance.
order-tip-from-you = From you
order-tip-line-buyer = Tip { $amount } (you paid { $total })
order-tip-line-seller = Tip { $amount } (sales { $share })
order-tip-field-amount = Amount (yen)
order-tip-field-message = Message (optional, up to 500 characters)
order-tip-next = Continue to confirmation

## Confirmation

order-tip-confirm-title = Confirm your tip
order-tip-confirm-lead = Nothing has been charged yet. Check the details, choose a card and send.
order-tip-amount = Tip
order-tip-buyer-fee = Service fee
order-tip-buyer-total = You pay (total)
order-tip-platform-fee = Seller fee (taken from what the seller receives)
order-tip-seller-share = The seller receives
order-tip-message = Message
order-tip-no-message = (no message)
order-tip-contact-ack = I understand the message contains contact details and want to send it anyway
order-tip-submit = Pay { $total } and send the tip
order-tip-edit = Change the amount or message
order-tip-flash-sent = Your tip was sent. Thank you.

## Sales and receipts

sales-sale-tip = Tip
paperwork-receipt-tip = Tip ({ $date })

## Data export

export-section-order_tips = Tips
order-tip-back = Back to the order
contact-field-message = Message
