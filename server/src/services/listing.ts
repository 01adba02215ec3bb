import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { NewsroomConfig } from '../config';
import { articleHref } from '../utils/href';
import { toDateOnly, toIso } from '#shared/dates';
import { readTags } from '../utils/tags';
import type { ListQuery } from '../validation/list-query';
import type { ArticleListResponse } from '../types';
import { readArticlePage } from '../database/article-list';

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
  const totalsKey = (query: ListQuery) =>
    JSON.stringify([query.tag ?? null, query.terms, query.locale]);
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

  return {
    /**
     * One page of published article summaries, with Strapi-style pagination meta, in one
     * statement (database/article-list). `generation`: the content generation the caller read
     * before computing (the response cache's), under which the total is kept.
     */
    async list(
      query: ListQuery,
      { generation }: { generation?: number } = {}
    ): Promise<ArticleListResponse> {
      const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      const { rows, total } = await readArticlePage(strapi, query, knownTotal(query, generation));
      keepTotal(query, generation, total);

      return {
        data: rows.map((row) => ({
          documentId: row.documentId,
          slug: row.slug,
          title: row.title,
          lead: row.lead ?? null,
          outlet: row.outlet ?? null,
          tags: readTags(row.tags),
          reportedAt: toDateOnly(row.reportedAt),
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
