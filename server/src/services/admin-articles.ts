import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { articlesLocalized, whereLocale } from '../i18n/locale';
import {
  BROKEN_HEALTH,
  type AdminArticleListResponse,
  type AdminArticleRow,
  type LinkHealth,
  type LinkHealthReport,
  type TargetSearchResponse,
} from '#shared/contracts/admin';
import { articleStates, articleStatuses } from '../database/article-statuses';
import { unclickedStories } from '../database/unclicked-stories';
import { linkHealthCase } from '../database/link-health-sql';
import {
  joinLinkEdits,
  lastEditedPage,
  lastEditedSql,
  linksEditedLastSql,
} from '../database/link-edits';
import { whereHasTag } from '../database/tag-keys';
import {
  articleColumns,
  likeContains,
  linkColumns,
  newsroomTables,
  quoteColumns,
  type NewsroomTables,
} from '../database/tables';
import { brokenCount, zeroHealthCounts } from '#shared/baca-juga/health';
import { articleStatus } from '#shared/baca-juga/status';
import { toIso } from '#shared/dates';
import { fromJsonColumn } from '#shared/json-column';
import { readTags } from '../utils/tags';
import type { AdminListQuery } from '../validation/admin-list-query';

interface ListRow {
  document_id: string;
  title: string;
  slug: string;
  tags: unknown;
  placeholder: unknown;
  updated_at: unknown;
  published_updated_at: unknown;
  last_edited_at: unknown;
  links_edited_last: number | string;
  link_count: number | string;
  broken_count: number | string;
  review_links: number | string;
  review_quotes: number | string;
  unconfirmed_speakers: number | string;
}

/**
 * The Baca Juga manager's article list: one row per article (its draft, which is what an
 * editor works on), with link counts computed in SQL so that filtering and paging stay on the
 * database however many articles there are.
 */
const createAdminArticlesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const a = () => articleColumns(strapi);
  const l = () => linkColumns(strapi);

  /** Draft link rows of article row `a`. */
  const linksOf = (t: NewsroomTables) =>
    knex()(`${t.source.name} as s`)
      .join(`${t.link} as l`, 'l.id', `s.${t.source.link}`)
      .where(`s.${t.source.article}`, knex().ref('a.id'))
      .whereNull(`l.${l().publishedAt}`);

  /** The facts `linkHealth` decides from, for link `l` joined to its target `ta` via `tl`. */
  const healthOf = (t: NewsroomTables) => {
    const everPublished = `ta.${a().everPublishedAt}`;
    return linkHealthCase({
      hasTarget: `tl.${t.target.article} IS NOT NULL`,
      targetPublished: `EXISTS (SELECT 1 FROM ${t.article} tp
        WHERE tp.${a().documentId} = ta.${a().documentId} AND tp.${a().publishedAt} IS NOT NULL${
          articlesLocalized(strapi) ? ' AND tp.locale = ta.locale' : ''
        })`,
      targetAwaitingCopy: `ta.${a().placeholder} IS TRUE`,
      targetEverPublished: `${everPublished} IS NOT NULL`,
      hasUrl: `(l.${l().url} IS NOT NULL AND l.${l().url} <> '')`,
    });
  };

  /** Broken = a reader cannot follow it (shared/baca-juga/health). */
  const brokenLinksOf = (t: NewsroomTables) =>
    linksOf(t)
      .leftJoin(`${t.target.name} as tl`, `tl.${t.target.link}`, 'l.id')
      .leftJoin(`${t.article} as ta`, 'ta.id', `tl.${t.target.article}`)
      .whereRaw(`${healthOf(t)} IN (${BROKEN_HEALTH.map(() => '?').join(', ')})`, [
        ...BROKEN_HEALTH,
      ]);

  /** Draft quotes of article row `a`. */
  const quotesOf = (t: NewsroomTables) =>
    knex()(`${t.owner.name} as qo`)
      .join(`${t.quote} as q`, 'q.id', `qo.${t.owner.quote}`)
      .where(`qo.${t.owner.article}`, knex().ref('a.id'))
      .whereNull(`q.${quoteColumns(strapi).publishedAt}`);

  /** Flagged for an editor: links moved off a deleted paragraph, quotes with an unsure speaker. */
  const reviewLinksOf = (t: NewsroomTables) => linksOf(t).whereRaw(`l.${l().needsReview} IS TRUE`);
  const reviewQuotesOf = (t: NewsroomTables) =>
    quotesOf(t).whereRaw(`q.${quoteColumns(strapi).needsReview} IS TRUE`);

  /**
   * Draft quotes whose suggested credit readers do not get yet: `awaitsCreditDecision` of
   * #shared/quote-credit, in SQL (no editor decided, no public credit, a suggestion).
   */
  const awaitingCreditOf = (t: NewsroomTables) => {
    const q = quoteColumns(strapi);
    const named = (column: string) => `(q.${column} IS NOT NULL AND TRIM(q.${column}) <> '')`;
    return quotesOf(t)
      .whereRaw(`q.${q.speakerConfirmed} IS NOT TRUE`)
      .whereRaw(`NOT ${named(q.speaker)} AND NOT ${named(q.speakerRole)}`)
      .whereRaw(`(${named(q.suggestedSpeaker)} OR ${named(q.suggestedRole)})`);
  };

  /** Draft links of article row `a` that point at the article `documentId`. */
  const linksToOf = (t: NewsroomTables, documentId: string) =>
    linksOf(t)
      .join(`${t.target.name} as lt`, `lt.${t.target.link}`, 'l.id')
      .join(`${t.article} as la`, 'la.id', `lt.${t.target.article}`)
      .where(`la.${a().documentId}`, documentId);

  const publishedRowOf = (t: NewsroomTables) =>
    knex()(`${t.article} as p`)
      .where(`p.${a().documentId}`, knex().ref(`a.${a().documentId}`))
      .whereNotNull(`p.${a().publishedAt}`)
      .modify((q) => {
        // The same locale's published version, where stories are localized.
        if (articlesLocalized(strapi)) q.where('p.locale', knex().ref('a.locale'));
      });

  return {
    /** `locale`: where stories are localized, the one locale listed. */
    async list(
      query: AdminListQuery,
      locale: string | null = null
    ): Promise<AdminArticleListResponse> {
      const t = newsroomTables(strapi);
      const c = a();
      const base = knex()(`${t.article} as a`).whereNull(`a.${c.publishedAt}`);
      if (locale !== null) base.where('a.locale', locale);
      for (const term of query.terms) {
        base.whereRaw(`LOWER(a.${c.title}) LIKE ? ESCAPE '\\'`, [likeContains(term.toLowerCase())]);
      }
      if (query.tag) whereHasTag(strapi, base, 'a', query.tag);
      // A placeholder is neither a draft an editor is writing nor a story that lacks links: it
      // awaits its copy, and has a filter of its own (below).
      const notPlaceholder = (q: typeof base) =>
        q.where((w) => w.whereRaw(`a.${c.placeholder} IS NOT TRUE`));
      if (query.filter === 'drafts') {
        notPlaceholder(base).whereNotExists(publishedRowOf(t).select(knex().raw('1')));
      }
      if (query.filter === 'no-links') {
        notPlaceholder(base).whereNotExists(linksOf(t).select(knex().raw('1')));
      }
      if (query.filter === 'broken') base.whereExists(brokenLinksOf(t).select(knex().raw('1')));
      if (query.filter === 'needs-review') {
        base.where((q) =>
          q
            .whereExists(reviewLinksOf(t).select(knex().raw('1')))
            .orWhereExists(reviewQuotesOf(t).select(knex().raw('1')))
        );
      }
      if (query.linksTo) base.whereExists(linksToOf(t, query.linksTo).select(knex().raw('1')));
      // A placeholder awaits its copy until it is published (the flag alone could be set by
      // hand on a published story).
      if (query.filter === 'awaiting-copy') {
        base
          .whereRaw(`a.${c.placeholder} IS TRUE`)
          .whereNotExists(publishedRowOf(t).select(knex().raw('1')));
      }

      const [{ total }] = (await base.clone().count({ total: '*' })) as {
        total: number | string;
      }[];
      // The page is cut first, on the article rows alone, most recently edited first (by the
      // story or by its links: database/link-edits); the link counts are then computed for
      // its rows only, not for every article the filters let through.
      const start = (query.page - 1) * query.pageSize;
      const page = lastEditedPage(strapi, base, start, query.pageSize);
      const lastEdited = lastEditedSql(strapi);
      const rows = (await joinLinkEdits(strapi, knex()(`${t.article} as a`))
        .whereIn('a.id', page)
        .select(
          `a.${c.documentId} as document_id`,
          `a.${c.title} as title`,
          `a.${c.slug} as slug`,
          `a.${c.tags} as tags`,
          `a.${c.placeholder} as placeholder`,
          `a.${c.updatedAt} as updated_at`,
          linksOf(t).count('*').as('link_count'),
          brokenLinksOf(t).count('*').as('broken_count'),
          reviewLinksOf(t).count('*').as('review_links'),
          reviewQuotesOf(t).count('*').as('review_quotes'),
          awaitingCreditOf(t).count('*').as('unconfirmed_speakers'),
          publishedRowOf(t).select(`p.${c.updatedAt}`).limit(1).as('published_updated_at'),
          knex().raw(`${lastEdited} AS last_edited_at`),
          knex().raw(`${linksEditedLastSql(strapi)} AS links_edited_last`)
        )
        .orderByRaw(`${lastEdited} DESC, a.id DESC`)) as ListRow[];

      const data: AdminArticleRow[] = rows.map((row) => ({
        documentId: row.document_id,
        title: row.title,
        slug: row.slug,
        status: articleStatus(
          row.updated_at,
          row.published_updated_at === null ? undefined : row.published_updated_at
        ),
        // SQLite answers 1/0, PostgreSQL true/false.
        placeholder:
          (row.placeholder === true || row.placeholder === 1) && row.published_updated_at === null,
        tags: readTags(fromJsonColumn(row.tags)),
        linkCount: Number(row.link_count),
        brokenCount: Number(row.broken_count),
        reviewCount: Number(row.review_links) + Number(row.review_quotes),
        unconfirmedSpeakerCount: Number(row.unconfirmed_speakers),
        updatedAt: toIso(row.updated_at),
        lastEditedAt: toIso(row.last_edited_at),
        lastEditOf: Number(row.links_edited_last) === 1 ? 'links' : 'story',
      }));
      const totalCount = Number(total);
      return {
        data,
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(totalCount / query.pageSize),
            total: totalCount,
          },
          // The manager shows its locale switcher where stories are localized.
          locale: locale ?? undefined,
        },
      };
    },

    /**
     * Every draft link of the newsroom by health, and the articles with broken ones. One
     * grouped query: the database classifies and counts, however many links there are.
     */
    async linkHealth(locale: string | null = null): Promise<LinkHealthReport> {
      const t = newsroomTables(strapi);
      const c = a();
      const health = knex().raw(healthOf(t));
      const rows = (await knex()(`${t.link} as l`)
        .join(`${t.source.name} as s`, `s.${t.source.link}`, 'l.id')
        .join(`${t.article} as a`, 'a.id', `s.${t.source.article}`)
        .leftJoin(`${t.target.name} as tl`, `tl.${t.target.link}`, 'l.id')
        .leftJoin(`${t.article} as ta`, 'ta.id', `tl.${t.target.article}`)
        .whereNull(`l.${l().publishedAt}`)
        .modify((q) => whereLocale(q, locale, 'a'))
        .select(
          `a.${c.documentId} as document_id`,
          `a.${c.title} as title`,
          `a.${c.slug} as slug`,
          `a.${c.updatedAt} as updated_at`,
          { health }
        )
        .count({ n: '*' })
        .groupBy(
          `a.${c.documentId}`,
          `a.${c.title}`,
          `a.${c.slug}`,
          `a.${c.updatedAt}`,
          health
        )) as {
        document_id: string;
        title: string;
        slug: string;
        updated_at: unknown;
        health: LinkHealth;
        n: number | string;
      }[];

      const zero = zeroHealthCounts;
      const counts = zero();
      const byArticle = new Map<
        string,
        LinkHealthReport['articles'][number] & { updatedAt: unknown }
      >();
      for (const row of rows) {
        const n = Number(row.n);
        counts[row.health] += n;
        const entry = byArticle.get(row.document_id) ?? {
          documentId: row.document_id,
          title: row.title,
          slug: row.slug,
          status: 'draft' as const,
          counts: zero(),
          updatedAt: row.updated_at,
        };
        entry.counts[row.health] += n;
        byArticle.set(row.document_id, entry);
      }
      const brokenOf = brokenCount;
      const broken = [...byArticle.values()]
        .filter((a) => brokenOf(a.counts) > 0)
        // A draft saved without its title has none: it sorts first rather than throwing.
        .sort(
          (a, b) =>
            brokenOf(b.counts) - brokenOf(a.counts) || (a.title ?? '').localeCompare(b.title ?? '')
        )
        .slice(0, 100);
      const statuses = await articleStatuses(
        strapi,
        broken.map((a) => a.documentId),
        locale
      );
      // Two counts over the drafts: flagged links and flagged quotes.
      const flagged = async (uid: 'link' | 'quote') => {
        const table = uid === 'link' ? t.link : t.quote;
        const cols = uid === 'link' ? l() : quoteColumns(strapi);
        const [{ n }] = (await knex()(table)
          .whereNull(cols.publishedAt)
          .modify((q) => whereLocale(q, locale))
          .whereRaw(`${cols.needsReview} IS TRUE`)
          .count({ n: '*' })) as { n: number | string }[];
        return Number(n);
      };
      return {
        counts,
        review: { links: await flagged('link'), quotes: await flagged('quote') },
        articles: broken.map(({ updatedAt: _updatedAt, ...article }) => ({
          ...article,
          status: statuses.get(article.documentId) ?? 'draft',
        })),
        unclicked: await unclickedStories(strapi),
      };
    },

    /** Articles an editor may link to, by title words; drafts included and marked. */
    async searchTargets(
      terms: string[],
      exclude: string | null,
      /** Where stories are localized: a link stays in its language, so its targets do too. */
      locale: string | null = null
    ): Promise<TargetSearchResponse> {
      const where: Record<string, unknown>[] = [{ publishedAt: { $null: true } }];
      if (locale !== null) where.push({ locale });
      for (const term of terms) where.push({ title: { $containsi: term } });
      if (exclude) where.push({ documentId: { $ne: exclude } });
      const drafts: {
        documentId: string;
        title: string;
        slug: string;
        updatedAt: unknown;
        placeholder: boolean | null;
      }[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { $and: where },
        select: ['documentId', 'title', 'slug', 'updatedAt', 'placeholder'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        limit: 10,
      });
      const states = await articleStates(
        strapi,
        drafts.map((d) => d.documentId),
        locale
      );
      return {
        data: drafts.map((d) => ({
          documentId: d.documentId,
          title: d.title,
          slug: d.slug,
          status: states.get(d.documentId)?.status ?? 'draft',
          placeholder: d.placeholder === true,
          publishedTitle: states.get(d.documentId)?.publishedTitle ?? null,
          updatedAt: toIso(d.updatedAt),
        })),
      };
    },
  };
};

export type AdminArticlesService = ReturnType<typeof createAdminArticlesService>;
export default createAdminArticlesService;
