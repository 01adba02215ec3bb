import type { Core } from '@strapi/strapi';
import type { PlacedQuote } from '#shared/contracts/admin';
import { isQuoteAnchor } from '#shared/baca-juga/paragraphs';
import { creditToConfirm } from '#shared/quote-credit';
import { QUOTE_UID } from '../constants';
import { inLocale } from '../i18n/locale';
import { checkedWrite } from '../integrity/check-write';
import { reportViolations, violationPath } from '../integrity/report';
import { lockArticles } from '../database/placement-state';
import { VersionConflictError } from '../utils/content-version';
import { fieldError } from '../utils/field-error';
import { parseSpeakerDecision, type ParsedSpeakerDecision } from '../validation/speaker-decision';
import { publishedParagraphIdsOf } from '../workflow/published-paragraphs';
import { PLACED_QUOTE_FIELDS, toPlacedQuote, type PlacedQuoteRow } from './placed-quote';

/** Thrown when the quote changed since the editor read it; the controller answers 409. */
export class QuoteConflictError extends VersionConflictError {
  constructor(currentVersion: string) {
    super('This quote changed since you opened it; nothing was saved.', currentVersion);
  }
}

/**
 * What each decision makes public of the credit; every one leaves the quote decided. `confirm`
 * makes public the credit the quote carries, else the importer's suggestion (#shared/quote-credit).
 */
const speakerOf = (decision: ParsedSpeakerDecision, current: PlacedQuote) => {
  switch (decision.decision) {
    case 'confirm':
      return creditToConfirm(current);
    case 'correct':
      return { speaker: decision.speaker, speakerRole: decision.speakerRole };
    case 'clear':
      // The role came with the name the editor rejected: crediting nobody means neither.
      return { speaker: null, speakerRole: null };
  }
};

/**
 * An editor's decision on a quote's speaker, from the Baca Juga manager: confirm, correct or
 * clear (shared/contracts/quotes.ts). Written to the quote's draft through the Document
 * Service, so every rule of a quote write applies; a re-import keeps a decided speaker.
 */
const createQuoteSpeakerService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** `locale`: the version's, where stories are localized (null otherwise). */
  const draftQuote = async (articleId: string, quoteId: string, locale: string | null) =>
    (await strapi.documents(QUOTE_UID).findFirst({
      status: 'draft',
      ...inLocale(locale),
      filters: { documentId: quoteId, article: { documentId: articleId } },
      fields: PLACED_QUOTE_FIELDS,
    } as any)) as unknown as PlacedQuoteRow | null;

  /**
   * On a published story the decision goes live with it, as a placement save's links do: the
   * content manager offers no publish for a story that did not change, so a corrected name
   * would otherwise stay wrong for readers. A quote standing after a paragraph the published
   * story does not have yet goes live with the story instead. Returns whether it went live.
   */
  const publishIfLive = async (articleId: string, quote: PlacedQuote, locale: string | null) => {
    const live = new Set(await publishedParagraphIdsOf(strapi, articleId, locale));
    if (!isQuoteAnchor(quote.paragraphId, live)) return false;
    await strapi
      .documents(QUOTE_UID)
      .publish({ documentId: quote.documentId, ...inLocale(locale) });
    return true;
  };

  /**
   * Applies `body` to quote `quoteId` of article `articleId`, unless the quote changed since
   * `body.version` (QuoteConflictError; nothing written). One checked write with the article
   * locked, as a placement save: two decisions on one article never interleave, on any
   * instance, so the second is judged against what the first stored. Returns null when the
   * article has no such quote. Where stories are localized, `locale` names the version: each
   * has quotes of its own, in its own words.
   */
  const decide = async (
    articleId: string,
    quoteId: string,
    body: unknown,
    userId?: number,
    locale: string | null = null
  ): Promise<{ quote: PlacedQuote; live: boolean } | null> => {
    const decision = parseSpeakerDecision(body);
    return checkedWrite(
      strapi,
      async (scope) => {
        await lockArticles(strapi, scope.trx, [articleId]);
        const row = await draftQuote(articleId, quoteId, locale);
        if (!row) return null;
        const current = toPlacedQuote(row);
        if (current.version !== decision.version) throw new QuoteConflictError(current.version);
        const credit =
          speakerOf(decision, current) ??
          fieldError(['decision'], 'the quote names no speaker to confirm; correct or clear it');
        await strapi.documents(QUOTE_UID).update({
          documentId: quoteId,
          ...inLocale(locale),
          data: {
            ...credit,
            speakerConfirmed: true,
            needsReview: false,
            ...(userId ? { updatedBy: userId } : {}),
          },
        } as any);
        const live = await publishIfLive(articleId, current, locale);
        // The answer is what is stored, read inside the write: this decision's outcome.
        const stored = await draftQuote(articleId, quoteId, locale);
        return stored && { quote: toPlacedQuote(stored), live };
      },
      (violations) =>
        reportViolations(violations, (v) =>
          violationPath(v, { kind: 'quote', documentId: quoteId })
        )
    );
  };

  return { decide };
};

export type QuoteSpeakerService = ReturnType<typeof createQuoteSpeakerService>;
export default createQuoteSpeakerService;
