// Accounts: sign-up with the confirmation mail, sign-in and -out, the profile with an avatar,
// form errors, and password reset, all through the pages a member sees.
import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from '../helpers/accounts.ts';
import {
  confirmEmailViaMailbox,
  flash,
  header,
  myUserId,
  newMember,
  newPersonPage,
  openMailInMailbox,
  signIn,
  signOut,
  signUp,
  submitSignUp,
} from '../helpers/flows.ts';
import { extractLink } from '../helpers/mail.ts';
import { pngFile } from '../helpers/png.ts';

const BAD_CREDENTIALS = 'メールアドレスまたはパスワードが正しくありません。';

/** The completeness meter's value (0–100) on /settings/profile. */
async function completeness(page: Page): Promise<number> {
  const meter = page.getByRole('meter');
  await expect(meter).toBeVisible();
  return Number(await meter.getAttribute('aria-valuenow'));
}

test('register → open the confirmation mail → sign in → edit profile with an avatar → sign out', async ({ page }) => {
  const m = newMember('signup');

  // Sign up: the member is signed in at once and asked to confirm the address.
  await signUp(page, m);
  await expect(flash(page, '会員登録が完了しました。確認メールをお送りしましたので、リンクを開いてください。')).toBeVisible();
  await expect(page.getByText('メールアドレスの確認がまだ完了していません。')).toBeVisible();

  // The confirmation mail, opened in the mailbox page; its link confirms the address.
  await confirmEmailViaMailbox(page, m.email);
  await expect(flash(page, 'メールアドレスの確認が完了しました。')).toBeVisible();
  await expect(page.getByText('メールアドレスの確認がまだ完了していません。')).toHaveCount(0);
  const id = await myUserId(page);

  // Out and in again.
  await signOut(page);
  await expect(flash(page, 'ログアウトしました。')).toBeVisible();
  await signIn(page, m.email, m.password);
  await expect(flash(page, 'ログインしました。')).toBeVisible();

  // The profile: texts first.
  await page.goto('/settings/profile');
  const before = await completeness(page);
  const intro =
    'はじめまして。東京でイラストとロゴの制作をしています。' +
    '企業さまのロゴから個人の方のアイコンまで、ご要望を丁寧にうかがってから形にします。' +
    '修正は納品まで何度でも承ります。納期のご相談もお気軽にどうぞ。よろしくお願いします。';
  expect(intro.length).toBeGreaterThanOrEqual(100);
  await page.getByLabel('自己紹介', { exact: true }).fill(intro);
  await page.getByLabel('スキル', { exact: true }).fill('イラスト\nロゴデザイン\nアイコン制作');
  await page.getByLabel('経歴', { exact: true }).fill('デザイン事務所で8年勤務したのち独立しました。');
  await page.getByLabel('実績', { exact: true }).fill('飲食店のロゴ 30件、書籍の挿絵 12冊。');
  await page.getByLabel('SNS・Webサイト').fill('https://example.com/portfolio');
  const nda = page.getByRole('group', { name: '機密保持契約（NDA）' });
  await nda.getByRole('radio', { name: '対応可能' }).check();
  await page.getByRole('button', { name: 'プロフィールを保存する' }).click();
  await expect(flash(page, 'プロフィールを保存しました。')).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByLabel('経歴', { exact: true })).toHaveValue('デザイン事務所で8年勤務したのち独立しました。');
  await expect(page.getByRole('list', { name: '登録済みのスキル' }).getByRole('listitem')).toHaveText([
    'イラスト',
    'ロゴデザイン',
    'アイコン制作',
  ]);
  await expect(nda.getByRole('radio', { name: '対応可能' })).toBeChecked();
  const afterTexts = await completeness(page);
  expect(afterTexts).toBeGreaterThan(before);
  await expect(page.getByRole('link', { name: 'アバター画像を設定しましょう（+15%）' })).toBeVisible();

  // Then the avatar, in its own form.
  const avatarSection = page.getByRole('region', { name: 'アバター画像' });
  await avatarSection.getByLabel('画像ファイル').setInputFiles(pngFile('avatar.png', 96, 96));
  await avatarSection.getByRole('button', { name: '画像をアップロードする' }).click();
  await expect(flash(page, 'アバター画像を更新しました。')).toBeVisible();
  const current = avatarSection.getByRole('img', { name: '現在のアバター画像' });
  await expect(current).toBeVisible();
  await expect.poll(() => current.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const afterAvatar = await completeness(page);
  expect(afterAvatar).toBe(afterTexts + 15);
  await expect(page.getByRole('link', { name: 'アバター画像を設定しましょう（+15%）' })).toHaveCount(0);

  // The public profile shows what was written, and the avatar image loads.
  await page.goto(`/users/${id}`);
  await expect(page.getByRole('heading', { name: m.displayName })).toBeVisible();
  await expect(page.getByRole('region', { name: '自己紹介' })).toContainText(intro);
  await expect(page.getByRole('region', { name: 'スキル' }).getByRole('listitem')).toHaveText([
    'イラスト',
    'ロゴデザイン',
    'アイコン制作',
  ]);
  await expect(page.getByRole('region', { name: '経歴' })).toContainText('デザイン事務所で8年勤務したのち独立しました。');
  await expect(page.getByRole('region', { name: '実績' })).toContainText('飲食店のロゴ 30件、書籍の挿絵 12冊。');
  await expect(
    page.getByRole('region', { name: 'SNS・Webサイト' }).getByRole('link', { name: 'https://example.com/portfolio' }),
  ).toHaveAttribute('href', 'https://example.com/portfolio');
  await expect(page.getByRole('region', { name: '機密保持契約（NDA）' })).toContainText('対応可能');
  const avatar = page.locator(`img[src^="/users/${id}/avatar"]`).first();
  await expect(avatar).toBeVisible();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // Sign out: the header offers ログイン again.
  await signOut(page);
  await expect(header(page).getByRole('link', { name: 'マイページ' })).toHaveCount(0);
});

test('sign-up with a malformed e-mail and a short password shows the messages and keeps the e-mail', async ({ page }) => {
  await submitSignUp(page, { email: 'taro@@example', displayName: '太郎', password: 'short' });

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('入力内容をご確認ください。');
  await expect(summary).toContainText('メールアドレスの形式が正しくありません（例: taro@example.jp）。');
  await expect(summary).toContainText('パスワードは8文字以上にしてください。');
  const email = page.getByLabel('メールアドレス', { exact: true });
  await expect(email).toHaveValue('taro@@example');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('表示名（ニックネーム）')).toHaveValue('太郎');
  // Not signed in.
  await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
});

test('sign-in with a wrong password shows the error', async ({ page }) => {
  const m = newMember('wrongpw');
  await signUp(page, m);
  await signOut(page);

  await page.goto('/login');
  await page.getByLabel('メールアドレス', { exact: true }).fill(m.email);
  await page.getByLabel('パスワード', { exact: true }).fill(`${m.password}-wrong`);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('alert')).toContainText(BAD_CREDENTIALS);
  await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue(m.email);
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toHaveCount(0);

  // An unknown address gets the same message (no hint which accounts exist).
  await page.getByLabel('メールアドレス', { exact: true }).fill(uniqueEmail('nobody'));
  await page.getByLabel('パスワード', { exact: true }).fill(m.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('alert')).toContainText(BAD_CREDENTIALS);
});

test('password reset via the mailed link works and the old password stops working', async ({ page, browser, baseURL }) => {
  const m = newMember('reset');
  await signUp(page, m);
  await signOut(page);
  // Another device stays signed in until the reset.
  const { context: otherDevice, page: other } = await newPersonPage(browser, baseURL);
  await signIn(other, m.email, m.password);

  await page.goto('/login');
  await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
  await expect(page).toHaveURL(/\/account\/forgot$/);
  await page.getByLabel('メールアドレス', { exact: true }).fill(m.email);
  await page.getByRole('button', { name: '再設定メールを送る' }).click();
  await expect(page.getByText('入力されたアドレスが登録されている場合、再設定用のメールをお送りしました。')).toBeVisible();

  const body = await openMailInMailbox(page, m.email, '【よろず】パスワード再設定のご案内');
  await page.goto(extractLink(body, '/account/reset?token='));
  await expect(page.getByRole('heading', { name: '新しいパスワードの設定' })).toBeVisible();
  const newPassword = `${m.password}-new`;
  await page.getByLabel('新しいパスワード').fill(newPassword);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(flash(page, 'パスワードを再設定しました。新しいパスワードでログインしてください。')).toBeVisible();

  // The reset signs every device out (as the help page promises).
  await other.reload();
  await expect(header(other).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
  await otherDevice.close();

  // The old password no longer works…
  await page.getByLabel('メールアドレス', { exact: true }).fill(m.email);
  await page.getByLabel('パスワード', { exact: true }).fill(m.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('alert')).toContainText(BAD_CREDENTIALS);

  // …the new one does, and the link cannot be used twice.
  await signIn(page, m.email, newPassword);
  await signOut(page);
  await page.goto(extractLink(body, '/account/reset?token='));
  await page.getByLabel('新しいパスワード').fill(`${newPassword}-again`);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('このリンクはすでに使用されています。')).toBeVisible();
});
