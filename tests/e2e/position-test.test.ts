/**
 * A position test of a Baca Juga link, end to end: the editor gives a published link a second
 * slot and saves; the render serves each variant its slot; a frontend reports views and clicks
 * per variant (POST /api/newsroom/events); the card says "no winner yet" until the counts make
 * the difference significant, then names the winner, and keeping it moves the link there for
 * every reader. Also the list's stories whose links nobody clicks.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { adminToken, createArticle, placeLinks, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

/** The events route takes at most this many events per request. */
const BATCH = 50;

let browser: Browser;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await adminToken(SUPER_ADMIN);
});
afterAll(async () => {
  await browser?.close();
});

type ReaderEvent =
  | { type: 'view'; article: string; variant?: 'a' | 'b' }
  | { type: 'click'; link: string; variant?: 'a' | 'b' };

/** Reports events as a frontend would (anonymous), in batches the route accepts. */
const report = async (events: ReaderEvent[]) => {
  for (let i = 0; i < events.length; i += BATCH) {
    const posted = await request('/api/newsroom/events', {
      method: 'POST',
      body: { events: events.slice(i, i + BATCH) },
    });
    expect(posted.status).toBe(202);
  }
};
const times = <T>(count: number, event: T): T[] => Array.from({ length: count }, () => event);

/** Link stats as the editor loads them. */
const linkStats = async (documentId: string) =>
  (await request(`/newsroom/articles/${documentId}/link-stats`, { token })).body.data;

/** Polls link stats (the server writes counts every 2 s) until `done` holds; returns them. */
const statsWhen = async (documentId: string, done: (stats: any) => boolean) => {
  const deadline = Date.now() + 15000;
  let stats = await linkStats(documentId);
  while (!done(stats) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    stats = await linkStats(documentId);
  }
  expect(done(stats)).toBe(true);
  return stats;
};

/** Where a reader of `variant` (or of no test) finds each Baca Juga block of the story. */
const rendered = async (slug: string, variant?: 'a' | 'b') => {
  const { status, body } = await request(
    `/api/newsroom/articles/${slug}${variant ? `?variant=${variant}` : ''}`
  );
  expect(status).toBe(200);
  const blocks: any[] = body.data.body;
  let after = 'start';
  const links: { link: string; after: string; variant: string | null }[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') after = block.id;
    if (block.type === 'baca-juga') links.push({ link: block.link, after, variant: block.variant });
  }
  return links;
};

/** Waits (up to 10 s) for the element's text to be `expected`. */
const expectText = async (locator: Locator, expected: string) => {
  const deadline = Date.now() + 10000;
  let seen = (await locator.count()) ? await locator.innerText() : '';
  while (seen !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = (await locator.count()) ? await locator.innerText() : '';
  }
  expect(seen).toBe(expected);
};

const openEditor = async (page: Page, documentId: string) => {
  await page.goto(`/admin/plugins/newsroom/articles/${documentId}`);
  await page.getByTestId('newsroom-link').first().waitFor();
};

const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Baca Juga links saved and published').waitFor();
};

test('a second slot is tested, the winner named, and keeping it moves the link', async () => {
  const target = await createArticle({ title: 'Posko Pengungsian Banjir Bekasi Kekurangan Air' });
  const story = await createArticle({
    title: 'Banjir Bekasi Rendam Tiga Kecamatan',
    paragraphs: [
      'Warga Bekasi mengungsi ke masjid terdekat sejak subuh tadi.',
      'Air setinggi dada merendam tiga kecamatan.',
      'BPBD mengirim perahu karet ke lokasi banjir.',
    ],
  });
  await placeLinks(story.documentId, [{ target: target.documentId, afterParagraph: 0 }]);

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.setViewportSize({ width: 1440, height: 1600 });
  await openEditor(page, story.documentId);
  const card = page.getByTestId('newsroom-link');
  const linkId = (await card.getAttribute('data-document-id')) as string;
  const paragraphs = await page
    .getByTestId('newsroom-paragraph')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-paragraph-id') as string));

  // "Test a second slot" opens the choice: every other slot, named by its paragraph's words.
  await card.getByRole('button', { name: 'Test a second slot' }).click();
  await page.getByRole('option').first().waitFor();
  const options = await page.getByRole('option').allInnerTexts();
  expect(options).toEqual([
    'No position test',
    'Before the first paragraph',
    'After paragraph 2: Air setinggi dada merendam tiga kecamatan.',
    'After paragraph 3: BPBD mengirim perahu karet ke lokasi…',
  ]);
  await page.getByRole('option', { name: /^After paragraph 2:/ }).click();
  const box = card.getByTestId('newsroom-position-test');
  expect(await box.getByRole('combobox', { name: 'Second slot (B)' }).innerText()).toBe(
    'After paragraph 2: Air setinggi dada merendam tiga kecamatan.'
  );
  await expectText(
    box.getByTestId('newsroom-position-slots'),
    'A: after paragraph 1 · B: after paragraph 2'
  );
  await expectText(box.getByTestId('newsroom-position-verdict'), 'Save to start the test');
  await save(page);
  await expectText(
    box.getByTestId('newsroom-position-verdict'),
    'No winner yet: each slot needs 100 story views (A: 0, B: 0)'
  );

  // Each variant's readers find the link in its slot; a frontend without a test, in the first.
  expect(await rendered(story.slug, 'b')).toEqual([
    { link: linkId, after: paragraphs[1], variant: 'b' },
  ]);
  expect(await rendered(story.slug, 'a')).toEqual([
    { link: linkId, after: paragraphs[0], variant: 'a' },
  ]);
  expect(await rendered(story.slug)).toEqual([
    { link: linkId, after: paragraphs[0], variant: null },
  ]);

  // A test counts from the first whole minute after it started (an event of the minute it
  // started in may have come before it): readers come after that.
  const placed = (
    await request(`/newsroom/articles/${story.documentId}/placement`, { token })
  ).body.data.links.find((l: any) => l.documentId === linkId);
  const counted = Math.ceil(Date.parse(placed.variantSince) / 60_000) * 60_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, counted - Date.now()) + 250));

  // A first few readers: too few to judge.
  const view = (variant: 'a' | 'b') => ({
    type: 'view' as const,
    article: story.documentId,
    variant,
  });
  const click = (variant: 'a' | 'b') => ({ type: 'click' as const, link: linkId, variant });
  await report([...times(40, view('a')), ...times(38, view('b')), click('a'), click('b')]);
  await statsWhen(story.documentId, (s) => s.links[0].test?.views.b === 38);
  await page.reload();
  await expectText(
    card.getByTestId('newsroom-position-verdict'),
    'No winner yet: each slot needs 100 story views (A: 40, B: 38)'
  );

  // 150 readers each: 5 clicks in slot A, 30 in slot B.
  await report([
    ...times(110, view('a')),
    ...times(112, view('b')),
    ...times(4, click('a')),
    ...times(29, click('b')),
  ]);
  const stats = await statsWhen(story.documentId, (s) => s.links[0].test?.clicks.b === 30);
  expect(stats.links[0].test).toMatchObject({
    slots: { a: paragraphs[0], b: paragraphs[1] },
    views: { a: 150, b: 150 },
    clicks: { a: 5, b: 30 },
  });
  await page.reload();
  await expectText(
    card.getByTestId('newsroom-position-verdict'),
    'Slot B wins: 20.0% against 3.3% (p < 0.001)'
  );
  await expectText(
    card.getByTestId('newsroom-position-counts-b'),
    'B: 150 story views, 30 clicks, click-through 20.0%'
  );
  await shoot(page, 'position-test');

  // Keeping slot B moves the link there (an edit like any other, saved with Save).
  await card.getByTestId('newsroom-keep-slot').click();
  await card.getByTestId('newsroom-position-test').waitFor({ state: 'detached' });
  const slotOfCard = await card.evaluate((el) =>
    el.closest('[data-testid="newsroom-slot"]')?.getAttribute('data-after-paragraph-id')
  );
  expect(slotOfCard).toBe(paragraphs[1]);
  await save(page);
  expect(await rendered(story.slug)).toEqual([
    { link: linkId, after: paragraphs[1], variant: null },
  ]);
  // The test is over: a reader given a variant gets the same, and no block names one.
  expect(await rendered(story.slug, 'b')).toEqual([
    { link: linkId, after: paragraphs[1], variant: null },
  ]);
  await page.context().close();
}, 180_000); // it waits for the minute after the test started: up to a minute

test('the list names stories readers open but whose links nobody clicks', async () => {
  const target = await createArticle({ title: 'Jadwal KRL Jakarta Berubah Mulai Senin' });
  const story = await createArticle({
    title: 'Penumpang KRL Menumpuk di Stasiun Manggarai',
    paragraphs: ['Antrean mengular sejak pagi.', 'Petugas menambah loket.'],
  });
  await placeLinks(story.documentId, [{ target: target.documentId, afterParagraph: 1 }]);
  await report(times(120, { type: 'view', article: story.documentId }));
  await statsWhen(story.documentId, (s) => s.views.total === 120);

  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.goto('/admin/plugins/newsroom');
  const section = page.getByTestId('newsroom-unclicked');
  await section.waitFor();
  // Its accessible name (the heading is set in small capitals on screen).
  await section
    .getByRole('heading', { name: 'Stories whose links nobody clicks (last 30 days)' })
    .waitFor();
  const row = section
    .getByTestId('newsroom-unclicked-story')
    .filter({ hasText: 'Penumpang KRL Menumpuk di Stasiun Manggarai' });
  expect(await row.innerText()).toMatch(/120 story views, 1 link$/);
  await shoot(page, 'unclicked-stories');

  await row.getByRole('link').click();
  await page.waitForURL(`**/admin/plugins/newsroom/articles/${story.documentId}`);
  await page.getByTestId('newsroom-link').first().waitFor();
  await page.context().close();
});
