import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { StatusResponse } from '#shared/contracts/admin';
import { INVALIDATION_CHANGES_TABLE, PENDING_EFFECTS_TABLE } from '../database/plugin-tables';
import { readNeighbourhoods, type Neighbourhood } from '../database/purge-neighbours';
import { giveReadersATurn } from '../database/readers-turn';
import { invalidationTags, type InvalidationReason } from '../http/invalidation';
import { trackPending } from '../http/pending-writes';
import { readQueueStatus } from '../database/queue-status';
import { getService } from '../utils/get-service';
import { backoffMs } from '../utils/backoff';

/**
 * What a committed write that changed published content still owes: the article's entry in
 * the suggestion index follows its published version, and the content generation is bumped
 * so that every instance retires its cached responses. (Its slug history is not owed: a
 * publish writes it in its own transaction, middlewares/slug-claims.)
 *
 * The write first records what it owes (a row, in its own transaction when it has one, so the
 * record commits or rolls back with it); after the commit it does the work and deletes the
 * row. The bump comes whatever the side effects did: they are retried from the row, by any
 * instance, until they succeed. Every step is idempotent, so doing one twice is harmless.
 */

/** A row its own writer is settling is left to it this long before another instance may. */
export const SETTLE_GRACE_MS = 60_000;
/** A failed row's next try: doubling from the first wait to the last. */
export const RETRY_MS = { first: 1_000, last: 5 * 60_000 };
/** How often each instance looks for due rows and owed bumps. */
export const TICK_MS = 1_000;
const BATCH = 20;

/** One owed set of effects: an article's (documentId) or a bump alone (documentId null). */
export interface Owed {
  key: string;
  documentId: string | null;
  token: string;
  /** False when it could not be recorded (outside a transaction, the database failing). */
  recorded: boolean;
  /** What the write did to the article, and its neighbourhood before: for the invalidation. */
  change?: { reason: InvalidationReason; before: Neighbourhood };
}

/** Rows owed (failing ones included), rows whose effects failed at least once, the last error. */
export type PendingEffectsStatus = StatusResponse['data']['pendingEffects'];

const createPublishedEffectsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The article's published version, followed by the suggestion index. */
  const followArticle = async (documentId: string) => {
    await getService(strapi, 'searchIndex').sync(documentId);
  };

  /** An entry and what its write changed, or null when that is not known. */
  type EntryChange = { entry: Owed; change: NonNullable<Owed['change']> | null };

  /**
   * What each entry's write changed: the row's record (the first write's neighbourhood when
   * two writes merged into it), else what the write holds in memory. Null for a bump alone,
   * and for a row whose change was handed over already (its search index failed and is
   * retried). Never throws: a change that cannot be read is not known.
   */
  const changesOf = async (entries: Owed[]): Promise<EntryChange[]> => {
    const out: EntryChange[] = [];
    for (const entry of entries) {
      let change = entry.documentId && !entry.recorded ? (entry.change ?? null) : null;
      if (entry.documentId && entry.recorded) {
        try {
          const row = await knex()(PENDING_EFFECTS_TABLE)
            .where({ key: entry.key, token: entry.token })
            .first('reason', 'before_state');
          if (row?.before_state) {
            change = { reason: row.reason, before: JSON.parse(row.before_state) };
          }
        } catch (error) {
          strapi.log.warn(`[newsroom] article ${entry.documentId}: change not read: ${error}`);
        }
      }
      out.push({ entry, change });
    }
    return out;
  };

  /**
   * The cache tags these changes retire (http/invalidation, the same a CDN is told to purge);
   * null, every response, when one of them is not known or the stories cannot be read.
   */
  const tagsOf = async (changes: EntryChange[]): Promise<string[] | null> => {
    if (changes.length === 0 || changes.some(({ change }) => !change)) return null;
    const stories = changes.map(({ entry, change }) => ({
      documentId: entry.documentId as string,
      ...(change as NonNullable<Owed['change']>),
    }));
    try {
      const after = await readNeighbourhoods(
        strapi,
        stories.map((story) => story.documentId)
      );
      return invalidationTags(stories, after);
    } catch (error) {
      strapi.log.warn(`[newsroom] changed stories not read, every response retired: ${error}`);
      return null;
    }
  };

  /** The row no longer keeps the neighbourhood its write had before: it was handed over. */
  const forgetNeighbourhood = (entry: Owed, db = knex()) =>
    db(PENDING_EFFECTS_TABLE)
      .where({ key: entry.key, token: entry.token })
      .update({ before_state: null });

  /**
   * Hands each known change to the invalidations (services/invalidations), once: the row keeps
   * no neighbourhood after. Never throws: a change not handed over is logged, and "Send purge
   * again" repairs it.
   */
  const handOver = async (changes: EntryChange[], staying: ReadonlySet<Owed>) => {
    const invalidations = getService(strapi, 'invalidations');
    // No webhook to tell: nothing to queue (a webhook created later gets later changes). When
    // the webhooks cannot be read, the changes are queued, and the round decides.
    if (!(await invalidations.anyReceiver().catch(() => true))) {
      // A row that stays (its search index failed, retried later) forgets this write's
      // neighbourhood all the same: the next write merged into it records its own.
      for (const { entry, change } of changes) {
        if (!staying.has(entry) || !entry.recorded || !change) continue;
        await forgetNeighbourhood(entry).catch((error: unknown) =>
          strapi.log.error(`[newsroom] article ${entry.documentId}: row not updated: ${error}`)
        );
      }
      return;
    }
    let handed = 0;
    for (const { entry, change } of changes) {
      if (!entry.documentId || !change) continue;
      try {
        await strapi.db.transaction(async ({ trx }) => {
          if (entry.recorded) await forgetNeighbourhood(entry, trx);
          await trx(INVALIDATION_CHANGES_TABLE).insert({
            id: randomUUID(),
            document_id: entry.documentId,
            reason: change.reason,
            before_state: JSON.stringify(change.before),
            queued_at: Date.now(),
          });
        });
        handed += 1;
      } catch (error) {
        strapi.log.error(
          `[newsroom] article ${entry.documentId}: purge not queued after its publish: ${error}`
        );
      }
    }
    if (handed > 0) invalidations.kick();
  };

  /** Does the work now: the caller is past any commit. Never throws. */
  const settleNow = async (entries: Owed[]) => {
    const done: Owed[] = [];
    const failed: { entry: Owed; error: unknown }[] = [];
    for (const entry of entries) {
      if (!entry.documentId) {
        done.push(entry);
        continue;
      }
      try {
        await giveReadersATurn(strapi);
        await followArticle(entry.documentId);
        done.push(entry);
      } catch (error) {
        failed.push({ entry, error });
        strapi.log.error(
          `[newsroom] article ${entry.documentId}: search index not updated ` +
            `after its publish (retried later): ${error}`
        );
      }
    }
    // After the side effects, so that a reader who sees the new generation ranks from the index
    // they updated; and whatever they did, so that every instance serves the committed write.
    // Only the responses showing what changed are retired (services/freshness).
    await giveReadersATurn(strapi);
    const changes = await changesOf(entries);
    await giveReadersATurn(strapi);
    const bumped = await getService(strapi, 'freshness').bump((await tagsOf(changes)) ?? undefined);
    await giveReadersATurn(strapi);
    // Only once every instance serves the write: a purge before that would be refilled from
    // a cache still holding the old story.
    if (bumped) await handOver(changes, new Set(failed.map(({ entry }) => entry)));
    try {
      // A row re-queued meanwhile (a new token) belongs to the write that re-queued it.
      for (const entry of bumped ? done : []) {
        if (entry.recorded) {
          await knex()(PENDING_EFFECTS_TABLE)
            .where({ key: entry.key, token: entry.token })
            .delete();
        }
      }
      for (const { entry, error } of failed) {
        if (!entry.recorded) continue;
        const row = await knex()(PENDING_EFFECTS_TABLE).where({ key: entry.key }).first('attempts');
        const attempts = Number(row?.attempts ?? 0) + 1;
        await knex()(PENDING_EFFECTS_TABLE)
          .where({ key: entry.key })
          .update({
            attempts,
            due_at: Date.now() + backoffMs(attempts, RETRY_MS),
            last_error: String(error).slice(0, 2000),
          });
      }
    } catch (error) {
      // The rows stay as they are: the retrier takes them up once due.
      strapi.log.error(`[newsroom] pending effects not updated: ${error}`);
    }
  };

  const service = {
    /**
     * Records what a write owes: the article's effects, or (documentId null) a bump alone. In
     * the caller's transaction when there is one, so the record commits with the write, and a
     * failure there fails the write before anything is committed. Outside one the write has
     * committed already: a failure to record is logged and the work is still done after it.
     */
    async queue(documentId: string | null, change?: Owed['change']): Promise<Owed> {
      const now = Date.now();
      const entry: Owed = {
        key: documentId ? `article:${documentId}` : `bump:${randomUUID()}`,
        documentId,
        token: randomUUID(),
        recorded: true,
        ...(documentId && change ? { change } : {}),
      };
      const record = () =>
        strapi.db.transaction(async ({ trx }) => {
          await trx(PENDING_EFFECTS_TABLE)
            .insert({
              key: entry.key,
              document_id: documentId,
              token: entry.token,
              queued_at: now,
              due_at: now + SETTLE_GRACE_MS,
              attempts: 0,
              reason: entry.change?.reason ?? null,
              before_state: entry.change ? JSON.stringify(entry.change.before) : null,
            })
            .onConflict('key')
            .merge({
              token: entry.token,
              queued_at: now,
              due_at: now + SETTLE_GRACE_MS,
              reason: entry.change?.reason ?? null,
              // A row whose change is not handed over yet keeps its neighbourhood: the one
              // before the first write, which is what a cache may still hold.
              before_state: trx.raw('COALESCE(??.before_state, excluded.before_state)', [
                PENDING_EFFECTS_TABLE,
              ]),
            });
        });
      if (strapi.db.inTransaction()) {
        await record();
        return entry;
      }
      try {
        await record();
      } catch (error) {
        strapi.log.error(`[newsroom] pending effects of a committed write not recorded: ${error}`);
        entry.recorded = false;
      }
      return entry;
    },

    /**
     * Does what these entries owe, once the write that queued them has committed: at once
     * outside a transaction, else when it commits (the request's answer waits for it, see
     * http/pending-writes). Never throws.
     */
    async settle(entries: Owed[]): Promise<void> {
      if (entries.length === 0) return;
      if (!strapi.db.inTransaction()) return settleNow(entries);
      await strapi.db.transaction(async ({ onCommit }) => {
        onCommit(() => {
          trackPending(settleNow(entries));
        });
      });
    },

    /**
     * Settles the rows that are due (failed ones after their backoff, and ones their writer did
     * not settle in SETTLE_GRACE_MS), each claimed first so that two instances do not both take
     * it; and makes a bump this instance owes. Returns how many rows it settled.
     */
    async retryDue(now = Date.now()): Promise<number> {
      await getService(strapi, 'freshness').retryOwed();
      const due: { key: string; document_id: string | null; token: string; due_at: unknown }[] =
        await knex()(PENDING_EFFECTS_TABLE)
          .select('key', 'document_id', 'token', 'due_at')
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .limit(BATCH);
      const claimed: Owed[] = [];
      for (const row of due) {
        const taken = await knex()(PENDING_EFFECTS_TABLE)
          .where({ key: row.key, token: row.token, due_at: row.due_at })
          .update({ due_at: now + SETTLE_GRACE_MS });
        if (Number(taken) === 1) {
          claimed.push({
            key: row.key,
            documentId: row.document_id,
            token: row.token,
            recorded: true,
          });
        }
      }
      if (claimed.length > 0) await settleNow(claimed);
      return claimed.length;
    },

    async status(): Promise<PendingEffectsStatus> {
      return readQueueStatus(strapi, PENDING_EFFECTS_TABLE, 'queued_at');
    },

    /** The retrier of this instance; returns its stop (waits for a round under way). */
    start() {
      let round: Promise<unknown> | null = null;
      const timer = setInterval(() => {
        // One round at a time: with the database down a round may wait long for a connection.
        if (round) return;
        round = service
          .retryDue()
          .catch((error) => strapi.log.warn(`[newsroom] pending effects retry: ${error}`))
          .finally(() => {
            round = null;
          });
      }, TICK_MS);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await round;
      };
    },
  };
  return service;
};

export type PublishedEffectsService = ReturnType<typeof createPublishedEffectsService>;
export default createPublishedEffectsService;
