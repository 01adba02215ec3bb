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
  /** False when the rule was stored already (a colleague's): said, but not undone from here. */
  created: boolean;
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
      const { rule, created } = await addRule({
        documentId,
        ...(locale ? { locale } : {}),
        body: {
          kind,
          candidate: candidate.documentId,
          reason: kind === 'dismiss' ? reason : null,
          note: kind === 'dismiss' ? note?.trim() || null : null,
        },
      }).unwrap();
      setLast({ rule, documentId, title: candidate.title ?? null, created });
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

  /** What the last rule stored from here did, in words; null when there is none to say. */
  const lastMessage = last
    ? last.created
      ? t(last.rule.kind === 'never-pair' ? 'controls.paired' : 'controls.dismissedOne', {
          title: last.title,
        })
      : t(
          last.rule.kind === 'never-pair' ? 'controls.alreadyPaired' : 'controls.alreadyDismissed',
          {
            title: last.title,
            name: last.rule.createdBy.name ?? t('controls.colleague'),
          }
        )
    : null;

  /** The Undo of the last rule: only one this screen created (a colleague's stays theirs). */
  const undoLast = last?.created ? () => remove(last.documentId, last.rule) : null;

  return {
    store,
    remove,
    last,
    lastMessage,
    undoLast,
    dismissLast: () => setLast(null),
    busy: adding || deleting,
  };
};

export type SuggestionRules = ReturnType<typeof useSuggestionRules>;
