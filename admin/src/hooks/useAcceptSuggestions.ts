import { useCallback } from 'react';
import type { Suggestion } from '#shared/contracts/admin';
import {
  useLazyGetNewsroomPlacementQuery,
  useSaveNewsroomPlacementMutation,
} from '../api/newsroomApi';
import { acceptSuggestions } from '../utils/acceptSuggestions';

/**
 * Accepts suggestions of one story from the orphans queue: reads its placement afresh, then
 * saves it with the new links through the manager's own save (same route, version check and
 * rules as a save in the editor). Answers the suggestions placed; a refused save throws, as
 * the mutation's error (a 409 when a colleague saved in between).
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
    ): Promise<Suggestion[]> => {
      const arg = { documentId, ...(locale ? { locale } : {}) };
      const placement = await readPlacement(arg, false).unwrap();
      const { body, placed } = acceptSuggestions(placement, suggestions);
      if (placed.length > 0) await savePlacement({ ...arg, body }).unwrap();
      return placed;
    },
    [readPlacement, savePlacement]
  );
};
