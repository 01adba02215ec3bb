import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { articleColumns } from '../database/tables';
import { ARTICLE_UID } from '../constants';
import { bulkInsert } from '../database/bulk-insert';
import {
  indexLocale,
  SEARCH_DOCS_KEY,
  SEARCH_DOCS_TABLE,
  SEARCH_REBUILD_TABLE,
  SEARCH_TERMS_BY_DOCUMENT,
  SEARCH_TERMS_KEY,
  SEARCH_TERMS_TABLE,
  searchDocsColumns,
  searchTermsColumns,
} from '../database/plugin-tables';
import { analyze, tagTerm } from '../search/analyze';
import { languageOf } from '../i18n/language';
import { readBody } from '#shared/baca-juga/paragraphs';
import { toMillis } from '#shared/dates';
import { readTags } from '../utils/tags';
import { fromJsonColumn } from '#shared/json-column';
import { isPostgres } from '../database/dialect';
import { articlesLocalized } from '../i18n/locale';

/**
 * The suggestion engine's index, kept in the database beside the articles: one row per
 * published article (title, slug, BM25 length, date, tags) and its strongest stems with their
 * weights; where stories are localized, one per published version, under its locale and in
 * its language's stems (search/analyze). It changes in the same request as the publish, unpublish or delete that changes the
 * article, so every instance ranks from the same index on the next request; `rebuild` makes it
 * anew from the articles (after an import, or on an existing database).
 */

type Knex = Core.Strapi['db']['connection'];

/** Stems kept per article: the strongest by weight. Long bodies add little beyond these. */
export const TERMS_PER_ARTICLE = 96;
const BATCH = 500;
/** A rebuild's tables, filled beside the live ones and swapped in when complete. */
const NEXT = { docs: `${SEARCH_DOCS_TABLE}_next`, terms: `${SEARCH_TERMS_TABLE}_next` };
/** A rebuild whose instance has not reported for this long is taken as dead and taken over. */
export const REBUILD_STALE_MS = 5 * 60_000;
/**
 * A published version's stamp: Strapi writes a new published row, with a new `published_at`,
 * on every publish, so the stamp tells two versions of one document apart.
 */
const versionOf = (publishedAt: unknown) => datedAt(null, publishedAt);

interface PublishedArticle {
  documentId: string;
  /** The version's locale; null where stories are not localized. */
  locale: string | null;
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
    const time = toMillis(value);
    if (time !== null) return time;
  }
  return null;
};

/** A version's key in the index: a document has one entry per locale. */
const keyOf = (documentId: string, locale: string | null) =>
  `${documentId}\u0000${indexLocale(locale)}`;

const rowsFor = (article: PublishedArticle) => {
  const tags = readTags(article.tags);
  const vector = analyze(
    {
      title: article.title ?? '',
      lead: article.lead,
      tags,
      body: readBody(article.body).map((p) => p.text),
    },
    languageOf(article.locale)
  );
  const strongest = [...vector.weights]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TERMS_PER_ARTICLE);
  const key = { document_id: article.documentId, locale: indexLocale(article.locale) };
  const terms = [
    ...strongest.map(([term, weight]) => ({ term, ...key, weight })),
    // Whole tags, weight 0: they count shared tags without adding to the text score.
    ...[...new Set(tags.map(tagTerm))].map((term) => ({ term, ...key, weight: 0 })),
  ];
  const doc = {
    ...key,
    title: article.title ?? '',
    slug: article.slug ?? '',
    length: vector.length,
    dated_at: datedAt(article.reportedAt, article.publishedAt),
    tags: JSON.stringify(tags),
  };
  return { doc, terms };
};

/**
 * The one-row lock that lets a single instance rebuild at a time: several instances booting on
 * one database would otherwise each build and swap. The owner reports after every batch; one
 * that stops (a crashed instance) loses the lock after REBUILD_STALE_MS.
 */
const rebuildLock = (knex: Knex, owner: string) => ({
  async take(): Promise<boolean> {
    const now = Date.now();
    const taken = await knex(SEARCH_REBUILD_TABLE)
      .where({ id: 1 })
      .where((q) => q.whereNull('owner').orWhere('heartbeat', '<', now - REBUILD_STALE_MS))
      .update({ owner, heartbeat: now });
    return Number(taken) === 1;
  },
  async report() {
    const kept = await knex(SEARCH_REBUILD_TABLE)
      .where({ id: 1, owner })
      .update({ heartbeat: Date.now() });
    if (Number(kept) !== 1) {
      throw new Error('[newsroom] suggestion index rebuild: another instance has taken it over');
    }
  },
  release: () =>
    knex(SEARCH_REBUILD_TABLE).where({ id: 1, owner }).update({ owner: null, heartbeat: null }),
});

/** An index over `columns`, under its own name (a rebuild's tables get theirs once filled). */
const createIndex = (
  knex: Knex,
  name: string,
  table: string,
  columns: string[],
  { unique = false } = {}
) =>
  knex.raw(
    `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ?? ON ?? (${columns.map(() => '??').join(', ')})`,
    [name, table, ...columns]
  );

const createSearchIndexService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The article rows the index holds an entry for: published, and where stories are
   * localized, of a locale (a row without one, written around Strapi, is in no locale's index).
   * The published versions' read, count and post-rebuild check all start from it.
   */
  const versionRows = (knex: Knex) => {
    const a = articleColumns(strapi);
    return knex(strapi.db.metadata.get(ARTICLE_UID).tableName)
      .whereNotNull(a.publishedAt)
      .modify((query) => {
        if (articlesLocalized(strapi)) query.whereNotNull('locale');
      });
  };
  /** The `locale` column, selected where stories are localized. */
  const localeColumn = () => (articlesLocalized(strapi) ? ['locale'] : []);
  /**
   * Published article rows, read with plain SQL: the rebuild reads the whole newsroom, and
   * keyset paging (id > after) keeps every batch as cheap as the first. Every locale's:
   * each published version has its entry.
   */
  const published = async (
    options: { documentIds?: string[]; after?: number; limit?: number } = {},
    knex: Knex = strapi.db.connection
  ): Promise<(PublishedArticle & { id: number })[]> => {
    const a = articleColumns(strapi);
    const localized = articlesLocalized(strapi);
    const rows: any[] = await versionRows(knex)
      .select(
        'id',
        ...localeColumn(),
        `${a.documentId} as document_id`,
        `${a.title} as title`,
        `${a.slug} as slug`,
        `${a.lead} as lead`,
        `${a.tags} as tags`,
        `${a.body} as body`,
        `${a.reportedAt} as reported_at`,
        `${a.publishedAt} as published_at`
      )
      .modify((query: any) => {
        if (options.documentIds) query.whereIn(a.documentId, options.documentIds);
        if (options.after !== undefined) query.where('id', '>', options.after);
      })
      .orderBy('id', 'asc')
      // A page of the rebuild; by documentIds, every version of each.
      .modify((query: any) => {
        if (options.limit !== undefined) query.limit(options.limit);
      });
    return rows.map((row) => ({
      id: Number(row.id),
      documentId: row.document_id,
      locale: localized ? row.locale : null,
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      tags: fromJsonColumn(row.tags),
      body: fromJsonColumn(row.body),
      reportedAt: row.reported_at,
      publishedAt: row.published_at,
    }));
  };

  /**
   * Published versions, every locale's: what a complete index holds. Distinct, because a
   * database may hold two published rows of one version (the index keeps one).
   */
  const publishedCount = async (): Promise<number> => {
    const knex = strapi.db.connection;
    const versions = versionRows(knex)
      .distinct(articleColumns(strapi).documentId, ...localeColumn())
      .as('versions');
    const [{ n }] = await knex.from(versions).count({ n: '*' });
    return Number(n);
  };

  /**
   * Replaces the index rows of these documents, every locale's, by `articles` (their published
   * versions); one transaction, joining the caller's.
   */
  const write = (articles: PublishedArticle[], removed: string[] = []) =>
    strapi.db.transaction(async ({ trx }) => {
      const ids = [...articles.map((a) => a.documentId), ...removed];
      if (ids.length === 0) return;
      await trx(SEARCH_TERMS_TABLE).whereIn('document_id', ids).delete();
      await trx(SEARCH_DOCS_TABLE).whereIn('document_id', ids).delete();
      // One row per version, even if the database ever held two published rows of one.
      const unique = [...new Map(articles.map((a) => [keyOf(a.documentId, a.locale), a])).values()];
      const built = unique.map(rowsFor);
      if (built.length === 0) return;
      await bulkInsert(
        trx,
        SEARCH_DOCS_TABLE,
        built.map((b) => b.doc),
        SEARCH_DOCS_KEY
      );
      await bulkInsert(
        trx,
        SEARCH_TERMS_TABLE,
        built.flatMap((b) => b.terms),
        SEARCH_TERMS_KEY
      );
    });

  return {
    /**
     * Indexes the article's published versions (one per locale), or drops it from the index
     * if it has none: a publish of one locale re-reads the others' too, a few rows.
     */
    async sync(documentId: string) {
      // Inside the caller's transaction when there is one (the content manager's, the seed's):
      // on SQLite a read beside it would wait for the connection the transaction holds.
      await strapi.db.transaction(async ({ trx }) => {
        const articles = await published({ documentIds: [documentId] }, trx);
        await write(articles, articles.length ? [] : [documentId]);
      });
    },

    /**
     * Whether an instance is rebuilding the index now (its lock held and reported on within
     * REBUILD_STALE_MS): suggestions then rank from an index that may lack articles.
     */
    async rebuilding(): Promise<boolean> {
      const row = await strapi.db
        .connection(SEARCH_REBUILD_TABLE)
        .where({ id: 1 })
        .first('owner', 'heartbeat');
      return !!row?.owner && Number(row.heartbeat) >= Date.now() - REBUILD_STALE_MS;
    },

    /**
     * Versions in the index, and published versions (every locale's): equal when the index is
     * complete. Only entries of the newsroom's present scheme count: under a locale where
     * stories are localized, under '' where they are not. An index made before i18n was
     * turned on or off is thus incomplete, and the boot rebuilds it (search/complete-index).
     */
    async counts() {
      const knex = strapi.db.connection;
      const [indexed, live] = await Promise.all([
        knex(SEARCH_DOCS_TABLE)
          .where('locale', articlesLocalized(strapi) ? '<>' : '=', indexLocale(null))
          .count({ n: '*' })
          .first(),
        publishedCount(),
      ]);
      return { indexed: Number(indexed?.n ?? 0), published: live };
    },

    /**
     * Builds the index anew from the published articles, reporting progress, beside the live
     * one: new tables, filled in batches without keys, then keyed and swapped in, in one
     * transaction. A database builds a key over full tables several times faster than it keeps
     * one up to date row by row (100,000 articles, about ten million term rows). Suggestions
     * keep ranking from the live index meanwhile; whatever was published, unpublished or
     * deleted during the build is brought up to date after the swap. One instance rebuilds at a
     * time: another finds the lock taken and returns `skipped`. `onProgress` is awaited after
     * every batch.
     */
    async rebuild(
      onProgress: (done: number, total: number) => void | Promise<void> = () => {},
      { signal }: { signal?: AbortSignal } = {}
    ) {
      const knex = strapi.db.connection;
      const lock = rebuildLock(knex, randomUUID());
      if (!(await lock.take())) return { indexed: 0, removed: 0, skipped: true };
      try {
        const startedAt = Date.now();
        const total = await publishedCount();
        // Left by a rebuild that died: the lock says no other is filling them.
        await knex.schema.dropTableIfExists(NEXT.terms);
        await knex.schema.dropTableIfExists(NEXT.docs);
        await knex.schema.createTable(NEXT.docs, searchDocsColumns);
        await knex.schema.createTable(NEXT.terms, searchTermsColumns);

        // The version each document was indexed at: what changed after it was read is synced
        // again after the swap.
        const indexedAt = new Map<string, number | null>();
        let after = 0;
        for (;;) {
          const batch = await published({ after, limit: BATCH });
          if (batch.length === 0) break;
          after = batch[batch.length - 1].id;
          // One row per version, even if the database holds two published rows of one.
          const built = batch
            .filter((article) => {
              const key = keyOf(article.documentId, article.locale);
              return !indexedAt.has(key) && indexedAt.set(key, versionOf(article.publishedAt));
            })
            .map(rowsFor);
          await bulkInsert(
            knex,
            NEXT.docs,
            built.map((b) => b.doc)
          );
          // Each article's rows together, as the engine reads them (by article, phase two);
          // ordered by term instead, its suggestions took 75 ms instead of 31 at 100,000.
          await bulkInsert(
            knex,
            NEXT.terms,
            built.flatMap((b) => b.terms)
          );
          await lock.report();
          await onProgress(indexedAt.size, total);
          // Stopped between batches (a shutdown): the live index is left as it was.
          signal?.throwIfAborted();
        }

        // The same keys as the live tables', as unique indexes (a primary key cannot be added to
        // a filled SQLite table), under names of their own: the old ones go with the old tables.
        const suffix = startedAt.toString(36);
        await createIndex(knex, `newsroom_search_docs_key_${suffix}`, NEXT.docs, SEARCH_DOCS_KEY, {
          unique: true,
        });
        await createIndex(
          knex,
          `newsroom_search_terms_key_${suffix}`,
          NEXT.terms,
          SEARCH_TERMS_KEY,
          {
            unique: true,
          }
        );
        await createIndex(
          knex,
          `newsroom_search_terms_document_${suffix}`,
          NEXT.terms,
          SEARCH_TERMS_BY_DOCUMENT
        );
        await lock.report();
        const [{ n: dropped }] = await knex(`${SEARCH_DOCS_TABLE} as d`)
          .whereNotExists(
            knex(`${NEXT.docs} as n`)
              .whereRaw('n.document_id = d.document_id AND n.locale = d.locale')
              .select(knex.raw('1'))
          )
          .count({ n: '*' });
        await strapi.db.transaction(async ({ trx }) => {
          await trx.schema.dropTable(SEARCH_TERMS_TABLE);
          await trx.schema.dropTable(SEARCH_DOCS_TABLE);
          await trx.schema.renameTable(NEXT.docs, SEARCH_DOCS_TABLE);
          await trx.schema.renameTable(NEXT.terms, SEARCH_TERMS_TABLE);
        });

        // Publishes during the build may have written to the tables just dropped, and articles
        // unpublished or deleted during it may have been read before: both are synced again.
        // Which ones is decided from what is stored now against what was indexed, not from a
        // window of time: no clock or transaction lag to allow for, and an archive imported
        // just before the rebuild is not indexed twice (it was, with a one-minute window).
        const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
        const a = articleColumns(strapi);
        const localized = articlesLocalized(strapi);
        const current: { document_id: string; locale?: string; published_at: unknown }[] =
          await versionRows(knex).select(
            `${a.documentId} as document_id`,
            ...localeColumn(),
            `${a.publishedAt} as published_at`
          );
        const recent = current
          .filter(
            (row) =>
              indexedAt.get(keyOf(row.document_id, row.locale ?? null)) !==
              versionOf(row.published_at)
          )
          .map((row) => row.document_id);
        // An entry whose version is no longer published: the same document and locale.
        const gone: string[] = await knex(`${SEARCH_DOCS_TABLE} as d`)
          .whereNotExists(
            knex(`${table} as p`)
              .whereRaw(`p.${a.documentId} = d.document_id`)
              .modify((q) => {
                if (localized) q.whereRaw('p.locale = d.locale');
              })
              .whereNotNull(`p.${a.publishedAt}`)
              .select(knex.raw('1'))
          )
          .pluck('d.document_id');
        const again = [...new Set([...recent, ...gone])];
        for (let i = 0; i < again.length; i += BATCH) {
          const ids = again.slice(i, i + BATCH);
          // Every locale's version of each: `write` replaces all of a document's entries.
          const articles = await published({ documentIds: ids });
          const live = new Set(articles.map((article) => article.documentId));
          await write(
            articles,
            ids.filter((id) => !live.has(id))
          );
        }
        // Fresh statistics, so that PostgreSQL plans the ranking on the index as it now is.
        if (isPostgres(strapi.db)) {
          await knex.raw('ANALYZE ??, ??', [SEARCH_DOCS_TABLE, SEARCH_TERMS_TABLE]);
        }
        const [{ n: indexed }] = await knex(SEARCH_DOCS_TABLE).count({ n: '*' });
        // Removed: what the old index held and the new one does not, and what went meanwhile.
        return {
          indexed: Number(indexed),
          removed: Number(dropped) + gone.length,
          skipped: false,
        };
      } finally {
        await lock.release();
      }
    },
  };
};

export type SearchIndexService = ReturnType<typeof createSearchIndexService>;
export default createSearchIndexService;
