/**
 * Who a quote is credited to, and who decides it. One home for the server (the speaker
 * decision, the list's count, the seed) and the admin (the manager's quote card).
 *
 * The importer never credits anyone in public. On real wire copy it names the wrong person
 * once in 10 to 25 credits on stories it has not seen (tests/fixtures/attribution: sets 6 to
 * 8, scored blind), and a quote credited to the wrong person is a correction in tomorrow's
 * paper. So it writes its guess to the private `suggestedSpeaker` and `suggestedRole`, with
 * its evidence, and the public `speaker` and `speakerRole` hold only what an editor wrote or
 * confirmed. Private fields leave through no public route (render, JSON-LD, REST, GraphQL), so
 * readers get a guess through none of them, however they ask.
 */

/** The credit fields of a stored quote (the admin's view of it). */
export interface QuoteCreditFields {
  speaker: string | null;
  speakerRole: string | null;
  suggestedSpeaker: string | null;
  suggestedRole: string | null;
  speakerConfirmed: boolean;
}

export interface Credit {
  speaker: string | null;
  speakerRole: string | null;
}

const named = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** Readers get a credit: an editor wrote or confirmed a speaker or a role. */
export const hasPublicCredit = (quote: Pick<QuoteCreditFields, 'speaker' | 'speakerRole'>) =>
  named(quote.speaker) || named(quote.speakerRole);

/** The importer suggested a speaker or a role (whether or not readers get it yet). */
const hasSuggestion = (quote: Pick<QuoteCreditFields, 'suggestedSpeaker' | 'suggestedRole'>) =>
  named(quote.suggestedSpeaker) || named(quote.suggestedRole);

/** "Speaker, Role" of a credit, the blank parts left out ('' when it names nothing). */
export const creditText = (speaker: string | null, role: string | null): string =>
  [speaker, role]
    .filter(named)
    .map((part) => part.trim())
    .join(', ');

/**
 * What "confirm" makes public: the credit the quote already carries (an editor typed it in the
 * content manager), else the importer's suggestion; null when neither names anyone or any role.
 * Once an editor decided, the suggestion was judged: a cleared quote has nothing to confirm.
 */
export const creditToConfirm = (quote: QuoteCreditFields): Credit | null => {
  if (hasPublicCredit(quote)) return { speaker: quote.speaker, speakerRole: quote.speakerRole };
  if (quote.speakerConfirmed) return null;
  return hasSuggestion(quote)
    ? { speaker: quote.suggestedSpeaker, speakerRole: quote.suggestedRole }
    : null;
};

/**
 * The importer suggested a credit readers do not get yet: no editor decided, and nobody typed
 * a credit meanwhile. The list counts these; the manager offers to confirm them. The list's SQL
 * (server/src/services/admin-articles.ts `awaitingCreditOf`) spells the same condition.
 */
export const awaitsCreditDecision = (quote: QuoteCreditFields): boolean =>
  !quote.speakerConfirmed && !hasPublicCredit(quote) && hasSuggestion(quote);
