/**
 * What readers do with a link, in the editor: a frontend reports views of a story and clicks
 * on its Baca Juga links (POST /api/newsroom/events, anonymous, as a browser would); after the
 * server's periodic write, each link card shows its clicks and click-through over 30 days.
 */
import type { Browser } from 'playwright-core';
import { adminToken, createArticle, placeLinks, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

let browser: Browser;
let source: { documentId: string; slug: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const target = await createArticle({ title: 'Nelayan Cilacap Panen Ikan Layur' });
  const other = await createArticle({ title: 'Harga Solar Nelayan Naik' });
  source = await createArticle({
    title: 'Musim Angin Barat, Nelayan Cilacap Melaut Lebih Jauh',
    paragraphs: ['Nelayan melaut lebih jauh.', 'Hasil tangkapan turun.'],
  });
  await placeLinks(source.documentId, [
    { target: target.documentId, afterParagraph: 0 },
    { target: other.documentId, afterParagraph: 1 },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

test("each link card shows its readers' clicks and click-through", async () => {
  // The frontend's view: the render names each block's link.
  const story = await request(`/api/newsroom/articles/${source.slug}`);
  const links: string[] = story.body.data.body
    .filter((b: any) => b.type === 'baca-juga')
    .map((b: any) => b.link);
  expect(links).toHaveLength(2);
  const posted = await request('/api/newsroom/events', {
    method: 'POST',
    body: {
      events: [
        ...Array.from({ length: 8 }, () => ({ type: 'view', article: source.documentId })),
        { type: 'click', link: links[0] },
        { type: 'click', link: links[0] },
      ],
    },
  });
  expect(posted.status).toBe(202);

  // Written by the server's next flush (every 2 s): wait for the counts to be there.
  const token = await adminToken(SUPER_ADMIN);
  const deadline = Date.now() + 15000;
  let views = 0;
  while (views < 8 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stats = await request(`/newsroom/articles/${source.documentId}/link-stats`, { token });
    views = stats.body.data.views.total;
  }
  expect(views).toBe(8);

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto(`/admin/plugins/newsroom/articles/${source.documentId}`);
  const cards = page.getByTestId('newsroom-link');
  await cards.first().waitFor();
  const first = cards.filter({ hasText: 'Nelayan Cilacap Panen Ikan Layur' });
  const second = cards.filter({ hasText: 'Harga Solar Nelayan Naik' });
  await first.getByTestId('newsroom-link-stats').waitFor();
  expect(await first.getByTestId('newsroom-link-stats').innerText()).toBe(
    'Last 30 days: 2 clicks in 8 story views (25.0%)'
  );
  expect(await second.getByTestId('newsroom-link-stats').innerText()).toBe(
    'Last 30 days: 0 clicks in 8 story views (0.0%)'
  );
  await shoot(page, 'click-through');
  await page.context().close();
});
