import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { readBody } from '#shared/baca-juga/paragraphs';
import { normalizeBody } from '../utils/paragraphs';
import { reanchorDeleted } from '../workflow/reanchor';
import { normalizeTags } from '../utils/tags';
import { slugProblem, toSlug } from '../utils/slug';
import { fieldError } from '../utils/field-error';
import { getService } from '../utils/get-service';
import { inLocale, writeLocale } from '../i18n/locale';

type ArticleData = Record<string, unknown> & { title?: unknown; slug?: unknown };

/**
 * Document Service middleware for articles. Because it sits on the Document Service, it runs
 * for every entry point: the content manager, REST, GraphQL, the plugin's own routes and
 * direct `strapi.documents()` calls.
 */
export const articleDataMiddleware =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: Record<string, any> },
    next: () => Promise<unknown>
  ) => {
    if (context.uid !== ARTICLE_UID || !['create', 'update', 'clone'].includes(context.action)) {
      return next();
    }
    if (context.action === 'clone') {
      // A clone is a new story, neither the one imported nor the one published: none of the
      // original's private record comes with it. Its `importedLinks` would make a re-import
      // into the clone take the copy's lines as placed and removed by editors, and its
      // `everPublishedAt` would date the clone's first publication (sitemaps) by the original's.
      // Null, not empty: Strapi's clone merges what is given into the original's values.
      context.params.data = { ...context.params.data, importedLinks: null, everPublishedAt: null };
    }
    const data = context.params.data as ArticleData | undefined;
    if (!data || typeof data !== 'object') return next();

    if ('body' in data) data.body = normalizeBody(data.body);
    // A placeholder awaits its copy: once a write gives it paragraphs, it is a story.
    if (Array.isArray(data.body) && data.body.length > 0) data.placeholder = false;
    const documentId = context.params.documentId as string | undefined;
    // Where stories are localized, everything below reads and writes this locale's rows only.
    const locale = await writeLocale(strapi, context.params);
    const draftBefore =
      context.action === 'update' && documentId && ('body' in data || locale !== null)
        ? await strapi.db.query(ARTICLE_UID).findOne({
            where: { documentId, publishedAt: { $null: true }, ...inLocale(locale) },
            select: ['body'],
          })
        : null;
    const bodyBefore = draftBefore && 'body' in data ? readBody(draftBefore.body) : null;
    // An update that creates a locale's first version (a translation) is a new story there.
    const newTranslation =
      locale !== null && context.action === 'update' && documentId !== undefined && !draftBefore;
    if ('tags' in data) data.tags = normalizeTags(data.tags);

    // A clone that names no slug gets a fresh one from the title: two stories never share a
    // slug (the invariants refuse a clone that names the original's).
    const wantsSlug =
      context.action === 'create' ||
      newTranslation ||
      (context.action === 'clone' && !('slug' in data))
        ? !data.slug
        : 'slug' in data && (data.slug === '' || data.slug === null);
    const slugs = getService(strapi, 'slugHistory');
    if (wantsSlug) {
      let title = typeof data.title === 'string' ? data.title : '';
      if (!title && context.params.documentId) {
        const current = await strapi.db.query(ARTICLE_UID).findOne({
          where: { documentId: context.params.documentId, ...inLocale(locale) },
          select: ['title'],
        });
        title = current?.title ?? '';
      }
      const base = toSlug(title);
      // Leave an empty slug to Strapi's own "required" validation, which names the field.
      if (base) {
        // A clone is a new document: the original's own slug is taken too.
        const self = context.action === 'clone' ? undefined : context.params.documentId;
        // Chosen once the writes of the bare slug before this one have committed.
        await slugs.lock(base);
        // A translation's own document holds its other locales' slugs (slugs span locales).
        data.slug = await slugs.freeSlug(base, self, locale);
      }
    } else if (typeof data.slug === 'string' && data.slug) {
      const problem = slugProblem(data.slug);
      if (problem) fieldError(['slug'], problem);
      await slugs.lock(data.slug);
    }
    const result = await next();
    if (bodyBefore && documentId) {
      await reanchorDeleted(strapi, documentId, bodyBefore, readBody(data.body), locale);
    }
    return result;
  };
