# データのダウンロード（設定）: 申し込みのページ、アーカイブの状態、退会のページからの案内。

settings-nav-export = データのダウンロード
export-title = データのダウンロード
export-lead = よろずがあなたについて保有しているデータを、ZIP 形式のファイル（アーカイブ）にまとめてダウンロードできます。記録の保管や、ほかのサービスへの移行にお役立てください。

export-contents-heading = アーカイブに含まれるもの
export-contents-lead = アーカイブには、次のデータが含まれます。
export-contents-profile = プロフィール（表示名、自己紹介、アイコン画像など）
export-contents-services = 出品したサービス（オプション、よくある質問、画像を含む）
export-contents-orders = 購入・販売した取引
export-contents-messages = トークルームのメッセージと、やり取りしたファイル
export-contents-reviews = 受け取った評価と、あなたが書いた評価
export-contents-money = 売上、売上金の会計記録、振込申請
export-contents-points = ポイントの履歴と、使ったクーポン
export-contents-formats = 同じデータを、プログラムで読み取りやすい JSON 形式と、Excel などの表計算ソフトでそのまま開ける CSV 形式の両方で収録しています。ブラウザで開ける一覧（index.html）も入っていますので、特別なソフトがなくても内容を確認できます。
export-contents-others = 取引相手など、ほかの会員については、公開されている表示名だけを記載しています。ほかの会員のメールアドレスなどは含まれません。

export-signed-heading = 署名付きの評価データ
export-signed-text = アーカイブの reviews フォルダには、あなたが受け取った評価をまとめたファイルが、よろずの電子署名付きで入っています。署名を確かめると、内容が書き換えられていないことを誰でも確認できますので、ほかのサービスや取引先にあなたの実績を示すときにお使いいただけます。退会したあとも使えます。
export-signed-key = 署名の確認には、よろずの公開鍵を使います。
export-signed-key-link = よろずの公開鍵（JSON 形式）

export-how-mail = お申し込みのあと、アーカイブの作成を始めます。準備ができましたら、ご登録のメールアドレスにお知らせします。
export-how-valid = ダウンロードできるのは、準備ができてから{ $days }日間です。期限を過ぎたアーカイブは削除します。
export-how-once = お申し込みは{ $hours }時間に1回までです。

export-request-heading = お申し込み
export-request-submit = データのダウンロードを申し込む
export-request-next = 次のお申し込みは { $date } からできます。
export-flash-requested = お申し込みを受け付けました。アーカイブの準備ができましたら、メールでお知らせします。

export-status-heading = アーカイブの状態
export-status-none = まだお申し込みはありません。
export-status-requested-at = お申し込み日時: { $date }
export-status-queued = アーカイブの作成を待っています。このページは自動で更新されます。
export-status-building = アーカイブを作成しています（{ $percent }%）。このページは自動で更新されます。
export-status-progress-label = アーカイブの作成の進み具合
export-status-ready = アーカイブの準備ができました。
export-status-file-name = ファイル名
export-status-size = サイズ
export-status-until = ダウンロードの期限
export-status-until-value = { $date }まで
export-status-download = ダウンロードする
export-status-expired = 前回のアーカイブは、ダウンロードの期限が過ぎたため削除しました。必要な場合は、もう一度お申し込みください。
export-status-failed = 申し訳ありません。アーカイブを作成できませんでした。お手数ですが、もう一度お申し込みください。

export-withdrawal-hint = 退会すると、あなたのデータは削除され、あとから取り出すことはできません。退会の前に、データをダウンロードして保存しておくことをおすすめします。
export-erase-heading = 退会せずに、データの一部を削除する
export-erase-lead = 次のデータは、それぞれのページから個別に削除できます。進行中の取引や振込申請に必要なあいだは、理由をお示ししたうえで削除をお断りします。
export-erase-identity = 本人確認書類（削除しても「本人確認済み」の表示は残ります）
export-erase-bank = 振込先口座
export-erase-cards = 登録したクレジットカード
export-erase-avatar = プロフィールのアイコン
export-erase-listings = 出品したサービスとその画像
