# Operator console: payouts (transfer batches, the Zengin file, expired sales)

op-payouts-dashboard-heading = Payouts
op-payouts-dashboard-text = Close payout requests into a batch per transfer date, download the Zengin file and record how the transfers went. Expired sales are reinstated here too.
op-payouts-dashboard-link = Open payouts
op-payouts-dashboard-expired-link = Expired sales

op-payouts-title = Payouts
op-payouts-lead = Close the requests of a transfer date into a batch, pay it with the Zengin file, then record the result.
op-payouts-back = Back to payouts
op-payouts-expired-link = See expired sales

op-payouts-waiting-heading = Requests waiting for a batch
op-payouts-waiting-none = No payout requests are waiting.
op-payouts-waiting-lead = Closing a batch moves every request of that transfer date to "processing".
op-payouts-day-heading = Transfer date { $date }
op-payouts-count = { $count ->
    [one] 1 request
   *[other] { $count } requests
}
op-payouts-close = Close and create the batch

op-payouts-col-seller = Seller
op-payouts-col-gross = Requested
op-payouts-col-fee = Transfer fee
op-payouts-col-net = Paid out
op-payouts-col-requested-at = Requested at
op-payouts-col-account = Bank account
op-payouts-col-count = Requests
op-payouts-col-total-net = Total paid out
op-payouts-col-transfer-date = Transfer date
op-payouts-col-status = Status
op-payouts-col-closed = Closed by, at
op-payouts-col-transferred-at = Recorded as transferred at
op-payouts-col-order = Order
op-payouts-col-amount = Amount
op-payouts-col-credited-at = Credited on
op-payouts-col-expired-at = Expired on
op-payouts-order-number = Order number

op-payouts-batches-heading = Transfer batches
op-payouts-batches-none = There are no transfer batches yet.
op-payouts-batch-status-processing = Processing
op-payouts-batch-status-transferred = Transferred

op-payouts-request-status-requested = Requested
op-payouts-request-status-processing = Processing
op-payouts-request-status-transferred = Transferred
op-payouts-request-status-failed = Failed

op-payouts-batch-title = Batch for { $date }
op-payouts-batch-details = About this batch
op-payouts-download = Download the Zengin file
op-payouts-download-hint = A Zengin (総合振込) file in Shift_JIS. Failed transfers are left out. Each download is recorded in the audit log.
op-payouts-transferred-text = Record it once the bank has made the transfers: every processing transfer becomes "transferred" and the sellers are told by mail.
op-payouts-mark-transferred = Mark as transferred
op-payouts-transfers-heading = Transfers

op-payouts-fail-open = Mark this transfer as failed
op-payouts-fail-reason = Why it failed
op-payouts-failure-account-data = Wrong account details
op-payouts-failure-account-data-hint = The request is cancelled and the money goes back to the seller's balance. The seller cannot request again until they register their account again.
op-payouts-failure-other = Other
op-payouts-failure-other-hint = The request is cancelled and the money goes back to the seller's balance. The seller may request again at once.
op-payouts-fail-note = Note (optional)
op-payouts-fail-note-hint = Up to { $max } characters, e.g. what the bank said. For wrong account details it is recorded as the reason the account stopped working.
op-payouts-mark-failed = Mark as failed
op-payouts-fail-reason-required = Choose why the transfer failed.

op-payouts-expired-title = Expired sales
op-payouts-expired-lead = Sales that were not requested in time. After checking the seller's claim, reinstating puts the money back on their balance, and the deadline counts again from today.
op-payouts-expired-none = There are no expired sales.
op-payouts-reinstate = Reinstate

op-payouts-flash-closed = The transfer batch was created. Download the Zengin file and make the transfers.
op-payouts-flash-transferred = The batch is marked as transferred. The sellers will be told by mail.
op-payouts-flash-failed = The transfer is marked as failed. The money is back on the seller's balance.
op-payouts-flash-reinstated = The expired sales were reinstated. The seller will be told by mail.

bank-account-in-use = The bank account cannot be removed while a payout request is being processed. Remove it after the transfer.

audit-action-payouts-close_batch = Closed a transfer batch
audit-action-payouts-file = Downloaded a Zengin file
audit-action-payouts-transferred = Recorded a batch as transferred
audit-action-payouts-failed = Recorded a failed transfer
audit-action-sales-reinstate = Reinstated expired sales
