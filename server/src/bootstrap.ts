import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { INVALIDATE_EVENT, INVALIDATE_EVENT_KEY } from './http/invalidation';
import { configureContentManager } from './content-manager/configuration';
import { keepOldSlugsOutOfUidGeneration } from './content-manager/uid-generation';
import { ensurePluginTables } from './database/plugin-tables';
import { backfillLinkEdits } from './database/link-edits';
import { analyzeNeverAnalyzedTables } from './database/planner-statistics';
import { ensureSlugIndexes } from './database/slug-indexes';
import { repairRefusedSlugs } from './database/refused-slugs';
import { openSqliteReader } from './database/sqlite-reader';
import { backfillTagKeys } from './database/tag-keys';
import { moveImportedCreditsToSuggestions } from './database/suggested-credits';
import { startIndexCompletion } from './search/complete-index';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensurePluginTables(strapi);
  await ensureSlugIndexes(strapi);
  await repairRefusedSlugs(strapi);
  await getService(strapi, 'slugHistory').backfill();
  await backfillTagKeys(strapi);
  await backfillLinkEdits(strapi);
  await moveImportedCreditsToSuggestions(strapi);
  // After the writes above: the planner should see the tables as they are (planner-statistics).
  await analyzeNeverAnalyzedTables(strapi);
  keepOldSlugsOutOfUidGeneration(strapi);
  await configureContentManager(strapi);
  const closeReader = await openSqliteReader(strapi);
  // Webhooks may subscribe to it (admin API, Settings → Webhooks); services/invalidations
  // delivers it, with retries, instead of Strapi's runner (as core plugins add theirs).
  strapi.get('webhookStore').addAllowedEvent(INVALIDATE_EVENT_KEY, INVALIDATE_EVENT);
  stoppers.set(strapi, [
    getService(strapi, 'readerEvents').start(),
    getService(strapi, 'publishedEffects').start(),
    getService(strapi, 'invalidations').start(),
    // In the background: boot is not held up by a rebuild (search/complete-index).
    startIndexCompletion(strapi),
    async () => closeReader?.(),
  ]);

  // Admin permissions for the plugin's own admin surfaces (the Baca Juga manager).
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read', uid: 'read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: 'Manage links', uid: 'manage', pluginName: PLUGIN_ID },
  ]);
};

export default bootstrap;

/**
 * The background work of each running Strapi, stopped on destroy: the reader events' flush
 * (which writes what it holds), the published effects' retrier, the index's completion.
 */
const stoppers = new WeakMap<object, (() => Promise<void>)[]>();

export const stopBackgroundWork = async (strapi: Core.Strapi) => {
  const stops = stoppers.get(strapi) ?? [];
  stoppers.delete(strapi);
  await Promise.all(stops.map((stop) => stop()));
};
