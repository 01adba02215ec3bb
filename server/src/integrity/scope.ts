import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import type { PlacementState } from '#shared/baca-juga/invariants';

/**
 * One checked write: the outermost Document Service action (or a whole-placement save) and
 * every write nested in it (a publish's cascade, the save's per-link writes). Nested writes
 * only add what they touch; the outermost checks the outcome once, when all of them are done,
 * so intermediate states (two links swapping targets) are never judged. Per async call chain:
 * nothing is shared between requests or instances.
 */
export interface WriteScope {
  trx: Knex.Transaction;
  startedAt: Date;
  /** Each article's stored state before the write first touched it. */
  before: Map<string, PlacementState[]>;
  /** Articles whose outcome is checked. */
  articles: Set<string>;
  /** Links and quotes written, by uid: each must end up in exactly one article. */
  written: Map<string, Set<string>>;
  /** An action no rule knows the shape of ran: articles edited since the start are checked. */
  unknownAction: boolean;
  /** Work for after the commit (a freshness bump), run once, by the outermost write. */
  afterCommit: Map<string, () => Promise<void>>;
}

const storage = new AsyncLocalStorage<WriteScope>();

export const currentScope = () => storage.getStore();

export const runInScope = <T>(scope: WriteScope, work: () => Promise<T>) =>
  storage.run(scope, work);
