/**
 * Position tests through a real Strapi: an editor gives a link a second slot with the
 * manager's save; the render places it per `?variant=` and names the variant in its block;
 * the counts of each variant and the stories whose links nobody clicks reach the manager; a
 * second slot the story loses ends the test; no write stores a test with one slot twice.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, newsroom, unchangedPlacement } from './helpers/newsroom';

describe(`position tests (${DB})`, () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let story: { documentId: string; slug: string; body: { id: string; text: string }[] };
  let link: string;

  const placement = async () =>
    (await app.request(`/newsroom/articles/${story.documentId}/placement`, { headers: admin })).body
      .data;
  const save = (body: unknown) =>
    app.request(`/newsroom/articles/${story.documentId}/placement`, {
      method: 'PUT',
      body,
      headers: admin,
    });
  /** The render as "P P L P": paragraphs by number, links by label and variant. */
  const layout = async (query = '') => {
    const response = await app.request(`/api/newsroom/articles/${story.slug}${query}`);
    expect(response.status).toBe(200);
    return response.body.data.body.map((b: any) =>
      b.type === 'paragraph'
        ? `P${story.body.findIndex((p) => p.id === b.id) + 1}`
        : `${b.label}:${b.variant ?? '-'}`
    );
  };
  const events = () => app.strapi.plugin('newsroom').service('readerEvents');
  const stats = async () =>
    (
      await app.request(`/newsroom/articles/${story.documentId}/link-stats`, {
        headers: admin,
      })
    ).body.data;

  beforeAll(async () => {
    app = await startStrapi({ seed: false, env: { NEWSROOM_EVENTS_FLUSH_MS: '3600000' } });
    admin = { authorization: `Bearer ${await adminToken(app)}` };
    const n = newsroom(app.strapi);
    const target = await n.createArticle({ title: 'Harga Cabai Turun di Pasar Induk' });
    story = await n.createArticle({
      title: 'Petani Cabai Garut Panen Raya',
      paragraphs: ['Satu.', 'Dua.', 'Tiga.', 'Empat.'],
    });
    link = (await n.addLink(story, target, { after: 0, label: 'Cabai' })).documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('saves a second slot, answers it with a start date, and publishes it with the story', async () => {
    const before = await placement();
    const body = unchangedPlacement(before);
    body.links[0].variantAfterParagraphId = story.body[2].id;
    const saved = await save(body);
    expect(saved.status).toBe(200);
    expect(saved.body.meta).toEqual({ wentLive: 1, waitingForStory: 0 });
    const [placed] = saved.body.data.links;
    expect(placed).toMatchObject({
      afterParagraphId: story.body[0].id,
      variantAfterParagraphId: story.body[2].id,
    });
    expect(Date.now() - Date.parse(placed.variantSince)).toBeLessThan(60_000);
    // A new version: a colleague's stale save is a conflict, not a silent loss of the test.
    expect(saved.body.data.version).not.toBe(before.version);
    expect((await save(unchangedPlacement(before))).status).toBe(409);
  });

  it('renders the link per variant, after the links already in its second slot', async () => {
    expect(await layout('?variant=a')).toEqual(['P1', 'Cabai:a', 'P2', 'P3', 'P4']);
    expect(await layout('?variant=b')).toEqual(['P1', 'P2', 'P3', 'Cabai:b', 'P4']);
    // Without a variant: the first slot, and no variant to report.
    expect(await layout()).toEqual(['P1', 'Cabai:-', 'P2', 'P3', 'P4']);
    // Cached per variant: asking again in another order gives each its own answer.
    expect(await layout('?variant=b')).toEqual(['P1', 'P2', 'P3', 'Cabai:b', 'P4']);
    const bad = await app.request(`/api/newsroom/articles/${story.slug}?variant=c`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('variant: must be "a" or "b"');
  });

  it('refuses a second slot that is the first, or no paragraph of the story, from any entry point', async () => {
    const current = await placement();
    const same = unchangedPlacement(current);
    same.links[0].variantAfterParagraphId = story.body[0].id;
    const refused = await save(same);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'links.0.variantAfterParagraphId: the second slot of a position test must differ from the first'
    );
    const nowhere = unchangedPlacement(current);
    nowhere.links[0].variantAfterParagraphId = 'p-tidakada123';
    expect((await save(nowhere)).body.error.message).toBe(
      "links.0.variantAfterParagraphId: is not a paragraph of the link's article"
    );
    // The content manager's way in (the Document Service): the stored outcome is checked.
    await expect(
      app.strapi
        .documents(LINK as any)
        .update({ documentId: link, data: { variantAfterParagraphId: story.body[0].id } } as any)
    ).rejects.toThrow(/second slot of a position test must differ/);
    expect((await placement()).version).toBe(current.version);
  });

  it('counts each variant from the minute after the test started, and the manager gets them', async () => {
    const article = story.documentId;
    const [placed] = (await placement()).links;
    const started = new Date(placed.variantSince).getTime();
    // Readers of an earlier test on the same day, some in the very minute this one started:
    // none of it is this test's (the counts once started from the UTC day and took them in).
    const before = (now: number) =>
      events().record(
        [
          ...Array.from({ length: 50 }, () => ({ type: 'view', article, variant: 'a' })),
          ...Array.from({ length: 40 }, () => ({ type: 'click', link, variant: 'a' })),
        ],
        now
      );
    before(started - 1_000);
    before(started - 61_000);
    const after = started + 60_000;
    events().record(
      [
        ...Array.from({ length: 3 }, () => ({ type: 'view', article, variant: 'a' })),
        ...Array.from({ length: 2 }, () => ({ type: 'view', article, variant: 'b' })),
        { type: 'view', article, variant: null },
        { type: 'click', link, variant: 'b' },
        { type: 'click', link, variant: null },
      ],
      after
    );
    await events().flush();
    const data = await stats();
    const entry = data.links.find((l: any) => l.link === link);
    expect(entry.test).toEqual({
      since: new Date(Math.ceil(started / 60_000) * 60_000).toISOString(),
      slots: { a: story.body[0].id, b: story.body[2].id },
      views: { a: 3, b: 2 },
      clicks: { a: 0, b: 1 },
    });
    // The earlier events were stored and are read: the window of 30 days has them all.
    expect(data.views).toEqual({ total: 106, a: 103, b: 2 });
    expect(entry.clicks).toEqual({ total: 82, a: 80, b: 1 });
  });

  it('holds the test back while the published story lacks the second slot', async () => {
    // A new paragraph in the draft only; the test moves there.
    const n = newsroom(app.strapi);
    const body = [...story.body, { id: 'p-baru12345678', text: 'Lima.' }];
    await n.update(ARTICLE, story.documentId, { body });
    const moved = unchangedPlacement(await placement());
    moved.links[0].variantAfterParagraphId = 'p-baru12345678';
    const saved = await save(moved);
    expect(saved.status).toBe(200);
    // The link itself went live (its first slot is published); its test waits for the story.
    expect(await layout('?variant=b')).toEqual(['P1', 'Cabai:-', 'P2', 'P3', 'P4']);
    expect((await stats()).links.find((l: any) => l.link === link).test).toBeNull();
    await n.publish(ARTICLE, story.documentId);
    story = (await app.strapi.documents(ARTICLE as any).findOne({
      documentId: story.documentId,
      status: 'draft',
    } as any)) as unknown as typeof story;
    expect(await layout('?variant=b')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'Cabai:b']);
  });

  it('ends the test when the story loses the second slot, and flags the link', async () => {
    const n = newsroom(app.strapi);
    await n.update(ARTICLE, story.documentId, { body: story.body.slice(0, 4) });
    const [placed] = (await placement()).links;
    expect(placed).toMatchObject({
      afterParagraphId: story.body[0].id,
      variantAfterParagraphId: null,
      variantSince: null,
      needsReview: true,
    });
  });

  it('lists a story whose links nobody clicks once readers viewed it 100 times', async () => {
    const health = async () =>
      (await app.request('/newsroom/link-health', { headers: admin })).body.data.unclicked;
    const quiet = await newsroom(app.strapi).createArticle({
      title: 'Hujan Deras Landa Bandung',
      paragraphs: ['Satu.', 'Dua.'],
    });
    await newsroom(app.strapi).addLink(quiet, story, { after: 0 });
    const view = { type: 'view', article: quiet.documentId, variant: null };
    events().record(Array.from({ length: 99 }, () => view));
    await events().flush();
    expect(await health()).toEqual([]);
    events().record([view]);
    await events().flush();
    expect(await health()).toEqual([
      {
        documentId: quiet.documentId,
        title: 'Hujan Deras Landa Bandung',
        slug: quiet.slug,
        views: 100,
        links: 1,
      },
    ]);
    // One click and it is off the list. (The tested story is clicked, so never on it.)
    const [clickable] = (
      await app.request(`/api/newsroom/articles/${quiet.slug}`)
    ).body.data.body.filter((b: any) => b.type === 'baca-juga');
    events().record([{ type: 'click', link: clickable.link, variant: null }]);
    await events().flush();
    expect(await health()).toEqual([]);
  });
});
