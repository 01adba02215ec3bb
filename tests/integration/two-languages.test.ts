/**
 * A newsroom in two languages (config `i18n: true`, the playground's NEWSROOM_I18N): the
 * Indonesian default `id` and an English edition `en`. Each locale's render and list show only
 * what that locale's versions carry; a Baca Juga link stays in its language.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE } from './helpers/newsroom';

describe(`two languages (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  const docs = (uid: string) => app.strapi.documents(uid as any) as any;

  /** A story in `locale` (a new document, or a translation of `documentId`), published. */
  const story = async (
    locale: string,
    title: string,
    paragraphs: string[],
    documentId?: string
  ): Promise<any> => {
    const data = {
      title,
      outlet: 'Test Desk',
      tags: [],
      body: paragraphs.map((text) => ({ text })),
    };
    const written = documentId
      ? await docs(ARTICLE).update({ documentId, locale, data })
      : await docs(ARTICLE).create({ locale, data });
    await docs(ARTICLE).publish({ documentId: written.documentId, locale });
    return docs(ARTICLE).findOne({ documentId: written.documentId, locale, status: 'draft' });
  };

  const link = async (locale: string, source: any, target: any, after = 0) => {
    const created = await docs(LINK).create({
      locale,
      data: {
        sourceArticle: source.documentId,
        targetArticle: target.documentId,
        afterParagraphId: source.body[after].id,
        position: 0,
      },
    });
    await docs(LINK).publish({ documentId: created.documentId, locale });
    return created;
  };

  let treatyId: any;
  let treatyEn: any;
  let riceId: any;
  let summitId: any;
  let summitEn: any;

  beforeAll(async () => {
    app = await startStrapi({ seed: false, env: { NEWSROOM_I18N: 'true' } });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
    treatyId = await story('id', 'Korut Sahkan Perjanjian', [
      'Pyongyang meratifikasi.',
      'Moskow menyambut.',
    ]);
    treatyEn = await story(
      'en',
      'North Korea Ratifies Treaty',
      ['Pyongyang ratified the pact.', 'Moscow welcomed it.'],
      treatyId.documentId
    );
    riceId = await story('id', 'Harga Beras Naik', ['Harga beras naik lagi.']);
    summitId = await story('id', 'KTT Asia Timur', ['Para pemimpin bertemu.']);
    summitEn = await story('en', 'East Asia Summit', ['Leaders met.'], summitId.documentId);
    await link('id', treatyId, riceId, 0);
    await link('en', treatyEn, summitEn, 1);
    await docs(QUOTE).create({
      locale: 'id',
      data: {
        article: treatyId.documentId,
        paragraphId: treatyId.body[0].id,
        text: 'Perjanjian ini sah.',
        kind: 'full',
      },
    });
    await docs(QUOTE).publish({
      documentId: (await docs(QUOTE).findFirst({ locale: 'id' })).documentId,
      locale: 'id',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('localizes the three types, with id the default and en beside it', async () => {
    for (const uid of [ARTICLE, QUOTE, LINK]) {
      expect((app.strapi.contentType(uid as any) as any).pluginOptions.i18n.localized).toBe(true);
    }
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('id');
    expect((await locales.find()).map((l: any) => l.code).sort()).toEqual(['en', 'id']);
  });

  it("renders each locale with its own links and quotes, and the target's own translation", async () => {
    const id = await app.request(`/api/newsroom/articles/${treatyId.slug}`);
    expect(id.status).toBe(200);
    const idLinks = id.body.data.body.filter((b: any) => b.type === 'baca-juga');
    expect(idLinks.map((b: any) => b.target.title)).toEqual(['Harga Beras Naik']);
    expect(id.body.data.quotes.map((q: any) => q.text)).toEqual(['Perjanjian ini sah.']);

    const en = await app.request(`/api/newsroom/articles/${treatyEn.slug}`);
    expect(en.status).toBe(200);
    expect(en.body.data.title).toBe('North Korea Ratifies Treaty');
    const enLinks = en.body.data.body.filter((b: any) => b.type === 'baca-juga');
    expect(enLinks.map((b: any) => [b.target.title, b.target.slug])).toEqual([
      ['East Asia Summit', summitEn.slug],
    ]);
    expect(en.body.data.quotes).toEqual([]);
    // The English summit is linked from the English treaty only.
    const summit = await app.request(`/api/newsroom/articles/${summitEn.slug}`);
    expect(summit.body.data.linkedFrom.map((b: any) => b.slug)).toEqual([treatyEn.slug]);
    const summitIndonesian = await app.request(`/api/newsroom/articles/${summitId.slug}`);
    expect(summitIndonesian.body.data.linkedFrom).toEqual([]);
  });

  it('reads a slug in the locale asked, and 404s it in another', async () => {
    // A slug names one story in one language: the translation has a slug of its own.
    expect(treatyEn.slug).not.toBe(treatyId.slug);
    expect((await app.request(`/api/newsroom/articles/${treatyEn.slug}?locale=en`)).status).toBe(
      200
    );
    expect((await app.request(`/api/newsroom/articles/${treatyEn.slug}?locale=id`)).status).toBe(
      404
    );
    const unknown = await app.request(`/api/newsroom/articles/${treatyEn.slug}?locale=fr`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^locale: /);
  });

  it("redirects an old slug to its own locale's version", async () => {
    const old = summitEn.slug;
    await docs(ARTICLE).update({
      documentId: summitEn.documentId,
      locale: 'en',
      data: { slug: 'east-asia-summit-2024' },
    });
    await docs(ARTICLE).publish({ documentId: summitEn.documentId, locale: 'en' });
    const moved = await app.request(`/api/newsroom/articles/${old}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/api/newsroom/articles/east-asia-summit-2024');
    const asked = await app.request(`/api/newsroom/articles/${old}?locale=id`, {
      redirect: 'manual',
    });
    expect(asked.status).toBe(404);
    summitEn = { ...summitEn, slug: 'east-asia-summit-2024' };
  });

  it('lists one locale: the default without ?locale=, English with ?locale=en', async () => {
    const titles = async (query: string) =>
      (await app.request(`/api/newsroom/articles${query}`)).body.data
        .map((s: any) => s.title)
        .sort();
    expect(await titles('')).toEqual([
      'Harga Beras Naik',
      'KTT Asia Timur',
      'Korut Sahkan Perjanjian',
    ]);
    expect(await titles('?locale=id')).toEqual(await titles(''));
    expect(await titles('?locale=en')).toEqual(['East Asia Summit', 'North Korea Ratifies Treaty']);
    expect(await titles('?locale=en&q=summit')).toEqual(['East Asia Summit']);
  });

  it('refuses a Baca Juga link to a story with no version in its language, naming the field', async () => {
    const before = await app.strapi.db.query(LINK).count({});
    // Document Service: the English treaty to the rice story, which is Indonesian only.
    await expect(
      docs(LINK).create({
        locale: 'en',
        data: {
          sourceArticle: treatyEn.documentId,
          targetArticle: riceId.documentId,
          afterParagraphId: treatyEn.body[0].id,
        },
      })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^targetArticle: a Baca Juga link stays in its language/),
    });
    // The content manager's own API, as the edit view sends it.
    const cm = await app.request(`/content-manager/collection-types/${LINK}?locale=en`, {
      method: 'POST',
      headers,
      body: {
        sourceArticle: { connect: [{ documentId: treatyEn.documentId, locale: 'en' }] },
        targetArticle: { connect: [{ documentId: riceId.documentId, locale: 'en' }] },
        afterParagraphId: treatyEn.body[0].id,
      },
    });
    expect(cm.status).toBe(400);
    expect(JSON.stringify(cm.body.error)).toMatch(/stays in its language|targetArticle/);
    expect(await app.strapi.db.query(LINK).count({})).toBe(before);
  });

  it("keeps one locale's edit out of the other: i18n's sibling sync has nothing to copy", async () => {
    const enBefore = await docs(ARTICLE).findOne({
      documentId: treatyId.documentId,
      locale: 'en',
      status: 'draft',
    });
    await docs(ARTICLE).update({
      documentId: treatyId.documentId,
      locale: 'id',
      data: {
        lead: 'Ringkasan baru.',
        byline: 'Redaksi',
        body: [...treatyId.body, { text: 'Tambahan.' }],
      },
    });
    const enAfter = await docs(ARTICLE).findOne({
      documentId: treatyId.documentId,
      locale: 'en',
      status: 'draft',
    });
    expect(enAfter.lead).toBe(enBefore.lead);
    expect(enAfter.byline).toBe(enBefore.byline);
    expect(enAfter.body).toEqual(enBefore.body);
  });
});
