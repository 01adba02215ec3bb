/**
 * A quote to check is one click from its check: "Check the speaker" (the side panel's, the
 * manager's) opens that quote's speaker decision; the content manager's Quote list shows each
 * quote's story and filters on the quotes to check.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ARTICLE_UID,
  QUOTE_UID,
  adminToken,
  createArticle,
  createQuote,
  request,
  SUPER_ADMIN,
} from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

const TITLE = 'Banjir Rob Genangi Pesisir Utara Jakarta';

let browser: Browser;
let story: { documentId: string; slug: string };
let quotes: { sure: string; unsure: string };

const quoteCard = (page: Page, quoteId: string): Locator =>
  page.locator(`[data-testid="newsroom-quote"][data-quote-id="${quoteId}"]`);

/** The quote the keyboard is in (the speaker's field of its form, when it opened focused). */
const focusedQuote = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.closest('[data-quote-id]')?.getAttribute('data-quote-id')
  );

const inViewport = async (page: Page, locator: Locator) => {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return !!box && box.y >= 0 && box.y < height;
};

beforeAll(async () => {
  browser = await launchBrowser();
  // Long enough that the last paragraph's quote is below the fold.
  const filler = Array.from(
    { length: 8 },
    (_, i) => `Air laut naik hingga 40 sentimeter di titik pantau ${i + 1} sejak pagi.`
  );
  story = await createArticle({
    title: TITLE,
    paragraphs: [
      '"Pompa kami operasikan penuh," kata Kepala Dinas Sumber Daya Air Ika Agustin.',
      ...filler,
      '"Warga pesisir diminta mengungsi sementara," ujar petugas.',
    ],
    publish: false,
  });
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${story.documentId}/placement`, { token });
  const ids = (body.data.paragraphs as { id: string }[]).map((p) => p.id);
  quotes = {
    sure: await createQuote(story.documentId, {
      text: 'Pompa kami operasikan penuh,',
      paragraphId: ids[0],
      speaker: 'Ika Agustin',
    }),
    unsure: await createQuote(story.documentId, {
      text: 'Warga pesisir diminta mengungsi sementara,',
      paragraphId: ids[ids.length - 1],
      needsReview: true,
    }),
  };
});
afterAll(async () => {
  await browser?.close();
});

test('"Check the speaker" in the side panel opens that quote in the manager, its speaker to decide', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}`);
  const panel = page.getByTestId('newsroom-side-panel');
  const entry = panel.getByTestId('newsroom-panel-quote-review');
  await entry.waitFor({ timeout: 30000 });
  expect(await entry.count()).toBe(1);
  await entry.getByRole('link', { name: 'Check the speaker' }).click();

  await page.waitForURL(
    `**/admin/plugins/newsroom/articles/${story.documentId}?quote=${quotes.unsure}`
  );
  const unsure = quoteCard(page, quotes.unsure);
  const form = unsure.getByTestId('newsroom-quote-correct-form');
  await form.waitFor({ timeout: 30000 });
  // That quote, in view, the keyboard in its speaker's field; the other quote stays closed.
  expect(await focusedQuote(page)).toBe(quotes.unsure);
  expect(await inViewport(page, form)).toBe(true);
  expect(
    await quoteCard(page, quotes.sure).getByTestId('newsroom-quote-correct-form').count()
  ).toBe(0);
  await shoot(page, 'quote-check-the-speaker');

  await page.keyboard.type('Petugas BPBD DKI');
  await form.getByRole('button', { name: 'Save speaker' }).click();
  await unsure.getByTestId('newsroom-quote-confirmed').waitFor();
  expect(await unsure.getByTestId('newsroom-quote-speaker').innerText()).toBe('— Petugas BPBD DKI');
  expect(await unsure.getByTestId('newsroom-quote-review').count()).toBe(0);
  await page.context().close();
});

test('in the manager, the "Check the speaker" badge opens the speaker form in place', async () => {
  // Flagged again, as a re-import would leave it.
  const flagged = await createQuote(story.documentId, {
    text: 'Pompa kami operasikan penuh,',
    paragraphId: (
      await request(`/newsroom/articles/${story.documentId}/placement`, {
        token: await adminToken(SUPER_ADMIN),
      })
    ).body.data.paragraphs[1].id,
    needsReview: true,
  });
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const card = quoteCard(page, flagged);
  await card.waitFor({ timeout: 30000 });
  expect(await card.getByTestId('newsroom-quote-correct-form').count()).toBe(0);
  await card.getByRole('button', { name: 'Check the speaker' }).click();
  const form = card.getByTestId('newsroom-quote-correct-form');
  await form.waitFor();
  expect(await focusedQuote(page)).toBe(flagged);
  await form.getByRole('button', { name: 'Cancel' }).click();
  expect(await form.count()).toBe(0);
  await page.context().close();
});

test("the content manager's Quote list shows each quote's story and filters the ones to check", async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/content-manager/collection-types/${QUOTE_UID}?page=1&pageSize=100`);
  const table = page.locator('table');
  await table.waitFor({ timeout: 30000 });
  // textContent: the headers are drawn in capitals.
  const headers = await table.locator('thead th').allTextContents();
  expect(headers.join('|')).toContain('Story');
  expect(headers.join('|')).toContain('Speaker to check');
  const row = table.locator('tbody tr').filter({ hasText: 'Pompa kami operasikan penuh' }).first();
  await row.waitFor();
  expect(await row.innerText()).toContain(TITLE);

  // Filters → "Speaker to check" is true, as an editor picks it.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Select field' }).click();
  await page.getByRole('option', { name: 'Speaker to check' }).click();
  // The value is Strapi's toggle, named after the field (it starts unset; one click: true).
  const popover = page.getByRole('dialog');
  await popover.getByRole('checkbox', { name: 'Speaker to check' }).click();
  await popover.getByRole('button', { name: 'Add filter' }).click();
  await page.waitForURL(/needsReview/);
  await page.waitForLoadState('networkidle');
  const rows = await table.locator('tbody tr').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  // The story's quote decided in the first test is no longer to check; the flagged one is.
  expect(rows.some((text) => text.includes('Warga pesisir diminta mengungsi'))).toBe(false);
  expect(rows.some((text) => text.includes('Pompa kami operasikan penuh'))).toBe(true);
  await shoot(page, 'quote-list-to-check');
  await page.context().close();
});
