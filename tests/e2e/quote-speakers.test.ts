/**
 * The editor sees why, and decides: in the Baca Juga manager each quote shows who the importer
 * suggested and the words it read them on, and an editor confirms, corrects or clears the
 * speaker in one step each. Readers get no suggestion, only the decision, and at once; the list
 * stops counting the speaker as unconfirmed, and a decision on a quote a colleague changed
 * meanwhile is refused.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import {
  adminToken,
  createAdminUser,
  createArticle,
  createQuote,
  publishArticle,
  request,
  updateQuote,
  SUPER_ADMIN,
  type AdminUser,
} from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

const TITLE = 'Dinas Kesehatan Siaga Hadapi Musim Hujan';

let browser: Browser;
let editor: AdminUser;
let story: { documentId: string; slug: string };
let quotes: { credited: string; unsure: string; wrong: string };

/** What readers get: each quote's words with its speaker and role. */
const readerQuotes = async () => {
  const { status, body } = await request(`/api/newsroom/articles/${story.slug}`);
  expect(status).toBe(200);
  return Object.fromEntries(
    (body.data.quotes as any[]).map((q) => [q.text, [q.speaker, q.speakerRole]])
  );
};

/** The quote as the manager's route stores it (private fields included: it is the admin's). */
const storedQuote = async (quoteId: string) => {
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${story.documentId}/placement`, { token });
  return (body.data.quotes as any[]).find((q) => q.documentId === quoteId);
};

const quoteCard = (page: Page, quoteId: string): Locator =>
  page.locator(`[data-testid="newsroom-quote"][data-quote-id="${quoteId}"]`);

/** The list row of the story, with the count of its unconfirmed speakers (or none). */
const unconfirmedInList = async (page: Page): Promise<string | null> => {
  await page.goto('/admin/plugins/newsroom');
  await page.getByRole('textbox', { name: 'Search by title' }).fill('siaga hadapi musim');
  const row = page.getByTestId('newsroom-article-row').filter({ hasText: TITLE });
  await row.waitFor({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
  const badge = row.getByTestId('newsroom-unconfirmed-speakers');
  // The text, not as drawn: a badge is shown in capitals.
  return (await badge.count()) ? badge.textContent() : null;
};

beforeAll(async () => {
  browser = await launchBrowser();
  editor = await createAdminUser({
    actions: ['plugin::newsroom.read', 'plugin::newsroom.manage'],
    firstname: 'Rina',
  });
  story = await createArticle({
    title: TITLE,
    paragraphs: [
      '"Kami siaga penuh," kata Kepala Dinas Kesehatan Budi Santoso.',
      'Pria yang akrab disapa Bams itu menambahkan, "Posko dibuka 24 jam."',
      '"Warga diminta waspada," ujar juru bicara dinas.',
    ],
    publish: false,
  });
  const token = await adminToken(SUPER_ADMIN);
  const { body } = await request(`/newsroom/articles/${story.documentId}/placement`, { token });
  const [first, second, third] = (body.data.paragraphs as { id: string }[]).map((p) => p.id);
  // As the importer leaves them: one credited with its evidence, one wrong guess without it,
  // one it could not tell (empty and flagged).
  quotes = {
    credited: await createQuote(story.documentId, {
      text: 'Kami siaga penuh,',
      paragraphId: first,
      suggestedSpeaker: 'Budi Santoso',
      suggestedRole: 'Kepala Dinas Kesehatan',
      attribution: { rule: 'kata-after', text: 'kata Kepala Dinas Kesehatan Budi Santoso' },
    }),
    wrong: await createQuote(story.documentId, {
      text: 'Posko dibuka 24 jam.',
      paragraphId: second,
      suggestedSpeaker: 'Pria',
      attribution: { rule: 'subject-before', text: 'Pria yang akrab disapa Bams itu menambahkan' },
    }),
    unsure: await createQuote(story.documentId, {
      text: 'Warga diminta waspada,',
      paragraphId: third,
      needsReview: true,
    }),
  };
  await publishArticle(story.documentId);
});
afterAll(async () => {
  await browser?.close();
});

test('an editor confirms, corrects and clears speakers in the manager, and readers get them', async () => {
  const page = await newAdminPage(browser, editor);
  await page.setViewportSize({ width: 1440, height: 2000 });
  expect(await unconfirmedInList(page)).toBe('2 speakers to confirm');

  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const credited = quoteCard(page, quotes.credited);
  await credited.waitFor({ timeout: 30000 });
  // Why the importer credited each speaker, or that nothing says so.
  expect(await credited.getByTestId('newsroom-quote-evidence').innerText()).toBe(
    'Credited on “kata Kepala Dinas Kesehatan Budi Santoso” (rule kata-after)'
  );
  const unsure = quoteCard(page, quotes.unsure);
  expect(await unsure.getByTestId('newsroom-quote-evidence').innerText()).toMatch(
    /^No evidence recorded/
  );
  expect(await unsure.getByTestId('newsroom-quote-review').count()).toBe(1);
  // The suggestion is the editor's to confirm; readers get none of it meanwhile.
  expect(await credited.getByTestId('newsroom-quote-speaker').innerText()).toBe(
    'Suggested by the importer: Budi Santoso, Kepala Dinas Kesehatan'
  );
  expect(await credited.getByTestId('newsroom-quote-suggested').innerText()).toBe(
    'Readers get no speaker until an editor confirms it.'
  );
  expect(await readerQuotes()).toEqual({
    'Kami siaga penuh,': [null, null],
    'Posko dibuka 24 jam.': [null, null],
    'Warga diminta waspada,': [null, null],
  });
  await shoot(page, 'quote-speakers');

  // Confirm: the credited speaker is right.
  await credited.getByRole('button', { name: 'Confirm speaker' }).click();
  await credited.getByTestId('newsroom-quote-confirmed').waitFor();
  expect(await credited.getByRole('button', { name: 'Confirm speaker' }).count()).toBe(0);
  expect(await credited.getByTestId('newsroom-quote-suggested').count()).toBe(0);
  expect(await credited.getByTestId('newsroom-quote-speaker').innerText()).toBe(
    '— Budi Santoso, Kepala Dinas Kesehatan'
  );
  expect(await storedQuote(quotes.credited)).toMatchObject({
    speaker: 'Budi Santoso',
    speakerRole: 'Kepala Dinas Kesehatan',
    speakerConfirmed: true,
    needsReview: false,
  });

  // Correct: the importer could not tell; the editor names the speaker and the role.
  await unsure.getByRole('button', { name: 'Correct' }).click();
  const form = unsure.getByTestId('newsroom-quote-correct-form');
  await form.getByLabel('Speaker').fill('Sari Dewi');
  await form.getByLabel('Role (optional)').fill('Juru Bicara Dinas Kesehatan');
  await form.getByRole('button', { name: 'Save speaker' }).click();
  await unsure.getByTestId('newsroom-quote-confirmed').waitFor();
  expect(await unsure.getByTestId('newsroom-quote-speaker').innerText()).toBe(
    '— Sari Dewi, Juru Bicara Dinas Kesehatan'
  );
  expect(await unsure.getByTestId('newsroom-quote-review').count()).toBe(0);

  // Clear: "Pria" is no person; the quote credits nobody.
  const wrong = quoteCard(page, quotes.wrong);
  await wrong.getByRole('button', { name: 'Clear speaker' }).click();
  await wrong.getByTestId('newsroom-quote-confirmed').waitFor();
  expect(await wrong.getByTestId('newsroom-quote-speaker').innerText()).toBe('Speaker unknown');
  expect(await wrong.getByTestId('newsroom-quote-suggested').count()).toBe(0);

  // The story is live: readers have all three decisions already.
  expect(await readerQuotes()).toEqual({
    'Kami siaga penuh,': ['Budi Santoso', 'Kepala Dinas Kesehatan'],
    'Posko dibuka 24 jam.': [null, null],
    'Warga diminta waspada,': ['Sari Dewi', 'Juru Bicara Dinas Kesehatan'],
  });
  expect(await storedQuote(quotes.wrong)).toMatchObject({
    speaker: null,
    speakerConfirmed: true,
    needsReview: false,
  });
  expect(await unconfirmedInList(page)).toBeNull();
  await page.context().close();
});

test('a decision on a quote a colleague changed meanwhile is refused, and the quote reloads', async () => {
  const page = await newAdminPage(browser, editor);
  await page.goto(`/admin/plugins/newsroom/articles/${story.documentId}`);
  const credited = quoteCard(page, quotes.credited);
  await credited.waitFor({ timeout: 30000 });
  // A colleague renames the speaker in the content manager while this page is open.
  await updateQuote(quotes.credited, { speaker: 'Budi S.' });

  await credited.getByRole('button', { name: 'Clear speaker' }).click();
  await page.getByText('This quote changed since you opened it').waitFor();
  // The colleague's speaker is kept, and shown once the placement is read again.
  await credited
    .getByTestId('newsroom-quote-speaker')
    .filter({ hasText: 'Budi S.' })
    .waitFor({ timeout: 15000 });
  expect((await storedQuote(quotes.credited)).speaker).toBe('Budi S.');
  await page.context().close();
});
