import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, QUOTE_UID } from '../constants';
import { fieldError as fail } from '../utils/field-error';
import { readBody } from '../utils/paragraphs';
import { relationInput } from '../utils/relation-input';

export const MAX_QUOTE_LENGTH = 2000;

/**
 * Quote rules on every entry point: a quote belongs to an article, its text is 1 to 2,000
 * characters (drafts included: Strapi skips `required` for drafts), and it stands beside one
 * of its article's paragraphs.
 */
export const quoteRulesMiddleware =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: Record<string, any> },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== QUOTE_UID || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params.data ?? {}) as Record<string, unknown>;
    const isCreate = context.action === 'create';
    const current = isCreate
      ? null
      : await strapi.db.query(QUOTE_UID).findOne({
          where: { documentId: context.params.documentId, publishedAt: { $null: true } },
          select: ['paragraphId'],
          populate: { article: { select: ['documentId'] } },
        });
    if (!isCreate && !current) return next();

    if (isCreate || data.text !== undefined) {
      if (typeof data.text !== 'string') return fail(['text'], 'must be the quoted words');
      const words = data.text.trim();
      if (words.length < 1 || words.length > MAX_QUOTE_LENGTH) {
        fail(['text'], `must be 1 to ${MAX_QUOTE_LENGTH} characters`);
      }
      data.text = words;
    }

    const currentArticle = current?.article?.documentId ?? null;
    const articleIn = await relationInput(strapi, ARTICLE_UID, data.article, currentArticle);
    const article = articleIn === undefined ? currentArticle : articleIn;
    if (!article) return fail(['article'], 'a quote belongs to an article: set article');
    if (isCreate || articleIn !== undefined || data.paragraphId !== undefined) {
      const row = await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId: article, publishedAt: { $null: true } },
        select: ['body'],
      });
      if (!row) return fail(['article'], 'no article with this documentId');
      const paragraphId = data.paragraphId === undefined ? current?.paragraphId : data.paragraphId;
      if (!readBody(row.body).some((p) => p.id === paragraphId)) {
        fail(['paragraphId'], "is not a paragraph of the quote's article");
      }
    }
    return next();
  };
