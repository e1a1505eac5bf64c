## フォロー
follow-button-follow = フォローする
follow-button-unfollow = フォローを解除する
follow-state-on = フォロー中
follow-followers = フォロワー { $count }人
follow-self = ご自身をフォローすることはできません。
follow-blocked = ブロックしている、またはブロックされている相手はフォローできません。
follow-seller-unavailable = この出品者は現在フォローできません。
flash-follow-added = フォローしました。新しいサービスが出品されるとお知らせします。
flash-follow-removed = フォローを解除しました。
following-title = フォロー中の出品者
following-empty = フォローしている出品者はまだいません。出品者のプロフィールやサービスページからフォローできます。
following-since = { $date }からフォロー
fans-title = フォロワーとお気に入り登録
fans-intro = あなたをフォローした方と、あなたのサービスをお気に入りに登録した方です。名前の公開をオフにしている方は「非公開の会員」と表示され、人数には含まれます。
fans-followers-heading = フォロワー（{ $count }人）
fans-favouriters-heading = お気に入り登録（{ $count }件）
fans-hidden = 非公開の会員
fans-empty = まだいません。
fans-col-member = 会員
fans-col-service = サービス
fans-col-date = 日付
sales-followers = フォロワー: { $count }人
sales-fans-link = フォロワーとお気に入り登録を見る
settings-nav-privacy = プライバシー
privacy-title = プライバシー設定
privacy-listed-label = フォローやお気に入り登録をしたとき、出品者に自分の名前を表示する
privacy-listed-hint = オフにすると、出品者には「非公開の会員」と表示されます（フォロワー数・お気に入り数には数えられます）。
privacy-save = 保存する
flash-privacy-saved = プライバシー設定を保存しました。
mail-followed-seller-new-service-subject = 【よろず】フォロー中の{ $seller }さんが新しいサービスを出品しました
mail-followed-seller-new-service-body = フォロー中の{ $seller }さんが新しいサービスを出品しました。

    { $title }
    { $url }

    このお知らせは、通知設定の「お気に入り・フォロー中の出品者の新着情報」でメール・サイト内それぞれ停止できます。

## 友達招待
settings-nav-invite = 友達招待
invite-title = 友達招待
invite-intro = 下記のリンクからお友達が会員登録し、初めてのご購入が完了すると、お友達に{ $invitee }ポイント、あなたに{ $inviter }ポイントをお贈りします（あなたへの特典は月{ $cap }回まで）。
invite-link-label = あなたの招待リンク（コピーしてお送りください）
invite-share-text = よろず（スキルマーケット）に招待します。このリンクから登録して初めてのご購入が完了すると、{ $invitee }ポイントがもらえます。 { $url }
invite-share-label = そのまま送れる招待文
invite-counts = 招待した人数: { $invited }人 ／ 特典が付与された人数: { $rewarded }人
invite-points-note = ポイントの有効期限は、最後にポイントを獲得した日から1年間です。
invite-own-code = ご自身の招待リンクは使えません。お友達にお送りください。
invite-landing-title = 友達招待
invite-landing-body = { $name }さんからの招待です。会員登録して初めてのご購入が完了すると、{ $points }ポイントを差し上げます。
invite-landing-signup = 会員登録する
invite-landing-unknown = この招待リンクは使えません。
my-points-kind-invite_reward = 友達招待特典
my-points-note-invite_reward = 友達招待特典（招待による初めてのご購入の完了）
operator-invitations-title = 友達招待の状況
operator-invitations-totals = 招待による登録: { $invitations }人 ／ 特典の付与: { $rewards }件
operator-invitations-col-inviter = 招待した会員
operator-invitations-col-invited = 招待した人数
operator-invitations-col-rewarded = 特典付与
operator-invitations-empty = まだ招待による登録はありません。
operator-nav-invitations = 友達招待
export-section-following = フォロー中の出品者
export-section-followers = フォロワー（日時のみ）
export-section-invite_code = 招待コード
export-section-invitations_sent = 招待して登録した会員
export-section-invite_rewards = 友達招待特典
data-follows-and-invitations-name = フォローと友達招待
data-follows-and-invitations-fate-erased = 完全に削除
data-follows-and-invitations-why = あなたがフォローしている出品者、あなたのフォロワー、招待コード、招待の記録を削除します。友達招待特典として付与されたポイントの記録は、ほかのポイントと同じく保管します。特典を受け取った場合は、同じメールアドレスで登録し直して特典を重ねて受け取れないよう、そのアドレスを元に戻せない形（鍵付きハッシュ）でのみ残します。
