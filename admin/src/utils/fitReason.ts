import type { FitsAfter } from '#shared/contracts/admin';
import { MIN_DISTANCE, type SlotReasonCode } from '#shared/baca-juga/slots';
import type { Translate, TranslationKey } from '../hooks/useT';

const REASON_KEYS: Record<SlotReasonCode, TranslationKey> = {
  'usual-first': 'suggestions.slot.usualFirst',
  usual: 'suggestions.slot.usual',
  end: 'suggestions.slot.end',
  spaced: 'suggestions.slot.spaced',
  'outside-quote': 'suggestions.slot.outsideQuote',
};

/** Words shown of what the suggestion shares with the paragraph: the strongest few. */
const SHOWN_TERMS = 3;

/**
 * Where a suggestion fits, in words: "After paragraph 4: the usual first slot; shares ‘beras’
 * with this paragraph". The slot is the rhythm's (#shared/baca-juga/slots); the shared words
 * say what the line would follow, and when they moved the line, which near-equal slot they
 * moved it from.
 */
export const describeFit = (fit: FitsAfter, t: Translate): string => {
  const { reason } = fit;
  const parts = [
    t(REASON_KEYS[reason.slot], { link: reason.link, distance: MIN_DISTANCE }),
    ...(reason.insteadOf !== null
      ? [t('suggestions.slot.insteadOf', { number: reason.insteadOf })]
      : []),
  ];
  const terms = fit.matchedTerms.slice(0, SHOWN_TERMS).map((term) => `‘${term}’`);
  const why =
    parts.join(', ') +
    (terms.length ? `; ${t('suggestions.slot.shares', { terms: terms.join(', ') })}` : '');
  return t('suggestions.fitsAfter', { number: fit.number, why });
};
