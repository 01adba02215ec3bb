import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { ARTICLE_FIELDS } from '../services/render/fields';
import type { ArticleRow, BacklinkRow, LinkRow, QuoteRow } from '../services/render/types';
import type { ReadStatus } from '../auth/draft-access';
import { newsroomTables } from './tables';
import { runPrepared } from './prepared';
import { fromJsonColumn, jsonList } from '#shared/json-column';
import { toDateOnly, toIso } from '#shared/dates';
import { isPostgres } from './dialect';
import { articlesLocalized } from '../i18n/locale';

/**
 * Everything a render needs (the article, its links with their published targets, its quotes,
 * the published articles linking to it) in ONE statement, however many links the story has:
 * the links, quotes and backlinks come back as JSON arrays built by the database. This is what
 * keeps a render at a constant, small number of round trips (see docs/BENCHMARKS.md).
 *
 * Relations are matched by documentId, as the Document Service does: a published link may
 * point at the draft row of its article, or the other way round, depending on the order things
 * were published in. Link targets are always read as their published version, whatever the
 * status asked for: readers only follow links to published articles.
 *
 * SQLite and PostgreSQL only, each with its own JSON aggregation: the plugin refuses any other
 * database at register (database/supported-client).
 */

export interface ArticleBundle {
  article: ArticleRow;
  links: LinkRow[];
  quotes: QuoteRow[];
  backlinks: BacklinkRow[];
}

type Dialect = 'sqlite' | 'postgres';

const aggregate = (dialect: Dialect, pairs: [string, string][]) => {
  const args = pairs.map(([key, expr]) => `'${key}', ${expr}`).join(', ');
  return dialect === 'postgres'
    ? `coalesce(json_agg(json_build_object(${args})), '[]'::json)`
    : `json_group_array(json_object(${args}))`;
};

const buildStatement = (
  strapi: Core.Strapi,
  dialect: Dialect,
  status: ReadStatus,
  localized: boolean,
  inLocale: boolean
) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as any);
  const articles = meta(ARTICLE_UID);
  const links = meta(LINK_UID);
  const quotes = meta(QUOTE_UID);
  const col = (m: ReturnType<typeof meta>, attribute: string) =>
    `"${(m.attributes[attribute] as any).columnName ?? attribute}"`;
  // Table and join names from the one place the plugin reads them (database/tables), quoted.
  const t = newsroomTables(strapi);
  const quoted = (name: string) => `"${name}"`;
  const joinOf = (join: { name: string; article: string }, own: string) => ({
    table: quoted(join.name),
    own: quoted(own),
    other: quoted(join.article),
  });
  const A = quoted(t.article);
  const L = quoted(t.link);
  const Q = quoted(t.quote);
  const source = joinOf(t.source, t.source.link);
  const target = joinOf(t.target, t.target.link);
  const owner = joinOf(t.owner, t.owner.quote);
  const a = (attr: string) => col(articles, attr);
  const l = (attr: string) => col(links, attr);
  const q = (attr: string) => col(quotes, attr);
  const published = (alias: string) => `${alias}.${a('publishedAt')} IS NOT NULL`;
  // Localized stories: rows matched by documentId are also matched by locale, or one locale's
  // render would pick up another's links, quotes and titles. Without i18n the text is as before.
  const same = (x: string, y: string) => (localized ? ` AND ${x}."locale" = ${y}."locale"` : '');
  const inStatus = (alias: string, m: ReturnType<typeof meta>) =>
    `${alias}.${col(m, 'publishedAt')} IS ${status === 'published' ? 'NOT ' : ''}NULL`;

  // Facts only; what readers see of a link is decided by shared/baca-juga/reader-view.
  // The link's draft points at a placeholder that has no published version. A published link
  // row holds no relation to a never-published target (Strapi drops it), so the draft row of
  // the same link says where it points.
  const targetAwaitingCopy = `EXISTS (SELECT 1 FROM ${L} ld
    JOIN ${target.table} ldt ON ldt.${target.own} = ld."id"
    JOIN ${A} pa ON pa."id" = ldt.${target.other}
    WHERE ld.${l('documentId')} = l.${l('documentId')}${same('ld', 'l')}
      AND ld.${l('publishedAt')} IS NULL AND pa.${a('placeholder')} IS TRUE
      AND NOT EXISTS (SELECT 1 FROM ${A} pp
        WHERE pp.${a('documentId')} = pa.${a('documentId')}${same('pp', 'pa')}
          AND ${published('pp')}))`;

  const linkList = `(SELECT ${aggregate(dialect, [
    ['documentId', `l.${l('documentId')}`],
    ['url', `l.${l('url')}`],
    ['label', `l.${l('label')}`],
    ['afterParagraphId', `l.${l('afterParagraphId')}`],
    ['variantAfterParagraphId', `l.${l('variantAfterParagraphId')}`],
    ['position', `l.${l('position')}`],
    ['targetDocumentId', `tp.${a('documentId')}`],
    ['targetSlug', `tp.${a('slug')}`],
    ['targetTitle', `tp.${a('title')}`],
    // Looked up only for a link without a published target, the one case the rule reads it.
    [
      'targetAwaitingCopy',
      `CASE WHEN tp."id" IS NOT NULL THEN 0 WHEN ${targetAwaitingCopy} THEN 1 ELSE 0 END`,
    ],
  ])}
    FROM ${A} sa
    JOIN ${source.table} ls ON ls.${source.other} = sa."id"
    JOIN ${L} l ON l."id" = ls.${source.own}
    LEFT JOIN ${target.table} lt ON lt.${target.own} = l."id"
    LEFT JOIN ${A} t ON t."id" = lt.${target.other}${same('t', 'l')}
    LEFT JOIN ${A} tp ON tp.${a('documentId')} = t.${a('documentId')}${same('tp', 't')}
      AND ${published('tp')}
    WHERE sa.${a('documentId')} = a.${a('documentId')}${same('sa', 'a')}
      AND ${inStatus('l', links)})`;

  const quoteList = `(SELECT ${aggregate(dialect, [
    ['text', `q.${q('text')}`],
    ['speaker', `q.${q('speaker')}`],
    ['speakerRole', `q.${q('speakerRole')}`],
    ['relayedBy', `q.${q('relayedBy')}`],
    ['kind', `q.${q('kind')}`],
    ['paragraphId', `q.${q('paragraphId')}`],
  ])}
    FROM ${A} qa
    JOIN ${owner.table} qo ON qo.${owner.other} = qa."id"
    JOIN ${Q} q ON q."id" = qo.${owner.own}
    WHERE qa.${a('documentId')} = a.${a('documentId')}${same('qa', 'a')}
      AND ${inStatus('q', quotes)})`;

  // Backlinks are public facts: published links from published articles, in any status.
  const backlinkList = `(SELECT ${aggregate(dialect, [
    ['id', 'b."id"'],
    ['documentId', `sp.${a('documentId')}`],
    ['slug', `sp.${a('slug')}`],
    ['title', `sp.${a('title')}`],
  ])}
    FROM ${A} ta
    JOIN ${target.table} bt ON bt.${target.other} = ta."id"
    JOIN ${L} b ON b."id" = bt.${target.own} AND b.${l('publishedAt')} IS NOT NULL
    JOIN ${source.table} bs ON bs.${source.own} = b."id"
    JOIN ${A} s ON s."id" = bs.${source.other}${same('s', 'b')}
    JOIN ${A} sp ON sp.${a('documentId')} = s.${a('documentId')}${same('sp', 's')}
      AND ${published('sp')}
    WHERE ta.${a('documentId')} = a.${a('documentId')}${same('ta', 'a')})`;

  // The story's other published locales (hreflang, JSON-LD translations).
  const translationList = `(SELECT ${aggregate(dialect, [
    ['locale', 'o."locale"'],
    ['slug', `o.${a('slug')}`],
    ['title', `o.${a('title')}`],
  ])}
    FROM ${A} o WHERE o.${a('documentId')} = a.${a('documentId')}
      AND o."locale" <> a."locale" AND ${published('o')})`;
  const localeFields = localized
    ? `, a."locale" AS "locale", ${translationList} AS "translations"`
    : '';

  return (by: 'slug' | 'documentId') =>
    `SELECT ${ARTICLE_FIELDS.map((f) => `a.${a(f)} AS "${f}"`).join(', ')},
      ${linkList} AS "links", ${quoteList} AS "quotes", ${backlinkList} AS "backlinks"${localeFields}
    FROM ${A} a WHERE a.${a(by)} = ?${inLocale ? ' AND a."locale" = ?' : ''}
      AND ${inStatus('a', articles)}
    ORDER BY a."id" LIMIT 1`;
};

const statements = new WeakMap<object, Map<string, string>>();

export const readArticleBundle = async (
  strapi: Core.Strapi,
  by: 'slug' | 'documentId',
  value: string,
  status: ReadStatus,
  /**
   * Where stories are localized: the story's locale, or null for any (a slug names one story
   * in one language: the slug indexes are across locales). Must be null without i18n.
   */
  locale: string | null = null
): Promise<ArticleBundle | null> => {
  const dialect: Dialect = isPostgres(strapi.db) ? 'postgres' : 'sqlite';

  // The text depends only on the schema, so it is built once per Strapi instance.
  let cache = statements.get(strapi);
  if (!cache) statements.set(strapi, (cache = new Map()));
  const localized = articlesLocalized(strapi);
  const inLocale = localized && locale !== null;
  const key = `${status}:${by}:${localized}:${inLocale}`;
  let sql = cache.get(key);
  if (!sql) {
    cache.set(key, (sql = buildStatement(strapi, dialect, status, localized, inLocale)(by)));
  }

  const [row] = await runPrepared(strapi.db.connection, sql, inLocale ? [value, locale] : [value]);
  if (!row) return null;

  const links = jsonList(row.links) as any[];
  return {
    article: {
      documentId: row.documentId,
      slug: row.slug,
      title: row.title,
      lead: row.lead,
      outlet: row.outlet,
      dateline: row.dateline,
      byline: row.byline,
      wireSource: row.wireSource,
      reportedAt: toDateOnly(row.reportedAt),
      publishedAt: toIso(row.publishedAt),
      updatedAt: toIso(row.updatedAt),
      tags: fromJsonColumn(row.tags),
      // As stored: a body that does not parse must reach the render's check, not become null.
      body: row.body,
      ...(localized
        ? {
            locale: row.locale as string,
            translations: (jsonList(row.translations) as any[]).map((t) => ({
              locale: t.locale as string,
              slug: t.slug as string,
              title: t.title as string,
            })),
          }
        : {}),
    },
    links: links.map((link, index) => ({
      id: index,
      documentId: link.documentId,
      url: link.url,
      label: link.label,
      afterParagraphId: link.afterParagraphId,
      variantAfterParagraphId: link.variantAfterParagraphId ?? null,
      position: link.position === null ? null : Number(link.position),
      targetArticle: link.targetDocumentId
        ? { documentId: link.targetDocumentId, slug: link.targetSlug, title: link.targetTitle }
        : null,
      targetAwaitingCopy: link.targetAwaitingCopy === 1 || link.targetAwaitingCopy === true,
    })),
    quotes: (jsonList(row.quotes) as any[]).map((quote, index) => ({
      id: index,
      ...quote,
    })),
    backlinks: (jsonList(row.backlinks) as any[]).map((b) => ({
      id: Number(b.id),
      sourceArticle: { documentId: b.documentId, slug: b.slug, title: b.title },
    })),
  };
};
