import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  LinkButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Plus, Search } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { AdminArticleFilter } from '#shared/contracts/admin';
import { toApiErrorOrNull } from '../api/errors';
import { useGetNewsroomArticlesQuery } from '../api/newsroomApi';
import { ArticleTable } from '../components/list/ArticleTable';
import { LinkHealthSummary } from '../components/list/LinkHealthSummary';
import { ListLocaleSelect } from '../components/list/ListLocaleSelect';
import { ListPagination } from '../components/list/ListPagination';
import { UnclickedStories } from '../components/list/UnclickedStories';
import { DEFAULT_PAGE_SIZE, useDebouncedParam, useListParams } from '../hooks/useListParams';
import { useT, type TranslationKey } from '../hooks/useT';
import { ARTICLE_UID } from '#shared/uids';
import { LoadErrorState } from '../components/LoadErrorState';

/** Articles are written in the content manager; an empty newsroom points there. */
const CREATE_ARTICLE_PATH = `/content-manager/collection-types/${ARTICLE_UID}/create`;

const FILTERS: { value: AdminArticleFilter | 'all'; label: TranslationKey }[] = [
  { value: 'all', label: 'list.filter.all' },
  { value: 'no-links', label: 'list.filter.noLinks' },
  { value: 'broken', label: 'list.filter.broken' },
  { value: 'drafts', label: 'list.filter.drafts' },
  { value: 'awaiting-copy', label: 'list.filter.awaitingCopy' },
  { value: 'needs-review', label: 'list.filter.needsReview' },
];

/** The Baca Juga manager's start page: find the articles whose links need work. */
export const ArticleListPage = () => {
  const t = useT();
  const location = useLocation();
  const { query, update } = useListParams();
  const [search, setSearch] = useDebouncedParam(query.q ?? '', (q) => update({ q, page: 1 }, true));
  const [tag, setTag] = useDebouncedParam(query.tag ?? '', (value) =>
    update({ tag: value, page: 1 }, true)
  );

  // `data` stays the last list while another page or search loads, so the table does not
  // flash empty; a cached list shows at once and is refreshed behind it, as the newsroom moves.
  const {
    data,
    error: queryError,
    isFetching,
    refetch,
  } = useGetNewsroomArticlesQuery(query, { refetchOnMountOrArgChange: true });
  const error = toApiErrorOrNull(queryError);

  const rows = data?.data ?? [];
  const page = query.page ?? 1;
  const hasCriteria = Boolean(query.q || query.filter || query.tag || query.linksTo);

  let body: ReactNode;
  if (error && !data) {
    body = <LoadErrorState status={error.status} message="list.error" onRetry={refetch} />;
  } else if (!data) {
    body = <Page.Loading />;
  } else if (rows.length === 0 && page > 1) {
    // A bookmarked or stale page past the end: offer the way back rather than "nothing found".
    body = (
      <EmptyStateLayout
        content={t('list.empty.pastEnd')}
        action={
          <Button variant="secondary" onClick={() => update({ page: 1 })}>
            {t('list.firstPage')}
          </Button>
        }
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyStateLayout
        content={hasCriteria ? t('list.empty.filtered') : t('list.empty')}
        action={
          hasCriteria ? (
            <Button
              variant="secondary"
              onClick={() => update({ q: '', filter: '', tag: '', linksTo: '', page: 1 })}
            >
              {t('list.clearFilters')}
            </Button>
          ) : (
            <LinkButton
              tag={NavLink}
              to={CREATE_ARTICLE_PATH}
              variant="secondary"
              startIcon={<Plus />}
            >
              {t('list.createArticle')}
            </LinkButton>
          )
        }
      />
    );
  } else {
    body = <ArticleTable rows={rows} listSearch={location.search} />;
  }

  return (
    <Page.Main>
      <Page.Title>{t('list.pageTitle')}</Page.Title>
      <Layouts.Header
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        primaryAction={
          <LinkButton tag={NavLink} to="orphans" variant="secondary">
            {t('orphans.open')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <LinkHealthSummary onShowBroken={() => update({ filter: 'broken', page: 1 })} />
          <UnclickedStories listSearch={location.search} />
          <Flex gap={3} wrap="wrap" alignItems="flex-end">
            <Box style={{ flex: '2 1 280px' }}>
              <Field.Root name="q">
                <Field.Label>{t('list.search.label')}</Field.Label>
                <TextInput
                  aria-label={t('list.search.label')}
                  placeholder={t('list.search.placeholder')}
                  startAction={<Search fill="neutral500" />}
                  value={search}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                />
              </Field.Root>
            </Box>
            <Box style={{ flex: '1 1 200px' }}>
              <Field.Root name="filter">
                <Field.Label>{t('list.filter.label')}</Field.Label>
                <SingleSelect
                  aria-label={t('list.filter.label')}
                  value={query.filter ?? 'all'}
                  onChange={(value: string | number) =>
                    update({ filter: value === 'all' ? '' : String(value), page: 1 })
                  }
                >
                  {FILTERS.map((f) => (
                    <SingleSelectOption key={f.value} value={f.value}>
                      {t(f.label)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box style={{ flex: '1 1 200px' }}>
              <Field.Root name="tag">
                <Field.Label>{t('list.tag.label')}</Field.Label>
                <TextInput
                  aria-label={t('list.tag.label')}
                  placeholder={t('list.tag.placeholder')}
                  value={tag}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTag(e.target.value)}
                />
              </Field.Root>
            </Box>
            {data?.meta.locale && (
              <ListLocaleSelect
                value={data.meta.locale}
                onChange={(locale) => update({ locale, page: 1 })}
              />
            )}
            {isFetching && data && (
              <Box paddingBottom={2}>
                <Loader small>{t('common.loading')}</Loader>
              </Box>
            )}
          </Flex>

          {query.linksTo && (
            <Flex gap={2} alignItems="center" data-testid="newsroom-links-to-filter">
              <Typography variant="omega">{t('list.linksTo')}</Typography>
              <Button variant="tertiary" size="S" onClick={() => update({ linksTo: '', page: 1 })}>
                {t('list.linksTo.clear')}
              </Button>
            </Flex>
          )}

          {body}

          {data && rows.length > 0 && (
            <ListPagination
              pagination={data.meta.pagination}
              page={page}
              pageSize={query.pageSize ?? DEFAULT_PAGE_SIZE}
              onPage={(next) => update({ page: next })}
              onPageSize={(pageSize) => update({ pageSize, page: 1 })}
            />
          )}
          <VisuallyHidden aria-live="polite">
            {data ? t('list.resultCount', { total: data.meta.pagination.total }) : ''}
          </VisuallyHidden>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ArticleListPage;
