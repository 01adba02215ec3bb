import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { currentScope } from '../integrity/scope';
import { getService } from '../utils/get-service';

type Context = { uid: string; action: string; params: Record<string, any> };

const NEWSROOM_TYPES = new Set<string>([ARTICLE_UID, LINK_UID, QUOTE_UID]);

/** Actions that always change the published versions. */
const PUBLISHING_ACTIONS = new Set(['publish', 'unpublish', 'delete']);

/**
 * Creates and updates touch only drafts, unless they ask to publish too; discarding a draft
 * copies the published version back and leaves it as it was.
 */
const changesPublished = ({ action, params }: Context) =>
  PUBLISHING_ACTIONS.has(action) ||
  ((action === 'create' || action === 'update') && params?.status === 'published');

/**
 * After any write, from any entry point, that changes what readers can see: the article's
 * entry in the suggestion index follows its published version, then the content generation is
 * bumped so that every instance's cached responses are retired (services/freshness). It runs
 * outermost among the plugin's middlewares, after the cascades, and after the Document
 * Service's own transaction has committed; inside a caller's transaction (the content
 * manager's) the bump waits for that commit, and the HTTP answer waits for the bump.
 */
export const publishedChangesMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (!NEWSROOM_TYPES.has(context.uid) || !changesPublished(context)) return next();
    const result: any = await next();
    const documentId = (context.params.documentId ?? result?.documentId) as string | undefined;
    if (context.uid === ARTICLE_UID && documentId) {
      await getService(strapi, 'searchIndex').sync(documentId);
    }
    const bump = () => getService(strapi, 'freshness').bump();
    // Nested in a checked write (a publish's cascade, a placement save), the write bumps once
    // after its own commit instead of once per part inside it.
    const scope = currentScope();
    if (scope) scope.afterCommit.set('freshness', bump);
    else await bump();
    return result;
  };
