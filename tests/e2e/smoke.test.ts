/**
 * Smoke: the super admin logs in through the real form, finds the Baca Juga manager in the
 * left menu and sees the seeded Ntvnews story (North Korea ratifies its treaty with Russia);
 * a user without the plugin's permissions neither sees the menu link nor reaches the API.
 */
import type { Browser } from 'playwright-core';
import { createAdminUser, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, mainNav, newAdminPage, shoot } from './helpers/browser';

const MENU_LABEL = 'Baca Juga';
// The exact title: other e2e files create stories about North Korea too
const SEEDED_TITLE = 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the super admin logs in and lands on the admin home', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.getByRole('heading', { name: /^Hello/ }).waitFor();
  await shoot(page, 'admin-home');
  await page.context().close();
});

test('the Baca Juga menu link opens the article list with the seeded story', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  const link = mainNav(page).getByRole('link', { name: MENU_LABEL });
  expect(await link.count()).toBe(1);
  await link.click();
  await page.waitForURL('**/admin/plugins/newsroom**');
  const row = page
    .locator('[data-testid="newsroom-article-row"]')
    .filter({ hasText: SEEDED_TITLE });
  await row.waitFor({ state: 'visible', timeout: 30000 });
  await shoot(page, 'article-list');
  await page.context().close();
});

test('an editor with read access sees the menu link and reads the list', async () => {
  const user = await createAdminUser({ actions: ['plugin::newsroom.read'] });
  const response = await request('/newsroom/articles', { token: user.token });
  expect(response.status).toBe(200);

  const page = await newAdminPage(browser, user);
  expect(await mainNav(page).getByRole('link', { name: MENU_LABEL }).count()).toBe(1);
  // and the list page itself shows the stories to a read-only editor
  await mainNav(page).getByRole('link', { name: MENU_LABEL }).click();
  await page
    .getByTestId('newsroom-article-row')
    .filter({ hasText: SEEDED_TITLE })
    .waitFor({ timeout: 30000 });
  await page.context().close();
});

test('a user without newsroom permissions gets 403 and no menu link', async () => {
  const user = await createAdminUser({ actions: [] });
  const response = await request('/newsroom/articles', { token: user.token });
  expect(response.status).toBe(403);

  const page = await newAdminPage(browser, user);
  expect(await mainNav(page).getByRole('link', { name: MENU_LABEL }).count()).toBe(0);
  await page.context().close();
});
