import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import type { DocumentContext as Context } from './document-actions';

const NEWSROOM_TYPES = new Set<string>([ARTICLE_UID, LINK_UID, QUOTE_UID]);
const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

/** The writes waiting on each transaction, as a chain: each starts when the one before ends. */
const chains = new WeakMap<object, Promise<unknown>>();
/** Set inside a write that holds its transaction's turn: the writes nested in it go ahead. */
const holdingTurn = new AsyncLocalStorage<true>();

/**
 * Writes of the plugin's documents that share one transaction run one after another.
 *
 * The content manager's bulk actions run their publishes side by side inside one transaction
 * (`publishMany`: `Promise.all` of `documents.publish`). A publish replaces a story's published
 * row; a story's publish also publishes its Baca Juga links, which point at their targets'
 * published rows. Side by side, a story's link was pointed at the published row of its target
 * while the target's own publish was replacing that row: selecting a story and its link
 * target and pressing Publish failed with a foreign-key error (500), every time. One after
 * another, Strapi moves the links to the target's new row as it does for any republish.
 *
 * Writes nested in a write (a publish's cascade) run in its turn; reads never wait. Outside a
 * transaction nothing is held: each write has its own.
 */
export const oneWriteAtATimeMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (
      !NEWSROOM_TYPES.has(context.uid) ||
      READS.has(context.action) ||
      holdingTurn.getStore() ||
      !strapi.db.inTransaction()
    ) {
      return next();
    }
    const trx = await strapi.db.transaction(async ({ trx }) => trx);
    const before = chains.get(trx) ?? Promise.resolve();
    const turn = before.then(() => holdingTurn.run(true, next));
    // The next write waits for this one to end, however it ends.
    chains.set(
      trx,
      turn.catch(() => undefined)
    );
    return turn;
  };
