# Closing an account (/settings/withdrawal): what blocks it, what is lost, what happens to data.
# The data-* messages (each kind of data's name, fate and reason) are also used by the erasure
# receipt mailed on withdrawal and by the privacy page. A fate message's id contains the fate the
# code assigns (yorozu_domain::withdrawal::Fate), so text and code cannot silently disagree.

settings-nav-withdrawal = Close account
footer-withdrawal = Closing your account

withdrawal-title = Close account
withdrawal-lead = Before you close your account, this page shows where you stand and what closing it would mean. Looking at this page changes nothing.

## Before you close your account
withdrawal-check-heading = Before you close your account
withdrawal-ready = Nothing keeps you from closing your account. You have no open orders and no payout waiting to be transferred.
withdrawal-not-ready = { $count ->
    [one] You can close your account once the following item is finished.
   *[other] You can close your account once the following { $count } items are finished.
} This protects the people you are trading with, and the sales you are waiting to be paid.
withdrawal-blockers-label = What keeps you from closing your account
withdrawal-blocker-purchase = Purchase in progress
withdrawal-blocker-sale = Sale in progress
withdrawal-blocker-cancellation-request = Cancellation request awaiting an answer
withdrawal-blocker-dispute = Order under dispute handling
withdrawal-blocker-payout-request = Payout request not yet transferred
withdrawal-blocker-payout-link = See it on the sales page
withdrawal-blocker-state = Status: { $state }
withdrawal-blocker-clears = Clears by itself on { $date }
withdrawal-blocker-needs-action = Needs the other party or our support team to act
withdrawal-blocker-needs-you = Needs you to act, for example to deliver
withdrawal-clears-by-itself = If nothing else happens, everything will have cleared by { $date }, and you will then be able to close your account.
withdrawal-unpaid-sales = { $count ->
    [one] Your services have one order awaiting payment.
   *[other] Your services have { $count } orders awaiting payment.
} This does not keep you from closing your account, but closing it cancels those orders, and their buyers are told.

## What you would lose
withdrawal-forfeits-heading = What you would lose
withdrawal-forfeits-lead = After closing your account you can no longer receive or use the following. The amounts are as of now; when you close your account, you are shown the amounts again and they are forfeited only after you confirm them.
withdrawal-forfeits-caption = What closing your account would forfeit (as of now)
withdrawal-forfeit-sales-balance = Sales balance (not yet requested)
withdrawal-forfeit-points = Points
withdrawal-forfeit-points-value = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
withdrawal-forfeit-payout = Request a payout before closing your account and you will receive your sales balance.
withdrawal-forfeit-payout-link = Request a payout
withdrawal-forfeit-coupons = Coupons are not handed out to or held by individual members, so closing your account loses no coupons.

## What happens to your data
withdrawal-data-heading = What happens to your data
withdrawal-data-lead = When you close your account, each kind of data we hold about you is handled as follows. Erasure happens after you close your account, when the grace period ends (or at once if you choose so).
withdrawal-data-caption = What happens to your data after closing your account
withdrawal-data-col-name = Data
withdrawal-data-col-fate = After closing
withdrawal-data-col-why = Why

data-sessions-and-tokens-name = Signed-in devices and API tokens
data-sessions-and-tokens-fate-ended-at-once = Stopped or revoked at once
data-sessions-and-tokens-why = When you close your account, every device is signed out and your API tokens stop working, so that nobody can use your account afterwards.

data-marketing-mail-name = Announcements and newsletters
data-marketing-mail-fate-ended-at-once = Stopped or revoked at once
data-marketing-mail-why = Sending stops the moment you close your account, and mail waiting to be sent is dropped. The only mail you receive is the one confirming the closure, with the record of what was erased. So that it never starts again, we keep only an opt-out record made from your address by a one-way hash; it is lifted only if you explicitly subscribe again from a new account.

data-listings-name = Your services
data-listings-fate-erased = Erased
data-listings-why = They are unpublished when you close your account and then erased with their images. Past orders keep only the service's title as it was bought, as part of the order's record.

data-profile-name = Profile (display name, avatar, skills, career, social links)
data-profile-fate-erased = Erased
data-profile-why = It describes you, so there is no reason to keep it after you leave.

data-reviews-received-name = Reviews you received
data-reviews-received-fate-erased = Erased
data-reviews-received-why = They exist to show on your profile and your services, so they are erased, and the rating counts and averages are recalculated.

data-reviews-written-name = Reviews you wrote
data-reviews-written-fate-kept = Kept without your name (for the other party)
data-reviews-written-why = A review is also part of the reviewed member's services and profile, so it stays. Its author is shown as "Former member" and no longer links to your profile (reviews you wrote anonymously stay "Anonymous"). The text of the review stays as written.

data-orders-and-messages-name = Orders and talk-room messages
data-orders-and-messages-fate-kept = Kept without your name (for the other party)
data-orders-and-messages-why = They stay so that the other party can look back at what was said and delivered, and as the record of the order. You are shown as "Former member", with no link to a profile. What you wrote in messages stays as written. Messages sent with tips (おひねり) are treated the same way.

data-ledger-entries-name = Accounting records of payments, sales and payouts
data-ledger-entries-fate-kept = Kept in a form that does not identify you ({ $years } years)
data-ledger-entries-why = Tax rules require these records to be kept for { $years } years. They are tied only to an anonymous number that remains after you leave, not to your name or e-mail address.

data-balances-points-coupons-name = Sales balance, points and coupons
data-balances-points-coupons-fate-forfeited = Forfeited after you confirm the amounts
data-balances-points-coupons-why = After you leave they can no longer be paid out or used. You confirm the amounts when you close your account, and the forfeited amounts are then booked in the accounting records. Request a payout before you leave and you receive your sales balance. This includes sales from tips you received.

data-identity-bank-cards-name = Identity documents, bank account and saved cards
data-identity-bank-cards-fate-erased = Erased
data-identity-bank-cards-why = This is especially sensitive information, so it is erased together with the stored document images and the card tokens held by the payment provider. Card numbers themselves were never stored by us.

data-email-address-name = E-mail address
data-email-address-fate-released = Free to register again
data-email-address-why = It is removed from the account, so the same address can be used to register again. A new account is a separate account: orders and reviews do not carry over.

data-withdrawal-reason-name = Your reason for leaving (optional)
data-withdrawal-reason-fate-kept = Kept in a form that does not identify you (for statistics)
data-withdrawal-reason-why = It is kept without personal data, as statistics that help us improve the service. You can close your account without giving a reason. If you were shown improvement hints after choosing “My services do not sell”, that is recorded with your member id until your data is erased, and only as a count after that.

## How the reviews you wrote will look
withdrawal-reviews-heading = How the reviews you wrote will look
withdrawal-reviews-lead = This is how your most recent review will look after you close your account. Your other reviews will look the same.
withdrawal-reviews-label = A review as it will look after closing your account
withdrawal-reviews-none = You have not written any reviews.

## Closing the account
withdrawal-confirm-heading = Close your account
withdrawal-confirm-lead = Please check the details, enter your password and press "Close my account". Giving a reason is optional.
withdrawal-schedule-lead = You cannot close your account yet, but you can schedule it. Once everything that keeps you from closing it has cleared, your account is closed automatically.
withdrawal-schedule-paused = As soon as you schedule it, all your services are paused and take no new orders. Orders already in progress carry on to the end as usual.
withdrawal-schedule-called-off = If your sales balance grows after you schedule it, we request a payout of it to your registered bank account and close your account once it has been transferred. If no bank account is registered, the balance does not exceed the transfer fee, or your points grow, the schedule is called off and we let you know by mail, so that nothing you have not seen is forfeited.
withdrawal-schedule-sale-note = When a sale in progress is completed, your sales balance grows by its amount. With a bank account registered, we request a payout of it for you, so you are paid before your account closes.

withdrawal-reasons-legend = Why are you leaving? (optional, choose any)
withdrawal-reasons-hint = You can close your account without answering. Your answers are only used for statistics that help us improve the service.
withdrawal-reason-cannot-sell = My services do not sell
withdrawal-reason-no-longer-used = I no longer use it
withdrawal-reason-privacy-concern = I am worried about my personal data
withdrawal-reason-fees-too-high = The fees are too high
withdrawal-reason-new-account = I want to start over with a new account
withdrawal-reason-other = Other
withdrawal-comment-label = Comments (optional)
withdrawal-comment-hint = Up to { $max } characters. Kept without any link to your account; anything that could identify a person, such as e-mail addresses, phone numbers or URLs, is removed automatically before it is stored.

withdrawal-acknowledge-legend = Amounts you would forfeit
withdrawal-acknowledge-hint = These are the amounts, as of now, that you could no longer receive or use. If the amount has changed by the time you confirm, you are asked to check it again.
withdrawal-acknowledge-sales-label = I understand that I forfeit my sales balance of { $amount }
withdrawal-acknowledge-points-label = { $points ->
    [one] I understand that I forfeit { $points } point
   *[other] I understand that I forfeit { $points } points
}

withdrawal-erasure-legend = When to erase your data
withdrawal-erasure-grace = Keep a { $days }-day grace period
withdrawal-erasure-grace-hint = Your account is closed at once and your data is erased after { $days } days. Signing in before then undoes the closure and restores your account.
withdrawal-erasure-now = Erase it now
withdrawal-erasure-now-hint = Erasure starts as soon as your account is closed. This cannot be undone.
withdrawal-erasure-no-grace = There is no grace period: erasure starts as soon as your account is closed, and this cannot be undone.

withdrawal-password-label = Password
withdrawal-password-hint = To confirm it is you, please enter the password you sign in with.

withdrawal-submit = Close my account
withdrawal-submit-note = When you press "Close my account", you are signed out everywhere and we send one last mail confirming the closure, with a receipt of what happens to your data.
withdrawal-submit-schedule = Schedule closing my account
withdrawal-submit-schedule-note = You can cancel the schedule on this page at any time.

withdrawal-scheduled = Closing your account is scheduled (received { $date })
withdrawal-scheduled-text = Your account will be closed automatically once everything that keeps you from closing it has cleared. While it is scheduled, your services stay paused.
withdrawal-scheduled-cancel = Cancel the schedule
withdrawal-scheduled-cancel-hint = Cancelling does not publish your paused services again; you can publish them from your services.

withdrawal-flash-scheduled = Closing your account is scheduled. It will happen once everything that keeps you from closing it has cleared.
withdrawal-flash-schedule-cancelled = The schedule to close your account has been cancelled.

## Account closed (/withdrawal/done)
withdrawal-done-title = Your account has been closed
withdrawal-done-lead = Thank you for using Yorozu. Your account is closed and you have been signed out everywhere.
withdrawal-done-purge-at = Your data will be erased on { $date }.
withdrawal-done-undo = Signing in with your e-mail address and password before then undoes the closure and restores your account. If you do nothing, your data is erased then.
withdrawal-done-purge-now = As you asked, erasing your data has started. The closure cannot be undone.
withdrawal-done-mail = We are sending a mail to your registered address confirming the closure, with the amounts forfeited and the receipt below.
withdrawal-done-receipt-heading = Receipt: what happens to your data
withdrawal-done-receipt-lead = Each kind of your data is handled as follows.
withdrawal-done-home = Go to the home page
