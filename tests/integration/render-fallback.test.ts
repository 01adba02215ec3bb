/**
 * The render has two paths: one SQL statement (SQLite, PostgreSQL) and the Document Service
 * (any other database). Forcing the second on this database, both must give readers the same
 * article: the links in place, a placeholder's label without a link, the quotes.
 */
import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, SEEDED_SLUG, fillPlaceholders, newsroom } from './helpers/newsroom';

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

  it('fails loud on a stored body it cannot read: a 500 naming nothing to readers, never an empty story, nothing cached', async () => {
    const story = await newsroom(app.strapi).createArticle({
      title: 'Kapal tenggelam di Selat Bali',
      paragraphs: ['Sebuah kapal tenggelam di Selat Bali.'],
    });
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    const published = () =>
      app.strapi.db
        .connection(table)
        .where({ document_id: story.documentId })
        .whereNotNull('published_at');
    const [{ body: good }] = await published().select('body');
    const read = () => app.request(`/api/newsroom/articles/${story.slug}`);
    const render = app.strapi.plugin('newsroom').service('render');
    // A JSON column holds any JSON on both databases; only SQLite's text can hold a non-JSON body.
    const damaged = ['{"paragraphs": "lost"}', '[]', ...(DB === 'sqlite' ? ['{"id": "p-1'] : [])];
    for (const body of damaged) {
      await published().update({ body });
      const answer = await read();
      expect([body, answer.status]).toEqual([body, 500]);
      expect(JSON.stringify(answer.body)).not.toContain('Kapal');
      await expect(render.findBySlug(story.slug, 'published')).rejects.toThrow(story.documentId);
      const dialect = app.strapi.db.dialect as unknown as { client: string };
      const client = dialect.client;
      dialect.client = 'another-database';
      try {
        // Strapi may refuse to parse the column itself: either way, no story is served.
        await expect(render.findBySlug(story.slug, 'published')).rejects.toThrow();
      } finally {
        dialect.client = client;
      }
    }
    // Repaired in the database, without a write that bumps the generation: nothing was cached.
    await published().update({ body: typeof good === 'string' ? good : JSON.stringify(good) });
    const repaired = await read();
    expect(repaired.status).toBe(200);
    expect(repaired.body.data.body[0]).toMatchObject({
      type: 'paragraph',
      text: 'Sebuah kapal tenggelam di Selat Bali.',
    });
  });
});
