mail-payout-requested-subject = [Yorozu] Your payout request has been received
mail-payout-requested-body =
    We have received your payout request.

    Requested: ¥{ $gross }
    Transfer fee: ¥{ $fee }
    To be transferred: ¥{ $net }
    Transfer date: { $date }

    The transfer date follows the banks' business days. You can follow your sales here:
    { $url }
mail-payout-processing-subject = [Yorozu] Your transfer is being processed
mail-payout-processing-body =
    We have started processing your payout: ¥{ $net } will be transferred to your registered account on { $date }.
    A request in processing can no longer be cancelled. You can follow your sales here:
    { $url }
mail-payout-transferred-subject = [Yorozu] Your sales have been transferred
mail-payout-transferred-body =
    We have transferred ¥{ $net } to your registered account (transfer date: { $date }).

    When it shows in your account depends on your bank. Your sales history:
    { $url }
mail-payout-failed-subject = [Yorozu] We could not make your transfer
mail-payout-failed-body =
    We could not transfer your sales (¥{ $gross }) for a reason on the banks' side.
    The request is cancelled and the amount, fee included, is back in your sales balance. Please request the payout again.
    { $url }
mail-payout-failed-account-subject = [Yorozu] Please check your bank account details
mail-payout-failed-account-body =
    We could not transfer your sales (¥{ $gross }) because the registered account details (branch, account number or holder name) were not accepted.
    The request is cancelled and the amount, fee included, is back in your sales balance.

    Once you register the account again, you can request a payout.
    { $url }
mail-sales-expired-subject = [Yorozu] Some of your sales have expired
mail-sales-expired-body =
    Sales of ¥{ $amount } were not requested within { $days } days of being credited and have expired.
    If there was a reason, please contact us: an operator can check and restore them.
    { $url }
mail-sales-reinstated-subject = [Yorozu] Your expired sales have been restored
mail-sales-reinstated-body =
    The expired sales of ¥{ $amount } you asked about are back in your sales balance.
    Please request a payout before the deadline.
    { $url }
