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
import {
  DB,
  PLAYGROUND,
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
    expect(story.body.data.quotes[0]).toMatchObject({ speaker: 'Endro Wibisono' });
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
  });
});
