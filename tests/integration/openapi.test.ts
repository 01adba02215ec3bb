import fs from 'node:fs';
import { startStrapi, type TestApp } from './helpers/strapi';

const SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
describe('explore', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });
  it('dumps', async () => {
    const out: Record<string, unknown> = {};
    const svc = app.strapi.service('admin::api-token') as any;
    const full = await svc.create({
      name: 'x',
      type: 'full-access',
      lifespan: null,
      description: '',
    });
    const ro = await svc.create({ name: 'y', type: 'read-only', lifespan: null, description: '' });
    const auth = { authorization: `Bearer ${full.accessKey}` };
    const roauth = { authorization: `Bearer ${ro.accessKey}` };
    const docs = (uid: string) => app.strapi.documents(uid as any) as any;
    const a = await docs('plugin::newsroom.article').create({
      data: { title: 'Draf Tanpa Tanggal', body: ['Satu.'] },
    });
    const seeded = await docs('plugin::newsroom.article').findFirst({
      filters: { slug: SLUG },
      status: 'published',
    });
    const l = await docs('plugin::newsroom.related-link').create({
      data: {
        sourceArticle: seeded.documentId,
        url: 'javascript:alert(1)',
        label: '<b>x</b>',
        afterParagraphId: 'start',
      },
    });
    await docs('plugin::newsroom.related-link').publish({ documentId: l.documentId });
    const paths: [string, Record<string, string>?][] = [
      ['/api/newsroom/articles/draf-tanpa-tanggal/jsonld?status=draft', auth],
      ['/api/newsroom/articles/draf-tanpa-tanggal/preview', roauth],
      ['/api/newsroom/articles?status=draft', auth],
      ['/api/newsroom/articles?status=published'],
      ['/api/newsroom/articles?page=2&pageSize=1&sort=title'],
      [`/api/newsroom/articles/${SLUG}`],
      ['/api/newsroom/articles/x', { authorization: 'Bearer nope' }],
      [`/api/newsroom/articles/as-serukan-hal-mencekam-ini-ke-rusia`],
    ];
    for (const [p, h] of paths) {
      const r = await app.request(p, { headers: h });
      out[p + (h ? ' (token)' : '')] = {
        status: r.status,
        etag: r.headers.get('etag'),
        body: r.body,
      };
    }
    const r1 = await app.request('/api/newsroom/articles');
    const r2 = await fetch(app.baseUrl + '/api/newsroom/articles', {
      headers: { 'if-none-match': r1.headers.get('etag') as string },
    });
    out['304'] = {
      status: r2.status,
      headers: Object.fromEntries(r2.headers.entries()),
      text: await r2.text(),
    };
    fs.writeFileSync('/tmp/explore2.json', JSON.stringify(out, null, 1));
  });
});
