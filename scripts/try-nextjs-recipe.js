#!/usr/bin/env node
'use strict';
/**
 * `npm run try:nextjs`: the Next.js recipe (docs/recipes/nextjs, docs/recipes/README.md) tried
 * for real, by hand: not part of `npm test`, since it installs Next.js from the registry and
 * builds an app (a few minutes).
 *
 * Boots the playground on a scratch SQLite database, publishes two stories (S links to T, its
 * label following T's title), subscribes the recipe's revalidate route to `newsroom.invalidate`
 * through Strapi's webhook store, builds and starts the recipe's app with `next start`, then:
 *   1. reads S's page twice through Next.js: the second is Next's kept copy;
 *   2. retitles T: S's page shows the new headline; the time from the publish is printed;
 *   3. unpublishes T: S's page loses the link;
 *   4. publishes a new story: the list (fetch tagged `nr-list`) shows it;
 *   5. a purge with a wrong secret is refused (401).
 * Exits 1 when a step fails. Everything it started is stopped, the scratch folders removed.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ROOT, PLAYGROUND } = require('./lib/env');
const { buildForServer } = require('./lib/run');
const { freshSecrets, scratchDatabase } = require('./lib/scratch');

const ARTICLE = 'plugin::newsroom.article';
const LINK = 'plugin::newsroom.related-link';
const SECRET = 'sesame-nextjs';
const log = (text) => process.stdout.write(`[try:nextjs] ${text}\n`);

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Polls `read` every 50 ms until `ok` holds; the time it took, or an error after `ms`. */
const until = async (read, ok, ms = 15_000) => {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const main = async () => {
  buildForServer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nextjs-'));
  const database = await scratchDatabase({ name: 'nextjs', prefix: 'newsroom-nextjs-db-' });
  let strapi = null;
  let next = null;
  try {
    log(`installing the recipe's app in ${work}`);
    fs.cpSync(path.join(ROOT, 'docs', 'recipes', 'nextjs'), work, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: work,
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error('npm install of the recipe failed');

    Object.assign(process.env, {
      STRAPI_TELEMETRY_DISABLED: 'true',
      NEWSROOM_SKIP_SEED: 'true',
      ...freshSecrets(),
      ...database.env,
    });
    const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
    strapi = await createStrapi({
      appDir: PLAYGROUND,
      distDir: path.join(PLAYGROUND, 'dist'),
    }).load();
    strapi.log.level = 'warn';
    await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
    const strapiUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const docs = (uid) => strapi.documents(uid);
    const story = async (title, paragraphs) => {
      const created = await docs(ARTICLE).create({
        data: { title, outlet: 'Meja Uji', body: paragraphs.map((text) => ({ text })) },
      });
      await docs(ARTICLE).publish({ documentId: created.documentId });
      return docs(ARTICLE).findOne({ documentId: created.documentId, status: 'draft' });
    };
    const t = await story('Harga Beras Naik', ['Harga beras naik di pasar induk.']);
    const s = await story('Petani Panen Raya', ['Petani panen raya.', 'Gudang penuh.']);
    const link = await docs(LINK).create({
      data: {
        sourceArticle: s.documentId,
        targetArticle: t.documentId,
        afterParagraphId: s.body[0].id,
        position: 0,
        label: null,
      },
    });
    await docs(LINK).publish({ documentId: link.documentId });

    const nextPort = await freePort();
    const nextUrl = `http://127.0.0.1:${nextPort}`;
    await strapi.get('webhookStore').createWebhook({
      name: 'Next.js revalidate',
      url: `${nextUrl}/api/newsroom-revalidate`,
      headers: { 'x-purge-secret': SECRET },
      events: ['newsroom.invalidate'],
      isEnabled: true,
    });

    // Next.js's own environment: Strapi sets NODE_ENV for this process, which `next build`
    // refuses unless it is "production".
    const outer = { ...process.env };
    delete outer.NODE_ENV;
    const env = {
      ...outer,
      NEXT_TELEMETRY_DISABLED: '1',
      STRAPI_URL: strapiUrl,
      NEWSROOM_PURGE_SECRET: SECRET,
    };
    log('next build');
    // Not spawnSync: the build renders the list page, fetching from the Strapi in this process.
    const built = await new Promise((resolve) =>
      spawn('npx', ['next', 'build'], { cwd: work, env, stdio: 'inherit' }).on('exit', resolve)
    );
    if (built !== 0) throw new Error('next build failed');
    next = spawn('npx', ['next', 'start', '-p', String(nextPort), '-H', '127.0.0.1'], {
      cwd: work,
      env,
      stdio: 'inherit',
      detached: true,
    });
    const page = async (p) => {
      try {
        const response = await fetch(`${nextUrl}${p}`);
        return response.ok ? response.text() : `HTTP ${response.status}`;
      } catch (error) {
        return String(error);
      }
    };
    await until(
      () => page('/'),
      (html) => html.includes('Petani Panen Raya'),
      30_000
    );
    const results = [];
    const sPath = `/berita/${s.slug}`;

    // 1. Kept by Next.js: the same render twice.
    const renderedAt = (html) => /id="rendered-at">([^<]+)</.exec(html)?.[1];
    const first = await page(sPath);
    if (!first.includes('Harga Beras Naik')) throw new Error("S's page lacks T's headline");
    const second = await page(sPath);
    results.push(['S read twice: Next.js kept its copy', renderedAt(first) === renderedAt(second)]);

    // 2. Retitle T: S shows the new headline.
    let started = Date.now();
    await docs(ARTICLE).update({ documentId: t.documentId, data: { title: 'Harga Beras Turun' } });
    await docs(ARTICLE).publish({ documentId: t.documentId });
    let ms = await until(
      () => page(sPath),
      (html) => html.includes('Harga Beras Turun')
    );
    results.push([
      `T retitled: S shows the new headline, ${Date.now() - started} ms after the publish began (${ms} ms after it returned)`,
      true,
    ]);

    // 3. Unpublish T: S loses the link.
    started = Date.now();
    await docs(ARTICLE).unpublish({ documentId: t.documentId });
    ms = await until(
      () => page(sPath),
      (html) => !html.includes('class="baca-juga"')
    );
    results.push([
      `T unpublished: S shows no Baca Juga line, ${Date.now() - started} ms after the unpublish began (${ms} ms after it returned)`,
      true,
    ]);

    // 4. A new story reaches the list (nr-list).
    started = Date.now();
    await story('Stok Beras Aman', ['Stok beras aman.']);
    await until(
      () => page('/'),
      (html) => html.includes('Stok Beras Aman')
    );
    results.push([
      `a new story is on the list ${Date.now() - started} ms after its publish began`,
      true,
    ]);

    // 5. A wrong secret is refused.
    const refused = await fetch(`${nextUrl}/api/newsroom-revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-purge-secret': 'wrong' },
      body: JSON.stringify({
        event: 'newsroom.invalidate',
        tags: ['nr-list'],
        paths: { old: [], new: [] },
      }),
    });
    results.push([`a purge with a wrong secret: HTTP ${refused.status}`, refused.status === 401]);

    for (const [text, ok] of results) log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (results.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    if (next) {
      try {
        process.kill(-next.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (strapi) await strapi.destroy();
    await database.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
