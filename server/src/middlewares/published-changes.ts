import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { currentScope, type WriteScope } from '../integrity/scope';
import type { Owed } from '../services/published-effects';
import { getService } from '../utils/get-service';
import { publishes, type DocumentContext as Context } from './document-actions';

const NEWSROOM_TYPES = new Set<string>([ARTICLE_UID, LINK_UID, QUOTE_UID]);

/** Actions that always take a published version away. */
const UNPUBLISHING_ACTIONS = new Set(['unpublish', 'delete']);

/**
 * What readers see changes with a new published version or one taken away; discarding a
 * draft copies the published version back and leaves it as it was.
 */
const changesPublished = (context: Context) =>
  publishes(context) || UNPUBLISHING_ACTIONS.has(context.action);

/** What each checked write owes so far: settled once, after its commit, by the outermost. */
const owedByScope = new WeakMap<WriteScope, Owed[]>();

/**
 * After any write, from any entry point, that changes what readers can see: the article's
 * entry in the suggestion index follows its published version (its slug history is written
 * inside the publish's own transaction: middlewares/slug-claims), then the
 * content generation is bumped so that every instance's cached responses are retired
 * (services/published-effects, services/freshness). It runs outermost among the plugin's
 * middlewares, after the cascades, and after the Document Service's own transaction has
 * committed. What the write owes is recorded first (in the caller's transaction when there is
 * one), done after the commit, and retried from that record if it fails; the bump is made
 * whatever the side effects do. The HTTP answer waits for all of it.
 */
export const publishedChangesMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (!NEWSROOM_TYPES.has(context.uid) || !changesPublished(context)) return next();
    const result: any = await next();
    const documentId = (context.params.documentId ?? result?.documentId) as string | undefined;
    const article = context.uid === ARTICLE_UID && documentId ? documentId : null;
    const effects = getService(strapi, 'publishedEffects');
    // Nested in a checked write (a publish's cascade, a placement save), the write settles
    // once after its own commit instead of once per part inside it.
    const scope = currentScope();
    if (!scope) {
      await effects.settle([await effects.queue(article)]);
      return result;
    }
    let owed = owedByScope.get(scope);
    if (!owed) {
      owedByScope.set(scope, (owed = []));
      const list = owed;
      scope.afterCommit.set('published-effects', () => effects.settle(list));
    }
    // One bump serves the whole write: a row for a bump alone only when nothing else is owed.
    const known = owed.some((entry) => entry.documentId === article);
    if (article ? !known : owed.length === 0) owed.push(await effects.queue(article));
    return result;
  };
