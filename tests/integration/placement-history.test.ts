/**
 * Placement history (issue 30, item 5): every change of a story's draft links and quotes, from
 * any entry point, is recorded from the write's outcome with who made it, and served newest
 * first at GET /newsroom/articles/:documentId/history; a restore is an ordinary versioned
 * placement save. The bounds are small here (3 entries per version) so that pruning shows.
 */
import { historyResponseSchema, checkContract, type HistoryEntry } from '#shared/contracts/admin';
import { restoredLinks } from '#shared/baca-juga/placement-history';
import { DB, adminToken, adminWithActions, startStrapi, type TestApp } from './helpers/strapi';
import { LINK, QUOTE, newsroom } from './helpers/newsroom';

const MAX_ENTRIES = 3;
const TABLE = 'newsroom_placement_history';

describe(`placement history (${DB})`, () => {
  let app: TestApp;
  let editor: Record<string, string>;
  let colleague: Record<string, string>;
  let editorUser: { id: number; name: string };
  let colleagueUser: { id: number; name: string };
  let story: any;
  let targets: any[];

  const path = (rest: string) => `/newsroom/articles/${story.documentId}/${rest}`;
  const placement = async () =>
    (await app.request(path('placement'), { headers: editor })).body.data;
  const history = async () => {
    const response = await app.request(path('history'), { headers: editor });
    expect(response.status).toBe(200);
    return checkContract(historyResponseSchema, response.body);
  };
  const save = (headers: Record<string, string>, version: string, links: unknown[]) =>
    app.request(path('placement'), { method: 'PUT', headers, body: { version, links } });
  const me = async (headers: Record<string, string>) => {
    const { body } = await app.request('/admin/users/me', { headers });
    const { id, firstname, lastname, username } = body.data;
    return { id: id as number, name: [firstname, lastname].filter(Boolean).join(' ') || username };
  };
  const p = (i: number) => story.body[i].id as string;

  beforeAll(async () => {
    app = await startStrapi({
      seed: false,
      env: { NEWSROOM_HISTORY_MAX_ENTRIES: String(MAX_ENTRIES) },
    });
    editor = { authorization: `Bearer ${await adminToken(app)}` };
    colleague = await adminWithActions(app, ['plugin::newsroom.read', 'plugin::newsroom.manage']);
    editorUser = await me(editor);
    colleagueUser = await me(colleague);
    const n = newsroom(app.strapi);
    targets = [];
    for (const title of ['Harga Beras Naik', 'Panen Raya', 'Impor Gula']) {
      targets.push(await n.createArticle({ title }));
    }
    story = await n.createArticle({
      title: 'Cerita Riwayat',
      paragraphs: ['Satu.', 'Dua.', 'Tiga.'],
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** The first save's entry: "last night's" placement, restored at the end. */
  let lastNight: HistoryEntry;

  it('records a placement save with the admin who made it, newest first', async () => {
    const first = await save(editor, (await placement()).version, [
      { targetDocumentId: targets[0].documentId, afterParagraphId: p(0) },
      { targetDocumentId: targets[1].documentId, afterParagraphId: p(1), label: 'Baca juga' },
    ]);
    expect(first.status).toBe(200);
    const { data, meta } = await history();
    expect(data).toHaveLength(1);
    const [entry] = data;
    lastNight = entry;
    expect(entry.user).toEqual(editorUser);
    expect(entry.before.links).toEqual([]);
    expect(entry.after.links.map((l) => [l.target, l.slot, l.label])).toEqual([
      [targets[0].documentId, 1, null],
      [targets[1].documentId, 2, 'Baca juga'],
    ]);
    expect(entry.summary).toBe(
      'added "Harga Beras Naik" after paragraph 1; added "Baca juga" after paragraph 2'
    );
    expect(meta.targets.map((t) => t.title).sort()).toEqual(['Harga Beras Naik', 'Panen Raya']);

    // A colleague moves one and replaces the other: recorded under their name, on top.
    const current = await placement();
    const moved = current.links.find(
      (l: any) => l.targetArticle.documentId === targets[0].documentId
    );
    const second = await save(colleague, current.version, [
      {
        documentId: moved.documentId,
        targetDocumentId: targets[0].documentId,
        afterParagraphId: p(2),
      },
      { targetDocumentId: targets[2].documentId, afterParagraphId: 'start' },
    ]);
    expect(second.status).toBe(200);
    const after = (await history()).data;
    expect(after.map((e) => e.id)).toEqual([after[0].id, lastNight.id]);
    expect(after[0].user).toEqual(colleagueUser);
    expect(after[0].summary).toBe(
      'added "Impor Gula" before the first paragraph; removed "Baca juga" from after paragraph 2; moved "Harga Beras Naik" from after paragraph 1 to after paragraph 3'
    );
  });

  it('records a Document Service write from a script with nobody named', async () => {
    const link = (await placement()).links.find(
      (l: any) => l.targetArticle.documentId === targets[2].documentId
    );
    await app.strapi.documents(LINK as any).delete({ documentId: link.documentId });
    const quote = await app.strapi.documents(QUOTE as any).create({
      data: { article: story.documentId, paragraphId: p(1), text: 'Kami siap.', kind: 'full' },
    });
    const { data } = await history();
    expect(data[0].user).toBeNull();
    expect(data[0].summary).toBe('added a quote in paragraph 2');
    expect(data[0].after.quotes).toEqual([
      { documentId: quote.documentId, text: 'Kami siap.', paragraphId: p(1), paragraph: 2 },
    ]);
    expect(data[1].user).toBeNull();
    expect(data[1].summary).toBe('removed "Impor Gula" from before the first paragraph');
  });

  it("records the content manager's edits under the admin signed in", async () => {
    const link = (await placement()).links[0];
    const response = await app.request(
      `/content-manager/collection-types/${LINK}/${link.documentId}`,
      { method: 'PUT', headers: editor, body: { label: 'Ulasan beras' } }
    );
    expect(response.status).toBe(200);
    const [entry] = (await history()).data;
    expect(entry.user).toEqual(editorUser);
    expect(entry.summary).toBe('relabelled "Harga Beras Naik" as "Ulasan beras"');
  });

  it('keeps each version to its newest entries, and none older than the age bound', async () => {
    const stored = await app.strapi.db
      .connection(TABLE)
      .where({ document_id: story.documentId })
      .count({ n: '*' });
    expect(Number(stored[0].n)).toBe(MAX_ENTRIES);
    const { data, meta } = await history();
    expect(data).toHaveLength(MAX_ENTRIES);
    expect(data.map((e) => e.id)).not.toContain(lastNight.id);
    expect(meta).toMatchObject({ maxEntries: MAX_ENTRIES, maxAgeDays: 90 });

    // An entry of another story from 91 days ago: never shown, and the next write deletes it.
    const old = Date.now() - 91 * 24 * 60 * 60 * 1000;
    const empty = JSON.stringify({ links: [], quotes: [] });
    await app.strapi.db.connection(TABLE).insert({
      document_id: targets[0].documentId,
      locale: '',
      recorded_at: old,
      user_id: null,
      user_name: null,
      before_state: empty,
      after_state: empty,
    });
    const shown = await app.request(`/newsroom/articles/${targets[0].documentId}/history`, {
      headers: editor,
    });
    expect(shown.body.data).toEqual([]);
    const current = await placement();
    const saved = await save(
      editor,
      current.version,
      current.links.map((l: any) => ({
        documentId: l.documentId,
        targetDocumentId: l.targetArticle.documentId,
        label: null,
        afterParagraphId: l.afterParagraphId,
      }))
    );
    expect(saved.status).toBe(200);
    const left = await app.strapi.db
      .connection(TABLE)
      .where('recorded_at', '<', Date.now() - 86_400_000);
    expect(left).toEqual([]);
  });

  it('restores an earlier placement as a versioned save, refused when stale', async () => {
    const existing = new Set(targets.map((t) => t.documentId as string));
    // Pruned from the history since, but the editor's screen still shows it.
    const wanted = lastNight.after;
    expect(wanted.links.map((l) => l.target)).toEqual([
      targets[0].documentId,
      targets[1].documentId,
    ]);
    const current = await placement();
    const { links, skipped } = restoredLinks(wanted, {
      links: current.links.map((l: any) => ({
        documentId: l.documentId,
        target: l.targetArticle?.documentId ?? null,
        url: l.url,
      })),
      paragraphIds: new Set(current.paragraphs.map((x: any) => x.id)),
      targets: existing,
    });
    expect(skipped).toEqual([]);

    // A colleague saved since the restore was computed: refused, nothing recorded.
    const stale = current.version;
    expect((await save(colleague, stale, [])).status).toBe(200);
    const countBefore = (await history()).data[0].id;
    const refused = await save(editor, stale, links);
    expect(refused.status).toBe(409);
    expect((await history()).data[0].id).toBe(countBefore);

    // Computed again against the current version: saved, and the history shows the restore.
    const again = await placement();
    const restored = restoredLinks(wanted, {
      links: again.links.map((l: any) => ({
        documentId: l.documentId,
        target: l.targetArticle?.documentId ?? null,
        url: l.url,
      })),
      paragraphIds: new Set(again.paragraphs.map((x: any) => x.id)),
      targets: existing,
    });
    const ok = await save(editor, again.version, restored.links);
    expect(ok.status).toBe(200);
    const placed = ok.body.data.links.map((l: any) => [
      l.targetArticle.documentId,
      l.afterParagraphId,
      l.label,
    ]);
    expect(placed).toEqual([
      [targets[0].documentId, p(0), null],
      [targets[1].documentId, p(1), 'Baca juga'],
    ]);
    const [entry] = (await history()).data;
    expect(entry.user).toEqual(editorUser);
    expect(entry.summary).toBe(
      'added "Harga Beras Naik" after paragraph 1; added "Baca juga" after paragraph 2'
    );
  });

  it('answers 404 for an unknown story and refuses unknown parameters', async () => {
    const missing = await app.request('/newsroom/articles/nosuchdocumentid0000000000/history', {
      headers: editor,
    });
    expect(missing.status).toBe(404);
    const extra = await app.request(`${path('history')}?page=2`, { headers: editor });
    expect(extra.status).toBe(400);
  });
});
