import { httpsOffer, isSafeHref } from '#shared/baca-juga/text';
import type { Translate } from '../hooks/useT';

/**
 * What is wrong with an external link's URL, in the editor's words, or null: the shared rule
 * (#shared/baca-juga/text, the server's too); a URL typed without its scheme is told so, and
 * the URL field (components/editor/ExternalUrlField) offers it with https:// in front.
 */
export const urlFieldError = (t: Translate, url: string): string | null => {
  const typed = url.trim();
  if (!typed) return t('modal.url.required');
  if (isSafeHref(typed)) return null;
  return httpsOffer(typed) ? t('url.noScheme') : t('modal.url.invalid');
};
