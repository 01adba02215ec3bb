import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';

export interface JoinTable {
  name: string;
  /** Column holding the link's row id. */
  link: string;
  /** Column holding the article's row id. */
  article: string;
}

/**
 * Physical names for the few hand-written queries, read from Strapi's own metadata so they
 * follow whatever naming Strapi uses (manyToOne relations live in join tables in Strapi 5).
 */
export const newsroomTables = (strapi: Core.Strapi) => {
  const articles = strapi.db.metadata.get(ARTICLE_UID);
  const links = strapi.db.metadata.get(LINK_UID);
  const quotes = strapi.db.metadata.get(QUOTE_UID);
  const joinOf = (model: typeof links, attribute: string) => {
    const { joinTable } = model.attributes[attribute] as any;
    return {
      name: joinTable.name as string,
      own: joinTable.joinColumn.name as string,
      article: joinTable.inverseJoinColumn.name as string,
    };
  };
  const join = (attribute: string): JoinTable => {
    const { name, own, article } = joinOf(links, attribute);
    return { name, link: own, article };
  };
  const { name, own, article } = joinOf(quotes, 'article');
  return {
    article: articles.tableName,
    link: links.tableName,
    quote: quotes.tableName,
    source: join('sourceArticle'),
    target: join('targetArticle'),
    /** The join table from a quote to its article. */
    owner: { name, quote: own, article },
  };
};

export type NewsroomTables = ReturnType<typeof newsroomTables>;

/**
 * A part's own table and the join table that ties its rows to their article: a link's
 * `sourceArticle`, a quote's `article`.
 */
export const partTables = (t: NewsroomTables, uid: typeof LINK_UID | typeof QUOTE_UID) =>
  uid === LINK_UID
    ? {
        table: t.link,
        join: { name: t.source.name, own: t.source.link, article: t.source.article },
      }
    : {
        table: t.quote,
        join: { name: t.owner.name, own: t.owner.quote, article: t.owner.article },
      };

/** `%term%` for LIKE with `\` as the escape character, so % and _ match literally. */
export const likeContains = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The physical column of a model's attribute, from Strapi's metadata. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string =>
  ((strapi.db.metadata.get(uid as any).attributes[attribute] as any)?.columnName as string) ??
  attribute;

/** Column names of the attributes hand-written queries read, by attribute, from metadata. */
const columnsOf = <A extends string>(strapi: Core.Strapi, uid: string, attributes: readonly A[]) =>
  Object.fromEntries(attributes.map((a) => [a, columnOf(strapi, uid, a)])) as Record<A, string>;

const ARTICLE_ATTRIBUTES = [
  'documentId',
  'publishedAt',
  'updatedAt',
  'title',
  'slug',
  'lead',
  'tags',
  'tagKeys',
  'body',
  'reportedAt',
  'everPublishedAt',
  'placeholder',
] as const;
const LINK_ATTRIBUTES = ['documentId', 'publishedAt', 'url', 'needsReview'] as const;
const QUOTE_ATTRIBUTES = [
  'documentId',
  'publishedAt',
  'needsReview',
  'speaker',
  'speakerRole',
  'suggestedSpeaker',
  'suggestedRole',
  'speakerConfirmed',
] as const;

export const articleColumns = (strapi: Core.Strapi) =>
  columnsOf(strapi, ARTICLE_UID, ARTICLE_ATTRIBUTES);
export const linkColumns = (strapi: Core.Strapi) => columnsOf(strapi, LINK_UID, LINK_ATTRIBUTES);
export const quoteColumns = (strapi: Core.Strapi) => columnsOf(strapi, QUOTE_UID, QUOTE_ATTRIBUTES);
