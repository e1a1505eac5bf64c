# Settings (shared side navigation)
settings-nav-label = Settings menu
settings-nav-profile = Profile
settings-nav-account = Account
settings-nav-notifications = Notifications
settings-nav-sessions = Signed-in devices
settings-nav-tokens = API tokens
settings-nav-identity = Identity verification

# Account (e-mail address and password)
account-title = Account
account-email-heading = E-mail address
account-email-current = Current e-mail address
account-email-confirmed = Confirmed
account-email-unconfirmed = Not confirmed
account-email-unconfirmed-help = Your e-mail address is not confirmed yet. Please open the link in the mail we sent when you signed up. If you cannot find it, we can send it again.
account-change-email-heading = Change e-mail address
account-change-email-lead = We will send a confirmation link to the new address. The change takes effect when you open that link; until then your current address stays in use.
account-field-new-email = New e-mail address
account-password-confirm-hint = Enter your current password so we know it is you.
account-change-email-submit = Send confirmation mail
account-change-password-heading = Change password
account-change-password-lead = Changing it signs you out on every device except this one.
account-change-password-submit = Change password
flash-email-change-sent = We have sent a confirmation link to your new address. Open it to complete the change.
flash-password-changed = Your password has been changed. All other devices have been signed out.

# Notifications
notifications-title = Notifications
notifications-lead = Choose which e-mails you would like to receive from Yorozu.
notifications-legend = E-mails to receive
notifications-locked = Important notices about your account, orders and payments cannot be switched off.
notifications-hint-messages = Tells you when a new message arrives in a talk room.
notifications-hint-favorites = Tells you when a seller you follow publishes a new service, for example.
notifications-hint-recommendations = Services we think may suit you. Sent only if you opt in.
notifications-hint-newsletter = Our newsletter about campaigns and new features. Sent only if you opt in; you can unsubscribe at any time.
notifications-confirm-first = You can choose this once your e-mail address is confirmed.
notifications-submit = Save settings
flash-notifications-saved = Your notification settings have been saved.
settings-notifications-unknown = One of the selected notification types is not valid. Please reload the page and try again.
settings-transactional-locked = Notices about your account and orders cannot be switched off.

# Signed-in devices
sessions-title = Signed-in devices
sessions-lead = These devices are currently signed in to your account. If you do not recognise one, sign it out and then change your password.
sessions-caption = Device types are guessed from what the browser reports.
sessions-col-ip = IP address
sessions-col-signed-in = Signed in
sessions-col-last-active = Last active
sessions-this-device = This device
sessions-unknown-device = Unknown device
sessions-revoke = Sign out
sessions-revoke-label = Sign out { $device } ({ $ip })
sessions-revoke-others = Sign out of all other devices
sessions-none-others = No other device is signed in.
flash-session-revoked = The selected device has been signed out.
flash-sessions-revoked-others = All devices except this one have been signed out.

# API tokens
tokens-title = API tokens
tokens-lead = API tokens let your own programs use the Yorozu API (/api/v1). Treat a token like a password and never share it.
tokens-example-heading = Example
tokens-example-lead = Send the token in the Authorization header of each request.
tokens-create-heading = Create a new token
tokens-field-name = Token name
tokens-field-name-hint = A name that tells you what it is for (e.g. sales report script). Up to 50 characters.
tokens-create-submit = Create token
tokens-created-heading = Your new token
tokens-created-secret-label = Token "{ $name }"
tokens-created-copy = Select all of it, copy it and keep it somewhere safe, such as a password manager.
tokens-created-once = This token will not be shown again. If you lose it, revoke it and create a new one.
tokens-list-heading = Your tokens
tokens-none = You have no tokens yet.
tokens-col-created = Created
tokens-col-last-used = Last used
tokens-never-used = Never
tokens-revoke = Revoke
tokens-revoke-label = Revoke "{ $name }"
flash-token-revoked = The token has been revoked and can no longer be used.
token-name-empty = Please enter a name for the token.
token-name-too-long = The token name must be at most { $max } characters (line breaks are not allowed).
token-limit-reached = You have reached the maximum number of tokens. Revoke one you no longer use, then try again.
