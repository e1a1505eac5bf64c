# Web-layer protections: the local mailbox's key.

error-mailbox-key = 受信箱を開くには、サーバー起動時に表示された受信箱のリンク（鍵付き）を開くか、運営者としてログインしてください。
