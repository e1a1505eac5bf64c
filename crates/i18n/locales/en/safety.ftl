# Trust and safety: blocks and the contact-details rule.

## Errors
order-blocked = You cannot trade with a member you have blocked or who has blocked you.
talk-blocked = You cannot send messages in this room because one of you has blocked the other. Orders in progress can still be discussed.
block-self = You cannot block yourself.
ng-word-blank = Please enter an NG word.
ng-word-too-long = An NG word can be at most { $max } characters.
ng-word-duplicate = This NG word is already on the list.
contact-details-found = The text may contain contact details or a request to deal outside Yorozu. Please check it, then edit it or send it anyway.

## What the contact-details rule finds
contact-kind-email = E-mail address
contact-kind-phone = Phone number
contact-kind-line = LINE
contact-kind-messenger = Other messaging service
contact-kind-external-payment = Payment or deal outside Yorozu
contact-kind-ng-word = NG word set by the operators
contact-kind-separator = ,{" "}

## The fields it looks at
contact-field-body = Message
contact-field-title = Title
contact-field-description = Description
contact-field-buyer-notes = Notes for buyers
contact-field-option-titles = Option names
contact-field-faq-questions = FAQ (questions)
contact-field-faq-answers = FAQ (answers)
contact-field-display-name = Display name
contact-field-introduction = Introduction
contact-field-skills = Skills
contact-field-career = Career
contact-field-track-record = Track record
contact-field-included = What is included

## The warning before sending
contact-warning-heading = Please check before sending
contact-warning-lead = Yorozu does not allow exchanging contact details such as e-mail addresses, phone numbers or LINE IDs, or paying and dealing outside the site. To protect you and the other member, please keep your conversation and payment on Yorozu. These parts may break that rule.
contact-warning-choice = Please edit the text, or send it as it is if it is fine. Texts sent anyway may be reviewed by our operators.
contact-warning-edit = Edit
contact-warning-send-anyway = Send anyway
contact-warning-help-link = About the contact-details rule

## Blocks
block-block = Block this member
block-unblock = Unblock
block-you-block = You have blocked this member.
block-member-gone = Withdrawn member
block-unblock-named = Unblock { $name }
blocks-title = Blocked members
blocks-lead = You and the members you block cannot start new orders or messages with each other (orders in progress continue), and you do not see each other's reviews.
blocks-none = You have not blocked anyone.
blocks-since = Blocked on { $date }
blocks-help-link = About blocking
settings-nav-blocks = Blocked members
flash-blocked = The member is blocked.
flash-unblocked = The member is unblocked.

## Operator: NG words
ng-words-title = NG words
ng-words-lead = Add words for the contact-details check. Width, katakana and hiragana, case and spaces are ignored. Additions and removals are recorded in the audit log.
ng-words-add-heading = Add an NG word
ng-words-field-word = Word
ng-words-field-word-hint = At most { $max } characters
ng-words-add = Add
ng-words-list-heading = NG words
ng-words-none = No NG words yet.
ng-words-col-word = Word
ng-words-col-added = Added
ng-words-remove = Remove
ng-words-remove-named = Remove “{ $word }”
ng-words-dashboard-heading = NG words
ng-words-dashboard-text = Manage the words used by the contact-details check.
ng-words-dashboard-link = Manage NG words
flash-ng-word-added = The NG word was added.
flash-ng-word-removed = The NG word was removed.

## Help
help-q-blocks = What if I do not want to deal with a member?
help-a-blocks = Use “Block this member” on their profile or on an order page. Neither of you can then place new orders with or send new messages to the other, and you no longer see their reviews. Orders already in progress continue until they are finished. The member is not told. You can unblock at any time under Settings → Blocked members.
help-q-contact-rule = Can I exchange contact details or deal outside Yorozu?
help-a-contact-rule = No (the contact-details rule). If a message, a service description or your profile contains an e-mail address, a phone number, a LINE or social media ID, an external payment link or the like, we point out the part before it is sent. You can edit it, or send it anyway if it is fine; texts sent anyway are reviewed by our operators. Keeping your conversation and payment on Yorozu lets our operators help if something goes wrong, and keeps your money safe in escrow.
