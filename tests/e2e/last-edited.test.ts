/**
 * "Last edited" in the manager's list follows a Baca Juga save (issue 29, item 5): the save
 * writes link rows, not the story's, and the list shows when the story's links last changed
 * when that is later than the story's own edit, saying so on hover. The story's own updatedAt
 * (the content manager's "modified") stays as it was.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import {
  adminToken,
  ARTICLE_UID,
  createArticle,
  placeLinks,
  request,
  SUPER_ADMIN,
} from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

let browser: Browser;
let target: { documentId: string };
let source: { documentId: string };

/** The story's own updatedAt, as the content manager reads it. */
const ownUpdatedAt = async (documentId: string): Promise<string> => {
  const token = await adminToken(SUPER_ADMIN);
  const { status, body } = await request(
    `/content-manager/collection-types/${ARTICLE_UID}/${documentId}`,
    { token }
  );
  expect(status).toBe(200);
  return body.data.updatedAt;
};

/** The list's "Last edited" cell of the story: its instant, its hover text and what it was of. */
const lastEdited = async (page: Page, documentId: string) => {
  await page.goto('/admin/plugins/newsroom');
  const row = page.locator(
    `[data-testid="newsroom-article-row"][data-document-id="${documentId}"]`
  );
  const cell = row.getByTestId('newsroom-last-edited');
  await cell.waitFor({ timeout: 30000 });
  return {
    at: (await cell.getAttribute('datetime')) as string,
    title: (await cell.getAttribute('title')) as string,
    of: await cell.getAttribute('data-edited'),
  };
};

beforeAll(async () => {
  browser = await launchBrowser();
  target = await createArticle({ title: 'Gempa Guncang Cianjur Lagi' });
  source = await createArticle({
    title: 'Warga Cianjur Kembali Mengungsi',
    paragraphs: ['Warga mengungsi.', 'Tenda didirikan.'],
  });
});
afterAll(async () => {
  await browser?.close();
});

test('the list shows a Baca Juga save as the story’s last edit, the story left unmodified', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  const own = await ownUpdatedAt(source.documentId);
  const before = await lastEdited(page, source.documentId);
  // Before any link: the story's own edit, to the millisecond.
  expect(before.at).toBe(own);
  expect(before.of).toBe('story');
  expect(before.title).not.toMatch(/Baca Juga/);

  // Apart enough that the two instants cannot be one.
  await sleep(1500);
  await placeLinks(source.documentId, [{ target: target.documentId, afterParagraph: 1 }]);
  const after = await lastEdited(page, source.documentId);
  expect(Date.parse(after.at) - Date.parse(before.at)).toBeGreaterThanOrEqual(1500);
  expect(after.of).toBe('links');
  expect(after.title).toMatch(/\(Baca Juga links edited\)$/);
  // The most recently edited story leads the list.
  const first = page.getByTestId('newsroom-article-row').first();
  expect(await first.getAttribute('data-document-id')).toBe(source.documentId);
  // The story itself was not touched: the content manager does not call it modified.
  expect(await ownUpdatedAt(source.documentId)).toBe(own);
  await shoot(page, 'last-edited-links');

  // A save that only takes the link away moves it again.
  await sleep(1500);
  await placeLinks(source.documentId, []);
  const removed = await lastEdited(page, source.documentId);
  expect(Date.parse(removed.at) - Date.parse(after.at)).toBeGreaterThanOrEqual(1500);
  expect(removed.of).toBe('links');
  expect(await ownUpdatedAt(source.documentId)).toBe(own);

  // In Indonesian, in the admin's own words.
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'id'));
  expect((await lastEdited(page, source.documentId)).title).toMatch(/\(tautan Baca Juga diubah\)$/);
  await page.context().close();
});
