/**
 * The render has two paths: one SQL statement (SQLite, PostgreSQL) and the Document Service
 * (any other database). Forcing the second on this database, both must give readers the same
 * article: the links in place, a placeholder's label without a link, the quotes.
 */
import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { SEEDED_SLUG, fillPlaceholders } from './helpers/newsroom';

describe(`render: the Document Service path matches the one-statement path (${DB})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const both = async (slug: string, status: 'published' | 'draft') => {
    const render = app.strapi.plugin('newsroom').service('render');
    const sql = await render.findBySlug(slug, status);
    const dialect = app.strapi.db.dialect as unknown as { client: string };
    const client = dialect.client;
    dialect.client = 'another-database'; // readArticleBundle answers "not here"
    try {
      return { sql, documents: await render.findBySlug(slug, status) };
    } finally {
      dialect.client = client;
    }
  };

  it('for placeholders awaiting copy, and once they are published', async () => {
    for (const status of ['published', 'draft'] as const) {
      const { sql, documents } = await both(SEEDED_SLUG, status);
      const blocks = sql.body.filter((b: any) => b.type === 'baca-juga');
      expect(blocks).toHaveLength(2);
      expect(blocks.every((b: any) => b.awaitingCopy && b.href === null)).toBe(true);
      expect(documents).toEqual(sql);
    }
    await fillPlaceholders(app.strapi);
    for (const status of ['published', 'draft'] as const) {
      const { sql, documents } = await both(SEEDED_SLUG, status);
      const blocks = sql.body.filter((b: any) => b.type === 'baca-juga');
      // the same two links, now live: `every` alone would hold for none
      expect(blocks).toHaveLength(2);
      expect(blocks.every((b: any) => !b.awaitingCopy && b.href)).toBe(true);
      expect(documents).toEqual(sql);
    }
  });
});
