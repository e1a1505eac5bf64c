# The request board (公開依頼) and proposals (提案).


## Refusals of proposals and closing
request-not-open = This request no longer takes proposals.
request-proposals-full = This request has received as many proposals as it takes.
request-own = You cannot propose on your own request.
proposal-exists = You have already proposed on this request. You can revise your proposal on its quote page.
proposal-not-open = This proposal has already ended and cannot be withdrawn.
proposal-listing-invalid = Choose one of your published services for the proposal.

## States
request-state-open = Open
request-state-filled = Filled
request-state-closed = Closed

## Mail
mail-request-proposal-received-subject = [Yorozu] A proposal on your request: { $title }
mail-request-proposal-received-body = A seller proposed on your request "{ $title }".

    You can compare the proposals on this page:

    { $url }

mail-request-proposal-chosen-subject = [Yorozu] Your proposal was chosen: { $title }
mail-request-proposal-chosen-body = Your proposal on the request "{ $title }" was chosen and bought.

    Please start work from the order page. The request:

    { $url }

mail-request-proposal-not-chosen-subject = [Yorozu] Another proposal was chosen: { $title }
mail-request-proposal-not-chosen-body = For the request "{ $title }", another proposal was chosen this time.

    Thank you very much for proposing. We hope to see your proposals again.

    { $url }

mail-request-closed-subject = [Yorozu] A request you proposed on was closed: { $title }
mail-request-closed-body = The request "{ $title }" you proposed on has closed, and your proposal has ended.

    Thank you very much for proposing.

    { $url }

mail-request-closed-buyer-subject = [Yorozu] Your request's proposal period ended: { $title }
mail-request-closed-buyer-body = Your request "{ $title }" reached its proposal deadline and was closed.

    You are welcome to post a new request if needed.

    { $url }

## Pages
nav-requests = Requests
requests-title = Request board
requests-lead = Buyers post requests; sellers propose on them.
requests-search-label = Keywords
requests-search-submit = Filter
requests-category = Category
requests-category-any = All
requests-budget-at-least = Budget at least (yen)
requests-budget-at-most = Budget at most (yen)
requests-empty = No open request matches.
requests-next = Next page
requests-post = Post a request
requests-mine = My requests
requests-proposed = Requests I proposed on
requests-mine-empty = You have not posted a request yet.
requests-proposed-empty = You have not proposed on a request yet.
request-budget = Budget: ¥{ $min } – ¥{ $max }
request-deadline = Proposals until { $at }
request-desired-date = Desired delivery: { $date }
request-proposal-count = Proposals: { $count } / { $max }
request-posted-by = Posted by { $name }
request-files = Attachments
request-new-title = Post a request
request-field-category = Category
request-field-title = Title
request-field-description = What you need
request-field-budget-min = Budget from (yen)
request-field-budget-max = Budget up to (yen)
request-field-desired-date = Desired delivery date (optional)
request-field-proposal-days = Days to take proposals (1–30)
request-field-max-proposals = Most proposals to take (1–50)
request-field-files = Attachments (optional)
request-submit = Post the request
request-flash-posted = Your request was posted.
request-flash-closed = Your request was closed.
request-flash-proposed = Your proposal was sent.
request-flash-withdrawn = Your proposal was withdrawn.
request-close = Close the request
request-proposals = Proposals
request-proposals-empty = No proposals yet.
request-your-proposal = Your proposal
request-propose-title = Propose on this request
request-propose-listing = The service for this proposal
request-propose-no-listing = You need a published service to propose.
request-propose-message = Message
request-propose-submit = Send the proposal
request-proposal-price = Price: ¥{ $price }
request-proposal-days = Delivery: { $days } days
request-proposal-rating = Rating: { $rating } ({ $count } reviews)
request-proposal-no-rating = Rating: none yet
request-proposal-verified = Identity verified
request-proposal-accept = Buy with this proposal
request-proposal-withdraw = Withdraw the proposal
request-proposal-thread = Open the quote page
request-proposal-state = State: { $state }
contact-field-request-description = What you need

## Withdrawal: the data table
data-requests-name = Requests and proposals
data-requests-fate-erased = Erased
data-requests-why = Your open requests close when you withdraw, and your proposals are withdrawn. The titles, descriptions and attachments of your requests are erased completely. Messages sent as proposals stay for the other party, like quote consultations.

## Export sections
export-section-requests_posted = Requests you posted
export-section-proposals_sent = Proposals you sent
