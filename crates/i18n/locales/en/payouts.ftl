# Sales, payout requests and the payout bank account (the seller's pages)

nav-sales = Sales
settings-nav-bank = Payout account
sales-orders-link = Sales and payouts

## Sales (/sales)
sales-title = Sales
sales-link-orders = Orders you sold
sales-link-statements = Statements
sales-link-bank = Payout account
sales-balance-heading = Sales balance
sales-available = Available for payout
sales-in-escrow = In open orders
sales-in-escrow-hint = Your share of orders still in progress. It becomes available for payout when the buyer approves the delivery and the order is completed.
sales-payout-heading = Payout request
sales-fee-heading = Transfer fee
sales-fee-rule = ¥{ $fee } for payouts under ¥{ $free_from }; free from ¥{ $free_from }.
sales-next-transfer-date = Transfer date if you request today
sales-schedule-rule = Requests made on the 1st to the 15th are paid on the 20th; those made on the 16th to the end of the month on the 5th of the next month. A transfer date on a weekend or holiday moves to the next business day.
sales-payout-start = Continue to payout request
sales-register-bank = Register a payout account
sales-fix-bank = Register the payout account again
sales-in-flight = Your payout requested on { $requested } ({ $net } to transfer) is “{ $status }”. The transfer date is { $date }. You can request again once it has been transferred.
sales-flash-requested = Your payout request has been received. We will transfer the money to your account on the transfer date.

sales-chart-heading = Monthly earnings
sales-chart-title = Monthly earnings (last 12 months)
sales-chart-desc = Bar chart of earnings per month from { $from } to { $to }. The total for the 12 months is { $total }; the best month was { $best } with { $best_amount }.
sales-chart-desc-empty = Bar chart of earnings per month from { $from } to { $to }. There were no earnings in this period.
sales-chart-caption = Amounts by the month in which orders were completed and the sales credited.
sales-chart-col-month = Month
sales-chart-col-amount = Earnings
sales-chart-month = { $year }-{ $month2 }

sales-list-heading = Sales
sales-list-empty = No sales yet. They appear here when orders are completed.
sales-list-lead = Request a payout within { $days } days of the date a sale is credited. Sales not requested by then expire.
sales-col-service = Service
sales-col-amount = Amount
sales-col-credited = Credited
sales-col-deadline = Request by
sales-col-state = Status
sales-sale-state-open = Available
sales-sale-state-requested = Requested
sales-sale-state-expired = Expired
sales-expired-note = Expired sales cannot be requested. If something kept you from requesting in time, contact us: an operator can check and restore them.
sales-expired-help = Help and contact

sales-requests-heading = Payout requests
sales-requests-empty = No payout requests yet.
sales-col-requested = Requested
sales-col-gross = Amount requested
sales-col-fee = Transfer fee
sales-col-net = Amount transferred
sales-col-transfer-date = Transfer date
sales-col-status = Status
sales-request-status-requested = Requested
sales-request-status-processing = Processing
sales-request-status-transferred = Transferred
sales-request-status-failed = Failed
sales-failure-account-data = The transfer failed because the account details were wrong. The money is back on your balance. Register the payout account again, then request again.
sales-failure-other = The bank could not complete the transfer. The money, fee included, is back on your balance. Please request again.

## Payout confirmation (/sales/payout)
payout-confirm-title = Confirm your payout request
payout-confirm-back = Back to sales
payout-confirm-amounts-heading = Request
payout-confirm-gross = Amount requested
payout-confirm-fee = Transfer fee
payout-confirm-net = Amount transferred
payout-confirm-transfer-date = Transfer date
payout-confirm-account = Payout account
payout-confirm-note = The whole available balance is requested. A request cannot be cancelled.
payout-confirm-submit = Request payout
payout-confirm-change-account = Change the payout account
payout-confirm-blocked-heading = You cannot request a payout now

## Payout account (/settings/bank)
bank-settings-title = Payout account
bank-settings-lead = The bank account your sales are paid to. Register an account in your own name. The account number and holder name are stored encrypted.
bank-settings-registered-heading = Registered account
bank-settings-none = No payout account is registered yet.
bank-settings-invalid = The last transfer to this account failed because the account details were wrong. Register the correct account to request payouts again.
bank-settings-invalid-note = Note from the operator:
bank-settings-bank = Bank
bank-settings-branch = Branch
bank-settings-bank-branch = { $bank }, { $branch }
bank-settings-type = Account type
bank-settings-type-ordinary = Ordinary (普通)
bank-settings-type-checking = Checking (当座)
bank-settings-type-savings = Savings (貯蓄)
bank-settings-number = Account number
bank-settings-holder-registered = Account holder (as transfers carry it)
bank-settings-holder-registered-hint = Bank transfers carry the holder name in half-width katakana, so it is registered that way. Please check that it matches your passbook or cash card.
bank-settings-remove = Remove the account
bank-settings-remove-hint = It cannot be removed while a payout request is being processed.
bank-settings-add-heading = Register an account
bank-settings-change-heading = Change the account
bank-settings-field-bank-code = Bank code ({ $digits } digits)
bank-settings-field-bank-code-hint = For example 0001 (Mizuho Bank). Suggestions appear as you type.
bank-settings-field-branch-code = Branch code ({ $digits } digits)
bank-settings-field-branch-code-hint = The branch number printed on your passbook or cash card.
bank-settings-codes-summary = Banks and branch codes we can pay to
bank-settings-codes-lead = The banks and branches transfers can currently go to.
bank-settings-field-number = Account number ({ $digits } digits)
bank-settings-field-number-hint = Digits only. Shorter numbers are padded with leading zeros to { $digits } digits.
bank-settings-field-holder = Account holder (katakana)
bank-settings-field-holder-hint = The name on your passbook in katakana (e.g. ヤマダ タロウ). Banks need half-width katakana (ﾔﾏﾀﾞ ﾀﾛｳ) for transfers, so it is converted when saved (at most { $max } characters, voiced marks counting as one).
bank-settings-submit = Register the account
bank-settings-flash-saved = Your payout account has been registered. Please check how the holder name is written.
bank-settings-flash-removed = Your payout account has been removed.
