import { useState } from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { Suggestion } from '#shared/contracts/admin';
import { useGetNewsroomSuggestionsQuery } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';
import { IndexingNotice } from '../IndexingNotice';
import { aboveFloor } from '#shared/baca-juga/strength';
import { StrengthBadge, WeakToggle } from './StrengthBadge';

const SUGGESTION_LIMIT = 10;

/** Where the suggestion fits in the story, and why; "Add" puts it there. */
export const FitsAfterHint = ({ fitsAfter }: { fitsAfter: Suggestion['fitsAfter'] }) => {
  const t = useT();
  return (
    <Typography variant="pi" textColor="neutral700" data-testid="newsroom-fits-after">
      {fitsAfter
        ? fitsAfter.matchedTerms.length > 0
          ? t('suggestions.fitsAfterWhy', {
              number: fitsAfter.number,
              terms: fitsAfter.matchedTerms.join(', '),
            })
          : t('suggestions.fitsAfter', { number: fitsAfter.number })
        : t('suggestions.fitsNowhere')}
    </Typography>
  );
};

interface SuggestionListProps {
  documentId: string;
  /** The version on screen, where stories are localized: its locale's stories are suggested. */
  locale?: string;
  linkedDocumentIds: Set<string>;
  canManage: boolean;
  canAdd: boolean;
  onAdd: (suggestion: Suggestion) => void;
}

/**
 * Related articles the server's engine ranks for this one (BM25 over the stemmed title, lead,
 * tags and body of every published story, with a boost for shared tags and for closeness in
 * time; server/src/services/suggestions), each with the paragraph it fits after and an "Add"
 * button; articles already linked locally are left out.
 */
export const SuggestionList = ({
  documentId,
  locale,
  linkedDocumentIds,
  canManage,
  canAdd,
  onAdd,
}: SuggestionListProps) => {
  const t = useT();
  // `currentData`: this article's suggestions only, never the previous article's while loading.
  // Refetched on every visit (new stories rank too) and after a save (tag).
  const {
    currentData: data,
    error,
    isFetching,
    refetch,
  } = useGetNewsroomSuggestionsQuery(
    { documentId, ...(locale ? { locale } : {}), limit: SUGGESTION_LIMIT },
    { refetchOnMountOrArgChange: true }
  );
  const [showWeak, setShowWeak] = useState(false);
  const unlinked = (data?.suggestions ?? []).filter((s) => !linkedDocumentIds.has(s.documentId));
  const weak = unlinked.filter((s) => !aboveFloor(s)).length;
  const suggestions = showWeak ? unlinked : unlinked.filter(aboveFloor);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {isFetching && !data && <Loader small>{t('common.loading')}</Loader>}
      <IndexingNotice indexing={data?.indexing} />
      {error && (
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="pi" textColor="danger600">
            {t('suggestions.error')}
          </Typography>
          <Button size="S" variant="tertiary" onClick={() => refetch()}>
            {t('common.retry')}
          </Button>
        </Flex>
      )}
      {data && suggestions.length === 0 && weak === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {t('suggestions.empty')}
        </Typography>
      )}
      {suggestions.map((s) => (
        <Box
          key={s.documentId}
          data-testid="newsroom-suggestion"
          data-document-id={s.documentId}
          padding={3}
          hasRadius
          borderColor="neutral200"
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega" fontWeight="bold" textColor="neutral800">
              {s.title}
            </Typography>
            {/* Ranked by the server; a bare score would mean nothing to an editor: a band and why. */}
            <Box>
              <ArticleStatusBadge status={s.status} size="XS" />
            </Box>
            <StrengthBadge suggestion={s} />
            {s.sharedTags.length > 0 && (
              <Flex gap={1} wrap="wrap" alignItems="center">
                <Typography variant="pi" textColor="neutral600">
                  {t('suggestions.sharedTags')}
                </Typography>
                {s.sharedTags.map((tag) => (
                  <Badge key={tag} size="S">
                    {tag}
                  </Badge>
                ))}
              </Flex>
            )}
            {s.matchedTerms.length > 0 && (
              <Typography variant="pi" textColor="neutral600">
                {t('suggestions.matchedTerms', { terms: s.matchedTerms.join(', ') })}
              </Typography>
            )}
            <FitsAfterHint fitsAfter={s.fitsAfter} />
            {s.status === 'draft' && (
              <Typography variant="pi" textColor="warning600">
                {t('link.hiddenUntilPublished')}
              </Typography>
            )}
            {canManage && (
              <Box>
                <Button
                  size="S"
                  variant="secondary"
                  startIcon={<Plus />}
                  disabled={!canAdd}
                  onClick={() => onAdd(s)}
                >
                  {t('suggestions.add')}
                </Button>
              </Box>
            )}
          </Flex>
        </Box>
      ))}
      <WeakToggle weak={weak} shown={showWeak} onToggle={() => setShowWeak((v) => !v)} />
    </Flex>
  );
};

/**
 * The suggestions column beside the article: "Add" puts a link after the paragraph it fits,
 * or, when none fits, in the selected slot, which the editor picks by clicking a slot's name.
 */
export const SuggestionsPanel = ({
  selectedSlotLabel,
  ...list
}: SuggestionListProps & { selectedSlotLabel: string }) => {
  const t = useT();
  return (
    <Box
      tag="aside"
      aria-labelledby="newsroom-suggestions-title"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={4}
      // Stays in view while the editor scrolls down a long article to pick a slot; scrolls
      // by itself when ten suggestions are taller than the window.
      position="sticky"
      top="8rem"
      maxHeight="calc(100vh - 10rem)"
      overflow="auto"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography id="newsroom-suggestions-title" variant="delta" tag="h2">
          {t('suggestions.title')}
        </Typography>
        {list.canManage && (
          <Typography variant="pi" textColor="neutral600">
            {t('suggestions.target', { slot: selectedSlotLabel })}
          </Typography>
        )}
        <SuggestionList {...list} />
      </Flex>
    </Box>
  );
};
