import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '../../constants';
import type { NewsroomConfig } from '../../config';
import { composeArticle } from './compose';
import type { ArticleRow, LinkRow, QuoteRow, RenderedArticle } from './types';

const ARTICLE_FIELDS = [
  'documentId',
  'slug',
  'title',
  'lead',
  'outlet',
  'dateline',
  'wireSource',
  'reportedAt',
  'publishedAt',
  'tags',
  'body',
] as const;

const createRenderService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The published article with this slug, render-ready, or null. Everything is read with
   * status "published": a draft article, draft links and draft quotes never reach here,
   * and a link target that is not published comes back empty and is left out.
   */
  async findPublishedBySlug(slug: string): Promise<RenderedArticle | null> {
    const article = (await strapi.documents(ARTICLE_UID).findFirst({
      status: 'published',
      filters: { slug },
      fields: ARTICLE_FIELDS as unknown as any,
    })) as unknown as ArticleRow | null;
    if (!article) return null;

    const [links, quotes] = await Promise.all([
      strapi.documents(LINK_UID).findMany({
        status: 'published',
        filters: { sourceArticle: { documentId: article.documentId } },
        fields: ['url', 'label', 'afterParagraphId', 'position'],
        populate: { targetArticle: { fields: ['documentId', 'slug', 'title'] } },
        limit: -1,
      } as any),
      strapi.documents(QUOTE_UID).findMany({
        status: 'published',
        filters: { article: { documentId: article.documentId } },
        fields: ['text', 'speaker', 'speakerRole', 'relayedBy', 'kind', 'paragraphId'],
        limit: -1,
      } as any),
    ]);

    const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
    return composeArticle(
      article,
      links as unknown as LinkRow[],
      quotes as unknown as QuoteRow[],
      hrefPattern
    );
  },
});

export type RenderService = ReturnType<typeof createRenderService>;
export default createRenderService;
