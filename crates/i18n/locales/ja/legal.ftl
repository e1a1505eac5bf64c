# 法的表記（利用規約、特定商取引法に基づく表記）とフッターのリンク
footer-terms = 利用規約
footer-tokushoho = 特定商取引法に基づく表記
footer-privacy = プライバシーポリシー

## 利用規約
legal-terms-title = 利用規約
legal-terms-lead = この利用規約（以下「本規約」といいます。）は、{ $operator }（以下「当社」といいます。）が提供するスキルマーケット「よろず」（以下「本サービス」といいます。）の利用条件を定めるものです。会員の皆さまには、本規約に従って本サービスをご利用いただきます。
legal-terms-toc = 目次
legal-terms-article-heading = 第{ $number }条（{ $title }）
legal-terms-enacted = 制定日：2026年11月24日

legal-terms-application-title = 適用
legal-terms-application-p1 = 本規約は、本サービスの利用に関する当社と会員との間、および本サービスを通じた会員同士の間の一切の関係に適用されます。会員は、本規約に同意したうえで本サービスを利用するものとします。

legal-terms-definitions-title = 定義
legal-terms-definitions-p1 = 本規約で使用する用語の意味は、次のとおりとします。
legal-terms-definitions-item1 = 「出品者」とは、自らのスキルを価格の決まったサービスとして本サービスに出品する会員をいいます。
legal-terms-definitions-item2 = 「購入者」とは、本サービスに出品されたサービスを購入する会員をいいます。
legal-terms-definitions-item3 = 「取引」とは、購入者による1件のサービスの購入と、これに基づく出品者の役務の提供をいいます。
legal-terms-definitions-item4 = 「トークルーム」とは、取引ごとに設けられ、出品者と購入者がメッセージやファイルをやり取りする場をいいます。
legal-terms-definitions-item5 = 「正式な納品」とは、出品者がトークルームで行う納品の手続であって、購入者による承認または差し戻しの対象となるものをいいます。

legal-terms-registration-title = 会員登録
legal-terms-registration-p1 = 本サービスの利用を希望する方は、当社所定の方法により会員登録を行うものとします。1つのアカウントで、出品者としても購入者としても本サービスを利用できます。
legal-terms-registration-p2 = 会員は、登録した情報を正確かつ最新の内容に保ち、パスワードを自己の責任で管理するものとします。当社は、登録の申請者が過去に本規約に違反したことがある場合その他登録を適当でないと判断した場合には、登録をお断りすることがあります。

legal-terms-contract-title = 取引の成立
legal-terms-contract-p1 = 取引は、購入者が最終確認画面で購入内容（サービス、オプション、代金、サービス利用料、支払方法およびお届け日数）を確認し、購入を確定した時点で、購入者と出品者との間に成立します。
legal-terms-contract-p2 = 当社は取引の当事者ではなく、取引の場と代金の決済の仕組みを提供します。購入者が支払った代金は、取引が完了するまで当社がお預かりします。

legal-terms-fees-title = 料金と手数料
legal-terms-fees-p1 = 購入者は、サービスの代金に加えて、代金の{ $buyer_fee }のサービス利用料を当社に支払うものとします。出品者は、取引が完了したときに、代金から{ $seller_fee }の販売手数料を差し引いた額を売上金として受け取ります。
legal-terms-fees-p2 = 手数料の1円未満の端数は切り捨てます。売上金の振込には、振込申請画面に表示する振込手数料がかかることがあります。

legal-terms-delivery-title = 納品と承認
legal-terms-delivery-p1 = 出品者は、サービスページに表示したお届け日数以内に、トークルームで正式な納品を行うものとします。購入者は、正式な納品の内容を確認し、承認するか、修正を求めて差し戻すことができます。差し戻しは、1つの取引につき{ $send_backs }回に限ります。
legal-terms-delivery-p2 = 正式な納品から{ $auto_approval_days }日以内に購入者が承認も差し戻しもしない場合、納品は自動的に承認されます。承認により取引は完了し、その後は差し戻しやキャンセルはできません。

legal-terms-cancellation-title = キャンセル
legal-terms-cancellation-p1 = 出品者と購入者は、取引の完了前であれば、相手方に取引のキャンセルを申請できます。相手方は申請から{ $answer_hours }時間以内に同意するか拒否するかを回答するものとし、期限までに回答がない場合はキャンセルに同意したものとみなします。
legal-terms-cancellation-p2 = 後払いを選んだ取引で、注文から{ $payment_hours }時間以内にお支払いがない場合、取引は自動的にキャンセルされます。
legal-terms-cancellation-p3 = キャンセルが成立した場合、代金とサービス利用料はお支払いに使われた方法で返金され、取引に利用したポイントとクーポンは元に戻ります。

legal-terms-prohibited-title = 禁止事項
legal-terms-prohibited-p1 = 会員は、本サービスの利用にあたり、次の行為をしてはなりません。
legal-terms-prohibited-item1 = 法令または公序良俗に違反する行為
legal-terms-prohibited-item2 = 他人の著作権、商標権、肖像権、プライバシーその他の権利を侵害する行為
legal-terms-prohibited-item3 = 本サービスを通さずに代金を支払い、または受け取るよう持ちかける行為
legal-terms-prohibited-item4 = 虚偽の情報を登録し、または他人になりすます行為
legal-terms-prohibited-item5 = 事実と異なる評価をし、または評価の内容を条件に取引を持ちかける行為
legal-terms-prohibited-item6 = 本サービスのサーバーやネットワークに過度の負荷をかけるなど、本サービスの運営を妨げる行為
legal-terms-prohibited-item7 = その他、当社が不適切と合理的に判断する行為

legal-terms-withdrawal-title = 退会
legal-terms-withdrawal-p1 = 会員は、アカウント設定からいつでも退会を申請できます。ただし、完了していない取引、振込が済んでいない振込申請、または回答待ちのキャンセル申請がある場合は、それらが終わるまで退会できません。退会の前に、当社が保有する会員のデータをダウンロードできます。
legal-terms-withdrawal-p2 = 退会すると、会員の個人情報は消去されます。ただし、会員が他の会員について書いた評価は「退会したユーザー」の名前で匿名化して残し、取引と会計の記録は法令に従って保存します。

legal-terms-disclaimer-title = 免責
legal-terms-disclaimer-p1 = 当社は、会員が出品するサービスの内容、品質および適法性について保証しません。取引に関して会員同士で紛争が生じた場合は、当事者間で解決するものとし、当社は必要に応じてその解決に協力します。
legal-terms-disclaimer-p2 = 当社は、本サービスの利用により会員に生じた損害について、当社の故意または重大な過失による場合を除き、責任を負いません。当社が責任を負う場合でも、その額は当該取引で当社が受け取った手数料の額を上限とします。ただし、消費者契約法その他の法令によりこの制限が認められない場合は、この限りではありません。

legal-terms-law-title = 準拠法・管轄
legal-terms-law-p1 = 本規約は日本法に準拠して解釈されます。本サービスに関して紛争が生じた場合は、東京地方裁判所を第一審の専属的合意管轄裁判所とします。

## 特定商取引法に基づく表記
legal-tokushoho-title = 特定商取引法に基づく表記
legal-tokushoho-operator = 販売事業者
legal-tokushoho-representative = 運営統括責任者
legal-tokushoho-address = 所在地
legal-tokushoho-phone = 電話番号
legal-tokushoho-email = メールアドレス
legal-tokushoho-price = 販売価格
legal-tokushoho-price-1 = 各サービスページに表示された価格（税込）
legal-tokushoho-extra-fees = 商品代金以外の必要料金
legal-tokushoho-extra-fees-1 = サービス利用料：購入代金の{ $buyer_fee }（購入時にお支払いいただきます）
legal-tokushoho-extra-fees-2 = 売上金の振込手数料：出品者が売上金の振込を申請するときにかかります（金額は振込申請画面に表示します）
legal-tokushoho-extra-fees-3 = インターネットの接続料金・通信料金はお客さまのご負担となります
legal-tokushoho-payment-methods = 支払方法
legal-tokushoho-payment-methods-1 = クレジットカード、後払い（お支払い期限までにお支払いください）
legal-tokushoho-payment-timing = 支払時期
legal-tokushoho-payment-timing-1 = クレジットカード：購入時にお支払いが確定します
legal-tokushoho-payment-timing-2 = 後払い：お支払い期限（ご注文から{ $payment_hours }時間後）までにお支払いください
legal-tokushoho-delivery = 役務の提供時期
legal-tokushoho-delivery-1 = お支払いの完了後、各サービスページに記載のお届け日数以内に提供します
legal-tokushoho-cancellation = キャンセル・返金
legal-tokushoho-cancellation-1 = 取引の完了前であれば、出品者・購入者のどちらからもキャンセルを申請できます。相手方は{ $answer_hours }時間以内に回答し、期限までに回答がない場合はキャンセルに同意したものとみなします。
legal-tokushoho-cancellation-2 = 返金は、お支払いに使われた方法で行います。
legal-tokushoho-cancellation-3 = 取引に利用したポイントとクーポンは元に戻ります。
legal-tokushoho-environment = 動作環境
legal-tokushoho-environment-1 = 最新のブラウザ（Google Chrome、Mozilla Firefox、Safari、Microsoft Edge の最新版）

## プライバシーポリシー（/legal/privacy）。データの表は withdrawal.ftl の data-* を使います。
legal-privacy-title = プライバシーポリシー
legal-privacy-lead = { $operator }（以下「当社」といいます。）は、スキルマーケット「よろず」で会員の皆さまからお預かりする情報を、このページに書いたとおりに扱います。
legal-privacy-use-heading = 利用の目的
legal-privacy-use-p1 = お預かりする情報は、本サービスの提供（会員登録とログイン、取引とトークルーム、お支払い、売上金の振込、本人確認、お問い合わせへの対応）、ご希望いただいた方へのお知らせメールの送信、サービスを良くするための統計にだけ使います。法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。
legal-privacy-use-p2 = カード番号は当社では保存しません。保存するのは、決済会社が発行するトークンと、カードの種類、下4桁、有効期限だけです。振込先の口座番号と名義は暗号化して保存します。
legal-privacy-data-heading = データの種類と、退会したときの扱い
legal-privacy-data-lead = 当社が保有するデータの種類ごとに、退会したときにどうなるか、その理由と保存する期間です。退会のページと、退会の完了メールでお送りする削除内容の控えも、この表と同じ内容です。
legal-privacy-data-caption = データの種類と、退会したときの扱い
legal-privacy-withdrawal = 退会はいつでもできます。いまの状況の確認と退会の手続きは、次のページから行えます。
legal-privacy-withdrawal-link = 退会について
legal-privacy-contact-heading = お問い合わせ
legal-privacy-contact = 個人情報の扱いについてのお問い合わせは、次のメールアドレスまでご連絡ください。
legal-privacy-hints = 改善のヒントとカテゴリの傾向に表示する数字は、あなた以外に取引が完了した出品者が{ $min }人以上いるときの集計（出品者ごとの中央値をさらに集計したもの）だけで、ほかの出品者の個別の数字は表示しません。数字には前日までに完了した取引だけを使い、個別のお見積り（提案）による取引は含めません。退会ページで「売れない」を選んだ出品者に改善のヒントを表示したことは、会員IDと最初に表示した日時だけで記録します。退会してデータを削除したとき、または{ $days }日後も利用を続けているときに「退会」「継続」の件数に変え、その時点で会員IDを消去します。
