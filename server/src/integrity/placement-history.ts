import type { Core } from '@strapi/strapi';
import type { PlacementState } from '#shared/baca-juga/invariants';
import { historyPlacementOf, samePlacement } from '#shared/baca-juga/placement-history';
import { actingAdmin } from '../auth/acting-admin';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { forgetHistory, recordHistory, type HistoryRecord } from '../database/placement-history';
import { linkEditsOf } from './link-edits';
import { stateBefore, writtenIds, type WriteScope } from './scope';

/**
 * Records the placement history of the write's outcome (the same snapshot the invariants are
 * checked on, before and after): one entry per draft version whose links or quotes changed,
 * whatever the entry point, with the admin user behind the request, if any. Inside the write's
 * transaction: committed with it, or not at all.
 */
export const recordPlacementHistory = async (
  strapi: Core.Strapi,
  scope: WriteScope,
  after: PlacementState[]
) => {
  const { history: bounds } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  const { gone } = linkEditsOf(scope, after);
  await forgetHistory(strapi, scope.trx, gone);
  if (bounds.maxEntries === 0) return;
  const written = writtenIds(scope);
  // The end of the write, when its articles are locked: a version's entries are in order.
  const at = new Date();
  const user = actingAdmin(strapi);
  const records: HistoryRecord[] = [];
  for (const state of after) {
    if (state.version !== 'draft') continue;
    const before = historyPlacementOf(stateBefore(scope, state, written));
    const now = historyPlacementOf(state);
    if (samePlacement(before, now)) continue;
    records.push({
      documentId: state.documentId,
      locale: state.locale ?? null,
      at,
      user,
      before,
      after: now,
    });
  }
  await recordHistory(strapi, scope.trx, records, bounds);
};
