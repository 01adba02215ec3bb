/**
 * The Baca Juga manager in a real browser, as an editor on a deadline uses it: find the story,
 * place, move and remove links, save, and check what a reader's frontend now gets; a
 * colleague's save merged with mine; a read-only editor; a broken link fixed in one click; the
 * side panel in the content manager. Screenshots for the README are taken on the way.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import {
  adminToken,
  createAdminUser,
  createArticle,
  request,
  unpublishArticle,
  SUPER_ADMIN,
  type Credentials,
} from './helpers/admin-api';
import { launchBrowser, mainNav, newAdminPage, shoot } from './helpers/browser';

const SEEDED_SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
const SEEDED_TITLE = 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia';
const FIRST_SEEDED = 'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia';
const SECOND_SEEDED = 'AS Serukan Hal Mencekam Ini ke Rusia';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What a reader's frontend gets: the Baca Juga blocks, and what each stands after. */
const publicPlacement = async () => {
  const { status, body } = await request(`/api/newsroom/articles/${SEEDED_SLUG}`);
  expect(status).toBe(200);
  const blocks: any[] = body.data.body;
  return blocks.flatMap((block, index) =>
    block.type === 'baca-juga'
      ? [{ label: block.label as string, after: blocks[index - 1]?.id ?? 'start', index }]
      : []
  );
};
const paragraphIds = async () => {
  const { body } = await request(`/api/newsroom/articles/${SEEDED_SLUG}`);
  return (body.data.body as any[]).filter((b) => b.type === 'paragraph').map((b) => b.id);
};

/** Logs in, opens Baca Juga from the menu, finds the seeded story by title and opens it. */
const openSeededStory = async (credentials: Credentials): Promise<Page> => {
  const page = await newAdminPage(browser, credentials);
  // Tall enough that every paragraph and slot is on screen: drag and drop needs both ends.
  await page.setViewportSize({ width: 1440, height: 3200 });
  await mainNav(page).getByRole('link', { name: 'Baca Juga' }).click();
  await page.getByRole('textbox', { name: 'Search by title' }).fill('sahkan perjanjian');
  const row = page.getByTestId('newsroom-article-row').filter({ hasText: SEEDED_TITLE });
  await row.waitFor();
  await row.getByText(SEEDED_TITLE).click();
  await page.getByTestId('newsroom-paragraph').first().waitFor();
  return page;
};

const card = (page: Page, label: string): Locator =>
  page.getByTestId('newsroom-link').filter({ hasText: label });
const slotAfter = (page: Page, paragraphId: string) =>
  page.locator(`[data-testid="newsroom-slot"][data-after-paragraph-id="${paragraphId}"]`);
const paragraphId = async (page: Page, number: number) =>
  (await page
    .locator(`[data-testid="newsroom-paragraph"][data-index="${number}"]`)
    .getAttribute('data-paragraph-id')) as string;

/** Adds an internal link in a slot through the modal: search as you type, pick, confirm. */
const addInternalLink = async (page: Page, slot: Locator, search: string, title: string) => {
  await slot.getByRole('button', { name: 'Add link' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Search articles' }).fill(search);
  await dialog.getByTestId('newsroom-target-option').filter({ hasText: title }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
};

const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
};

/** The links on screen in reading order, each as "key@slot" (key: its documentId). */
const layout = (page: Page): Promise<string[]> =>
  page
    .getByTestId('newsroom-link')
    .evaluateAll((cards) =>
      cards.map(
        (c) =>
          `${c.getAttribute('data-link-key')}@${c.closest('[data-testid="newsroom-slot"]')?.getAttribute('data-after-paragraph-id')}`
      )
    );

/** Waits (up to 10 s) until the links on screen are laid out as `expected`. */
const expectLayout = async (page: Page, expected: string[]) => {
  const deadline = Date.now() + 10000;
  let seen = await layout(page);
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await layout(page);
  }
  expect(seen).toEqual(expected);
};

/** Waits (up to 10 s) for the layout to change from `before`, and returns the new one. */
const nextLayout = async (page: Page, before: string[]) => {
  const deadline = Date.now() + 10000;
  let seen = await layout(page);
  while (JSON.stringify(seen) === JSON.stringify(before) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await layout(page);
  }
  expect(seen).not.toEqual(before);
  return seen;
};

describe('the Baca Juga editor', () => {
  // First, while the story still has its seeded links; it saves nothing, so the tests after it
  // start from the same placement.
  test('undo and redo step through unsaved changes, and Save is off when nothing changed', async () => {
    const page = await openSeededStory(SUPER_ADMIN);
    const undo = page.getByTestId('newsroom-undo');
    const redo = page.getByTestId('newsroom-redo');
    const saveButton = page.getByRole('button', { name: 'Save', exact: true });
    const states = async (expected: { undo: boolean; redo: boolean; save: boolean }) => {
      await expect_(undo).toBeEnabled(expected.undo);
      await expect_(redo).toBeEnabled(expected.redo);
      await expect_(saveButton).toBeEnabled(expected.save);
    };
    await card(page, SECOND_SEEDED).waitFor();
    const loaded = await layout(page);
    await states({ undo: false, redo: false, save: false });

    // Two changes: a link removed, then another moved up. "Unsaved changes" appears in the
    // header without moving anything in it.
    const headerBox = () => page.locator('[data-strapi-header]').boundingBox();
    const headerBefore = await headerBox();
    await card(page, FIRST_SEEDED).getByRole('button', { name: 'Remove link' }).click();
    const removed = await nextLayout(page, loaded);
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
    expect(await headerBox()).toEqual(headerBefore);
    expect(removed).toHaveLength(loaded.length - 1);
    await states({ undo: true, redo: false, save: true });
    await card(page, SECOND_SEEDED).getByRole('button', { name: 'Move up' }).click();
    const moved = await nextLayout(page, removed);

    // Undo, one step at a time: the button, then Ctrl+Z, back to the placement as loaded.
    await undo.click();
    await expectLayout(page, removed);
    await states({ undo: true, redo: true, save: true });
    await page.keyboard.press('Control+z');
    await expectLayout(page, loaded);
    await expect_(card(page, FIRST_SEEDED)).toHaveCount(1);
    await states({ undo: false, redo: true, save: false });

    // Redo with Ctrl+Shift+Z, and with Ctrl+Y (the Windows habit), one step at a time.
    await page.keyboard.press('Control+Shift+Z');
    await expectLayout(page, removed);
    await page.keyboard.press('Control+y');
    await expectLayout(page, moved);
    await states({ undo: true, redo: false, save: true });

    // In a text field Ctrl+Z is the field's own: the next Undo still undoes the move.
    await card(page, SECOND_SEEDED).getByRole('textbox').focus();
    await page.keyboard.press('Control+z');
    await undo.click();
    await expectLayout(page, removed);

    // The Retarget dialog's button says what it does.
    await card(page, SECOND_SEEDED).getByRole('button', { name: 'Retarget' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Retarget', exact: true }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Add', exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  test('an editor adds, moves and removes links, saves, and readers get the new placement', async () => {
    await createArticle({
      title: 'Putin Sambut Ratifikasi Perjanjian oleh Korea Utara',
      tags: ['Rusia'],
    });
    const page = await openSeededStory(SUPER_ADMIN);
    await shoot(page, 'editor');
    expect(await page.getByTestId('newsroom-paragraph').count()).toBe(11);
    // Quotes stand beside their paragraph: KCNA's words after paragraph 4.
    expect(
      await page
        .locator('[data-testid="newsroom-paragraph"][data-index="4"]')
        .getByTestId('newsroom-quote')
        .count()
    ).toBeGreaterThan(0);

    const p5 = await paragraphId(page, 5);
    const p11 = await paragraphId(page, 11);
    // 1. an internal link after paragraph 5
    await addInternalLink(page, slotAfter(page, p5), 'putin sambut', 'Putin Sambut');
    await expect_(slotAfter(page, p5).getByTestId('newsroom-link')).toHaveCount(1);
    // 2. the second seeded link to the end, by drag and drop onto the last slot. With the
    // quotes' panels the story is taller than the window, and Chromium drops nothing when the
    // page scrolls between Playwright's press and release (an editor's browser scrolls while
    // the pointer rests at the edge): both ends are put in one window for the drag.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: viewport?.width ?? 1440, height: 3600 });
    await card(page, SECOND_SEEDED).dragTo(slotAfter(page, p11));
    if (viewport) await page.setViewportSize(viewport);
    await expect_(slotAfter(page, p11).getByTestId('newsroom-link')).toHaveCount(1);
    // 3. the first seeded link removed
    await card(page, FIRST_SEEDED).getByRole('button', { name: 'Remove link' }).click();
    await expect_(card(page, FIRST_SEEDED)).toHaveCount(0);

    // The preview shows the unsaved placement as a reader will see it.
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByTestId('newsroom-preview');
    await preview.waitFor();
    const previewText = await preview.innerText();
    expect(previewText).toContain('Putin Sambut Ratifikasi');
    expect(previewText).not.toContain(FIRST_SEEDED);
    expect(previewText.indexOf('Putin Sambut')).toBeLessThan(previewText.indexOf(SECOND_SEEDED));
    await shoot(page, 'preview');
    await page.getByRole('tab', { name: 'Links' }).click();

    await save(page);
    await page.getByText('Baca Juga links saved and published').waitFor();

    const placed = await publicPlacement();
    const ids = await paragraphIds();
    expect(placed.map((b) => [b.label, b.after])).toEqual([
      ['Putin Sambut Ratifikasi Perjanjian oleh Korea Utara', ids[4]],
      [SECOND_SEEDED, ids[10]],
    ]);
    expect(ids[4]).toBe(p5);
    await page.context().close();
  });

  test('keyboard moves: Move up / Move down and Alt+Arrow cross slot boundaries', async () => {
    const page = await openSeededStory(SUPER_ADMIN);
    const p10 = await paragraphId(page, 10);
    const p11 = await paragraphId(page, 11);
    const moving = card(page, SECOND_SEEDED);
    await moving.getByRole('button', { name: 'Move up' }).click();
    await expect_(slotAfter(page, p10).getByTestId('newsroom-link')).toHaveCount(1);
    await moving.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect_(slotAfter(page, p11).getByTestId('newsroom-link')).toHaveCount(1);
    await expect_(slotAfter(page, p10).getByTestId('newsroom-link')).toHaveCount(0);
    // Each slot's "Add link" names its slot for a screen reader.
    await expect_(
      slotAfter(page, p10).getByRole('button', { name: 'Add link: After paragraph 10' })
    ).toHaveCount(1);
    const names = await page
      .getByRole('button', { name: /^Add link/ })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(names.length);
    // and the other two: Alt+ArrowUp, then the Move down button. Alt+ArrowUp at the top of a
    // window-high view: the moved card comes into view below the header Strapi pins over the
    // page once it scrolls, not under it.
    await page.setViewportSize({ width: 1440, height: 960 });
    await moving.evaluate((el: HTMLElement) => {
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8);
      el.focus({ preventScroll: true });
    });
    await page.keyboard.press('Alt+ArrowUp');
    await expect_(slotAfter(page, p10).getByTestId('newsroom-link')).toHaveCount(1);
    await expect_(slotAfter(page, p11).getByTestId('newsroom-link')).toHaveCount(0);
    const pinned = page.locator('[data-strapi-header-sticky]');
    await pinned.waitFor();
    const header = (await pinned.boundingBox())!;
    const moved = (await moving.boundingBox())!;
    expect(moved.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(moved.y + moved.height).toBeLessThanOrEqual(960);
    await moving.getByRole('button', { name: 'Move down' }).click();
    await expect_(slotAfter(page, p11).getByTestId('newsroom-link')).toHaveCount(1);
    await expect_(slotAfter(page, p10).getByTestId('newsroom-link')).toHaveCount(0);
    await page.context().close();
  });

  test("two editors at once: after a colleague's save, both changes survive the merge", async () => {
    await createArticle({ title: 'Seoul Pantau Pengiriman Pasukan Korea Utara' });
    const mine = await openSeededStory(SUPER_ADMIN);
    const colleague = await openSeededStory(
      await createAdminUser({
        actions: ['plugin::newsroom.read', 'plugin::newsroom.manage'],
        firstname: 'Budi',
        lastname: 'Santoso',
      })
    );
    const p8 = await paragraphId(colleague, 8);
    const p10 = await paragraphId(mine, 10);
    const p11 = await paragraphId(mine, 11);
    const putin = 'Putin Sambut Ratifikasi';
    expect(await card(mine, SECOND_SEEDED).count()).toBe(1);
    expect(await slotAfter(mine, p11).getByTestId('newsroom-link').count()).toBe(1);

    // The colleague removes the link at the end, adds one after paragraph 8, and saves first.
    await card(colleague, SECOND_SEEDED).getByRole('button', { name: 'Remove link' }).click();
    await addInternalLink(colleague, slotAfter(colleague, p8), 'seoul pantau', 'Seoul Pantau');
    await save(colleague);
    await colleague.getByText('Baca Juga links saved and published').waitFor();
    const theirs = await publicPlacement();

    // I still see the old placement: I reword one link and move the last one up.
    await card(mine, putin).getByRole('textbox').fill('Putin menyambut ratifikasi Pyongyang');
    await card(mine, SECOND_SEEDED).getByRole('button', { name: 'Move up' }).click();
    await expect_(slotAfter(mine, p10).getByTestId('newsroom-link')).toHaveCount(1);
    await save(mine);

    // 409: nothing of mine was written; the review says who changed what.
    const review = mine.getByTestId('newsroom-conflict');
    await review.waitFor();
    expect(await publicPlacement()).toEqual(theirs);
    const theirChanges = await review.getByTestId('newsroom-conflict-theirs').innerText();
    expect(theirChanges).toContain(`Removed “${SECOND_SEEDED}”`);
    expect(theirChanges).toMatch(
      /Added “Seoul Pantau Pengiriman Pasukan Korea Utara” after paragraph 8/
    );
    expect(theirChanges).toContain('Budi Santoso');
    const myChanges = await review.getByTestId('newsroom-conflict-mine').innerText();
    expect(myChanges).toMatch(/Renamed a link “Putin menyambut ratifikasi Pyongyang”\s*Kept/i);
    expect(myChanges).toMatch(
      /Moved “AS Serukan Hal Mencekam Ini ke Rusia” after paragraph 10\s*Choose below/i
    );

    // The one collision (they removed the link I moved) waits for my choice.
    const apply = review.getByRole('button', { name: /to apply/ });
    expect(await apply.isDisabled()).toBe(true);
    const collision = review.getByTestId('newsroom-conflict-collision');
    expect(await collision.innerText()).toContain('One of you removed');
    await collision.getByRole('radio', { name: /^Yours/ }).click();
    await shoot(mine, 'conflict');
    await review.getByRole('button', { name: 'Apply, then review and save' }).click();
    await review.waitFor({ state: 'hidden' });

    // On screen: their new link, my wording, my move (the removed link kept, as I chose).
    await expect_(slotAfter(mine, p8).getByTestId('newsroom-link')).toHaveCount(1);
    await expect_(slotAfter(mine, p10).getByTestId('newsroom-link')).toHaveCount(1);
    expect(await card(mine, putin).getByRole('textbox').inputValue()).toBe(
      'Putin menyambut ratifikasi Pyongyang'
    );
    await save(mine);
    await mine.getByText('Baca Juga links saved and published').waitFor();

    const ids = await paragraphIds();
    expect((await publicPlacement()).map((b) => [b.label, b.after])).toEqual([
      ['Putin menyambut ratifikasi Pyongyang', ids[4]],
      ['Seoul Pantau Pengiriman Pasukan Korea Utara', ids[7]],
      [SECOND_SEEDED, ids[9]],
    ]);
    await mine.context().close();
    await colleague.context().close();
  });

  test('a broken link is marked and fixed in one click (retarget), and comes back for readers', async () => {
    const doomed = await createArticle({ title: 'Kim Jong Un Tinjau Latihan Artileri' });
    const replacement = await createArticle({ title: 'Moskow Tanggapi Ratifikasi Pyongyang' });
    const page = await openSeededStory(SUPER_ADMIN);
    const p2 = await paragraphId(page, 2);
    await addInternalLink(page, slotAfter(page, p2), 'tinjau latihan', 'Kim Jong Un Tinjau');
    await save(page);
    await page.getByText('Baca Juga links saved and published').waitFor();
    expect((await publicPlacement()).map((b) => b.label)).toContain(
      'Kim Jong Un Tinjau Latihan Artileri'
    );

    // The target is unpublished: readers lose the link, the editor sees it marked.
    await unpublishArticle(doomed.documentId);
    expect((await publicPlacement()).map((b) => b.label)).not.toContain(
      'Kim Jong Un Tinjau Latihan Artileri'
    );
    await page.reload();
    const broken = card(page, 'Kim Jong Un Tinjau');
    await broken.waitFor();
    expect(await broken.getAttribute('data-health')).toBe('target-unpublished');
    await shoot(page, 'broken-link');

    // The label is the old headline, as pasted: on a retarget it follows the target (the
    // server's rule), and the dialog and the card say so before the save.
    await broken.getByRole('textbox').fill('Kim Jong Un Tinjau Latihan Artileri');
    await broken.getByRole('button', { name: 'Retarget' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/becomes the new story’s headline/).waitFor();
    await dialog.getByRole('combobox', { name: 'Search articles' }).fill('moskow tanggapi');
    await dialog.getByTestId('newsroom-target-option').filter({ hasText: 'Moskow' }).click();
    await dialog.getByRole('button', { name: 'Retarget', exact: true }).click();
    const fixed = slotAfter(page, p2).getByTestId('newsroom-link');
    await expect_(fixed).toHaveCount(1);
    expect(await fixed.getByRole('textbox').inputValue()).toBe('');
    expect(await fixed.innerText()).toContain('Moskow Tanggapi Ratifikasi Pyongyang');
    expect(await fixed.innerText()).not.toContain('Kim Jong Un');
    expect(await fixed.getAttribute('data-health')).toBe('ok');
    expect(await fixed.getAttribute('data-target-document-id')).toBe(replacement.documentId);
    await save(page);
    await page.getByText('Baca Juga links saved and published').waitFor();
    const placed = await publicPlacement();
    expect(placed.find((b) => b.after === p2)?.label).toBe('Moskow Tanggapi Ratifikasi Pyongyang');
    await page.context().close();
  });

  test('a suggestion is added with one click', async () => {
    await createArticle({
      title: 'Perjanjian Pertahanan Rusia dan Korea Utara Mulai Berlaku',
      tags: ['Korea Utara', 'Rusia'],
    });
    const page = await openSeededStory(SUPER_ADMIN);
    const suggestion = page.getByTestId('newsroom-suggestion').filter({ hasText: 'Mulai Berlaku' });
    await suggestion.waitFor();
    const before = await page.getByTestId('newsroom-link').count();
    await suggestion.getByRole('button', { name: 'Add' }).click();
    await expect_(page.getByTestId('newsroom-link')).toHaveCount(before + 1);
    await expect_(card(page, 'Mulai Berlaku')).toHaveCount(1);
    await page.context().close();
  });

  test('a read-only editor sees the links but no edit controls, and the API refuses a save', async () => {
    const reader = await createAdminUser({ actions: ['plugin::newsroom.read'] });
    const page = await openSeededStory(reader);
    await page.getByTestId('newsroom-link').first().waitFor();
    // Suggestions are listed for a reader too, without their Add button.
    await page.getByTestId('newsroom-suggestion').first().waitFor();
    for (const name of ['Add link', 'Save', 'Remove link', 'Move up', 'Move down', 'Retarget']) {
      expect([name, await page.getByRole('button', { name, exact: true }).count()]).toEqual([
        name,
        0,
      ]);
    }
    expect(await page.getByRole('button', { name: 'Add', exact: true }).count()).toBe(0);
    expect(await page.locator('[data-testid="newsroom-link"][draggable="true"]').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await shoot(page, 'editor-read-only');

    const { body } = await request(`/api/newsroom/articles/${SEEDED_SLUG}`);
    const save = await request(`/newsroom/articles/${body.data.documentId}/placement`, {
      method: 'PUT',
      token: reader.token,
      body: { version: 'x', links: [] },
    });
    expect(save.status).toBe(403);
    await page.context().close();
  });

  test('the side panel in the content manager lists the links and opens the manager', async () => {
    const { body } = await request(`/api/newsroom/articles/${SEEDED_SLUG}`);
    const documentId = body.data.documentId as string;
    const page = await newAdminPage(browser, SUPER_ADMIN);
    await page.goto(
      `/admin/content-manager/collection-types/plugin::newsroom.article/${documentId}`
    );
    const panel = page.getByTestId('newsroom-side-panel');
    await panel.waitFor({ timeout: 30000 });
    // The panel lists the story's links (up to 5, all of them here), as the admin API has them
    const { body: placed } = await request(`/newsroom/articles/${documentId}/placement`, {
      token: await adminToken(SUPER_ADMIN),
    });
    const linkIds = placed.data.links.map((l: any) => l.documentId as string).sort();
    expect(linkIds.length).toBeGreaterThan(0);
    expect(linkIds.length).toBeLessThanOrEqual(5);
    const cards = panel.getByTestId('newsroom-link');
    await cards.first().waitFor();
    const shown = await cards.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-document-id'))
    );
    expect(shown.sort()).toEqual(linkIds);
    await shoot(page, 'side-panel');
    await panel.getByRole('link', { name: 'Open in Baca Juga manager' }).click();
    await page.waitForURL(`**/admin/plugins/newsroom/articles/${documentId}`);
    await page.getByTestId('newsroom-paragraph').first().waitFor();
    await page.context().close();
  });
});

/** Waits (up to 10 s) for a locator's count, failing with the last count seen. */
function expect_(locator: Locator) {
  return {
    async toHaveCount(count: number) {
      const deadline = Date.now() + 10000;
      let seen = await locator.count();
      while (seen !== count && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await locator.count();
      }
      expect(seen).toBe(count);
    },
    /** Waits (up to 10 s) for a control to be enabled (or, with false, disabled). */
    async toBeEnabled(enabled = true) {
      const deadline = Date.now() + 10000;
      let seen = await locator.isEnabled();
      while (seen !== enabled && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await locator.isEnabled();
      }
      expect([String(locator), seen]).toEqual([String(locator), enabled]);
    },
  };
}
