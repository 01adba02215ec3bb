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

/** The documentIds of every link and quote the write wrote. */
export const writtenIds = (scope: WriteScope): Set<string> =>
  new Set([...scope.written.values()].flatMap((set) => [...set]));

const withoutDocuments = (state: PlacementState, documentIds: Set<string>): PlacementState => ({
  ...state,
  links: state.links.filter((l) => !documentIds.has(l.documentId)),
  quotes: state.quotes.filter((q) => !documentIds.has(q.documentId)),
});

/**
 * What the version `after` holds the outcome of was before the write: its snapshot, or null
 * when the article had none of that version (created, or a new translation). An article
 * first seen after the write (a link moved or created into it) was its outcome less the
 * links and quotes this write wrote (`written`): those were not in it before.
 */
export const stateBefore = (
  scope: WriteScope,
  after: PlacementState,
  written: Set<string>
): PlacementState | null => {
  const snap = scope.before.get(after.documentId);
  if (!snap) return withoutDocuments(after, written);
  return (
    snap.find(
      (s) => s.version === after.version && (s.locale ?? null) === (after.locale ?? null)
    ) ?? null
  );
};

const storage = new AsyncLocalStorage<WriteScope>();

export const currentScope = () => storage.getStore();

export const runInScope = <T>(scope: WriteScope, work: () => Promise<T>) =>
  storage.run(scope, work);
