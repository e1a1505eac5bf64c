// Reports (通報): a buyer reports a message the seller wrote in the talk room, the operator
// removes it from the moderation queue with a reason, and the buyer sees the outcome: the
// message replaced by the platform's note, the report history and a mail.
import { expect, test } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { flash, newPersonPage, registerConfirmedMember, signIn } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { openOrder, placeOrder, registerCard, startPurchase, talkEntry } from '../helpers/orders.ts';
import { waitForMail } from '../helpers/mail.ts';

test('a member reports a message, the operator removes it, the reporter sees the outcome', async ({ page, browser, baseURL, request }) => {
  // A seller with a service, and a buyer (this page) who orders it.
  const seller = await newPersonPage(browser, baseURL);
  const operator = await newPersonPage(browser, baseURL);
  try {
    await registerConfirmedMember(seller.page, 'report-seller');
    const serviceId = await createPublished(seller.page, meishiService(`名刺を作ります ${uniqueMarker()}`));
    const buyer = await registerConfirmedMember(page, 'report-buyer');
    await registerCard(page);
    await startPurchase(page, serviceId);
    const orderId = await placeOrder(page);

    // The seller writes something that breaks the rules, past the contact-details warning.
    const offending = `LINEで直接やり取りしましょう ${uniqueMarker('m')}`;
    await openOrder(seller.page, orderId);
    const room = seller.page.getByRole('region', { name: 'トークルーム' });
    await room.getByLabel('メッセージ', { exact: true }).fill(offending);
    await room.getByRole('button', { name: '送信する', exact: true }).click();
    const warning = seller.page.getByRole('alert').filter({ hasText: '送信前にご確認ください' });
    await warning.getByRole('button', { name: 'このまま送信する' }).click();
    await expect(flash(seller.page, 'メッセージを送信しました。')).toBeVisible();
    await expect(talkEntry(seller.page, offending)).toBeVisible();

    // The buyer reports it from the talk room.
    await openOrder(page, orderId);
    await talkEntry(page, offending).getByRole('link', { name: '通報する' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'メッセージを通報する' })).toBeVisible();
    await expect(page.getByText(offending)).toBeVisible();
    await page.getByRole('radio', { name: '連絡先の交換（直接取引の勧誘）' }).check();
    await page.getByLabel('詳しい状況').fill('外部のアプリでの取引に誘われました。');
    await page.getByRole('button', { name: '通報する' }).click();
    await expect(page).toHaveURL(/\/settings\/reports$/);
    await expect(flash(page, '通報を受け付けました。')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: '連絡先の交換' });
    await expect(row).toContainText('確認中');
    await waitForMail(request, buyer.email, '通報を受け付けました', 10_000);

    // The operator finds it in the queue, with the message and the reporter's words, and removes it.
    await signIn(operator.page, OPERATOR.email, OPERATOR.password);
    await operator.page.goto('/operator');
    await operator.page.getByRole('link', { name: '審査キューを開く' }).click();
    await expect(operator.page.getByRole('heading', { level: 1, name: '通報の審査' })).toBeVisible();
    const entry = operator.page.getByRole('article').filter({ hasText: offending });
    await expect(entry).toContainText('外部のアプリでの取引に誘われました。');
    await entry.getByRole('radio', { name: '削除する' }).check();
    await entry.getByLabel('理由（相手に伝わります）').fill('外部での取引の勧誘は禁止されています。');
    await entry.getByRole('button', { name: '対応を確定する' }).click();
    await expect(flash(operator.page, '対応を記録しました。')).toBeVisible();
    await expect(operator.page.getByRole('article').filter({ hasText: offending })).toHaveCount(0);

    // The reporter sees the note in place of the message, the outcome, and a mail.
    await openOrder(page, orderId);
    await expect(talkEntry(page, 'このメッセージは運営事務局により削除されました。')).toBeVisible();
    await expect(page.getByText(offending)).toHaveCount(0);
    await page.goto('/settings/reports');
    await expect(page.getByRole('row').filter({ hasText: '連絡先の交換' })).toContainText('対応済み: 内容を削除しました');
    const mail = await waitForMail(request, buyer.email, '通報への対応が終わりました', 10_000);
    expect(mail.body_text).toContain('内容を削除しました');

    // The seller is told why, under 通報履歴とお知らせ.
    await seller.page.goto('/settings/reports');
    await expect(seller.page.getByText('投稿が削除されました')).toBeVisible();
    await expect(seller.page.getByText('理由: 外部での取引の勧誘は禁止されています。')).toBeVisible();
  } finally {
    await seller.context.close();
    await operator.context.close();
  }
});
