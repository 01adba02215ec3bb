/**
 * "Send purge again", clicked as an editor would: with no webhook subscribed to
 * `newsroom.invalidate` the editor is told nothing was sent; with one (created through
 * Strapi's own Settings → Webhooks API, pointing at a receiver in this test) the toast counts
 * it and the receiver gets the story's event, reason `resend`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { adminToken, createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage } from './helpers/browser';

let browser: Browser;
let story: { documentId: string; slug: string };
let receiver: http.Server;
const received: any[] = [];
let webhookId: string | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  story = await createArticle({ title: 'Banjir Rob Genangi Pesisir Utara' });
  receiver = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push(JSON.parse(text || 'null'));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  if (webhookId) {
    await request(`/admin/webhooks/${webhookId}`, {
      method: 'DELETE',
      token: await adminToken(SUPER_ADMIN),
    });
  }
  await new Promise((resolve) => receiver?.close(resolve));
  await browser?.close();
});

const clickPurgeAgain = async (page: Page) => {
  const panel = page.getByTestId('newsroom-purge-again');
  await panel.waitFor({ timeout: 30000 });
  await panel.getByRole('button', { name: 'Send purge again' }).click();
};

test('with no webhook subscribed, the editor is told nothing was sent', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  await clickPurgeAgain(page);
  await page
    .getByText('No webhook is subscribed to newsroom.invalidate: nothing was sent.')
    .waitFor({ timeout: 10000 });
  await page.context().close();
});

test("with one subscribed, the toast counts it and the receiver gets the story's event", async () => {
  const { port } = receiver.address() as AddressInfo;
  const created = await request('/admin/webhooks', {
    method: 'POST',
    token: await adminToken(SUPER_ADMIN),
    body: {
      name: 'frontend purge (browser test)',
      url: `http://127.0.0.1:${port}/purge`,
      headers: {},
      events: ['newsroom.invalidate'],
    },
  });
  expect(created.status).toBe(201);
  webhookId = String(created.body.data.id);

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const before = received.length;
  await clickPurgeAgain(page);
  await page.getByText('1 webhook gets the purge again').waitFor({ timeout: 10000 });
  // Delivered through the outbox, right after the click.
  const deadline = Date.now() + 15000;
  const resent = () =>
    received
      .slice(before)
      .find((body) => body?.reason === 'resend' && body.documentIds?.includes(story.documentId));
  while (!resent() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(resent()).toEqual(
    expect.objectContaining({
      tags: expect.arrayContaining([`nr-a-${story.documentId}`]),
      paths: expect.objectContaining({ new: [`/berita/${story.slug}`] }),
    })
  );
  await page.context().close();
});
