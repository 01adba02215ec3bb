/**
 * The Baca Juga and quote rules hold on every write entry point: the content manager's own
 * API (what the admin's edit views send) and direct Document Service calls. Each violation is
 * a 400 (or a ValidationError) naming the field, and nothing is written.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE, newsroom } from './helpers/newsroom';

describe(`link and quote rules on every entry point (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  let source: any;
  let target: any;
  let other: any;

  const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
  const counts = async () => ({
    links: await app.strapi.db.query(LINK).count({}),
    quotes: await app.strapi.db.query(QUOTE).count({}),
  });

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
    const n = newsroom(app.strapi);
    source = await n.createArticle({ title: 'Sumber Aturan', paragraphs: ['Satu.', 'Dua.'] });
    target = await n.createArticle({ title: 'Target Aturan' });
    other = await n.createArticle({ title: 'Lain Aturan', paragraphs: ['Lain.'] });
    await n.addLink(source, target, { after: 0 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  let serial = 0;
  // A fresh url each time, so only the rule under test can refuse the link.
  const good = () => ({
    sourceArticle: source.documentId,
    url: `https://www.antaranews.com/berita/${(serial += 1)}`,
    label: 'Antara',
    afterParagraphId: source.body[1].id,
  });

  const linkCases: [string, () => Record<string, unknown>, string, RegExp][] = [
    ['a javascript: url', () => ({ ...good(), url: 'javascript:alert(1)' }), 'url', /http\(s\)/],
    [
      'a mixed-case javascript: url',
      () => ({ ...good(), url: 'JavaScript:alert(1)' }),
      'url',
      /http/,
    ],
    [
      'a data: url',
      () => ({ ...good(), url: 'data:text/html;base64,PHNjcmlwdD4=' }),
      'url',
      /http/,
    ],
    ['a vbscript: url', () => ({ ...good(), url: 'vbscript:msgbox(1)' }), 'url', /http/],
    ['a protocol-relative url', () => ({ ...good(), url: '//evil.example/x' }), 'url', /http/],
    ['a url with a tab', () => ({ ...good(), url: 'java\tscript:alert(1)' }), 'url', /http/],
    // Refused before the write on every database: PostgreSQL cannot store a NUL at all.
    ['a url with a NUL', () => ({ ...good(), url: 'https://a.example/\u0000' }), 'url', /NUL/],
    [
      'both a target and a url',
      () => ({ ...good(), targetArticle: target.documentId }),
      'url',
      /either/,
    ],
    ['neither a target nor a url', () => ({ ...good(), url: null }), 'targetArticle', /needs/],
    [
      'a link to itself',
      () => ({ ...good(), url: null, targetArticle: source.documentId }),
      'targetArticle',
      /itself/,
    ],
    [
      'a second link to the same target',
      () => ({ ...good(), url: null, targetArticle: target.documentId }),
      'targetArticle',
      /already links there/,
    ],
    [
      'an unknown target',
      () => ({ ...good(), url: null, targetArticle: 'abcdefghijklmnopqrstuvwx' }),
      'targetArticle',
      /no article/,
    ],
    [
      "an anchor from another article's body",
      () => ({ ...good(), afterParagraphId: other.body[0].id }),
      'afterParagraphId',
      /not a paragraph/,
    ],
    [
      'a missing anchor',
      () => ({ ...good(), afterParagraphId: undefined }),
      'afterParagraphId',
      /not a paragraph/,
    ],
    ['a 10,000-character label', () => ({ ...good(), label: 'x'.repeat(10_000) }), 'label', /200/],
    ['a label with a newline', () => ({ ...good(), label: 'a\nb' }), 'label', /one line/],
    ['no source article', () => ({ ...good(), sourceArticle: null }), 'sourceArticle', /belongs/],
  ];

  describe('related links through the content manager API', () => {
    it.each(linkCases)('refuses %s', async (_name, data, field, message) => {
      const before = await counts();
      const response = await app.request(cm(LINK), { method: 'POST', body: data(), headers });
      expect(response.status).toBe(400);
      // The message starts with the field: ours ("label: ..."), or Strapi's own schema
      // validation where it refuses first ("label must be at most 200 characters").
      expect(response.body.error.message).toMatch(new RegExp(`^${field}[: ]`));
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(await counts()).toEqual(before);
    });

    it('accepts a good link in the shape the content manager sends relations', async () => {
      const response = await app.request(cm(LINK), {
        method: 'POST',
        headers,
        body: {
          ...good(),
          sourceArticle: { connect: [{ documentId: source.documentId }], disconnect: [] },
          label: '  Antara  ',
        },
      });
      expect(response.status).toBe(201);
      expect(response.body.data.label).toBe('Antara');
    });

    it('refuses an update that breaks a rule, and keeps the link as it was', async () => {
      const link = await app.strapi
        .documents(LINK as any)
        .findFirst({ filters: { url: { $notNull: true } }, status: 'draft' } as any);
      const response = await app.request(`${cm(LINK)}/${link!.documentId}`, {
        method: 'PUT',
        headers,
        body: { url: 'javascript:alert(document.cookie)' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^url: /);
      const after = await app.strapi
        .documents(LINK as any)
        .findOne({ documentId: link!.documentId, status: 'draft' } as any);
      expect((after as any).url).toBe((link as any).url);
    });

    it('refuses moving a link onto a target its article already has', async () => {
      const link = await app.strapi
        .documents(LINK as any)
        .findFirst({ filters: { url: { $notNull: true } }, status: 'draft' } as any);
      const response = await app.request(`${cm(LINK)}/${link!.documentId}`, {
        method: 'PUT',
        headers,
        body: {
          url: null,
          targetArticle: { connect: [{ documentId: target.documentId }], disconnect: [] },
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^targetArticle: .*already links there/);
    });
  });

  describe('direct Document Service calls', () => {
    it.each(linkCases)('refuse %s', async (_name, data, field) => {
      const before = await counts();
      const error = await app.strapi
        .documents(LINK as any)
        .create({ data: data() } as any)
        .then(
          () => null,
          (e: any) => e
        );
      // Every problem of the write is listed; the first is the one under test.
      expect(error).toMatchObject({ name: 'ValidationError' });
      expect(error.details.errors[0].path).toEqual([field]);
      expect(await counts()).toEqual(before);
    });

    it('hold the configured maximum of links per article', async () => {
      const n = newsroom(app.strapi);
      const full = await n.createArticle({ title: 'Penuh Tautan', paragraphs: ['Satu.'] });
      for (let i = 0; i < 10; i += 1) {
        await app.strapi.documents(LINK as any).create({
          data: {
            sourceArticle: full.documentId,
            url: `/berita/${i}`,
            afterParagraphId: full.body[0].id,
          },
        } as any);
      }
      await expect(
        app.strapi.documents(LINK as any).create({
          data: {
            sourceArticle: full.documentId,
            url: '/berita/11',
            afterParagraphId: full.body[0].id,
          },
        } as any)
      ).rejects.toMatchObject({ message: expect.stringMatching(/^sourceArticle: at most 10 /) });
    });
  });

  describe('quotes', () => {
    const goodQuote = () => ({
      article: source.documentId,
      text: 'Perjanjian berlaku efektif.',
      kind: 'full',
      paragraphId: source.body[0].id,
    });
    const quoteCases: [string, () => Record<string, unknown>, string][] = [
      ['empty text', () => ({ ...goodQuote(), text: '   ' }), 'text'],
      ['text over 2,000 characters', () => ({ ...goodQuote(), text: 'x'.repeat(2001) }), 'text'],
      ['no text', () => ({ ...goodQuote(), text: undefined }), 'text'],
      [
        'a paragraph of another article',
        () => ({ ...goodQuote(), paragraphId: other.body[0].id }),
        'paragraphId',
      ],
      ['no article', () => ({ ...goodQuote(), article: null }), 'article'],
    ];

    it.each(quoteCases)('refuses %s through the content manager', async (_name, data, field) => {
      const before = await counts();
      const response = await app.request(cm(QUOTE), { method: 'POST', body: data(), headers });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(new RegExp(`^${field}[: ]`));
      expect(await counts()).toEqual(before);
    });

    // a draft quote is not served: serving it as text is checked on a published one below
    it('stores markup in a quote as the text it was sent', async () => {
      const words = '<script>alert(1)</script><img src=x onerror=alert(1)>';
      const created = await app.request(cm(QUOTE), {
        method: 'POST',
        headers,
        body: { ...goodQuote(), text: words },
      });
      expect(created.status).toBe(201);
      expect(created.body.data.text).toBe(words);
    });
  });

  it('keeps markup in labels, quotes and paragraphs as text, and serves it as text', async () => {
    const markup = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const n = newsroom(app.strapi);
    const story = await n.createArticle({
      title: 'Cerita Markup',
      paragraphs: [`Paragraf ${markup}`],
    });
    const link = await app.strapi.documents(LINK as any).create({
      data: {
        sourceArticle: story.documentId,
        url: '/berita/aman',
        label: `Label ${markup}`,
        afterParagraphId: story.body[0].id,
      },
    } as any);
    await app.strapi.documents(LINK as any).publish({ documentId: link.documentId } as any);
    await n.addQuote(story, `Kata ${markup}`);
    const response = await fetch(`${app.baseUrl}/api/newsroom/articles/${story.slug}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { data } = (await response.json()) as { data: any };
    expect(data.body.map((b: any) => b.text ?? b.label)).toEqual([
      `Paragraf ${markup}`,
      `Label ${markup}`,
    ]);
    expect(data.quotes.map((q: any) => q.text)).toEqual([`Kata ${markup}`]);
  });

  it('still lets the article be edited and published through the content manager', async () => {
    const response = await app.request(`${cm(ARTICLE)}/${source.documentId}/actions/publish`, {
      method: 'POST',
      headers,
      body: {},
    });
    expect(response.status).toBe(200);
  });
});
