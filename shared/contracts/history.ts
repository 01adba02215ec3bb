/**
 * `GET /newsroom/articles/:documentId/history?locale=`: the placement history of one version
 * of a story, newest first (#shared/baca-juga/placement-history). Each entry is one write that
 * changed the draft's links or quotes, from whatever entry point: who made it (an admin user,
 * or null for a script, an API token or a reader-facing route), when, what the version held
 * before and after, and a summary in English. The stories links point at are given once, as
 * they are now, for naming them and for restoring a placement.
 */
import type { InferType } from 'yup';
import {
  count,
  flag,
  list,
  nullableCount,
  nullableRecord,
  nullableText,
  record,
  text,
} from './fields';
import { linkTargetSchema } from './placement';

const historyLinkSchema = record({
  documentId: text(),
  target: nullableText(),
  url: nullableText(),
  label: nullableText(),
  afterParagraphId: nullableText(),
  variantAfterParagraphId: nullableText(),
  position: nullableCount(),
  needsReview: flag(),
  slot: nullableCount(),
});

const historyQuoteSchema = record({
  documentId: text(),
  text: nullableText(),
  paragraphId: nullableText(),
  paragraph: nullableCount(),
});

export const historyPlacementSchema = record({
  links: list(historyLinkSchema),
  quotes: list(historyQuoteSchema),
});

export const historyEntrySchema = record({
  id: count(),
  /** ISO date of the write. */
  at: text(),
  /** The admin user who made it, by id and name as they were then; null: no admin user. */
  user: nullableRecord({ id: count(), name: nullableText() }),
  before: historyPlacementSchema,
  after: historyPlacementSchema,
  summary: text(),
});
export type HistoryEntry = InferType<typeof historyEntrySchema>;

export const historyResponseSchema = record({
  data: list(historyEntrySchema),
  meta: record({
    /** Every story a link of these entries points at that still exists, as it is now. */
    targets: list(linkTargetSchema),
    /** The bounds the history is kept to (plugin config `history`). */
    maxEntries: count(),
    maxAgeDays: count(),
  }),
});
export type HistoryResponse = InferType<typeof historyResponseSchema>;
