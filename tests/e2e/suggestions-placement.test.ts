/**
 * Suggestions that say where (issue 15), in a real browser: the editor's suggestions name the
 * paragraph each fits after and Add places it there; the orphans queue lists a published
 * story without links with its suggestions, and an editor accepts one, skips one, and accepts
 * a checked batch, each through the manager's own save.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { adminToken, createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, mainNav, newAdminPage, shoot } from './helpers/browser';

const HELICOPTER = 'Basarnas Kerahkan Helikopter Cari Korban Kapal Tenggelam';
const MANIFEST = 'Syahbandar Serahkan Manifes Penumpang Kapal ke Polisi';
const TAGS = ['Kapal Tenggelam'];

let browser: Browser;
let ship: { documentId: string; slug: string };
let funeral: { documentId: string; slug: string };
let prawns: { documentId: string; slug: string };
const STORM = 'Gedung Sekolah Rusak Diterjang Angin Kencang';

beforeAll(async () => {
  browser = await launchBrowser();
  await createArticle({ title: HELICOPTER, tags: TAGS });
  await createArticle({ title: MANIFEST, tags: TAGS });
  ship = await createArticle({
    title: 'Kapal Penumpang Tenggelam di Selat Bali',
    tags: TAGS,
    paragraphs: [
      'Kapal penumpang tenggelam di Selat Bali, tim SAR mencari korban.',
      'Tim gabungan mencari korban sejak pagi di perairan Selat Bali.',
      'Basarnas mengerahkan helikopter dan penyelam untuk pencarian korban.',
      'Syahbandar menyebut manifes kapal mencatat 44 penumpang.',
      'Polisi memeriksa nakhoda kapal.',
    ],
  });
  funeral = await createArticle({
    title: 'Korban Kapal Tenggelam Dimakamkan di Banyuwangi',
    tags: TAGS,
    paragraphs: [
      'Korban kapal tenggelam dimakamkan di Banyuwangi.',
      'Keluarga menunggu sejak pagi di rumah duka.',
      'Basarnas memastikan helikopter masih mencari korban lain.',
      'Pemakaman berlangsung haru.',
    ],
  });
  // A story that shares with the storm story only two common words, "menjadi" and "besar".
  prawns = await createArticle({
    title: 'Nelayan Cilacap Panen Udang Vaname',
    paragraphs: [
      'Nelayan Cilacap memanen udang vaname dari tambak pesisir selatan.',
      'Harga udang menjadi besar karena permintaan ekspor Jepang meningkat.',
      'Koperasi nelayan menyiapkan gudang pendingin baru di dermaga.',
      'Dinas perikanan mencatat produksi tambak naik dua kali lipat.',
    ],
  });
  await createArticle({
    title: STORM,
    paragraphs: [
      'Angin kencang merusak atap gedung sekolah.',
      'Kerusakan menjadi besar setelah hujan deras semalam.',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

const expectCount = async (locator: Locator, count: number) => {
  await locator.nth(Math.max(0, count - 1)).waitFor({ state: count ? 'visible' : 'detached' });
  expect(await locator.count()).toBe(count);
};

const paragraphId = async (documentId: string, index: number) => {
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${documentId}/placement`, { token });
  return body.data.paragraphs[index].id as string;
};

/** The Baca Juga blocks a reader gets, with the paragraph each stands after. */
const publicPlacement = async (slug: string) => {
  const { body } = await request(`/api/newsroom/articles/${slug}`);
  const blocks: any[] = body.data.body;
  return blocks.flatMap((block, i) =>
    block.type === 'baca-juga' ? [{ label: block.label, after: blocks[i - 1]?.id }] : []
  );
};

const openQueue = async (): Promise<Page> => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await mainNav(page).getByRole('link', { name: 'Baca Juga' }).click();
  await page.getByRole('link', { name: 'Stories without links' }).click();
  await page.getByRole('heading', { name: 'Stories without links' }).waitFor();
  return page;
};

test('a suggestion says which paragraph it fits after, and Add places it there', async () => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.goto(`/admin/plugins/newsroom/articles/${ship.documentId}`);
  const suggestion = page.getByTestId('newsroom-suggestion').filter({ hasText: HELICOPTER });
  await suggestion.waitFor({ timeout: 30000 });
  const hint = suggestion.getByTestId('newsroom-fits-after');
  expect(await hint.textContent()).toMatch(/^Fits after paragraph 3 \(.*helikopter.*\)$/);

  await suggestion.getByRole('button', { name: 'Add' }).click();
  const third = await paragraphId(ship.documentId, 2);
  const slot = page.locator(`[data-testid="newsroom-slot"][data-after-paragraph-id="${third}"]`);
  await expectCount(slot.getByTestId('newsroom-link').filter({ hasText: HELICOPTER }), 1);
  // Unsaved: undone, so the story stays without links for the queue below.
  await page.getByTestId('newsroom-undo').click();
  await expectCount(page.getByTestId('newsroom-link'), 0);
  await page.context().close();
});

test('the orphans queue: skip one, accept one in one click', async () => {
  const page = await openQueue();
  const story = page.locator(
    `[data-testid="newsroom-orphan"][data-document-id="${funeral.documentId}"]`
  );
  await story.waitFor({ timeout: 30000 });
  const helicopter = story
    .getByTestId('newsroom-orphan-suggestion')
    .filter({ hasText: HELICOPTER });
  expect(await helicopter.getByTestId('newsroom-fits-after').textContent()).toMatch(
    /^Fits after paragraph 3 /
  );

  // Skipping hides a suggestion for this visit only
  const others = story.getByTestId('newsroom-orphan-suggestion').filter({ hasNotText: HELICOPTER });
  // Three suggestions a story (ORPHAN_SUGGESTIONS): the helicopter, the manifest, the ship
  const skippedCount = await others.count();
  expect(skippedCount).toBe(2);
  for (let i = 0; i < skippedCount; i += 1) {
    await others.first().getByRole('button', { name: 'Skip' }).click();
  }
  await expectCount(story.getByTestId('newsroom-orphan-suggestion'), 1);
  await page.getByRole('button', { name: `Show skipped suggestions (${skippedCount})` }).waitFor();

  // Strong: the shared tag and the words of one event.
  expect(await helicopter.getByTestId('newsroom-strength').getAttribute('data-strength')).toBe(
    'strong'
  );
  await helicopter.getByRole('button', { name: 'Accept' }).click();
  // The word after Accept names the link, the story it went to and where, with an Undo.
  const done = page.getByTestId('newsroom-accept-done');
  await done.waitFor();
  expect(await done.innerText()).toContain(
    `Linked “${HELICOPTER}” from “Korban Kapal Tenggelam Dimakamkan di Banyuwangi” after paragraph 3, and saved.`
  );
  // The story has a link now: it leaves the queue, and readers get the link after paragraph 3
  await story.waitFor({ state: 'detached' });
  await shoot(page, 'orphans-accept-undo');
  expect(await publicPlacement(funeral.slug)).toEqual([
    { label: HELICOPTER, after: await paragraphId(funeral.documentId, 2) },
  ]);

  // Undo: a versioned save of the placement before; the story is back without links.
  await done.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Undone: “Korban Kapal Tenggelam Dimakamkan di Banyuwangi”').waitFor();
  await story.waitFor();
  expect(await publicPlacement(funeral.slug)).toEqual([]);

  // Accepted again, for the queue's next test.
  await story
    .getByTestId('newsroom-orphan-suggestion')
    .filter({ hasText: HELICOPTER })
    .getByRole('button', { name: 'Accept' })
    .click();
  await story.waitFor({ state: 'detached' });
  await page.context().close();
});

test('a weak suggestion (two common words) is hidden until asked, and says why it is weak', async () => {
  const page = await openQueue();
  const story = page.locator(
    `[data-testid="newsroom-orphan"][data-document-id="${prawns.documentId}"]`
  );
  await story.waitFor({ timeout: 30000 });
  const storm = story.getByTestId('newsroom-orphan-suggestion').filter({ hasText: STORM });
  expect(await storm.count()).toBe(0);
  // Not "no suggestions" where all it has are weak ones (other files' stories may give it a
  // fair one, as the order of the test files goes).
  if ((await story.getByTestId('newsroom-orphan-suggestion').count()) === 0) {
    expect(await story.innerText()).toContain('Only weak suggestions for this story');
  }
  const toggle = page.getByTestId('newsroom-weak-toggle');
  expect(await toggle.innerText()).toMatch(/weak suggestions? (is|are) hidden/);
  await toggle.getByRole('button', { name: /^Show \d+ weak suggestions?$/ }).click();
  await storm.waitFor();
  const strength = storm.getByTestId('newsroom-strength');
  expect(await strength.getAttribute('data-strength')).toBe('weak');
  await shoot(page, 'orphans-weak-shown');
  expect(await strength.innerText()).toMatch(
    /Weak match\s*Matches \d+\.\d% of this story's key words/i
  );
  await page.context().close();
});

test('the orphans queue: accept the checked ones, one save for the story', async () => {
  const page = await openQueue();
  const story = page.locator(
    `[data-testid="newsroom-orphan"][data-document-id="${ship.documentId}"]`
  );
  await story.waitFor({ timeout: 30000 });
  // One save: the same placement could be reached by a save per suggestion
  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().endsWith(`/articles/${ship.documentId}/placement`)) {
      saves.push(r.url());
    }
  });
  for (const title of [HELICOPTER, MANIFEST]) {
    await story.getByRole('checkbox', { name: `Check “${title}”` }).click();
  }
  await page.getByRole('button', { name: 'Accept the checked ones (2)' }).click();
  await page.getByText('2 links placed and saved').waitFor();
  expect(saves).toHaveLength(1);
  await story.waitFor({ state: 'detached' });
  expect(await publicPlacement(ship.slug)).toEqual([
    { label: HELICOPTER, after: await paragraphId(ship.documentId, 2) },
    { label: MANIFEST, after: await paragraphId(ship.documentId, 3) },
  ]);
  await page.context().close();
});
