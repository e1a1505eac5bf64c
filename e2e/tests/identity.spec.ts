// Identity verification (本人確認): a member submits a document, an operator reviews it in the
// operator console (its own browser context), and the member sees the outcome.
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { flash, newPersonPage, registerConfirmedMember, signIn, type Member } from '../helpers/flows.ts';
import { extractLink, waitForMail } from '../helpers/mail.ts';
import { pngFile } from '../helpers/png.ts';

/** Submits a document image on /settings/identity and checks the page says 審査中. */
async function submitDocument(page: Page): Promise<void> {
  await page.goto('/settings/identity');
  await expect(page.getByRole('heading', { name: '本人確認', exact: true })).toBeVisible();
  await expect(page.getByText('まだ本人確認書類を提出していません。')).toBeVisible();
  await page.getByLabel('書類の種類').selectOption({ label: '運転免許証' });
  await page.getByLabel('書類の画像').setInputFiles(pngFile('license.png', 320, 200));
  await page.getByRole('button', { name: '提出する' }).click();
  await expect(page).toHaveURL(/\/settings\/identity$/);
  await expect(flash(page, '提出しました。審査結果はメールでお知らせします。')).toBeVisible();
  await expect(page.getByText('審査中', { exact: true })).toBeVisible();
  await expect(page.getByText(/審査中です（.+に提出）。/)).toBeVisible();
  // A pending document cannot be submitted twice.
  await expect(page.getByRole('button', { name: '提出する' })).toHaveCount(0);
}

/** Opens the member's document from the operator's queue. */
async function openFromQueue(operator: Page, member: Member): Promise<void> {
  await operator.goto('/operator');
  await expect(operator.getByRole('heading', { name: '運営コンソール' })).toBeVisible();
  await operator.getByRole('link', { name: '審査待ちの一覧を開く' }).click();
  await expect(operator).toHaveURL(/\/operator\/identity$/);
  await expect(operator.getByRole('heading', { name: '本人確認の審査待ち' })).toBeVisible();
  const row = operator.getByRole('row').filter({ hasText: member.displayName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('運転免許証');
  await row.getByRole('link', { name: `審査する: ${member.displayName}` }).click();
  await expect(operator).toHaveURL(/\/operator\/identity\/\d+$/);
  await expect(operator.getByRole('heading', { name: '本人確認書類の審査' })).toBeVisible();
}

test('operator approves an identity document', async ({ page, browser, baseURL }) => {
  const member = await registerConfirmedMember(page, 'identity');
  await submitDocument(page);

  // A member is not an operator.
  const forbidden = await page.goto('/operator');
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByText('この操作を行う権限がありません。')).toBeVisible();
  expect((await page.goto('/operator/identity'))?.status()).toBe(403);

  // The operator, in a browser of their own.
  const { context, page: operator } = await newPersonPage(browser, baseURL);
  try {
    await signIn(operator, OPERATOR.email, OPERATOR.password);
    await openFromQueue(operator, member);
    const reviewUrl = operator.url();

    const image = operator.getByRole('img', { name: `${member.displayName}さんが提出した本人確認書類の画像` });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // Only operators may see the document itself.
    const imageSrc = await image.getAttribute('src');
    expect(imageSrc).toBeTruthy();
    const asMember = await page.request.get(imageSrc!);
    expect(asMember.status()).toBe(403);
    const asMemberPage = await page.goto(reviewUrl);
    expect(asMemberPage?.status()).toBe(403);

    await operator.getByRole('button', { name: '承認する' }).click();
    await expect(operator).toHaveURL(/\/operator\/identity$/);
    await expect(flash(operator, '承認しました。会員にメールでお知らせします。')).toBeVisible();
    // The queue no longer lists the document; the review page says it is decided.
    await expect(operator.getByRole('row').filter({ hasText: member.displayName })).toHaveCount(0);
    await operator.goto(reviewUrl);
    await expect(operator.getByRole('definition').filter({ hasText: '承認済み' })).toBeVisible();
    await expect(operator.getByText('この書類は審査済みです。')).toBeVisible();
    await expect(operator.getByRole('button', { name: '承認する' })).toHaveCount(0);
    // The decision is in the audit log.
    await operator.goto('/operator/audit');
    const entry = operator.getByRole('row').filter({ hasText: member.displayName }).filter({ hasText: '本人確認を承認' });
    await expect(entry.first()).toBeVisible();
  } finally {
    await context.close();
  }

  // The member's page, the public profile and the mail.
  await page.goto('/settings/identity');
  const state = page.getByRole('region', { name: '現在の状況' });
  await expect(state).toContainText(/審査状況:\s*(✓\s*)?本人確認済み/);
  await expect(state.getByText(/^.+に本人確認が完了しました。$/)).toBeVisible();
  await expect(page.getByText('審査中', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提出する' })).toHaveCount(0);

  await page.goto(`/users/${member.id}`);
  await expect(page.getByRole('heading', { name: member.displayName })).toBeVisible();
  await expect(page.getByText('本人確認済み', { exact: true })).toBeVisible();

  const mail = await waitForMail(page.request, member.email, '【よろず】本人確認が完了しました');
  expect(mail.body_text).toContain('プロフィールに「本人確認済み」バッジが表示されます。');
  expect(extractLink(mail.body_text, '/settings/identity')).toBeTruthy();

  // The member deletes the document without leaving: the image and its record go, the
  // verification stays on the settings page and the profile.
  await page.goto('/settings/identity');
  const erase = page.getByRole('region', { name: '提出した書類の削除' });
  await expect(erase).toContainText('「本人確認済み」の表示と確認日は残ります');
  await erase.getByRole('button', { name: '書類を削除する' }).click();
  await expect(flash(page, '本人確認書類の画像と記録を削除しました。')).toBeVisible();
  await expect(page.getByRole('region', { name: '現在の状況' })).toContainText(/審査状況:\s*(✓\s*)?本人確認済み/);
  await expect(page.getByRole('button', { name: '書類を削除する' })).toHaveCount(0);
  await page.goto(`/users/${member.id}`);
  await expect(page.getByText('本人確認済み', { exact: true })).toBeVisible();
});

test('rejecting an identity document needs a reason, which the member then sees', async ({ page, browser, baseURL }) => {
  const member = await registerConfirmedMember(page, 'reject');
  await submitDocument(page);

  const { context, page: operator } = await newPersonPage(browser, baseURL);
  try {
    await signIn(operator, OPERATOR.email, OPERATOR.password);
    await openFromQueue(operator, member);

    const reason = operator.getByLabel('差し戻しの理由');
    await reason.fill('');
    await operator.getByRole('button', { name: '差し戻す' }).click();
    await expect(operator.getByRole('alert')).toContainText('差し戻しの理由を入力してください。');
    await expect(operator.getByLabel('差し戻しの理由')).toHaveAttribute('aria-invalid', 'true');
    await expect(operator.getByLabel('差し戻しの理由')).toHaveAccessibleDescription(/差し戻しの理由を入力してください。/);

    // Still pending: the member's page has not changed.
    await page.goto('/settings/identity');
    await expect(page.getByText('審査中', { exact: true })).toBeVisible();

    // With a reason it goes through.
    await operator.getByLabel('差し戻しの理由').fill('画像がぼやけていて、生年月日が読み取れません。');
    await operator.getByRole('button', { name: '差し戻す' }).click();
    await expect(flash(operator, '差し戻しました。会員に理由をメールでお知らせします。')).toBeVisible();
  } finally {
    await context.close();
  }

  await page.goto('/settings/identity');
  await expect(page.getByText('差し戻し', { exact: true })).toBeVisible();
  await expect(page.getByText('画像がぼやけていて、生年月日が読み取れません。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '書類を再提出する' })).toBeVisible();

  const mail = await waitForMail(page.request, member.email, '【よろず】本人確認書類を再提出してください');
  expect(mail.body_text).toContain('理由: 画像がぼやけていて、生年月日が読み取れません。');
});
