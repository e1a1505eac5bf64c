## The order pages: final confirmation screen, order page with talk room, order lists.

orders-nav = Orders

## States and steps

orders-state-awaiting_payment = Awaiting payment
orders-state-in_progress = In progress
orders-state-delivered = Delivered (awaiting approval)
orders-state-completed = Completed
orders-state-cancelled = Cancelled
orders-state-expired = Expired
orders-state-disputed = In dispute
orders-step-ordered = Ordered
orders-step-working = In progress
orders-step-delivered = Delivered
orders-step-completed = Completed
orders-steps-label = Order progress
orders-role-seller = Seller
orders-role-buyer = Buyer
orders-unknown-member = Former member
orders-card-label = { $brand } ****{ $last4 } (expires { $expiry })
orders-payment-required = Please choose a payment method.
orders-files-too-large = The attachments are too large. You can send up to { $max_mb } MB in total at a time.
orders-files-hint = Up to { $count } files and { $max_mb } MB in total at a time.

## The service page's buy form

orders-buy-options = Options (optional)
orders-buy-option = { $title } (+{ $price })
orders-buy-sign-in-hint = You need to log in to buy. The button takes you to the login page first.

## Final confirmation screen

orders-confirm-title = Review your order
orders-confirm-lead = Your order is not placed yet. Please check the details and press "Place order" at the bottom.
orders-confirm-service = Service
orders-confirm-seller = Seller
orders-confirm-options = Options
orders-confirm-option = { $title } (+{ $price })
orders-confirm-recalculate-hint = After changing options, points or the coupon, press "Recalculate" to see the amount to pay.
orders-confirm-recalculate = Recalculate
orders-confirm-discounts = Points and coupons
orders-confirm-points-balance = Your points: { $points }
orders-confirm-points = Points to use
orders-confirm-points-hint = One point is worth ¥1. Leave this empty to use none.
orders-confirm-coupon = Coupon code
orders-confirm-coupon-hint = Only if you have one.
orders-confirm-breakdown = Breakdown
orders-line-price = Service price
orders-line-options = Options
orders-line-option = Option: { $title }
orders-line-fee = Service fee ({ $rate })
orders-line-fee-plain = Service fee
orders-line-points = Points used
orders-line-coupon = Coupon discount ({ $title })
orders-line-coupon-plain = Coupon discount
orders-line-total = Amount to pay (tax included)
orders-line-sale-price = Sale price
orders-line-option-included = Including option: { $title }
orders-line-sales-fee = Sales fee
orders-line-share = Your sales
orders-confirm-terms = Delivery, cancellation and approval
orders-confirm-delivery-label = Delivery
orders-confirm-delivery = Within { $days } days after payment
orders-confirm-cancellation-label = Cancellation
orders-confirm-cancellation = Either the buyer or the seller may ask to cancel, giving a reason. The other side then has { $hours } hours to agree or object; without an answer by then, they are taken to agree and the order is cancelled.
orders-confirm-refund = When an order is cancelled, the amount paid is refunded to the original payment method, and the points and coupon used are restored.
orders-confirm-approval-label = Delivery and approval
orders-confirm-approval = When the seller makes the formal delivery, check it and approve it or send it back. Without either within { $days } days of the delivery, it is approved automatically and the order completes.
orders-confirm-payment = Payment method
orders-confirm-deferred = Pay later (within { $hours } hours)
orders-confirm-no-cards = You have no registered cards.
orders-confirm-add-card = Add a card (payment settings)
orders-confirm-request-heading = Your request
orders-confirm-request = Your request to the seller (optional)
orders-confirm-request-hint = Sent to the seller as the first message in the talk room. You can also write in the talk room after buying.
orders-confirm-place-heading = Place the order
orders-confirm-legal-lead = Before ordering, please read the terms of service and the legal notice under the Specified Commercial Transactions Act.
orders-confirm-terms-link = Terms of service
orders-confirm-tokushoho-link = Legal notice (Specified Commercial Transactions Act)
orders-confirm-agree = By pressing "Place order" you agree to the terms of service and confirm the purchase with the details and amount shown above.
orders-confirm-submit = Place order

## The order page

orders-page-title = Order
orders-back-to-list = Back to your orders
orders-state-label = Status
orders-service = Service
orders-service-link = View the service page
orders-amounts-heading = Amounts
orders-dates-heading = Dates
orders-date-ordered = Ordered
orders-date-payment-due = Payment due
orders-date-paid = Paid
orders-date-delivered = Delivered
orders-date-auto-approval = Automatic approval
orders-date-cancellation-deadline = Cancellation answer due
orders-date-completed = Completed
orders-date-cancelled = Cancelled
orders-date-talk-closes = Talk room closes
orders-ended-cancelled-refund = This order was cancelled. The amount paid, { $amount }, is refunded to the original payment method. The points and coupon you used have been restored.
orders-ended-cancelled-unpaid = This order was cancelled. It had not been paid, so nothing is charged (no refund is needed). The points and coupon you used have been restored.
orders-ended-cancelled-seller = This order was cancelled. The buyer gets a full refund, and there are no sales for it.
orders-ended-expired = This order ended because it was not paid in time. The points and coupon used have been restored.
orders-ended-disputed = This order is in dispute. Please wait to hear from our support team.

orders-pay-heading = Payment
orders-pay-due = Please pay by { $date }. After that, the order ends.
orders-pay-card = Card to pay with
orders-pay-submit = Pay with this card

orders-deliver-heading = Formal delivery
orders-deliver-lead = When the work is done, make the formal delivery with a message and files. The order completes when the buyer approves it.
orders-deliver-note = Delivery message
orders-deliver-files = Delivery files (optional)
orders-deliver-submit = Deliver

orders-approve-heading = Check the delivery
orders-approve-lead = The seller has made a formal delivery. Please check it in the talk room, then approve it or send it back.
orders-approve-auto = Without either by { $date }, it is approved automatically.
orders-approve-submit = Approve and complete the order
orders-waiting-heading = Waiting for the buyer
orders-waiting-approval = The buyer is checking your delivery. Without approval or a send-back by { $date }, it is approved automatically and the order completes.
orders-send-back-heading = Send the delivery back
orders-send-back-reason = Reason for sending it back
orders-send-back-hint = Say what should be changed. A delivery can be sent back { $max } time(s) per order.
orders-send-back-submit = Send back

orders-cancellation-heading = Cancellation request
orders-cancellation-requester = Requested by
orders-cancellation-by-you = You
orders-cancellation-reason = Reason
orders-cancellation-deadline = Answer due
orders-cancellation-waiting = Please wait for the other side's answer. Without an answer by the deadline, the order is cancelled.
orders-cancellation-answer-lead = Please agree to the cancellation or object to it. Without an answer by the deadline, you are taken to agree.
orders-cancel-answer = Your answer (give a reason if you object)
orders-cancel-answer-hint = You may leave this empty if you agree.
orders-cancel-agree = Agree to cancel
orders-cancel-object = Object
orders-cancel-withdraw = Withdraw the request
orders-cancel-request-heading = Cancellation
orders-cancel-request-hint = When you ask to cancel, the other side has { $hours } hours to agree or object. Without an answer, the order is cancelled and the buyer is refunded.
orders-cancel-request-open = Ask to cancel
orders-cancel-reason = Reason for cancelling
orders-cancel-request-submit = Ask to cancel

orders-review-heading-buyer = Review the seller
orders-review-heading-seller = Review the buyer
orders-review-rating = Rating
orders-review-rating-option = { $rating ->
    [5] 5 (excellent)
    [4] 4 (good)
    [3] 3 (fair)
    [2] 2 (poor)
   *[1] 1 (bad)
}
orders-review-comment = Comment
orders-review-anonymous = Show anonymously
orders-review-anonymous-hint = The service page shows "Anonymous" instead of your name.
orders-review-submit = Send review
orders-reviews-heading = Reviews
orders-review-by-buyer = Review by the buyer
orders-review-by-seller = Review by the seller
orders-review-stars = { $rating } out of 5
orders-review-anonymous-note = Shown anonymously.

orders-talk-heading = Talk room
orders-talk-empty = No messages yet.
orders-talk-platform = Yorozu
orders-talk-message-from = Message from { $name }
orders-talk-you = (you)
orders-talk-formal-delivery = Formal delivery
orders-talk-files = Attachments
orders-talk-read = Read
orders-talk-form-heading = Send a message
orders-talk-body = Message
orders-talk-attach = Attachments (optional)
orders-talk-send = Send
orders-talk-closed = This talk room closed on { $date }. No more messages can be sent.

## Platform notes in the talk room

order-event-payment_succeeded = Payment is complete. The seller can start working.
order-event-payment_expired = The order ended because it was not paid in time.
order-event-formal_delivery = The seller made a formal delivery. The buyer should check it and approve it or send it back.
order-event-send_back = The buyer sent the delivery back. The seller should revise it and deliver again.
order-event-approve = The buyer approved the delivery. The order is complete.
order-event-auto_approve = The delivery was approved automatically because nobody approved or sent it back in time. The order is complete.
order-event-cancellation_agreed = The cancellation was agreed and the order is cancelled.
order-event-cancellation_timed_out = The order was cancelled because the request was not answered in time.
order-event-cancellation-requested = A cancellation was requested.
order-event-cancellation-objected = The cancellation request was objected to. The order continues.
order-event-cancellation-withdrawn = The cancellation request was withdrawn.
order-event-refunded = The refund of the amount paid is complete.
order-event-open_dispute = A dispute was opened. Our support team will look into it.
order-event-resolve_dispute_complete = Our support team decided that the order is complete.
order-event-resolve_dispute_cancel = Our support team decided to cancel the order.
order-event-seller_withdrew = The seller closed their account, so this order, not yet paid, has been cancelled.
orders-event-other = The order's status changed.

## Notices after an action

orders-flash-placed = Your order has been placed.
orders-flash-paid = Payment is complete.
orders-flash-delivered = Delivered.
orders-flash-approved = You approved the delivery. The order is complete.
orders-flash-sent-back = You sent the delivery back.
orders-flash-cancellation-requested = You asked to cancel.
orders-flash-cancellation-agreed = You agreed to the cancellation.
orders-flash-cancellation-objected = You objected to the cancellation.
orders-flash-cancellation-withdrawn = You withdrew the cancellation request.
orders-flash-reviewed = Your review has been sent.
orders-flash-message-sent = Message sent.

## Order lists

orders-list-title = Your orders
orders-list-tabs = Kind of orders
orders-tab-purchases = Purchases
orders-tab-sales = Sales
orders-list-count = { $count } in total
orders-list-empty-purchases = You have not bought anything yet.
orders-list-empty-sales = You have not sold anything yet.
orders-list-find = Find services
orders-list-unread = { $count } unread
orders-list-pagination = Pages
orders-list-prev = Previous
orders-list-next = Next
orders-list-page = Page { $page }
orders-talk-counterpart-left = The other party has closed their account, so messages can no longer be sent. The conversation and delivered files stay available to you.
