# シェア (share kit): ready-to-post texts, the share page, the QR code and the Open Graph image.

# The texts a seller posts. $title = the service's title, $price = its price (grouped digits),
# $url = the service's URL with the network's source tag.
share-text-x = 「{ $title }」を出品しました。¥{ $price }からご依頼いただけます。お気軽にご相談ください。 { $url }
share-text-facebook =
    スキルマーケット「{ site-name }」でサービスを出品しました。

    「{ $title }」
    料金：¥{ $price }〜

    内容の詳細やご相談は、こちらのページからお願いいたします。
    { $url }
share-text-line =
    「{ site-name }」でサービスを出品しました。
    「{ $title }」¥{ $price }〜
    よろしければご覧ください。
    { $url }
share-text-instagram =
    スキルマーケット「{ site-name }」でサービスを出品しました✨

    「{ $title }」
    料金：¥{ $price }〜

    ご依頼・ご相談は、プロフィールのリンクまたは下記のURLからお願いいたします。
    { $url }

    #{ site-name } #スキルシェア
share-text-newsletter =
    いつもご覧いただき、ありがとうございます。

    このたび、スキルマーケット「{ site-name }」で新しいサービスの受付を始めました。

    ■ { $title }
    ■ 料金：¥{ $price }〜

    詳しい内容とご依頼は、下記のページからご確認いただけます。
    { $url }

    ご質問やご相談も、お気軽にお寄せください。

# The Open Graph image's price ($price = grouped digits).
share-og-price = ¥{ $price }

# The share page.
share-title = 「{ $title }」をシェア
share-lead = SNSやメルマガに投稿する文章を用意しました。コピーしてそのまま投稿できます。リンクには投稿先ごとの目印（?src=…）が付いていて、アクセス解析の「アクセス元」で投稿先ごとの閲覧数を確認できます。
share-privacy = このページや投稿用リンクは、外部のスクリプトや計測タグを一切読み込みません。
share-network-x = X（旧Twitter）
share-network-facebook = Facebook
share-network-line = LINE
share-network-instagram = Instagram
share-network-newsletter = メルマガ・メール
share-text-label = { $network }に投稿する文章
share-copy = コピー
share-copy-label = { $network }の文章をコピー
share-copied = コピーしました。
share-copy-hint = 文章を選択してコピーすることもできます。
share-open-x = Xで投稿画面を開く
share-open-facebook = Facebookでシェアする
share-open-line = LINEで送る
share-open-new-tab = （新しいタブで開きます）
share-instagram-note = Instagramにはリンクを共有する仕組みがありません。文章をコピーし、下の画像をダウンロードして、Instagramのアプリから投稿してください。
share-newsletter-note = メルマガやメールの本文に貼り付けてお使いください。
share-link-label = タグ付きのリンク
share-qr-heading = QRコード
share-qr-lead = チラシや名刺、店頭に印刷できるQRコードです。読み取ると、目印（?src=qr）付きでサービスのページが開きます。
share-qr-alt = 「{ $title }」のページを開くQRコード
share-qr-download = QRコードをダウンロード（SVG）
share-image-heading = シェア用の画像
share-image-lead = リンクをSNSに投稿すると、この画像が表示されます。サービス名と料金から自動で作成されます。
share-image-alt = 「{ $title }」のシェア用画像
share-image-download = 画像をダウンロード（PNG）
share-image-missing = シェア用の画像は現在作成できません（サーバーにフォントがありません）。
share-back-service = サービスのページへ戻る
share-back-analytics = アクセス解析を見る
share-link = シェア
share-link-label-title = 「{ $title }」をシェア
share-own-service = このサービスをSNSやメルマガでシェアする
