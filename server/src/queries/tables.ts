import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID } from '../constants';

interface JoinTable {
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
  const join = (attribute: string): JoinTable => {
    const { joinTable } = links.attributes[attribute] as any;
    return {
      name: joinTable.name,
      link: joinTable.joinColumn.name,
      article: joinTable.inverseJoinColumn.name,
    };
  };
  return {
    article: articles.tableName,
    link: links.tableName,
    source: join('sourceArticle'),
    target: join('targetArticle'),
  };
};

export type NewsroomTables = ReturnType<typeof newsroomTables>;

/** `%term%` for LIKE with `\` as the escape character, so % and _ match literally. */
export const likeContains = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
