import { useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { DismissReason, RuleKind, SuggestionRule } from '#shared/contracts/admin';
import { toApiError } from '../../api/errors';
import {
  useAddNewsroomSuggestionRuleMutation,
  useDeleteNewsroomSuggestionRuleMutation,
} from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';

/** The last rule stored from this screen, said with an Undo until the next one. */
export interface LastRule {
  rule: SuggestionRule;
  /** The story it was stored for. */
  documentId: string;
  title: string | null;
}

/**
 * Dismissing a suggestion and "never suggest this pair", each stored at once (no save of the
 * story) and undone by deleting the stored rule. Shared by the editor and the orphans queue.
 */
export const useSuggestionRules = (locale?: string) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [addRule, { isLoading: adding }] = useAddNewsroomSuggestionRuleMutation();
  const [deleteRule, { isLoading: deleting }] = useDeleteNewsroomSuggestionRuleMutation();
  const [last, setLast] = useState<LastRule | null>(null);

  const fail = (error: unknown) =>
    toggleNotification({
      type: 'danger',
      message: t('controls.failed', { message: toApiError(error).message }),
    });

  const store = async (
    documentId: string,
    candidate: { documentId: string; title?: string | null },
    kind: RuleKind,
    reason: DismissReason | null = null,
    note: string | null = null
  ) => {
    try {
      const rule = await addRule({
        documentId,
        ...(locale ? { locale } : {}),
        body: {
          kind,
          candidate: candidate.documentId,
          reason: kind === 'dismiss' ? reason : null,
          note: kind === 'dismiss' ? note?.trim() || null : null,
        },
      }).unwrap();
      setLast({ rule, documentId, title: candidate.title ?? null });
    } catch (error) {
      fail(error);
    }
  };

  /** Deletes a stored rule of `documentId`: the Undo, and the list's Restore. */
  const remove = async (documentId: string, rule: SuggestionRule) => {
    try {
      await deleteRule({
        id: rule.id,
        documentIds:
          rule.kind === 'never-pair' ? [documentId, rule.candidate.documentId] : [documentId],
      }).unwrap();
      if (last?.rule.id === rule.id) setLast(null);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  return { store, remove, last, dismissLast: () => setLast(null), busy: adding || deleting };
};

export type SuggestionRules = ReturnType<typeof useSuggestionRules>;
