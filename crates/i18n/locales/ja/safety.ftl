# Trust and safety: blocks (ブロック) and the contact-details rule (直接取引の禁止).

## Errors
order-blocked = ブロックしている、またはブロックされているユーザーとは取引できません。
talk-blocked = ブロックしている、またはブロックされているため、この取引ルームにはメッセージを送れません。進行中の取引のやり取りは続けられます。
block-self = ご自身をブロックすることはできません。
ng-word-blank = NGワードを入力してください。
ng-word-too-long = NGワードは{ $max }文字以内で入力してください。
ng-word-duplicate = このNGワードはすでに登録されています。
contact-details-found = 連絡先や外部での取引につながる内容が含まれている可能性があります。確認のうえ、修正するか、そのまま送信してください。

## What the contact-details rule finds
contact-kind-email = メールアドレス
contact-kind-phone = 電話番号
contact-kind-line = LINE
contact-kind-messenger = 外部のメッセージサービス
contact-kind-external-payment = 外部での支払い・直接取引
contact-kind-ng-word = 運営が指定したNGワード
contact-kind-separator = 、

## The fields it looks at
contact-field-body = メッセージ
contact-field-title = タイトル
contact-field-description = サービス内容
contact-field-buyer-notes = 購入にあたってのお願い
contact-field-option-titles = オプション名
contact-field-faq-questions = よくある質問（質問）
contact-field-faq-answers = よくある質問（回答）
contact-field-display-name = 表示名
contact-field-introduction = 自己紹介
contact-field-skills = スキル
contact-field-career = 経歴
contact-field-track-record = 実績
contact-field-included = 提案の内容

## The warning before sending
contact-warning-heading = 送信前にご確認ください
contact-warning-lead = よろずでは、メールアドレス・電話番号・LINEなどの連絡先の交換や、サイト外でのお支払い・直接取引をお断りしています。お客様とお相手を守るため、やり取りとお支払いはよろずの中で行ってください。次の部分が該当する可能性があります。
contact-warning-choice = 内容を修正するか、問題がない場合はそのまま送信してください。そのまま送信した内容は、運営が確認することがあります。
contact-warning-edit = 修正する
contact-warning-send-anyway = このまま送信する
contact-warning-help-link = 直接取引の禁止について

## Blocks
block-block = このユーザーをブロックする
block-unblock = ブロックを解除する
block-you-block = このユーザーをブロックしています。
block-member-gone = 退会したユーザー
block-unblock-named = { $name }さんのブロックを解除する
blocks-title = ブロックしたユーザー
blocks-lead = ブロックしたユーザーとは、新しい取引やメッセージのやり取りができません（進行中の取引はそのまま続きます）。お互いのレビューも表示されません。
blocks-none = ブロックしているユーザーはいません。
blocks-since = { $date }にブロック
blocks-help-link = ブロックについて
settings-nav-blocks = ブロックしたユーザー
flash-blocked = ブロックしました。
flash-unblocked = ブロックを解除しました。

## Operator: NG words
ng-words-title = NGワード
ng-words-lead = 直接取引の禁止のチェックに使う言葉を追加できます。全角・半角、カタカナ・ひらがな、大文字・小文字、空白の違いは区別しません。追加と削除は監査ログに記録されます。
ng-words-add-heading = NGワードを追加
ng-words-field-word = 言葉
ng-words-field-word-hint = { $max }文字以内
ng-words-add = 追加する
ng-words-list-heading = 登録済みのNGワード
ng-words-none = NGワードはまだ登録されていません。
ng-words-col-word = 言葉
ng-words-col-added = 追加日
ng-words-remove = 削除
ng-words-remove-named = 「{ $word }」を削除
ng-words-dashboard-heading = NGワード
ng-words-dashboard-text = 直接取引の禁止のチェックに使う言葉を管理します。
ng-words-dashboard-link = NGワードを管理
flash-ng-word-added = NGワードを追加しました。
flash-ng-word-removed = NGワードを削除しました。

## Help
help-q-blocks = 特定のユーザーとやり取りしたくないときは？
help-a-blocks = プロフィールページや取引画面の「このユーザーをブロックする」からブロックできます。ブロックすると、お互いに新しい購入やメッセージの送信ができなくなり、相手のレビューはあなたに表示されなくなります。すでに進行中の取引は、完了までそのまま続けられます。ブロックしたことは相手に通知されません。解除は「設定」→「ブロックしたユーザー」からいつでもできます。
help-q-contact-rule = 連絡先を交換したり、サイトの外で取引したりできますか？
help-a-contact-rule = できません（直接取引の禁止）。メールアドレス・電話番号・LINEやSNSのID・外部の支払いリンクなどをメッセージ、サービス内容、プロフィールに書くと、送信前に該当する部分をお知らせします。修正するか、問題がない場合はそのまま送信できます。そのまま送信された内容は運営が確認し、必要に応じて対応します。よろずの中でやり取りとお支払いをすることで、トラブルの際も運営がお手伝いでき、代金も安全にお預かりできます。
