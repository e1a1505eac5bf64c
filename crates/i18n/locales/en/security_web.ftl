# Web-layer protections: the local mailbox's key, the language switch's return address.

error-mailbox-key = To open the mailbox, follow the mailbox link (with its key) printed when the server started, or sign in as an operator.

lang-next-unreadable = The address of the page to return to could not be read. Please use the language switch at the bottom of a page.
