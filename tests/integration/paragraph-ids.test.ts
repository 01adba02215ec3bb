import { adminToken, DB, startStrapi, type TestApp } from './helpers/strapi';

const CM = '/content-manager/collection-types/plugin::newsroom.article';

describe(`paragraph ids and article data on every entry point (${DB})`, () => {
  let app: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    auth = { authorization: `Bearer ${await adminToken(app)}` };
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('gives new paragraphs ids and keeps them through content-manager edits, inserts and reorders', async () => {
    const created = await app.request(CM, {
      method: 'POST',
      headers: auth,
      body: {
        title: 'Gempa M 5,2 Guncang Cianjur',
        body: [{ text: 'Satu.' }, { text: 'Dua.' }],
        tags: 'Gempa, BMKG, gempa',
      },
    });
    expect(created.status).toBe(201);
    const doc = created.body.data;
    expect(doc.slug).toBe('gempa-m-52-guncang-cianjur');
    expect(doc.tags).toEqual(['Gempa', 'BMKG']);
    const [one, two] = doc.body;
    expect(one.id).toMatch(/^p-[a-f0-9]{12}$/);
    expect(two.id).not.toBe(one.id);

    // Edit a text, insert a paragraph before, and swap the order: ids follow the paragraphs.
    const updated = await app.request(`${CM}/${doc.documentId}`, {
      method: 'PUT',
      headers: auth,
      body: { ...doc, body: [{ text: 'Nol.' }, { ...two, text: 'Dua, disunting.' }, one] },
    });
    expect(updated.status).toBe(200);
    const body = updated.body.data.body;
    expect(body.map((p: any) => p.text)).toEqual(['Nol.', 'Dua, disunting.', 'Satu.']);
    expect(body[1].id).toBe(two.id);
    expect(body[2].id).toBe(one.id);
    expect([one.id, two.id]).not.toContain(body[0].id);
  });

  it('refuses a malformed body with a 400 naming the field, and changes nothing', async () => {
    const article = await app.strapi.documents('plugin::newsroom.article').create({
      data: { title: 'Tetap Utuh', body: ['Asli.'] } as any,
    });
    for (const bad of [
      { body: 'bukan daftar' },
      { body: [{ text: '' }] },
      { body: [{ text: 42 }] },
    ]) {
      const response = await app.request(`${CM}/${article.documentId}`, {
        method: 'PUT',
        headers: auth,
        body: bad,
      });
      expect(response.status).toBe(400);
      // The story is named first (a batch's error must say which); the field is the body.
      expect(response.body.error.message).toMatch(/^"[^"]+": body/);
      expect(response.body.error.details.errors[0].path[0]).toBe('body');
    }
    const stored = await app.strapi
      .documents('plugin::newsroom.article')
      .findOne({ documentId: article.documentId });
    expect((stored as any).body.map((p: any) => p.text)).toEqual(['Asli.']);
  });

  it('applies the same rules to direct Document Service calls', async () => {
    await expect(
      app.strapi
        .documents('plugin::newsroom.article')
        .create({ data: { title: 'X', body: [{}] } as any })
    ).rejects.toThrow(/body\.0/);
    const a = await app.strapi
      .documents('plugin::newsroom.article')
      .create({ data: { title: 'Judul Sama' } as any });
    const b = await app.strapi
      .documents('plugin::newsroom.article')
      .create({ data: { title: 'Judul Sama' } as any });
    expect([(a as any).slug, (b as any).slug]).toEqual(['judul-sama', 'judul-sama-2']);
  });
});
