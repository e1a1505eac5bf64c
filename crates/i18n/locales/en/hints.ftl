# Improvement hints: /sales/hints, one service's hints, the sellers' category page
# (/sales/categories/…), the panel on the withdrawal page and the operators' numbers.
hints-title = Improvement hints
hints-lead = For each service, hints based on its numbers, with a link to the page where you can act on them.
hints-services-heading = Hints per service
hints-link = Improvement hints
hints-link-label = Improvement hints for “{ $title }”
hints-count = { $count ->
    [one] 1 hint
   *[other] { $count } hints
}
hints-count-none = Nothing to improve
hints-service-title = Improvement hints for “{ $title }”
hints-service-lead = The numbers compare this service with the median of sellers who have completed an order in the same category.
hints-back = Back to improvement hints (all services)
hints-heading = Improvement hints
hints-none = We found nothing this service needs to improve for now.
hints-privacy = Category numbers are medians over at least { $min } sellers. Other sellers' own numbers are never shown.
hints-category-link = What sells in “{ $category }”
hints-duration-minutes = { $minutes } min
hints-duration-hours = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
hints-duration-days = { $hours ->
    [0] { $days } d
   *[other] { $days } d { $hours } h
}
hints-images = The service has { $images ->
    [one] 1 image
   *[other] { $images } images
}. Selling services in this category have a median of { $median }.
hints-images-none = The service has no images yet. Examples of your work or of what you deliver make it easier to understand.
hints-fix-images = Add images
hints-faq = The service has no FAQ yet. Answering buyers' questions before they ask makes it easier to decide.
hints-fix-faq = Add FAQ entries
hints-title-words = Words often searched when this service was shown are missing from its title: { $words }
hints-title-word = “{ $word }” ({ $count ->
    [one] once
   *[other] { $count } times
})
hints-list-separator = , 
hints-fix-title = Review the title
hints-price-below = The price { $price } is { $percent }% of the median completed-order price in this category ({ $median }): under half.
hints-price-above = The price { $price } is { $percent }% of the median completed-order price in this category ({ $median }): over double.
hints-fix-price = Review the price
hints-slow-replies = Your median time to a first reply is { $yours }. Selling sellers in this category have a median of { $median }.
hints-fix-replies = Open your orders' talk rooms
hints-profile = Your profile is { $percent }% complete. Selling sellers in this category have a median of { $median }%.
hints-fix-profile = Edit your profile
hints-category-title = What sells: { $category }
hints-category-path = { $parent } › { $category }
hints-category-lead = Price bands, delivery days, numbers of sellers and the median rating of services with completed orders in this category. Every number is an aggregate.
hints-category-public = Services in this category
hints-cat-facts-heading = Overview
hints-cat-orders = Completed orders
hints-orders-count = { $count ->
    [one] 1 order
   *[other] { $count } orders
}
hints-cat-median-price = Median price
hints-cat-median-days = Median delivery days
hints-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
hints-cat-listed-sellers = Sellers with a listed service
hints-cat-selling-sellers = Sellers with a completed order (you excluded)
hints-sellers-fewer = Fewer than { $min }
hints-sellers-count = { $count ->
    [one] 1 seller
   *[other] { $count } sellers
}
hints-cat-recent-sellers = Sellers with a completed order in the last { $days } days
hints-cat-median-rating = Median rating
hints-rating = { $rating }
hints-rating-none = No ratings yet
hints-cat-price-heading = Price bands (completed orders)
hints-cat-price-desc = A bar chart of { $count } sellers with completed orders: how many have their median price (options excluded) in each price band. A seller with many orders counts once.
hints-cat-days-heading = Delivery days (completed orders)
hints-cat-days-desc = A bar chart of { $count } sellers with completed orders: how many have their median delivery days in each band.
hints-band-money = { $from } to { $to }
hints-band-money-open = { $from } or more
hints-band-days = { $from } to { $to } days
hints-band-days-open = { $from } days or more
hints-category-privacy = Other sellers' own numbers are never shown. A category with few sellers who completed orders shows no numbers.
hints-category-too-small = This category has fewer than { $min } sellers with a completed order, so no numbers are shown: they could reveal another seller's own figures.

# The panel on the withdrawal page, shown when “My services do not sell” is ticked.
withdrawal-hints-heading = Before you go: your services' numbers and improvement hints
withdrawal-hints-lead = Since you chose “My services do not sell”: your numbers over the last { $days } days and hints for each service. You can still continue with the withdrawal below.
withdrawal-hints-totals = { $impressions } search impressions · { $views } views · { $favorites } favourites · { $orders } orders
withdrawal-hints-analytics = See analytics
withdrawal-hints-all = See all improvement hints

# Operators' withdrawal statistics.
op-withdrawals-hints-heading = Members who saw improvement hints
op-withdrawals-hints-lead = What became of members shown improvement hints on the withdrawal page after ticking “My services do not sell” (last 12 months). “Stayed”: still using Yorozu { $days } days later; “withdrew”: withdrew and their data was erased. The member's id is erased once the outcome is known; only counts are kept.
op-withdrawals-hints-settled = Members who saw hints, outcome known
op-withdrawals-hints-withdrew = Of them, withdrew
op-withdrawals-hints-stayed = Of them, stayed
op-withdrawals-hints-pending = Outcome pending (under { $days } days)
op-withdrawals-hints-value = { $count }
op-withdrawals-hints-share = { $count } ({ $percent }%)

# The seller's services list (/settings/listings) and the analytics page.
hints-category-short = Category trends
hints-category-short-label = What sells in the category of “{ $title }”
hints-analytics-more = Open the improvement hints page
hints-see-category = See what sells in this category
export-section-withdrawal_hints_seen = When the withdrawal page showed you improvement hints
