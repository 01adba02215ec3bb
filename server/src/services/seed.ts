import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { ImportResult, StoryMeta } from './importer';

/**
 * The package root, found by walking up from this file: the same code runs from
 * `server/src` (tests, watch) and from the bundled `dist/server`.
 */
const packageRoot = (): string => {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'strapi-plugin-newsroom'
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('newsroom: cannot find the plugin package root');
    dir = parent;
  }
};

export const defaultSeedDir = () => path.join(packageRoot(), 'seed');

const createSeedService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Imports every `*.meta.json` story of a seed folder (by default the plugin's own `seed/`:
   * the Ntvnews story). Safe to run any number of times: the importer is idempotent by slug.
   */
  async seed(
    options: { dir?: string; onProgress?: (message: string) => void } = {}
  ): Promise<ImportResult[]> {
    const dir = options.dir ?? defaultSeedDir();
    const log =
      options.onProgress ?? ((message: string) => strapi.log.info(`[newsroom seed] ${message}`));
    const metas = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.meta.json'))
      .sort();
    const results: ImportResult[] = [];
    for (const [index, metaFile] of metas.entries()) {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, metaFile), 'utf8')) as StoryMeta & {
        file: string;
      };
      log(`story ${index + 1}/${metas.length}: ${meta.title}`);
      const text = fs.readFileSync(path.join(dir, meta.file), 'utf8');
      const result = await getService(strapi, 'importer').importStory(text, meta, {
        onProgress: (message) => log(`  ${message}`),
      });
      log(`  ${result.created ? 'created' : 'updated'} /${result.slug}`);
      results.push(result);
    }
    return results;
  },
});

export type SeedService = ReturnType<typeof createSeedService>;
export default createSeedService;
