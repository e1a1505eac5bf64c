## Paperwork: receipts (領収書) for buyers and monthly statements (支払明細書) for sellers.

paperwork-print = Print
paperwork-print-hint = Use your browser's print function to print or save as PDF.
paperwork-issuer-heading = Issued by
paperwork-invoice-number = Registration number
paperwork-invoice-none = The operator is not a registered qualified invoice issuer (no registration number).
paperwork-tax-heading = Breakdown by tax rate
paperwork-tax-rate = Subject to { $rate }%
paperwork-tax-included = Consumption tax included
paperwork-tax-rounding = The consumption tax is computed once from the total per rate, rounded down to the yen.
paperwork-issued = Issue date
paperwork-addressee = { $name }

## Receipts

paperwork-receipt-title = Receipt
paperwork-receipt-link = View receipt
paperwork-receipt-back = Back to the order
paperwork-receipt-number = Receipt number
paperwork-receipt-amount = Amount
paperwork-receipt-tax-included = (tax included)
paperwork-receipt-for = For: “{ $title }”
paperwork-receipt-received = Received with thanks.
paperwork-receipt-breakdown = Breakdown
paperwork-receipt-price = Service price
paperwork-receipt-option = Option: { $title }
paperwork-receipt-fee = Service fee
paperwork-receipt-points = Points used
paperwork-receipt-coupon = Coupon discount
paperwork-receipt-total = Amount paid (tax included)
paperwork-receipt-payment = Payment method
paperwork-payment-card = Credit card
paperwork-payment-deferred = Pay later
paperwork-receipt-cancelled-mark = Cancelled
paperwork-receipt-cancelled = This order was cancelled on { $date } and { $refund } was refunded. This receipt is void.
paperwork-receipt-partial-refund = Partial refund
paperwork-receipt-kept = Amount paid after the refund (tax included)
paperwork-receipt-partially-refunded = After a dispute, { $refund } of this payment was refunded on { $date }. This receipt is for the remaining { $kept }.
paperwork-addressee-heading = Change the addressee
paperwork-addressee-label = Addressee
paperwork-addressee-hint = For example your company name (up to { $max } characters). Leave it empty to use your display name.
paperwork-addressee-submit = Change addressee
paperwork-addressee-too-long = The addressee may be at most { $max } characters long.
paperwork-addressee-invalid = The addressee contains characters that cannot be used.

## Statements

paperwork-statements-title = Sales statements
paperwork-statements-link = Sales statements
paperwork-statements-lead = One statement per month with the sale price, the sales fee and your earnings of each completed order.
paperwork-statements-empty = No order has been completed yet. Once one is, its month's statement appears here.
paperwork-statements-back = Back to the statements
paperwork-statements-to-orders = Back to your orders
paperwork-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
paperwork-statement-title = Sales statement for { $month }
paperwork-statement-period = Period
paperwork-statement-period-value = { $from } to { $to } (Japan time)
paperwork-statement-provisional = This month is not over yet, so the statement is provisional: orders completed until the end of the month will be added.
paperwork-statement-empty = No order was completed in this month.
paperwork-statement-lines = Completed orders
paperwork-statement-completed = Credited
paperwork-statement-addition = { $service } (added option: { $title })
paperwork-statement-tip = { $service } (tip)
paperwork-statement-order = Order
paperwork-statement-service = Service
paperwork-statement-price = Sale price
paperwork-statement-fee = Sales fee
paperwork-statement-share = Earnings
paperwork-statement-totals = Total
paperwork-statement-fee-heading = Sales fee (tax included)
paperwork-statement-count = { $count ->
    [one] { $count } order
   *[other] { $count } orders
}
paperwork-statement-note = The sales fee is what the operator of this site charges sellers; it has been deducted from your earnings.
paperwork-statement-months = Other months
