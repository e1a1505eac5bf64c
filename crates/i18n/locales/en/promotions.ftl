# Points and coupons (operator console and the member's settings)

## Operator console home
operator-dashboard-promotions-heading = Points and coupons
operator-dashboard-promotions-text = Grant points to members, and create or stop coupons.
operator-dashboard-coupons-link = Manage coupons
operator-dashboard-points-link = Grant points

## Coupons
op-coupons-title = Coupons
op-coupons-lead = A coupon is valid from the moment it is created, and each member can use it once. A stopped coupon can no longer be used on new orders.
op-coupons-create-heading = Create a coupon
op-coupons-field-code = Coupon code
op-coupons-field-code-hint = 4–20 letters, digits and hyphens. Lower case is stored as upper case (e.g. WELCOME-500).
op-coupons-field-title = Title
op-coupons-field-title-hint = The name members see when they buy (up to 100 characters).
op-coupons-field-discount = Discount (yen)
op-coupons-field-discount-hint = The amount taken off the order.
op-coupons-field-min-order = Minimum order (yen)
op-coupons-field-min-order-hint = The coupon applies to orders of at least this amount (service price plus options). Enter 0 for no minimum.
op-coupons-field-valid-days = Valid for (days)
op-coupons-field-valid-days-hint = How many days from now the coupon can be used (1–366).
op-coupons-submit = Create coupon
op-coupons-list-caption = Coupons
op-coupons-empty = There are no coupons yet.
op-coupons-col-code = Code
op-coupons-col-title = Title
op-coupons-col-discount = Discount
op-coupons-col-min-order = Minimum order
op-coupons-col-validity = Valid
op-coupons-col-uses = Uses
op-coupons-col-status = Status
op-coupons-col-actions = Actions
op-coupons-validity = { $from } – { $until }
op-coupons-uses = { $count }
op-coupons-status-active = Active
op-coupons-status-disabled = Stopped ({ $date })
op-coupons-status-expired = Expired
op-coupons-status-scheduled = Not yet valid
op-coupons-disable = Stop
op-coupons-disable-label = Stop coupon { $code }
flash-coupon-created = The coupon has been created.
flash-coupon-disabled = The coupon has been stopped. It cannot be used on new orders.

## Granting points
op-points-title = Grant points
op-points-lead = Grant points to a member. The member is told by mail, and the note shows in their points history. Points are valid for one year from the member's most recent acquisition.
op-points-form-heading = Grant points
op-points-field-email = Member's e-mail address
op-points-field-email-hint = The address the member registered with.
op-points-field-amount = Points to grant
op-points-field-amount-hint = One point is worth ¥1. Up to { $max } points per grant.
op-points-field-note = Note (shown to the member)
op-points-field-note-hint = The reason for the grant, for example. Shown in the points history and the notification mail (up to 200 characters).
op-points-submit = Grant points
flash-points-granted = The points have been granted. The member has been told by mail.

## The member's points (settings)
settings-nav-points = Points
my-points-title = Points
my-points-balance-heading = Your points
my-points-balance = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
my-points-worth = One point is worth ¥1 off a purchase.
my-points-expires = Valid until: { $date }
my-points-expiry-rule = Points are valid for one year from your most recent acquisition. After that date, all the points you still hold expire. Each time you acquire points, all your points become valid for one year from that day.
my-points-none = You have no points at the moment.
my-points-history-heading = Points history
my-points-history-caption = Points history (newest first)
my-points-history-empty = There is no points history yet.
my-points-col-date = Date
my-points-col-kind = Type
my-points-col-amount = Points
my-points-col-note = Note
my-points-kind-grant = Granted
my-points-kind-use = Used
my-points-kind-restore = Returned
my-points-kind-expire = Expired
my-points-note-use = Used on an order
my-points-note-restore = Returned on cancellation
my-points-note-expire = Expired after the validity period
my-points-order-link = View order { $order }

## Audit log action names
audit-action-coupon-create = Coupon created
audit-action-coupon-disable = Coupon stopped
audit-action-points-grant = Points granted
