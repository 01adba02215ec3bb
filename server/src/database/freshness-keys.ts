import type { Core } from '@strapi/strapi';
import { FRESHNESS_KEYS_TABLE } from './plugin-tables';
import { runPrepared } from './prepared';

/** The tag of a bump whose change is not known: every cached response is retired. */
export const EVERY_TAG = '*';

/** Tags a snapshot holds at most; a response older than that span asks the table itself. */
export const SNAPSHOT_MAX_TAGS = 5_000;

interface Known {
  /** Every tag whose newest bump is after `floor` is in `tags`, up to `upTo` at least. */
  floor: number;
  upTo: number;
  tags: Map<string, number>;
}

/**
 * This instance's copy of the recent past of the keys table (services/freshness): each tag
 * bumped after `floor`, with its newest generation, complete up to `upTo`. After a publish
 * every kept response asks whether its tags changed since it was computed. One read of the
 * rows bumped since the last read answers them all; a read per response made each publish
 * cost as many statements as there were responses in use.
 *
 * Complete up to `upTo` because bumps commit in generation order: a bump's increment waits on
 * the counter's row lock (PostgreSQL) or on the one writer (SQLite) until the bump before it
 * has committed, its tags included. So a statement that sees a generation sees every bump up
 * to it, and a statement issued after the caller read `now` sees every bump up to `now`.
 * Nothing here is needed by another instance: each catches up from the database, before it
 * answers, to the generation its request read. A tag row keeps only its newest generation, so
 * every read takes all rows after a generation, never a range that a later bump could have
 * moved a row out of.
 */
export const createKeysSnapshot = (strapi: Core.Strapi) => {
  let known: Known | null = null;
  /** The newest `since` a snapshot could not reach back to: anything as old asks the table. */
  let tooFarBack = -1;
  /** Reads and changes of `known`, one after another. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  // On the public read path, after a publish: compiled once, and on SQLite read beside a
  // write in progress (database/prepared).
  const { sql } = strapi.db
    .connection(FRESHNESS_KEYS_TABLE)
    .where('generation', '>', 0)
    .limit(SNAPSHOT_MAX_TAGS + 1)
    .select('tag', 'generation')
    .toSQL();
  const rowsAfter = async (generation: number) => {
    const rows: Array<{ tag: string; generation: number | string }> = await runPrepared(
      strapi.db.connection,
      sql,
      [generation, SNAPSHOT_MAX_TAGS + 1]
    );
    return rows.map((row) => ({ tag: row.tag, generation: Number(row.generation) }));
  };

  /** Brings the snapshot back to `since` and up to `now`; false when `since` is too far back. */
  const update = async (since: number, now: number): Promise<boolean> => {
    if (since <= tooFarBack) return false;
    if (known && known.floor <= since && known.upTo >= now) return true;
    // Reaching further back reads every row after `since`; catching up, every row after the
    // newest generation read.
    const reachingBack = !known || since < known.floor;
    const rows = await rowsAfter(reachingBack ? since : known!.upTo);
    if (rows.length > SNAPSHOT_MAX_TAGS) {
      if (reachingBack) {
        tooFarBack = Math.max(tooFarBack, since);
        return false;
      }
      // More tags changed since the last read than a snapshot holds: start again from now.
      known = null;
      await update(now, now);
      return false;
    }
    // Every tag `known` holds is among the rows after `since`: the copy loses nothing.
    const next: Known = reachingBack
      ? { floor: since, upTo: known?.upTo ?? since, tags: new Map(known?.tags ?? []) }
      : known!;
    for (const { tag, generation } of rows) {
      next.tags.set(tag, Math.max(next.tags.get(tag) ?? 0, generation));
      next.upTo = Math.max(next.upTo, generation);
    }
    next.upTo = Math.max(next.upTo, now);
    if (next.tags.size > SNAPSHOT_MAX_TAGS) {
      known = { floor: next.upTo, upTo: next.upTo, tags: new Map() };
      return since >= next.upTo;
    }
    known = next;
    return true;
  };

  /** The answer from the snapshot as it is; undefined when it does not reach `since`-`now`. */
  const answer = (tags: readonly string[], since: number, now: number) => {
    const k = known;
    if (!k || k.floor > since || k.upTo < now) return undefined;
    return [...tags, EVERY_TAG].every((tag) => (k.tags.get(tag) ?? 0) <= since);
  };

  return {
    /**
     * Whether none of `tags` (nor `*`) was bumped after `since`, as of `now` at least; null
     * when `since` is further back than the snapshot reaches (the caller asks the table).
     * Concurrent callers share the reads.
     */
    async untouched(tags: readonly string[], since: number, now: number): Promise<boolean | null> {
      for (;;) {
        const known = answer(tags, since, now);
        if (known !== undefined) return known;
        if (!(await serial(() => update(since, now)))) return null;
      }
    },

    /** The same, without waiting: undefined unless the snapshot already answers it. */
    untouchedNow: answer,
  };
};
