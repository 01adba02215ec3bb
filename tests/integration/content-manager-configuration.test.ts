/**
 * The content manager's views of the plugin's types (content-manager/configuration): words for
 * every field, a Quote list that shows the story and filters on the speaker to check, and an
 * admin's own configuration kept across a restart. Read and written through the content
 * manager's admin API, as its "Configure the view" page does.
 */
import {
  adminToken,
  prepareDatabase,
  startStrapi,
  stopStrapi,
  type TestApp,
} from './helpers/strapi';
import { ARTICLE, LINK, QUOTE } from './helpers/newsroom';

jest.setTimeout(180_000);

let app: TestApp;
let database: Awaited<ReturnType<typeof prepareDatabase>>;
let auth: Record<string, string>;
beforeAll(async () => {
  // Prepared here so that a test can restart Strapi on the same database.
  database = await prepareDatabase();
  app = await startStrapi({ database });
  auth = { authorization: `Bearer ${await adminToken(app)}` };
});
afterAll(async () => {
  await app?.stop();
});

const configurationUrl = (uid: string) => `/content-manager/content-types/${uid}/configuration`;
const configuration = async (uid: string) => {
  const response = await app.request(configurationUrl(uid), { headers: auth });
  expect(response.status).toBe(200);
  return response.body.data.contentType;
};

/** Strapi's own fields keep Strapi's labels; the plugin's are its words. */
const STRAPI_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
]);

test.each([ARTICLE, QUOTE, LINK])('every field of %s is labelled in words', async (uid) => {
  const { metadatas } = await configuration(uid);
  const own = Object.keys(metadatas).filter((name) => !STRAPI_FIELDS.has(name));
  expect(own.length).toBeGreaterThan(5);
  for (const name of own) {
    for (const label of [metadatas[name].edit.label, metadatas[name].list.label]) {
      expect({ name, label }).toEqual({ name, label: expect.not.stringMatching(/[a-z][A-Z]/) });
      expect(label).not.toBe(name);
    }
  }
  const wire = await configuration(ARTICLE);
  expect(wire.metadatas.wireSource.edit.label).toBe('Wire source');
});

test('the Quote list shows its story by title and whether its speaker is to be checked', async () => {
  const quote = await configuration(QUOTE);
  expect(quote.layouts.list).toEqual(expect.arrayContaining(['article', 'needsReview']));
  // The column (and the filter) read the relation's main field: the story's title.
  expect(quote.metadatas.article.list.mainField).toBe('title');
  expect(quote.settings.filterable).toBe(true);

  // The list's own request with the filter the view builds: only quotes to check, each with
  // its story's title (the seeded story flags two of its seven).
  const qs = 'page=1&pageSize=50&filters[$and][0][needsReview][$eq]=true';
  const flagged = await app.request(`/content-manager/collection-types/${QUOTE}?${qs}`, {
    headers: auth,
  });
  expect(flagged.status).toBe(200);
  expect(flagged.body.results.length).toBeGreaterThan(0);
  for (const row of flagged.body.results) {
    expect(row.needsReview).toBe(true);
    expect(row.article.title).toEqual(expect.any(String));
  }
  const all = await app.request(`/content-manager/collection-types/${QUOTE}?page=1&pageSize=50`, {
    headers: auth,
  });
  expect(all.body.results.length).toBeGreaterThan(flagged.body.results.length);

  // Filtered by its story's title, as the filter on the relation sends it.
  const title = flagged.body.results[0].article.title as string;
  const byStory = await app.request(
    `/content-manager/collection-types/${QUOTE}?page=1&pageSize=50&filters[$and][0][article][title][$eq]=${encodeURIComponent(title)}`,
    { headers: auth }
  );
  expect(byStory.status).toBe(200);
  expect(byStory.body.results.length).toBe(all.body.results.length);
});

test('a configuration an admin changed survives a restart', async () => {
  const quote = await configuration(QUOTE);
  const customised = {
    settings: quote.settings,
    layouts: { ...quote.layouts, list: ['id', 'speaker', 'text'] },
    metadatas: {
      ...quote.metadatas,
      speaker: {
        edit: { ...quote.metadatas.speaker.edit, label: 'Narasumber', description: '' },
        list: { ...quote.metadatas.speaker.list, label: 'Narasumber' },
      },
    },
  };
  // The content manager answers with list.mainField added; it does not take it back.
  for (const meta of Object.values(customised.metadatas) as { list: object }[]) {
    delete (meta.list as { mainField?: string }).mainField;
  }
  const saved = await app.request(configurationUrl(QUOTE), {
    method: 'PUT',
    headers: auth,
    body: customised,
  });
  expect(saved.status).toBe(200);

  await stopStrapi(app.strapi);
  app = await startStrapi({ database });
  auth = { authorization: `Bearer ${await adminToken(app)}` };

  const after = await configuration(QUOTE);
  expect(after.layouts.list).toEqual(['id', 'speaker', 'text']);
  expect(after.metadatas.speaker.edit.label).toBe('Narasumber');
  expect(after.metadatas.speaker.edit.description).toBe('');
  expect(after.metadatas.speaker.list.label).toBe('Narasumber');
  // What the admin left alone still has the plugin's words.
  expect(after.metadatas.relayedBy.edit.label).toBe('Relayed by');
});
