# APIリファレンス（/api/v1/docs）と、そこへのリンク
api-docs-title = APIリファレンス
api-docs-intro = よろずのAPI（/api/v1）で使えるすべての操作と、リクエスト・レスポンスの形をまとめています。内容はサーバーが公開しているOpenAPI文書から表示しています。
api-docs-auth = APIを使うには、リクエストの Authorization ヘッダーにAPIトークンを付けて送信します。トークンは設定画面で作成できます。
api-docs-tokens-link = APIトークンを管理する
api-docs-spec-link = OpenAPI文書（JSON）をダウンロード
api-docs-noscript = リファレンスの表示にはJavaScriptが必要です。JavaScriptを使わない場合は、OpenAPI文書（JSON）を直接ご覧ください。
api-docs-link = APIリファレンスを見る
help-api-heading = 自分のプログラムからよろずを使えますか？
help-api-text = はい。APIトークンを作成すると、JSON API（/api/v1）から出品の検索や取引の確認などができます。使える操作はAPIリファレンスで確認できます。
