/**
 * A render costs a constant, small number of SQL statements, however many links the story
 * has, and the response cache never serves a stale story: every statement is counted from the
 * database connection's own query events while a real request is served.
 */
import { adminToken, DB, RETRIER_POLL, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom, SEEDED_SLUG, fillPlaceholders } from './helpers/newsroom';

jest.setTimeout(180_000);

let app: TestApp;
interface Statement {
  sql: string;
  /** knex's id of the transaction the statement ran in, if any. */
  tx?: string;
}
let queries: Statement[] = [];
const record = (query: { sql: string; __knexTxId?: string }) =>
  queries.push({ sql: query.sql, tx: query.__knexTxId });

/**
 * Strapi's own housekeeping (the upload plugin's folder paths, its settings store) and the
 * plugin's retrier of publish side effects run on timers of their own and can land in the
 * middle of a counted request: those statements, and the transactions they run in, are not
 * the request's.
 */
const HOUSEKEEPING = new RegExp(
  `strapi_core_store_settings|\\bfiles\\b|upload_folders|${RETRIER_POLL.source}`,
  'i'
);
const requestStatements = (statements: Statement[]) => {
  const housekeepingTx = new Set(
    statements.filter((s) => HOUSEKEEPING.test(s.sql) && s.tx).map((s) => s.tx)
  );
  return statements
    .filter((s) => !HOUSEKEEPING.test(s.sql) && !(s.tx && housekeepingTx.has(s.tx)))
    .map((s) => s.sql);
};

/**
 * Waits until the database has been idle for a while: Strapi's own background work (the
 * upload plugin's start-up tasks, its settings store) must not be counted as the request's.
 */
const quiet = async (idleMs = 300, maxMs = 10_000) => {
  const started = Date.now();
  for (;;) {
    const seen = queries.length;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    if (queries.length === seen || Date.now() - started > maxMs) return;
  }
};

/** The statements one request sends, and its response. */
const counted = async (path: string, headers: Record<string, string> = {}) => {
  await quiet();
  queries = [];
  const response = await app.request(path, { headers });
  const sql = requestStatements(queries);
  queries = [];
  return { response, sql };
};

beforeAll(async () => {
  app = await startStrapi({ env: { NEWSROOM_MAX_LINKS: '60' } });
  // The seed's Baca Juga targets, written and published: links to live stories.
  await fillPlaceholders(app.strapi);
  app.strapi.db.connection.on('query', record);
});
afterAll(async () => {
  app.strapi.db.connection.off('query', record);
  await app?.stop();
});

const makeStory = async (title: string, links: number) => {
  const nr = newsroom(app.strapi);
  const source = await nr.createArticle({
    title,
    paragraphs: ['Satu.', 'Dua.', 'Tiga.'],
  });
  for (let i = 0; i < links; i += 1) {
    const target = await nr.createArticle({ title: `${title} target ${i}` });
    await nr.addLink(source, target, { after: i % 3, position: i });
  }
  await nr.addQuote(source, 'Satu.', 'KCNA');
  return source;
};

/** The one statement that reads a whole story (database/render-article). */
const BUNDLE = /json_group_array|json_agg/;
const GENERATION = /newsroom_freshness[`"] where/;
/** The check whether a kept response's stories changed since it was computed. */
const FRESHNESS_KEYS = /newsroom_freshness_keys/;

describe('SQL statements per request', () => {
  test('a render reads 2 statements on a miss, and as many for 50 links as for 1', async () => {
    const one = await makeStory('Cerita satu tautan', 1);
    const fifty = await makeStory('Cerita lima puluh tautan', 50);

    const first = await counted(`/api/newsroom/articles/${one.slug}`);
    const many = await counted(`/api/newsroom/articles/${fifty.slug}`);
    expect(first.response.status).toBe(200);
    expect(many.response.status).toBe(200);
    expect(first.response.body.data.body.filter((b: any) => b.type === 'baca-juga')).toHaveLength(
      1
    );
    expect(many.response.body.data.body.filter((b: any) => b.type === 'baca-juga')).toHaveLength(
      50
    );

    console.log(
      `[render-queries] miss: ${first.sql.length} statements (1 link), ${many.sql.length} (50 links)`
    );
    // The Public role's permission and the content generation together, then the story.
    expect(first.sql).toHaveLength(2);
    expect(first.sql.filter((sql) => GENERATION.test(sql))).toHaveLength(1);
    expect(first.sql.filter((sql) => BUNDLE.test(sql))).toHaveLength(1);
    expect(many.sql).toHaveLength(2);
  });

  test('a repeated render is served from the cache after one generation read; a new generation misses', async () => {
    await counted(`/api/newsroom/articles/${SEEDED_SLUG}`);
    const again = await counted(`/api/newsroom/articles/${SEEDED_SLUG}`);
    expect(again.response.status).toBe(200);
    console.log(`[render-queries] hit: ${again.sql.length} statements`);
    // One statement: the Public role's permission and the content generation together.
    expect(again.sql).toHaveLength(1);
    expect(again.sql[0]).toMatch(GENERATION);

    // A change whose stories are not known bumps the generation for every response: the
    // kept one is checked against the tags that changed since (one statement, services/
    // freshness), then the same request is a real miss.
    await app.strapi.plugin('newsroom').service('freshness').bump();
    const miss = await counted(`/api/newsroom/articles/${SEEDED_SLUG}`);
    expect(miss.sql).toHaveLength(3);
    expect(miss.sql.filter((sql) => FRESHNESS_KEYS.test(sql))).toHaveLength(1);
    expect(miss.sql.filter((sql) => BUNDLE.test(sql))).toHaveLength(1);
    expect(miss.response.body).toEqual(again.response.body);
    // A variant is a key of its own: its first request misses too.
    const variant = await counted(`/api/newsroom/articles/${SEEDED_SLUG}?variant=b`);
    expect(variant.sql.filter((sql) => BUNDLE.test(sql))).toHaveLength(1);
  });

  test('the list reads 2 statements on a miss for a long page as for a short one; related 2 without suggestions, 4 with', async () => {
    const short = await counted('/api/newsroom/articles?pageSize=1&q=cerita');
    const long = await counted('/api/newsroom/articles?pageSize=50&q=cerita');
    expect(short.response.body.data).toHaveLength(1);
    expect(long.response.body.data.length).toBeGreaterThan(40);
    // The index follows publishes a moment later (publish side effects, services/
    // published-effects): wait for it, or a loaded machine ranks from an index still filling.
    const index = app.strapi.plugin('newsroom').service('searchIndex');
    for (let tries = 0; tries < 100; tries += 1) {
      const { indexed, published } = await index.counts();
      if (indexed === published) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Filled by the story's own 2 links: no suggestion is ranked.
    const few = await counted(`/api/newsroom/articles/${SEEDED_SLUG}/related?limit=1`);
    const many = await counted(`/api/newsroom/articles/${SEEDED_SLUG}/related?limit=20`);
    expect(many.response.status).toBe(200);
    console.log(
      `[render-queries] list: ${long.sql.length} statements, related: ${many.sql.length} (misses)`
    );
    // The permission and generation, then the page with its total (database/article-list).
    expect(short.sql).toHaveLength(2);
    expect(long.sql).toHaveLength(2);
    // The generation and permission, the story; then the engine's scoring and matched words.
    expect(few.sql).toHaveLength(2);
    expect(many.sql).toHaveLength(4);
  });

  test('the list counts its total once per generation: later pages of the same filters read only their rows', async () => {
    // The articles counted (the permission check counts permissions in its own statement).
    const COUNT = /count\(\*\) from [`"]newsroom_articles/i;
    await app.strapi.plugin('newsroom').service('freshness').bump();
    const first = await counted('/api/newsroom/articles?pageSize=5&q=cerita');
    const second = await counted('/api/newsroom/articles?pageSize=5&page=2&q=cerita');
    const other = await counted('/api/newsroom/articles?pageSize=5&q=target');
    expect(first.sql).toHaveLength(2);
    expect(first.sql.filter((sql) => COUNT.test(sql))).toHaveLength(1);
    // Another page of the same filters: the total is known for this generation.
    expect(second.sql).toHaveLength(2);
    expect(second.sql.filter((sql) => COUNT.test(sql))).toHaveLength(0);
    expect(second.response.body.meta.pagination.total).toBe(
      first.response.body.meta.pagination.total
    );
    // Other filters have a total of their own.
    expect(other.sql.filter((sql) => COUNT.test(sql))).toHaveLength(1);

    // A publish makes a new generation: the next page counts again, and the story is in it.
    const total = first.response.body.meta.pagination.total;
    await newsroom(app.strapi).createArticle({ title: 'Cerita baru sesudah hitungan' });
    const after = await counted('/api/newsroom/articles?pageSize=5&page=3&q=cerita');
    expect(after.sql.filter((sql) => COUNT.test(sql))).toHaveLength(1);
    expect(after.response.body.meta.pagination.total).toBe(total + 1);
  });
});

/** One node of PostgreSQL's `EXPLAIN (FORMAT JSON)` plan. */
interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * Whether either half of the list's page (the first rows by the story's own edit, the first by
 * its links' edit: database/link-edits `lastEditedPage`) sorts every row the filters let
 * through instead of reading its index in order. Only the union of the two halves, at most
 * twice the rows up to the page's end, is then sorted by the later of the two. From the plan,
 * not from timing: SQLite's planner takes no statistics; PostgreSQL's is told to avoid a sort
 * if it has any other way (`enable_sort`).
 */
const sortsBeforeItsLimit = async (sql: string, bindings: unknown[]) => {
  const knex = app.strapi.db.connection;
  if (DB === 'postgres') {
    return knex.transaction(async (trx) => {
      await trx.raw('SET LOCAL enable_sort = off');
      // knex reports PostgreSQL's own placeholders ($1, $2…), in binding order.
      const result = await trx.raw(
        `EXPLAIN (FORMAT JSON) ${sql.replace(/\$\d+/g, '?')}`,
        bindings as any[]
      );
      const plan: PlanNode = result.rows[0]['QUERY PLAN'][0].Plan;
      // The halves are the innermost limits read as subqueries (the union's members); the
      // page's own limit, around them, sorts their union.
      const halves = nodesOf(plan).filter(
        (n) =>
          n['Node Type'] === 'Limit' &&
          n['Parent Relationship'] === 'Subquery' &&
          !nodesOf(n)
            .slice(1)
            .some((m) => m['Node Type'] === 'Limit')
      );
      expect(halves).toHaveLength(2);
      return halves.some((half) => nodesOf(half).some((n) => n['Node Type'] === 'Sort'));
    });
  }
  const rows: { id: number; parent: number; detail: string }[] = await knex.raw(
    `EXPLAIN QUERY PLAN ${sql}`,
    bindings as any[]
  );
  // The halves are the members of the compound (UNION) query; a TEMP B-TREE "for the last
  // term" only breaks ties of one instant by id.
  const compound = rows.find((r) => /COMPOUND QUERY/.test(r.detail));
  expect(compound).toBeDefined();
  const under = (id: number): typeof rows =>
    rows.filter((r) => r.parent === id).flatMap((r) => [r, ...under(r.id)]);
  return under(compound!.id).some((r) => /TEMP B-TREE FOR ORDER BY/.test(r.detail));
};

describe('query plans', () => {
  test("the Baca Juga manager's list cuts its page from an index, without sorting every draft", async () => {
    const token = await adminToken(app);
    const statements: { sql: string; bindings: unknown[] }[] = [];
    const keep = (q: { sql: string; bindings: unknown[] }) => statements.push(q);
    app.strapi.db.connection.on('query', keep);
    const response = await app.request('/newsroom/articles?pageSize=25', {
      headers: { authorization: `Bearer ${token}` },
    });
    app.strapi.db.connection.off('query', keep);
    expect(response.status).toBe(200);
    const page = statements.filter(
      (q) => /newsroom_articles/.test(q.sql) && /\blimit\b/i.test(q.sql) && /order by/i.test(q.sql)
    );
    expect(page).toHaveLength(1);
    expect(await sortsBeforeItsLimit(page[0].sql, page[0].bindings)).toBe(false);
  });
});

describe('planner statistics', () => {
  // PostgreSQL guesses the size of a table it never analyzed; on a new site the render's guessed
  // cost passed jit_above_cost, and each render spent about 1.2 s JIT-compiling (planner-statistics).
  (DB === 'postgres' ? test : test.skip)(
    'the render is planned from the real size of the tables: no costly JIT on a new site',
    async () => {
      const knex = app.strapi.db.connection;
      const never = await knex.raw(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
         WHERE c.relkind = 'r' AND ns.nspname = current_schema()
           AND c.relname LIKE 'newsroom\\_%' AND c.reltuples < 0`
      );
      expect(never.rows[0].n).toBe(0);

      const seen: { sql: string; bindings: unknown[] }[] = [];
      const keep = (q: { sql: string; bindings: unknown[] }) => seen.push(q);
      await app.strapi.plugin('newsroom').service('freshness').bump();
      knex.on('query', keep);
      const response = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}`);
      knex.off('query', keep);
      expect(response.status).toBe(200);
      const render = seen.find((q) => BUNDLE.test(q.sql));
      expect(render).toBeDefined();
      const result = await knex.raw(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${render!.sql.replace(/\$\d+/g, '?')}`,
        render!.bindings as any[]
      );
      const explained = result.rows[0]['QUERY PLAN'][0];
      // Under jit_optimize_above_cost and jit_inline_above_cost (500,000 by default), the costly
      // parts of JIT: the guessed sizes had put the render at about 580,000.
      expect(explained.Plan['Total Cost']).toBeLessThan(500_000);
      expect(explained.JIT?.Options?.Optimization ?? false).toBe(false);
      expect(explained.JIT?.Options?.Inlining ?? false).toBe(false);
    }
  );
});

describe('the response cache never serves stale content', () => {
  test('an edit published through the Document Service shows on the next request', async () => {
    const nr = newsroom(app.strapi);
    const story = await nr.createArticle({ title: 'Judul lama', paragraphs: ['Isi lama.'] });
    const before = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(before.body.data.title).toBe('Judul lama');

    // A draft edit changes nothing for readers, and the cached answer stays valid.
    await nr.update(ARTICLE, story.documentId, { title: 'Judul baru' });
    const draftOnly = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(draftOnly.body.data.title).toBe('Judul lama');

    await nr.publish(ARTICLE, story.documentId);
    const after = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(after.body.data.title).toBe('Judul baru');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));

    await nr.unpublish(ARTICLE, story.documentId);
    expect((await app.request(`/api/newsroom/articles/${story.slug}`)).status).toBe(404);
  });

  test("a target's new title reaches the cached story that links to it", async () => {
    const nr = newsroom(app.strapi);
    const source = await nr.createArticle({ title: 'Sumber tautan', paragraphs: ['A.', 'B.'] });
    const target = await nr.createArticle({ title: 'Target versi satu' });
    await nr.addLink(source, target);
    const label = async () =>
      (await app.request(`/api/newsroom/articles/${source.slug}`)).body.data.body.find(
        (b: any) => b.type === 'baca-juga'
      )?.label;
    expect(await label()).toBe('Target versi satu');
    await nr.update(ARTICLE, target.documentId, { title: 'Target versi dua' });
    await nr.publish(ARTICLE, target.documentId);
    expect(await label()).toBe('Target versi dua');
    await nr.unpublish(ARTICLE, target.documentId);
    expect(await label()).toBeUndefined();
  });
});
