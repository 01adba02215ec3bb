import type { Core } from '@strapi/strapi';
import { articleColumns } from '../queries/tables';

type Knex = Core.Strapi['db']['connection'];
import { ARTICLE_UID } from '../constants';
import { bulkInsert } from '../database/bulk-insert';
import { SEARCH_DOCS_TABLE, SEARCH_TERMS_TABLE } from '../database/plugin-tables';
import { analyze, tagKey } from '../search/analyze';
import { readBody } from '#shared/baca-juga/paragraphs';
import { readTags } from '../utils/tags';
import { readJsonColumn } from '../utils/json-column';

/**
 * The suggestion engine's index, kept in the database beside the articles: one row per
 * published article (title, slug, BM25 length, date, tags) and its strongest stems with their
 * weights. It changes in the same request as the publish, unpublish or delete that changes the
 * article, so every instance ranks from the same index on the next request; `rebuild` makes it
 * anew from the articles (after an import, or on an existing database).
 */

/** Stems kept per article: the strongest by weight. Long bodies add little beyond these. */
export const TERMS_PER_ARTICLE = 96;
const BATCH = 500;

interface PublishedArticle {
  documentId: string;
  title: string | null;
  slug: string | null;
  lead: string | null;
  tags: unknown;
  body: unknown;
  reportedAt: string | null;
  publishedAt: string | Date | null;
}

/** Milliseconds of the article's news date: when it was reported, else when it went live. */
export const datedAt = (reportedAt: unknown, publishedAt: unknown): number | null => {
  for (const value of [reportedAt, publishedAt]) {
    if (value === null || value === undefined || value === '') continue;
    const time =
      value instanceof Date
        ? value.getTime()
        : typeof value === 'number'
          ? value
          : Date.parse(String(value));
    if (Number.isFinite(time)) return time;
  }
  return null;
};

const rowsFor = (article: PublishedArticle) => {
  const tags = readTags(article.tags);
  const vector = analyze({
    title: article.title ?? '',
    lead: article.lead,
    tags,
    body: readBody(article.body).map((p) => p.text),
  });
  const strongest = [...vector.weights]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TERMS_PER_ARTICLE);
  const terms = [
    ...strongest.map(([term, weight]) => ({ term, document_id: article.documentId, weight })),
    // Whole tags, weight 0: they count shared tags without adding to the text score.
    ...[...new Set(tags.map(tagKey))].map((term) => ({
      term,
      document_id: article.documentId,
      weight: 0,
    })),
  ];
  const doc = {
    document_id: article.documentId,
    title: article.title ?? '',
    slug: article.slug ?? '',
    length: vector.length,
    dated_at: datedAt(article.reportedAt, article.publishedAt),
    tags: JSON.stringify(tags),
  };
  return { doc, terms };
};

const createSearchIndexService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Published article rows, read with plain SQL: the rebuild reads the whole newsroom, and
   * keyset paging (id > after) keeps every batch as cheap as the first.
   */
  const published = async (
    options: { documentIds?: string[]; after?: number; limit?: number } = {},
    knex: Knex = strapi.db.connection
  ): Promise<(PublishedArticle & { id: number })[]> => {
    const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
    const a = articleColumns(strapi);
    const rows: any[] = await knex(table)
      .select(
        'id',
        `${a.documentId} as document_id`,
        `${a.title} as title`,
        `${a.slug} as slug`,
        `${a.lead} as lead`,
        `${a.tags} as tags`,
        `${a.body} as body`,
        `${a.reportedAt} as reported_at`,
        `${a.publishedAt} as published_at`
      )
      .whereNotNull(a.publishedAt)
      .modify((query: any) => {
        if (options.documentIds) query.whereIn(a.documentId, options.documentIds);
        if (options.after !== undefined) query.where('id', '>', options.after);
      })
      .orderBy('id', 'asc')
      .limit(options.limit ?? BATCH);
    return rows.map((row) => ({
      id: Number(row.id),
      documentId: row.document_id,
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      tags: readJsonColumn(row.tags),
      body: readJsonColumn(row.body),
      reportedAt: row.reported_at,
      publishedAt: row.published_at,
    }));
  };

  /** Replaces the index rows of these articles; one transaction, joining the caller's. */
  const write = (articles: PublishedArticle[], removed: string[] = []) =>
    strapi.db.transaction(async ({ trx }) => {
      const ids = [...articles.map((a) => a.documentId), ...removed];
      if (ids.length === 0) return;
      await trx(SEARCH_TERMS_TABLE).whereIn('document_id', ids).delete();
      await trx(SEARCH_DOCS_TABLE).whereIn('document_id', ids).delete();
      // One row per document, even if the database ever held two published rows of one.
      const unique = [...new Map(articles.map((a) => [a.documentId, a])).values()];
      const built = unique.map(rowsFor);
      if (built.length === 0) return;
      await bulkInsert(
        trx,
        SEARCH_DOCS_TABLE,
        built.map((b) => b.doc),
        ['document_id']
      );
      await bulkInsert(
        trx,
        SEARCH_TERMS_TABLE,
        built.flatMap((b) => b.terms),
        ['term', 'document_id']
      );
    });

  return {
    /** Indexes the article's published version, or drops it from the index if it has none. */
    async sync(documentId: string) {
      // Inside the caller's transaction when there is one (the content manager's, the seed's):
      // on SQLite a read beside it would wait for the connection the transaction holds.
      await strapi.db.transaction(async ({ trx }) => {
        const [article] = await published({ documentIds: [documentId], limit: 1 }, trx);
        await write(article ? [article] : [], article ? [] : [documentId]);
      });
    },

    /** Articles in the index, and published articles: equal when the index is complete. */
    async counts() {
      const knex = strapi.db.connection;
      const [indexed, live] = await Promise.all([
        knex(SEARCH_DOCS_TABLE).count({ n: '*' }).first(),
        strapi.documents(ARTICLE_UID).count({ status: 'published' } as any),
      ]);
      return { indexed: Number(indexed?.n ?? 0), published: Number(live) };
    },

    /**
     * Builds the index anew from the published articles, in batches, reporting progress.
     * Rows of articles no longer published are removed at the end.
     */
    async rebuild(onProgress: (done: number, total: number) => void = () => {}) {
      const total = Number(
        await strapi.documents(ARTICLE_UID).count({ status: 'published' } as any)
      );
      const seen = new Set<string>();
      let after = 0;
      for (;;) {
        const batch = await published({ after, limit: BATCH });
        if (batch.length === 0) break;
        await write(batch);
        after = batch[batch.length - 1].id;
        for (const article of batch) seen.add(article.documentId);
        onProgress(seen.size, total);
      }
      const knex = strapi.db.connection;
      const indexed: { document_id: string }[] =
        await knex(SEARCH_DOCS_TABLE).select('document_id');
      const stale = indexed.map((row) => row.document_id).filter((id) => !seen.has(id));
      for (let i = 0; i < stale.length; i += BATCH) await write([], stale.slice(i, i + BATCH));
      // Fresh statistics, so that PostgreSQL plans the ranking on the index as it now is.
      if (strapi.db.dialect.client === 'postgres') {
        await knex.raw('ANALYZE ??, ??', [SEARCH_DOCS_TABLE, SEARCH_TERMS_TABLE]);
      }
      return { indexed: seen.size, removed: stale.length };
    },
  };
};

export type SearchIndexService = ReturnType<typeof createSearchIndexService>;
export default createSearchIndexService;
