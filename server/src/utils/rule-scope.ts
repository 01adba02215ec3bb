import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ placementSave: true }>();

/**
 * Runs `work` as a whole-placement save. The save checks the placement as one unit before it
 * writes; its individual link writes pass through intermediate states (two links swapping
 * targets hold the same target for a moment) that the per-link rules would wrongly refuse.
 * The scope is per async call chain: nothing is shared between requests or instances.
 */
export const asPlacementSave = <T>(work: () => Promise<T>) =>
  scope.run({ placementSave: true }, work);

export const inPlacementSave = () => scope.getStore()?.placementSave === true;
