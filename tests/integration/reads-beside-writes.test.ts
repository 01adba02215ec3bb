/**
 * Public reads do not wait behind a write (issue 27): while a publish holds its transaction
 * open, a render is answered from the last commit, a cache hit and a miss alike. On SQLite,
 * Strapi's one connection is the write's until it commits, so the plugin's public reads use a
 * read-only connection of their own, in WAL mode (database/sqlite-reader); on PostgreSQL the
 * pool has others. Either way the reader sees what is committed, never the open write.
 */
import { ARTICLE, SEEDED_SLUG, newsroom } from './helpers/newsroom';
import { DB, startStrapi, type TestApp } from './helpers/strapi';

describe(`public reads beside an open write (${DB})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const within = <T>(ms: number, work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
      ),
    ]);

  it('answers a hit and a miss from the last commit while a transaction writes the story', async () => {
    const seeded = await newsroom(app.strapi).seeded();
    const path = `/api/newsroom/articles/${SEEDED_SLUG}`;
    const committed = await app.request(path);
    expect(committed.status).toBe(200);
    const title = committed.body.data.title;

    const answers = await app.strapi.db.transaction(async () => {
      await app.strapi.db.query(ARTICLE).update({
        where: { documentId: seeded.documentId, publishedAt: { $notNull: true } },
        data: { title: 'Judul yang belum disimpan' },
      });
      return within(5000, Promise.all([app.request(path), app.request(`${path}?variant=b`)]));
    });
    const [hit, miss] = answers;
    expect(hit.status).toBe(200);
    expect(hit.body.data.title).toBe(title);
    expect(miss.status).toBe(200);
    expect(miss.body.data.title).toBe(title);
  });
});
