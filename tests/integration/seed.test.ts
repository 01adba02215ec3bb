import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { moveImportedCreditsToSuggestions } from '../../server/src/database/suggested-credits';
import { DB, startStrapi, type TestApp } from './helpers/strapi';

const SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
const MINISTER = 'Menteri Luar Negeri Korea Utara';

/**
 * What the seed story yields, in each version: every quote (paragraph number, words, speaker,
 * role, relayed by, kind, flagged for review) and every Baca Juga link (after paragraph,
 * position, label, its placeholder target's title). A quote credited wrongly, or a link moved,
 * is a regression of the importer: the exact rows say so.
 */
const QUOTES = [
  [2, 'disahkan sebagai dekrit', null, null, 'KCNA', 'partial', true],
  [
    4,
    'Perjanjian tersebut akan berlaku efektif ketika kedua pihak bertukar instrumen ratifikasi,',
    'KCNA',
    null,
    null,
    'full',
    false,
  ],
  [7, 'tanpa penundaan', null, null, null, 'partial', true],
  [8, 'dokumen terobosan.', 'Vladimir Putin', 'Presiden', null, 'partial', false],
  [
    9,
    'berdiri teguh di sisi rekan-rekan Rusia kami hingga hari kemenangan tercapai.',
    'Choe Son Hui',
    MINISTER,
    null,
    'partial',
    false,
  ],
  [9, 'kepemimpinan bijaksana', 'Choe Son Hui', MINISTER, null, 'partial', false],
  [9, 'perjuangan suci', 'Choe Son Hui', MINISTER, null, 'partial', false],
];
const FIRST_LINK = 'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia';
const SECOND_LINK = 'AS Serukan Hal Mencekam Ini ke Rusia';
/** The draft link points at a placeholder titled as its label, awaiting its copy. */
const DRAFT_LINKS = [
  [3, 0, FIRST_LINK, null, FIRST_LINK, true],
  [8, 0, SECOND_LINK, null, SECOND_LINK, true],
];
/** A published row holds no relation to a never-published target: Strapi drops it. */
const PUBLISHED_LINKS = [
  [3, 0, FIRST_LINK, null, null, null],
  [8, 0, SECOND_LINK, null, null, null],
];
const expected = (status: 'draft' | 'published') => ({
  paragraphs: 11,
  quotes: QUOTES,
  links: status === 'draft' ? DRAFT_LINKS : PUBLISHED_LINKS,
});

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

  /** The story's quotes and links in one version, as rows comparable with QUOTES and LINKS. */
  const stored = async (status: 'draft' | 'published') => {
    const docs = (uid: string) => app.strapi.documents(uid as any) as any;
    const article = await docs(UIDS[0]).findFirst({ status, filters: { slug: SLUG } });
    const paragraph = (id: string) => article.body.findIndex((p: any) => p.id === id) + 1;
    const quotes: any[] = await docs(UIDS[1]).findMany({
      status,
      filters: { article: { documentId: article.documentId } },
      limit: -1,
    });
    const links: any[] = await docs(UIDS[2]).findMany({
      status,
      filters: { sourceArticle: { documentId: article.documentId } },
      populate: { targetArticle: { fields: ['title', 'placeholder'] } },
      limit: -1,
    });
    return {
      paragraphs: article.body.length,
      quotes: quotes
        .map((q) => [
          paragraph(q.paragraphId),
          q.text,
          q.speaker,
          q.speakerRole,
          q.relayedBy,
          q.kind,
          q.needsReview,
        ])
        .sort((a, b) => a[0] - b[0] || String(a[1]).localeCompare(String(b[1]))),
      links: links
        .map((l) => [
          paragraph(l.afterParagraphId),
          l.position,
          l.label,
          l.url ?? null,
          l.targetArticle?.title ?? null,
          l.targetArticle?.placeholder ?? null,
        ])
        .sort((a, b) => a[0] - b[0]),
    };
  };

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
    expect(first).toEqual({
      'plugin::newsroom.article': 4,
      'plugin::newsroom.quote': 2 * QUOTES.length,
      'plugin::newsroom.related-link': 2 * DRAFT_LINKS.length,
    });
    expect(messages.some((m) => /11 paragraphs, 2 Baca Juga links/.test(m))).toBe(true);
    // Readers get a speaker only once an editor decides (#shared/quote-credit): the seed makes
    // the desk's decisions of its meta, checked by hand against the copy. The parse agrees with
    // every one: each suggestion was confirmed as it was, none corrected.
    expect(messages.some((m) => /5 credits checked by the desk/.test(m))).toBe(true);
    expect(messages.some((m) => /corrected to the desk's/.test(m))).toBe(false);
    // The same rows in the draft and in the published story.
    for (const status of ['draft', 'published'] as const) {
      expect(await stored(status)).toEqual(expected(status));
    }
    // Each credited quote is stored with the evidence the importer credited it on, the others
    // with none (what an editor checks before confirming a speaker).
    const evidence: any[] = await (app.strapi.documents(UIDS[1] as any) as any).findMany({
      status: 'draft',
      fields: ['speaker', 'speakerRole', 'suggestedSpeaker', 'suggestedRole', 'attribution'],
      limit: -1,
    });
    for (const q of evidence) {
      expect([q.suggestedSpeaker ?? null, q.suggestedRole ?? null]).toEqual([
        q.speaker ?? null,
        q.speakerRole ?? null,
      ]);
    }
    expect(evidence.find((q) => q.speaker === 'KCNA').attribution).toEqual({
      rule: 'verb-after',
      text: 'kata KCNA',
    });
    for (const q of evidence) {
      if (q.speaker) expect(q.attribution).toMatchObject({ rule: expect.any(String) });
      else expect(q.attribution).toBeNull();
    }

    const published = await app.request(
      '/api/newsroom/articles/korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia'
    );
    const ids = published.body.data.body.map((b: any) => b.id ?? b.label);

    await seed();
    await seed();
    expect(await counts()).toEqual(first);
    expect(await stored('draft')).toEqual(expected('draft'));
    expect(await stored('published')).toEqual(expected('published'));

    // Paragraph ids survive a re-seed, so anchors and frontends' deep links stay valid.
    const again = await app.request(
      '/api/newsroom/articles/korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia'
    );
    expect(again.body.data.body.map((b: any) => b.id ?? b.label)).toEqual(ids);
  });

  it("makes the desk's credits again for a story seeded before the importer only suggested, and keeps an editor's", async () => {
    // As an older version left the seeded story: the importer's credits public, unconfirmed;
    // the upgrade's migration turns them into suggestions (database/suggested-credits).
    const quotes = app.strapi.db.query(UIDS[1]);
    const rows: any[] = await quotes.findMany({ select: ['id', 'speaker', 'speakerRole'] });
    for (const row of rows) {
      await quotes.update({
        where: { id: row.id },
        data: { speakerConfirmed: false, suggestedSpeaker: null, suggestedRole: null },
      });
    }
    await app.strapi
      .store({ type: 'plugin', name: 'newsroom', key: 'migrations.suggested-credits' })
      .delete({});
    expect(await moveImportedCreditsToSuggestions(app.strapi)).toBeGreaterThan(0);
    const readers = async () =>
      (await app.request(`/api/newsroom/articles/${SLUG}`)).body.data.quotes.map(
        (q: any) => q.speaker
      );
    expect((await readers()).filter(Boolean)).toEqual([]);
    // An editor meanwhile credits one quote in the content manager: it stays theirs.
    const putin = rows.find((r) => r.speaker === 'Vladimir Putin');
    const putinDoc = await quotes.findOne({ where: { id: putin.id }, select: ['documentId'] });
    await (app.strapi.documents(UIDS[1] as any) as any).update({
      documentId: putinDoc.documentId,
      data: { speaker: 'V. Putin' },
    });

    await app.strapi
      .plugin('newsroom')
      .service('seed')
      .confirmCheckedCredits({
        onProgress: () => undefined,
      });
    const draft = (await stored('draft')).quotes.map((q: any[]) => q[2]);
    expect(draft).toEqual(QUOTES.map((q) => (q[2] === 'Vladimir Putin' ? 'V. Putin' : q[2])));
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
