/**
 * Editorial controls over the suggestions, in a real browser: dismiss one with a reason and
 * undo it, never suggest a pair (and restore it), scope the suggestions to a tag, a cap that
 * stops them, a dismissal from the orphans queue, and the age limit (3650 days for the e2e
 * server, helpers/server.js) with its evergreen flag. Stories of their own (unique titles);
 * the server side of each control is tests/integration/suggestion-controls.
 */
import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ARTICLE_UID, createArticle, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, mainNav, newAdminPage } from './helpers/browser';

const RUN = crypto.randomBytes(3).toString('hex');
const SCOPE = `Kaldera ${RUN}`;
const MAIN = `Erupsi Gunung Kaldera Paksa Warga Mengungsi ${RUN}`;
const ASH = `Hujan Abu Vulkanik Tutup Bandara Kaldera ${RUN}`;
const SHELTER = `Pengungsi Erupsi Kaldera Butuh Masker ${RUN}`;
const CRATER = `Kawah Kaldera Semburkan Lava Pijar ${RUN}`;

let browser: Browser;
let main: { documentId: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const words = 'erupsi gunung kaldera abu vulkanik lava pijar warga mengungsi masker';
  await createArticle({ title: ASH, tags: ['Erupsi'], paragraphs: [`${ASH}: ${words}.`] });
  await createArticle({ title: SHELTER, tags: ['Erupsi'], paragraphs: [`${SHELTER}: ${words}.`] });
  await createArticle({ title: CRATER, tags: [SCOPE], paragraphs: [`${CRATER}: ${words}.`] });
  main = await createArticle({
    title: MAIN,
    tags: ['Erupsi', SCOPE],
    paragraphs: [
      `Gunung kaldera erupsi pagi ini, abu vulkanik dan lava pijar ${RUN}.`,
      'Warga mengungsi dan membutuhkan masker.',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

const openEditor = async (): Promise<Page> => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.goto(`/admin/plugins/newsroom/articles/${main.documentId}`);
  await suggestion(page, ASH).waitFor({ timeout: 30000 });
  return page;
};
const suggestion = (page: Page, title: string) =>
  page.getByTestId('newsroom-suggestion').filter({ hasText: title });

test('dismiss with a reason, then undo', async () => {
  const page = await openEditor();
  await suggestion(page, ASH).getByRole('button', { name: 'Dismiss' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Outdated' }).click();
  await dialog.getByRole('textbox').fill('old ash report');
  await dialog.getByRole('button', { name: 'Dismiss' }).click();
  await suggestion(page, ASH).waitFor({ state: 'detached' });
  const done = page.getByTestId('newsroom-control-done');
  expect(await done.textContent()).toContain(`“${ASH}” dismissed for this story.`);
  // Listed with its reason and note, who did it
  const listed = page.getByTestId('newsroom-dismissed-rule').filter({ hasText: ASH });
  expect(await listed.textContent()).toMatch(/Outdated, by .*\(old ash report\)/);

  await done.getByRole('button', { name: 'Undo' }).click();
  await suggestion(page, ASH).waitFor();
  await listed.waitFor({ state: 'detached' });
  await page.context().close();
});

test('never suggest this pair, then restore it from the list', async () => {
  const page = await openEditor();
  await suggestion(page, SHELTER).getByRole('button', { name: 'Never suggest this pair' }).click();
  await suggestion(page, SHELTER).waitFor({ state: 'detached' });
  expect(await page.getByTestId('newsroom-control-done').textContent()).toContain(
    'will never be suggested for each other'
  );
  const listed = page.getByTestId('newsroom-dismissed-rule').filter({ hasText: SHELTER });
  await listed.getByRole('button', { name: 'Restore' }).click();
  await suggestion(page, SHELTER).waitFor();
  await page.context().close();
});

test('scope by tag, then undo', async () => {
  const page = await openEditor();
  const settings = page.getByTestId('newsroom-suggestion-settings');
  await settings.getByRole('checkbox', { name: SCOPE }).click();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await suggestion(page, ASH).waitFor({ state: 'detached' });
  // Only the story sharing the chosen tag is left.
  await suggestion(page, CRATER).waitFor();
  expect(await page.getByTestId('newsroom-suggestion').count()).toBe(1);

  await settings.getByRole('button', { name: 'Undo' }).click();
  await suggestion(page, ASH).waitFor();
  await page.context().close();
});

test('a cap: once the story has that many links, "cap reached" and no suggestions', async () => {
  const page = await openEditor();
  const settings = page.getByTestId('newsroom-suggestion-settings');
  await settings.getByRole('textbox', { name: 'Most Baca Juga links for this story' }).fill('1');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByTestId('newsroom-control-done').waitFor();
  // No link yet: still offered. One added (unsaved): the cap counts the links on screen.
  await suggestion(page, CRATER).getByRole('button', { name: 'Add' }).click();
  const reached = page.getByTestId('newsroom-cap-reached');
  await reached.waitFor();
  expect(await reached.textContent()).toMatch(/^Cap reached: this story has its 1 Baca Juga link/);
  expect(await page.getByTestId('newsroom-suggestion').count()).toBe(0);
  // The added link is not saved: the story stays without links for the queue below.
  await page.getByTestId('newsroom-undo').click();
  await suggestion(page, ASH).waitFor();
  await settings.getByRole('button', { name: 'Undo' }).click();
  await settings.getByTestId('newsroom-control-done').waitFor({ state: 'detached' });
  await page.context().close();
});

test('the orphans queue: dismiss a suggestion, then undo', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await mainNav(page).getByRole('link', { name: 'Baca Juga' }).click();
  await page.getByRole('link', { name: 'Stories without links' }).click();
  const story = page.locator(
    `[data-testid="newsroom-orphan"][data-document-id="${main.documentId}"]`
  );
  await story.waitFor({ timeout: 30000 });
  const first = story.getByTestId('newsroom-orphan-suggestion').first();
  const id = await first.getAttribute('data-document-id');
  await first.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Dismiss' }).click();
  const gone = story.locator(
    `[data-testid="newsroom-orphan-suggestion"][data-document-id="${id}"]`
  );
  await gone.waitFor({ state: 'detached' });
  const done = page.getByTestId('newsroom-control-done');
  expect(await done.textContent()).toContain('dismissed for this story');
  await done.getByRole('button', { name: 'Undo' }).click();
  await gone.waitFor();
  await page.context().close();
});

test('the age limit: an old story is left out unless evergreen; flagged in the content manager, it is offered', async () => {
  // Two stories dated 2014, over ten years before the fresh one (dated when published): past
  // the e2e server's age limit of 3650 days. Only the guide is evergreen.
  const tag = `Sarimas ${RUN}`;
  const words = `gempa guncang lembah sarimas ${RUN} rumah retak warga mengungsi`;
  const fresh = await createArticle({
    title: `Gempa Guncang Lembah Sarimas ${RUN}`,
    tags: [tag],
    paragraphs: [`${words}.`],
  });
  const OLD = `Gempa Lembah Sarimas Sebelas Tahun Lalu ${RUN}`;
  const GUIDE = `Panduan Selamat dari Gempa di Lembah Sarimas ${RUN}`;
  const old = await createArticle({
    title: OLD,
    tags: [tag],
    paragraphs: [`${words}.`],
    reportedAt: '2014-01-10',
  });
  await createArticle({
    title: GUIDE,
    tags: [tag],
    paragraphs: [`${words}.`],
    reportedAt: '2014-01-10',
    evergreen: true,
  });

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.setViewportSize({ width: 1440, height: 2400 });
  const editor = `/admin/plugins/newsroom/articles/${fresh.documentId}`;
  await page.goto(editor);
  await suggestion(page, GUIDE).waitFor({ timeout: 30000 });
  expect(await suggestion(page, OLD).count()).toBe(0);
  expect(await page.getByTestId('newsroom-suggestion-settings').textContent()).toMatch(
    /Stories dated more than 3,?650 days before this one are not suggested unless marked evergreen\./
  );

  // Flagged evergreen in the content manager's edit view, and published so.
  await page.goto(`/admin/content-manager/collection-types/${ARTICLE_UID}/${old.documentId}`);
  await page.getByRole('checkbox', { name: 'Evergreen' }).check({ timeout: 30000 });
  const published = page.waitForResponse(
    (r) => r.url().includes('/actions/publish') && r.request().method() === 'POST'
  );
  await page.getByRole('button', { name: 'Publish' }).click();
  expect((await published).status()).toBe(200);

  await page.goto(editor);
  await suggestion(page, OLD).waitFor({ timeout: 30000 });
  await page.context().close();
});
