import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';

const GUARDED: readonly string[] = [ARTICLE_UID, QUOTE_UID, LINK_UID];
// `locale` too: none of the plugin's types is localized.
const IDENTITY_KEYS = ['id', 'documentId', 'locale'] as const;

/**
 * A write never chooses the identity of what it writes. Strapi 5.54's content manager passes
 * `id`, `documentId` and `locale` from a request body through to the Document Service: a
 * forged documentId on update would split a document's draft from its published version, and
 * the published link would be left with no draft to control it. Dropped here, for every entry
 * point.
 */
export const identityGuardMiddleware =
  () =>
  async (
    context: { uid: string; action: string; params: Record<string, any> },
    next: () => Promise<unknown>
  ) => {
    if (GUARDED.includes(context.uid) && ['create', 'update', 'clone'].includes(context.action)) {
      const data = context.params.data as Record<string, unknown> | undefined;
      if (data && typeof data === 'object') {
        for (const key of IDENTITY_KEYS) delete data[key];
      }
    }
    return next();
  };
