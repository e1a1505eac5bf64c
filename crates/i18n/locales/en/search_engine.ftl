# Search on the engine: counts per category beside the filters, and what an empty result
# page offers instead (nearest categories, popular searches).
search-facet-heading = Results by category
search-facet-count = { $count }
search-facet-any = All categories
search-nearest-heading = Categories where these words appear
search-popular-heading = Popular searches
