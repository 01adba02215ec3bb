import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise, ClockCounterClockwise } from '@strapi/icons';
import type { HistoryEntry, LinkTarget, Placement } from '#shared/contracts/admin';
import {
  changeValues,
  placementChanges,
  restoredLinks,
  type ChangeKind,
  type Naming,
} from '#shared/baca-juga/placement-history';
import { toApiErrorOrNull } from '../../api/errors';
import { useGetNewsroomPlacementHistoryQuery } from '../../api/newsroomApi';
import { useT, type Translate, type TranslationKey } from '../../hooks/useT';
import { healthForTarget, newLocalKey, type DraftLink } from '../../utils/placement';

const CHANGE_TEXT: Record<ChangeKind, TranslationKey> = {
  added: 'history.change.added',
  removed: 'history.change.removed',
  moved: 'history.change.moved',
  reordered: 'history.change.reordered',
  relabelled: 'history.change.relabelled',
  retargeted: 'history.change.retargeted',
  testChanged: 'history.change.testChanged',
  reviewed: 'history.change.reviewed',
  quoteAdded: 'history.change.quoteAdded',
  quoteRemoved: 'history.change.quoteRemoved',
  quoteEdited: 'history.change.quoteEdited',
  quoteMoved: 'history.change.quoteMoved',
};

/** One entry's changes in the editor's language, from the same diff as the server's summary. */
const describe = (t: Translate, entry: HistoryEntry, titleOf: (id: string) => string | null) => {
  const naming: Naming = {
    slot: (slot) =>
      slot === null
        ? t('history.slotGone')
        : slot === 0
          ? t('history.slotStart')
          : t('history.slotAfter', { number: slot }),
    unnamed: t('history.unnamed'),
  };
  const changes = placementChanges(entry.before, entry.after);
  if (changes.length === 0) return [t('history.none')];
  return changes.map((c) => t(CHANGE_TEXT[c.kind], changeValues(c, titleOf, naming)));
};

/**
 * An entry's placement as the editor's links over the story as it is now: links that still
 * stand keep their documentId (the save updates them), the others are placed anew; links that
 * cannot stand again are counted, never put elsewhere (#shared/baca-juga/placement-history).
 */
export const restoreOf = (
  entry: HistoryEntry,
  placement: Placement,
  targets: LinkTarget[]
): { links: DraftLink[]; skipped: number } => {
  const byId = new Map(targets.map((target) => [target.documentId, target]));
  const { links, skipped } = restoredLinks(entry.after, {
    links: placement.links.map((l) => ({
      documentId: l.documentId,
      target: l.targetArticle?.documentId ?? null,
      url: l.url,
    })),
    paragraphIds: new Set(placement.paragraphs.map((p) => p.id)),
    targets: new Set(byId.keys()),
  });
  return {
    skipped: skipped.length,
    links: links.map((link): DraftLink => {
      const target = link.targetDocumentId ? (byId.get(link.targetDocumentId) ?? null) : null;
      return {
        key: link.documentId ?? newLocalKey(),
        documentId: link.documentId ?? null,
        targetArticle: target,
        url: link.url,
        label: link.label ?? '',
        afterParagraphId: link.afterParagraphId,
        variantAfterParagraphId: link.variantAfterParagraphId,
        health: target ? healthForTarget(target) : 'external',
      };
    }),
  };
};

/**
 * "History": who changed this story's links and quotes, when and what, newest first, from any
 * entry point (the manager, the content manager, scripts). "Restore this placement" puts an
 * entry's links back as an ordinary save of the placement on screen: the rules apply, and a
 * colleague's save since this editor loaded answers 409 (the conflict review follows).
 */
export const PlacementHistory = ({
  placement,
  locale,
  canManage,
  isDirty,
  saving,
  onRestore,
}: {
  placement: Placement;
  locale?: string;
  canManage: boolean;
  /** Unsaved edits on screen: a restore would replace them, so it waits for a save or undo. */
  isDirty: boolean;
  saving: boolean;
  onRestore: (links: DraftLink[], skipped: number) => void;
}) => {
  const t = useT();
  const { formatDate } = useIntl();
  const [open, setOpen] = useState(false);
  const documentId = placement.article.documentId;
  const history = useGetNewsroomPlacementHistoryQuery(
    { documentId, ...(locale ? { locale } : {}) },
    { skip: !open, refetchOnMountOrArgChange: true }
  );
  const error = toApiErrorOrNull(history.error);
  const answer = history.currentData;
  const titles = new Map((answer?.meta.targets ?? []).map((x) => [x.documentId, x.title ?? null]));
  const titleOf = (id: string) => titles.get(id) ?? null;

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button
          variant="tertiary"
          size="S"
          startIcon={<ClockCounterClockwise />}
          data-testid="newsroom-history"
        >
          {t('history.open')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('history.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {answer
                ? t('history.bounds', {
                    entries: answer.meta.maxEntries,
                    days: answer.meta.maxAgeDays,
                  })
                : t('common.loading')}
            </Typography>
            {error && (
              <Typography textColor="danger600" tag="p">
                {t('history.loadError', { message: error.message })}
              </Typography>
            )}
            {answer && answer.data.length === 0 && (
              <Typography tag="p">{t('history.empty')}</Typography>
            )}
            {canManage && isDirty && answer && answer.data.length > 0 && (
              <Typography variant="pi" textColor="warning600" tag="p">
                {t('history.saveFirst')}
              </Typography>
            )}
            <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
              {answer?.data.map((entry) => (
                <Box
                  tag="li"
                  key={entry.id}
                  padding={3}
                  hasRadius
                  borderColor="neutral200"
                  data-testid="newsroom-history-entry"
                >
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    {t('history.whoWhen', {
                      who: entry.user
                        ? (entry.user.name ?? `#${entry.user.id}`)
                        : t('history.noUser'),
                      when: formatDate(new Date(entry.at), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                    })}
                  </Typography>
                  <Box tag="ul" paddingTop={1}>
                    {describe(t, entry, titleOf).map((line, i) => (
                      <Typography tag="li" key={i} variant="omega">
                        {line}
                      </Typography>
                    ))}
                  </Box>
                  {canManage && (
                    <Box paddingTop={2}>
                      <Button
                        variant="secondary"
                        size="S"
                        startIcon={<ArrowClockwise />}
                        disabled={isDirty || saving}
                        loading={saving}
                        onClick={() => {
                          const { links, skipped } = restoreOf(
                            entry,
                            placement,
                            answer.meta.targets
                          );
                          setOpen(false);
                          onRestore(links, skipped);
                        }}
                      >
                        {t('history.restore')}
                      </Button>
                    </Box>
                  )}
                </Box>
              ))}
            </Flex>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
