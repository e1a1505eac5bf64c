// The newsletter (メルマガ): opt-in on the notification settings, an operator sends it, and the
// member unsubscribes from the mail's link without signing in; later issues skip them.
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { newPersonPage, registerConfirmedMember, signIn } from '../helpers/flows.ts';
import { extractLink, listMail, waitForMail, type CapturedMail } from '../helpers/mail.ts';

// The newsletter's mail cell of the settings grid.
const NEWSLETTER = 'メルマガ（メール）';

/** Ticks or unticks メルマガ on /settings/notifications and saves. */
async function setNewsletter(page: Page, on: boolean): Promise<void> {
  await page.goto('/settings/notifications');
  const box = page.getByRole('checkbox', { name: NEWSLETTER, exact: true });
  await box.setChecked(on);
  await page.getByRole('button', { name: '設定を保存する' }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('status').filter({ hasText: '通知設定を保存しました。' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: NEWSLETTER, exact: true })).toBeChecked({ checked: on });
}

/** Sends a newsletter from /operator/newsletter as the (signed-in) operator. */
async function sendNewsletter(operator: Page, subject: string, body: string): Promise<void> {
  await operator.goto('/operator/newsletter');
  await expect(operator.getByRole('heading', { name: 'メルマガの作成' })).toBeVisible();
  await operator.getByLabel('件名').fill(subject);
  await operator.getByLabel('本文').fill(body);
  await operator.getByRole('button', { name: 'メルマガを送信する' }).click();
  await expect(operator.getByText(/\d+人の会員への送信を受け付けました。メールは順に配信されます。/)).toBeVisible();
}

/** The value of one `Name: value` line of a captured mail's extra headers. */
function headerValue(mail: CapturedMail, name: string): string | undefined {
  const line = (mail.headers ?? '')
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

test('newsletter: opt in, receive it, unsubscribe from the mail without signing in, get no more', async ({ page, browser, baseURL }) => {
  const member = await registerConfirmedMember(page, 'news');

  // Marketing mail is opt-in: unticked until the member ticks it.
  await page.goto('/settings/notifications');
  await expect(page.getByRole('checkbox', { name: NEWSLETTER, exact: true })).not.toBeChecked();
  await setNewsletter(page, true);

  // A second subscriber, so we can tell when the second issue has gone out.
  const { context: otherContext, page: other } = await newPersonPage(browser, baseURL);
  const control = await registerConfirmedMember(other, 'news-control');
  await setNewsletter(other, true);
  await otherContext.close();

  const { context: operatorContext, page: operator } = await newPersonPage(browser, baseURL);
  try {
    await signIn(operator, OPERATOR.email, OPERATOR.password);
    const stamp = Date.now().toString(36);
    const first = `よろず通信 ${stamp} 号`;
    await sendNewsletter(operator, first, '今月のおすすめサービスをご紹介します。\n春の新生活応援キャンペーン実施中です。');

    const mail = await waitForMail(page.request, member.email, first);
    expect(mail.body_text).toContain('今月のおすすめサービスをご紹介します。');
    // One-click unsubscribe headers (RFC 8058).
    const listUnsubscribe = headerValue(mail, 'List-Unsubscribe');
    expect(listUnsubscribe).toMatch(/^<https?:\/\/[^>]+\/mail\/unsubscribe\?token=[^>]+>$/);
    expect(headerValue(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The footer carries the same kind of link.
    expect(mail.body_text).toContain('メルマガの配信停止はこちらから（ログイン不要、すぐに反映されます）');
    const footerLink = extractLink(mail.body_text, '/mail/unsubscribe?token=');

    // Following the link in a browser that is not signed in: confirm, then done.
    const { context: anonContext, page: anon } = await newPersonPage(browser, baseURL);
    try {
      await anon.goto(footerLink);
      await expect(anon.getByRole('heading', { name: '配信停止' })).toBeVisible();
      await expect(anon.getByText('「メルマガ」の配信を停止します。よろしければ下のボタンを押してください。')).toBeVisible();
      await expect(anon.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
      // Opening the link alone changes nothing (mail scanners follow links).
      await page.goto('/settings/notifications');
      await expect(page.getByRole('checkbox', { name: NEWSLETTER, exact: true })).toBeChecked();
      await anon.getByRole('button', { name: '配信を停止する' }).click();
      await expect(anon.getByText('「メルマガ」の配信を停止しました。これ以降のメールは届きません。')).toBeVisible();
      await expect(anon).not.toHaveURL(/\/login/);
    } finally {
      await anonContext.close();
    }

    // The member's settings now show the newsletter unticked.
    await page.goto('/settings/notifications');
    await expect(page.getByRole('checkbox', { name: NEWSLETTER, exact: true })).not.toBeChecked();

    // The next issue reaches the other subscriber but not this member.
    const second = `よろず通信 ${stamp} 号外`;
    await sendNewsletter(operator, second, '号外です。');
    await waitForMail(page.request, control.email, second);
    // Copies are sent one job each; give any stray copy to the member time to show up too.
    await page.waitForTimeout(1_000);
    const toMember = (await listMail(page.request)).filter(
      (m) => m.to.toLowerCase().includes(member.email.toLowerCase()) && m.subject.includes(second),
    );
    expect(toMember).toEqual([]);
  } finally {
    await operatorContext.close();
  }
});

test('a bad unsubscribe link shows a message instead of the button', async ({ page }) => {
  const res = await page.goto('/mail/unsubscribe?token=not-a-real-token');
  expect(res?.status()).toBeGreaterThanOrEqual(400);
  expect(res?.status()).toBeLessThan(500);
  await expect(page.getByText('配信停止のリンクが正しくありません。設定画面の通知設定から停止できます。')).toBeVisible();
  await expect(page.getByRole('button', { name: '配信を停止する' })).toHaveCount(0);
});

test('one-click unsubscribe (RFC 8058) from the List-Unsubscribe header works without cookies', async ({ page, browser, baseURL }) => {
  const member = await registerConfirmedMember(page, 'oneclick');
  await setNewsletter(page, true);

  const { context: operatorContext, page: operator } = await newPersonPage(browser, baseURL);
  let mail: CapturedMail;
  const subject = `よろず通信 ${Date.now().toString(36)} ワンクリック`;
  try {
    await signIn(operator, OPERATOR.email, OPERATOR.password);
    await sendNewsletter(operator, subject, 'ワンクリックで配信停止できます。');
    mail = await waitForMail(page.request, member.email, subject);
  } finally {
    await operatorContext.close();
  }
  const url = headerValue(mail, 'List-Unsubscribe')?.replace(/^<|>$/g, '');
  expect(url).toBeTruthy();

  // What a mail client sends: a POST with no cookies and no CSRF token.
  const client = await playwrightRequest.newContext();
  try {
    const res = await client.post(url!, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(res.status()).toBe(200);
  } finally {
    await client.dispose();
  }

  await page.goto('/settings/notifications');
  await expect(page.getByRole('checkbox', { name: NEWSLETTER, exact: true })).not.toBeChecked();
});
