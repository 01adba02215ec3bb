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

  test('refuses a bad page and unknown parameters with a 400 naming them', async () => {
    const bad = await orphans('?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^page: /);
    expect((await orphans('?pageSize=5')).status).toBe(400);
    expect((await orphans('?page=9')).body).toMatchObject({ data: [] });
  });
});
