import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { keepOldSlugsOutOfUidGeneration } from './content-manager/uid-generation';
import { ensurePluginTables } from './database/plugin-tables';
import { ensureSlugIndexes } from './database/slug-indexes';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensurePluginTables(strapi);
  await ensureSlugIndexes(strapi);
  await getService(strapi, 'slugHistory').backfill();
  keepOldSlugsOutOfUidGeneration(strapi);
  stoppers.set(strapi, getService(strapi, 'readerEvents').start());
  await completeSearchIndex(strapi);

  // Admin permissions for the plugin's own admin surfaces (the Baca Juga manager).
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read', uid: 'read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: 'Manage links', uid: 'manage', pluginName: PLUGIN_ID },
  ]);
};

export default bootstrap;

/** The reader events' periodic flush of each running Strapi, stopped (and flushed) on destroy. */
const stoppers = new WeakMap<object, () => Promise<void>>();

export const stopReaderEvents = async (strapi: Core.Strapi) => {
  const stop = stoppers.get(strapi);
  stoppers.delete(strapi);
  await stop?.();
};

/**
 * An existing database (the plugin added to a running newsroom, or articles imported with SQL)
 * has published articles the suggestion index has never seen: it is built at boot, with
 * progress in the log. A complete index is left alone, so a normal boot costs two counts.
 */
const completeSearchIndex = async (strapi: Core.Strapi) => {
  const index = getService(strapi, 'searchIndex');
  const { indexed, published } = await index.counts();
  if (indexed === published) return;
  strapi.log.info(`[newsroom] suggestion index: ${indexed} of ${published} articles; rebuilding`);
  let lastReport = 0;
  const result = await index.rebuild((done, total) => {
    if (done === total || Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      strapi.log.info(`[newsroom] suggestion index: ${done}/${total} articles`);
    }
  });
  strapi.log.info(
    result.skipped
      ? '[newsroom] suggestion index: another instance is rebuilding it'
      : `[newsroom] suggestion index ready: ${result.indexed} articles (${result.removed} removed)`
  );
};
