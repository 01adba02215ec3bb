#!/usr/bin/env node
'use strict';
/**
 * `npm run test:install`: the plugin installed into someone else's Strapi app, as README's
 * "Add the plugin to your Strapi 5 app" says. It packs the plugin (`npm pack`), creates a
 * TypeScript app with create-strapi-app of the same Strapi version (SQLite, no example, no
 * cloud plugin), installs the tarball from the npm registry's dependencies only, enables the
 * plugin, runs `strapi build`, imports a story with the package's own command
 * (`strapi-newsroom import`), starts the app, and checks:
 *   - the admin's left menu has the plugin's entry (Chromium);
 *   - a content-manager write (create and publish an article) is served by the content API;
 *   - the imported story renders, its unmatched Baca Juga line as a placeholder's label.
 * Everything lives in a temporary folder, removed at the end; the server is stopped by its id.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./lib/env');
const { buildPlugin } = require('./lib/run');
const { CHROMIUM } = require('../tests/e2e/helpers/config');

const STRAPI_VERSION = require(path.join(ROOT, 'package.json')).devDependencies['@strapi/strapi'];
const PORT = 1400 + Math.floor(Math.random() * 400);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'install-test@newsroom.local', password: 'Install-test-1' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-install-'));
const app = path.join(work, 'app');
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', CI: 'true' };
let server = null;

const log = (message) => console.log(`[install-test] ${message}`);

function sh(command, args, cwd, extra = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', ...extra });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
  log(
    `${path.basename(command)} ${args[0] ?? ''} done in ${Math.round((Date.now() - started) / 1000)} s`
  );
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  log(`ok: ${message}`);
}

async function request(pathname, { method = 'GET', body, token } = {}) {
  const response = await fetch(BASE + pathname, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body: json };
}

async function waitForServer() {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    try {
      const { status } = await request('/_health');
      if (status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not start within 2 minutes');
}

/** create-strapi-app's TypeScript app, made ready for the plugin as README says. */
function createApp(tarball) {
  sh(
    'npx',
    [
      '-y',
      `create-strapi-app@${STRAPI_VERSION}`,
      'app',
      '--ts',
      '--use-npm',
      '--skip-cloud',
      '--no-run',
      '--no-example',
      '--no-git-init',
      '--no-install',
      '--dbclient',
      'sqlite',
      // Without it the generated .env holds an empty DATABASE_FILENAME (the app's root folder).
      '--dbfile',
      '.tmp/data.db',
    ],
    work
  );
  const pkgFile = path.join(app, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  // The cloud plugin is not needed, and not every version of it is on the registry.
  delete pkg.dependencies['@strapi/plugin-cloud'];
  pkg.dependencies['strapi-plugin-newsroom'] = `file:${tarball}`;
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  // README: config/plugins.ts
  const plugins = path.join(app, 'config', 'plugins.ts');
  const source = fs.readFileSync(plugins, 'utf8');
  fs.writeFileSync(
    plugins,
    source.replace(
      /=> \(\{\n/,
      "=> ({\n  newsroom: { enabled: true, config: { hrefPattern: '/berita/:slug' } },\n"
    )
  );
  check(
    fs.readFileSync(plugins, 'utf8').includes('newsroom: { enabled: true'),
    'the plugin is enabled in config/plugins.ts'
  );
  const envFile = path.join(app, '.env');
  fs.writeFileSync(
    envFile,
    fs
      .readFileSync(envFile, 'utf8')
      .replace(/^HOST=.*$/m, 'HOST=127.0.0.1')
      .replace(/^PORT=.*$/m, `PORT=${PORT}`)
  );
}

async function checkAdminMenu() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ baseURL: BASE, locale: 'en-US' });
    await page.goto('/admin/auth/login');
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60000 });
    const entry = page.getByRole('link', { name: 'Baca Juga' });
    await entry.first().waitFor({ state: 'visible', timeout: 60000 });
    await entry.first().click();
    await page.getByTestId('newsroom-article-row').first().waitFor({ timeout: 60000 });
    check(true, 'the admin menu has "Baca Juga", and it lists the articles');
  } finally {
    await browser.close();
  }
}

async function main() {
  log(`Strapi ${STRAPI_VERSION}, in ${work}`);
  buildPlugin(env);
  const packed = spawnSync('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarball = path.join(work, packed.stdout.trim().split('\n').pop());
  check(fs.existsSync(tarball), `packed ${path.basename(tarball)}`);

  createApp(tarball);
  // --prefer-offline: the packages are the ones the plugin's own install just put in npm's
  // cache (same Strapi version), so npm need not ask the registry about each of its ~2,000
  // packages again; anything missing is still fetched. It took 208 s in CI without.
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
  sh('npx', ['strapi', 'build'], app);

  // The package's import command, in the app's directory, before anything serves it.
  const story = path.join(work, 'story.txt');
  fs.writeFileSync(
    story,
    [
      'Jakarta (ANTARA) - Badan Meteorologi memperkirakan hujan lebat di Jakarta pekan ini.',
      '"Warga di bantaran sungai diminta waspada," kata Kepala BMKG Dwikorita Sasmita.',
      'Baca Juga: Banjir Rendam Kampung Melayu',
      'Pemerintah provinsi menyiapkan pompa di titik rawan.',
    ].join('\n')
  );
  sh('npx', ['strapi-newsroom', 'import', story, '--title', 'Hujan Lebat Guyur Jakarta'], app);

  server = spawn('npx', ['strapi', 'start'], {
    cwd: app,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  await waitForServer();
  check(true, `the app serves on ${BASE}`);

  const registered = await request('/admin/register-admin', {
    method: 'POST',
    body: { firstname: 'Install', lastname: 'Test', ...ADMIN },
  });
  check(registered.status === 200, 'the first admin is registered');
  const token = registered.body.data.token;

  const uid = 'plugin::newsroom.article';
  const created = await request(`/content-manager/collection-types/${uid}`, {
    method: 'POST',
    token,
    body: { title: 'Tes Pemasangan Plugin', body: [{ text: 'Paragraf pertama tes.' }] },
  });
  check(created.status === 201 || created.status === 200, 'the content manager creates an article');
  const { documentId, slug } = created.body.data;
  const published = await request(
    `/content-manager/collection-types/${uid}/${documentId}/actions/publish`,
    { method: 'POST', token, body: {} }
  );
  check(published.status === 200, 'the content manager publishes it');

  const apiToken = await request('/admin/api-tokens', {
    method: 'POST',
    token,
    body: { name: 'install-test', type: 'read-only', lifespan: null, description: '' },
  });
  check(apiToken.status === 201 || apiToken.status === 200, 'a read-only API token is created');
  const readToken = apiToken.body.data.accessKey;

  const served = await request(`/api/newsroom/articles/${slug}`, { token: readToken });
  check(
    served.status === 200 && served.body.data.body[0].text === 'Paragraf pertama tes.',
    `the content API serves /api/newsroom/articles/${slug}`
  );
  const anonymous = await request(`/api/newsroom/articles/${slug}`);
  check(anonymous.status === 403, 'anonymous readers get 403 until the Public role is granted');

  const imported = await request('/api/newsroom/articles/hujan-lebat-guyur-jakarta', {
    token: readToken,
  });
  const blocks = imported.body?.data?.body ?? [];
  check(
    imported.status === 200 &&
      blocks.some((b) => b.type === 'baca-juga' && b.awaitingCopy && b.href === null),
    'the imported story renders, its unmatched Baca Juga line as a placeholder label'
  );
  // The importer only suggests who spoke; readers get a speaker once an editor confirms it.
  check(
    imported.body.data.quotes[0] && imported.body.data.quotes[0].speaker === null,
    'the imported quote credits nobody to readers before an editor confirms its speaker'
  );
  const importedId = imported.body.data.documentId;
  const placement = await request(`/newsroom/articles/${importedId}/placement`, { token });
  const quote = placement.body?.data?.quotes?.[0];
  check(quote?.suggestedSpeaker === 'Dwikorita Sasmita', 'the manager shows the suggested speaker');
  const decided = await request(
    `/newsroom/articles/${importedId}/quotes/${quote.documentId}/speaker`,
    {
      method: 'PUT',
      token,
      body: { version: quote.version, decision: 'confirm' },
    }
  );
  const confirmed = await request('/api/newsroom/articles/hujan-lebat-guyur-jakarta', {
    token: readToken,
  });
  check(
    decided.status === 200 && confirmed.body.data.quotes[0]?.speaker === 'Dwikorita Sasmita',
    'once the editor confirms it, readers get the speaker'
  );

  await checkAdminMenu();
  log('passed');
}

function stop() {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM'); // the whole group: npx, node
    } catch {
      // already gone
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().then(
  () => {
    stop();
    process.exit(0);
  },
  (error) => {
    console.error(`[install-test] ${error.stack ?? error}`);
    stop();
    process.exit(1);
  }
);
