import { useCallback } from 'react';
import type { Suggestion } from '#shared/contracts/admin';
import {
  useLazyGetNewsroomPlacementQuery,
  useSaveNewsroomPlacementMutation,
} from '../api/newsroomApi';
import { acceptSuggestions } from '../utils/acceptSuggestions';
import { fromPlacement, toSaveBody } from '../utils/placement';

export interface Accepted {
  /** The suggestions placed (those without a slot in the draft are left out). */
  placed: Suggestion[];
  /**
   * Puts the story's links back as they were before the accept: a save of that placement
   * against the version the accept saved, so a colleague's save in between is a 409, not lost.
   * Null when nothing was saved.
   */
  undo: (() => Promise<void>) | null;
}

/**
 * Accepts suggestions of one story from the orphans queue: reads its placement afresh, then
 * saves it with the new links through the manager's own save (same route, version check and
 * rules as a save in the editor). A refused save throws, as the mutation's error (a 409 when
 * a colleague saved in between).
 */
export const useAcceptSuggestions = () => {
  const [readPlacement] = useLazyGetNewsroomPlacementQuery();
  const [savePlacement] = useSaveNewsroomPlacementMutation();
  return useCallback(
    async (
      documentId: string,
      suggestions: Suggestion[],
      /** The version the suggestions were made for (absent: the default locale's). */
      locale?: string
    ): Promise<Accepted> => {
      const arg = { documentId, ...(locale ? { locale } : {}) };
      const before = await readPlacement(arg, false).unwrap();
      const { body, placed } = acceptSuggestions(before, suggestions);
      if (placed.length === 0) return { placed, undo: null };
      const saved = await savePlacement({ ...arg, body }).unwrap();
      const restore = toSaveBody(saved.placement.version, fromPlacement(before));
      return {
        placed,
        undo: async () => {
          await savePlacement({ ...arg, body: restore }).unwrap();
        },
      };
    },
    [readPlacement, savePlacement]
  );
};
