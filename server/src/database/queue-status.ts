import type { Core } from '@strapi/strapi';
import { toIso } from '#shared/dates';

/** What the status output says of a retried queue (pending effects, webhook deliveries). */
export interface QueueStatus {
  pending: number;
  failing: number;
  oldestQueuedAt: string | null;
  lastError: string | null;
}

/**
 * Counts a queue table whose rows carry `attempts` and `last_error`: how many wait, how many
 * failed at least once, since when the oldest waits (`queuedColumn`), the newest error.
 */
export const readQueueStatus = async (
  strapi: Core.Strapi,
  table: string,
  queuedColumn: string
): Promise<QueueStatus> => {
  const knex = strapi.db.connection;
  const [row] = await knex(table).select(
    knex.raw('count(*) as pending'),
    knex.raw('sum(case when attempts > 0 then 1 else 0 end) as failing'),
    knex.raw('min(??) as oldest', [queuedColumn])
  );
  const last = await knex(table)
    .whereNotNull('last_error')
    .orderBy(queuedColumn, 'desc')
    .first('last_error');
  return {
    pending: Number(row?.pending ?? 0),
    failing: Number(row?.failing ?? 0),
    oldestQueuedAt: toIso(row?.oldest),
    lastError: last?.last_error ?? null,
  };
};
