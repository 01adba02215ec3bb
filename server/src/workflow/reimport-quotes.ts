import type { Core } from '@strapi/strapi';
import type { Paragraph } from '#shared/baca-juga/paragraphs';
import { QUOTE_UID } from '../constants';
import { inLocale } from '../i18n/locale';
import type { ParsedQuote } from '../importer/parse-story';
import { matchTexts } from '../utils/text-matching';
import { firstWords, paragraphNumber, type QuoteReport } from './reimport-report';

interface QuoteRow {
  documentId: string;
  text: string;
  speaker: string | null;
  speakerRole: string | null;
  relayedBy: string | null;
  suggestedSpeaker: string | null;
  suggestedRole: string | null;
  needsReview: boolean | null;
  speakerConfirmed: boolean | null;
  kind: 'full' | 'partial';
  paragraphId: string;
  /** Set when an admin user made the quote (the content manager); the importer sets none. */
  createdBy: { id: number } | null;
}

/** The draft quotes of an article's version in `locale` (null: not localized). */
export const draftQuotes = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string | null
): Promise<QuoteRow[]> =>
  strapi.db.query(QUOTE_UID).findMany({
    where: { article: { documentId }, publishedAt: null, ...inLocale(locale) },
    select: [
      'documentId',
      'text',
      'speaker',
      'speakerRole',
      'relayedBy',
      'suggestedSpeaker',
      'suggestedRole',
      'needsReview',
      'speakerConfirmed',
      'kind',
      'paragraphId',
    ],
    populate: { createdBy: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });

/**
 * Who said it, as the parser read the copy: what a re-import refreshes unless confirmed. Only
 * ever a suggestion: the public `speaker` and `speakerRole` are an editor's to write
 * (#shared/quote-credit), so no import, first or later, credits anyone to readers.
 */
export const speakerFields = (quote: ParsedQuote) => ({
  suggestedSpeaker: quote.speaker,
  suggestedRole: quote.speakerRole,
  needsReview: quote.needsReview,
  relayedBy: quote.relayedBy,
  // The evidence the parser credited the speaker on (null when it credited nobody).
  attribution: quote.attribution ?? null,
});

export interface QuoteMerge {
  strapi: Core.Strapi;
  article: string;
  /** The version imported, where stories are localized (null otherwise). */
  locale: string | null;
  before: Paragraph[];
  body: Paragraph[];
  /** The draft quotes before the import (before the body's update re-anchored any). */
  quotesBefore: QuoteRow[];
  quotes: ParsedQuote[];
  /** --replace-links: the copy decides which quotes there are (speakers still as below). */
  replace: boolean;
}

/**
 * Brings an article's quotes in line with a newly imported copy. A quote of the copy whose
 * words were there before (the same, or with a few corrected) keeps its document and takes
 * the copy's words and paragraph; its speaker is refreshed from the new parse unless an editor
 * confirmed it (`speakerConfirmed`), which no import overwrites. A quote whose words left the
 * copy goes, unless an editor made it or confirmed its speaker (then it stays where the body's
 * update left it), and --replace-links removes those too. New quotes are added.
 */
export const mergeQuotes = async (merge: QuoteMerge): Promise<QuoteReport[]> => {
  const { strapi, article, locale, body, before, quotesBefore, quotes, replace } = merge;
  const documents = strapi.documents(QUOTE_UID);
  const newIds = body.map((p) => p.id);
  const oldIds = before.map((p) => p.id);
  const wasAt = new Map(quotesBefore.map((q) => [q.documentId, q.paragraphId]));
  const current = await draftQuotes(strapi, article, locale);
  const anchorOf = (quote: ParsedQuote) =>
    body[Math.min(Math.max(1, quote.paragraph), body.length) - 1].id;
  const report: QuoteReport[] = [];
  const entry = (
    action: QuoteReport['action'],
    quote: Pick<QuoteRow, 'documentId' | 'text' | 'paragraphId'> &
      Partial<Pick<QuoteRow, 'speaker' | 'speakerRole' | 'suggestedSpeaker' | 'suggestedRole'>> & {
        speakerConfirmed?: boolean | null;
      },
    reason: string
  ): QuoteReport => {
    const was = wasAt.get(quote.documentId);
    return {
      action,
      quote: quote.documentId,
      text: firstWords(quote.text),
      speaker: quote.speaker ?? null,
      speakerRole: quote.speakerRole ?? null,
      suggestedSpeaker: quote.suggestedSpeaker ?? null,
      suggestedRole: quote.suggestedRole ?? null,
      confirmed: quote.speakerConfirmed === true,
      paragraph: paragraphNumber(action === 'dropped' ? oldIds : newIds, quote.paragraphId),
      ...(action === 'moved' ? { from: paragraphNumber(oldIds, was) } : {}),
      reason,
    };
  };

  const match = matchTexts(
    current.map((q) => q.text),
    quotes.map((q) => q.text)
  );
  const matched = new Set(match.flatMap((index) => (index === null ? [] : [index])));

  for (const [index, quote] of current.entries()) {
    if (matched.has(index)) continue;
    const editors = quote.speakerConfirmed === true || !!quote.createdBy;
    if (editors && !replace) {
      const was = wasAt.get(quote.documentId);
      const moved = was !== undefined && was !== quote.paragraphId;
      report.push(
        entry(
          moved ? 'moved' : 'kept',
          quote,
          `its words are no longer in the copy; kept: ${
            quote.speakerConfirmed ? 'an editor confirmed its speaker' : 'an editor added it'
          }`
        )
      );
      continue;
    }
    await documents.delete({ documentId: quote.documentId, ...inLocale(locale) });
    report.push(
      entry(
        'dropped',
        { ...quote, paragraphId: wasAt.get(quote.documentId) ?? quote.paragraphId },
        editors
          ? '--replace-links: its words are no longer in the copy'
          : 'its words are no longer in the copy'
      )
    );
  }

  for (const [index, quote] of quotes.entries()) {
    const paragraphId = anchorOf(quote);
    const mine = match[index];
    if (mine === null) {
      const created = await documents.create({
        ...inLocale(locale),
        data: {
          article,
          text: quote.text,
          kind: quote.kind,
          paragraphId,
          ...speakerFields(quote),
        } as any,
      });
      report.push(
        entry(
          'added',
          {
            ...quote,
            ...speakerFields(quote),
            // Readers get no credit from an import: the parse is only the suggestion.
            speaker: null,
            speakerRole: null,
            documentId: created.documentId,
            paragraphId,
          },
          'new in the copy'
        )
      );
      continue;
    }
    const stored = current[mine];
    const confirmed = stored.speakerConfirmed === true;
    const data = {
      text: quote.text,
      kind: quote.kind,
      paragraphId,
      ...(confirmed ? {} : speakerFields(quote)),
    };
    const changes: string[] = [];
    if (stored.text !== quote.text) changes.push('words corrected');
    if (confirmed) changes.push('confirmed speaker kept');
    else if ((stored.suggestedSpeaker ?? null) !== (quote.speaker ?? null)) {
      changes.push(
        `suggested speaker from the copy: ${stored.suggestedSpeaker ?? 'none'} -> ${
          quote.speaker ?? 'none'
        }`
      );
    }
    const same =
      stored.text === data.text &&
      stored.kind === data.kind &&
      stored.paragraphId === paragraphId &&
      (confirmed ||
        ((stored.suggestedSpeaker ?? null) === (quote.speaker ?? null) &&
          (stored.suggestedRole ?? null) === (quote.speakerRole ?? null) &&
          (stored.relayedBy ?? null) === (quote.relayedBy ?? null) &&
          (stored.needsReview === true) === quote.needsReview));
    if (!same) {
      await documents.update({
        documentId: stored.documentId,
        ...inLocale(locale),
        data: data as any,
      });
    }
    const was = wasAt.get(stored.documentId);
    const moved = was !== undefined && was !== paragraphId;
    report.push(
      entry(
        moved ? 'moved' : 'kept',
        { ...stored, ...data },
        [moved ? 'its words stand in another paragraph now' : 'in the copy', ...changes].join('; ')
      )
    );
  }
  return report;
};
