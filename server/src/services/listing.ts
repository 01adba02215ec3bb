import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import type { NewsroomConfig } from '../config';
import { articleHref } from '../utils/href';
import { toIso } from '../utils/iso-date';
import { readTags } from '../utils/tags';
import type { ListQuery } from '../validation/list-query';
import type { ArticleListResponse } from '../types';

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

const createListingService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One page of published article summaries, with Strapi-style pagination meta. */
  async list(query: ListQuery): Promise<ArticleListResponse> {
    const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
    const filters = listFilters(query);
    const [field, direction] = query.sort.split(':');
    const [rows, total] = await Promise.all([
      strapi.documents(ARTICLE_UID).findMany({
        status: 'published',
        filters,
        fields: SUMMARY_FIELDS,
        // The id breaks ties so pages never overlap or skip when dates are equal.
        sort: [{ [field]: direction }, { id: direction }],
        start: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      } as any) as unknown as Promise<SummaryRow[]>,
      strapi.documents(ARTICLE_UID).count({ status: 'published', filters } as any),
    ]);

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
});

export type ListingService = ReturnType<typeof createListingService>;
export default createListingService;
