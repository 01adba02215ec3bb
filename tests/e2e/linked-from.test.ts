/**
 * Who links here, before an unpublish: the content manager's side panel lists the stories
 * whose Baca Juga links point at this one and warns, while the story is live, that
 * unpublishing it takes their links away from readers; its "show them" link opens the
 * manager's list filtered to those stories; the manager's editor lists them too.
 */
import type { Browser } from 'playwright-core';
import {
  adminToken,
  createArticle,
  placeLinks,
  publishArticle,
  request,
  SUPER_ADMIN,
} from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

let browser: Browser;
let target: { documentId: string; slug: string };
let source: { documentId: string; slug: string };

beforeAll(async () => {
  browser = await launchBrowser();
  target = await createArticle({ title: 'Harga Cabai Turun di Pasar Induk' });
  source = await createArticle({
    title: 'Petani Cabai Keluhkan Ongkos Angkut',
    paragraphs: ['Petani mengeluh.', 'Ongkos angkut naik.'],
  });
  // The source links to the target, through the manager's own save.
  await placeLinks(source.documentId, [{ target: target.documentId, afterParagraph: 0 }]);
});
afterAll(async () => {
  await browser?.close();
});

test('the side panel lists who links here and warns before an unpublish', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(
    `/admin/content-manager/collection-types/plugin::newsroom.article/${target.documentId}`
  );
  const linkedFrom = page.getByTestId('newsroom-side-panel').getByTestId('newsroom-linked-from');
  await linkedFrom.waitFor({ timeout: 30000 });
  // One story: ICU plural rules, not "1 stories".
  expect(await linkedFrom.innerText()).toMatch(/Linked from 1 story\b/i);
  expect(await linkedFrom.innerText()).toContain('Petani Cabai Keluhkan Ongkos Angkut');
  const warning = linkedFrom.getByTestId('newsroom-unpublish-warning');
  expect(await warning.innerText()).toContain('1 live story links here');
  await shoot(page, 'linked-from');

  await linkedFrom.getByRole('link', { name: 'Show them in the list' }).click();
  await page.waitForURL(`**/admin/plugins/newsroom?linksTo=${target.documentId}`);
  await page.getByTestId('newsroom-links-to-filter').waitFor();
  const rows = page.getByTestId('newsroom-article-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getAttribute('data-document-id')).toBe(source.documentId);
  await page.context().close();
});

test('the editor lists who links here; a story nobody links to says so, with no warning', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${target.documentId}`);
  const linkedFrom = page.getByTestId('newsroom-linked-from');
  await linkedFrom.waitFor({ timeout: 30000 });
  expect(await linkedFrom.innerText()).toContain('Petani Cabai Keluhkan Ongkos Angkut');

  await page.goto(`/admin/plugins/newsroom/articles/${source.documentId}`);
  await page.getByTestId('newsroom-paragraph').first().waitFor();
  const none = page.getByTestId('newsroom-linked-from');
  await none.waitFor();
  expect(await none.innerText()).toMatch(/No story links here/i);
  expect(await none.getByTestId('newsroom-unpublish-warning').count()).toBe(0);
  await page.context().close();
});

test('"Next to review" leads from a story to the next one with links or quotes to check', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  // The seeded story has quotes whose speaker the importer could not tell.
  await page.goto(`/admin/plugins/newsroom/articles/${target.documentId}`);
  const next = page.getByTestId('newsroom-next-to-review');
  await next.waitFor({ timeout: 30000 });
  await next.getByRole('link').click();
  await page.waitForURL((url) => !url.pathname.endsWith(target.documentId));
  await page.getByTestId('newsroom-paragraph').first().waitFor();
  const flagged =
    (await page.getByTestId('newsroom-quote-review').count()) +
    (await page.getByText('Moved: its paragraph was deleted').count());
  expect(flagged).toBeGreaterThan(0);
  await page.context().close();
});

test("in Indonesian, Strapi's own states are named in Strapi's own words", async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  // The admin's language, as the profile page's picker stores it.
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'id'));
  await page.goto('/admin/plugins/newsroom');
  const row = page
    .getByTestId('newsroom-article-row')
    .filter({ hasText: 'Harga Cabai Turun di Pasar Induk' });
  await row.waitFor({ timeout: 30000 });
  // Strapi's list badge says "Dipublikasi"; "Terbit" is its Publish button.
  expect(await row.innerText()).toContain('Dipublikasi');
  expect(await row.innerText()).not.toMatch(/\bTerbit\b/);
  await page.context().close();
});

test("the content manager's Unpublish and Delete name the live stories that link here and their readers; while down, the panel says their links wait", async () => {
  // Four readers of the live source this week, as its frontend reports them.
  const sent = await request('/api/newsroom/events', {
    method: 'POST',
    body: { events: [1, 2, 3, 4].map(() => ({ type: 'view', article: source.documentId })) },
  });
  expect(sent.status).toBe(202);
  const token = await adminToken(SUPER_ADMIN);
  // Counts reach the database at the next flush.
  for (let tries = 0; tries < 60; tries += 1) {
    const { body } = await request(`/newsroom/articles/${target.documentId}/live-backlinks`, {
      token,
    });
    if (body.data.views >= 4) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(
    `/admin/content-manager/collection-types/plugin::newsroom.article/${target.documentId}`
  );
  await page.getByTestId('newsroom-unpublish-warning').waitFor({ timeout: 30000 });

  // Delete (the header's menu): Strapi's own confirmation, with what readers lose; cancelled.
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  let dialog = page.getByRole('alertdialog');
  const deleting = dialog.getByTestId('newsroom-live-backlinks');
  await deleting.getByText('Petani Cabai Keluhkan Ongkos Angkut').waitFor();
  expect(await deleting.innerText()).toContain(
    'Deleting takes the Baca Juga links to this story away from readers'
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Unpublish (the panel's menu): a story nobody edited since its publish had no confirmation.
  await page.getByRole('button', { name: 'More document actions' }).click();
  await page.getByRole('menuitem', { name: 'Unpublish' }).click();
  dialog = page.getByRole('alertdialog');
  const impact = dialog.getByTestId('newsroom-live-backlinks');
  await impact.getByText('Petani Cabai Keluhkan Ongkos Angkut').waitFor();
  const said = await impact.innerText();
  expect(said).toContain('1 live story links here');
  expect(said).toContain('4 views');
  expect(said).toContain('Stories with a link here: 4 views in the last 7 days');
  await shoot(page, 'unpublish-confirmation');
  await dialog.getByRole('button', { name: 'Unpublish' }).click();

  // Down: the panel says the live story's link waits for it.
  const down = page.getByTestId('newsroom-side-panel').getByTestId('newsroom-down-notice');
  await down.waitFor({ timeout: 15000 });
  expect(await down.innerText()).toContain(
    '1 live story linked here; their links are hidden until you publish again'
  );
  expect(await page.getByTestId('newsroom-unpublish-warning').count()).toBe(0);
  await page.context().close();
  await publishArticle(target.documentId);
});
