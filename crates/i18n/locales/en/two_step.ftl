# Two-step sign-in (TOTP), re-authentication before sensitive actions, the hold after a bank
# account change

## Error codes
two-step-required = Enter the code of your two-step sign-in.
reauth-required = For your safety, enter your password again (and your two-step code if you use it).
two-step-code-required = Enter the six-digit code shown in your authenticator app.
two-step-code-wrong = The code is wrong or was already used. Enter the latest code shown in your authenticator app.
two-step-already-on = Two-step sign-in is already on.
two-step-no-setup = Please start the set-up again.
two-step-not-on = Two-step sign-in is not on.
two-step-challenge-expired = The sign-in took too long. Please sign in again.
payout-bank-account-held = Payouts cannot be requested for { $hours } hours after the bank account is registered or changed (until { $until }).

## Second step of signing in
two-step-login-title = Two-step sign-in
two-step-login-lead = Enter the six-digit code shown in your authenticator app.
two-step-field-code = Code
two-step-field-code-hint-recovery = If you cannot use your app, enter a recovery code (like abcd-efgh-2345). Each recovery code works once.
two-step-login-submit = Verify and sign in
two-step-login-restart = Start signing in again

## Settings
settings-nav-two-step = Two-step sign-in
two-step-title = Two-step sign-in
two-step-lead = When you sign in, we ask for a code from an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password and others) besides your password. Even if someone learns your password, your account and your sales stay safe.
two-step-required-operator = Operators must set up two-step sign-in before using the operator console.
two-step-setup-heading = Set up two-step sign-in
two-step-setup-step-app = Install an authenticator app on your phone.
two-step-setup-step-scan = Scan this QR code with the app. If you cannot scan it, type the key below instead.
two-step-setup-qr-alt = QR code to add this account to an authenticator app
two-step-setup-secret-label = Set-up key:
two-step-setup-step-code = Enter the six-digit code the app shows to finish.
two-step-setup-submit = Turn on two-step sign-in
two-step-on-heading = Two-step sign-in is on
two-step-on-since = Turned on { $date }.
two-step-recovery-left = Unused recovery codes: { $count }
two-step-off-heading = Turn off two-step sign-in
two-step-off-lead = To turn it off, enter your password and a code (or a recovery code).
two-step-off-submit = Turn off two-step sign-in
two-step-flash-disabled = Two-step sign-in is now off.
two-step-flash-enabled = Two-step sign-in is now on.
two-step-recovery-title = Recovery codes
two-step-recovery-heading = Keep your recovery codes
two-step-recovery-lead = When you cannot use your authenticator app (a lost phone, say), enter one of these instead of a code. Each works once. They are never shown again once you leave this page: print them or keep them somewhere safe.
two-step-recovery-done = I have saved them

## Re-authentication
reauth-title = Confirm it is you
reauth-lead = Before important changes we ask you to confirm it is you. We will not ask again for { $minutes } minutes.
reauth-submit = Confirm
reauth-continue = Confirm it is you and continue
reauth-needed-bank = To register or change the bank account, please confirm it is you with your password.
reauth-needed-payout = Before requesting a payout, please confirm it is you with your password.

## Bank account changes
bank-settings-change-notice = When the bank account is registered or changed, we mail you, and payouts cannot be requested for { $hours } hours (this protects your sales from unauthorised changes).
bank-settings-held = Payouts to this account can be requested from { $until }.
sales-bank-held = Payouts cannot be requested for { $hours } hours after the bank account changed (until { $until }).

## Mail
mail-two-step-enabled-subject = [Yorozu] Two-step sign-in is on
mail-two-step-enabled-body = Two-step sign-in was turned on for your account. From now on, signing in needs a code from your authenticator app besides your password.

    If this was not you, change your password at once and contact us.
    { $url }
mail-two-step-disabled-subject = [Yorozu] Two-step sign-in is off
mail-two-step-disabled-body = Two-step sign-in was turned off for your account.

    If this was not you, change your password at once, set up two-step sign-in again and contact us.
    { $url }
mail-bank-account-changed-subject = [Yorozu] Your bank account for payouts was changed
mail-bank-account-changed-body = The bank account for your payouts was registered or changed to:

    { $bank } { $branch } account number { $number }

    For your safety, payouts to this account cannot be requested until { $until }.
    If this was not you, change your password at once, check the bank account and contact us.
    { $url }
