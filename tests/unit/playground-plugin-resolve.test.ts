/**
 * Regression: the admin build reads playground/config/plugins.ts from source while the server
 * reads it compiled from playground/dist/config. A fixed "../../.." pointed the admin build
 * at the wrong folder, so the plugin's admin half (the paragraph and tag editors) silently
 * went missing and the content manager showed "Unsupported field type".
 */
import fs from 'node:fs';
import path from 'node:path';
import pluginsConfig from '../../playground/config/plugins';

const env = Object.assign((key: string, fallback?: unknown) => process.env[key] ?? fallback, {
  int: (key: string, fallback?: number) => Number(process.env[key] ?? fallback),
  float: (key: string, fallback?: number) => Number(process.env[key] ?? fallback),
  bool: (key: string, fallback?: boolean) =>
    process.env[key] === undefined ? fallback : process.env[key] === 'true',
});

it('resolves the newsroom plugin to the repository root when read from source', () => {
  const resolved = (pluginsConfig({ env }) as any).newsroom.resolve as string;
  expect(resolved).toBe(path.resolve(__dirname, '..', '..'));
  const pkg = JSON.parse(fs.readFileSync(path.join(resolved, 'package.json'), 'utf8'));
  expect(pkg.name).toBe('strapi-plugin-newsroom');
});
