import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { creditToConfirm, hasPublicCredit, type Credit } from '#shared/quote-credit';
import { ARTICLE_UID, QUOTE_UID } from '../constants';
import { getService } from '../utils/get-service';
import type { ImportResult, StoryMeta } from './importer';
import { PLACED_QUOTE_FIELDS, toPlacedQuote, type PlacedQuoteRow } from './placed-quote';

/** A credit the desk checked against the copy: the quote's first words, and who said it. */
interface CheckedCredit extends Credit {
  quote: string;
}

type SeedMeta = StoryMeta & { file: string; checkedCredits?: CheckedCredit[] };

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

/**
 * The importer only suggests speakers; readers get one once an editor decides
 * (#shared/quote-credit). A seed story's meta may carry the desk's decisions, checked by hand
 * against its copy, and they are made here as an editor makes them in the manager: through the
 * speaker decision, every rule of it applying. A suggestion that is the checked credit is
 * confirmed; any other is corrected to it, and said. A quote already decided is left alone.
 */
const applyCheckedCredits = async (
  strapi: Core.Strapi,
  articleId: string,
  checked: CheckedCredit[],
  log: (message: string) => void
) => {
  if (checked.length === 0) return;
  const rows = (await strapi.documents(QUOTE_UID).findMany({
    status: 'draft',
    filters: { article: { documentId: articleId } },
    fields: PLACED_QUOTE_FIELDS,
    limit: -1,
  } as any)) as unknown as PlacedQuoteRow[];
  const decisions = getService(strapi, 'quoteSpeaker');
  let made = 0;
  for (const quote of rows.map(toPlacedQuote)) {
    const check = checked.find((c) => quote.text.startsWith(c.quote));
    // An editor's word stands: a decision, or a credit typed in the content manager.
    if (!check || quote.speakerConfirmed || hasPublicCredit(quote)) continue;
    made += 1;
    const credit = creditToConfirm(quote);
    const same =
      credit?.speaker === check.speaker && (credit?.speakerRole ?? null) === check.speakerRole;
    await decisions.decide(
      articleId,
      quote.documentId,
      same
        ? { version: quote.version, decision: 'confirm' }
        : {
            version: quote.version,
            decision: 'correct',
            speaker: check.speaker,
            speakerRole: check.speakerRole,
          }
    );
    if (!same) log(`  quote "${check.quote}": the importer's suggestion corrected to the desk's`);
  }
  if (made > 0) log(`  ${checked.length} credits checked by the desk, ${made} made now`);
};

/** The `*.meta.json` stories of a seed folder, in name order. */
const readMetas = (dir: string): SeedMeta[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.meta.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SeedMeta);

export interface SeedOptions {
  dir?: string;
  onProgress?: (message: string) => void;
}

const createSeedService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Where progress goes: the caller's, else the log. */
  const progressOf = (options: SeedOptions) =>
    options.onProgress ?? ((message: string) => strapi.log.info(`[newsroom seed] ${message}`));

  return {
    /**
     * Imports every `*.meta.json` story of a seed folder (by default the plugin's own `seed/`:
     * the Ntvnews story). Safe to run any number of times: the importer is idempotent by slug.
     */
    async seed(options: SeedOptions = {}): Promise<ImportResult[]> {
      const dir = options.dir ?? defaultSeedDir();
      const log = progressOf(options);
      const metas = readMetas(dir);
      const results: ImportResult[] = [];
      for (const [index, meta] of metas.entries()) {
        log(`story ${index + 1}/${metas.length}: ${meta.title}`);
        const text = fs.readFileSync(path.join(dir, meta.file), 'utf8');
        const result = await getService(strapi, 'importer').importStory(text, meta, {
          onProgress: (message) => log(`  ${message}`),
        });
        log(`  ${result.created ? 'created' : 'updated'} /${result.slug}`);
        await applyCheckedCredits(strapi, result.documentId, meta.checkedCredits ?? [], log);
        results.push(result);
      }
      return results;
    },

    /**
     * Makes the desk's checked credits of the seed stories already imported, without importing
     * them again: for an app seeded before the importer only suggested speakers, whose credits
     * the upgrade turned into suggestions (database/suggested-credits). A quote an editor decided
     * or credited is left alone. Cheap when there is nothing to do: one read per story.
     */
    async confirmCheckedCredits(options: SeedOptions = {}): Promise<void> {
      const log = progressOf(options);
      for (const meta of readMetas(options.dir ?? defaultSeedDir())) {
        if (!meta.slug || !meta.checkedCredits?.length) continue;
        const article = await strapi.documents(ARTICLE_UID).findFirst({
          status: 'draft',
          filters: { slug: meta.slug },
          fields: ['documentId'],
        } as any);
        if (article)
          await applyCheckedCredits(strapi, article.documentId, meta.checkedCredits, log);
      }
    },
  };
};

export type SeedService = ReturnType<typeof createSeedService>;
export default createSeedService;
