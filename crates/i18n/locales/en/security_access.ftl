# Protecting access: API token scopes and expiry, sign-up attempts with a registered address

mail-sign-up-attempt-subject = [Yorozu] Someone tried to sign up with your e-mail address
mail-sign-up-attempt-body = This e-mail address is already registered with Yorozu, and someone just tried to sign up with it again. No new account was created.

    If it was you, sign in here:
    { $sign_in }

    If you have forgotten your password, you can reset it here:
    { $reset }

    If it was not you, you can ignore this mail. Nothing has changed in your account.

token-needs-confirmed-email = Please confirm your e-mail address before creating an API token.
token-scope-unknown = Choose the token's access: "Read only" or "Full access".
token-lifetime-unknown = Choose a validity period from the list.
token-expired = This API token has expired. Renew it under "API tokens" in your settings, or create a new one.
token-read-only = This API token is read only and cannot do this.
token-creation-needs-sign-in = API tokens cannot be created through the API. Sign in on the site and create one under "API tokens" in your settings, with your password.

tokens-field-scope = Access
tokens-scope-read = Read only (can only fetch information)
tokens-scope-full = Full access (can also manage services and orders)
tokens-field-lifetime = Valid for
tokens-lifetime-days = { $days } days
tokens-field-password = Current password
tokens-field-password-hint = Enter your current password to confirm it is you.
tokens-col-scope = Access
tokens-scope-read-short = Read only
tokens-scope-full-short = Full access
tokens-col-expires = Expires
tokens-expired = Expired
tokens-renew = Renew
tokens-renew-label = Renew "{ $name }" until { $days } days from today
flash-token-renewed = The token's expiry has been extended.
