import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import type { NewsroomConfig } from '../config';
import { articleHref } from '../utils/href';
import { toIso } from '../utils/iso-date';
import { readTags } from '../utils/tags';
import type { ListQuery } from '../validation/list-query';
import type { ArticleListResponse } from '../types';
import { readArticlePage } from '../queries/article-list';

const SUMMARY_FIELDS = [
  'documentId',
  'slug',
  'title',
  'lead',
  'outlet',
  'tags',
  'reportedAt',
  'publishedAt',
];

/** A summary as the Document Service path reads it (databases without the one-statement page). */
interface SummaryRow {
  documentId: string;
  slug: string;
  title: string;
  lead?: string | null;
  outlet?: string | null;
  tags?: unknown;
  reportedAt?: string | null;
  publishedAt?: string | Date | null;
}

/**
 * Filters for a list query. Tags are a JSON list; matching the JSON-encoded tag (quotes
 * included) finds exactly that tag, case-insensitively, with the same SQL on SQLite and
 * PostgreSQL. Strapi escapes LIKE wildcards in `$containsi`, so `%` or `_` match literally.
 */
export const listFilters = ({ tag, terms }: Pick<ListQuery, 'tag' | 'terms'>) => {
  const and: Record<string, unknown>[] = [];
  if (tag) and.push({ tags: { $containsi: JSON.stringify(tag) } });
  for (const term of terms) {
    and.push({ $or: [{ title: { $containsi: term } }, { lead: { $containsi: term } }] });
  }
  return and.length ? { $and: and } : {};
};

type Filters = Record<string, unknown>;

/** Filter combinations whose totals are kept per generation; past it, the memo starts over. */
const TOTALS_KEPT = 256;

const createListingService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The list's total per filter combination, for the content generation it was counted under
   * (services/freshness): every page of a list shares it, and it cannot change until the
   * generation does, so it is counted once per generation instead of on every page. Keyed by
   * the database's generation, like the response cache: a cache, not state another instance
   * needs (each counts its own).
   */
  let totalsGeneration: number | undefined;
  const totals = new Map<string, number>();
  const totalsKey = (query: ListQuery) => JSON.stringify([query.tag ?? null, query.terms]);
  const knownTotal = (query: ListQuery, generation: number | undefined) => {
    if (generation === undefined || generation !== totalsGeneration) return undefined;
    return totals.get(totalsKey(query));
  };
  const keepTotal = (query: ListQuery, generation: number | undefined, total: number) => {
    if (generation === undefined) return;
    if (generation !== totalsGeneration || totals.size >= TOTALS_KEPT) {
      totals.clear();
      totalsGeneration = generation;
    }
    totals.set(totalsKey(query), total);
  };

  const find = (filters: Filters, sort: Filters[], start: number, limit: number) =>
    limit > 0
      ? (strapi.documents(ARTICLE_UID).findMany({
          status: 'published',
          filters,
          fields: SUMMARY_FIELDS,
          sort,
          start,
          limit,
        } as any) as unknown as Promise<SummaryRow[]>)
      : Promise.resolve([]);
  const count = (filters: Filters) =>
    strapi.documents(ARTICLE_UID).count({ status: 'published', filters } as any);

  /**
   * `reportedAt` is optional, and SQLite and PostgreSQL put NULLs at opposite ends. Sorted by
   * it, the list reads the dated articles first, then the undated ones (by publishedAt, in the
   * same direction), identically on both databases: the page is cut across two queries.
   */
  const datedFirst = async (filters: Filters, direction: string, start: number, size: number) => {
    const dated = { $and: [filters, { reportedAt: { $notNull: true } }] };
    const undated = { $and: [filters, { reportedAt: { $null: true } }] };
    const [datedTotal, undatedTotal] = await Promise.all([count(dated), count(undated)]);
    const byDate = [{ reportedAt: direction }, { id: direction }];
    const head = await find(dated, byDate, start, Math.min(size, datedTotal - start));
    const byPublished = [{ publishedAt: direction }, { id: direction }];
    const tail = await find(
      undated,
      byPublished,
      Math.max(0, start - datedTotal),
      size - head.length
    );
    return { rows: [...head, ...tail], total: datedTotal + undatedTotal };
  };

  /** A page through the Document Service: databases without the one-statement page. */
  const viaDocuments = async (query: ListQuery): Promise<{ rows: SummaryRow[]; total: number }> => {
    const filters = listFilters(query);
    const [field, direction] = query.sort.split(':');
    const start = (query.page - 1) * query.pageSize;
    if (field === 'reportedAt') return datedFirst(filters, direction, start, query.pageSize);
    const [rows, total] = await Promise.all([
      // The id breaks ties so pages never overlap or skip when dates are equal.
      find(filters, [{ [field]: direction }, { id: direction }], start, query.pageSize),
      count(filters),
    ]);
    return { rows, total };
  };

  return {
    /**
     * One page of published article summaries, with Strapi-style pagination meta: one
     * statement on SQLite and PostgreSQL (queries/article-list), the Document Service on
     * other databases, in the same order. `generation`: the content generation the caller
     * read before computing (the response cache's), under which the total is kept.
     */
    async list(
      query: ListQuery,
      { generation, portable = false }: { generation?: number; portable?: boolean } = {}
    ): Promise<ArticleListResponse> {
      const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      // `portable`: the Document Service path even here (tests compare the two paths).
      const { rows, total } =
        (portable
          ? undefined
          : await readArticlePage(strapi, query, knownTotal(query, generation))) ??
        (await viaDocuments(query));
      keepTotal(query, generation, total);

      return {
        data: rows.map((row) => ({
          documentId: row.documentId,
          slug: row.slug,
          title: row.title,
          lead: row.lead ?? null,
          outlet: row.outlet ?? null,
          tags: readTags(row.tags),
          reportedAt: toIso(row.reportedAt),
          publishedAt: toIso(row.publishedAt),
          href: articleHref(hrefPattern, row.slug),
        })),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },
  };
};

export type ListingService = ReturnType<typeof createListingService>;
export default createListingService;
