# Web-layer protections: the local mailbox's key, the language switch's return address.

error-mailbox-key = To open the mailbox, follow the mailbox link (with its key) printed when the server started, or sign in as an operator.

lang-next-unreadable = The address of the page to return to could not be read. Please use the language switch at the bottom of a page.
legal-privacy-security-heading = How we keep your data safe
legal-privacy-security-p1 = Passwords are stored only in a form that cannot be reversed (Argon2id). You can turn on two-step sign-in (one-time codes from an authenticator app), and we ask for your password again (and a code, when two-step sign-in is on) before a change of bank account, a payout request, a change of e-mail address or password, creating an API token, and withdrawal.
legal-privacy-security-p2 = Bank account numbers and holder names, two-step sign-in secrets and uploaded files are stored encrypted. When the bank account changes we tell you by mail, and no payout request is accepted for 72 hours after the change.
legal-privacy-security-p3 = Connections are protected by HTTPS, and the cookies that keep you signed in are sent so that other sites can neither read nor set them. Sign-in, sign-up and password-reset requests are limited in number, against guessing and mass mailing.
