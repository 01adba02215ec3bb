import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  newViolations,
  ownerlessViolation,
  placementViolations,
  type PlacementState,
  type Violation,
} from '#shared/baca-juga/invariants';
import { LINK_UID, PLUGIN_ID, QUOTE_UID } from '../constants';
import type { NewsroomConfig } from '../config';
import {
  lockArticles,
  ownerlessDrafts,
  ownersOf,
  readPlacementStates,
  touchedSince,
} from '../database/placement-state';
import { recordLinkEdits } from './link-edits';
import { currentScope, runInScope, stateBefore, writtenIds, type WriteScope } from './scope';

const limitsOf = (strapi: Core.Strapi) =>
  strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

/** Records the state of these articles before the write touches them (first touch wins). */
export const snapshot = async (strapi: Core.Strapi, scope: WriteScope, documentIds: string[]) => {
  const fresh = documentIds.filter((id) => !scope.before.has(id));
  for (const id of documentIds) scope.articles.add(id);
  if (fresh.length === 0) return;
  const states = await readPlacementStates(strapi, scope.trx, fresh);
  for (const id of fresh)
    scope.before.set(
      id,
      states.filter((s) => s.documentId === id)
    );
};

export const noteWritten = (scope: WriteScope, uid: string, documentIds: string[]) => {
  const set = scope.written.get(uid) ?? new Set<string>();
  for (const id of documentIds) set.add(id);
  scope.written.set(uid, set);
};

/**
 * What the write leaves: the stored state of every article it touched, read inside its
 * transaction with those articles locked, so that no other write changes them before the
 * commit.
 */
const outcomeOf = async (strapi: Core.Strapi, scope: WriteScope): Promise<PlacementState[]> => {
  if (scope.unknownAction) {
    // Nothing was snapshotted before an unknown action: everything it edited is judged as
    // new, the articles it edited as a whole and the links and quotes it edited as written.
    const touched = await touchedSince(strapi, scope.trx, scope.startedAt);
    for (const id of touched.articles) {
      if (!scope.before.has(id)) scope.before.set(id, []);
      scope.articles.add(id);
    }
    for (const [uid, ids] of touched.parts) {
      noteWritten(scope, uid, ids);
      for (const id of await ownersOf(strapi, scope.trx, uid, ids)) scope.articles.add(id);
    }
  }
  await lockArticles(strapi, scope.trx, [...scope.articles]);
  return readPlacementStates(strapi, scope.trx, [...scope.articles]);
};

/** Everything the write introduced that breaks an invariant, judged on its outcome. */
const violationsOf = async (
  strapi: Core.Strapi,
  scope: WriteScope,
  after: PlacementState[]
): Promise<Violation[]> => {
  const limits = limitsOf(strapi);
  const written = writtenIds(scope);
  const found: Violation[] = [];
  for (const state of after) {
    const before = stateBefore(scope, state, written);
    const was = before ? placementViolations(before, limits) : [];
    found.push(...newViolations(was, placementViolations(state, limits)));
  }
  for (const uid of [LINK_UID, QUOTE_UID] as const) {
    const ids = [...(scope.written.get(uid) ?? [])];
    for (const id of await ownerlessDrafts(strapi, scope.trx, uid, ids)) {
      found.push(ownerlessViolation(uid === LINK_UID ? 'link' : 'quote', id));
    }
  }
  return found;
};

/**
 * Runs `work` as one checked write: in a transaction (the caller's, when there is one),
 * recording what it touches, then refusing the whole of it with the violations it introduced.
 * Inside another checked write it only records: the outermost one checks. `report` throws the
 * refusal; it may read inside the write's transaction first (`scope.trx`).
 */
export const checkedWrite = async <T>(
  strapi: Core.Strapi,
  work: (scope: WriteScope) => Promise<T>,
  report: (violations: Violation[], scope: WriteScope) => never | Promise<never>
): Promise<T> => {
  const outer = currentScope();
  if (outer) return work(outer);
  const afterCommit = new Map<string, () => Promise<void>>();
  const result = await strapi.db.transaction(async ({ trx }) => {
    const scope: WriteScope = {
      trx: trx as Knex.Transaction,
      startedAt: new Date(),
      before: new Map(),
      articles: new Set(),
      written: new Map(),
      unknownAction: false,
      afterCommit,
    };
    const result = await runInScope(scope, () => work(scope));
    const after = await outcomeOf(strapi, scope);
    const violations = await violationsOf(strapi, scope, after);
    if (violations.length > 0) await report(violations, scope);
    // The manager's "Last edited" of the stories whose draft links it changed, from the same
    // outcome, whichever entry point wrote them; committed with the write or not at all.
    await recordLinkEdits(strapi, scope, after);
    return result;
  });
  for (const work of afterCommit.values()) await work();
  return result;
};
