/**
 * The suggestion index's rebuild (services/search-index): built beside the live index, keyed,
 * swapped in, then brought up to date with whatever changed meanwhile. What is checked is the
 * outcome, the index's rows against the published articles, never the steps.
 */
import { adminToken, prepareDatabase, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';
import { REBUILD_STALE_MS } from '../../server/src/services/search-index';

jest.setTimeout(180_000);

let app: TestApp;
let database: Awaited<ReturnType<typeof prepareDatabase>>;
beforeAll(async () => {
  // Prepared here so that a test can restart Strapi on the same database.
  database = await prepareDatabase();
  app = await startStrapi({ database });
});
afterAll(async () => {
  await app?.stop();
});

const DOCS = 'newsroom_search_docs';
const TERMS = 'newsroom_search_terms';
const LOCK = 'newsroom_search_rebuild';

const knex = () => app.strapi.db.connection;
const index = () => app.strapi.plugin('newsroom').service('searchIndex');
const effects = () => app.strapi.plugin('newsroom').service('publishedEffects');
const PENDING = 'newsroom_pending_effects';
const generation = async () =>
  Number((await knex()('newsroom_freshness').where({ id: 1 }).first('generation')).generation);

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

/** The index's counts once the boot's background rebuild has completed it (at most 20 s). */
const indexCompleted = async () => {
  const deadline = Date.now() + 20_000;
  let counts = await index().counts();
  while (counts.indexed !== counts.published && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    counts = await index().counts();
  }
  return counts;
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
      locale: '',
      title: 'Dihapus',
      slug: 'dihapus',
      length: 1,
      dated_at: null,
      tags: '[]',
    });
    await knex()(TERMS).insert({
      term: 'hapus',
      document_id: 'gone-long-ago',
      locale: '',
      weight: 1,
    });

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
        await app.strapi
          .plugin('newsroom')
          .service('suggestions')
          .forArticle(source.documentId, 5, null)
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

describe('what a publish owes after its commit (services/published-effects)', () => {
  test('a publish whose index sync fails is still seen by every reader at once; the sync is retried from its record', async () => {
    const nr = newsroom(app.strapi);
    const story = await nr.createArticle({ title: 'Banjir bandang landa Sumbawa' });
    const read = () => app.request(`/api/newsroom/articles/${story.slug}`);
    // Cached under the current generation: only a bump makes the next read a fresh one.
    expect((await read()).body.data.title).toBe('Banjir bandang landa Sumbawa');
    expect((await read()).body.data.title).toBe('Banjir bandang landa Sumbawa');

    const service = index();
    const sync = service.sync;
    service.sync = async () => {
      throw new Error('injected: index unavailable');
    };
    let outcome: unknown;
    // The index stays unavailable until the record of what is owed has been checked: the
    // background retrier (every instance runs one) may try again meanwhile on a slow machine,
    // and must fail then too.
    try {
      await nr.update(ARTICLE, story.documentId, { title: 'Banjir bandang landa Bima' });
      outcome = await nr.publish(ARTICLE, story.documentId).then(
        () => 'published',
        (error: unknown) => error
      );

      // Any reader (the cache keyed on the shared generation) sees the new version at once.
      expect((await read()).body.data.title).toBe('Banjir bandang landa Bima');
      // The publish is committed whatever its side effects do: it does not fail the caller.
      expect(outcome).toBe('published');
      // The index missed it, and what is owed is recorded with its failure, for any instance.
      const [doc] = await knex()(DOCS).where({ document_id: story.documentId });
      expect(doc.title).toBe('Banjir bandang landa Sumbawa');
      const pending = await knex()(PENDING).where({ document_id: story.documentId });
      expect(pending).toEqual([
        expect.objectContaining({ last_error: expect.stringContaining('injected') }),
      ]);
      expect(Number(pending[0].attempts)).toBeGreaterThanOrEqual(1);
      const admin = { authorization: `Bearer ${await adminToken(app)}` };
      const status = await app.request('/newsroom/status', { headers: admin });
      expect(status.status).toBe(200);
      expect(status.body.data.pendingEffects).toMatchObject({ pending: 1, failing: 1 });
    } finally {
      service.sync = sync;
    }

    // Once due, a retry (any instance's timer runs the same) syncs it, bumps, and forgets it.
    const before = await generation();
    await knex()(PENDING).where({ document_id: story.documentId }).update({ due_at: 0 });
    expect(await effects().retryDue()).toBe(1);
    const [synced] = await knex()(DOCS).where({ document_id: story.documentId });
    expect(synced.title).toBe('Banjir bandang landa Bima');
    expect(await knex()(PENDING).where({ document_id: story.documentId })).toEqual([]);
    expect(await generation()).toBeGreaterThan(before);
    await expectComplete();
  });

  test('a failed generation bump is retried until it succeeds, and shown meanwhile', async () => {
    const nr = newsroom(app.strapi);
    const story = await nr.createArticle({ title: 'Gempa kecil di Garut' });
    const before = await generation();
    let status: Awaited<ReturnType<TestApp['request']>> = { status: 0, body: null } as any;
    // The database refuses the bump (as it would while PostgreSQL restarts).
    await failUpdates('newsroom_freshness');
    try {
      await nr.update(ARTICLE, story.documentId, { title: 'Gempa kecil di Garut selatan' });
      await nr.publish(ARTICLE, story.documentId);
      expect(await generation()).toBe(before);
      const admin = { authorization: `Bearer ${await adminToken(app)}` };
      status = await app.request('/newsroom/status', { headers: admin });
    } finally {
      await allowUpdates('newsroom_freshness');
    }
    // Retried on the instance's timer (bounded backoff), without another write.
    const deadline = Date.now() + 15_000;
    while ((await generation()) === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await generation()).toBeGreaterThan(before);
    // While it was owed, the status said so; once made, it says nothing.
    expect(status.body?.data?.owedBump).toMatchObject({
      attempts: expect.any(Number),
      lastError: expect.stringContaining('injected'),
    });
    expect(app.strapi.plugin('newsroom').service('freshness').owed()).toBeNull();
  });
});

/** Makes every UPDATE of `table` fail, on SQLite and PostgreSQL alike. */
const failUpdates = async (table: string) => {
  if (app.strapi.db.dialect.client === 'postgres') {
    await knex().raw(
      `CREATE OR REPLACE FUNCTION newsroom_test_fail() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'injected: update refused'; END $$ LANGUAGE plpgsql`
    );
    await knex().raw(
      `CREATE TRIGGER newsroom_test_fail BEFORE UPDATE ON ?? FOR EACH ROW EXECUTE FUNCTION newsroom_test_fail()`,
      [table]
    );
  } else {
    await knex().raw(
      `CREATE TRIGGER newsroom_test_fail BEFORE UPDATE ON ?? BEGIN SELECT RAISE(ABORT, 'injected: update refused'); END`,
      [table]
    );
  }
};
const allowUpdates = async (table: string) => {
  if (app.strapi.db.dialect.client === 'postgres') {
    await knex().raw('DROP TRIGGER IF EXISTS newsroom_test_fail ON ??', [table]);
  } else {
    await knex().raw('DROP TRIGGER IF EXISTS newsroom_test_fail');
  }
};

describe('completing the index at boot (search/complete-index)', () => {
  test('suggestions say they are degraded while an instance rebuilds the index', async () => {
    const nr = newsroom(app.strapi);
    const story = await nr.createArticle({ title: 'Tanah longsor di Banjarnegara' });
    const admin = { authorization: `Bearer ${await adminToken(app)}` };
    const suggestions = () =>
      app.request(`/newsroom/articles/${story.documentId}/suggestions?limit=3`, {
        headers: admin,
      });
    expect((await suggestions()).body.meta).toEqual({ indexing: false });
    await knex()(LOCK)
      .where({ id: 1 })
      .update({ owner: 'another-instance', heartbeat: Date.now() });
    try {
      const answer = await suggestions();
      expect(answer.status).toBe(200);
      expect(answer.body.meta).toEqual({ indexing: true });
      const orphans = await app.request('/newsroom/orphans', { headers: admin });
      expect(orphans.body.meta).toMatchObject({ indexing: true });
      const status = await app.request('/newsroom/status', { headers: admin });
      expect(status.body.data.searchIndex).toMatchObject({ rebuilding: true });
    } finally {
      await knex()(LOCK).where({ id: 1 }).update({ owner: null, heartbeat: null });
    }
  });

  test('boot is not held up by an incomplete index, nor by a rebuild that fails; shutdown does not wait for it', async () => {
    // An index missing an article, and a rebuild that cannot run: a view where it builds.
    const nr = newsroom(app.strapi);
    const missing = await nr.createArticle({ title: 'Kebakaran hutan di Riau meluas' });
    await knex()(TERMS).where({ document_id: missing.documentId }).delete();
    await knex()(DOCS).where({ document_id: missing.documentId }).delete();
    await knex().raw(`CREATE VIEW ${TERMS}_next AS SELECT 1 AS x`);
    await app.strapi.destroy();

    // Before: the rebuild ran inside bootstrap, and its failure failed the boot.
    const booting = Date.now();
    app = await startStrapi({ database });
    console.log(`[search-index] boot with an incomplete index: ${Date.now() - booting} ms`);
    expect((await app.request(`/api/newsroom/articles/${missing.slug}`)).status).toBe(200);
    const { indexed, published } = await index().counts();
    expect(indexed).toBe(published - 1);
    await knex().raw(`DROP VIEW ${TERMS}_next`);

    // Shutdown stops the background work at once (the rebuild is waiting to try again).
    const stopping = Date.now();
    await app.strapi.destroy();
    expect(Date.now() - stopping).toBeLessThan(5_000);

    // The next boot completes the index in the background.
    app = await startStrapi({ database });
    await indexCompleted();
    await expectComplete();
  });

  test('an index from before it was per locale is replaced at boot and rebuilt', async () => {
    // The tables as the plugin made them before: no locale column, documentId keys.
    await knex().schema.dropTable(TERMS);
    await knex().schema.dropTable(DOCS);
    await knex().schema.createTable(DOCS, (table) => {
      table.string('document_id', 64).primary();
      table.text('title').notNullable();
      table.string('slug', 255).notNullable();
      table.float('length').notNullable();
      table.bigInteger('dated_at').nullable();
      table.text('tags').notNullable();
    });
    await knex().schema.createTable(TERMS, (table) => {
      table.string('term', 48).notNullable();
      table.string('document_id', 64).notNullable();
      table.float('weight').notNullable();
      table.primary(['term', 'document_id']);
    });
    await knex()(DOCS).insert({
      document_id: 'old',
      title: 'Lama',
      slug: 'lama',
      length: 1,
      tags: '[]',
    });
    await app.strapi.destroy();

    app = await startStrapi({ database });
    expect(await knex().schema.hasColumn(DOCS, 'locale')).toBe(true);
    expect(await knex().schema.hasColumn(TERMS, 'locale')).toBe(true);
    await indexCompleted();
    await expectComplete();
    // Without i18n, every entry is under the '' locale.
    expect(await knex()(DOCS).distinct('locale').pluck('locale')).toEqual(['']);
  });

  test('turning i18n on rebuilds the index under the default locale, and suggestions go on', async () => {
    const nr = newsroom(app.strapi);
    const source = await nr.createArticle({
      title: 'Banjir bandang terjang Sumatera Barat',
      paragraphs: ['Banjir bandang menerjang tiga kabupaten di Sumatera Barat.'],
    });
    const target = await nr.createArticle({
      title: 'Korban banjir bandang Sumatera Barat bertambah',
      paragraphs: ['Jumlah korban banjir bandang di Sumatera Barat terus bertambah.'],
    });
    await app.strapi.destroy();
    app = await startStrapi({ database, env: { NEWSROOM_I18N: 'true' } });
    const counts = await indexCompleted();
    expect(counts.indexed).toBe(counts.published);
    expect(await knex()(DOCS).distinct('locale').pluck('locale')).toEqual(['id']);
    const ranked = await app.strapi
      .plugin('newsroom')
      .service('suggestions')
      .forArticle(source.documentId, 5, 'id');
    expect(ranked[0].documentId).toBe(target.documentId);
  });
});
