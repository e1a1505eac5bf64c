# アクセスの保護: APIトークンの範囲と有効期限、登録済みアドレスでの登録の試み

mail-sign-up-attempt-subject = 【よろず】このメールアドレスで会員登録が試みられました
mail-sign-up-attempt-body = このメールアドレスはすでによろずに登録されていますが、先ほど同じアドレスで新しく会員登録が試みられました。新しいアカウントは作成していません。

    ご本人の操作でしたら、下記からログインしてください。
    { $sign_in }

    パスワードをお忘れの場合は、下記から再設定できます。
    { $reset }

    お心当たりのない場合は、このメールを破棄してください。アカウントに変更はありません。

token-needs-confirmed-email = APIトークンを作成するには、先にメールアドレスの確認を完了してください。
token-scope-unknown = トークンの権限を「読み取りのみ」か「すべての操作」から選んでください。
token-lifetime-unknown = 有効期間を一覧から選んでください。
token-expired = このAPIトークンは有効期限が切れています。設定の「APIトークン」で延長するか、新しく作成してください。
token-read-only = このAPIトークンは読み取り専用のため、この操作はできません。
token-creation-needs-sign-in = APIトークンはAPIからは作成できません。サイトにログインし、設定の「APIトークン」でパスワードを入力して作成してください。

tokens-field-scope = 権限
tokens-scope-read = 読み取りのみ（情報の取得だけができます）
tokens-scope-full = すべての操作（出品や取引の操作もできます）
tokens-field-lifetime = 有効期間
tokens-lifetime-days = { $days }日
tokens-field-password = 現在のパスワード
tokens-field-password-hint = 本人確認のため、現在のパスワードを入力してください。
tokens-col-scope = 権限
tokens-scope-read-short = 読み取りのみ
tokens-scope-full-short = すべての操作
tokens-col-expires = 有効期限
tokens-expired = 期限切れ
tokens-renew = 期限を延長する
tokens-renew-label = 「{ $name }」の有効期限を今日から{ $days }日後まで延長する
flash-token-renewed = トークンの有効期限を延長しました。
