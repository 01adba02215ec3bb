/// <reference lib="dom" />
/**
 * The Baca Juga manager on a phone (390 px) and a tablet (768 px): the list fits the window
 * with every title in reach, and the editor's header fits too; suggestions open from the slot
 * being worked on (not from a column 3,800 px further down) and Add puts the link right there.
 * Nothing is saved: the added link is undone, so the story stays as seeded.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { createArticle, request, SUPER_ADMIN } from './helpers/admin-api';
import { launchBrowser, newAdminPage, shoot } from './helpers/browser';

const SEEDED_SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
const SUGGESTED = 'Rusia dan Korea Utara Gelar Latihan Bersama';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
];

let browser: Browser;
let seededDocumentId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const { body } = await request(`/api/newsroom/articles/${SEEDED_SLUG}`);
  seededDocumentId = body.data.documentId;
  // Shares the seeded story's tags, so the server suggests it there.
  await createArticle({ title: SUGGESTED, tags: ['Korea Utara', 'Rusia'] });
});
afterAll(async () => {
  await browser?.close();
});

const openAt = async (viewport: { width: number; height: number }, path: string) => {
  const page = await newAdminPage(browser, SUPER_ADMIN);
  await page.setViewportSize(viewport);
  await page.goto(path);
  return page;
};

/**
 * The document is no wider than the window, and neither is the page inside Strapi's content
 * pane (which scrolls, or clips, by itself): nothing to scroll sideways, nothing cut off.
 */
const expectNoHorizontalOverflow = async (page: Page) => {
  const { scrollWidth, innerWidth, wider } = await page.evaluate(() => {
    const wider: string[] = [];
    for (let el = document.querySelector('main'); el; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1) {
        wider.push(`${el.tagName} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wider,
    };
  });
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
  expect(wider).toEqual([]);
};

/** Strapi's content pane: the element that scrolls the page (the document itself does not). */
const contentPane = (page: Page) =>
  page.evaluateHandle(() => {
    let el = document.querySelector('main')?.parentElement ?? null;
    while (el && !['auto', 'scroll'].includes(getComputedStyle(el).overflowY)) {
      el = el.parentElement;
    }
    return el ?? document.documentElement;
  });

/**
 * A screenshot of the page from its top, as tall as its content (up to 2,400 px): the window
 * is stretched for it, as `fullPage` cannot see inside Strapi's scrolling pane.
 */
const shootWhole = async (
  page: Page,
  name: string,
  viewport: { width: number; height: number }
) => {
  const pane = await contentPane(page);
  const height = await pane.evaluate((el) => {
    el.scrollTo(0, 0);
    return el.scrollHeight + window.innerHeight - el.clientHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 2400) });
  await shoot(page, name);
  await page.setViewportSize(viewport);
};

/**
 * Each element lies inside the window horizontally and is not clipped by a scrolling or
 * overflow-hidden box around it (such as a table scrolled sideways); returns what is not.
 */
const outOfView = (locator: Locator): Promise<string[]> =>
  locator.evaluateAll((elements) =>
    elements.flatMap((el) => {
      const rect = el.getBoundingClientRect();
      const boxes = [{ left: 0, right: window.innerWidth }];
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') boxes.push(up.getBoundingClientRect());
      }
      const inside =
        rect.width > 0 &&
        boxes.every((box) => rect.left >= box.left - 1 && rect.right <= box.right + 1);
      return inside
        ? []
        : [`${el.textContent} (${Math.round(rect.left)}-${Math.round(rect.right)})`];
    })
  );

/** Waits (up to 10 s) for a locator's count, failing with the last count seen. */
const expectCount = async (locator: Locator, count: number) => {
  const deadline = Date.now() + 10000;
  let seen = await locator.count();
  while (seen !== count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await locator.count();
  }
  expect(seen).toBe(count);
};

describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
  const prefix = `narrow-${viewport.width}`;

  test('the list fits the window and every title is in reach', async () => {
    const page = await openAt(viewport, '/admin/plugins/newsroom');
    const rows = page.getByTestId('newsroom-article-row');
    await rows.first().waitFor({ timeout: 30000 });
    await page.waitForLoadState('networkidle');

    await expectNoHorizontalOverflow(page);
    expect(await rows.count()).toBeGreaterThan(1);
    const titles = page.getByTestId('newsroom-article-title');
    expect(await titles.count()).toBe(await rows.count());
    expect(await outOfView(titles)).toEqual([]);
    // Search, filter and paging stay in the window too.
    const controls = page
      .getByRole('textbox', { name: 'Search by title' })
      .or(page.getByRole('combobox', { name: 'Show' }))
      .or(page.getByRole('navigation', { name: 'Pagination' }).getByRole('button'));
    expect(await outOfView(controls)).toEqual([]);
    await shootWhole(page, `${prefix}-list`, viewport);
    await page.context().close();
  });

  test('the editor fits, and a slot opens its suggestions and takes one', async () => {
    const page = await openAt(viewport, `/admin/plugins/newsroom/articles/${seededDocumentId}`);
    await page.getByTestId('newsroom-paragraph').first().waitFor({ timeout: 30000 });
    await page.waitForLoadState('networkidle');

    const saveButton = page.getByRole('button', { name: 'Save', exact: true });
    const header = saveButton
      .or(page.getByRole('heading', { level: 1 }))
      .or(page.getByTestId('newsroom-undo'))
      .or(page.getByTestId('newsroom-redo'))
      .or(page.getByRole('status').filter({ hasText: 'Unsaved changes' }));
    const expectHeaderInView = async () => {
      await expectNoHorizontalOverflow(page);
      expect(await saveButton.isVisible()).toBe(true);
      expect(await outOfView(header)).toEqual([]);
    };
    await expectHeaderInView();

    // From the slot after paragraph 1 (empty in the seed): suggestions, then Add.
    const paragraph1 = await page
      .locator('[data-testid="newsroom-paragraph"][data-index="1"]')
      .getAttribute('data-paragraph-id');
    const slot = page.locator(
      `[data-testid="newsroom-slot"][data-after-paragraph-id="${paragraph1}"]`
    );
    await expectCount(slot.getByTestId('newsroom-link'), 0);
    await slot.getByRole('button', { name: 'Suggestions' }).click();
    const dialog = page.getByRole('dialog');
    const suggestion = dialog.getByTestId('newsroom-suggestion').filter({ hasText: SUGGESTED });
    await suggestion.waitFor();
    expect(await outOfView(suggestion.getByRole('button', { name: 'Add' }))).toEqual([]);
    await suggestion.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // It goes after the paragraph it fits (the hint on the suggestion), else in this slot.
    const added = page.getByTestId('newsroom-link').filter({ hasText: SUGGESTED });
    await expectCount(added, 1);
    // With one more badge ("Unsaved changes") the header still fits.
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
    await expectHeaderInView();
    // The "Added …" notice goes by itself (and would cover the screenshot's top).
    await page.getByText(`Added “${SUGGESTED}”`).waitFor({ state: 'hidden', timeout: 15000 });
    // Further down the article Strapi pins the header: it fits there too.
    await (await contentPane(page)).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const pinned = page.locator('[data-strapi-header-sticky]');
    await pinned.waitFor();
    await expectHeaderInView();
    // On a phone the pinned header keeps one line of title and the buttons: it took about a
    // quarter of a 390 px screen with the headline's three lines, badges and counts.
    const share = (await pinned.boundingBox())!.height / viewport.height;
    console.log(
      `[narrow] pinned header at ${viewport.width} px: ${(share * 100).toFixed(1)}% of the height`
    );
    if (viewport.width < 768) expect(share).toBeLessThanOrEqual(0.15);
    await shootWhole(page, `${prefix}-editor`, viewport);

    // Undone, not saved: the story stays as seeded for the other tests.
    await page.getByTestId('newsroom-undo').click();
    await expectCount(slot.getByTestId('newsroom-link'), 0);
    await page.context().close();
  });
});
