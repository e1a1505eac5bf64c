# Your data: the archive's index.html and the "ready" mail.

export-index-title = { $name }'s data (Yorozu)
export-index-lead = This is everything Yorozu holds about you. The same data is in JSON for machines (data/) and in CSV for spreadsheets (csv/). Other members appear only by their public display name (empty for members who have left). Times are Unix seconds; amounts are yen.
export-index-files = Your avatar, service images and the files exchanged in talk rooms are in the files/ folder. The data format is described in schema/export.schema.json.
export-index-signed = The reviews/ folder holds the reviews you received, signed by Yorozu. You can use them to prove your track record, also after leaving (see reviews/README.txt for how to check them).

export-section-profile = Profile
export-section-services = Your services
export-section-service_options = Service options
export-section-service_faqs = Service FAQ
export-section-service_images = Service images
export-section-orders = Orders (purchases and sales)
export-section-messages = Talk-room messages
export-section-attachments = Talk-room files
export-section-reviews_received = Reviews you received
export-section-reviews_given = Reviews you wrote
export-section-sales = Sales
export-section-ledger = Sales balance ledger
export-section-payouts = Payout requests
export-section-points = Points
export-section-coupons = Coupons you used
export-section-disputes = Disputes
export-section-dispute_statements = Dispute statements
export-section-reports_filed = Reports you filed

export-reviews-readme = This bundle lists the reviews you received on { $site }, signed by the platform (Ed25519ph, context { $format }, key id { $id }). Anyone can check that it has not been changed.
    Public key: { $url }
      { $key }
    Check it with:  yorozu verify-reviews reviews.json reviews.json.sig --public-key { $key }

mail-export-ready-subject = [Yorozu] Your data is ready to download
mail-export-ready-body = The archive of your data (a ZIP file) you asked for is ready. You can download it from the page below for { $days } days.

    { $url }

    It holds your profile, services, orders, messages, reviews, sales, points and more. Please keep it safe.
