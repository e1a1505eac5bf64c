# Web-layer protections: the local mailbox's key, the language switch's return address.

error-mailbox-key = 受信箱を開くには、サーバー起動時に表示された受信箱のリンク（鍵付き）を開くか、運営者としてログインしてください。

lang-next-unreadable = 戻り先のページのアドレスを読み取れませんでした。ページ下部の言語切り替えからお試しください。
legal-privacy-security-heading = 安全管理のための措置
legal-privacy-security-p1 = パスワードは元に戻せない形（Argon2id）でだけ保存します。二段階認証（認証アプリのワンタイムコード）を設定でき、振込先口座の変更、振込申請、メールアドレスやパスワードの変更、APIトークンの作成、退会の前には、パスワード（二段階認証が有効ならコードも）をもう一度お尋ねします。
legal-privacy-security-p2 = 振込先の口座番号と名義、二段階認証の秘密鍵、アップロードされたファイルは暗号化して保存します。振込先を変更したときはメールでお知らせし、変更から72時間は振込申請をお受けしません。
legal-privacy-security-p3 = 通信は HTTPS で保護し、ログインの状態を示す Cookie は他のサイトから読み書きできない設定で送ります。ログインや会員登録、パスワード再設定の申請には回数の制限を設け、総当たりや大量送信を防いでいます。
