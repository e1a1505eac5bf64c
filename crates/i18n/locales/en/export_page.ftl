# Download your data (settings): the request page, the archive's state, and the hint on the close-account page.

settings-nav-export = Download your data
export-title = Download your data
export-lead = You can download everything Yorozu holds about you as a single ZIP file (an archive), to keep your records or to move to another service.

export-contents-heading = What the archive contains
export-contents-lead = The archive contains:
export-contents-profile = Your profile (display name, introduction, avatar and so on)
export-contents-services = The services you listed (with their options, FAQs and images)
export-contents-orders = Your purchases and sales
export-contents-messages = Talk-room messages and the files exchanged there
export-contents-reviews = The reviews you received and the reviews you wrote
export-contents-money = Sales, the accounting records of your sales balance, and payout requests
export-contents-points = Your points history and the coupons you used
export-contents-formats = The same data comes both as JSON, easy for programs to read, and as CSV, which opens directly in Excel and other spreadsheets. A readable overview (index.html) opens in any browser, so you need no special software to look through it.
export-contents-others = Other members, such as the people you traded with, appear only by their public display name. Their e-mail addresses and other details are not included.

export-signed-heading = Signed reviews
export-signed-text = The archive's reviews folder holds the reviews you received, signed by Yorozu. Anyone can check the signature to confirm that nothing was changed, so you can use it to show your track record to other services or clients. It stays valid after you close your account.
export-signed-key = Signatures are checked with Yorozu's public key.
export-signed-key-link = Yorozu's public key (JSON)

export-how-mail = Once you ask for it, we start building your archive. We will let you know by e-mail at your registered address when it is ready.
export-how-valid = You can download it for { $days } days after it is ready. After that, the archive is deleted.
export-how-once = You can ask for an archive once every { $hours } hours.

export-request-heading = Ask for your archive
export-request-submit = Request a download of my data
export-request-next = You can ask for the next archive from { $date }.
export-flash-requested = Your request has been received. We will e-mail you when your archive is ready.

export-status-heading = Your archive
export-status-none = You have not asked for an archive yet.
export-status-requested-at = Requested: { $date }
export-status-queued = Your archive is waiting to be built. This page refreshes by itself.
export-status-building = Your archive is being built ({ $percent }%). This page refreshes by itself.
export-status-progress-label = Progress of building your archive
export-status-ready = Your archive is ready.
export-status-file-name = File name
export-status-size = Size
export-status-until = Available until
export-status-until-value = { $date }
export-status-download = Download
export-status-expired = Your previous archive was deleted because its download period ended. Please ask again if you need it.
export-status-failed = Sorry, we could not build your archive. Please ask again.

export-withdrawal-hint = When you close your account, your data is erased and cannot be retrieved later. We recommend downloading your data before you close your account.
export-erase-heading = Erase parts of your data without leaving
export-erase-lead = You can delete the following one by one from their pages. While an open order or payout still needs them, we refuse and tell you why.
export-erase-identity = Identity documents (your “Identity verified” badge stays)
export-erase-bank = Bank account for payouts
export-erase-cards = Registered cards
export-erase-avatar = Profile picture
export-erase-listings = Your services and their images
