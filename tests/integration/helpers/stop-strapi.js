'use strict';
/**
 * Stops a Strapi instance once its database pool has been idle for a moment.
 *
 * Strapi's Document Service emits its entry events after a write commits, without awaiting them
 * (@strapi/core, document-service/events.ts): each reads the entry back, its media in a second
 * query. A test that stops Strapi right after a write can destroy the pool between those two
 * reads, and tarn leaves an acquire on a destroyed pool waiting for its whole timeout (60 s).
 * The KnexTimeoutError then fails whichever test runs a minute later, in another file (issue 30's
 * first two CI runs on PostgreSQL). Waiting for a quiet pool lets those reads finish first.
 */
const QUIET_MS = 60;
const MAX_WAIT_MS = 5_000;

const settlePool = async (strapi) => {
  const pool = strapi.db && strapi.db.connection && strapi.db.connection.client.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const started = Date.now();
  let quietSince = null;
  while (Date.now() - started < MAX_WAIT_MS) {
    if (busy()) quietSince = null;
    else if (quietSince === null) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Waits for the pool to be quiet, then destroys the instance. */
const stopStrapi = async (strapi) => {
  await settlePool(strapi);
  await strapi.destroy();
};

module.exports = { settlePool, stopStrapi };
