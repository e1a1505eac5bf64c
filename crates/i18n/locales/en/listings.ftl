# The seller's side (managing one's services, the listing form, images, publishing and pausing, vacation mode)

## Settings side navigation
settings-nav-listings = My services
settings-nav-vacation = Vacation mode

## Use-case errors
listing-needs-confirmed-email = Please confirm your e-mail address before you list or publish a service. Buyers will contact you through it, so we check it first.
listing-images-too-many = You cannot add more images. Delete one you no longer need first.
vacation-in-past = Please choose a return date from tomorrow on.
vacation-too-long = That return date is too far away. Please choose a date within the period shown below the field.
listings-action-unknown = This action is not available. Please try again with the buttons in the list.

## Status
listings-status-draft = Draft
listings-status-published = Published
listings-status-paused = Paused
listings-status-deleted = Deleted
listings-status-draft-help = Only you can see a draft until you publish it. When the text and images are ready, press "Publish".
listings-status-published-help = Published: it appears in search results and category pages and can be bought.
listings-status-paused-help = Sales are paused: it does not appear in search, and its page says it is paused. Press "Resume" to publish it again at any time.
listings-status-deleted-help = This service has been deleted.

## Status buttons
listings-action-publish = Publish
listings-action-pause = Pause sales
listings-action-resume = Resume
listings-action-delete = Delete
listings-action-aria = { $action }: { $title }
listings-flash-published = Your service is published. It now appears in search results and category pages.
listings-flash-paused = Sales are paused. Press "Resume" to publish it again at any time.
listings-flash-resumed = Sales have resumed.
listings-flash-deleted = The service has been deleted.
listings-conflict-title = This action is not possible
listings-back-to-list = Back to my services
listings-back-to-edit = Back to editing the service

## Delete confirmation
listings-delete-title = Delete a service
listings-delete-question = Delete "{ $title }"?
listings-delete-explain = A deleted service cannot be restored. Its page disappears and its images are deleted too. If you only want to stop selling for a while, use "Pause sales" instead.
listings-delete-confirm = Delete
listings-delete-cancel = Cancel

## My services
listings-mine-title = My services
listings-mine-lead = The services you offer. Edit, publish or pause them here.
listings-new-button = List a new service
listings-mine-empty = You have no services yet. Use "List a new service" to offer your skills.
listings-col-price = Price
listings-col-updated = Last updated
listings-price = ¥{ $amount }
listings-edit = Edit
listings-edit-label = Edit "{ $title }"
listings-view-public = View service page
listings-view-public-label = View the page of "{ $title }"
listings-preview = Preview
listings-preview-label = Preview "{ $title }"

## Listing form
listings-new-title = List a new service
listings-edit-title = Edit service
listings-new-lead = Saving creates a draft that only you can see. Add images and check everything before you publish.
listings-needs-email-heading = Please confirm your e-mail address
listings-needs-email-link = Resend the confirmation mail in account settings
listings-status-heading = Visibility
listings-content-heading = About the service
listings-field-title = Title
listings-field-title-hint = Say at a glance what the buyer gets (up to { $max } characters). Example: "A simple, memorable logo, commercial use included"
listings-field-category = Category
listings-field-category-choose = Choose a category
listings-field-description = Description
listings-field-description-hint = Describe what the buyer receives (deliverables and formats), how you work, and what you need from the buyer (up to { $max } characters).
listings-field-price = Price
listings-unit-yen = yen
listings-field-price-hint = At least { $min } yen. You may type "1,000" or full-width digits.
listings-field-delivery-days = Delivery time
listings-unit-days = days
listings-field-delivery-days-hint = How long from purchase to delivery ({ $min }–{ $max } days).
listings-field-revisions = Revisions
listings-field-revisions-choose = Choose the number of revisions
listings-field-revisions-hint = How many revisions after delivery are included free of charge.
listings-revisions-count = { $count ->
    [one] 1 revision
   *[other] { $count } revisions
}
listings-revisions-unlimited = Unlimited
listings-field-buyer-notes = Notes for buyers (optional)
listings-field-buyer-notes-hint = What buyers should know before buying, and what you will need from them afterwards (up to { $max } characters).
listings-options-heading = Paid options (optional)
listings-options-hint = Extras a buyer can add, such as faster delivery or commercial use. Up to { $max } options, names up to { $max_chars } characters, prices from { $min } yen. Leave unused rows empty.
listings-option-name-column = Option name
listings-option-price-column = Price
listings-option-legend = Option { $n }
listings-option-name-label = Name of option { $n }
listings-option-price-label = Price of option { $n } (yen)
listings-faq-heading = FAQ (optional)
listings-faq-hint = Answer what buyers are likely to ask, as question and answer pairs. Up to { $max } entries, questions up to { $max_question } characters, answers up to { $max_answer }. Leave unused rows empty.
listings-faq-legend = FAQ entry { $n }
listings-faq-question-label = Question { $n }
listings-faq-answer-label = Answer { $n }
listings-add-row = Add a row
listings-create-hint = Your service is saved as a draft. Nobody else sees it until you publish it.
listings-create = Save as draft
listings-save-hint = A published service is updated as soon as you save.
listings-save = Save changes
listings-flash-created = Draft saved. Nobody else can see it until you publish it. Add images, then press "Publish".
listings-flash-saved = Changes saved.

## Images
listings-images-heading = Images
listings-images-count = { $count } of { $max } images.
listings-images-first-is-main = The first image is the main image in search results and on the service page.
listings-images-none = No images yet. Add images that show what your service is like.
listings-images-full = You have reached the image limit. Delete one to add another.
listings-image-alt = Image { $n }
listings-image-delete = Delete
listings-image-delete-label = Delete image { $n }
listings-image-field = Image to add
listings-image-hint = JPEG, PNG, WebP or GIF, up to { $max_mb } MB. Landscape (4:3) images look best.
listings-image-upload = Add image
listings-flash-image-added = Image added.
listings-flash-image-deleted = Image deleted.

## Vacation mode
listings-vacation-title = Vacation mode
listings-vacation-lead = Stop taking new orders during a holiday or a busy period.
listings-vacation-point-visible = Your services stay visible in search results and on their pages.
listings-vacation-point-no-orders = None of them can be bought until 00:00 Japan time on your return date. Service pages show when you will be back.
listings-vacation-point-orders-continue = Orders you have already accepted are not affected.
listings-vacation-state-heading = Current setting
listings-vacation-on-badge = On vacation
listings-vacation-on-until = Orders reopen on { $date } at 00:00 Japan time.
listings-vacation-off-state = Vacation mode is off. You are taking orders.
listings-vacation-field = Return date
listings-vacation-field-hint = Your services can be bought again from 00:00 Japan time on this day. Choose a date from tomorrow up to { $max } days ahead.
listings-vacation-start = Start vacation mode
listings-vacation-change = Change return date
listings-vacation-end = End vacation mode
listings-vacation-date-empty = Please choose your return date.
listings-vacation-date-invalid = We could not read that date. Please use the format 2026-12-01.
listings-vacation-flash-on = Vacation mode is on. Your services cannot be bought until your return date.
listings-vacation-flash-off = Vacation mode is off. You are taking orders again.
