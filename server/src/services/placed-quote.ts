import type { PlacedQuote } from '#shared/contracts/admin';
import { contentVersion } from '../utils/content-version';
import { toRenderedQuote } from './render/compose';
import type { QuoteRow } from './render/types';

/** The fields of a draft quote the manager shows (private ones included: it is the admin). */
export const PLACED_QUOTE_FIELDS = [
  'text',
  'speaker',
  'speakerRole',
  'relayedBy',
  'kind',
  'paragraphId',
  'needsReview',
  'suggestedSpeaker',
  'suggestedRole',
  'speakerConfirmed',
  'attribution',
];

/** A draft quote as the Document Service reads it with PLACED_QUOTE_FIELDS. */
export type PlacedQuoteRow = Omit<QuoteRow, 'id'> & {
  documentId: string;
  needsReview?: boolean | null;
  suggestedSpeaker?: string | null;
  suggestedRole?: string | null;
  speakerConfirmed?: boolean | null;
  attribution?: unknown;
};

/**
 * The importer's evidence, `{ rule, text }`, or null: a JSON column anyone may have written
 * (the content manager edits it as raw JSON), so anything else reads as no evidence.
 */
const evidenceOf = (value: unknown): PlacedQuote['attribution'] => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { rule, text } = value as Record<string, unknown>;
  return typeof rule === 'string' && typeof text === 'string' ? { rule, text } : null;
};

/** A draft quote as the manager shows it, with the version a speaker decision sends back. */
export const toPlacedQuote = (row: PlacedQuoteRow): PlacedQuote => {
  const shown = {
    documentId: row.documentId,
    ...toRenderedQuote(row),
    needsReview: row.needsReview === true,
    suggestedSpeaker: row.suggestedSpeaker ?? null,
    suggestedRole: row.suggestedRole ?? null,
    speakerConfirmed: row.speakerConfirmed === true,
    attribution: evidenceOf(row.attribution),
  };
  // Everything the editor sees of it: a change to any of it makes a decision made on the old
  // one stale (another name, other words, a re-import's new evidence).
  const version = contentVersion([
    shown.text,
    shown.speaker,
    shown.speakerRole,
    shown.relayedBy,
    shown.kind,
    shown.paragraphId,
    shown.needsReview,
    shown.suggestedSpeaker,
    shown.suggestedRole,
    shown.speakerConfirmed,
    shown.attribution && [shown.attribution.rule, shown.attribution.text],
  ]);
  return { ...shown, version };
};
