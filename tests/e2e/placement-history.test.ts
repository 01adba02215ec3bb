/**
 * Placement history (issue 30, item 5): an editor placed links last night, a colleague saved
 * a different placement this morning; the editor opens History, sees who did what, and
 * restores last night's placement, which readers get again and the history shows.
 */
import type { Browser } from 'playwright-core';
import { createAdminUser, createArticle, placeLinks, request } from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What readers get: each Baca Juga block's label and the paragraph (1-based) it follows. */
const readersSee = async (slug: string) => {
  const { status, body } = await request(`/api/newsroom/articles/${slug}`);
  expect(status).toBe(200);
  let paragraph = 0;
  return (body.data.body as any[]).flatMap((block) => {
    if (block.type === 'paragraph') paragraph += 1;
    return block.type === 'baca-juga' ? [`${block.label} @${paragraph}`] : [];
  });
};

test("an editor restores last night's placement after a colleague's save", async () => {
  const actions = ['plugin::newsroom.read', 'plugin::newsroom.manage'];
  const editor = await createAdminUser({ actions, firstname: 'Rina', lastname: 'Malam' });
  const colleague = await createAdminUser({ actions, firstname: 'Bayu', lastname: 'Pagi' });
  const unique = Date.now().toString(36);
  const rice = await createArticle({ title: `Harga Beras Riwayat ${unique}` });
  const harvest = await createArticle({ title: `Panen Raya Riwayat ${unique}` });
  const story = await createArticle({
    title: `Cerita Riwayat ${unique}`,
    paragraphs: ['Satu.', 'Dua.', 'Tiga.'],
  });

  // Last night, by the editor; this morning, the colleague's own placement.
  const lastNight = [
    { target: rice.documentId, afterParagraph: 0, label: 'Soal beras' },
    { target: harvest.documentId, afterParagraph: 2 },
  ];
  await placeLinks(story.documentId, lastNight, editor.token);
  const expected = await readersSee(story.slug);
  expect(expected).toEqual(['Soal beras @1', `Panen Raya Riwayat ${unique} @3`]);
  await placeLinks(
    story.documentId,
    [{ target: harvest.documentId, afterParagraph: 1 }],
    colleague.token
  );
  expect(await readersSee(story.slug)).toEqual([`Panen Raya Riwayat ${unique} @2`]);

  const page = await newAdminPage(browser, editor);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  await page.getByTestId('newsroom-history').click();
  const entries = page.getByTestId('newsroom-history-entry');
  await entries.first().waitFor({ timeout: 30000 });
  expect(await entries.count()).toBe(2);
  expect(await entries.nth(0).textContent()).toContain('Bayu Pagi');
  expect(await entries.nth(0).textContent()).toContain(
    'Removed “Soal beras” from after paragraph 1'
  );
  expect(await entries.nth(1).textContent()).toContain('Rina Malam');
  expect(await entries.nth(1).textContent()).toContain('Added “Soal beras” after paragraph 1');
  await shoot(page, 'placement-history');

  await entries.nth(1).getByRole('button', { name: 'Restore this placement' }).click();
  await page
    .getByText(/Baca Juga links saved/)
    .first()
    .waitFor({ timeout: 30000 });
  expect(await readersSee(story.slug)).toEqual(expected);

  // The restore is the newest entry, the editor's own.
  await page.getByTestId('newsroom-history').click();
  await entries.nth(2).waitFor({ timeout: 30000 });
  expect(await entries.count()).toBe(3);
  expect(await entries.nth(0).textContent()).toContain('Rina Malam');
  expect(await entries.nth(0).textContent()).toContain('Added “Soal beras” after paragraph 1');
  expect(await entries.nth(0).textContent()).toContain(
    `Moved “Panen Raya Riwayat ${unique}” from after paragraph 2 to after paragraph 3`
  );
  await page.context().close();
});
