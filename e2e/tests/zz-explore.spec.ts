import { expect, test } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { registerConfirmedMember, signIn, newPersonPage, submitSignUp, signOut } from '../helpers/flows.ts';
import { waitForMail, listMail } from '../helpers/mail.ts';

test('explore', async ({ page, browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL, locale: 'en-US' });
  const p = await ctx.newPage();
  await p.goto('/login');
  console.log('en-US browser lang:', await p.locator('html').getAttribute('lang'), await p.locator('h1').innerText());
  const m = await registerConfirmedMember(page, 'explore');
  await page.goto('/lang/en?next=/settings/profile');
  console.log(await page.locator('h1').innerText());
  await page.getByRole('button', { name: 'Sign out' }).click();
  // new browser in ja-JP signs in: which language?
  const { page: q } = await newPersonPage(browser, baseURL);
  await signIn(q, m.email, m.password).catch(e => console.log('signin helper failed (expected if en)', String(e).slice(0, 100)));
  console.log('other browser after sign-in lang:', await q.locator('html').getAttribute('lang'));
  await q.goto('/account/forgot');
  await q.locator('#email').fill(m.email);
  await q.locator('form button').click();
  await new Promise(r => setTimeout(r, 1500));
  const mails = (await listMail(q.request)).filter(x => x.to === m.email);
  console.log(mails.map(x => x.subject));
  // confirm link twice
  const conf = mails.find(x => x.subject.includes('確認'));
  const link = conf!.body_text.match(/https?:\S+account\/confirm\?token=\S+/)![0];
  const rr = await q.goto(link);
  console.log('confirm twice', rr?.status(), await q.locator('main').innerText());
});
