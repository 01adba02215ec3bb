import type { Core } from '@strapi/strapi';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { isPostgres } from './dialect';

/** The longest stretch of a write's database work, in ms, before waiting readers get a turn. */
export const TURN_MS = 3;

/**
 * A write's steps, giving the event loop back once they have held it for `TURN_MS`.
 *
 * On SQLite every statement runs synchronously on Node's one thread (better-sqlite3), and
 * knex chains statements through promises that never return to the event loop, not even
 * between two transactions. An edit and publish (then about 95 statements) held the loop for
 * 20–30 ms at a stretch, and every reader that arrived meanwhile waited, cache hits included:
 * in `npm run bench`'s row z3 the p99 doubled. Called between steps, this lets the loop poll
 * once the steps since the last turn have run `turnMs`, so waiting requests go first:
 * hits, and public reads through their own connection (database/sqlite-reader). The write
 * keeps its transaction, and takes no longer in CPU.
 *
 * Only a stretch with no turn at all counts: the first call after the loop turned opens a
 * stretch, and schedules the immediate that marks the next turn.
 */
export const createReadersTurn = (turnMs = TURN_MS, now = () => performance.now()) => {
  let turned = true;
  let since = 0;
  /** Writes waiting for their turn now; and whether Strapi is shutting down. */
  let waiting = 0;
  let stopping = false;
  const turn = async (): Promise<void> => {
    if (stopping) return;
    if (turned) {
      turned = false;
      since = now();
      setImmediate(() => {
        turned = true;
      });
      return;
    }
    if (now() - since < turnMs) return;
    // Two immediates: a write started by a request runs in the loop's poll phase, and one
    // immediate would resume it in the check phase right after, before the loop polls for
    // the requests that arrived meanwhile. The immediate scheduled above runs first: the
    // next call opens a new stretch.
    waiting += 1;
    try {
      await nextTurn();
      await nextTurn();
    } finally {
      waiting -= 1;
    }
  };
  /**
   * On shutdown, before the database closes: no more turns, and the writes waiting for one
   * go on at once. A write left waiting would resume after the pool has gone, and fail
   * where nothing may be listening (an after-commit effect).
   */
  const stop = async () => {
    stopping = true;
    while (waiting > 0) await nextTurn();
  };
  return Object.assign(turn, { stop });
};

/** Each Strapi's own turns: two instances in one process (the tests') do not share one. */
const turns = new WeakMap<object, ReturnType<typeof createReadersTurn>>();
const turnOf = (strapi: Core.Strapi) => {
  let turn = turns.get(strapi);
  if (!turn) turns.set(strapi, (turn = createReadersTurn()));
  return turn;
};

const NEWSROOM_MODELS = [ARTICLE_UID, LINK_UID, QUOTE_UID];
const BEFORE_EACH_QUERY = [
  'beforeFindOne',
  'beforeFindMany',
  'beforeCount',
  'beforeCreate',
  'beforeCreateMany',
  'beforeUpdate',
  'beforeUpdateMany',
  'beforeDelete',
  'beforeDeleteMany',
] as const;

/**
 * The turn, for a step of the plugin's own (published effects, between their statements).
 * PostgreSQL needs none: each statement is a round trip that gives the loop back.
 */
export const giveReadersATurn = (strapi: Core.Strapi): Promise<void> =>
  isPostgres(strapi.db) ? Promise.resolve() : turnOf(strapi)();

/** Shutdown: see `stop` above. */
export const stopReadersTurns = (strapi: Core.Strapi): Promise<void> => turnOf(strapi).stop();

/**
 * On SQLite, before each query Strapi's query engine runs on a newsroom model, from any
 * entry point (a publish's own statements, the cascades, the checks): a database lifecycle,
 * the one hook Strapi runs before every such query.
 */
export const subscribeReadersTurn = (strapi: Core.Strapi) => {
  if (isPostgres(strapi.db)) return;
  const turn = turnOf(strapi);
  strapi.db.lifecycles.subscribe({
    models: NEWSROOM_MODELS,
    ...Object.fromEntries(BEFORE_EACH_QUERY.map((action) => [action, () => turn()])),
  });
};
