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

/**
 * When the newsroom's own rhythm put the line there (#shared/baca-juga/house-rhythm): the
 * usual slots say whose habit they are; a slot taken for spacing or a quote says whose rhythm
 * it kept to.
 */
const HOUSE_KEYS: Partial<Record<SlotReasonCode, TranslationKey>> = {
  'usual-first': 'suggestions.slot.houseFirst',
  usual: 'suggestions.slot.houseUsual',
  end: 'suggestions.slot.houseEnd',
};

/** Words shown of what the suggestion shares with the paragraph: the strongest few. */
const SHOWN_TERMS = 3;

/**
 * Where a suggestion fits, in words: "After paragraph 4: the usual first slot; shares ‘beras’
 * with this paragraph", or where the newsroom's own rhythm chose it, "After paragraph 9: where
 * this newsroom usually puts its first line". The slot is the rhythm's
 * (#shared/baca-juga/slots); the shared words say what the line would follow, and when they
 * moved the line, which near-equal slot they moved it from.
 */
export const describeFit = (fit: FitsAfter, t: Translate): string => {
  const { reason } = fit;
  const slot = (reason.house && HOUSE_KEYS[reason.slot]) || REASON_KEYS[reason.slot];
  const parts = [
    t(slot, { link: reason.link, distance: MIN_DISTANCE }),
    ...(reason.house && !HOUSE_KEYS[reason.slot] ? [t('suggestions.slot.houseRhythm')] : []),
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
