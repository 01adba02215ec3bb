import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import { SLUG_HISTORY_TABLE } from '../database/plugin-tables';
import { articleColumns, newsroomTables } from '../database/tables';
import { articleHref } from '../utils/href';
import { isPostgres } from '../database/dialect';
import { articlesLocalized, defaultLocale, whereLocale } from '../i18n/locale';

/** The first key of the slug locks (`pg_advisory_xact_lock(space, hashtext(slug))`): 'news'. */
const SLUG_LOCK_SPACE = 0x6e657773;
/** Transactions holding a slug lock (see `lock`). */
const locking = new WeakSet<object>();

/** Where an old slug now leads: the article's current published slug and its site href. */
export interface SlugRedirect {
  slug: string;
  href: string;
}

/**
 * Every slug an article has been published under, kept in a plugin table (slug -> the
 * article's documentId), so that its old addresses never break: a request for an old slug is
 * answered with a redirect to the slug the article is published under now. The table names
 * the document, not the next slug, so a chain of renames is always one hop. Slug generation
 * treats these slugs as taken, so an old address is never handed to another story.
 *
 * Recorded from the outcome: inside every article write's transaction, whatever the entry
 * point (middlewares/slug-claims), so the history never names another story for a slug that
 * is live; and for the articles already published at boot.
 */
const createSlugHistoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  /**
   * Runs `read` in the caller's transaction when there is one: slugs are generated inside a
   * write, and on SQLite a query beside its transaction would wait for the one connection.
   */
  const inCurrent = <T>(read: (trx: ReturnType<typeof knex>) => Promise<T>) =>
    strapi.db.transaction(({ trx }) => read(trx as unknown as ReturnType<typeof knex>));
  const articles = () => newsroomTables(strapi).article;
  /** The article rows' locale, where stories are localized (the column may not exist else). */
  const localeColumn = () => (articlesLocalized(strapi) ? '"locale"' : 'NULL');
  const hrefOf = (slug: string) =>
    articleHref((strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).hrefPattern, slug);

  return {
    /** Records the slug this article is published under now (nothing when it is not live). */
    async record(documentId: string) {
      const c = articleColumns(strapi);
      // In the caller's transaction when there is one (see searchIndex.sync). One statement:
      // the live row's slug read and claimed together. A slug published by another story
      // before is this story's now: it is live here.
      await strapi.db.transaction(({ trx }) =>
        trx.raw(
          `INSERT INTO ?? (slug, document_id, recorded_at, locale)
           SELECT ??, ??, ?, ${localeColumn()} FROM ?? WHERE ?? = ? AND ?? IS NOT NULL AND ?? IS NOT NULL AND ?? <> ''
           ON CONFLICT (slug) DO UPDATE
           SET document_id = excluded.document_id, recorded_at = excluded.recorded_at,
             locale = excluded.locale`,
          [
            SLUG_HISTORY_TABLE,
            c.slug,
            c.documentId,
            Date.now(),
            articles(),
            c.documentId,
            documentId,
            c.publishedAt,
            c.slug,
            c.slug,
          ]
        )
      );
    },

    /**
     * Adds the published slugs the table lacks (a database older than the table), and gives
     * back to a live story its slug where the table names another (a history written before
     * publishes claimed their slugs in their own transaction): the live slug wins.
     */
    async backfill() {
      const c = articleColumns(strapi);
      await knex().raw(
        `INSERT INTO ?? (slug, document_id, recorded_at, locale)
         SELECT ??, ??, ?, ${localeColumn()} FROM ?? WHERE ?? IS NOT NULL AND ?? IS NOT NULL
         ON CONFLICT (slug) DO UPDATE SET document_id = excluded.document_id
         WHERE ??.document_id <> excluded.document_id`,
        [
          SLUG_HISTORY_TABLE,
          c.slug,
          c.documentId,
          Date.now(),
          articles(),
          c.publishedAt,
          c.slug,
          SLUG_HISTORY_TABLE,
        ]
      );
    },

    /**
     * Holds the slug until the caller's transaction ends (PostgreSQL; SQLite writes one at a
     * time). Every write that sets an article's slug takes it first, so that a slug generated
     * from a title is chosen after the writes of that slug before it committed: without it,
     * 20 stories created at once with one title all chose the bare slug, and all but one were
     * refused by the unique indexes (database/slug-indexes).
     */
    async lock(slug: string) {
      if (!isPostgres(strapi.db)) return;
      await inCurrent(async (trx) => {
        // One slug lock per transaction: one that held a slug while waiting for another could
        // deadlock with one taking the two the other way round (two imports, each creating a
        // placeholder for the other's story). A second slug of the same write relies on the
        // unique indexes alone.
        if (locking.has(trx)) return;
        locking.add(trx);
        await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [SLUG_LOCK_SPACE, slug]);
      });
    },

    /**
     * Whether any article holds the slug, draft or published, or was published under it
     * before (its old address redirects there): the content manager's availability check.
     */
    async taken(slug: string): Promise<boolean> {
      const c = articleColumns(strapi);
      const [row, old] = await Promise.all([
        knex()(articles()).where(c.slug, slug).first('id'),
        knex()(SLUG_HISTORY_TABLE).where('slug', slug).first('slug'),
      ]);
      return Boolean(row || old);
    },

    /**
     * Where a slug that no live article answers to now leads: the current published slug of
     * the article that was published under it, or null (never published, or not live now).
     */
    /** The live article an old slug leads to: where (`SlugRedirect`), and which story. */
    async redirectFor(
      slug: string,
      /** Where stories are localized: the locale asked for (null: the slug's own). */
      locale: string | null = null
    ): Promise<(SlugRedirect & { documentId: string }) | null> {
      const c = articleColumns(strapi);
      const query = knex()(SLUG_HISTORY_TABLE)
        .join(articles(), `${articles()}.${c.documentId}`, `${SLUG_HISTORY_TABLE}.document_id`)
        .where(`${SLUG_HISTORY_TABLE}.slug`, slug);
      if (articlesLocalized(strapi)) {
        // To the same locale's version: a slug recorded before i18n was the default locale's.
        query.whereRaw(`${articles()}."locale" = COALESCE(${SLUG_HISTORY_TABLE}."locale", ?)`, [
          await defaultLocale(strapi),
        ]);
        whereLocale(query, locale, articles());
      }
      const row = await query
        .whereNotNull(`${articles()}.${c.publishedAt}`)
        .whereNot(`${articles()}.${c.slug}`, slug)
        .first({ current: `${articles()}.${c.slug}`, documentId: `${articles()}.${c.documentId}` });
      return row?.current
        ? { slug: row.current, href: hrefOf(row.current), documentId: row.documentId }
        : null;
    },

    /**
     * The article's earlier published slugs, oldest first, which redirect to it while it is
     * live: the slug it is published under now is left out.
     */
    async oldSlugs(documentId: string): Promise<string[]> {
      const c = articleColumns(strapi);
      const rows: { slug: string }[] = await inCurrent((trx) =>
        trx(SLUG_HISTORY_TABLE)
          .where('document_id', documentId)
          .whereNotIn(
            'slug',
            trx(articles())
              .where(c.documentId, documentId)
              .whereNotNull(c.publishedAt)
              .select(c.slug)
          )
          .orderBy([{ column: 'recorded_at' }, { column: 'slug' }])
          .select('slug')
      );
      return rows.map((r) => r.slug);
    },

    /**
     * A slug no other article uses or used: `base`, then `base-2`, `base-3`, ... Compared with
     * every article's slug (drafts and published rows share a document's slug) and with the
     * old slugs of other articles, which redirect to them. `documentId`: the article the slug
     * is for, whose own slugs are free to it.
     */
    async freeSlug(
      base: string,
      documentId?: string,
      locale: string | null = null
    ): Promise<string> {
      const rows: { slug: string; documentId: string; locale?: string | null }[] = await strapi.db
        .query(ARTICLE_UID)
        .findMany({
          where: { slug: { $startsWith: base } },
          select: ['slug', 'documentId', ...(locale === null ? [] : ['locale'])],
        });
      // The story's own slug is free to keep; a translation's sibling locales hold theirs.
      const own = (r: (typeof rows)[number]) =>
        r.documentId === documentId && (locale === null || r.locale === locale);
      const old: { slug: string }[] = await inCurrent((trx) => {
        const query = trx(SLUG_HISTORY_TABLE)
          // A `_` in the prefix matches any character: the set only grows, and exact slugs
          // are compared against it below.
          .where('slug', 'like', `${base}%`)
          .select('slug');
        return documentId ? query.whereNot('document_id', documentId) : query;
      });
      const taken = new Set([
        ...rows.filter((r) => !own(r)).map((r) => r.slug),
        ...old.map((r) => r.slug),
      ]);
      if (!taken.has(base)) return base;
      for (let n = 2; ; n += 1) {
        const candidate = `${base}-${n}`;
        if (!taken.has(candidate)) return candidate;
      }
    },
  };
};

export type SlugHistoryService = ReturnType<typeof createSlugHistoryService>;
export default createSlugHistoryService;
