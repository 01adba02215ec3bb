import { useId, useState, type KeyboardEvent } from 'react';
import { Box, Field, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useDebounce } from '@strapi/strapi/admin';
import { styled } from 'styled-components';
import type { LinkTarget } from '#shared/contracts/admin';
import { useSearchNewsroomTargetsQuery } from '../../api/newsroomApi';
import { useT } from '../../hooks/useT';
import { ArticleStatusBadge } from '../ArticleStatusBadge';

const SEARCH_DEBOUNCE_MS = 250;

const Option = styled(Box)<{ $active: boolean; $selected: boolean }>`
  cursor: pointer;
  background: ${({ theme, $active, $selected }) =>
    $selected ? theme.colors.primary100 : $active ? theme.colors.neutral100 : 'transparent'};
  &:hover {
    background: ${({ theme }) => theme.colors.neutral100};
  }
`;

/** Ten results fit; the modal itself must not outgrow the window. */
const Results = styled(Box)`
  max-height: 28rem;
  overflow-y: auto;
`;

/**
 * Search-as-you-type over the newsroom's articles (`GET /targets`), as a combobox: arrow keys
 * move through the results, Enter picks one. Before anything is typed it lists the most
 * recently edited articles (on a deadline, the story to link to was usually just written).
 * Drafts can be picked; they are marked. Articles this one already links to are marked too,
 * before the editor picks one (the form then explains and refuses it).
 */
export const TargetSearch = ({
  excludeDocumentId,
  locale,
  selected,
  isLinked,
  onSelect,
}: {
  excludeDocumentId: string;
  locale?: string;
  selected: LinkTarget | null;
  isLinked: (documentId: string) => boolean;
  onSelect: (target: LinkTarget) => void;
}) => {
  const t = useT();
  const listId = useId();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const term = useDebounce(q.trim(), SEARCH_DEBOUNCE_MS);

  // `currentData` is the answer for this very term (never the previous term's, as `data` is).
  const { currentData, error, isFetching } = useSearchNewsroomTargetsQuery({
    q: term,
    exclude: excludeDocumentId,
    locale,
  });
  // Only answers to what is in the box now: while typing (debounce) or loading, the previous
  // results would invite a click on the wrong article.
  const settled = q.trim() === term && currentData !== undefined && !isFetching;
  const results = settled ? currentData : [];

  const pick = (target: LinkTarget) =>
    onSelect({
      documentId: target.documentId,
      title: target.title,
      slug: target.slug,
      status: target.status,
      placeholder: target.placeholder,
      publishedTitle: target.publishedTitle,
    });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % results.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i - 1 + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(results[Math.min(active, results.length - 1)]);
    }
  };

  const optionId = (documentId: string) => `${listId}-${documentId}`;
  const activeResult = results[Math.min(active, results.length - 1)];

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="target-search">
        <Field.Label>{t('modal.search.label')}</Field.Label>
        <TextInput
          aria-label={t('modal.search.label')}
          placeholder={t('modal.search.placeholder')}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeResult ? optionId(activeResult.documentId) : undefined}
          startAction={<Search fill="neutral500" />}
          value={q}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            setQ(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
      </Field.Root>

      {!settled && !error && <Loader small>{t('common.loading')}</Loader>}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {t('modal.search.error')}
        </Typography>
      )}
      {settled && !error && results.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {term ? t('modal.search.empty') : t('modal.search.none')}
        </Typography>
      )}
      {settled && !term && results.length > 0 && (
        <Typography variant="sigma" textColor="neutral600">
          {t('modal.search.recent')}
        </Typography>
      )}

      <Results
        id={listId}
        role="listbox"
        aria-label={t('modal.search.results')}
        hasRadius
        borderColor={results.length ? 'neutral200' : undefined}
      >
        {results.map((result, index) => {
          const linked = isLinked(result.documentId);
          return (
            <Option
              key={result.documentId}
              id={optionId(result.documentId)}
              data-testid="newsroom-target-option"
              data-document-id={result.documentId}
              role="option"
              aria-selected={selected?.documentId === result.documentId}
              $active={index === active}
              $selected={selected?.documentId === result.documentId}
              paddingTop={2}
              paddingBottom={2}
              paddingLeft={3}
              paddingRight={3}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(result)}
            >
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="omega" textColor="neutral800">
                  {result.title}
                </Typography>
                <ArticleStatusBadge status={result.status} size="XS" />
              </Flex>
              {linked ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('modal.search.alreadyLinked')}
                </Typography>
              ) : result.placeholder ? (
                // Readers do get something of a link to a placeholder: its label, unlinked.
                <Typography variant="pi" textColor="warning600">
                  {t('modal.search.placeholderHint')}
                </Typography>
              ) : (
                result.status === 'draft' && (
                  <Typography variant="pi" textColor="warning600">
                    {t('modal.search.draftHint')}
                  </Typography>
                )
              )}
            </Option>
          );
        })}
      </Results>
    </Flex>
  );
};
