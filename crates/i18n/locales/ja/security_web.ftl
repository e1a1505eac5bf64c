# Web-layer protections: the local mailbox's key, the language switch's return address.

error-mailbox-key = 受信箱を開くには、サーバー起動時に表示された受信箱のリンク（鍵付き）を開くか、運営者としてログインしてください。

lang-next-unreadable = 戻り先のページのアドレスを読み取れませんでした。ページ下部の言語切り替えからお試しください。
