/**
 * The suggestion index's rebuild (services/search-index): built beside the live index, keyed,
 * swapped in, then brought up to date with whatever changed meanwhile. What is checked is the
 * outcome, the index's rows against the published articles, never the steps.
 */
import { startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';
import { REBUILD_STALE_MS } from '../../server/src/services/search-index';

jest.setTimeout(180_000);

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const DOCS = 'newsroom_search_docs';
const TERMS = 'newsroom_search_terms';
const LOCK = 'newsroom_search_rebuild';

const knex = () => app.strapi.db.connection;
const index = () => app.strapi.plugin('newsroom').service('searchIndex');

/** Document ids in the index, and document ids with a published row: equal when it is right. */
const state = async () => {
  const indexed: string[] = (await knex()(DOCS).pluck('document_id')).sort();
  const published: string[] = (
    await knex()(app.strapi.db.metadata.get(ARTICLE).tableName)
      .distinct('document_id')
      .whereNotNull('published_at')
      .pluck('document_id')
  ).sort();
  const termDocs: string[] = (await knex()(TERMS).distinct('document_id').pluck('document_id'))
    .filter((id: string) => id !== '')
    .sort();
  return { indexed, published, termDocs };
};

const expectComplete = async () => {
  const { indexed, published, termDocs } = await state();
  expect(indexed).toEqual(published);
  expect(termDocs).toEqual(published);
  expect(indexed.length).toBeGreaterThan(0);
};

describe('rebuilding the suggestion index', () => {
  test('makes the index exactly the published articles: missing ones added, stale ones dropped', async () => {
    const nr = newsroom(app.strapi);
    const kept = await nr.createArticle({ title: 'Gempa guncang Cianjur lagi' });
    await nr.createArticle({ title: 'Banjir rendam Bekasi' });
    // An article the index lost, and a row for one that no longer exists.
    await knex()(TERMS).where({ document_id: kept.documentId }).delete();
    await knex()(DOCS).where({ document_id: kept.documentId }).delete();
    await knex()(DOCS).insert({
      document_id: 'gone-long-ago',
      title: 'Dihapus',
      slug: 'dihapus',
      length: 1,
      dated_at: null,
      tags: '[]',
    });
    await knex()(TERMS).insert({ term: 'hapus', document_id: 'gone-long-ago', weight: 1 });

    const progress: number[] = [];
    const result = await index().rebuild((done: number) => progress.push(done));
    expect(result.skipped).toBe(false);
    expect(result.removed).toBe(1);
    await expectComplete();
    const { published } = await state();
    expect(result.indexed).toBe(published.length);
    expect(progress[progress.length - 1]).toBe(published.length);
    // The lock is free again.
    expect(await knex()(LOCK).where({ id: 1 }).first()).toMatchObject({ owner: null });
  });

  test('keeps indexing publishes, edits and unpublishes on the rebuilt tables', async () => {
    await index().rebuild();
    const nr = newsroom(app.strapi);
    const story = await nr.createArticle({ title: 'Harga cabai melonjak di pasar' });
    expect((await state()).indexed).toContain(story.documentId);
    // A second publish replaces the article's rows: one row, the new title.
    await nr.update(ARTICLE, story.documentId, { title: 'Harga bawang melonjak di pasar' });
    await nr.publish(ARTICLE, story.documentId);
    const rows = await knex()(DOCS).where({ document_id: story.documentId });
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe('Harga bawang melonjak di pasar');
    await nr.unpublish(ARTICLE, story.documentId);
    expect((await state()).indexed).not.toContain(story.documentId);
    await expectComplete();
  });

  test('ends up right whatever is published, edited or unpublished while it runs', async () => {
    const nr = newsroom(app.strapi);
    const leaving = await nr.createArticle({ title: 'Kereta cepat uji coba' });
    const fresh = await nr.createArticle({ title: 'Pemilu daerah ditunda', publish: false });
    const edited = await nr.createArticle({ title: 'Harga beras naik' });
    let during = 0;
    // Done inside the build, after its first batch was read and before the swap: the live
    // index gets these writes, and the tables swapped in must get them too.
    const result = await index().rebuild(async () => {
      during += 1;
      if (during > 1) return;
      await nr.publish(ARTICLE, fresh.documentId);
      await nr.unpublish(ARTICLE, leaving.documentId);
      await nr.update(ARTICLE, edited.documentId, { title: 'Harga beras turun lagi' });
      await nr.publish(ARTICLE, edited.documentId);
    });
    expect(result.skipped).toBe(false);
    const { indexed } = await state();
    expect(indexed).toContain(fresh.documentId);
    expect(indexed).not.toContain(leaving.documentId);
    const [row] = await knex()(DOCS).where({ document_id: edited.documentId }).select('title');
    expect(row.title).toBe('Harga beras turun lagi');
    await expectComplete();
  });

  test('one instance at a time: a rebuild another holds is skipped, a dead one is taken over', async () => {
    const before = await state();
    await knex()(LOCK)
      .where({ id: 1 })
      .update({ owner: 'another-instance', heartbeat: Date.now() });
    const skipped = await index().rebuild();
    expect(skipped).toEqual({ indexed: 0, removed: 0, skipped: true });
    expect(await state()).toEqual(before);
    expect(await knex()(LOCK).where({ id: 1 }).first()).toMatchObject({
      owner: 'another-instance',
    });

    // That instance died mid-build: its half-filled tables are left, its lock goes stale.
    await knex().schema.createTable(`${DOCS}_next`, (table) => {
      table.string('document_id', 64);
    });
    await knex()(`${DOCS}_next`).insert({ document_id: 'half-built' });
    await knex()(LOCK)
      .where({ id: 1 })
      .update({ heartbeat: Date.now() - REBUILD_STALE_MS - 1000 });
    const taken = await index().rebuild();
    expect(taken.skipped).toBe(false);
    await expectComplete();
    expect(await knex().schema.hasTable(`${DOCS}_next`)).toBe(false);
    expect(await knex()(LOCK).where({ id: 1 }).first()).toMatchObject({ owner: null });
  });

  test('suggestions rank from the rebuilt index', async () => {
    const nr = newsroom(app.strapi);
    const source = await nr.createArticle({
      title: 'Gunung Lewotobi meletus, warga mengungsi',
      paragraphs: ['Gunung Lewotobi kembali meletus dan warga mengungsi ke posko.'],
    });
    const target = await nr.createArticle({
      title: 'Pengungsi Lewotobi butuh air bersih',
      paragraphs: ['Ribuan pengungsi letusan Lewotobi kekurangan air bersih di posko.'],
    });
    const ranked = async () =>
      (
        await app.strapi.plugin('newsroom').service('suggestions').forArticle(source.documentId, 5)
      ).map((s: { documentId: string }) => s.documentId);
    expect((await ranked())[0]).toBe(target.documentId);
    // The index loses the target: suggestions come from the index, so it is no longer ranked.
    await knex()(TERMS).where({ document_id: target.documentId }).delete();
    await knex()(DOCS).where({ document_id: target.documentId }).delete();
    expect(await ranked()).not.toContain(target.documentId);
    // Only the rebuild puts it back, and the ranking reads the tables it swapped in.
    await index().rebuild();
    expect((await ranked())[0]).toBe(target.documentId);
  });
});
