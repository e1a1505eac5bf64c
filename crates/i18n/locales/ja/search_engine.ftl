# Search on the engine: counts per category beside the filters, and what an empty result
# page offers instead (nearest categories, popular searches).
search-facet-heading = カテゴリ別の件数
search-facet-count = { $count }件
search-facet-any = すべてのカテゴリ
search-nearest-heading = この言葉が見つかるカテゴリ
search-popular-heading = よく検索されている言葉
