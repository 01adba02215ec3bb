import type { AdminArticleFilter } from '#shared/contracts/admin';
import { parseTag, parseTerms } from './list-query';
import { assertOnlyParams, integer, paramError, parseDocumentId, single } from './params';

export const ADMIN_PAGE_SIZE = 25;
const FILTERS: readonly AdminArticleFilter[] = [
  'no-links',
  'broken',
  'drafts',
  'awaiting-copy',
  'needs-review',
];

export interface AdminListQuery {
  page: number;
  pageSize: number;
  terms: string[];
  tag: string | null;
  filter: AdminArticleFilter | null;
  linksTo: string | null;
}

/** Query of the manager's article list; anything unknown or out of range is a 400 naming it. */
export const parseAdminListQuery = (query: Record<string, unknown>): AdminListQuery => {
  // `locale` is resolved by the controller (it asks the database: i18n/locale).
  assertOnlyParams(query, ['page', 'pageSize', 'q', 'tag', 'filter', 'linksTo', 'locale']);
  const linksTo = single(query, 'linksTo');
  const filter = single(query, 'filter') ?? null;
  if (filter !== null && !FILTERS.includes(filter as AdminArticleFilter)) {
    paramError('filter', `must be one of ${FILTERS.join(', ')}`);
  }
  return {
    page: integer(single(query, 'page'), 'page', 1, 10_000, 1),
    pageSize: integer(single(query, 'pageSize'), 'pageSize', 1, 100, ADMIN_PAGE_SIZE),
    terms: parseTerms(single(query, 'q')),
    tag: parseTag(single(query, 'tag')),
    filter: filter as AdminArticleFilter | null,
    linksTo: linksTo === undefined ? null : parseDocumentId(linksTo, 'linksTo'),
  };
};
