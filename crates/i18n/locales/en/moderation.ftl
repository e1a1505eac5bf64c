# Reports and what operators do: the report form, the reporter's history, notices from the operators, suspension, the moderation queue, mail.

## What is reported and why
moderation-target-service = service
moderation-target-profile = profile
moderation-target-message = message
moderation-target-review = review
moderation-target-consultation_message = quote consultation message
moderation-target-request = request
moderation-target-tip = tip message
moderation-target-offer = custom offer
moderation-reason-prohibited_service = Prohibited service
moderation-reason-harassment = Harassment or abuse
moderation-reason-contact_details = Exchanging contact details (dealing outside Yorozu)
moderation-reason-fraud = Fraud or a scam
moderation-reason-copyright = Copyright or other rights infringed
moderation-reason-other = Other

## The report form
moderation-report-link = Report
moderation-report-title = Report this { $target }
moderation-report-about = What you are reporting: { $about }
moderation-report-lead = Tell the Yorozu team about content you think breaks the terms. The member will not learn that you reported it.
moderation-report-reason-label = Reason
moderation-report-comment-label = What happened
moderation-report-comment-hint = Describe the problem in up to 1,000 characters.
moderation-report-submit = Send report
moderation-report-earlier = You reported this on { $date }. Sending again replaces your report.
moderation-report-earlier-decided = The Yorozu team has already dealt with your report of this.
moderation-report-filed = Thank you, your report was received. We will tell you the outcome in your report history and by e-mail.
moderation-report-updated = Your report was updated.

## Report history and notices (settings)
settings-nav-reports = Reports and notices
moderation-my-title = Reports and notices
moderation-my-lead = What you reported and how the Yorozu team dealt with it. Nobody else's reports are shown.
moderation-my-heading = Your reports
moderation-my-empty = You have not reported anything.
moderation-my-col-date = Reported on
moderation-my-col-target = What
moderation-my-col-reason = Reason
moderation-my-col-status = Status
moderation-state-open = Being reviewed
moderation-state-closed = Dealt with
moderation-outcome-dismiss = We found nothing against the terms
moderation-outcome-hide_service = The service was hidden
moderation-outcome-remove_content = The content was removed
moderation-outcome-warn = The member was warned
moderation-outcome-suspend = The member was suspended
moderation-notices-heading = Notices from the Yorozu team
moderation-notices-empty = There are no notices from the Yorozu team.
moderation-notice-warning = Warning
moderation-notice-service-hidden = A service was hidden
moderation-notice-service-restored = A service is public again
moderation-notice-content-removed = A post was removed
moderation-notice-suspended = Account suspended
moderation-notice-suspension-lifted = Suspension lifted
moderation-notice-subject = About: { $subject }
moderation-notice-reason = Reason: { $reason }

## Suspension
moderation-suspended-banner = This account is suspended.
moderation-suspended-banner-link = See why and what you can still do
moderation-standing-title = Account standing
moderation-standing-good = There are no restrictions on this account.
moderation-standing-suspended = This account has been suspended since { $since }.
moderation-standing-reason = Reason given by the Yorozu team: { $reason }
moderation-standing-limits = While suspended, you cannot buy, publish services or send messages. Your services are paused.
moderation-standing-can = You can still download your data and close your account.
moderation-standing-export = Download your data
moderation-standing-withdraw = Closing your account
moderation-standing-contact = If you have questions, please contact the Yorozu team.

## Hidden services (for sellers)
moderation-held-heading = Services hidden by the Yorozu team
moderation-held-hidden = “{ $title }” was hidden by the Yorozu team.
moderation-held-suspension = “{ $title }” is paused while your account is suspended.
moderation-held-reason = Reason: { $reason }
moderation-held-fix = Edit it, then ask for a review. The Yorozu team will check it and make it public again.
moderation-held-request-review = Ask for a review
moderation-held-review-requested = You asked for a review on { $date }. Please wait for the Yorozu team to check it.
moderation-review-requested = You asked for a review.

## Notes in the talk room
order-event-message-removed = This message was removed by the Yorozu team.
order-event-party_suspended = The Yorozu team suspended a party of this order, so it has been cancelled. The payment will be refunded.

## Notes on reviews
moderation-review-removed = This review was removed by the Yorozu team.

## Errors
moderation-report-own = You cannot report your own content.
moderation-report-already-decided = The Yorozu team has already dealt with the reports of this. Thank you for your help.
moderation-target-unknown = This is not something that can be reported.
moderation-reason-required = Choose a reason.
moderation-action-unfit = That action does not apply to this content.
moderation-orders-choice = Choose what happens to the orders in progress.
moderation-already-suspended = This member is already suspended.
moderation-service-held = The Yorozu team has hidden this service. Fix it and ask for a review.
moderation-review-not-needed = This service does not need a review.
moderation-review-already-requested = You have already asked for a review.

## Operators: the queue
moderation-queue-title = Reports
moderation-queue-lead = Reported content, oldest report first. Every action needs a reason, which the member concerned sees.
moderation-queue-empty = There are no reports waiting.
moderation-queue-reports = { $count ->
        [one] 1 report
       *[other] { $count } reports
    }
moderation-queue-oldest = First reported: { $date }
moderation-queue-author = By: { $name }
moderation-queue-gone = This content no longer exists. Dismiss the reports to close them.
moderation-queue-open-link = Open the content
moderation-queue-automatic = Detected automatically
moderation-queue-comments = What the reporters said
moderation-queue-action = Action
moderation-queue-reason = Reason (the member sees it)
moderation-queue-orders = Orders in progress
moderation-orders-continue = Let them continue
moderation-orders-cancel = Cancel and refund them
moderation-queue-decide = Record the decision
moderation-action-dismiss = Dismiss
moderation-action-hide_service = Hide the service
moderation-action-remove_content = Remove it
moderation-action-warn = Warn the member
moderation-action-suspend = Suspend the member
moderation-decided = The decision was recorded.
moderation-review-requests-heading = Review requests
moderation-review-requests-empty = No seller has asked for a review.
moderation-review-requests-hidden-reason = Hidden because: { $reason }
moderation-restore = Make it public again
moderation-restored = The service is public again.
moderation-suspensions-title = Suspended members
moderation-suspensions-empty = No member is suspended.
moderation-suspensions-since = since { $date }
moderation-suspensions-orders = Orders in progress: { $orders }
moderation-lift = Lift the suspension
moderation-lifted = The suspension was lifted.
operator-dashboard-moderation-heading = Reports
operator-dashboard-moderation-count = Waiting: { $count }
operator-dashboard-moderation-none = No reports are waiting.
operator-dashboard-moderation-link = Open the queue
operator-dashboard-suspensions-link = Suspended members

## Help
help-moderation-heading = Reports and suspension
help-moderation-report = If you find a service, profile, talk-room message or review that breaks the terms, use its “Report” link. Choose a reason (prohibited service, harassment, exchanging contact details, fraud, rights infringed, other) and describe what happened. The member does not learn that you reported them. You report something once; while it is being reviewed you can change your report.
help-moderation-actions = The Yorozu team reviews each report and dismisses it, hides the service, removes the message or review, warns the member or suspends them. Every action comes with a reason that the member concerned is told. Reporters see the outcome under “Reports and notices” in the settings and by e-mail.
help-moderation-hidden = If your service was hidden, read the reason, fix the service and press “Ask for a review”. The Yorozu team will check it and make it public again.
help-moderation-suspension = A suspended member cannot buy, publish services or send messages, and their services are paused. Their orders in progress continue or are cancelled and refunded, as the Yorozu team decides. Suspended members can still download their data and close their account once nothing stands in the way.

## Mail
mail-moderation-report-received-subject = [Yorozu] We received your report
mail-moderation-report-received-body = Thank you for reporting this { $target ->
        [service] service
        [profile] profile
        [message] message
       *[review] review
    }.

    The Yorozu team will review it and tell you the outcome by e-mail and in your report history. The member will not learn that you reported it.

    { $url }
mail-moderation-report-decided-subject = [Yorozu] Your report has been dealt with
mail-moderation-report-decided-body = The Yorozu team has dealt with your report.

    Outcome: { $outcome ->
        [dismiss] we found nothing against the terms
        [hide_service] the service was hidden
        [remove_content] the content was removed
        [warn] the member was warned
       *[suspend] the member was suspended
    }

    Your report history:

    { $url }
mail-moderation-warning-subject = [Yorozu] A warning from the Yorozu team
mail-moderation-warning-body = The Yorozu team is sending you a warning about your content.

    About: { $subject }
    Reason: { $reason }

    If it happens again, your account may be suspended. You can also read this notice here:

    { $url }
mail-moderation-service-hidden-subject = [Yorozu] Your service was hidden
mail-moderation-service-hidden-body = The Yorozu team has hidden your service “{ $subject }”.

    Reason: { $reason }

    Edit the service, then ask for a review from your services page. The Yorozu team will check it and make it public again.

    { $url }
mail-moderation-service-restored-subject = [Yorozu] Your service is public again
mail-moderation-service-restored-body = The Yorozu team has made your service “{ $subject }” public again.

    Comment: { $reason }

    { $url }
mail-moderation-content-removed-subject = [Yorozu] Your post was removed
mail-moderation-content-removed-body = The Yorozu team has removed your post.

    About: { $subject }
    Reason: { $reason }

    { $url }
mail-moderation-suspended-subject = [Yorozu] Your account was suspended
mail-moderation-suspended-body = The Yorozu team has suspended your account.

    Reason: { $reason }

    While suspended, you cannot buy, publish services or send messages, and your services are paused. You can still download your data and close your account.

    { $url }
mail-moderation-suspension-lifted-subject = [Yorozu] Your suspension was lifted
mail-moderation-suspension-lifted-body = The Yorozu team has lifted the suspension of your account. You can use Yorozu as before.

    Comment: { $reason }

    { $url }

## What happens to the data after withdrawal
data-reports-filed-name = Reports you filed
data-reports-filed-fate-kept = Kept in a form that does not identify you
data-reports-filed-why = What the Yorozu team was told stays, but who told it is erased. Reports about you and the notices from the team to you are erased.
