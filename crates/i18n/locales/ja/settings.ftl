# 設定（共通のサイドナビゲーション）
settings-nav-label = 設定メニュー
settings-nav-profile = プロフィール
settings-nav-account = アカウント
settings-nav-notifications = 通知設定
settings-nav-sessions = ログイン中の端末
settings-nav-tokens = APIトークン
settings-nav-identity = 本人確認

# アカウント（メールアドレス・パスワード）
account-title = アカウント
account-email-heading = メールアドレス
account-email-current = 現在のメールアドレス
account-email-confirmed = 確認済み
account-email-unconfirmed = 未確認
account-email-unconfirmed-help = メールアドレスの確認がまだ完了していません。登録時にお送りしたメールのリンクを開いてください。メールが見当たらない場合は、確認メールを再送できます。
account-change-email-heading = メールアドレスの変更
account-change-email-lead = 新しいメールアドレスに確認用のリンクをお送りします。リンクを開いた時点で変更が完了します。それまでは現在のアドレスのままです。
account-field-new-email = 新しいメールアドレス
account-password-confirm-hint = 本人であることを確かめるため、現在のパスワードを入力してください。
account-change-email-submit = 確認メールを送る
account-change-password-heading = パスワードの変更
account-change-password-lead = 変更すると、この端末以外のすべての端末からログアウトされます。
account-change-password-submit = パスワードを変更する
flash-email-change-sent = 新しいメールアドレスに確認用のリンクをお送りしました。メールのリンクを開くと変更が完了します。
flash-password-changed = パスワードを変更しました。この端末以外からはログアウトしました。

# 通知設定
notifications-title = 通知設定
notifications-lead = よろずからお送りするメールのうち、受け取るものを選べます。
notifications-legend = 受け取るメール
notifications-locked = アカウントやお取引・お支払いに関する大切なお知らせのため、停止できません。
notifications-hint-messages = トークルームに新しいメッセージが届いたときにお知らせします。
notifications-hint-favorites = フォロー中の出品者が新しいサービスを出品したときなどにお知らせします。
notifications-hint-recommendations = あなたに合いそうなサービスをご案内します。ご希望の方にだけお送りします。
notifications-hint-newsletter = キャンペーンや新機能をお知らせするメルマガです。ご希望の方にだけお送りします（オプトイン）。いつでも配信を停止できます。
notifications-confirm-first = メールアドレスの確認が完了すると選べるようになります。
notifications-submit = 設定を保存する
flash-notifications-saved = 通知設定を保存しました。
settings-notifications-unknown = 選択された通知の種類が正しくありません。ページを再読み込みしてから、もう一度お試しください。
settings-transactional-locked = アカウントやお取引に関するお知らせは停止できません。

# ログイン中の端末
sessions-title = ログイン中の端末
sessions-lead = 現在あなたのアカウントにログインしている端末の一覧です。心当たりのない端末があれば、ログアウトさせてからパスワードを変更してください。
sessions-caption = 端末の種類は、ブラウザーから送られる情報をもとに推測しています。
sessions-col-ip = IPアドレス
sessions-col-signed-in = ログイン日時
sessions-col-last-active = 最終利用日時
sessions-this-device = この端末
sessions-unknown-device = 不明な端末
sessions-revoke = ログアウトさせる
sessions-revoke-label = { $device }（{ $ip }）をログアウトさせる
sessions-revoke-others = 他のすべての端末からログアウト
sessions-none-others = ほかにログインしている端末はありません。
flash-session-revoked = 選択した端末をログアウトさせました。
flash-sessions-revoked-others = この端末以外のすべての端末からログアウトしました。

# APIトークン
tokens-title = APIトークン
tokens-lead = APIトークンを使うと、ご自身のプログラムからよろずのAPI（/api/v1）を利用できます。トークンはパスワードと同じように大切に扱い、他の人には教えないでください。
tokens-example-heading = 使い方の例
tokens-example-lead = リクエストの Authorization ヘッダーにトークンを付けて送信します。
tokens-create-heading = 新しいトークンを作成
tokens-field-name = トークンの名前
tokens-field-name-hint = 用途がわかる名前を付けてください（例: 売上集計スクリプト）。50文字以内。
tokens-create-submit = トークンを作成する
tokens-created-heading = トークンを作成しました
tokens-created-secret-label = 「{ $name }」のトークン
tokens-created-copy = 全体を選択してコピーし、パスワード管理ツールなどの安全な場所に保管してください。
tokens-created-once = このトークンは今回しか表示されません。なくした場合は、このトークンを無効にして新しく作成してください。
tokens-list-heading = 作成済みのトークン
tokens-none = まだトークンはありません。
tokens-col-created = 作成日時
tokens-col-last-used = 最終使用日時
tokens-never-used = 未使用
tokens-revoke = 無効にする
tokens-revoke-label = 「{ $name }」を無効にする
flash-token-revoked = トークンを無効にしました。このトークンではもうAPIを利用できません。
token-name-empty = トークンの名前を入力してください。
token-name-too-long = トークンの名前は{ $max }文字以内で入力してください（改行などは使えません）。
token-limit-reached = 作成できるトークンの上限に達しています。使っていないトークンを無効にしてから作成してください。
