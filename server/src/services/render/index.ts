import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../constants';
import type { NewsroomConfig } from '../../config';
import type { ReadStatus } from '../../auth/draft-access';
import type { Variant } from '#shared/baca-juga/position-test';
import { readArticleBundle } from '../../database/render-article';
import { defaultLocale } from '../../i18n/locale';
import { composeArticle } from './compose';
import { storedBodyProblem, UnreadableBodyError } from './stored-body';

const createRenderService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

  /**
   * One statement reads the story (database/render-article); composing it is pure. A body that
   * cannot be read fails loud (stored-body): a 500, logged by Strapi with the document named,
   * nothing cached, instead of an empty story served to readers.
   */
  const find = async (
    by: 'slug' | 'documentId',
    value: string,
    status: ReadStatus,
    variant: Variant | null,
    locale: string | null
  ) => {
    // A documentId has a version per locale: without one, the default locale's. A slug names
    // one story in one language (the slug indexes span locales), so it needs none.
    const bundle = await readArticleBundle(
      strapi,
      by,
      value,
      status,
      locale ?? (by === 'documentId' ? await defaultLocale(strapi) : null)
    );
    if (!bundle) return null;
    const { article, links, quotes, backlinks } = bundle;
    const problem = storedBodyProblem(article.body, status);
    if (problem) throw new UnreadableBodyError(article.documentId, problem);
    return composeArticle(article, links, quotes, config().hrefPattern, backlinks, variant);
  };

  return {
    /**
     * The article with this slug, render-ready, or null. With status "published" (the
     * default) everything is read published: a draft article, draft links and draft quotes
     * never reach here, and a link whose target is not published is left out. With "draft"
     * (a preview, for callers the controller has authorised) the article, its links and its
     * quotes are the draft versions, while link targets are still only published ones.
     * `variant` places links under a position test for a reader of that variant. `locale`
     * narrows the slug to one language where stories are localized (404 in another).
     */
    async findBySlug(
      slug: string,
      status: ReadStatus = 'published',
      variant: Variant | null = null,
      locale: string | null = null
    ) {
      return find('slug', slug, status, variant, locale);
    },

    async findByDocumentId(
      documentId: string,
      status: ReadStatus = 'published',
      locale: string | null = null
    ) {
      return find('documentId', documentId, status, null, locale);
    },
  };
};

export type RenderService = ReturnType<typeof createRenderService>;
export default createRenderService;
