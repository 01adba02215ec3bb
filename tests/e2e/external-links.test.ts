/**
 * An external link's URL is edited on its card, and a URL typed without its scheme gets
 * https:// offered ("Use https://…?"), on the card and in the add dialog, by the one URL rule
 * the server applies too (#shared/baca-juga/text).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { adminToken, createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

let browser: Browser;
let story: { documentId: string; slug: string };
let paragraphIds: string[];

const OLD_URL = 'https://www.antaranews.com/berita/lama';

/** The links as stored (the manager's own route): url and slot of each. */
const storedLinks = async () => {
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${story.documentId}/placement`, { token });
  return (body.data.links as any[]).map((l) => ({ url: l.url, after: l.afterParagraphId }));
};

const externalCard = (page: Page): Locator =>
  page.getByTestId('newsroom-link').filter({ has: page.getByRole('textbox', { name: 'URL' }) });

beforeAll(async () => {
  browser = await launchBrowser();
  story = await createArticle({
    title: 'Pelabuhan Tanjung Priok Perpanjang Jam Layanan',
    paragraphs: ['Jam layanan diperpanjang hingga malam.', 'Antrean truk berkurang.'],
    publish: false,
  });
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${story.documentId}/placement`, { token });
  paragraphIds = (body.data.paragraphs as { id: string }[]).map((p) => p.id);
  const saved = await request(`/newsroom/articles/${story.documentId}/placement`, {
    method: 'PUT',
    token,
    body: {
      version: body.data.version,
      links: [{ url: OLD_URL, label: 'Berita Antara', afterParagraphId: paragraphIds[0] }],
    },
  });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

test("an external link's URL is edited on its card; without https:// it is offered, not just refused", async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const card = externalCard(page);
  await card.waitFor({ timeout: 30000 });
  const url = card.getByRole('textbox', { name: 'URL' });
  expect(await url.inputValue()).toBe(OLD_URL);

  // Typed as copied from an address bar's display: no scheme.
  await url.fill('www.antaranews.com/berita/1');
  await url.press('Tab');
  await card.getByText('This address has no http(s):// in front').waitFor();
  const offer = card.getByRole('button', { name: 'Use https://www.antaranews.com/berita/1?' });
  await shoot(page, 'external-link-https-offer');

  // Saving it as it is is refused here, with the same message on the card.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Fix the highlighted links before saving.').first().waitFor();
  expect((await storedLinks())[0].url).toBe(OLD_URL);

  await offer.click();
  expect(await url.inputValue()).toBe('https://www.antaranews.com/berita/1');
  expect(await card.getByText('This address has no http(s):// in front').count()).toBe(0);
  expect(await offer.count()).toBe(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Baca Juga links saved').first().waitFor();
  expect(await storedLinks()).toEqual([
    { url: 'https://www.antaranews.com/berita/1', after: paragraphIds[0] },
  ]);

  // Not a web address: refused by the rule, and nothing offered.
  await url.fill('javascript:alert(1)');
  await url.press('Tab');
  await card.getByText('Use an http(s) address or a path starting with a single /.').waitFor();
  expect(await card.getByTestId('newsroom-url-offer').count()).toBe(0);
  await page.context().close();
});

test('the add dialog offers https:// for a URL typed without it', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const slot = page.locator(
    `[data-testid="newsroom-slot"][data-after-paragraph-id="${paragraphIds[1]}"]`
  );
  await slot.waitFor({ timeout: 30000 });
  await slot.getByRole('button', { name: 'Add link' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'External URL' }).click();
  const url = dialog.getByRole('textbox', { name: 'URL' });
  await url.fill('kompas.id/baca/ekonomi/2024');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  // Refused, with the address it most likely is.
  await dialog.getByText('This address has no http(s):// in front').waitFor();
  await dialog.getByRole('button', { name: 'Use https://kompas.id/baca/ekonomi/2024?' }).click();
  expect(await url.inputValue()).toBe('https://kompas.id/baca/ekonomi/2024');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  const added = slot.getByTestId('newsroom-link');
  await added.waitFor();
  expect(await added.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
    'https://kompas.id/baca/ekonomi/2024'
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Baca Juga links saved').first().waitFor();
  expect((await storedLinks()).map((l) => l.url)).toContain('https://kompas.id/baca/ekonomi/2024');
  await page.context().close();
});
