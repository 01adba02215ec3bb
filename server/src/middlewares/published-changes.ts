import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { inCurrentTransaction } from '../database/in-current-transaction';
import {
  emptyNeighbourhood,
  readNeighbourhoods,
  readPartArticles,
} from '../database/purge-neighbours';
import { strongerReason, type InvalidationReason } from '../http/invalidation';
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

/** What the write does to a story: to the story itself, or to one of its links or quotes. */
const reasonOf = (context: Context): InvalidationReason => {
  if (context.uid !== ARTICLE_UID) return 'update';
  if (context.action === 'delete') return 'delete';
  return context.action === 'unpublish' ? 'unpublish' : 'publish';
};

/** What each checked write owes so far: settled once, after its commit, by the outermost. */
const owedByScope = new WeakMap<WriteScope, Owed[]>();

/**
 * The stories one Document Service call (and every call nested in it) changes, each with its
 * neighbourhood before the outermost call began: a nested call, inside the transaction, would
 * read what the outer one has already written.
 */
interface CallChanges {
  stories: Map<string, NonNullable<Owed['change']>>;
  /** Stories a checked write nested in the call owes already: settled after its commit. */
  owedInScope: Set<string>;
}
const changesOfCall = new AsyncLocalStorage<CallChanges>();

/** The stories a call touches, as stored now: the article, or the link's or quote's story. */
const storiesOf = (strapi: Core.Strapi, context: Context, documentId: string | undefined) => {
  if (!documentId) return Promise.resolve([]);
  if (context.uid === ARTICLE_UID) return Promise.resolve([documentId]);
  const uid = context.uid as typeof LINK_UID | typeof QUOTE_UID;
  return inCurrentTransaction(strapi, (trx) => readPartArticles(strapi, uid, documentId, trx));
};

/**
 * After any write, from any entry point, that changes what readers can see: the article's
 * entry in the suggestion index follows its published version (its slug history is written
 * inside the publish's own transaction: middlewares/slug-claims), then the
 * content generation is bumped so that every instance's cached responses are retired
 * (services/published-effects, services/freshness), then the change goes to the webhooks
 * subscribed to `newsroom.invalidate` (services/invalidations). It runs outermost among the
 * plugin's middlewares, after the cascades, and after the Document Service's own transaction
 * has committed. What the write owes is recorded first (in the caller's transaction when there
 * is one), done after the commit, and retried from that record if it fails; the bump is made
 * whatever the side effects do. The HTTP answer waits for all of it.
 *
 * A link's or a quote's write changes its story: the story is what is owed, and purged.
 */
export const publishedChangesMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (!NEWSROOM_TYPES.has(context.uid) || !changesPublished(context)) return next();
    const reason = reasonOf(context);
    const call: CallChanges = changesOfCall.getStore() ?? {
      stories: new Map(),
      owedInScope: new Set(),
    };
    const changes = call.stories;
    const given = context.params.documentId as string | undefined;
    const touched = await storiesOf(strapi, context, given);
    const unseen = touched.filter((id) => !changes.has(id));
    const before = await inCurrentTransaction(strapi, (trx) =>
      readNeighbourhoods(strapi, unseen, trx)
    );
    for (const id of touched) {
      const known = changes.get(id);
      changes.set(id, {
        reason: known ? strongerReason(known.reason, reason) : reason,
        before: known?.before ?? before.get(id) ?? emptyNeighbourhood(),
      });
    }

    const result: any = await changesOfCall.run(call, next);
    const documentId = given ?? (result?.documentId as string | undefined);
    // A story the call moved a link or quote into, or created: unknown before, so nothing of
    // its neighbourhood is taken for granted (every link target of it is purged).
    // Only a create or update can move a link or quote to another story: a publish,
    // unpublish or delete leaves it where it was read before.
    const moves = context.action === 'create' || context.action === 'update';
    const after = moves || !given ? await storiesOf(strapi, context, documentId) : touched;
    for (const id of after) {
      if (!changes.has(id)) changes.set(id, { reason, before: emptyNeighbourhood() });
    }
    const stories = [...new Set([...touched, ...after])];

    const effects = getService(strapi, 'publishedEffects');
    // Nested in a checked write (a publish's cascade, a placement save), the write settles
    // once after its own commit instead of once per part inside it.
    const scope = currentScope();
    if (!scope) {
      const owed: Owed[] = [];
      for (const id of stories) {
        if (!call.owedInScope.has(id)) owed.push(await effects.queue(id, changes.get(id)));
      }
      if (stories.length === 0) owed.push(await effects.queue(null));
      await effects.settle(owed);
      return result;
    }
    let owed = owedByScope.get(scope);
    if (!owed) {
      owedByScope.set(scope, (owed = []));
      const list = owed;
      scope.afterCommit.set('published-effects', () => effects.settle(list));
    }
    // One bump serves the whole write: a row for a bump alone only when nothing else is owed.
    for (const id of stories) {
      if (!owed.some((entry) => entry.documentId === id)) {
        owed.push(await effects.queue(id, changes.get(id)));
      }
      call.owedInScope.add(id);
    }
    if (owed.length === 0) owed.push(await effects.queue(null));
    return result;
  };
