# Legal pages (terms of service, Specified Commercial Transactions Act disclosures) and the footer links
footer-terms = Terms of Service
footer-tokushoho = Specified Commercial Transactions Act disclosures
footer-privacy = Privacy policy

## Terms of Service
legal-terms-title = Terms of Service
legal-terms-lead = These Terms of Service (the "Terms") set out the conditions for using Yorozu, the skill marketplace provided by { $operator } ("we" or "us") (the "Service"). Members use the Service in accordance with these Terms.
legal-terms-toc = Contents
legal-terms-article-heading = Article { $number } ({ $title })
legal-terms-enacted = Enacted: November 24, 2026

legal-terms-application-title = Application
legal-terms-application-p1 = These Terms apply to every relationship concerning the use of the Service, between us and members and between members dealing with each other through the Service. Members use the Service after agreeing to these Terms.

legal-terms-definitions-title = Definitions
legal-terms-definitions-p1 = In these Terms, the following words have the following meanings.
legal-terms-definitions-item1 = "Seller" means a member who offers their skills on the Service as a service with a fixed price.
legal-terms-definitions-item2 = "Buyer" means a member who buys a service offered on the Service.
legal-terms-definitions-item3 = "Order" means one purchase of a service by a buyer and the seller's performance of that service.
legal-terms-definitions-item4 = "Talk room" means the place, one per order, where the seller and the buyer exchange messages and files.
legal-terms-definitions-item5 = "Formal delivery" means the delivery step the seller takes in the talk room, which the buyer approves or sends back.

legal-terms-registration-title = Registration
legal-terms-registration-p1 = Anyone who wishes to use the Service registers as a member in the way we provide. With one account, a member can use the Service both as a seller and as a buyer.
legal-terms-registration-p2 = Members keep their registered information accurate and up to date and are responsible for keeping their password safe. We may refuse a registration when the applicant has violated these Terms before or when we otherwise consider the registration inappropriate.

legal-terms-contract-title = Formation of an order
legal-terms-contract-p1 = An order is concluded between the buyer and the seller when the buyer, on the final confirmation screen, checks the details of the purchase (the service, options, price, service fee, payment method and delivery period) and confirms the purchase.
legal-terms-contract-p2 = We are not a party to orders; we provide the place for them and the means of paying for them. We hold the price the buyer paid until the order is completed.

legal-terms-fees-title = Prices and fees
legal-terms-fees-p1 = In addition to the price of the service, the buyer pays us a service fee of { $buyer_fee } of the price. When an order is completed, the seller receives as sales the price minus a selling fee of { $seller_fee }.
legal-terms-fees-p2 = Fees are rounded down to the nearest yen. Transferring sales to a bank account may be subject to the transfer fee shown on the payout request screen.

legal-terms-delivery-title = Delivery and approval
legal-terms-delivery-p1 = The seller makes a formal delivery in the talk room within the delivery period shown on the service page. The buyer checks the formal delivery and either approves it or sends it back asking for changes. A delivery may be sent back { $send_backs ->
    [one] only once
   *[other] at most { $send_backs } times
} per order.
legal-terms-delivery-p2 = If the buyer neither approves nor sends back a formal delivery within { $auto_approval_days ->
    [one] { $auto_approval_days } day
   *[other] { $auto_approval_days } days
}, it is approved automatically. Approval completes the order; after that, the delivery can no longer be sent back and the order can no longer be cancelled.

legal-terms-cancellation-title = Cancellation
legal-terms-cancellation-p1 = Until an order is completed, either the seller or the buyer may ask the other to cancel it. The other side answers within { $answer_hours ->
    [one] { $answer_hours } hour
   *[other] { $answer_hours } hours
} of the request whether they agree or refuse; if they do not answer by then, they are deemed to agree to the cancellation.
legal-terms-cancellation-p2 = If the buyer chose to pay later and has not paid within { $payment_hours ->
    [one] { $payment_hours } hour
   *[other] { $payment_hours } hours
} of ordering, the order is cancelled automatically.
legal-terms-cancellation-p3 = When an order is cancelled, the price and the service fee are refunded to the payment method used, and the points and coupons used for the order are restored.

legal-terms-prohibited-title = Prohibited conduct
legal-terms-prohibited-p1 = When using the Service, members must not:
legal-terms-prohibited-item1 = break the law or act against public order and morals;
legal-terms-prohibited-item2 = infringe copyrights, trademarks, publicity rights, privacy or other rights of others;
legal-terms-prohibited-item3 = propose paying or receiving the price outside the Service;
legal-terms-prohibited-item4 = register false information or impersonate another person;
legal-terms-prohibited-item5 = write reviews that do not reflect the facts, or offer an order on the condition of a particular review;
legal-terms-prohibited-item6 = disrupt the operation of the Service, for example by putting excessive load on its servers or network;
legal-terms-prohibited-item7 = do anything else we reasonably consider inappropriate.

legal-terms-withdrawal-title = Closing your account
legal-terms-withdrawal-p1 = Members may ask to close their account at any time from their account settings. However, while an order is not yet completed, a payout request has not yet been transferred, or a cancellation request awaits an answer, the account can be closed only after these are finished. Before closing their account, members can download the data we hold about them.
legal-terms-withdrawal-p2 = When an account is closed, the member's personal data is erased. Reviews the member wrote about other members are kept anonymised under the name "Former member", and records of orders and accounting are kept as the law requires.

legal-terms-disclaimer-title = Disclaimer
legal-terms-disclaimer-p1 = We do not guarantee the content, quality or lawfulness of the services members offer. A dispute between members about an order is settled between them; we help to settle it where needed.
legal-terms-disclaimer-p2 = We are not liable for damage that members suffer through using the Service, except where it is caused by our wilful misconduct or gross negligence. Where we are liable, our liability is limited to the fees we received for the order concerned, unless the Consumer Contract Act or another law does not allow this limit.

legal-terms-law-title = Governing law and jurisdiction
legal-terms-law-p1 = These Terms are governed by and construed under the laws of Japan. The Tokyo District Court has exclusive jurisdiction in the first instance over any dispute concerning the Service.

## Specified Commercial Transactions Act disclosures
legal-tokushoho-title = Disclosures under the Act on Specified Commercial Transactions
legal-tokushoho-operator = Seller (business operator)
legal-tokushoho-representative = Person responsible for operations
legal-tokushoho-address = Address
legal-tokushoho-phone = Phone number
legal-tokushoho-email = E-mail address
legal-tokushoho-price = Prices
legal-tokushoho-price-1 = The price shown on each service page (tax included)
legal-tokushoho-extra-fees = Charges other than the price
legal-tokushoho-extra-fees-1 = Service fee: { $buyer_fee } of the purchase price (paid at purchase)
legal-tokushoho-extra-fees-2 = Transfer fee for sales: charged when a seller asks for their sales to be transferred (the amount is shown on the payout request screen)
legal-tokushoho-extra-fees-3 = Internet connection and communication charges are borne by the customer
legal-tokushoho-payment-methods = Payment methods
legal-tokushoho-payment-methods-1 = Credit card, pay later (please pay by the payment deadline)
legal-tokushoho-payment-timing = Time of payment
legal-tokushoho-payment-timing-1 = Credit card: the payment is made at purchase
legal-tokushoho-payment-timing-2 = Pay later: please pay by the payment deadline ({ $payment_hours ->
    [one] { $payment_hours } hour
   *[other] { $payment_hours } hours
} after ordering)
legal-tokushoho-delivery = Time of service
legal-tokushoho-delivery-1 = After the payment is complete, within the delivery period stated on each service page
legal-tokushoho-cancellation = Cancellation and refunds
legal-tokushoho-cancellation-1 = Until an order is completed, either the seller or the buyer may ask to cancel it. The other side answers within { $answer_hours ->
    [one] { $answer_hours } hour
   *[other] { $answer_hours } hours
}; without an answer by then, they are deemed to agree to the cancellation.
legal-tokushoho-cancellation-2 = Refunds are made to the payment method used.
legal-tokushoho-cancellation-3 = Points and coupons used for the order are restored.
legal-tokushoho-environment = System requirements
legal-tokushoho-environment-1 = An up-to-date browser (the latest version of Google Chrome, Mozilla Firefox, Safari or Microsoft Edge)

## Privacy policy (/legal/privacy). The data table uses the data-* messages of withdrawal.ftl.
legal-privacy-title = Privacy policy
legal-privacy-lead = { $operator } ("we") handles the information that members entrust to the Yorozu skill marketplace as this page describes.
legal-privacy-use-heading = What we use it for
legal-privacy-use-p1 = We use it only to provide the service (registration and signing in, orders and talk rooms, payments, payouts of sales, identity verification, answering enquiries), to send the mail you asked for, and for statistics that help us improve the service. We do not give it to third parties without your consent unless the law requires it.
legal-privacy-use-p2 = We never store card numbers: only the payment provider's token, the card brand, the last four digits and the expiry date. Bank account numbers and holder names are stored encrypted.
legal-privacy-data-heading = Each kind of data, and what happens to it when you close your account
legal-privacy-data-lead = For each kind of data we hold: what happens to it when you close your account, why, and for how long. The account closing page and the receipt mailed when you close your account say exactly the same.
legal-privacy-data-caption = Each kind of data and what happens to it when you close your account
legal-privacy-withdrawal = You can close your account at any time. You can see where you stand and close it on this page:
legal-privacy-withdrawal-link = Closing your account
legal-privacy-contact-heading = Contact
legal-privacy-contact = For questions about how we handle personal data, please write to:
legal-privacy-hints = The numbers in improvement hints and category trends are aggregates (of each seller's own medians) shown only when at least { $min } sellers other than you have completed orders; other sellers' own numbers are never shown. Only orders completed before today are used, and orders made from a custom offer are left out. When a seller who ticked “My services do not sell” on the withdrawal page is shown improvement hints, we record only their member id and when they first saw them. When their data is erased after withdrawing, or when they are still using Yorozu { $days } days later, this becomes a count of “withdrew” or “stayed”, and the member id is erased at that moment.
