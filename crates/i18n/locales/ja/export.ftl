# データのダウンロード: アーカイブの中の index.html、準備完了のメール。

export-index-title = { $name }さんのデータ（よろず）
export-index-lead = よろずがあなたについて保有しているデータの一覧です。機械で読み取るための JSON（data/）と、表計算ソフトで開ける CSV（csv/）も同じ内容です。ほかの会員は、公開されている表示名だけで記載しています（退会した会員は空欄です）。時刻は UNIX 時間（秒）、金額は円です。
export-index-files = アイコン、サービスの画像、トークルームでやり取りしたファイルは files/ フォルダに入っています。データ形式の説明は schema/export.schema.json にあります。
export-index-signed = reviews/ フォルダには、あなたが受け取った評価に、よろずが電子署名したものが入っています。退会後も、あなたの実績を証明するために使えます（確認方法は reviews/README.txt をご覧ください）。

export-section-profile = プロフィール
export-section-services = 出品したサービス
export-section-service_options = サービスのオプション
export-section-service_faqs = サービスのよくある質問
export-section-service_images = サービスの画像
export-section-orders = 取引（購入・販売）
export-section-messages = トークルームのメッセージ
export-section-attachments = トークルームのファイル
export-section-reviews_received = 受け取った評価
export-section-reviews_given = 書いた評価
export-section-sales = 売上
export-section-ledger = 売上金の会計記録
export-section-payouts = 振込申請
export-section-points = ポイント
export-section-coupons = 使ったクーポン
export-section-disputes = トラブル相談
export-section-dispute_statements = トラブル相談の申し立て
export-section-reports_filed = 送った通報

export-reviews-readme = このフォルダの reviews.json は、あなたが { $site } で受け取った評価の一覧に、よろずが電子署名（Ed25519ph、コンテキスト { $format }、鍵ID { $id }）をしたものです。内容が書き換えられていないことを、誰でも確かめられます。
    公開鍵: { $url }
      { $key }
    確かめ方:  yorozu verify-reviews reviews.json reviews.json.sig --public-key { $key }

mail-export-ready-subject = 【よろず】データのダウンロードの準備ができました
mail-export-ready-body = ご依頼いただいた、あなたのデータのアーカイブ（ZIP 形式）の準備ができました。次のページからダウンロードできます。ダウンロードできるのは { $days }日間です。

    { $url }

    アーカイブには、プロフィール、出品したサービス、取引、メッセージ、評価、売上、ポイントなどが含まれます。大切に保管してください。
