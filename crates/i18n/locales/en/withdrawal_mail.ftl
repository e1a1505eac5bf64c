# Withdrawal mail: the account closed (with the erasure receipt), a scheduled withdrawal called
# off, a withdrawal undone.

mail-withdrawal-closed-subject = [Yorozu] Your account has been closed
mail-withdrawal-closed-body = Thank you for using Yorozu. Your withdrawal is complete and your account has been closed (reference { $reference }). This is the last e-mail we will send you.

    { $now ->
        [yes] As you asked, we are erasing your data now.
       *[no] We will erase your data on { $purge }. Until then you can undo the withdrawal by signing in with this e-mail address and your password. If you do not sign in, there is nothing you need to do.
    }

    Sales balance forfeited: ¥{ $sales }
    Points forfeited: { $points } points
    Unpaid orders on your services cancelled: { $cancelled }

    == Erasure receipt ==
    This is what happens to each kind of your data.

    { $receipt }

    Sign in (undoes the withdrawal during the grace period only):
    { $url }

mail-withdrawal-called-off-subject = [Yorozu] Your scheduled withdrawal has been called off
mail-withdrawal-called-off-body = The withdrawal you scheduled on { $requested } could not be carried out and has been called off. Your account stays open as before.

    The orders that were in the way have finished, but meanwhile your sales balance or points grew beyond the amounts you confirmed. We never forfeit amounts you have not seen, so we did not close your account.

    You can receive your sales balance by requesting a payout. Please check the amounts and go through the withdrawal again.
    { $url }

mail-withdrawal-undone-subject = [Yorozu] Your withdrawal has been undone
mail-withdrawal-undone-body = You signed in during the grace period, so we have undone your withdrawal and reopened your account. The sales balance and points you forfeited are back too.

    These have not been restored; please set them up again if you wish:
    - Your services are still paused. Publish them again from your listings.
    - Newsletters and recommendations stay switched off.
    - Sign-ins on other devices and your API tokens were revoked.

    Your listings:
    { $url }

    If this was not you, please change your password at once.
