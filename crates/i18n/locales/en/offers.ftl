## Quote consultations and custom offers

offer-own-listing = You cannot ask for a quote on your own service.
offer-not-open = This offer has expired, was revised or was already answered, so it cannot be bought.

offer-state-open = Awaiting reply
offer-state-accepted = Bought
offer-state-declined = Declined
offer-state-expired = Expired
offer-state-superseded = Revised
offer-state-withdrawn = Withdrawn

offer-field-title = Title
offer-field-included = What is included
offer-field-price = Price
offer-field-delivery_days = Delivery days
offer-field-revisions = Revisions
offer-field-options = Paid options
offer-field-expiry = Expiry

consultations-title = Quote requests
consultations-empty = You have no quote requests yet.
consultations-as-buyer = You asked
consultations-as-seller = You were asked
consultation-ask = Ask for a quote
consultation-ask-lead = Tell the seller what you need and your budget, and receive an offer made for you.
consultation-about = Quote request about "{ $title }"
consultation-with = With: { $name }
consultation-message = Message
consultation-files = Attachments
consultation-send = Send
consultation-messages = Messages
consultation-mine = You
consultation-theirs = Them
consultation-offers = Offers
consultation-no-offers = No offer yet.

offer-version = Version { $version }
offer-changed = Changed since the previous version: { $fields }
offer-price = Price: ¥{ $price }
offer-delivery-days = Delivery: { $days } days
offer-revisions = Revisions: { $count }
offer-revisions-unlimited = Revisions: unlimited
offer-option = Option: { $title } (¥{ $price })
offer-expires = Expires: { $at }
offer-decline-reason = Reason for declining: { $reason }
offer-accept = Continue to purchase with this offer
offer-decline = Decline
offer-decline-reason-label = Reason (optional)
offer-withdraw = Withdraw this offer
offer-order = See the order
offer-send-title = Send an offer
offer-revise-title = Revise the offer
offer-form-title = Title
offer-form-included = What is included
offer-form-price = Price (yen)
offer-form-delivery-days = Delivery days
offer-form-revisions = Revisions (0–10, or unlimited)
offer-form-option-title = Paid option
offer-form-option-price = Option price (yen)
offer-form-expiry-days = Expiry in days (blank for 7)
offer-send = Send offer
offer-confirm-note = You are buying on the terms of the custom offer "{ $title }".

mail-offer-consultation-received-subject = [Yorozu] You received a quote request
mail-offer-consultation-received-body = A member asked you for a quote about your service "{ $title }".

    Please reply or send an offer on this page:

    { $url }

mail-offer-consultation-message-subject = [Yorozu] New message in a quote request
mail-offer-consultation-message-body = The other member sent a new message in the quote request about "{ $title }".

    { $url }

mail-offer-received-subject = [Yorozu] You received a custom offer: { $title }
mail-offer-received-body = The seller sent you a custom offer "{ $title }" (¥{ $price }).

    It expires on { $expires }. Please buy or decline it on this page:

    { $url }

mail-offer-revised-subject = [Yorozu] A custom offer was revised: { $title }
mail-offer-revised-body = The seller revised the custom offer (¥{ $price }). The previous version can no longer be bought.

    See what changed on this page. It expires on { $expires }.

    { $url }

mail-offer-accepted-subject = [Yorozu] Your custom offer was bought: { $title }
mail-offer-accepted-body = Your custom offer "{ $title }" (¥{ $price }) was bought.

    Please start work from the order page. The quote request:

    { $url }

mail-offer-declined-subject = [Yorozu] Your custom offer was declined: { $title }
mail-offer-declined-body = Your custom offer "{ $title }" was declined this time.

    Reason: { $reason }

    You may send a new offer from the quote request if it helps.

    { $url }

mail-offer-expiring-subject = [Yorozu] A custom offer expires soon: { $title }
mail-offer-expiring-body = The custom offer "{ $title }" (¥{ $price }) expires on { $expires }.

    After that it can no longer be bought. Please decide on this page:

    { $url }

consultation-flash-sent = Your message was sent.
offer-flash-sent = Your offer was sent.
offer-flash-declined = You declined the offer.
offer-flash-withdrawn = You withdrew the offer.
consultation-updated = Last activity: { $at }

## The data table's row (withdrawal page, erasure receipt, privacy page)
data-consultations-and-offers-name = Quote consultations and custom offers
data-consultations-and-offers-fate-erased = Erased
data-consultations-and-offers-why = The messages and files you wrote in quote consultations, and your offers that nobody bought, are erased. What the other member wrote stays as their record, with you shown as "Former member". An offer that was bought stays with the order as its terms. Offers still awaiting an answer are withdrawn when you withdraw.

## The withdrawal page
withdrawal-open-offers = { $count ->
    [one] One custom offer is awaiting an answer. It does not stop you from withdrawing, but it is withdrawn when you withdraw and can no longer be bought.
   *[other] { $count } custom offers are awaiting an answer. They do not stop you from withdrawing, but they are withdrawn when you withdraw and can no longer be bought.
}
withdrawal-open-offers-link = See your quote consultations

## The data export's sections
export-section-consultation_messages = Quote consultation messages
export-section-consultation_attachments = Quote consultation files
export-section-offers = Custom offers
