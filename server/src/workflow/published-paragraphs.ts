import type { Core } from '@strapi/strapi';
import { readBody } from '#shared/baca-juga/paragraphs';
import { ARTICLE_UID } from '../constants';
import { inLocale, localeOrDefault } from '../i18n/locale';

/**
 * Paragraph ids of the article's published body (none while it is not published): where a
 * link or quote may stand for readers. A part written after a paragraph the live story does
 * not have yet waits for the story's next publish.
 */
export const publishedParagraphIdsOf = async (
  strapi: Core.Strapi,
  documentId: string,
  /** Where stories are localized: this locale's version (the default one if absent). */
  locale?: string | null
): Promise<string[]> => {
  const row = await strapi.db.query(ARTICLE_UID).findOne({
    where: {
      documentId,
      publishedAt: { $notNull: true },
      ...inLocale(await localeOrDefault(strapi, locale)),
    },
    select: ['body'],
  });
  return readBody(row?.body).map((p) => p.id);
};
