import type { Core } from '@strapi/strapi';
import { readBody } from '#shared/baca-juga/paragraphs';
import { ARTICLE_UID } from '../constants';

/**
 * Paragraph ids of the article's published body (none while it is not published): where a
 * link or quote may stand for readers. A part written after a paragraph the live story does
 * not have yet waits for the story's next publish.
 */
export const publishedParagraphIdsOf = async (
  strapi: Core.Strapi,
  documentId: string
): Promise<string[]> => {
  const row = await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['body'],
  });
  return readBody(row?.body).map((p) => p.id);
};
