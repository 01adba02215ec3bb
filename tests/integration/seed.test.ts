import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DB, startStrapi, type TestApp } from './helpers/strapi';

const UIDS = [
  'plugin::newsroom.article',
  'plugin::newsroom.quote',
  'plugin::newsroom.related-link',
] as const;

describe(`seeding (${DB})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ seed: false });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(UIDS.map(async (uid) => [uid, await app.strapi.db.query(uid).count()]))
    );

  it('leaves exactly one copy of everything, however often it runs', async () => {
    const messages: string[] = [];
    const seed = () =>
      app.strapi
        .plugin('newsroom')
        .service('seed')
        .seed({ onProgress: (m: string) => messages.push(m) });

    await seed();
    const first = await counts();
    // One story (a draft row and a published row) and two placeholders for its Baca Juga
    // titles (a draft row each: never published).
    expect(first['plugin::newsroom.article']).toBe(4);
    expect(first['plugin::newsroom.related-link']).toBe(4);
    expect(first['plugin::newsroom.quote']).toBeGreaterThanOrEqual(6);
    expect(messages.some((m) => /11 paragraphs, 2 Baca Juga links/.test(m))).toBe(true);

    const published = await app.request(
      '/api/newsroom/articles/korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia'
    );
    const ids = published.body.data.body.map((b: any) => b.id ?? b.label);

    await seed();
    await seed();
    expect(await counts()).toEqual(first);

    // Paragraph ids survive a re-seed, so anchors and frontends' deep links stay valid.
    const again = await app.request(
      '/api/newsroom/articles/korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia'
    );
    expect(again.body.data.body.map((b: any) => b.id ?? b.label)).toEqual(ids);
  });
});

describe('npm run import -- --dry-run', () => {
  it('prints the parse as JSON without a database', () => {
    const root = path.resolve(__dirname, '../..');
    const out = execFileSync(
      process.execPath,
      ['scripts/run-in-playground.js', 'import', '--dry-run', 'seed/ntvnews-korut-rusia.txt'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: '127.0.0.1',
          DATABASE_PORT: '1',
        },
      }
    ).toString();
    const parsed = JSON.parse(out);
    expect(parsed.outlet).toBe('Ntvnews.id');
    expect(parsed.dateline).toBe('Pyonyang');
    expect(parsed.paragraphs).toHaveLength(11);
    expect(parsed.links).toEqual([
      {
        label: 'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia',
        url: null,
        afterParagraph: 3,
      },
      { label: 'AS Serukan Hal Mencekam Ini ke Rusia', url: null, afterParagraph: 8 },
    ]);
    expect(parsed.quotes.find((q: any) => q.speaker === 'KCNA').paragraph).toBe(4);
  });
});
