/**
 * Publishing many stories in one transaction, as Strapi's release runner does (serial
 * `publish` calls inside one `strapi.db.transaction`), tested as a pattern without the
 * licensed Releases feature: a story and the new story its Baca Juga link points at go live
 * together whichever is published first, and a story the checks refuse is named in the error.
 */
import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';

describe(`publishing several stories in one transaction (${DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const docs = () => app.strapi.documents(ARTICLE as any) as any;
  const inOneTransaction = (work: () => Promise<void>) =>
    app.strapi.db.transaction(async () => {
      await work();
    });
  const bacaJuga = async (slug: string) => {
    const { status, body } = await app.request(`/api/newsroom/articles/${slug}`);
    expect(status).toBe(200);
    return body.data.body.filter((block: any) => block.type === 'baca-juga');
  };

  /** A new story and a new target it links to, both drafts never published. */
  const pair = async (name: string) => {
    const n = newsroom(app.strapi);
    const target = await n.createArticle({
      title: `Target ${name}`,
      paragraphs: ['Isi target.'],
      publish: false,
    });
    const story = await n.createArticle({
      title: `Story ${name}`,
      paragraphs: ['Satu.', 'Dua.'],
      publish: false,
    });
    await n.addLink(story, target, { publish: false });
    return { story, target };
  };

  it.each([
    ['the target first', true],
    ['the story first', false],
  ])('a story and its new link target go live together, %s', async (label, targetFirst) => {
    const { story, target } = await pair(label.replace(/\s/g, '-'));
    const order = targetFirst ? [target, story] : [story, target];
    await inOneTransaction(async () => {
      for (const article of order) await docs().publish({ documentId: article.documentId });
    });
    const links = await bacaJuga(story.slug);
    expect(links).toHaveLength(1);
    expect(links[0].target.documentId).toBe(target.documentId);
    expect(links[0].href).toBe(`/berita/${target.slug}`);
    expect((await bacaJuga(target.slug)).length).toBe(0);
  });

  it('a story the checks refuse is named in the error, and nothing of the batch goes live', async () => {
    const n = newsroom(app.strapi);
    const fine = await n.createArticle({ title: 'Cerita Lengkap', publish: false });
    const empty = await n.createArticle({
      title: 'Cerita Kosong',
      paragraphs: ['Belum ada isi.'],
      publish: false,
    });
    await n.update(ARTICLE, empty.documentId, { body: [] });
    const error = await inOneTransaction(async () => {
      await docs().publish({ documentId: fine.documentId });
      await docs().publish({ documentId: empty.documentId });
    }).then(
      () => null,
      (e: any) => e
    );
    expect(error?.name).toBe('ValidationError');
    expect(error.message).toBe(
      '"Cerita Kosong": body: a story needs at least one paragraph before it is published'
    );
    expect(error.details.documentId).toBe(empty.documentId);
    expect(error.details.errors[0].path).toEqual(['body']);
    // One transaction: the story that passed its checks is not live either.
    for (const article of [fine, empty]) {
      const live = await docs().findOne({ documentId: article.documentId, status: 'published' });
      expect(live).toBeNull();
    }
    // The same story published on its own is refused with the same error.
    const alone = await docs()
      .publish({ documentId: empty.documentId })
      .then(
        () => null,
        (e: any) => e
      );
    expect(alone?.message).toBe(error.message);
  });
});
