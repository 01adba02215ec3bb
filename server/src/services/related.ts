import type { Core } from '@strapi/strapi';
import type { RenderedBacaJuga } from './render/types';
import type { RelatedItem, RelatedResponse } from '../types';
import { articleHref } from '../utils/href';
import { getService } from '../utils/get-service';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { datedAt } from './search-index';

/**
 * GET /api/newsroom/articles/:slug/related: what a frontend shows under "Baca juga": the
 * editors' own links first, in reading order, then the engine's suggestions up to `limit`.
 * Everything is read published: the article, its links, their targets, the suggestions.
 */
const createRelatedService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async forSlug(
    slug: string,
    limit: number,
    generation?: number,
    /** Where stories are localized: the locale asked for (null: the slug's own). */
    locale: string | null = null
  ): Promise<{ documentId: string; response: RelatedResponse } | null> {
    const article = await getService(strapi, 'render').findBySlug(slug, 'published', null, locale);
    if (!article) return null;
    const { hrefPattern } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;

    // A list of links to follow: what the render gave readers as a link (shared/baca-juga/
    // reader-view). A placeholder's line, text without a link, has no story to open yet.
    const picked = article.body.filter(
      (b): b is RenderedBacaJuga & { href: string } => b.type === 'baca-juga' && b.href !== null
    );
    const handPicked: RelatedItem[] = picked.slice(0, limit).map((link) => ({
      source: 'editor',
      label: link.label,
      href: link.href,
      target: link.target,
      score: null,
      matchedTerms: [],
      sharedTags: [],
    }));

    // The engine ranks the version's own locale (services/search-index): never a story in
    // another language.
    const room = limit - handPicked.length;
    const suggested: RelatedItem[] =
      room <= 0
        ? []
        : (
            await getService(strapi, 'suggestions').rank(
              {
                documentId: article.documentId,
                locale: article.locale ?? null,
                title: article.title,
                lead: article.lead,
                tags: article.tags,
                body: article.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])),
                datedAt: datedAt(article.reportedAt, article.publishedAt),
              },
              picked.flatMap((link) => (link.target ? [link.target.documentId] : [])),
              room,
              generation
            )
          ).map((s) => ({
            source: 'suggestion',
            label: s.title,
            href: articleHref(hrefPattern, s.slug),
            target: { documentId: s.documentId, slug: s.slug, title: s.title },
            score: s.score,
            matchedTerms: s.matchedTerms,
            sharedTags: s.sharedTags,
          }));

    return {
      // The story the list is of: its key tags the response (http/cache-tags).
      documentId: article.documentId,
      response: {
        data: [...handPicked, ...suggested],
        meta: { limit, editor: handPicked.length, suggestion: suggested.length },
      },
    };
  },
});

export type RelatedService = ReturnType<typeof createRelatedService>;
export default createRelatedService;
