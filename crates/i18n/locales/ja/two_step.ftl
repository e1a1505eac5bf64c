# 二段階認証（TOTP）、重要な操作の前の再認証、振込先口座の変更後の保留

## エラー・コード
two-step-required = 二段階認証のコードを入力してください。
reauth-required = 安全のため、パスワード（二段階認証をお使いの場合はコードも）をもう一度入力してください。
two-step-code-required = 認証アプリに表示されている6桁のコードを入力してください。
two-step-code-wrong = コードが正しくないか、すでに使われています。認証アプリに表示されている最新のコードを入力してください。
two-step-already-on = 二段階認証はすでに有効です。
two-step-no-setup = 設定を最初からやり直してください。
two-step-not-on = 二段階認証は有効になっていません。
two-step-challenge-expired = 確認の有効期限が切れました。もう一度ログインしてください。
payout-bank-account-held = 振込先の登録・変更から{ $hours }時間は振込申請できません（{ $until }まで）。

## ログインの2段階目
two-step-login-title = 二段階認証
two-step-login-lead = 認証アプリに表示されている6桁のコードを入力してください。
two-step-field-code = 確認コード
two-step-field-code-hint-recovery = 認証アプリを使えないときは、リカバリーコード（例: abcd-efgh-2345）を入力できます。各リカバリーコードは1回だけ使えます。
two-step-login-submit = 確認してログイン
two-step-login-restart = 最初からログインし直す

## 設定
settings-nav-two-step = 二段階認証
two-step-title = 二段階認証
two-step-lead = ログインのとき、パスワードに加えて認証アプリ（Google Authenticator、Microsoft Authenticator、1Password など）のコードを求めます。パスワードが知られても、アカウントと売上金を守れます。
two-step-required-operator = 運営コンソールを使うには、二段階認証の設定が必要です。
two-step-setup-heading = 二段階認証を設定する
two-step-setup-step-app = スマートフォンに認証アプリを入れます。
two-step-setup-step-scan = アプリでこのQRコードを読み取ります。読み取れない場合は、下のキーを手で入力してください。
two-step-setup-qr-alt = 認証アプリに登録するためのQRコード
two-step-setup-secret-label = 設定キー:
two-step-setup-step-code = アプリに表示された6桁のコードを入力して、設定を完了します。
two-step-setup-submit = 二段階認証を有効にする
two-step-on-heading = 二段階認証は有効です
two-step-on-since = { $date }に有効にしました。
two-step-recovery-left = 未使用のリカバリーコード: { $count }個
two-step-off-heading = 二段階認証を無効にする
two-step-off-lead = 無効にするには、パスワードと確認コード（またはリカバリーコード）を入力してください。
two-step-off-submit = 二段階認証を無効にする
two-step-flash-disabled = 二段階認証を無効にしました。
two-step-flash-enabled = 二段階認証を有効にしました。
two-step-recovery-title = リカバリーコード
two-step-recovery-heading = リカバリーコードを保管してください
two-step-recovery-lead = スマートフォンをなくしたときなど、認証アプリを使えないときにコードの代わりに入力できます。各コードは1回だけ使えます。このページを離れると二度と表示されませんので、印刷するか安全な場所に保存してください。
two-step-recovery-done = 保存しました

## 再認証
reauth-title = 本人確認
reauth-lead = 大切な操作の前に、本人確認をお願いしています。確認から{ $minutes }分間は、もう一度たずねません。
reauth-submit = 確認する
reauth-continue = 本人確認をして続ける
reauth-needed-bank = 振込先口座を登録・変更するには、パスワードでの本人確認が必要です。
reauth-needed-payout = 振込申請の前に、パスワードでの本人確認が必要です。

## 振込先口座の変更
bank-settings-change-notice = 振込先を登録・変更すると、メールでお知らせし、その後{ $hours }時間は振込申請ができません（不正な変更から売上金を守るためです）。
bank-settings-held = この口座への振込申請は{ $until }からできます。
sales-bank-held = 振込先の変更から{ $hours }時間は振込申請できません（{ $until }まで）。

## メール
mail-two-step-enabled-subject = 【よろず】二段階認証が有効になりました
mail-two-step-enabled-body = アカウントの二段階認証が有効になりました。これからはログインのとき、パスワードに加えて認証アプリのコードが必要です。

    お心当たりのない場合は、すぐにパスワードを変更し、運営までご連絡ください。
    { $url }
mail-two-step-disabled-subject = 【よろず】二段階認証が無効になりました
mail-two-step-disabled-body = アカウントの二段階認証が無効になりました。

    お心当たりのない場合は、すぐにパスワードを変更して二段階認証を設定し直し、運営までご連絡ください。
    { $url }
mail-bank-account-changed-subject = 【よろず】振込先口座が変更されました
mail-bank-account-changed-body = 売上金の振込先口座が次の口座に登録・変更されました。

    { $bank } { $branch } 口座番号 { $number }

    安全のため、{ $until }までこの口座への振込申請はできません。
    お心当たりのない場合は、すぐにパスワードを変更し、振込先口座を確認のうえ、運営までご連絡ください。
    { $url }
