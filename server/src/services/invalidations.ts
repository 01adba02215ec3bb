import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { StatusResponse } from '#shared/contracts/admin';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import {
  INVALIDATION_CHANGES_TABLE,
  INVALIDATION_DELIVERIES_TABLE,
} from '../database/plugin-tables';
import { articleColumns, newsroomTables } from '../database/tables';
import {
  readLiveSlugs,
  readNeighbourhoods,
  type Neighbourhood,
} from '../database/purge-neighbours';
import {
  INVALIDATE_EVENT,
  buildInvalidation,
  type InvalidationPayload,
  type StoryChange,
} from '../http/invalidation';
import { readQueueStatus } from '../database/queue-status';
import { backoffMs } from '../utils/backoff';
import { getService } from '../utils/get-service';

/**
 * The `newsroom.invalidate` webhook: what a frontend, a proxy or a CDN must purge after a
 * committed change of published stories, delivered until the receiver takes it.
 *
 * Strapi's own webhook runner posts once, from the instance that saw the event, and forgets:
 * a receiver down for a minute misses the purge and serves the old story until its cache
 * expires. So this event does not go through it. Changes are handed over by the published
 * effects once every instance serves the write (services/published-effects); any instance
 * then turns the changes waiting into one event and writes one delivery per subscribed
 * webhook, in one transaction; deliveries are posted and retried with backoff, by any
 * instance, until a 2xx answer. Everything is in the database: an instance that dies
 * mid-way leaves its work to the others.
 *
 * The webhooks themselves are Strapi's (Settings → Webhooks, or its admin API): the event is
 * allowed in Strapi's webhook store, and each delivery reads the webhook as it is then, so a
 * corrected URL takes the retries and a deleted or disabled webhook ends them.
 */

/** A retry's wait after each failure, doubling: a receiver down 30 s is reached in about 31. */
export const DELIVERY_RETRY_MS = { first: 1_000, last: 30_000 };
/** A delivery not taken in this long is dropped (logged): by then every cache has expired. */
export const GIVE_UP_MS = 24 * 60 * 60_000;
/** How long a claimed delivery is left to the instance that claimed it. */
const CLAIM_MS = 60_000;
/** Each post waits this long for an answer (Strapi's own runner waits 10 s). */
const POST_TIMEOUT_MS = 10_000;
/** How often each instance looks for changes and due deliveries. */
const TICK_MS = 1_000;
/** Changes of at most this many stories go in one event (a bulk publish of more sends more). */
const MAX_CHANGES = 500;
const DELIVERY_BATCH = 20;

export type InvalidationsStatus = StatusResponse['data']['invalidations'];

interface Webhook {
  id: string;
  url: string;
  headers?: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  payload: string;
  created_at: unknown;
  due_at: unknown;
  attempts: number;
}

const subscribes = (webhook: Webhook | null): webhook is Webhook =>
  Boolean(webhook?.isEnabled && webhook.events?.includes(INVALIDATE_EVENT));

const createInvalidationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const webhooks = () => strapi.get('webhookStore');
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /** Turns the changes waiting into one event per subscribed webhook. Returns the changes taken. */
  const assemble = async (): Promise<number> => {
    // Most rounds find nothing: one read of an empty table, before any other.
    if (!(await knex()(INVALIDATION_CHANGES_TABLE).first('id'))) return 0;
    const receivers = ((await webhooks().findWebhooks()) as Webhook[]).filter(subscribes);
    return strapi.db.transaction(async ({ trx }) => {
      const rows: Record<string, any>[] = await trx(INVALIDATION_CHANGES_TABLE)
        .orderBy('queued_at')
        .limit(MAX_CHANGES)
        .select('*');
      if (rows.length === 0) return 0;
      // Taking them is deleting them: another instance that took some first leaves fewer.
      const taken = await trx(INVALIDATION_CHANGES_TABLE)
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .delete();
      if (Number(taken) !== rows.length) throw new TakenElsewhere();
      if (receivers.length === 0) return rows.length;

      const changes: StoryChange[] = rows.map((row) => ({
        documentId: row.document_id,
        reason: row.reason,
        before: JSON.parse(row.before_state) as Neighbourhood,
        oldSlugs: row.old_slugs ? (JSON.parse(row.old_slugs) as string[]) : [],
      }));
      const stories = [...new Set(changes.map((change) => change.documentId))];
      const after = await readNeighbourhoods(strapi, stories, trx);
      const named = new Set(stories);
      for (const neighbourhood of [...changes.map((c) => c.before), ...after.values()]) {
        for (const id of [...neighbourhood.linkedFrom, ...neighbourhood.targets]) named.add(id);
      }
      const payload = buildInvalidation({
        id: randomUUID(),
        changes,
        after,
        liveSlugs: await readLiveSlugs(strapi, named, trx),
        hrefPattern: config().hrefPattern,
      });
      const now = Date.now();
      await trx(INVALIDATION_DELIVERIES_TABLE).insert(
        receivers.map((webhook) => ({
          id: randomUUID(),
          webhook_id: String(webhook.id),
          payload: JSON.stringify(payload),
          created_at: now,
          due_at: now,
          attempts: 0,
        }))
      );
      return rows.length;
    });
  };

  /** Posts as Strapi's runner does: its default headers, the webhook's, `X-Strapi-Event`. */
  const post = async (webhook: Webhook, payload: InvalidationPayload, createdAt: number) => {
    const response = await strapi.fetch(webhook.url, {
      method: 'POST',
      body: JSON.stringify({
        event: INVALIDATE_EVENT,
        createdAt: new Date(createdAt).toISOString(),
        ...payload,
      }),
      headers: {
        ...(strapi.config.get('server.webhooks.defaultHeaders', {}) as Record<string, string>),
        ...(webhook.headers ?? {}),
        'X-Strapi-Event': INVALIDATE_EVENT,
        'Content-Type': 'application/json',
      },
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    // The body is read so the connection is released; a refusal's text says why.
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`HTTP ${response.status} ${text.slice(0, 200)}`.trim());
  };

  const deliver = async (row: DeliveryRow, now: number) => {
    const rows = () => knex()(INVALIDATION_DELIVERIES_TABLE).where({ id: row.id });
    const webhook = (await webhooks().findWebhook(row.webhook_id)) as Webhook | null;
    if (!subscribes(webhook)) {
      await rows().delete();
      return;
    }
    try {
      await post(webhook, JSON.parse(row.payload), Number(row.created_at));
      await rows().delete();
    } catch (error) {
      const attempts = Number(row.attempts) + 1;
      if (now - Number(row.created_at) >= GIVE_UP_MS) {
        strapi.log.error(
          `[newsroom] newsroom.invalidate to webhook ${row.webhook_id} dropped after ` +
            `${attempts} attempts: ${error}`
        );
        await rows().delete();
        return;
      }
      if (attempts === 1) {
        strapi.log.warn(
          `[newsroom] newsroom.invalidate to webhook ${row.webhook_id} failed (retried): ${error}`
        );
      }
      await rows().update({
        attempts,
        due_at: now + backoffMs(attempts, DELIVERY_RETRY_MS),
        last_error: String(error).slice(0, 2000),
      });
    }
  };

  /** Posts the deliveries that are due, each claimed first. Returns how many it tried. */
  const deliverDue = async (now = Date.now()): Promise<number> => {
    const due: DeliveryRow[] = await knex()(INVALIDATION_DELIVERIES_TABLE)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(DELIVERY_BATCH)
      .select('id', 'webhook_id', 'payload', 'created_at', 'due_at', 'attempts');
    const claimed: DeliveryRow[] = [];
    for (const row of due) {
      const taken = await knex()(INVALIDATION_DELIVERIES_TABLE)
        .where({ id: row.id, due_at: row.due_at })
        .update({ due_at: now + CLAIM_MS });
      if (Number(taken) === 1) claimed.push(row);
    }
    // Side by side: one receiver that hangs does not hold up the others.
    await Promise.all(claimed.map((row) => deliver(row, now)));
    return claimed.length;
  };

  /** One round at a time on this instance; a kick during a round asks for one more. */
  let round: Promise<void> | null = null;
  let again = false;
  const runRound = (): Promise<void> => {
    if (round) {
      again = true;
      return round;
    }
    round = (async () => {
      do {
        again = false;
        try {
          while ((await assemble()) === MAX_CHANGES);
        } catch (error) {
          if (!(error instanceof TakenElsewhere)) {
            strapi.log.warn(`[newsroom] invalidations not assembled (retried): ${error}`);
          }
        }
        try {
          await deliverDue();
        } catch (error) {
          strapi.log.warn(`[newsroom] invalidations not delivered (retried): ${error}`);
        }
      } while (again);
    })().finally(() => {
      round = null;
    });
    return round;
  };

  let kickTimer: NodeJS.Timeout | null = null;

  const service = {
    /**
     * A change was handed over: a round soon, after `invalidation.coalesceMs`, so that the
     * changes of one bulk action or of writes in quick succession go out as one event.
     */
    kick() {
      if (kickTimer) return;
      kickTimer = setTimeout(() => {
        kickTimer = null;
        void runRound();
      }, config().invalidation.coalesceMs);
      kickTimer.unref();
    },

    /** Turns what is waiting into events and posts what is due, now. */
    flush: runRound,

    /**
     * Whether any webhook subscribes to the event now. A change queued while none does would
     * be taken and dropped by the next round (assemble): the writer skips queueing it, and
     * the round, instead.
     */
    async anyReceiver(): Promise<boolean> {
      return ((await webhooks().findWebhooks()) as Webhook[]).some(subscribes);
    },

    /**
     * "Send purge again": the story's invalidation as if it had just changed, its earlier
     * slugs included, for a receiver that lost one. Returns how many webhooks will get it,
     * null when there is no such story.
     */
    async resend(documentId: string): Promise<{ webhooks: number } | null> {
      const { article } = newsroomTables(strapi);
      const exists = await knex()(article)
        .where(articleColumns(strapi).documentId, documentId)
        .first('id');
      if (!exists) return null;
      const before = (await readNeighbourhoods(strapi, [documentId])).get(documentId)!;
      const oldSlugs = await getService(strapi, 'slugHistory').oldSlugs(documentId);
      await knex()(INVALIDATION_CHANGES_TABLE).insert({
        id: randomUUID(),
        document_id: documentId,
        reason: 'resend',
        before_state: JSON.stringify(before),
        old_slugs: JSON.stringify(oldSlugs),
        queued_at: Date.now(),
      });
      const receivers = ((await webhooks().findWebhooks()) as Webhook[]).filter(subscribes);
      await runRound();
      return { webhooks: receivers.length };
    },

    async status(): Promise<InvalidationsStatus> {
      const [changes] = await knex()(INVALIDATION_CHANGES_TABLE).count({ waiting: '*' });
      return {
        waiting: Number(changes?.waiting ?? 0),
        ...(await readQueueStatus(strapi, INVALIDATION_DELIVERIES_TABLE, 'created_at')),
      };
    },

    /** This instance's share of the work; returns its stop (waits for a round under way). */
    start() {
      const timer = setInterval(() => {
        if (!round) void runRound();
      }, TICK_MS);
      timer.unref();
      return async () => {
        clearInterval(timer);
        if (kickTimer) clearTimeout(kickTimer);
        kickTimer = null;
        await round;
      };
    },
  };
  return service;
};

/** Another instance took some of the changes first: this round's transaction is undone. */
class TakenElsewhere extends Error {}

export type InvalidationsService = ReturnType<typeof createInvalidationsService>;
export default createInvalidationsService;
