# Mail (subject and body take the same arguments)
mail-footer = Yorozu — the marketplace for skills
    This address does not accept replies. For questions, please use the help centre.

mail-confirm-subject = [Yorozu] Please confirm your e-mail address
mail-confirm-body = Dear { $name },

    Thank you for joining Yorozu.
    Please open the link below to confirm your e-mail address.

    { $link }

    The link is valid for { $hours } hours.
    If you did not sign up, you can ignore this mail.

mail-reset-subject = [Yorozu] Resetting your password
mail-reset-body = We received a request to reset your password.
    Please choose a new password at the link below.

    { $link }

    The link is valid for { $minutes } minutes.
    If you did not ask for this, ignore this mail; your password stays as it is.

mail-password-changed-subject = [Yorozu] Your password was changed
mail-password-changed-body = The password of your account was changed. For your safety, other devices have been signed out and every API token has been revoked.

    If this was not you, reset your password at once with "Forgot your password?" and contact us.

mail-change-email-subject = [Yorozu] Confirm your new e-mail address
mail-change-email-body = We received a request to change your e-mail address.
    Open the link below to finish the change to this address.

    { $link }

    The link is valid for { $hours } hours.

mail-change-email-notice-subject = [Yorozu] A change of e-mail address was requested
mail-change-email-notice-body = Someone asked to change the e-mail address of your account to { $new_email }.
    The change takes effect once the new address is confirmed.

    If this was not you, change your password at once and contact us.

mail-identity-approved-subject = [Yorozu] Your identity is verified
mail-identity-approved-body = We have checked your identity document. Your profile now shows the "Identity verified" badge.

    The image you uploaded is deleted after the retention period; the result and its date remain.

    { $link }

mail-identity-rejected-subject = [Yorozu] Please submit your identity document again
mail-identity-rejected-body = We could not verify the identity document you submitted.

    Reason: { $reason }

    Please submit a document again on the page below.

    { $link }

mail-newsletter-footer = Unsubscribe from the newsletter here (no sign-in needed, effective at once):
    { $link }
