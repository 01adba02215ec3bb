/**
 * A newsroom in two languages (config `i18n: true`, the playground's NEWSROOM_I18N): the
 * Indonesian default `id` and an English edition `en`. Each locale's render and list show only
 * what that locale's versions carry; a Baca Juga link stays in its language.
 */
import { DB, adminToken, apiToken, startStrapi, type TestApp } from './helpers/strapi';
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
    app = await startStrapi({
      seed: false,
      env: {
        NEWSROOM_I18N: 'true',
        NEWSROOM_SITE_URL: 'https://www.example.id',
        NEWSROOM_PUBLICATION_NAME: 'Contoh',
      },
    });
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
  const published = async (uid: string, documentId: string, locale: string) =>
    app.strapi.db.query(uid as any).count({
      where: { documentId, locale, publishedAt: { $notNull: true } },
    });

  it("publishes a locale's own links with it, never another locale's drafts", async () => {
    const extraEn = await story('en', 'Seoul Reacts', ['Seoul protested.'], riceId.documentId);
    // A link drafted in the English treaty, not yet published.
    const draft = await docs(LINK).create({
      locale: 'en',
      data: {
        sourceArticle: treatyEn.documentId,
        targetArticle: extraEn.documentId,
        afterParagraphId: treatyEn.body[0].id,
      },
    });
    await docs(ARTICLE).publish({ documentId: treatyId.documentId, locale: 'id' });
    expect(await published(LINK, draft.documentId, 'en')).toBe(0);
    await docs(ARTICLE).publish({ documentId: treatyId.documentId, locale: 'en' });
    expect(await published(LINK, draft.documentId, 'en')).toBe(1);
    await docs(LINK).delete({ documentId: draft.documentId, locale: 'en' });
  });

  it("keeps one locale's links when another locale's target is unpublished and back", async () => {
    await docs(ARTICLE).unpublish({ documentId: summitId.documentId, locale: 'id' });
    await docs(ARTICLE).publish({ documentId: summitId.documentId, locale: 'id' });
    const en = await app.request(`/api/newsroom/articles/${treatyEn.slug}`);
    expect(
      en.body.data.body.filter((b: any) => b.type === 'baca-juga').map((b: any) => b.target.slug)
    ).toEqual([summitEn.slug]);
  });

  it('gives the manager each locale on its own, and refuses a cross-language target there', async () => {
    const path = `/newsroom/articles/${treatyId.documentId}/placement`;
    const id = await app.request(path, { headers });
    const en = await app.request(`${path}?locale=en`, { headers });
    expect(id.status).toBe(200);
    expect(id.body.data.article.locale).toBe('id');
    expect(en.body.data.article.locale).toBe('en');
    expect(id.body.data.links.map((l: any) => l.targetArticle.title)).toEqual(['Harga Beras Naik']);
    expect(en.body.data.links.map((l: any) => l.targetArticle.title)).toEqual(['East Asia Summit']);
    // Each side names the other's link count (the content manager's side panel shows it).
    expect(id.body.data.translations).toEqual([
      { locale: 'en', title: 'North Korea Ratifies Treaty', linkCount: 1 },
    ]);
    expect(en.body.data.paragraphs.map((p: any) => p.text)).toEqual(
      treatyEn.body.map((p: any) => p.text)
    );

    const onlyIndonesian = await story('id', 'Gempa di Sulawesi', ['Gempa mengguncang.']);
    const refused = await app.request(`${path}?locale=en`, {
      method: 'PUT',
      headers,
      body: {
        version: en.body.data.version,
        links: [
          {
            targetDocumentId: onlyIndonesian.documentId,
            url: null,
            label: null,
            afterParagraphId: en.body.data.paragraphs[0].id,
          },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/stays in its language/);
    expect((await app.request(`${path}?locale=en`, { headers })).body.data.version).toBe(
      en.body.data.version
    );
    // The list and the target search are per locale too.
    const list = await app.request('/newsroom/articles?locale=en', { headers });
    expect(list.body.data.map((a: any) => a.title).sort()).toEqual(
      ['East Asia Summit', 'North Korea Ratifies Treaty', 'Seoul Reacts'].sort()
    );
    const targets = await app.request('/newsroom/targets?q=gempa&locale=en', { headers });
    expect(targets.body.data).toEqual([]);
  });

  it('copies placements from id to en by paragraph position, naming a link with no translation', async () => {
    const quake = await story('id', 'Gempa Susulan', ['Gempa susulan terasa.']);
    const source = await story('id', 'Banjir Jakarta', [
      'Hujan deras.',
      'Air naik.',
      'Warga mengungsi.',
    ]);
    const sourceEn = await story(
      'en',
      'Jakarta Floods',
      ['Heavy rain.', 'Water rose.', 'Residents fled.'],
      source.documentId
    );
    await link('id', source, treatyId, 1); // has an English version
    await link('id', source, quake, 2); // Indonesian only
    const read = await app.request(`/newsroom/articles/${source.documentId}/placement?locale=en`, {
      headers,
    });
    const copied = await app.request(
      `/newsroom/articles/${source.documentId}/placement/copy?locale=en`,
      { method: 'POST', headers, body: { from: 'id', version: read.body.data.version } }
    );
    expect(copied.status).toBe(200);
    expect(
      copied.body.meta.copied.map((e: any) => [e.name, e.outcome, e.fromParagraph, e.toParagraph])
    ).toEqual([
      ['Korut Sahkan Perjanjian', 'copied', 2, 2],
      ['Gempa Susulan', 'no-translation', 3, null],
    ]);
    const links = copied.body.data.links;
    expect(links.map((l: any) => [l.targetArticle.title, l.afterParagraphId])).toEqual([
      ['North Korea Ratifies Treaty', sourceEn.body[1].id],
    ]);
    // Stale version: a 409, nothing copied twice.
    const again = await app.request(
      `/newsroom/articles/${source.documentId}/placement/copy?locale=en`,
      { method: 'POST', headers, body: { from: 'id', version: read.body.data.version } }
    );
    expect(again.status).toBe(409);
    const render = await app.request(`/api/newsroom/articles/${sourceEn.slug}`);
    expect(
      render.body.data.body
        .filter((b: any) => b.type === 'baca-juga')
        .map((b: any) => b.target.slug)
    ).toEqual([treatyEn.slug]);
    // With one locale given twice, or an unknown one, the route says what is wrong.
    const same = await app.request(
      `/newsroom/articles/${source.documentId}/placement/copy?locale=en`,
      {
        method: 'POST',
        headers,
        body: { from: 'en', version: 'x' },
      }
    );
    expect(same.status).toBe(400);
  });

  it("suggests each locale's own stories, stemmed in its language, in the manager, the orphans queue and related", async () => {
    const riceEn = await story(
      'en',
      'Rice Prices Rise Again',
      ['Rice prices rose again in markets across Java.', 'Traders blamed the long drought.'],
      riceId.documentId
    );
    // Stories of one language only: each must stay out of the other locale's suggestions.
    const farmersEn = await story('en', 'Rice Farmers Struggle With Pricing', [
      'Farmers say the price of rice no longer covers their costs.',
    ]);
    const farmersId = await story('id', 'Petani Beras Mengeluh Harga', [
      'Petani mengeluhkan harga beras yang naik tetapi tidak untuk mereka.',
    ]);
    const suggested = async (documentId: string, locale?: string) => {
      const response = await app.request(
        `/newsroom/articles/${documentId}/suggestions${locale ? `?locale=${locale}` : ''}`,
        { headers }
      );
      expect(response.status).toBe(200);
      return response.body.data as any[];
    };

    const english = await suggested(riceId.documentId, 'en');
    expect(english.map((s) => s.documentId)).toContain(farmersEn.documentId);
    expect(english.map((s) => s.documentId)).not.toContain(farmersId.documentId);
    const farmers = english.find((s) => s.documentId === farmersEn.documentId);
    // English stems: "prices" (the source's spelling) met "price" and "pricing".
    expect(farmers.title).toBe('Rice Farmers Struggle With Pricing');
    expect(farmers.matchedTerms).toEqual(expect.arrayContaining(['rice', 'prices']));
    expect(farmers.fitsAfter).toMatchObject({ number: 1 });

    // Without ?locale=, the default locale's: Indonesian stories, Indonesian stems.
    const indonesian = await suggested(riceId.documentId);
    expect(indonesian.map((s) => s.documentId)).toContain(farmersId.documentId);
    expect(indonesian.map((s) => s.documentId)).not.toContain(farmersEn.documentId);
    expect(indonesian.find((s) => s.documentId === farmersId.documentId).title).toBe(
      'Petani Beras Mengeluh Harga'
    );

    // The index holds one entry per published version, under its locale.
    const entries = await app.strapi.db
      .connection('newsroom_search_docs')
      .where({ document_id: riceId.documentId })
      .orderBy('locale')
      .select('locale', 'title');
    expect(entries).toEqual([
      { locale: 'en', title: 'Rice Prices Rise Again' },
      { locale: 'id', title: 'Harga Beras Naik' },
    ]);

    // The English orphans queue: English versions without English links, with English
    // suggestions. The treaty's English version has its own link, so it is not there.
    const orphans = await app.request('/newsroom/orphans?locale=en', { headers });
    expect(orphans.status).toBe(200);
    expect(orphans.body.meta.locale).toBe('en');
    const queued = orphans.body.data.map((o: any) => o.documentId);
    expect(queued).toEqual(expect.arrayContaining([riceId.documentId, farmersEn.documentId]));
    expect(queued).not.toContain(treatyId.documentId);
    expect(queued).not.toContain(farmersId.documentId);
    const riceOrphan = orphans.body.data.find((o: any) => o.documentId === riceId.documentId);
    expect(riceOrphan.title).toBe('Rice Prices Rise Again');
    expect(riceOrphan.suggestions.map((s: any) => s.documentId)).not.toContain(
      farmersId.documentId
    );
    const idOrphans = await app.request('/newsroom/orphans', { headers });
    expect(idOrphans.body.meta.locale).toBe('id');
    expect(idOrphans.body.data.map((o: any) => o.documentId)).not.toContain(farmersEn.documentId);

    // Related for the English version: its own links, then English suggestions.
    const related = await app.request(`/api/newsroom/articles/${riceEn.slug}/related?limit=5`);
    expect(related.status).toBe(200);
    const relatedIds = related.body.data.map((r: any) => r.target.documentId);
    expect(relatedIds).toContain(farmersEn.documentId);
    expect(relatedIds).not.toContain(farmersId.documentId);
    const farmersItem = related.body.data.find(
      (r: any) => r.target.documentId === farmersEn.documentId
    );
    expect(farmersItem.target.slug).toBe(farmersEn.slug);

    // A rebuild makes the same entries; unpublishing one locale's version drops only its entry.
    await app.strapi.plugin('newsroom').service('searchIndex').rebuild();
    const { indexed, published } = await app.strapi
      .plugin('newsroom')
      .service('searchIndex')
      .counts();
    expect(indexed).toBe(published);
    await docs(ARTICLE).unpublish({ documentId: riceId.documentId, locale: 'en' });
    const left = await app.strapi.db
      .connection('newsroom_search_docs')
      .where({ document_id: riceId.documentId })
      .pluck('locale');
    expect(left).toEqual(['id']);
    expect((await suggested(farmersEn.documentId, 'en')).map((s) => s.documentId)).not.toContain(
      riceId.documentId
    );
  });

  it("decides a quote's speaker on the version it is in, and leaves the other's quotes alone", async () => {
    const quote = await docs(QUOTE).create({
      locale: 'en',
      data: {
        article: treatyId.documentId,
        paragraphId: treatyEn.body[0].id,
        text: 'This treaty is valid.',
        kind: 'full',
      },
    });
    await docs(QUOTE).publish({ documentId: quote.documentId, locale: 'en' });
    const placement = await app.request(
      `/newsroom/articles/${treatyId.documentId}/placement?locale=en`,
      { headers }
    );
    const read = placement.body.data.quotes.find((q: any) => q.documentId === quote.documentId);
    const body = {
      version: read.version,
      decision: 'correct',
      speaker: 'Kim Jong Un',
      speakerRole: 'North Korean leader',
    };
    const path = `/newsroom/articles/${treatyId.documentId}/quotes/${quote.documentId}/speaker`;
    // Without ?locale=, the default locale's version: it has no such quote.
    const elsewhere = await app.request(path, { method: 'PUT', headers, body });
    expect(elsewhere.status).toBe(404);
    const decided = await app.request(`${path}?locale=en`, { method: 'PUT', headers, body });
    expect(decided.status).toBe(200);
    expect(decided.body.meta.live).toBe(true);
    const en = await app.request(`/api/newsroom/articles/${treatyEn.slug}`);
    expect(en.body.data.quotes.map((q: any) => [q.text, q.speaker])).toEqual([
      ['This treaty is valid.', 'Kim Jong Un'],
    ]);
    const id = await app.request(`/api/newsroom/articles/${treatyId.slug}`);
    expect(id.body.data.quotes.map((q: any) => [q.text, q.speaker])).toEqual([
      ['Perjanjian ini sah.', null],
    ]);
  });

  it('imports English copy as the English version of a story, its links among English stories', async () => {
    const floods = await story('id', 'Hujan Deras Rendam Jakarta', [
      'Hujan deras merendam sebagian Jakarta.',
      'Air surut pada malam hari.',
    ]);
    const importer = app.strapi.plugin('newsroom').service('importer');
    const copy = [
      'JAKARTA (Reuters) - Heavy rain flooded parts of the capital on Monday.',
      '"We are moving residents to higher ground," said Governor Budi Santoso.',
      'Read also: North Korea Ratifies Treaty',
      'Water levels fell by evening.',
    ].join('\n');
    const result = await importer.importStory(
      copy,
      { title: 'Heavy Rain Floods Jakarta', translationOf: floods.slug },
      { locale: 'en' }
    );
    expect(result.documentId).toBe(floods.documentId);
    const en = await app.request(`/api/newsroom/articles/${result.slug}`);
    expect(en.status).toBe(200);
    expect(en.body.data.locale).toBe('en');
    expect(
      en.body.data.body.map((b: any) => (b.type === 'paragraph' ? b.text : `→ ${b.target?.slug}`))
    ).toEqual([
      'Heavy rain flooded parts of the capital on Monday.',
      '"We are moving residents to higher ground," said Governor Budi Santoso.',
      `→ ${treatyEn.slug}`,
      'Water levels fell by evening.',
    ]);
    // The quote's words, for an editor to credit: the parser credits nobody in English.
    const [quote] = await docs(QUOTE).findMany({
      locale: 'en',
      status: 'draft',
      filters: { article: { documentId: floods.documentId } },
    });
    expect([quote.text, quote.suggestedSpeaker, quote.needsReview]).toEqual([
      'We are moving residents to higher ground,',
      null,
      true,
    ]);
    // The Indonesian version is as it was: no link, its own words.
    const id = await app.request(`/api/newsroom/articles/${floods.slug}`);
    expect(id.body.data.body.map((b: any) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(id.body.data.translations.map((t: any) => t.slug)).toEqual([result.slug]);

    // Again, corrected and retitled: the same version is updated, nothing doubled.
    const again = await importer.importStory(
      copy.replace('by evening', 'by late evening'),
      { title: 'Heavy Rain Floods the Capital', translationOf: floods.documentId },
      { locale: 'en' }
    );
    expect([again.documentId, again.created]).toEqual([floods.documentId, false]);
    expect(
      await app.strapi.db.query(LINK).count({
        where: {
          locale: 'en',
          sourceArticle: { documentId: floods.documentId },
          publishedAt: { $notNull: true },
        },
      })
    ).toBe(1);
    // A locale the newsroom does not have is refused, naming the field.
    await expect(
      importer.importStory(copy, { title: 'X' }, { locale: 'fr' })
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['locale'] })] },
    });
  });

  it('marks translations in the render and in JSON-LD', async () => {
    const en = await app.request(`/api/newsroom/articles/${treatyEn.slug}`);
    expect(en.body.data.locale).toBe('en');
    expect(en.body.data.translations.map((t: any) => [t.locale, t.slug])).toEqual([
      ['id', treatyId.slug],
    ]);
    const ldEn = await app.request(`/api/newsroom/articles/${treatyEn.slug}/jsonld`);
    expect(ldEn.body.inLanguage).toBe('en');
    expect(ldEn.body.translationOfWork.url).toBe(`https://www.example.id/berita/${treatyId.slug}`);
    const ldId = await app.request(`/api/newsroom/articles/${treatyId.slug}/jsonld`);
    expect(ldId.body.inLanguage).toBe('id');
    expect(ldId.body.workTranslation.map((w: any) => w.inLanguage)).toEqual(['en']);
  });

  it('gives each locale its sitemaps, with hreflang alternates between translations', async () => {
    const index = await app.request('/api/newsroom/sitemaps/index.xml');
    expect(index.body).toContain('/api/newsroom/sitemaps/articles-1.xml?locale=id');
    expect(index.body).toContain('/api/newsroom/sitemaps/articles-1.xml?locale=en');
    const en = await app.request('/api/newsroom/sitemaps/articles-1.xml?locale=en');
    expect(en.body).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(en.body).toContain(`<loc>https://www.example.id/berita/${treatyEn.slug}</loc>`);
    expect(en.body).not.toContain(`<loc>https://www.example.id/berita/${treatyId.slug}</loc>`);
    expect(en.body).toContain(
      `<xhtml:link rel="alternate" hreflang="id" href="https://www.example.id/berita/${treatyId.slug}"/>`
    );
    const idPage = await app.request('/api/newsroom/sitemaps/articles-1.xml');
    expect(idPage.body).toContain(`<loc>https://www.example.id/berita/${treatyId.slug}</loc>`);
    expect(idPage.body).not.toContain(`<loc>https://www.example.id/berita/${treatyEn.slug}</loc>`);
    const news = await app.request('/api/newsroom/sitemaps/news.xml?locale=en');
    expect(news.body).toContain('<news:language>en</news:language>');
    expect(news.body).not.toContain(treatyId.slug + '</loc>');
  });

  it('refuses a cross-language link through GraphQL too', async () => {
    const token = await apiToken(app, 'full-access');
    const indonesianOnly = await story('id', 'Kabut Asap', ['Kabut asap menebal.']);
    const before = await app.strapi.db.query(LINK).count({});
    const response = await app.request('/graphql', {
      method: 'POST',
      headers: token,
      body: {
        query: `mutation { createNewsroomRelatedLink(locale: "en", data: { sourceArticle: "${treatyEn.documentId}", targetArticle: "${indonesianOnly.documentId}", afterParagraphId: "${treatyEn.body[0].id}" }) { documentId } }`,
      },
    });
    expect(JSON.stringify(response.body.errors ?? null)).toMatch(
      /stays in its language|targetArticle/
    );
    expect(await app.strapi.db.query(LINK).count({})).toBe(before);
  });
  it("opens the Preview button's draft in the locale being edited", async () => {
    await docs(ARTICLE).update({
      documentId: treatyId.documentId,
      locale: 'en',
      data: { title: 'North Korea Ratifies Treaty (draft)' },
    });
    const preview = app.strapi.plugin('newsroom').service('preview');
    const url = new URL(
      await preview.url(
        ARTICLE,
        { documentId: treatyId.documentId, locale: 'en', status: 'draft' },
        { origin: 'https://www.example.id' }
      )
    );
    expect(url.searchParams.get('locale')).toBe('en');
    const draft = await app.request(
      `/api/newsroom/preview?token=${encodeURIComponent(url.searchParams.get('preview')!)}`
    );
    expect(draft.status).toBe(200);
    expect(draft.body.data.title).toBe('North Korea Ratifies Treaty (draft)');
    expect(draft.body.data.locale).toBe('en');
    // Readers still get the published English title.
    const live = await app.request(`/api/newsroom/articles/${treatyEn.slug}`);
    expect(live.body.data.title).toBe('North Korea Ratifies Treaty');
  });
  it('renders the English version in GraphQL when the English version is asked for', async () => {
    const response = await app.request('/graphql', {
      method: 'POST',
      body: {
        query: `{ newsroomArticles(locale: "en", filters: { slug: { eq: "${treatyEn.slug}" } }) { title renderedBody } }`,
      },
    });
    expect(response.body.errors).toBeUndefined();
    const [article] = response.body.data.newsroomArticles;
    expect(article.title).toBe('North Korea Ratifies Treaty');
    expect(
      article.renderedBody.filter((b: any) => b.type === 'baca-juga').map((b: any) => b.target.slug)
    ).toEqual([summitEn.slug]);
  });
  it("counts each version's readers apart: a view names the version read", async () => {
    const events = app.strapi.plugin('newsroom').service('readerEvents');
    const [linkEn] = await app.strapi.db.query(LINK).findMany({
      where: {
        sourceArticle: { documentId: treatyId.documentId },
        locale: 'en',
        publishedAt: { $notNull: true },
      },
      select: ['documentId'],
    });
    const sent = await app.request('/api/newsroom/events', {
      method: 'POST',
      body: {
        events: [
          { type: 'view', article: treatyId.documentId, locale: 'en' },
          { type: 'view', article: treatyId.documentId, locale: 'en' },
          { type: 'click', link: linkEn.documentId },
          { type: 'view', article: treatyId.documentId },
          { type: 'view', article: treatyId.documentId, locale: 'id' },
          { type: 'view', article: treatyId.documentId, locale: 'id' },
        ],
      },
    });
    expect(sent.status).toBeLessThan(300);
    await events.flush();
    const stats = async (locale: string) =>
      (
        await app.request(`/newsroom/articles/${treatyId.documentId}/link-stats?locale=${locale}`, {
          headers,
        })
      ).body.data;
    const en = await stats('en');
    expect(en.views.total).toBe(2);
    expect(en.links.map((l: any) => [l.link, l.clicks.total])).toEqual([[linkEn.documentId, 1]]);
    const id = await stats('id');
    // A view without a locale is the default locale's.
    expect(id.views.total).toBe(3);
    expect(id.links.every((l: any) => l.link !== linkEn.documentId)).toBe(true);
  });
});
