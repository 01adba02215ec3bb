import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, OWNER_FIELD, QUOTE_UID } from '../constants';
import { publishStale } from '../utils/publish-stale';

/**
 * Publishing an article publishes its Baca Juga links and quotes with it, from every entry
 * point (the content manager's Publish and bulk publish, REST, GraphQL, direct calls): an
 * editor who placed links on a draft story expects readers to get them when the story goes
 * live. Links to a target that is not published yet stay out of the public output until it is.
 */
export const publishCascadeMiddleware =
  (strapi: Core.Strapi) =>
  async (
    context: { uid: string; action: string; params: Record<string, any> },
    next: () => Promise<unknown>
  ) => {
    const result = await next();
    if (context.uid !== ARTICLE_UID || context.action !== 'publish') return result;
    const documentId = context.params.documentId as string | undefined;
    if (!documentId) return result;
    for (const uid of [LINK_UID, QUOTE_UID] as const) {
      const owned: { documentId: string }[] = await strapi.db.query(uid).findMany({
        where: { [OWNER_FIELD[uid]]: { documentId }, publishedAt: { $null: true } },
        select: ['documentId'],
      });
      await publishStale(
        strapi,
        uid,
        owned.map((row) => row.documentId)
      );
    }
    return result;
  };
