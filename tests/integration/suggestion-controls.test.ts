/**
 * Editors' controls over the suggestions (shared/baca-juga/suggestion-controls), each checked
 * where the engine suggests: the manager's suggestions, the public related list and the
 * orphans queue; and each undone. One boot, stories written for this test, an age limit of
 * 365 days (NEWSROOM_SUGGESTIONS_MAX_AGE_DAYS).
 */
import { adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';

jest.setTimeout(300_000);

let app: TestApp;
let admin: Record<string, string>;
type Story = { documentId: string; slug: string; body: { id: string }[] };
const s: Record<string, Story> = {};

const FLOOD = [
  'Banjir merendam ratusan rumah warga di Jakarta Timur setelah hujan deras semalam.',
  'Warga mengungsi ke masjid dan sekolah, sementara petugas memompa air dari permukiman.',
  'Tinggi air banjir mencapai satu meter di beberapa rumah di dekat sungai.',
];

const STORIES: Record<
  string,
  { title: string; tags: string[]; reportedAt: string; paragraphs: string[] }
> = {
  story: {
    title: 'Banjir Rendam Ratusan Rumah Warga di Jakarta Timur',
    tags: ['Banjir', 'Jakarta'],
    reportedAt: '2026-11-20',
    paragraphs: FLOOD,
  },
  shelter: {
    title: 'Warga Jakarta Timur Mengungsi Akibat Banjir',
    tags: ['Banjir'],
    reportedAt: '2026-11-19',
    paragraphs: ['Ratusan warga mengungsi ke masjid dan sekolah karena banjir merendam rumah.'],
  },
  pumps: {
    title: 'Petugas Kerahkan Pompa Air Atasi Banjir Jakarta',
    tags: ['Jakarta'],
    reportedAt: '2026-11-18',
    paragraphs: ['Petugas memompa air banjir dari permukiman warga di dekat sungai.'],
  },
  rain: {
    title: 'Hujan Deras Picu Banjir di Permukiman Warga Bekasi',
    tags: ['Banjir'],
    reportedAt: '2026-11-15',
    paragraphs: ['Hujan deras semalam membuat banjir setinggi satu meter di rumah warga.'],
  },
  old: {
    title: 'Banjir Besar Rendam Rumah Warga Jakarta Timur Enam Tahun Lalu',
    tags: ['Banjir', 'Arsip'],
    reportedAt: '2020-02-01',
    paragraphs: ['Banjir besar merendam ribuan rumah warga di Jakarta Timur dekat sungai.'],
  },
  guide: {
    title: 'Panduan Menyiapkan Rumah Menghadapi Banjir dan Hujan Deras',
    tags: ['Panduan', 'Arsip'],
    reportedAt: '2019-01-10',
    paragraphs: ['Warga dapat menyiapkan rumah sebelum banjir: pindahkan barang dari air.'],
  },
};

beforeAll(async () => {
  app = await startStrapi({ seed: false, env: { NEWSROOM_SUGGESTIONS_MAX_AGE_DAYS: '365' } });
  admin = { authorization: `Bearer ${await adminToken(app)}` };
  const nr = newsroom(app.strapi);
  for (const [key, input] of Object.entries(STORIES)) s[key] = await nr.createArticle(input);
  // The guide is evergreen (and published so).
  await setEvergreen('guide', true);
});
afterAll(() => app?.stop());

const setEvergreen = async (key: string, evergreen: boolean) => {
  const docs = app.strapi.documents(ARTICLE as any) as any;
  await docs.update({ documentId: s[key].documentId, data: { evergreen } });
  await docs.publish({ documentId: s[key].documentId });
};

const keyOf = (documentId: string) =>
  Object.keys(s).find((key) => s[key].documentId === documentId) ?? documentId;

/** The manager's suggestions for a story, by fixture key. */
const suggested = async (key: string) => {
  const { status, body } = await app.request(
    `/newsroom/articles/${s[key].documentId}/suggestions?limit=20`,
    { headers: admin }
  );
  expect(status).toBe(200);
  return {
    keys: body.data.map((x: any) => keyOf(x.documentId)) as string[],
    capReached: body.meta.capReached as boolean,
  };
};

/** The engine's part of the public related list (editors' links left out). */
const related = async (key: string, limit = 20) => {
  const { status, body } = await app.request(
    `/api/newsroom/articles/${s[key].slug}/related?limit=${limit}`
  );
  expect(status).toBe(200);
  return body.data
    .filter((x: any) => x.source === 'suggestion')
    .map((x: any) => keyOf(x.target.documentId)) as string[];
};

/** A story's row in the orphans queue: its suggestions, or null when it is not queued. */
const orphan = async (key: string) => {
  const { status, body } = await app.request('/newsroom/orphans?page=1', { headers: admin });
  expect(status).toBe(200);
  const row = body.data.find((r: any) => r.documentId === s[key].documentId);
  return row ? (row.suggestions.map((x: any) => keyOf(x.documentId)) as string[]) : null;
};

const addRule = async (key: string, body: Record<string, unknown>) => {
  const response = await app.request(`/newsroom/articles/${s[key].documentId}/suggestion-rules`, {
    method: 'POST',
    headers: admin,
    body,
  });
  return response;
};
const undo = async (id: number) => {
  const { status } = await app.request(`/newsroom/suggestion-rules/${id}`, {
    method: 'DELETE',
    headers: admin,
  });
  expect(status).toBe(200);
};
const settings = async (key: string, body: Record<string, unknown>) =>
  app.request(`/newsroom/articles/${s[key].documentId}/suggestion-settings`, {
    method: 'PUT',
    headers: admin,
    body,
  });

describe('age limit and evergreen', () => {
  test('a story older than the limit is left out everywhere, unless it is evergreen', async () => {
    const [mine, list, queued] = await Promise.all([
      suggested('story'),
      related('story'),
      orphan('story'),
    ]);
    for (const keys of [mine.keys, list, queued!]) expect(keys).not.toContain('old');
    expect(mine.keys).toEqual(expect.arrayContaining(['shelter', 'pumps', 'rain', 'guide']));
    expect(list).toEqual(expect.arrayContaining(['shelter', 'pumps', 'rain', 'guide']));

    // Flagged evergreen, the old story comes back in both lists.
    await setEvergreen('old', true);
    expect((await suggested('story')).keys).toContain('old');
    expect(await related('story')).toContain('old');
    await setEvergreen('old', false);
    expect(await related('story')).not.toContain('old');
  });

  test('ages are measured from the story, so an old story is offered the news of its time', async () => {
    // The guide (2019) is within a year of the old story (2020) and evergreen anyway; the
    // shelter story (2026) is newer, never too old.
    const mine = await suggested('old');
    expect(mine.keys).toEqual(expect.arrayContaining(['shelter', 'story']));
  });

  test('an undated story is dated by its publication in all three lists, as readers see it', async () => {
    // No reported date, published in mid-2020 (backdated in the table): the 2020 flood story
    // is within a year of it. The manager and the queue read the draft, whose own publishedAt
    // is always null; they once measured such a story from today and hid what readers saw.
    const undated = await newsroom(app.strapi).createArticle({
      title: 'Warga Jakarta Timur Bersihkan Rumah Setelah Banjir Surut',
      tags: ['Banjir'],
      paragraphs: ['Warga membersihkan lumpur banjir dari rumah di dekat sungai Jakarta Timur.'],
    });
    s.undated = undated;
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    await app.strapi.db
      .connection(table)
      .where({ document_id: undated.documentId })
      .whereNotNull('published_at')
      .update({ published_at: new Date('2020-06-01T08:00:00Z') });

    const [mine, list, queued] = await Promise.all([
      suggested('undated'),
      related('undated'),
      orphan('undated'),
    ]);
    expect(list).toContain('old');
    expect(mine.keys).toContain('old');
    expect(queued).toContain('old');
  });
});

describe('dismiss with a reason, and undo', () => {
  test('a dismissed suggestion leaves the story’s three lists, only for that story', async () => {
    const before = await orphan('story');
    const target = before![0];
    const stored = await addRule('story', {
      kind: 'dismiss',
      candidate: s[target].documentId,
      reason: 'not-related',
      note: 'another district',
    });
    expect(stored.status).toBe(201);
    expect(stored.body.meta).toEqual({ created: true });
    expect(stored.body.data).toMatchObject({
      kind: 'dismiss',
      reason: 'not-related',
      note: 'another district',
      candidate: { documentId: s[target].documentId },
      createdBy: { name: expect.any(String) },
    });
    // Stored once, however often asked.
    const again = await addRule('story', {
      kind: 'dismiss',
      candidate: s[target].documentId,
      reason: 'not-related',
    });
    expect(again.body.data.id).toBe(stored.body.data.id);
    // Said as stored already, so the second screen offers no Undo of the first one's rule.
    expect(again.status).toBe(200);
    expect(again.body.meta).toEqual({ created: false });
    expect(again.body.data.note).toBe('another district');

    expect((await suggested('story')).keys).not.toContain(target);
    expect(await related('story')).not.toContain(target);
    expect(await orphan('story')).not.toContain(target);
    // One direction: the dismissed story is still offered this one.
    expect((await suggested(target)).keys).toContain('story');

    const listed = await app.request(
      `/newsroom/articles/${s.story.documentId}/suggestion-controls`,
      { headers: admin }
    );
    expect(listed.body.data.rules).toEqual([
      expect.objectContaining({ id: stored.body.data.id, reason: 'not-related' }),
    ]);
    expect(listed.body.data.maxAgeDays).toBe(365);

    await undo(stored.body.data.id);
    expect((await suggested('story')).keys).toContain(target);
    expect(await related('story')).toContain(target);
    expect(await orphan('story')).toEqual(before);
  });
});

describe('never suggest this pair, and undo', () => {
  test('neither story is offered the other, in any list', async () => {
    const before = await orphan('pumps');
    const stored = await addRule('pumps', { kind: 'never-pair', candidate: s.story.documentId });
    expect(stored.status).toBe(201);
    expect(stored.body.data).toMatchObject({ kind: 'never-pair', reason: null });

    for (const [from, to] of [
      ['story', 'pumps'],
      ['pumps', 'story'],
    ]) {
      expect((await suggested(from)).keys).not.toContain(to);
      expect(await related(from)).not.toContain(to);
      expect(await orphan(from)).not.toContain(to);
    }
    // Seen from the other story too, as the same rule.
    const other = await app.request(
      `/newsroom/articles/${s.story.documentId}/suggestion-controls`,
      { headers: admin }
    );
    expect(other.body.data.rules).toEqual([
      expect.objectContaining({
        id: stored.body.data.id,
        candidate: expect.objectContaining({ documentId: s.pumps.documentId }),
      }),
    ]);

    await undo(stored.body.data.id);
    expect((await suggested('story')).keys).toContain('pumps');
    expect(await related('pumps')).toContain('story');
    expect(await orphan('pumps')).toEqual(before);
  });
});

describe('scope by tag', () => {
  test('only stories sharing a chosen tag are offered; an empty scope undoes it', async () => {
    const before = await orphan('story');
    const saved = await settings('story', { scopeTags: ['arsip'], maxLinks: null });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ scopeTags: ['arsip'], maxLinks: null });
    // Of the two archive stories, the old one is still too old.
    expect((await suggested('story')).keys).toEqual(['guide']);
    expect(await related('story')).toEqual(['guide']);
    expect(await orphan('story')).toEqual(['guide']);

    await settings('story', { scopeTags: [], maxLinks: null });
    expect(await orphan('story')).toEqual(before);
    expect((await suggested('story')).keys.length).toBeGreaterThan(1);
  });
});

describe('a per-story cap', () => {
  test('fills related up to the cap, offers nothing once reached, and never refuses a save', async () => {
    await settings('rain', { scopeTags: [], maxLinks: 1 });
    expect(await related('rain')).toHaveLength(1);
    expect((await suggested('rain')).capReached).toBe(false);

    const nr = newsroom(app.strapi);
    await nr.addLink(s.rain, s.shelter);
    expect(await suggested('rain')).toEqual({ keys: [], capReached: true });
    expect(await related('rain')).toEqual([]);
    // A second link, over the cap, is stored: the cap steers suggestions, not placements.
    await nr.addLink(s.rain, s.pumps, { position: 1 });
    const placement = await app.request(`/newsroom/articles/${s.rain.documentId}/placement`, {
      headers: admin,
    });
    expect(placement.body.data.links).toHaveLength(2);

    // Undone (no cap): offered again.
    await settings('rain', { scopeTags: [], maxLinks: null });
    expect((await suggested('rain')).capReached).toBe(false);
    expect((await suggested('rain')).keys.length).toBeGreaterThan(0);
  });

  test('a story capped at no links leaves the orphans queue', async () => {
    expect(await orphan('shelter')).not.toBeNull();
    await settings('shelter', { scopeTags: [], maxLinks: 0 });
    expect(await orphan('shelter')).toBeNull();
    await settings('shelter', { scopeTags: [], maxLinks: null });
    expect(await orphan('shelter')).not.toBeNull();
  });
});

describe('a deleted story', () => {
  test('takes its settings and every rule naming it along; other rules stay', async () => {
    const nr = newsroom(app.strapi);
    s.gone = await nr.createArticle({
      title: 'Banjir Susulan Rendam Rumah Warga Dekat Sungai',
      tags: ['Banjir'],
      reportedAt: '2026-11-21',
      paragraphs: ['Banjir susulan merendam rumah warga di dekat sungai.'],
    });
    const stored = [
      await addRule('gone', { kind: 'dismiss', candidate: s.shelter.documentId, reason: 'other' }),
      await addRule('story', { kind: 'dismiss', candidate: s.gone.documentId, reason: 'other' }),
      await addRule('pumps', { kind: 'never-pair', candidate: s.gone.documentId }),
      await addRule('story', { kind: 'never-pair', candidate: s.rain.documentId }),
    ];
    for (const rule of stored) expect(rule.status).toBe(201);
    expect((await settings('gone', { scopeTags: ['Banjir'], maxLinks: 2 })).status).toBe(200);
    const rows = (table: string) => app.strapi.db.connection(table).select('*');
    const naming = async (table: string) =>
      (await rows(table)).filter(
        (row: any) => row.document_id === s.gone.documentId || row.other_id === s.gone.documentId
      );
    expect(await naming('newsroom_suggestion_rules')).toHaveLength(3);
    expect(await naming('newsroom_suggestion_settings')).toHaveLength(1);

    await (app.strapi.documents(ARTICLE as any) as any).delete({ documentId: s.gone.documentId });
    expect(await naming('newsroom_suggestion_rules')).toEqual([]);
    expect(await naming('newsroom_suggestion_settings')).toEqual([]);
    // The rule between two stories still there stays.
    expect((await rows('newsroom_suggestion_rules')).map((row: any) => Number(row.id))).toEqual([
      stored[3].body.data.id,
    ]);
    await undo(stored[3].body.data.id);
    delete s.gone;
  });
});

describe('requests are validated', () => {
  test.each([
    [{ kind: 'dismiss', candidate: 'x' }, 'reason'],
    [{ kind: 'dismiss', candidate: 'x', reason: 'boring' }, 'reason'],
    [{ kind: 'never-pair', candidate: 'x', reason: 'outdated' }, 'reason'],
    [{ kind: 'mute', candidate: 'x' }, 'kind'],
    [{ kind: 'never-pair', candidate: 'x', publishedAt: 'now' }, 'publishedAt'],
  ])('rule %j: 400 naming %s', async (body, field) => {
    const { status, body: answer } = await addRule('story', body);
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(new RegExp(`^${field}`));
  });

  test('a rule needs another story of this newsroom', async () => {
    const self = await addRule('story', { kind: 'never-pair', candidate: s.story.documentId });
    expect(self.status).toBe(400);
    const unknown = await addRule('story', { kind: 'never-pair', candidate: 'nosuchstory0000' });
    expect(unknown.status).toBe(400);
  });

  test('a cap is a whole number up to the newsroom’s limit', async () => {
    for (const maxLinks of [11, -1, 1.5, '2']) {
      expect((await settings('story', { scopeTags: [], maxLinks })).status).toBe(400);
    }
    expect((await settings('story', { scopeTags: 'Banjir', maxLinks: null })).status).toBe(400);
  });
});
