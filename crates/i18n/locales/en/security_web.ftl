# Web-layer protections: the local mailbox's key.

error-mailbox-key = To open the mailbox, follow the mailbox link (with its key) printed when the server started, or sign in as an operator.
