import type { Core } from '@strapi/strapi';
import type { StatusResponse } from '#shared/contracts/admin';
import { createKeysSnapshot, EVERY_TAG } from '../database/freshness-keys';
import { bumpGeneration } from '../database/generation-bump';
import { FRESHNESS_KEYS_TABLE, FRESHNESS_TABLE } from '../database/plugin-tables';
import { trackPending } from '../http/pending-writes';
import { backoffMs } from '../utils/backoff';

/** Quick tries of a bump after a commit, before it is left to the retrier. */
const QUICK_ATTEMPTS = 4;
/** The retrier's backoff for a bump this instance owes: from the first to the last, doubling. */
export const OWED_RETRY_MS = { first: 250, last: 5_000 };

/** A bump this instance could not make: what the status output shows until one succeeds. */
export type OwedBump = NonNullable<StatusResponse['data']['owedBump']>;

/**
 * The published content's generation: a number in the database that every write changing what
 * readers can see bumps once it has committed. A response cached in process memory is served
 * as it is while the generation it was computed under is still the current one, so each
 * instance may keep a cache of its own and still never serve a story another instance has
 * changed: the check costs one primary-key read per request, and nothing lives only in one
 * process.
 *
 * Per key: a bump names the cache tags of what changed (http/invalidation: the changed
 * stories' keys, `nr-list`, `nr-sitemap`, the same keys a CDN is told to purge), and records
 * the new generation against each of them. A response computed under an older generation is
 * still good when none of its tags changed since (`untouched`): one read of the tags bumped
 * since, per instance and bump, answers every kept response (database/freshness-keys), instead
 * of recomputing every response after every publish. A bump that
 * names no tags (a write whose change is not known) records `*`, which every response carries.
 *
 * Why the bump comes after the commit: a reader that read the old generation before the commit
 * may cache the old content under it, and the bump then retires it; a reader that reads the
 * new generation only does so after the commit, so it renders the new content. A bump inside
 * the transaction could not give that order across instances.
 */
const createFreshnessService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(FRESHNESS_TABLE);
  /**
   * After a commit the write cannot be undone, and until a bump succeeds every instance keeps
   * its cached responses: a bump that failed is owed, and retried (`retryOwed`, on the
   * published-effects retrier's timer) until one succeeds. Writes that recorded their effects
   * (services/published-effects) owe it durably as well; this covers the ones that could not.
   */
  let owed: (OwedBump & { next: number }) | null = null;

  const untouchedInDatabase = async (tags: readonly string[], since: number) => {
    const changed = await strapi.db
      .connection(FRESHNESS_KEYS_TABLE)
      .whereIn('tag', [...tags, EVERY_TAG])
      .where('generation', '>', since)
      .first('tag');
    return !changed;
  };
  const keys = createKeysSnapshot(strapi);

  const bumpNow = (tags: readonly string[] | null) => bumpGeneration(strapi, tags ?? [EVERY_TAG]);

  const failed = (error: unknown) => {
    const attempts = (owed?.attempts ?? 0) + 1;
    const wait = backoffMs(attempts, OWED_RETRY_MS);
    if (!owed) {
      strapi.log.error(`[newsroom] content generation not bumped after a commit: ${error}`);
    }
    owed = {
      since: owed?.since ?? new Date().toISOString(),
      attempts,
      lastError: String(error),
      next: Date.now() + wait,
    };
  };

  /** Tries now and a few times more; true once bumped, false when it stays owed. */
  const bumpAfterCommit = async (tags: readonly string[] | null): Promise<boolean> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await bumpNow(tags);
        if (owed) strapi.log.info('[newsroom] content generation bumped again');
        owed = null;
        return true;
      } catch (error) {
        if (attempt >= QUICK_ATTEMPTS) {
          failed(error);
          return false;
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
     * Retires the cached responses carrying any of these tags, or every one when no tags are
     * given. Inside a transaction (the content manager's, the placement save's) the bump waits
     * for the commit; the request that caused it then waits for the bump before answering
     * (utils/pending-writes). Never throws: true once bumped, false when the bump is owed (and
     * retried until it succeeds, as a bump of every response: what it named is not kept).
     */
    async bump(tags?: readonly string[]): Promise<boolean> {
      const named = tags && tags.length > 0 ? tags : null;
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ onCommit }) => {
          onCommit(() => {
            trackPending(bumpAfterCommit(named));
          });
        });
        return true;
      }
      return bumpAfterCommit(named);
    },

    /**
     * True when none of these tags (nor `*`) changed after generation `since`, up to generation
     * `now` at least (one the caller read from the database): a response computed under
     * `since` and carrying them shows what it would show now. False for a response without
     * tags, which cannot tell.
     */
    async untouched(tags: readonly string[], since: number, now: number): Promise<boolean> {
      if (tags.length === 0) return false;
      return (await keys.untouched(tags, since, now)) ?? untouchedInDatabase(tags, since);
    },

    /**
     * The same answer when this instance has already read the tags bumped up to `now`, with
     * no statement and no wait; undefined when it has not (then ask `untouched`).
     */
    untouchedNow(tags: readonly string[], since: number, now: number): boolean | undefined {
      if (tags.length === 0) return false;
      return keys.untouchedNow(tags, since, now);
    },

    /** One more try of an owed bump, once its backoff has passed; true when none is owed. */
    async retryOwed(): Promise<boolean> {
      if (!owed) return true;
      if (Date.now() < owed.next) return false;
      try {
        await bumpNow(null);
        strapi.log.info(`[newsroom] owed content generation bump made (${owed.attempts} failed)`);
        owed = null;
        return true;
      } catch (error) {
        failed(error);
        return false;
      }
    },

    /** The bump this instance owes, if any: for the status output. */
    owed(): OwedBump | null {
      return owed && { since: owed.since, attempts: owed.attempts, lastError: owed.lastError };
    },
  };
};

export type FreshnessService = ReturnType<typeof createFreshnessService>;
export default createFreshnessService;
