# Notifications (the centre), the bell, the settings grid and the message digest mail

notifications-bell = Notifications
notification-centre-title = Notifications
notification-centre-lead = News about your orders, messages and more. A notification is marked read when you open it.
notification-centre-empty = You have no notifications yet.
notification-centre-unread-count = { $count } unread
notification-centre-unread = Unread
notification-centre-mark-all = Mark all as read
notification-centre-newer = Newer notifications
notification-centre-older = Older notifications
notification-centre-page = Page { $page } of { $pages }
flash-notifications-all-read = All notifications are marked as read.

notification-subject-order = Order { $id }
notification-subject-payout = Payout request
notification-subject-moderation = Reports and notices
notification-subject-consultation = Quote consultation
notification-subject-request = Request
notification-subject-listing = Service

notification-new-message = You have a new message
notification-order-placed = Your service was purchased
notification-order-delivered = The seller delivered. Please review the delivery
notification-order-approved = The delivery was approved and the order is complete
notification-order-auto-approved = The delivery was approved automatically and the order is complete
notification-order-cancelled = The order was cancelled
notification-cancellation-requested = A cancellation was requested
notification-review-received = You received a review
notification-dispute-opened = A dispute was opened
notification-dispute-statement = A new statement was added to the dispute
notification-dispute-decided = Our team decided the dispute
notification-dispute-withdrawn = The dispute was withdrawn
notification-payout-requested = We received your payout request
notification-payout-paid = Your payout was transferred
notification-payout-failed = Your payout could not be transferred
notification-moderation-outcome = You have a notice from our team
notification-consultation-received = You received a quote request
notification-consultation-message = You have a new message in a quote consultation
notification-offer-received = You received a custom offer
notification-offer-revised = A custom offer was revised
notification-offer-accepted = Your custom offer was accepted
notification-offer-declined = Your custom offer was declined
notification-offer-expiring = A custom offer expires soon
notification-proposal-received = You received a proposal on your request
notification-proposal-chosen = Your proposal was chosen
notification-proposal-not-chosen = Another proposal was chosen this time. Thank you for proposing
notification-request-closed = A request was closed
notification-addition-proposed = The seller proposed a paid addition
notification-addition-accepted = The buyer purchased a paid addition
notification-addition-declined = The buyer declined a paid addition
notification-addition-withdrawn = The seller withdrew a paid addition
notification-extension-requested = A new delivery date was requested
notification-extension-answered = Your delivery date request was answered
notification-extension-withdrawn = A delivery date request was withdrawn
notification-tip-received = You received a tip
notification-followed-seller-new-service = A seller you follow published a new service

notifications-grid-legend = How you are notified
notifications-grid-group = Kind
notifications-grid-mail = Mail
notifications-grid-site = On site
notifications-grid-locked = Always on
notifications-grid-none = None
notifications-grid-cell = { $group } ({ $channel })
notifications-digest-label = Receive new talk-room messages as one daily digest instead of one mail each
notifications-digest-hint = The digest is sent once a day, only on days with new messages.
settings-no-site-channel = This kind of notification is not available on the site.

mail-message-digest-subject = [Yorozu] You have { $count } new messages
mail-message-digest-body = Since our last digest, you received { $count } new messages in your talk rooms.

    { $orders }
    Please read them on each order's page.

data-notifications-name = Notifications and notification settings
data-notifications-fate-erased = Erased
data-notifications-why = Your notifications, notification settings and the record of message digests exist only for you, so they are erased. After you withdraw, you receive neither notifications nor mail.
export-section-notifications = Notifications
