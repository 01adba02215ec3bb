import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Work that must finish before the HTTP response that caused it is sent. The content manager
 * publishes inside a transaction of its own, so the freshness bump can only run once that
 * transaction commits (an `onCommit` callback, which Strapi does not await). The callback
 * registers its promise here; `awaitPendingWrites`, the outermost Koa middleware, waits for
 * it, so an editor's "published" answer always comes after every instance can see the change.
 */
const storage = new AsyncLocalStorage<Promise<unknown>[]>();

/** Registers `work` with the current request, if there is one; returns it either way. */
export const trackPending = <T>(work: Promise<T>): Promise<T> => {
  storage.getStore()?.push(work);
  return work;
};

/**
 * Runs `work` and then waits for the after-commit work it registered. For entry points
 * outside a request (the import command, the seed): their caller may shut Strapi down as soon
 * as they return, which must not cut a freshness bump off mid-query.
 */
export const withPendingWrites = async <T>(work: () => Promise<T>): Promise<T> => {
  const pending: Promise<unknown>[] = [];
  try {
    return await storage.run(pending, work);
  } finally {
    // Failures are logged where the work runs; the outcome itself has already been decided.
    while (pending.length) await Promise.allSettled(pending.splice(0));
  }
};

export const awaitPendingWrites = async (_ctx: unknown, next: () => Promise<unknown>) => {
  await withPendingWrites(next);
};
