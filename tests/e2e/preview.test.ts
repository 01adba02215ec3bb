/**
 * Strapi's Preview button on an Article, clicked as an editor would: the content manager's
 * "Open preview" opens the playground's preview link (config/admin.ts: the plugin's draft
 * route with a short-lived token, as there is no frontend here) and the frame shows the
 * draft, not the published story.
 */
import type { Browser } from 'playwright-core';
import { ARTICLE_UID, adminToken, createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage } from './helpers/browser';

let browser: Browser;
let story: { documentId: string; slug: string };

beforeAll(async () => {
  browser = await launchBrowser();
  story = await createArticle({ title: 'Pelabuhan Baru Dibuka Bulan Depan' });
  // A draft edit after the publish: the preview must show it, readers must not.
  const token = await adminToken(SUPER_ADMIN);
  const edited = await request(
    `/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}`,
    {
      method: 'PUT',
      token,
      body: { title: 'Pelabuhan Baru Dibuka Pekan Depan' },
    }
  );
  expect(edited.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

test('"Open preview" shows the draft render in the preview frame', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}`);
  const open = page.getByRole('link', { name: 'Open preview' });
  await open.waitFor({ timeout: 30000 });
  await open.click();
  const frame = page.getByTestId('preview-iframe');
  await frame.waitFor({ timeout: 30000 });
  expect(await frame.getAttribute('src')).toMatch(/^\/api\/newsroom\/preview\?token=/);
  const body = page.frameLocator('[data-testid="preview-iframe"]').locator('body');
  await body.getByText('Pelabuhan Baru Dibuka Pekan Depan').first().waitFor({ timeout: 15000 });
  // Readers still get the published title.
  const live = await request(`/api/newsroom/articles/${story.slug}`);
  expect(live.body.data.title).toBe('Pelabuhan Baru Dibuka Bulan Depan');
  await page.context().close();
});
