/**
 * Suggestions that say where (issue 15): each suggestion of the Baca Juga manager names the
 * paragraph of the draft it fits after and the words that matched there.
 */
import { adminWithActions, startStrapi, type TestApp } from './helpers/strapi';
import { newsroom } from './helpers/newsroom';

jest.setTimeout(300_000);

let app: TestApp;
let reader: Record<string, string>;
const story: { documentId: string; body: { id: string }[] }[] = [];

beforeAll(async () => {
  app = await startStrapi({ seed: false });
  const nr = newsroom(app.strapi);
  // Given published stories on a ship that sank, each about one part of it
  await nr.createArticle({
    title: 'Basarnas kerahkan helikopter cari korban kapal tenggelam',
    tags: ['Kapal Tenggelam'],
  });
  await nr.createArticle({
    title: 'Syahbandar serahkan manifes penumpang kapal ke polisi',
    tags: ['Kapal Tenggelam'],
  });
  await nr.createArticle({ title: 'Harga cabai rawit naik di Semarang', tags: ['Harga'] });
  // And the story they may be linked from, whose paragraphs each tell one part
  story.push(
    await nr.createArticle({
      title: 'Kapal penumpang tenggelam di Selat Bali',
      tags: ['Kapal Tenggelam'],
      paragraphs: [
        'Kapal penumpang tenggelam di Selat Bali, tim SAR mencari korban.',
        'Tim gabungan mencari korban sejak pagi di perairan Selat Bali.',
        'Basarnas mengerahkan helikopter dan penyelam untuk pencarian korban.',
        'Syahbandar menyebut manifes kapal mencatat 44 penumpang.',
        'Polisi memeriksa nakhoda kapal.',
      ],
    })
  );
  reader = await adminWithActions(app, ['plugin::newsroom.read']);
});
afterAll(() => app?.stop());

const suggestions = (documentId: string) =>
  app.request(`/newsroom/articles/${documentId}/suggestions?limit=5`, { headers: reader });

describe('each suggestion says where it fits', () => {
  test('the paragraph that tells its part of the story, with the words that matched', async () => {
    // When the manager asks for the story's suggestions
    const { status, body } = await suggestions(story[0].documentId);
    expect(status).toBe(200);
    const byTitle = new Map(body.data.map((s: any) => [s.title, s]));
    // Then the helicopter story fits after paragraph 3, the manifest story after paragraph 4
    const helicopter: any = byTitle.get('Basarnas kerahkan helikopter cari korban kapal tenggelam');
    expect(helicopter.fitsAfter).toEqual({
      paragraphId: story[0].body[2].id,
      number: 3,
      matchedTerms: expect.arrayContaining(['basarnas', 'helikopter']),
    });
    const manifest: any = byTitle.get('Syahbandar serahkan manifes penumpang kapal ke polisi');
    expect(manifest.fitsAfter).toMatchObject({ paragraphId: story[0].body[3].id, number: 4 });
    expect(manifest.fitsAfter.matchedTerms).toEqual(
      expect.arrayContaining(['syahbandar', 'manifes'])
    );
    // And an unrelated story is not suggested at all
    expect(byTitle.has('Harga cabai rawit naik di Semarang')).toBe(false);
  });

  test('follows the draft: a paragraph written after publishing is a slot too', async () => {
    const nr = newsroom(app.strapi);
    // Only the new draft paragraph names Jembrana: this one fits there or nowhere
    const jembrana = await nr.createArticle({
      title: 'Warga Jembrana siaga di pantai',
      tags: ['Kapal Tenggelam'],
    });
    const { documentId, body } = story[0] as any;
    const updated = await nr.update('plugin::newsroom.article', documentId, {
      body: [
        ...body.map((p: any) => ({ id: p.id, text: p.text })),
        { text: 'Helikopter Basarnas kembali terbang memperluas pencarian ke Jembrana.' },
      ],
    });
    const { body: answer } = await suggestions(documentId);
    const helicopter = answer.data.find((s: any) => s.title.startsWith('Basarnas'));
    // Paragraph 6 matches as well as 3, but it is the last one: the earlier slot is kept
    expect(helicopter.fitsAfter.number).toBe(3);
    expect(answer.data.find((s: any) => s.documentId === jembrana.documentId).fitsAfter).toEqual({
      paragraphId: updated.body[5].id,
      number: 6,
      matchedTerms: ['jembrana'],
    });
  });

  test('null when no paragraph shares a word with the suggestion', async () => {
    const nr = newsroom(app.strapi);
    const other = await nr.createArticle({
      title: 'Kebakaran gudang di Cikarang',
      tags: ['Kapal Tenggelam'],
      paragraphs: ['Api melahap gudang plastik di Cikarang.', 'Damkar memadamkan api.'],
    });
    const { body } = await suggestions(other.documentId);
    expect(body.data.length).toBeGreaterThan(0);
    for (const s of body.data) expect(s.fitsAfter).toBeNull();
  });
});

describe('the orphans queue: published stories without Baca Juga links', () => {
  let editor: Record<string, string>;
  const orphans = (query = '', headers = reader) =>
    app.request(`/newsroom/orphans${query}`, { headers });

  beforeAll(async () => {
    editor = await adminWithActions(app, ['plugin::newsroom.read', 'plugin::newsroom.manage']);
  });

  test('lists them, each with its top suggestions and their slots', async () => {
    const nr = newsroom(app.strapi);
    // A story never published, and a published story that has a link: neither is an orphan
    const draftOnly = await nr.createArticle({ title: 'Kapal cepat belum terbit', publish: false });
    const linked = await nr.createArticle({
      title: 'Kapal ikan terbakar di Benoa',
      paragraphs: ['Kapal ikan terbakar.', 'Polisi menyelidiki kapal.'],
    });
    const helicopter = (await orphans()).body.data.find((s: any) => s.title.startsWith('Basarnas'));
    await nr.addLink(linked, helicopter, { after: 1 });

    const { status, body } = await orphans();
    expect(status).toBe(200);
    const ids = body.data.map((s: any) => s.documentId);
    expect(ids).toContain(story[0].documentId);
    expect(ids).not.toContain(draftOnly.documentId);
    expect(ids).not.toContain(linked.documentId);
    expect(body.meta.pagination).toEqual({
      page: 1,
      pageSize: 10,
      pageCount: 1,
      total: body.data.length,
    });
    const ship = body.data.find((s: any) => s.documentId === story[0].documentId);
    expect(ship.status).toBe('modified');
    expect(ship.suggestions.length).toBeGreaterThan(0);
    expect(ship.suggestions.length).toBeLessThanOrEqual(3);
    const top = ship.suggestions.find((s: any) => s.title.startsWith('Basarnas'));
    expect(top.fitsAfter).toMatchObject({ paragraphId: story[0].body[2].id, number: 3 });
  });

  test('accepting is a placement save: versions and rules hold, and the story leaves', async () => {
    const ship = (await orphans()).body.data.find((s: any) => s.documentId === story[0].documentId);
    const accepted = ship.suggestions.find((s: any) => s.fitsAfter);
    const path = `/newsroom/articles/${ship.documentId}/placement`;
    const { data } = (await app.request(path, { headers: editor })).body;
    const body = {
      version: data.version,
      links: [
        {
          targetDocumentId: accepted.documentId,
          url: null,
          label: null,
          afterParagraphId: accepted.fitsAfter.paragraphId,
        },
      ],
    };
    // A reader may list the queue but not accept
    expect((await app.request(path, { method: 'PUT', body, headers: reader })).status).toBe(403);
    const saved = await app.request(path, { method: 'PUT', body, headers: editor });
    expect(saved.status).toBe(200);
    expect(saved.body.data.links).toEqual([
      expect.objectContaining({ afterParagraphId: accepted.fitsAfter.paragraphId }),
    ]);
    // The same save again is stale: the version moved
    expect((await app.request(path, { method: 'PUT', body, headers: editor })).status).toBe(409);
    const ids = (await orphans()).body.data.map((s: any) => s.documentId);
    expect(ids).not.toContain(ship.documentId);
  });

  test('60 accepts racing on 20 orphans: each a 200 or a clean 409/400, one winner a story, never half-written', async () => {
    const nr = newsroom(app.strapi);
    const targets = [];
    for (const title of ['Gempa guncang Lombok', 'Banjir rendam Demak', 'Kebakaran hutan Riau']) {
      targets.push(await nr.createArticle({ title }));
    }
    // Every target of the nine links the full stories already hold: one a link, once.
    const filler = [];
    for (let n = 0; n < 9; n += 1) filler.push(await nr.createArticle({ title: `Arsip ${n}` }));
    const sources = [];
    for (let i = 0; i < 20; i += 1) {
      const source = await nr.createArticle({
        title: `Orphan ${i} di pelabuhan`,
        paragraphs: ['Paragraf satu.', 'Paragraf dua.', 'Paragraf tiga.'],
      });
      // A quarter of them already hold nine links: one more is the limit of ten.
      if (i % 4 === 0) for (const f of filler) await nr.addLink(source, f, { after: 1 });
      sources.push(source);
    }
    const path = (documentId: string) => `/newsroom/articles/${documentId}/placement`;
    // Once more on a reset: after seconds of setup without a request, the client may reuse a
    // kept-alive socket the server has just closed (its keep-alive timeout).
    const placementOf = async (documentId: string) =>
      (
        await app
          .request(path(documentId), { headers: editor })
          .catch(() => app.request(path(documentId), { headers: editor }))
      ).body.data;

    /**
     * Three accepts per story, each read from the same version as the editor's screens would:
     * two of the same suggestion, one of another; on the full stories the third adds two links
     * (an eleventh), on others of every fourth the third names its target twice.
     */
    const accepts: { source: string; body: unknown; valid: boolean }[] = [];
    for (const [i, source] of sources.entries()) {
      const placement = await placementOf(source.documentId);
      const kept = placement.links.map((l: any) => ({
        documentId: l.documentId,
        ...(l.targetArticle ? { targetDocumentId: l.targetArticle.documentId } : { url: l.url }),
        label: l.label ?? null,
        afterParagraphId: l.afterParagraphId,
        variantAfterParagraphId: l.variantAfterParagraphId ?? null,
      }));
      const link = (target: { documentId: string }) => ({
        targetDocumentId: target.documentId,
        label: null,
        afterParagraphId: source.body[2].id,
      });
      for (let k = 0; k < 3; k += 1) {
        const added = [link(targets[k % 2])];
        // An eleventh link on a full story; the same target twice on another.
        const extra = k === 2 ? [targets[2], targets[0]][i % 4] : undefined;
        if (extra) added.push(link(extra));
        const valid = !extra;
        accepts.push({
          source: source.documentId,
          body: { version: placement.version, links: [...kept, ...added] },
          valid,
        });
      }
    }
    const answers = await Promise.all(
      accepts.map((a) =>
        app.request(path(a.source), { method: 'PUT', body: a.body, headers: editor })
      )
    );

    expect(answers.map((r) => r.status).filter((s) => ![200, 400, 409].includes(s))).toEqual([]);
    // One breaking a rule is never saved: refused by the rule, or stale if another won first.
    expect(accepts.filter((a, n) => !a.valid && answers[n].status === 200)).toEqual([]);
    for (const [n, answer] of answers.entries()) {
      if (answer.status >= 400) expect(typeof answer.body.error.message).toBe('string');
      if (answer.status === 409) expect(answer.body.error.name).toBe('ConflictError');
      if (answer.status === 400) expect(accepts[n].valid).toBe(false);
      if (answer.status === 400) expect(answer.body.error.message).toMatch(/at most 10|once/);
    }
    const links = await app.strapi.db.query('plugin::newsroom.related-link').findMany({
      where: { publishedAt: null },
      populate: {
        sourceArticle: { select: ['documentId'] },
        targetArticle: { select: ['documentId'] },
      },
    });
    for (const [i, source] of sources.entries()) {
      const mine = answers.filter((_, n) => accepts[n].source === source.documentId);
      // One version read by all three: exactly one of the valid accepts is saved.
      const won = mine.filter((r) => r.status === 200);
      expect([i, won.length]).toEqual([i, 1]);
      const stored = await placementOf(source.documentId);
      expect(stored.version).toBe(won[0].body.data.version);
      const storedTargets = stored.links.map((l: any) => l.targetArticle?.documentId);
      expect(storedTargets).toEqual(
        won[0].body.data.links.map((l: any) => l.targetArticle?.documentId)
      );
      expect(new Set(storedTargets).size).toBe(storedTargets.length);
      expect(stored.links.length).toBe(i % 4 === 0 ? 10 : 1);
      // No row beyond the placement: a refused or stale save left nothing behind.
      const rows = links.filter((l: any) => l.sourceArticle?.documentId === source.documentId);
      expect(rows.map((l: any) => l.targetArticle?.documentId).sort()).toEqual(
        [...storedTargets].sort()
      );
    }
  });

  test('refuses a bad page and unknown parameters with a 400 naming them', async () => {
    const bad = await orphans('?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^page: /);
    expect((await orphans('?pageSize=5')).status).toBe(400);
    expect((await orphans('?page=9')).body).toMatchObject({ data: [] });
  });
});
