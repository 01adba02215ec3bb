/**
 * A newsroom in two languages, in Chromium: a playground of its own started with
 * NEWSROOM_I18N=true (Indonesian `id` by default, English `en` beside it). The manager lists
 * one locale at a time, opens the English version of a story, copies its Indonesian Baca Juga
 * links across (by paragraph position, each target swapped for its English version, a link
 * without one named), and readers of the English story get exactly what was copied.
 */
import type { Browser } from 'playwright-core';
import { ARTICLE_UID, adminToken, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage } from './helpers/browser';

const { startServer, stopServer } = require('./helpers/server');

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;

let browser: Browser;
let server: { baseUrl: string } | undefined;
let token: string;

/** A story in `locale`, published: a new document, or the translation of `documentId`. */
const story = async (
  locale: string,
  title: string,
  paragraphs: string[],
  documentId?: string
): Promise<{ documentId: string; slug: string }> => {
  const body = { title, tags: [], body: paragraphs.map((text) => ({ text })) };
  const written = documentId
    ? await request(`${CM}/${documentId}?locale=${locale}`, { method: 'PUT', token, body })
    : await request(`${CM}?locale=${locale}`, { method: 'POST', token, body });
  if (written.status >= 300) throw new Error(`${title}: ${JSON.stringify(written.body)}`);
  const id = written.body.data.documentId as string;
  const published = await request(`${CM}/${id}/actions/publish?locale=${locale}`, {
    method: 'POST',
    token,
    body: {},
  });
  if (published.status !== 200) throw new Error(`publish ${title}: ${published.status}`);
  return { documentId: id, slug: published.body.data.slug };
};

let source: { documentId: string; slug: string };
let sourceEn: { documentId: string; slug: string };

beforeAll(async () => {
  const previous = { ...process.env };
  Object.assign(process.env, { NEWSROOM_I18N: 'true', STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE: 'id' });
  try {
    server = await startServer();
  } finally {
    process.env.NEWSROOM_I18N = previous.NEWSROOM_I18N;
  }
  // This file's helpers talk to this server (jest gives each file its own process.env).
  process.env.NEWSROOM_E2E_URL = server!.baseUrl;
  browser = await launchBrowser();
  token = await adminToken(SUPER_ADMIN);

  const treaty = await story('id', 'Korut Sahkan Pakta', ['Pyongyang meratifikasi pakta.']);
  await story(
    'en',
    'North Korea Ratifies Pact',
    ['Pyongyang ratified the pact.'],
    treaty.documentId
  );
  const rice = await story('id', 'Harga Beras Naik Lagi', ['Harga beras naik.']);
  source = await story('id', 'Banjir Rendam Jakarta', [
    'Hujan deras.',
    'Air naik.',
    'Warga mengungsi.',
  ]);
  sourceEn = await story(
    'en',
    'Floods Swamp Jakarta',
    ['Heavy rain.', 'Water rose.', 'Residents fled.'],
    source.documentId
  );
  // One story in each language only, both about floods: each belongs to its own locale's
  // suggestions and orphans queue.
  await story('en', 'Flood Victims Return Home', ['Residents who fled the floods returned home.']);
  await story('id', 'Banjir Susulan Landa Bekasi', ['Banjir susulan merendam rumah warga.']);
  // The Indonesian story's links, placed through the manager's own save.
  const placement = await request(`/newsroom/articles/${source.documentId}/placement`, { token });
  const paragraphs = placement.body.data.paragraphs;
  const saved = await request(`/newsroom/articles/${source.documentId}/placement`, {
    method: 'PUT',
    token,
    body: {
      version: placement.body.data.version,
      links: [
        {
          targetDocumentId: treaty.documentId,
          url: null,
          label: null,
          afterParagraphId: paragraphs[1].id,
        },
        {
          targetDocumentId: rice.documentId,
          url: null,
          label: null,
          afterParagraphId: paragraphs[2].id,
        },
      ],
    },
  });
  if (saved.status !== 200) throw new Error(`placement: ${JSON.stringify(saved.body)}`);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
});

test('the manager lists one locale, and copies the Indonesian links into the English story', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);

  // The list in English: English titles only, with the language picker.
  await page.goto('/admin/plugins/newsroom?locale=en');
  await page.getByTestId('newsroom-list-locale').waitFor({ timeout: 30000 });
  await page.getByText('Floods Swamp Jakarta').first().waitFor({ timeout: 15000 });
  expect(await page.getByText('Banjir Rendam Jakarta').count()).toBe(0);

  // Its English version in the editor: no links yet.
  await page.getByText('Floods Swamp Jakarta').first().click();
  await page.waitForURL(/\/articles\/[^/?]+\?locale=en/, { timeout: 15000 });
  await page.getByTestId('newsroom-locale-bar').waitFor({ timeout: 15000 });
  expect(await page.getByTestId('newsroom-link').count()).toBe(0);

  await page.getByTestId('newsroom-copy-from-id').click();
  // One link copied, one named as left out: the rice story has no English version.
  await page
    .getByText(/Links copied: 1\. Left out: Harga Beras Naik Lagi \(no version in this language\)/)
    .first()
    .waitFor({ timeout: 15000 });
  const cards = page.getByTestId('newsroom-link');
  await cards.first().waitFor({ timeout: 15000 });
  expect(await cards.count()).toBe(1);
  await page.getByText('North Korea Ratifies Pact').first().waitFor();

  // Readers of the English story get the English target, after the second paragraph.
  const render = await request(`/api/newsroom/articles/${sourceEn.slug}`);
  const blocks = render.body.data.body.map((b: any) =>
    b.type === 'paragraph' ? b.text : `→ ${b.target?.title}`
  );
  expect(blocks).toEqual([
    'Heavy rain.',
    'Water rose.',
    '→ North Korea Ratifies Pact',
    'Residents fled.',
  ]);
  // The content manager's side panel of the Indonesian version counts the English links.
  await page.goto(
    `/admin/content-manager/collection-types/${ARTICLE_UID}/${source.documentId}?plugins[i18n][locale]=id`
  );
  const panel = page.getByTestId('newsroom-panel-translations');
  await panel.waitFor({ timeout: 30000 });
  await panel.getByText('en: 1 Baca Juga link').waitFor({ timeout: 15000 });

  // And the Indonesian story is as it was.
  const indonesian = await request(`/api/newsroom/articles/${source.slug}`);
  expect(indonesian.body.data.body.filter((b: any) => b.type === 'baca-juga')).toHaveLength(2);
  await page.context().close();
});

test('suggests English stories to the English version, in the editor and the orphans queue', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${source.documentId}?locale=en`);
  const suggestion = page.getByTestId('newsroom-suggestion');
  await suggestion
    .filter({ hasText: 'Flood Victims Return Home' })
    .first()
    .waitFor({ timeout: 30000 });
  expect(await suggestion.filter({ hasText: 'Banjir Susulan Landa Bekasi' }).count()).toBe(0);

  // The English orphans queue: English versions, English suggestions, and the switcher.
  await page.goto('/admin/plugins/newsroom/orphans?locale=en');
  await page.getByTestId('newsroom-list-locale').waitFor({ timeout: 30000 });
  const orphans = page.getByTestId('newsroom-orphan');
  await orphans
    .filter({ hasText: 'Flood Victims Return Home' })
    .first()
    .waitFor({ timeout: 15000 });
  expect(await orphans.filter({ hasText: 'Banjir Susulan Landa Bekasi' }).count()).toBe(0);
  // The Indonesian queue, picked in the switcher, has the Indonesian story instead.
  await page.getByTestId('newsroom-list-locale').getByRole('combobox').click();
  await page
    .getByRole('option', { name: /Indonesian|id/ })
    .first()
    .click();
  await page.waitForURL(/orphans\?locale=id/, { timeout: 15000 });
  await orphans
    .filter({ hasText: 'Banjir Susulan Landa Bekasi' })
    .first()
    .waitFor({ timeout: 15000 });
  expect(await orphans.filter({ hasText: 'Flood Victims Return Home' }).count()).toBe(0);
  await page.context().close();
});
