import type { Core } from '@strapi/strapi';
import { SLUG_TAKEN } from '#shared/baca-juga/invariants';
import { ARTICLE_UID } from '../constants';
import { isSlugConflict } from '../database/slug-indexes';
import { fieldError } from '../utils/field-error';
import { getService } from '../utils/get-service';
import { publishes, type DocumentContext as Context } from './document-actions';

/**
 * Document Service middleware for articles, inside the write's transaction (registered after
 * the integrity middleware, which opens it). A row the slug indexes refuse
 * (database/slug-indexes), from any action and entry point (the content manager's create,
 * update, publish and clone, REST, GraphQL, the plugin's imports), is the 400 naming `slug`
 * that the invariants give when they see the clash first. A publish claims its live slug in
 * the slug history in the same transaction: a history written after the commit could miss it
 * (a crash, a rename committed in between) and then lead that address to another story.
 */
export const slugClaimsMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== ARTICLE_UID) return next();
    let result: any;
    try {
      result = await next();
    } catch (error) {
      if (isSlugConflict(strapi, error)) fieldError(['slug'], SLUG_TAKEN);
      throw error;
    }
    const documentId = (context.params?.documentId ?? result?.documentId) as string | undefined;
    if (publishes(context) && documentId) {
      await getService(strapi, 'slugHistory').record(documentId);
    }
    return result;
  };
