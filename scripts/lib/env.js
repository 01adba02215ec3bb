'use strict';
/**
 * Local secrets for the playground. Strapi refuses to start without APP_KEYS and friends;
 * a newcomer should not have to invent them, and they must never be committed, so the first
 * run writes them to playground/.env (git-ignored) and later runs reuse them.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const ENV_FILE = path.join(PLAYGROUND, '.env');

const secret = () => crypto.randomBytes(16).toString('base64');

const SECRETS = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
};

const parse = (text) =>
  Object.fromEntries(
    text
      .split(/\r?\n/)
      .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]])
  );

/** Ensures playground/.env holds every secret; returns the variables it holds. */
function ensureEnv() {
  const current = fs.existsSync(ENV_FILE) ? parse(fs.readFileSync(ENV_FILE, 'utf8')) : {};
  const missing = Object.keys(SECRETS).filter((key) => !current[key] && !process.env[key]);
  if (missing.length) {
    const lines = missing.map((key) => `${key}=${SECRETS[key]()}`);
    const prefix = fs.existsSync(ENV_FILE)
      ? '\n'
      : '# Generated for local use on first start. Never commit.\n';
    fs.appendFileSync(ENV_FILE, prefix + lines.join('\n') + '\n');
    console.log(`[newsroom] wrote local secrets (${missing.join(', ')}) to playground/.env`);
  }
  return parse(fs.readFileSync(ENV_FILE, 'utf8'));
}

/** Environment for a playground process: .env values, overridden by the caller's own. */
function playgroundEnv(extra = {}) {
  return {
    STRAPI_TELEMETRY_DISABLED: 'true',
    // A fresh database's first locale is Indonesian, the seeded story's language.
    STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE: 'id',
    ...ensureEnv(),
    ...process.env,
    ...extra,
  };
}

module.exports = { ROOT, PLAYGROUND, ensureEnv, playgroundEnv };
