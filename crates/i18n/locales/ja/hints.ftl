# Improvement hints (改善のヒント): /sales/hints, one service's hints, the sellers' category
# page (/sales/categories/…), the panel on the withdrawal page and the operators' numbers.
hints-title = 改善のヒント
hints-lead = サービスごとに、数字にもとづいた改善のヒントと、直すためのページへのリンクを表示します。
hints-services-heading = サービスごとのヒント
hints-link = 改善のヒント
hints-link-label = 「{ $title }」の改善のヒント
hints-count = ヒント{ $count }件
hints-count-none = 改善点はありません
hints-service-title = 「{ $title }」の改善のヒント
hints-service-lead = 数字は、このサービスと、同じカテゴリで取引が完了したことのある出品者の中央値を比べたものです。
hints-back = 改善のヒント（すべてのサービス）に戻る
hints-heading = 改善のヒント
hints-none = 今のところ、このサービスに改善が必要な点は見つかりませんでした。
hints-privacy = カテゴリの数値は{ $min }人以上の出品者の中央値です。ほかの出品者の個別の数字は表示しません。
hints-category-link = 「{ $category }」で売れているサービスの傾向
hints-duration-minutes = { $minutes }分
hints-duration-hours = { $minutes ->
    [0] { $hours }時間
   *[other] { $hours }時間{ $minutes }分
}
hints-duration-days = { $hours ->
    [0] { $days }日
   *[other] { $days }日{ $hours }時間
}
hints-images = 画像が{ $images }枚です。このカテゴリで売れているサービスの画像は中央値{ $median }枚です。
hints-images-none = 画像が登録されていません。作品例や納品イメージの画像があると、内容が伝わりやすくなります。
hints-fix-images = 画像を追加する
hints-faq = よくある質問（FAQ）が登録されていません。購入前の疑問に答えておくと、購入を決めやすくなります。
hints-fix-faq = よくある質問を追加する
hints-title-words = このサービスが表示された検索でよく使われた言葉が、タイトルに入っていません：{ $words }
hints-title-word = 「{ $word }」（{ $count }回）
hints-list-separator = 、
hints-fix-title = タイトルを見直す
hints-price-below = 価格{ $price }は、このカテゴリで取引が完了した価格の中央値{ $median }の{ $percent }%で、半分を下回っています。
hints-price-above = 価格{ $price }は、このカテゴリで取引が完了した価格の中央値{ $median }の{ $percent }%で、2倍を超えています。
hints-fix-price = 価格を見直す
hints-slow-replies = 最初の返信までの時間の中央値は{ $yours }です。このカテゴリで売れている出品者の中央値は{ $median }です。
hints-fix-replies = 取引のトークルームを確認する
hints-profile = プロフィールの充実度は{ $percent }%です。このカテゴリで売れている出品者の中央値は{ $median }%です。
hints-fix-profile = プロフィールを編集する
hints-category-title = 売れているサービスの傾向：{ $category }
hints-category-path = { $parent } › { $category }
hints-category-lead = このカテゴリで取引が完了したサービスの価格帯、お届け日数、出品者の数、評価の中央値です。数字はすべて集計値です。
hints-category-public = このカテゴリのサービス一覧
hints-cat-facts-heading = 概要
hints-cat-orders = 取引完了数
hints-orders-count = { $count }件
hints-cat-median-price = 価格の中央値
hints-cat-median-days = お届け日数の中央値
hints-days = { $days }日
hints-cat-listed-sellers = 出品している出品者の数
hints-cat-selling-sellers = 取引が完了した出品者の数（あなたを除く）
hints-sellers-fewer = { $min }人未満
hints-sellers-count = { $count }人
hints-cat-recent-sellers = 過去{ $days }日間に取引が完了した出品者の数
hints-cat-median-rating = 評価の中央値
hints-rating = { $rating }
hints-rating-none = まだ評価がありません
hints-cat-price-heading = 価格帯（取引完了）
hints-cat-price-desc = 取引が完了した出品者{ $count }人について、それぞれの価格（オプションを除く）の中央値がどの価格帯にあるかを数えた棒グラフです。取引の多い出品者も1人として数えます。
hints-cat-days-heading = お届け日数（取引完了）
hints-cat-days-desc = 取引が完了した出品者{ $count }人について、それぞれのお届け日数の中央値を日数ごとに数えた棒グラフです。
hints-band-money = { $from }〜{ $to }
hints-band-money-open = { $from }以上
hints-band-days = { $from }〜{ $to }日
hints-band-days-open = { $from }日以上
hints-category-privacy = ほかの出品者の個別の数字は表示しません。取引が完了した出品者が少ないカテゴリでは、数字を表示しません。
hints-category-too-small = このカテゴリは、取引が完了した出品者がまだ{ $min }人未満のため、数字を表示できません。ほかの出品者の数字がわかってしまわないようにするためです。

# The panel on the withdrawal page, shown when 「売れない」 is ticked.
withdrawal-hints-heading = 退会の前に：あなたのサービスの数字と改善のヒント
withdrawal-hints-lead = 「売れない」を選んだ方へ。過去{ $days }日間の数字と、サービスごとの改善のヒントです。退会の手続きはこのまま続けられます。
withdrawal-hints-totals = 検索表示{ $impressions }回・閲覧{ $views }回・お気に入り{ $favorites }件・購入{ $orders }件
withdrawal-hints-analytics = アクセス解析を見る
withdrawal-hints-all = 改善のヒントをすべて見る

# Operators' withdrawal statistics.
op-withdrawals-hints-heading = 改善のヒントを見た会員
op-withdrawals-hints-lead = 退会ページで「売れない」を選び、改善のヒントが表示された会員のその後です（過去12か月）。{ $days }日後も利用を続けていれば「継続」、退会してデータが消去されていれば「退会」です。会員IDは結果が決まった時点で消去し、件数だけを残します。
op-withdrawals-hints-settled = ヒントを見て結果が決まった会員
op-withdrawals-hints-withdrew = そのうち退会
op-withdrawals-hints-stayed = そのうち継続
op-withdrawals-hints-pending = 結果待ち（{ $days }日未満）
op-withdrawals-hints-value = { $count }人
op-withdrawals-hints-share = { $count }人（{ $percent }%）

# The seller's services list (/settings/listings) and the analytics page.
hints-category-short = カテゴリの傾向
hints-category-short-label = 「{ $title }」のカテゴリで売れているサービスの傾向
hints-analytics-more = 改善のヒントのページを開く
hints-see-category = このカテゴリで売れているサービスの傾向を見る
export-section-withdrawal_hints_seen = 退会ページで改善のヒントを表示した記録
