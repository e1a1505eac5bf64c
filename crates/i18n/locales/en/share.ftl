# Share kit: ready-to-post texts, the share page, the QR code and the Open Graph image.

share-text-x = I now offer "{ $title }" from ¥{ $price }. Feel free to get in touch! { $url }
share-text-facebook =
    I have listed a new service on the skill marketplace { site-name }.

    "{ $title }"
    Price: from ¥{ $price }

    For details or questions, please visit the page below.
    { $url }
share-text-line =
    I have listed a service on { site-name }.
    "{ $title }" from ¥{ $price }
    Please take a look if you are interested.
    { $url }
share-text-instagram =
    I have listed a new service on the skill marketplace { site-name } ✨

    "{ $title }"
    Price: from ¥{ $price }

    To order or ask a question, use the link in my profile or the URL below.
    { $url }

    #{ site-name } #skillshare
share-text-newsletter =
    Thank you for reading.

    I have started taking orders for a new service on the skill marketplace { site-name }.

    ■ { $title }
    ■ Price: from ¥{ $price }

    You can read the details and order on the page below.
    { $url }

    Questions are always welcome.

share-og-price = ¥{ $price }

share-title = Share "{ $title }"
share-lead = Texts ready to post on social networks and in newsletters: copy and post them as they are. Each link carries a tag for where it was posted (?src=…), so the Sources of your analytics show the views from each.
share-privacy = This page and the links it gives load no outside scripts or tracking tags.
share-network-x = X (formerly Twitter)
share-network-facebook = Facebook
share-network-line = LINE
share-network-instagram = Instagram
share-network-newsletter = Newsletter or e-mail
share-text-label = Text to post on { $network }
share-copy = Copy
share-copy-label = Copy the text for { $network }
share-copied = Copied.
share-copy-hint = You can also select the text and copy it.
share-open-x = Open a post on X
share-open-facebook = Share on Facebook
share-open-line = Send with LINE
share-open-new-tab = (opens in a new tab)
share-instagram-note = Instagram has no way to share a link from the web. Copy the text, download the image below and post from the Instagram app.
share-newsletter-note = Paste it into the body of your newsletter or e-mail.
share-link-label = Tagged link
share-qr-heading = QR code
share-qr-lead = A QR code to print on flyers, business cards or at your counter. Scanning it opens the service page, tagged ?src=qr.
share-qr-alt = QR code opening the page of "{ $title }"
share-qr-download = Download the QR code (SVG)
share-image-heading = Image for sharing
share-image-lead = Social networks show this image with your link. It is made from the service's title and price.
share-image-alt = Share image of "{ $title }"
share-image-download = Download the image (PNG)
share-image-missing = The share image cannot be made at the moment (the server has no font for it).
share-back-service = Back to the service page
share-back-analytics = See the analytics
share-link = Share
share-link-label-title = Share "{ $title }"
share-own-service = Share this service on social networks and in newsletters
