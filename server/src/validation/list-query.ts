import type { ArticleListSort } from '../types';
import { MAX_TAG_LENGTH } from '../utils/tags';
import { assertOnlyParams, integer, paramError as invalid, single } from './params';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
const MAX_Q_LENGTH = 200;
const MAX_Q_TERMS = 8;

export const LIST_SORTS: readonly ArticleListSort[] = [
  'publishedAt:desc',
  'publishedAt:asc',
  'reportedAt:desc',
  'reportedAt:asc',
  'title:asc',
  'title:desc',
];

export interface ListQuery {
  page: number;
  pageSize: number;
  tag: string | null;
  /** Search terms: every term must appear in the title or the lead. */
  terms: string[];
  sort: ArticleListSort;
  /** Where stories are localized: the one locale listed (i18n/locale); else null. */
  locale: string | null;
}

/** The parameters the list understands; `status` is read by the draft-access check. */
const KNOWN = ['page', 'pageSize', 'tag', 'q', 'sort', 'status', 'locale'];

/**
 * Validates the list's query string strictly: an unknown or repeated parameter, or a value
 * out of range, is a 400 that names the parameter rather than something silently ignored.
 * `locale` is the one the caller resolved (it asks the database: i18n/locale).
 */
export const parseListQuery = (
  query: Record<string, unknown>,
  locale: string | null = null
): ListQuery => {
  assertOnlyParams(query, KNOWN);
  const page = integer(single(query, 'page'), 'page', 1, MAX_PAGE, 1);
  const pageSize = integer(
    single(query, 'pageSize'),
    'pageSize',
    1,
    MAX_PAGE_SIZE,
    DEFAULT_PAGE_SIZE
  );

  const tag = parseTag(single(query, 'tag'));
  const terms = parseTerms(single(query, 'q'));

  const rawSort = single(query, 'sort') ?? 'publishedAt:desc';
  // A bare field name sorts the natural way: newest first for dates, A to Z for titles.
  const sort = (
    rawSort.includes(':') ? rawSort : `${rawSort}:${rawSort === 'title' ? 'asc' : 'desc'}`
  ) as ArticleListSort;
  if (!LIST_SORTS.includes(sort)) invalid('sort', `must be one of ${LIST_SORTS.join(', ')}`);

  return { page, pageSize, tag, terms, sort, locale };
};

/** A `tag` parameter: one whole tag, spaces collapsed, or null when absent. */
export const parseTag = (raw: string | undefined): string | null => {
  const tag = raw === undefined ? null : raw.replace(/\s+/g, ' ').trim();
  if (tag !== null && (tag.length === 0 || tag.length > MAX_TAG_LENGTH)) {
    invalid('tag', `must be 1 to ${MAX_TAG_LENGTH} characters`);
  }
  // No stored tag holds a comma (it separates tags on input), a quote or a NUL (utils/tags),
  // so a filter naming one could only find nothing: said as a 400 instead (a NUL reached
  // PostgreSQL, which cannot take it, as a 500).
  if (tag !== null && (/[,"]/.test(tag) || tag.includes('\u0000'))) {
    invalid('tag', 'is one tag: no comma, quote or NUL');
  }
  return tag;
};

/** A `q` parameter as distinct lower-case words, each of which must match. */
export const parseTerms = (q: string | undefined, param = 'q'): string[] => {
  if (q !== undefined && q.length > MAX_Q_LENGTH)
    invalid(param, `at most ${MAX_Q_LENGTH} characters`);
  // Control characters have no place in a search box; refusing them keeps logs and SQL clean.
  // eslint-disable-next-line no-control-regex
  if (q !== undefined && /[\u0000-\u001f\u007f]/.test(q)) {
    invalid(param, 'must not contain control characters');
  }
  const terms = [...new Set((q ?? '').toLocaleLowerCase('id').split(/\s+/).filter(Boolean))];
  if (terms.length > MAX_Q_TERMS) invalid(param, `at most ${MAX_Q_TERMS} words`);
  return terms;
};
