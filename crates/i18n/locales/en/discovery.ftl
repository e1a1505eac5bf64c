# Finding and looking at services (header search, home sections, service page, search, categories, favourites)

## Header
header-search-label = Search services
header-search-placeholder = e.g. business card, translation, logo
header-search-submit = Search
nav-favorites = Favourites

## Service card
card-rating-label = Rating
card-rating = { $rating } ({ $count })
card-delivery = Delivery in { $days ->
    [one] { $days } day
   *[other] { $days } days
}

## Home
home-categories = Browse by category
home-new-services = New services
home-popular-services = Popular services
home-services-empty = No services have been published yet.
home-see-new = See more new services
home-see-popular = See more popular services

## Service page
service-breadcrumb = You are here
service-home = Home
service-gallery = Images of the service
service-image-alt = { $title }, image { $n }
service-gallery-show = Show image { $n }
service-no-image = No images yet
service-price = Price
service-delivery = Delivery
service-delivery-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
service-revisions = Revisions
service-revisions-count = Up to { $count }
service-revisions-unlimited = Unlimited
service-description = About this service
service-options = Paid options
service-option-name = Option
service-option-price = Price
service-faq = Frequently asked questions
service-buyer-notes = Before you buy
service-buy = Continue to purchase
service-vacation = The seller is on a break (until { $date }).
service-not-purchasable = This service cannot be bought at the moment.
service-paused-notice = This service is paused. Others see only that it is paused, and nobody can buy it.
service-paused-public = This service is paused at the moment and cannot be bought.
service-paused-browse = Find similar services
service-draft-notice = This service is a draft. Until you publish it, it is shown only to you.
service-edit = Edit this service
service-manage = Manage your services
service-seller = Seller
service-seller-rating = Rating
service-seller-sales = Sales
service-seller-sales-count = { $count }
service-seller-since = Member since
service-seller-profile = View profile
service-rating = Rating
service-rating-summary = { $rating } out of 5 ({ $count ->
    [one] { $count } rating
   *[other] { $count } ratings
})
service-rating-none = No ratings yet.
service-share = Share this service
service-share-x = Share on X (Twitter)
service-share-facebook = Share on Facebook
service-share-line = Send with LINE
service-share-new-tab = (opens in a new tab)
service-share-url = Link to this page
service-copy = Copy link
service-copied = Link copied.
service-favorite-add = Add to favourites
service-favorite-remove = Remove from favourites
service-favorite-count = { $count ->
    [one] { $count } person has favourited this
   *[other] { $count } people have favourited this
}
flash-favorite-added = Added to your favourites.
flash-favorite-removed = Removed from your favourites.

## Search
search-title = Find services
search-results-for = Results for “{ $q }”
search-keyword = Keywords
search-filters = Filters
search-category = Category
search-category-any = All categories
search-category-all-of = { $name } (all)
search-price = Price (yen)
search-min-price = From
search-max-price = To
search-price-hint = Digits only, e.g. 3000.
search-days = Delivery
search-days-any = Any
search-days-within = Within { $days ->
    [one] { $days } day
   *[other] { $days } days
}
search-rating = Rating
search-rating-any = Any
search-rating-min = { $rating } and up
search-verified = Identity-verified sellers only
search-submit = Apply filters
search-clear = Clear filters
search-sort = Sort by
search-sort-recommended = Recommended
search-sort-new = Newest
search-sort-price-low = Price: low to high
search-sort-price-high = Price: high to low
search-sort-rating = Highest rated
search-sort-sales = Most sales
search-results = Results
search-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
search-count-capped = More than { $count } services
search-empty = No services match your search.
search-empty-hint-shorter = Try fewer or different keywords (for example “card” instead of “business card design”).
search-empty-hint-filters = Try removing filters such as price or rating.
search-empty-clear = Search without filters
search-empty-categories = Browse by category
search-pagination = Pages
search-prev = Previous page
search-next = Next page
search-page = Page { $page }
search-page-of = Page { $page } of { $pages }

## Category page
browse-title = Services in { $name }
browse-subcategories = Categories in { $name }

## Favourites
favorites-title = Favourites
favorites-lead = The services you have favourited. Services that are no longer published are not shown.
favorites-empty = You have no favourites yet. Press “Add to favourites” on a service page and it will appear here.
favorites-find = Find services

## A seller's profile page
profile-services = Services
profile-services-empty = No published services yet.
profile-reviews = Ratings and reviews
