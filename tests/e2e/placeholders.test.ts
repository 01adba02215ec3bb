/**
 * Placeholders (stories the importer made for a Baca Juga line whose story it could not
 * find): the add-link dialog says what readers get of a link to one (its label, unlinked, not
 * "nothing"), and the list keeps them out of "Drafts only" and "Without Baca Juga links"
 * and gives them a filter of their own.
 */
import type { Browser } from 'playwright-core';
import { adminToken, ARTICLE_UID, createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage } from './helpers/browser';

const PLACEHOLDER = 'Jembatan Gantung Putus Diterjang Banjir Bandang';
let browser: Browser;
let story: { documentId: string };
let placeholder: string;

beforeAll(async () => {
  browser = await launchBrowser();
  story = await createArticle({
    title: 'Warga Desa Terisolasi Setelah Banjir',
    paragraphs: ['Warga desa terisolasi.', 'Bantuan dikirim lewat sungai.'],
  });
  // As the importer makes one: a draft flagged as a placeholder, awaiting its copy.
  const created = await request(`/content-manager/collection-types/${ARTICLE_UID}`, {
    method: 'POST',
    token: await adminToken(SUPER_ADMIN),
    body: { title: PLACEHOLDER, tags: [], body: [], placeholder: true },
  });
  expect(created.status).toBe(201);
  placeholder = created.body.data.documentId;
});
afterAll(async () => {
  await browser?.close();
});

const rowsOf = async (filter: string) => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom?filter=${filter}&pageSize=100`);
  // Rows, or the word that none match (no drafts at all is a list without rows).
  await page
    .getByTestId('newsroom-article-row')
    .first()
    .or(page.getByText('No articles match these filters.'))
    .waitFor({ timeout: 30000 });
  const ids = await page
    .getByTestId('newsroom-article-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-document-id')));
  await page.context().close();
  return ids;
};

test('placeholders have their own filter, and stay out of "Drafts only" and "Without links"', async () => {
  // The seed's own placeholders are there too (its Baca Juga lines name stories not in it).
  const awaiting = await rowsOf('awaiting-copy');
  expect(awaiting).toContain(placeholder);
  expect(awaiting).not.toContain(story.documentId);
  expect(await rowsOf('drafts')).not.toContain(placeholder);
  expect(await rowsOf('no-links')).not.toContain(placeholder);

  // The filter is offered by name in the list's "Show" menu.
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto('/admin/plugins/newsroom');
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Placeholders awaiting copy' }).click();
  await page.waitForURL(/filter=awaiting-copy/);
  await page.context().close();
});

test('the add-link dialog says readers see a placeholder link as its label, without a link', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  await page.getByTestId('newsroom-paragraph').first().waitFor({ timeout: 30000 });
  await page.getByTestId('newsroom-slot').nth(1).getByRole('button', { name: 'Add link' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Search articles' }).fill('jembatan gantung');
  const option = dialog.getByTestId('newsroom-target-option').filter({ hasText: PLACEHOLDER });
  await option.waitFor();
  const said = await option.innerText();
  expect(said).toContain(
    "Awaiting copy: readers see the link's label, without a link, until this story is published."
  );
  expect(said).not.toMatch(/readers won.t see/i);
  await page.context().close();
});
