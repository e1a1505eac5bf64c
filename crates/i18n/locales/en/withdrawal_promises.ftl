# Withdrawal promises: final withdrawals, undoing by password reset, the scheduled-withdrawal banner
account-withdrawal-final = This account has been closed, so you cannot sign in. A withdrawal with "Erase now", or one whose undo period has passed, cannot be undone.
reset-undoes-withdrawal = This account is being closed (you can still undo it). Setting a new password undoes the withdrawal and opens your account again.
flash-password-reset-withdrawal-undone = Your password has been reset and your withdrawal undone. Please sign in with the new password. Your services are still paused; publish them again when you are ready.
mail-reset-undo-subject = [Yorozu] Reset your password and undo your withdrawal
mail-reset-undo-body = We received a request to reset your password.

    Your account is currently being closed. If you set a new password with the link below, the withdrawal is undone and your account opens again.

    { $link }

    The link is valid for { $minutes } minutes. You can undo the withdrawal until { $until }.
    If you do not want to undo it, please ignore this mail. Your data will be erased as planned.
withdrawal-scheduled-banner = Your withdrawal is scheduled. It will go ahead by itself once your orders and payouts are settled.
withdrawal-scheduled-banner-link = Review or cancel it
legal-privacy-erasure-heading = How erasure works after a withdrawal, and what remains
legal-privacy-erasure-p1 = Data erased on withdrawal is not only hidden from the pages and the API; it is removed from the database files too. On SQLite, the space of deleted rows is overwritten with zeros as they are deleted, and once the erasure ends the write-ahead log (WAL) is written back into the database and emptied.
legal-privacy-erasure-p2 = On PostgreSQL, the tables the erasure touched are vacuumed once it ends. The space of deleted rows becomes free space for reuse, but until new data overwrites it the old bytes can remain inside the files. PostgreSQL's write-ahead log (WAL) also keeps the content before deletion until the next checkpoint has passed and its segment is reused (usually minutes to hours).
legal-privacy-erasure-p3 = Backups contain the data as it was when they were taken. Backups are deleted when their retention period ends. When a backup is used to recover from a failure, the data of members who have withdrawn is not restored or used.
legal-privacy-erasure-p4 = The application's logs never contain e-mail addresses, names or bank account details.
