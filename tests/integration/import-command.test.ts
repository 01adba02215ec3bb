/**
 * `strapi-newsroom import`, the command a Strapi app that installed the plugin runs (the
 * package's bin): it loads the app from its directory (here the playground, from the dist/
 * its build made: nothing is rebuilt), imports with progress on stderr and a JSON result per
 * file on stdout, and fills a placeholder in place when its copy arrives.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ARTICLE, LINK, QUOTE, newsroom, unchangedPlacement } from './helpers/newsroom';
import {
  DB,
  PLAYGROUND,
  adminToken,
  freshSecrets,
  prepareDatabase,
  startStrapi,
  type TestApp,
} from './helpers/strapi';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../bin/strapi-newsroom.js');

describe(`strapi-newsroom import in an app (${DB})`, () => {
  let database: Awaited<ReturnType<typeof prepareDatabase>>;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let app: TestApp | undefined;

  const cli = async (...args: string[]) => {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: PLAYGROUND,
      env,
    });
    return {
      results: stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
      progress: stderr,
    };
  };

  beforeAll(async () => {
    database = await prepareDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'));
    env = {
      ...process.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      NODE_ENV: 'test',
      ...freshSecrets(),
      NEWSROOM_SKIP_SEED: 'true',
      ...database.env,
    };
    fs.writeFileSync(
      path.join(dir, 'banjir.txt'),
      [
        'SEMARANG, suaramerdeka.com - Banjir merendam tiga kecamatan di Kota Semarang.',
        '"Kami sudah mengerahkan 40 pompa," kata Kepala BPBD Kota Semarang Endro Wibisono.',
        'Baca Juga: Pompa Air Kaligawe Rusak Lagi',
        'Warga diminta waspada hingga akhir pekan.',
      ].join('\n')
    );
    fs.writeFileSync(
      path.join(dir, 'pompa.txt'),
      'SEMARANG, suaramerdeka.com - Dua dari tiga pompa di Kaligawe kembali rusak.'
    );
  });
  afterAll(async () => {
    await app?.stop(); // drops the database too
    if (!app) await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a story with progress, then fills its placeholder in place', async () => {
    const first = await cli(
      'import',
      path.join(dir, 'banjir.txt'),
      '--title',
      'Banjir Rendam Semarang',
      '--json'
    );
    expect(first.results).toEqual([
      expect.objectContaining({
        created: true,
        slug: 'banjir-rendam-semarang',
        paragraphs: 3,
        links: 1,
        quotes: 1,
        placeholdersCreated: 1,
      }),
    ]);
    expect(first.progress).toMatch(/\[import\] 1\/1 /);
    expect(first.progress).toMatch(/parsed 3 paragraphs, 1 Baca Juga links, 1 quotes/);
    expect(first.progress).toMatch(/created banjir-rendam-semarang/);

    // The placeholder's copy, its title written differently.
    const second = await cli(
      'import',
      path.join(dir, 'pompa.txt'),
      '--title',
      'Pompa air Kaligawe rusak lagi',
      '--slug',
      'pompa-kaligawe-rusak',
      '--json'
    );
    expect(second.results).toEqual([
      expect.objectContaining({
        created: false,
        slug: 'pompa-kaligawe-rusak',
        placeholdersCreated: 0,
      }),
    ]);

    app = await startStrapi({ database, seed: false });
    const story = await app.request('/api/newsroom/articles/banjir-rendam-semarang');
    expect(story.status).toBe(200);
    const [link] = story.body.data.body.filter((b: any) => b.type === 'baca-juga');
    expect(link).toMatchObject({
      label: 'Pompa Air Kaligawe Rusak Lagi',
      href: '/berita/pompa-kaligawe-rusak',
      awaitingCopy: false,
      target: { documentId: second.results[0].documentId },
    });
    // The importer only suggests who spoke: readers get no speaker until an editor confirms
    // one (#shared/quote-credit), and the suggestion waits for them, private.
    const [quote] = story.body.data.quotes;
    expect(quote).toMatchObject({ speaker: null, speakerRole: null });
    expect(quote).not.toHaveProperty('suggestedSpeaker');
    const rows = await app.strapi.db
      .query(QUOTE)
      .findMany({ where: { text: quote.text }, select: ['suggestedSpeaker', 'publishedAt'] });
    expect(rows.map((r: any) => r.suggestedSpeaker)).toEqual(['Endro Wibisono', 'Endro Wibisono']);
  });

  /**
   * Issue 26, item 6: a corrected copy re-sent by the wire, re-imported after editors worked
   * on the story. Their links (an added one, a retarget, an external link, a finished position
   * test), a confirmed speaker and the links' clicks all survive; the command says, link by
   * link and quote by quote, what it did; only --replace-links lets the copy's lines win.
   */
  it("a re-import of a corrected story keeps the editors' links, speakers and clicks", async () => {
    const strapi = app!.strapi;
    const admin = { authorization: `Bearer ${await adminToken(app!)}` };
    const n = newsroom(strapi);
    const gate = await n.createArticle({ title: 'Pintu Air Manggarai Siaga Satu' });
    const posko = await n.createArticle({ title: 'Posko Pengungsian Dibuka di Kampung Melayu' });
    const sayur = await n.createArticle({ title: 'Harga Sayur Naik Usai Banjir' });
    const copy = (boats: string) =>
      [
        'JAKARTA, kompas.id - Banjir merendam lima kelurahan di Jakarta Timur sejak Senin pagi.',
        '"Air mulai naik pukul empat pagi," kata Lurah Kampung Melayu Siti Aminah.',
        'Baca Juga: Pintu Air Manggarai Siaga Satu',
        `Petugas mengerahkan ${boats} perahu karet untuk mengevakuasi warga lanjut usia dari rumah mereka.`,
        'Baca Juga: Warga Bidara Cina Mengungsi ke Masjid',
        '"Kami sudah menyiapkan dapur umum di tiga titik," ujar Kepala BPBD DKI Jakarta Isnawa Adji.',
        'Genangan diperkirakan surut dalam dua hari jika hujan tidak turun lagi.',
      ].join('\n');
    const file = path.join(dir, 'banjir-jaktim.txt');
    fs.writeFileSync(file, copy('dua belas'));
    const meta = { title: 'Banjir Rendam Lima Kelurahan di Jakarta Timur', slug: 'banjir-jaktim' };
    const importer = strapi.plugin('newsroom').service('importer');
    const first = await importer.importStory(copy('dua belas'), meta);
    const story = first.documentId as string;
    const url = `/newsroom/articles/${story}/placement`;
    const placement = async () => (await app!.request(url, { headers: admin })).body.data;
    const save = async (body: unknown) => {
      const saved = await app!.request(url, { method: 'PUT', body, headers: admin });
      expect(saved.status).toBe(200);
      return saved.body.data;
    };

    // The editor's work in the manager.
    let placed = await placement();
    const [p1, , p3, , p5] = placed.paragraphs.map((p: any) => p.id);
    const body = unchangedPlacement(placed);
    const bidara = body.links.find((l: any) => /Bidara/.test(l.label));
    Object.assign(bidara, { targetDocumentId: posko.documentId, label: null }); // retarget
    body.links.push(
      { targetDocumentId: sayur.documentId, afterParagraphId: p1 },
      { url: 'https://www.example-news.id/peta-banjir', label: 'Peta banjir', afterParagraphId: p5 }
    );
    placed = await save(body);
    const gateLink = placed.links.find((l: any) => l.targetArticle?.title === gate.title);
    const testing = unchangedPlacement(placed);
    testing.links.find((l: any) => l.documentId === gateLink.documentId).variantAfterParagraphId =
      p3;
    placed = await save(testing);
    const ended = unchangedPlacement(placed);
    ended.links.find((l: any) => l.documentId === gateLink.documentId).variantAfterParagraphId =
      null; // the test ends: its first slot stays
    await save(ended);
    const edited = await placement();
    const linksBefore = edited.links.map((l: any) => [
      l.documentId,
      l.targetArticle?.title ?? l.url,
      l.afterParagraphId,
    ]);
    expect(linksBefore).toHaveLength(4);
    const [siti, isnawa] = [...edited.quotes].sort((a: any, b: any) =>
      a.text.localeCompare(b.text)
    );
    // The editor confirms a corrected speaker; the other quote's speaker was typed but not
    // confirmed. No import writes a public speaker: both stay, and only the suggestion follows
    // the copy.
    await n.update(QUOTE, siti.documentId, {
      speaker: 'Siti Aminah Lubis',
      speakerRole: 'Lurah Kampung Melayu',
      speakerConfirmed: true,
    });
    await n.update(QUOTE, isnawa.documentId, { speaker: 'Orang Lain' });
    await n.publish(ARTICLE, story);

    // Readers click the links.
    const events = strapi.plugin('newsroom').service('readerEvents');
    events.record(
      edited.links.flatMap((l: any, i: number) =>
        Array.from({ length: i + 2 }, () => ({ type: 'click', link: l.documentId, variant: null }))
      )
    );
    await events.flush();
    const clicks = async () =>
      Object.fromEntries(
        (
          await app!.request(`/newsroom/articles/${story}/link-stats`, { headers: admin })
        ).body.data.links.map((l: any) => [l.link, l.clicks.total])
      );
    const clicksBefore = await clicks();
    expect(Object.values(clicksBefore).sort()).toEqual([2, 3, 4, 5]);

    // The wire re-sends the story with one word corrected.
    fs.writeFileSync(file, copy('empat belas'));
    const again = await cli('import', file, '--title', meta.title, '--slug', meta.slug, '--json');
    const [result] = again.results;
    expect(result).toMatchObject({ documentId: story, created: false });
    const after = await placement();
    expect(after.paragraphs.map((p: any) => p.id)).toEqual(edited.paragraphs.map((p: any) => p.id));
    expect(after.paragraphs[2].text).toMatch(/empat belas perahu/);
    expect(
      after.links.map((l: any) => [
        l.documentId,
        l.targetArticle?.title ?? l.url,
        l.afterParagraphId,
      ])
    ).toEqual(linksBefore);
    expect(result.report.links.map((l: any) => [l.action, l.link])).toEqual(
      linksBefore.map(([id]: string[]) => ['kept', id])
    );
    expect(result.report.links.find((l: any) => l.link === bidara.documentId).reason).toMatch(
      /changed by an editor/
    );
    expect(again.progress).toMatch(
      /link kept: "Peta banjir" -> https:\/\/www\.example-news\.id\/peta-banjir/
    );
    expect(again.progress).toMatch(/link kept: .*Posko Pengungsian/);
    const quotes = async () =>
      Object.fromEntries(
        (await placement()).quotes.map((q: any) => [q.documentId, [q.speaker, q.speakerRole]])
      );
    expect(await quotes()).toEqual({
      [siti.documentId]: ['Siti Aminah Lubis', 'Lurah Kampung Melayu'],
      [isnawa.documentId]: ['Orang Lain', null],
    });
    expect((await placement()).quotes.map((q: any) => q.suggestedSpeaker).sort()).toEqual(
      [siti.suggestedSpeaker, isnawa.suggestedSpeaker].sort()
    );
    expect(result.report.quotes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'kept', quote: siti.documentId, confirmed: true }),
        expect.objectContaining({ action: 'kept', quote: isnawa.documentId, confirmed: false }),
      ])
    );
    expect(again.progress).toMatch(/quote kept: "Air mulai naik .*Siti Aminah Lubis.*confirmed/);
    // Clicks stay with the links, which are the same documents, published with the story.
    expect(await clicks()).toEqual(clicksBefore);
    const served = await app!.request('/api/newsroom/articles/banjir-jaktim');
    expect(served.body.data.body.filter((b: any) => b.type === 'baca-juga')).toHaveLength(4);

    // A line new in the copy is added; the lines the editors had already worked on are not.
    // The last paragraph is cut: the link after it moves up, flagged, as on an editor's cut.
    const cut = copy('empat belas').split('\n').slice(0, -1).join('\n');
    const added = await importer.importStory(
      `${cut}\nBaca Juga: Harga Sayur Naik Usai Banjir\nBaca Juga: Tanggul Kali Sunter Jebol`,
      meta
    );
    expect(added.report.links.map((l: any) => [l.action, l.label ?? l.target, l.after])).toEqual([
      ['kept', 'Harga Sayur Naik Usai Banjir', 1],
      ['kept', 'Pintu Air Manggarai Siaga Satu', 2],
      ['kept', 'Posko Pengungsian Dibuka di Kampung Melayu', 3],
      ['moved', 'Peta banjir', 4],
      ['added', 'Tanggul Kali Sunter Jebol', 4],
    ]);
    expect(added.report.links[3]).toMatchObject({
      from: 5,
      reason: expect.stringMatching(/deleted/),
    });
    expect((await placement()).links.find((l: any) => l.url).needsReview).toBe(true);

    // --draft: the draft takes the copy (the cut paragraph back, a new line, the line
    // "Tanggul" gone: its link, the importer's own and untouched, goes with it). Readers keep
    // the published story as it was, less the dropped link, and never see the new one.
    const live = async () => (await app!.request('/api/newsroom/articles/banjir-jaktim')).body.data;
    const liveBefore = await live();
    const drafted = await importer.importStory(
      `${copy('empat belas')}\nBaca Juga: Banjir Bekasi Meluas`,
      meta,
      { publish: false }
    );
    expect(
      drafted.report.links
        .filter((l: any) => l.action !== 'kept')
        .map((l: any) => [l.action, l.label])
    ).toEqual([
      ['dropped', 'Tanggul Kali Sunter Jebol'],
      ['added', 'Banjir Bekasi Meluas'],
    ]);
    const liveAfter = await live();
    expect(liveAfter.body).toEqual(
      liveBefore.body.filter((b: any) => b.label !== 'Tanggul Kali Sunter Jebol')
    );
    expect(liveAfter.quotes).toEqual(liveBefore.quotes);

    // --replace-links: the copy's lines replace the links; a link that leads where a line
    // leads is the same document (its clicks stay); a confirmed speaker is still kept.
    fs.writeFileSync(file, copy('empat belas'));
    const replaced = await cli(
      'import',
      file,
      '--title',
      meta.title,
      '--slug',
      meta.slug,
      '--replace-links',
      '--json'
    );
    const final = await placement();
    expect(final.links.map((l: any) => [l.targetArticle?.title, l.afterParagraphId])).toEqual([
      ['Pintu Air Manggarai Siaga Satu', final.paragraphs[1].id],
      ['Warga Bidara Cina Mengungsi ke Masjid', final.paragraphs[2].id],
    ]);
    expect(final.links[0].documentId).toBe(gateLink.documentId);
    const actions = replaced.results[0].report.links.map((l: any) => l.action).sort();
    expect(actions).toEqual(['added', 'dropped', 'dropped', 'dropped', 'dropped', 'kept']);
    expect(replaced.progress).toMatch(/link dropped: "Peta banjir"/);
    expect((await clicks())[gateLink.documentId]).toBe(clicksBefore[gateLink.documentId]);
    expect((await quotes())[siti.documentId]).toEqual([
      'Siti Aminah Lubis',
      'Lurah Kampung Melayu',
    ]);
    expect(
      await strapi.db.query(LINK).count({ where: { sourceArticle: { documentId: story } } })
    ).toBe(4); // two links, each a draft and a published row
  });

  /**
   * Issue 26, item 6: the corrected copy cuts the two paragraphs that held quotes. The
   * importer's own quote goes with its words and is reported dropped; the one whose speaker an
   * editor confirmed is never lost: it moves beside the paragraph before, reported moved.
   */
  it('a re-import that cuts quoted paragraphs drops the unconfirmed quote, keeps the confirmed', async () => {
    const strapi = app!.strapi;
    const importer = strapi.plugin('newsroom').service('importer');
    const meta = { title: 'Merapi Luncurkan Awan Panas Guguran', slug: 'merapi-awan-panas' };
    const lines = [
      'SLEMAN, krjogja.com - Gunung Merapi meluncurkan awan panas guguran sejauh dua kilometer pada Kamis pagi.',
      '"Jalur evakuasi sudah kami siapkan sejak pekan lalu," kata Camat Cangkringan Suparmono.',
      '"Warga kami minta tidak beraktivitas di alur Kali Gendol," ujar Kepala BPBD Sleman Makwan.',
      'Status Merapi masih Siaga atau level tiga.',
    ];
    const { documentId } = await importer.importStory(lines.join('\n'), meta);
    const stored = async () =>
      (
        await strapi.db.query(QUOTE).findMany({
          where: { article: { documentId } },
          select: [
            'documentId',
            'text',
            'speaker',
            'speakerConfirmed',
            'paragraphId',
            'publishedAt',
          ],
          orderBy: { id: 'asc' },
        })
      ).map(({ id: _id, ...q }: any) => ({ ...q, publishedAt: !!q.publishedAt }));
    const before = await stored();
    const evakuasi = before.find((q: any) => q.text.startsWith('Jalur evakuasi'));
    const warga = before.find((q: any) => q.text.startsWith('Warga kami minta'));
    expect(evakuasi?.speakerConfirmed).toBeFalsy();
    await newsroom(strapi).update(QUOTE, warga.documentId, { speakerConfirmed: true });

    const printed: string[] = [];
    const result = await importer.importStory([lines[0], lines[3]].join('\n'), meta, {
      onProgress: (message: string) => printed.push(message),
    });
    expect(result.report.quotes).toEqual([
      expect.objectContaining({
        action: 'dropped',
        quote: evakuasi.documentId,
        confirmed: false,
        paragraph: 2,
        reason: 'its words are no longer in the copy',
      }),
      expect.objectContaining({
        action: 'moved',
        quote: warga.documentId,
        confirmed: true,
        from: 3,
        paragraph: 1,
        reason: expect.stringMatching(/kept: an editor confirmed its speaker/),
      }),
    ]);
    expect(printed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^quote dropped: "Jalur evakuasi .*paragraph 2 of the old copy/),
        expect.stringMatching(
          /^quote moved: "Warga kami minta .*confirmed\), paragraph 3 of the old copy -> paragraph 1 /
        ),
      ])
    );
    // What is stored: the importer's quote is gone from the draft and the live story; the
    // confirmed one stands in both, beside the first paragraph, its speaker as it was.
    const { body } = await app!.request(`/api/newsroom/articles/${meta.slug}`);
    const first = body.data.body[0];
    expect(first.text).toMatch(/^Gunung Merapi/);
    const expected = { ...warga, speakerConfirmed: true, paragraphId: first.id };
    expect(await stored()).toEqual([
      { ...expected, publishedAt: false },
      { ...expected, publishedAt: true },
    ]);
    expect(body.data.quotes).toEqual([
      expect.objectContaining({ text: warga.text, speaker: warga.speaker, paragraphId: first.id }),
    ]);
  });

  /**
   * Issue 26, item 6: the editors' links and the corrected copy's new Baca Juga lines together
   * exceed the plugin's per-article limit. What is stored stays within it, the report names
   * each line not added, no placeholder is made for a line that got no link, and a later
   * re-import, once there is room, adds those lines.
   */
  it('a re-import keeps within the link limit and says which new lines were not added', async () => {
    const strapi = app!.strapi;
    const importer = strapi.plugin('newsroom').service('importer');
    const max = (strapi.config.get('plugin::newsroom') as any).maxLinksPerArticle as number;
    const meta = { title: 'Banjir Bandang Terjang Kulon Progo', slug: 'banjir-kulon-progo' };
    const copy = (...extra: string[]) =>
      [
        'KULON PROGO, harianjogja.com - Banjir bandang menerjang tiga dusun pada Rabu malam.',
        'Baca Juga: Hujan Deras Diprediksi Turun Sepekan',
        'Warga mengungsi ke balai desa terdekat.',
        'Baca Juga: https://www.example-news.id/peta-banjir-kulon-progo',
        ...extra,
        'Bantuan logistik mulai disalurkan Kamis pagi.',
      ].join('\n');
    const { documentId } = await importer.importStory(copy(), meta);
    const count = async (publishedAt: unknown) =>
      strapi.db.query(LINK).count({ where: { sourceArticle: { documentId }, publishedAt } });
    expect(await count(null)).toBe(2);
    // The editors fill the story up to one link short of the limit.
    const [p1] = (await strapi.db.query(ARTICLE).findOne({ where: { documentId } })).body;
    const editors: string[] = [];
    for (let i = 0; i < max - 3; i++) {
      const link = await strapi.documents(LINK).create({
        data: {
          sourceArticle: documentId,
          url: `https://www.example-news.id/liputan-${i}`,
          label: `Liputan ${i}`,
          afterParagraphId: p1.id,
          position: i + 1,
        } as any,
      });
      editors.push(link.documentId);
    }
    await newsroom(strapi).publish(ARTICLE, documentId);
    expect(await count({ $notNull: true })).toBe(max - 1);

    const lines = [
      'Baca Juga: Posko Kesehatan Dibuka https://www.example-news.id/posko-kulon-progo',
      'Baca Juga: Jembatan Gantung Kali Progo Putus',
      'Baca Juga: Sekolah di Kulon Progo Diliburkan',
    ];
    const printed: string[] = [];
    const result = await importer.importStory(copy(...lines), meta, {
      onProgress: (message: string) => printed.push(message),
    });
    const notKept = (report: any[]) =>
      report.filter((l) => l.action !== 'kept').map((l) => [l.action, l.label, l.reason]);
    const full = `the story has its ${max} links`;
    expect(notKept(result.report.links)).toEqual([
      ['skipped', 'Jembatan Gantung Kali Progo Putus', full],
      ['skipped', 'Sekolah di Kulon Progo Diliburkan', full],
      ['added', 'Posko Kesehatan Dibuka', 'a new Baca Juga line of the copy'],
    ]);
    expect(printed).toEqual(
      expect.arrayContaining([`link skipped: "Jembatan Gantung Kali Progo Putus" (${full})`])
    );
    expect([await count(null), await count({ $notNull: true })]).toEqual([max, max]);
    // A line that got no link leaves no placeholder behind.
    expect(result.placeholdersCreated).toBe(0);
    expect(
      await strapi.db
        .query(ARTICLE)
        .count({ where: { title: { $startsWith: 'Jembatan Gantung' } } })
    ).toBe(0);

    // The editors make room; the next re-import of the copy adds the lines it had to skip.
    for (const link of editors.slice(0, 2))
      await strapi.documents(LINK).delete({ documentId: link });
    const again = await importer.importStory(copy(...lines), meta);
    expect(notKept(again.report.links)).toEqual([
      ['added', 'Jembatan Gantung Kali Progo Putus', 'a new Baca Juga line of the copy'],
      ['added', 'Sekolah di Kulon Progo Diliburkan', 'a new Baca Juga line of the copy'],
    ]);
    expect([await count(null), await count({ $notNull: true })]).toEqual([max, max]);

    // --replace-links with more lines than the limit: the line past it is skipped, and it too
    // leaves no placeholder.
    const parts = Array.from({ length: max - 4 }, (_, i) => `Seri Liputan Banjir Bagian ${i + 1}`);
    const replaced = await importer.importStory(
      copy(...lines, ...parts.map((title) => `Baca Juga: ${title}`)),
      meta,
      { replaceLinks: true }
    );
    const last = parts[parts.length - 1];
    expect(replaced.report.links.filter((l: any) => l.action === 'skipped')).toEqual([
      expect.objectContaining({ label: last, reason: `at most ${max} links` }),
    ]);
    expect(replaced.placeholdersCreated).toBe(parts.length - 1);
    expect(await strapi.db.query(ARTICLE).count({ where: { title: last } })).toBe(0);
    expect([await count(null), await count({ $notNull: true })]).toEqual([max, max]);
  });

  /**
   * Issue 26, item 2: the copy's credit line ("Penulis: ...") is the article's byline, served
   * from the same published row as the body, which keeps the line as a paragraph too. A
   * re-import takes the new copy's byline; a copy with none keeps the one an editor gave.
   */
  it("stores the copy's byline in its own field; a re-import takes the new copy's", async () => {
    const strapi = app!.strapi;
    const importer = strapi.plugin('newsroom').service('importer');
    const meta = { title: 'Longsor Tutup Jalan Trans Sulawesi', slug: 'longsor-trans-sulawesi' };
    const copy = (writer: string | null) =>
      [
        'PALU, antaranews.com - Longsor menutup jalan Trans Sulawesi di Donggala sejak Selasa malam.',
        'Alat berat dikerahkan untuk membuka jalur yang tertimbun tanah sepanjang 50 meter.',
        ...(writer ? [`Penulis: ${writer}`] : []),
        'Editor: Budi Santoso',
      ].join('\n');
    const stored = async () =>
      (
        await strapi.db.query(ARTICLE).findMany({
          where: { slug: meta.slug },
          select: ['byline', 'publishedAt'],
          orderBy: { id: 'asc' },
        })
      ).map((row: any) => [row.publishedAt ? 'published' : 'draft', row.byline]);
    const served = async () => {
      const { body } = await app!.request(`/api/newsroom/articles/${meta.slug}`);
      return { byline: body.data.byline, texts: body.data.body.map((b: any) => b.text) };
    };

    const { documentId } = await importer.importStory(copy('Rina Marlina'), meta);
    expect(await stored()).toEqual([
      ['draft', 'Penulis: Rina Marlina'],
      ['published', 'Penulis: Rina Marlina'],
    ]);
    // "Editor:" credits the desk, not the writer: it is no byline. Both lines stay copy.
    expect(await served()).toEqual({
      byline: 'Penulis: Rina Marlina',
      texts: [
        'Longsor menutup jalan Trans Sulawesi di Donggala sejak Selasa malam.',
        'Alat berat dikerahkan untuk membuka jalur yang tertimbun tanah sepanjang 50 meter.',
        'Penulis: Rina Marlina',
        'Editor: Budi Santoso',
      ],
    });

    // A corrected copy with another writer, as a draft: readers keep the byline of the body
    // they read until it is published.
    await importer.importStory(copy('Dewi Sartika'), meta, { publish: false });
    expect((await served()).byline).toBe('Penulis: Rina Marlina');
    await importer.importStory(copy('Dewi Sartika'), meta);
    const live = await served();
    expect(live.byline).toBe('Penulis: Dewi Sartika');
    expect(live.texts).toContain('Penulis: Dewi Sartika');

    // An editor's byline stands when the copy carries none.
    await newsroom(strapi).update(ARTICLE, documentId, { byline: 'Tim Liputan Palu' });
    await importer.importStory(copy(null), meta);
    expect(await stored()).toEqual([
      ['draft', 'Tim Liputan Palu'],
      ['published', 'Tim Liputan Palu'],
    ]);
    expect((await served()).byline).toBe('Tim Liputan Palu');
  });

  /**
   * Issue 26: an editor clones an imported story in the content manager. The clone is a new
   * story: it carries neither the record of the Baca Juga lines the original's import made
   * (a re-import into the clone would take them as removed by editors and add none) nor the
   * date the original was first published (the sitemaps' date of the clone).
   */
  it("a clone carries none of the original's import record or publication date", async () => {
    const strapi = app!.strapi;
    const importer = strapi.plugin('newsroom').service('importer');
    const admin = { authorization: `Bearer ${await adminToken(app!)}` };
    const copy = [
      'MAGELANG, krjogja.com - Jalur pendakian Gunung Merbabu via Selo ditutup sementara.',
      'Baca Juga: Kebakaran Hutan di Lereng Merbabu Meluas',
      'Penutupan berlaku hingga cuaca membaik.',
    ].join('\n');
    const original = await importer.importStory(copy, {
      title: 'Jalur Pendakian Merbabu Ditutup',
      slug: 'jalur-merbabu-ditutup',
    });
    const rows = async (documentId: string) =>
      strapi.db.query(ARTICLE).findMany({
        where: { documentId },
        select: ['importedLinks', 'everPublishedAt', 'publishedAt'],
        orderBy: { id: 'asc' },
      });
    const [originalDraft] = await rows(original.documentId);
    expect(originalDraft.importedLinks).toHaveLength(1);
    expect(originalDraft.everPublishedAt).toBeTruthy();

    const cloned = await app!.request(
      `/content-manager/collection-types/${ARTICLE}/clone/${original.documentId}`,
      {
        method: 'POST',
        headers: admin,
        body: { title: 'Jalur Pendakian Merbabu Ditutup (salinan)', slug: 'jalur-merbabu-salinan' },
      }
    );
    expect(cloned.status).toBe(200);
    const clone = cloned.body.data.documentId as string;
    expect(await rows(clone)).toEqual([
      { importedLinks: null, everPublishedAt: null, publishedAt: null },
    ]);
    // The original keeps its own record.
    expect((await rows(original.documentId))[0].importedLinks).toEqual(originalDraft.importedLinks);

    // The desk imports the copy into the clone: its line is new there, and gets its link; the
    // clone's first publication is dated now, not when the original was published.
    const into = await importer.importStory(copy, {
      title: 'Jalur Pendakian Merbabu Ditutup (salinan)',
      slug: 'jalur-merbabu-salinan',
    });
    expect(into.documentId).toBe(clone);
    expect(into.report.links.map((l: any) => [l.action, l.target])).toEqual([
      ['added', 'Kebakaran Hutan di Lereng Merbabu Meluas'],
    ]);
    const [draft, published] = await rows(clone);
    expect(draft.importedLinks).toEqual([
      expect.objectContaining({ link: into.report.links[0].link }),
    ]);
    expect(new Date(published.everPublishedAt).getTime()).toBeGreaterThan(
      new Date(originalDraft.everPublishedAt).getTime()
    );
  });

  it('refuses a locale or a translation in a newsroom of one language, naming the field', async () => {
    const importer = app!.strapi.plugin('newsroom').service('importer');
    const copy = 'Jakarta - Hujan deras turun sejak pagi.';
    await expect(
      importer.importStory(copy, { title: 'Hujan' }, { locale: 'en' })
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['locale'] })] },
    });
    await expect(
      importer.importStory(copy, { title: 'Hujan', translationOf: 'apa-saja' })
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['translationOf'] })] },
    });
  });

  it('says what is wrong instead of starting: missing file, no app, unknown option', async () => {
    // Files are checked first: the app check is only reached with a file that exists.
    await expect(
      run(process.execPath, [CLI, 'import', 'x.txt', '--app', dir], { env })
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('x.txt: no such file') });
    await expect(
      run(process.execPath, [CLI, 'import', path.join(dir, 'pompa.txt'), '--app', dir], { env })
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('is not a Strapi app') });
    await expect(run(process.execPath, [CLI, 'import', '--bogus'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option --bogus'),
    });
    const pompa = path.join(dir, 'pompa.txt');
    await expect(
      run(process.execPath, [CLI, 'import', pompa, pompa, '--translation-of', 'x'], { env })
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--translation-of names one story'),
    });
  });
});
