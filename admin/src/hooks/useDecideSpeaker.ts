import { useNotification } from '@strapi/strapi/admin';
import type { PlacedQuote, SpeakerDecision } from '#shared/contracts/admin';
import { toApiError } from '../api/errors';
import { useDecideNewsroomQuoteSpeakerMutation } from '../api/newsroomApi';
import { useT } from './useT';
import { useEditorLocale } from './useEditorLocale';

/** The speaker and role of a correction, as typed (the server trims them). */
export interface SpeakerNames {
  speaker: string;
  speakerRole: string;
}

/**
 * An editor's decision on one quote's speaker, and what each answer means: the stored quote
 * replaces the one on screen (the mutation puts it into the shared placement); 409 says the
 * quote changed meanwhile (the placement is refetched, so the current one shows); 400 and 403
 * say why nothing was saved. Resolves true when the decision was stored.
 */
export const useDecideSpeaker = (documentId: string) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [decideSpeaker, { isLoading: deciding }] = useDecideNewsroomQuoteSpeakerMutation();
  // The quote is of the version on screen: each locale's version has its own quotes.
  const locale = useEditorLocale();

  const decide = async (
    quote: PlacedQuote,
    decision: SpeakerDecision,
    names?: SpeakerNames
  ): Promise<boolean> => {
    try {
      const { live } = await decideSpeaker({
        documentId,
        ...(locale ? { locale } : {}),
        quoteId: quote.documentId,
        body: {
          version: quote.version,
          decision,
          ...(decision === 'correct' && names
            ? { speaker: names.speaker, speakerRole: names.speakerRole }
            : {}),
        },
      }).unwrap();
      const reach = live ? t('quote.live.now') : t('quote.live.withStory');
      toggleNotification({
        type: 'success',
        message: `${t(`quote.decided.${decision}`)} ${reach}`,
      });
      return true;
    } catch (err) {
      const error = toApiError(err);
      const message =
        error.status === 409
          ? t('quote.conflict')
          : error.status === 403
            ? t('quote.forbidden')
            : t('quote.refused', { message: error.message });
      toggleNotification({ type: error.status === 409 ? 'warning' : 'danger', message });
      return false;
    }
  };

  return { decide, deciding };
};
