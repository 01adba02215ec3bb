/**
 * Boots the playground's real Strapi for one test file, on a database of its own: a fresh
 * SQLite file, or a fresh database on the PostgreSQL server the global setup started.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PLAYGROUND = path.join(ROOT, 'playground');

export const DB = process.env.NEWSROOM_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestApp {
  strapi: Core.Strapi;
  baseUrl: string;
  /** fetch against the test server; JSON bodies are encoded for you. */
  request: (
    pathname: string,
    init?: {
      method?: string;
      body?: unknown;
      headers?: Record<string, string>;
      /** 'manual' to see a redirect itself instead of where it leads. */
      redirect?: RequestRedirect;
    }
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  stop: () => Promise<void>;
}

const { freshSecrets: makeSecrets, scratchDatabase } = require('../../../scripts/lib/scratch');
const { stopStrapi: stopQuietly } = require('./stop-strapi');

/** Destroys an instance once its database pool is quiet (see helpers/stop-strapi.js). */
export const stopStrapi = (strapi: Core.Strapi): Promise<void> => stopQuietly(strapi);

/** Fresh values for the secrets Strapi needs; instances sharing a database share these. */
export const freshSecrets = (): Record<string, string> => makeSecrets();

/** Environment for a database of this test file's own. */
export const prepareDatabase = async (): Promise<{
  env: Record<string, string>;
  drop: () => Promise<void>;
}> => {
  const name = `newsroom_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  return scratchDatabase({
    pg: DB === 'postgres' ? JSON.parse(process.env.NEWSROOM_TEST_PG as string) : null,
    name,
    prefix: 'newsroom-sqlite-',
  });
};

/**
 * The plugin's own background statements: every instance looks once a second for publish side
 * effects due for a retry (services/published-effects), and for invalidation changes waiting
 * and deliveries due (services/invalidations). They may land inside any counted request, and
 * are never the request's.
 */
export const RETRIER_POLL =
  /from [`"]newsroom_(pending_effects[`"] where [`"]due_at[`"] <=|invalidation_changes[`"] limit|invalidation_deliveries[`"] where [`"]due_at[`"] <=)/i;

/** fetch against a test server at `baseUrl`; JSON bodies are encoded, JSON answers parsed. */
export const requester =
  (baseUrl: string): TestApp['request'] =>
  async (pathname, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await fetch(baseUrl + pathname, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: init.redirect ?? 'follow',
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

export const startStrapi = async (
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    /** A database prepared (and later dropped) by the caller; by default a fresh one. */
    database?: Awaited<ReturnType<typeof prepareDatabase>>;
  } = {}
): Promise<TestApp> => {
  const database = options.database ?? (await prepareDatabase());
  Object.assign(process.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: 'test',
    STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE: 'id',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'error',
    ...freshSecrets(),
    NEWSROOM_SKIP_SEED: options.seed === false ? 'true' : 'false',
    ...database.env,
    ...options.env,
  });

  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
  const strapi: Core.Strapi = await createStrapi({
    appDir: PLAYGROUND,
    distDir: path.join(PLAYGROUND, 'dist'),
  }).load();
  strapi.log.level = 'error';

  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request = requester(baseUrl);

  return {
    strapi,
    baseUrl,
    request,
    stop: async () => {
      await stopStrapi(strapi);
      await database.drop();
    },
  };
};

/** Logs in as the development admin the playground creates; returns a bearer token. */
export const adminToken = async (app: Pick<TestApp, 'request'>): Promise<string> => {
  const response = await app.request('/admin/login', {
    method: 'POST',
    body: {
      email: process.env.NEWSROOM_ADMIN_EMAIL || 'admin@newsroom.local',
      password: process.env.NEWSROOM_ADMIN_PASSWORD || 'Newsroom-dev-1',
    },
  });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status}`);
  return response.body.data.token as string;
};

export type TokenKind = 'read-only' | 'full-access' | { permissions: string[] };

/** Creates a content-API token through Strapi's own service; returns the bearer header. */
export const apiToken = async (app: TestApp, kind: TokenKind): Promise<Record<string, string>> => {
  const custom = typeof kind === 'object';
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-${crypto.randomBytes(6).toString('hex')}`,
    description: '',
    type: custom ? 'custom' : kind,
    lifespan: null,
    ...(custom ? { permissions: kind.permissions } : {}),
  });
  return { authorization: `Bearer ${token.accessKey}` };
};

/**
 * An admin (not super admin) whose one role grants exactly `actions` (subject-less plugin
 * actions such as `plugin::newsroom.read`); logs in through the real login route and returns
 * its bearer header.
 */
export const adminWithActions = async (
  app: TestApp,
  actions: string[]
): Promise<Record<string, string>> => {
  const suffix = crypto.randomBytes(4).toString('hex');
  const role = await app.strapi
    .service('admin::role')
    .create({ name: `role-${suffix}`, description: `test role: ${actions.join(', ') || 'none'}` });
  await app.strapi.service('admin::role').assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  const email = `editor-${suffix}@newsroom.test`;
  const password = 'Editor-pass-1';
  await app.strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Test',
    lastname: suffix,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await app.request('/admin/login', { method: 'POST', body: { email, password } });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status}`);
  return { authorization: `Bearer ${response.body.data.token}` };
};
