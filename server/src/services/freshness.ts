import type { Core } from '@strapi/strapi';
import { FRESHNESS_TABLE } from '../database/plugin-tables';
import { trackPending } from '../http/pending-writes';

/**
 * The published content's generation: a number in the database that every write changing what
 * readers can see bumps once it has committed. A response cached in process memory is served
 * only while the generation it was computed under is still the current one, so each instance
 * may keep a cache of its own and still never serve a story another instance has changed:
 * the check costs one primary-key read per request, and nothing lives only in one process.
 *
 * Why the bump comes after the commit: a reader that read the old generation before the commit
 * may cache the old content under it, and the bump then retires it; a reader that reads the
 * new generation only does so after the commit, so it renders the new content. A bump inside
 * the transaction could not give that order across instances.
 */
const createFreshnessService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(FRESHNESS_TABLE);

  const bumpNow = async () => {
    await table().where({ id: 1 }).increment('generation', 1);
  };

  // After a commit the write cannot be undone; a bump that fails (a dropped connection) is
  // retried, since until one succeeds every instance would keep its cached responses.
  const bumpAfterCommit = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await bumpNow();
      } catch (error) {
        if (attempt >= 5) {
          strapi.log.error(`[newsroom] content generation not bumped after a commit: ${error}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  };

  return {
    async current(): Promise<number> {
      const row = await table().where({ id: 1 }).first('generation');
      return Number(row?.generation ?? 0);
    },

    /**
     * Retires every cached response. Inside a transaction (the content manager's, the placement
     * save's) the bump waits for the commit; the request that caused it then waits for the
     * bump before answering (utils/pending-writes).
     */
    async bump(): Promise<void> {
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ onCommit }) => {
          onCommit(() => {
            trackPending(bumpAfterCommit());
          });
        });
        return;
      }
      await bumpAfterCommit();
    },
  };
};

export type FreshnessService = ReturnType<typeof createFreshnessService>;
export default createFreshnessService;
