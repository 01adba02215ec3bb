/**
 * "Last edited" in the manager's list follows a story's Baca Juga links (issue 29, item 5):
 * links are rows of their own, so a save of them leaves the article's updatedAt alone, and the
 * list reads when its draft links last changed beside it (database/link-edits), from whatever
 * entry point changed them. The list is sorted by the value it shows.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { adminArticleListResponseSchema, checkContract } from '#shared/contracts/admin';
import { keptLinkInput } from '#shared/contracts/placement';
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, newsroom } from './helpers/newsroom';
import { backfillLinkEdits } from '../../server/src/database/link-edits';

/** The stamps of a newsroom from before them: none, then what the boot's backfill finds. */
const restamp = async (app: TestApp) => {
  await app.strapi.db.connection('newsroom_link_edits').delete();
  await backfillLinkEdits(app.strapi);
  return app.strapi.db.connection('newsroom_link_edits').select('*');
};

const OLD = '2020-01-02T03:04:05.000Z';

describe(`"Last edited" counts Baca Juga links (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  let source: any;
  let target: any;
  let other: any;

  const list = async (query = 'pageSize=100') => {
    const { status, body } = await app.request(`/newsroom/articles?${query}`, { headers });
    expect(status).toBe(200);
    checkContract(adminArticleListResponseSchema, body);
    return body.data as any[];
  };
  const rowOf = async (documentId: string) =>
    (await list()).find((row) => row.documentId === documentId);
  /** The draft's own updatedAt, as stored. */
  const ownUpdatedAt = async (documentId: string) => {
    const row = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, publishedAt: null }, select: ['updatedAt'] });
    return new Date(row.updatedAt).toISOString();
  };
  const placement = async () =>
    (await app.request(`/newsroom/articles/${source.documentId}/placement`, { headers })).body.data;
  const save = async (links: unknown[]) => {
    const { version } = await placement();
    const saved = await app.request(`/newsroom/articles/${source.documentId}/placement`, {
      method: 'PUT',
      headers,
      body: { version, links },
    });
    expect(saved.status).toBe(200);
  };
  /** The instant before a write, a little apart from the one before it. */
  const now = async () => {
    await sleep(5);
    const at = new Date().toISOString();
    await sleep(5);
    return at;
  };

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
    const n = newsroom(app.strapi);
    target = await n.createArticle({ title: 'Sasaran', paragraphs: ['Satu.'] });
    source = await n.createArticle({ title: 'Sumber', paragraphs: ['A.', 'B.'] });
    other = await n.createArticle({ title: 'Lain', paragraphs: ['C.'] });
    // The story was last edited long ago: its rows' updated_at, written behind Strapi's back.
    const meta = app.strapi.db.metadata.get(ARTICLE as any);
    const column = (meta.attributes.updatedAt as any).columnName ?? 'updated_at';
    const documentId = (meta.attributes.documentId as any).columnName ?? 'document_id';
    await app.strapi.db
      .connection(meta.tableName)
      .where(documentId, source.documentId)
      .update({ [column]: new Date(OLD) });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows the story’s own edit until its links change, and sorts by it', async () => {
    const row = await rowOf(source.documentId);
    expect(row).toMatchObject({ updatedAt: OLD, lastEditedAt: OLD, lastEditOf: 'story' });
    const rows = await list();
    expect(rows[rows.length - 1].documentId).toBe(source.documentId);
  });

  it('a placement save that adds a link moves it, and leaves the story’s updatedAt alone', async () => {
    const before = await now();
    const { paragraphs } = await placement();
    await save([{ targetDocumentId: target.documentId, afterParagraphId: paragraphs[1].id }]);
    const row = await rowOf(source.documentId);
    expect(row.lastEditOf).toBe('links');
    expect(row.lastEditedAt >= before).toBe(true);
    expect(row.updatedAt).toBe(OLD);
    expect(await ownUpdatedAt(source.documentId)).toBe(OLD);
    // Now the most recently edited: first in the list, on a page of one too.
    expect((await list())[0].documentId).toBe(source.documentId);
    expect((await list('pageSize=1&page=1'))[0].documentId).toBe(source.documentId);
    // The target gained a story that links to it, not an edit of its own links.
    expect((await rowOf(target.documentId)).lastEditOf).toBe('story');
  });

  it('a save that changes nothing moves nothing', async () => {
    const was = (await rowOf(source.documentId)).lastEditedAt;
    await sleep(10);
    await save((await placement()).links.map(keptLinkInput));
    expect((await rowOf(source.documentId)).lastEditedAt).toBe(was);
  });

  it('a link edited through the Document Service moves it', async () => {
    const [link] = (await placement()).links;
    const before = await now();
    await (app.strapi.documents(LINK as any) as any).update({
      documentId: link.documentId,
      data: { label: 'Baca juga yang ini' },
    });
    const row = await rowOf(source.documentId);
    expect(row).toMatchObject({ lastEditOf: 'links', updatedAt: OLD });
    expect(row.lastEditedAt >= before).toBe(true);
    expect(await ownUpdatedAt(source.documentId)).toBe(OLD);
  });

  it('a newsroom from before the stamps gets them from its draft links at boot', async () => {
    const [link] = (await placement()).links;
    const draft = await app.strapi.db
      .query(LINK)
      .findOne({ where: { documentId: link.documentId, publishedAt: null } });
    const rows = await restamp(app);
    expect(rows.map((row: any) => [row.document_id, row.locale])).toEqual([
      [source.documentId, ''],
    ]);
    expect(new Date(rows[0].links_edited_at).toISOString()).toBe(
      new Date(draft.updatedAt).toISOString()
    );
    expect((await rowOf(source.documentId)).lastEditOf).toBe('links');
  });

  it('a save that only removes links moves it', async () => {
    const before = await now();
    await save([]);
    expect((await placement()).links).toEqual([]);
    const row = await rowOf(source.documentId);
    expect(row).toMatchObject({ lastEditOf: 'links', updatedAt: OLD });
    expect(row.lastEditedAt >= before).toBe(true);
    expect(await ownUpdatedAt(source.documentId)).toBe(OLD);
  });

  it('an edit of the story itself after its links shows the story’s own edit again', async () => {
    const before = await now();
    await (app.strapi.documents(ARTICLE as any) as any).update({
      documentId: other.documentId,
      data: { title: 'Lain Lagi' },
    });
    const rows = await list();
    expect(rows[0]).toMatchObject({ documentId: other.documentId, lastEditOf: 'story' });
    expect(rows[0].lastEditedAt >= before).toBe(true);
    expect(rows[1].documentId).toBe(source.documentId);
    // The order is the order of what is shown, page by page.
    const shown = rows.map((row) => row.lastEditedAt);
    expect([...shown].sort().reverse()).toEqual(shown);
    const paged = [];
    for (let page = 1; page <= rows.length; page += 1) {
      paged.push(...(await list(`pageSize=1&page=${page}`)).map((row) => row.documentId));
    }
    expect(paged).toEqual(rows.map((row) => row.documentId));
  });

  it('a deleted story leaves no edit row behind', async () => {
    const rowsOf = () =>
      app.strapi.db.connection('newsroom_link_edits').where('document_id', source.documentId);
    expect(await rowsOf()).toHaveLength(1);
    await (app.strapi.documents(ARTICLE as any) as any).delete({ documentId: source.documentId });
    expect(await rowsOf()).toHaveLength(0);
  });
});

describe(`"Last edited" per locale where stories are localized (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  const docs = (uid: string) => app.strapi.documents(uid as any) as any;
  const rowOf = async (locale: string, documentId: string) => {
    const { body } = await app.request(`/newsroom/articles?locale=${locale}&pageSize=100`, {
      headers,
    });
    return body.data.find((row: any) => row.documentId === documentId);
  };

  beforeAll(async () => {
    app = await startStrapi({ seed: false, env: { NEWSROOM_I18N: 'true' } });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a link of the English version moves the English row only', async () => {
    const story = async (locale: string, title: string, documentId?: string) => {
      const data = { title, outlet: 'Test Desk', tags: [], body: [{ text: `${title}.` }] };
      const written = documentId
        ? await docs(ARTICLE).update({ documentId, locale, data })
        : await docs(ARTICLE).create({ locale, data });
      return docs(ARTICLE).findOne({ documentId: written.documentId, locale, status: 'draft' });
    };
    const sourceId = await story('id', 'Sumber');
    const sourceEn = await story('en', 'Source', sourceId.documentId);
    const targetId = await story('id', 'Sasaran');
    const targetEn = await story('en', 'Target', targetId.documentId);
    await sleep(10);
    const before = new Date().toISOString();
    await docs(LINK).create({
      locale: 'en',
      data: {
        sourceArticle: sourceEn.documentId,
        targetArticle: targetEn.documentId,
        afterParagraphId: sourceEn.body[0].id,
        position: 0,
      },
    });
    const en = await rowOf('en', sourceEn.documentId);
    expect(en.lastEditOf).toBe('links');
    expect(en.lastEditedAt >= before).toBe(true);
    const id = await rowOf('id', sourceId.documentId);
    expect(id.lastEditOf).toBe('story');
    expect(id.lastEditedAt < before).toBe(true);
    // The boot's backfill finds the English version's link, and only it.
    const rows = await restamp(app);
    expect(rows.map((row: any) => [row.document_id, row.locale])).toEqual([
      [sourceEn.documentId, 'en'],
    ]);
  });
});
