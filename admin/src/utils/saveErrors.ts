/**
 * Turns the server's 400 about one link ("links.2.url: must be http(s)") into words an editor
 * can act on: which link (by its text) and which of its fields, with the server's reason.
 */
import { firstErrorPath, type ApiError } from '../api/errors';
import type { Translate, TranslationKey } from '../hooks/useT';
import { displayLabel, type DraftLink } from './placement';

const FIELD_NAMES: Record<string, TranslationKey> = {
  url: 'field.url',
  label: 'field.label',
  targetDocumentId: 'field.target',
  afterParagraphId: 'field.position',
  documentId: 'field.link',
};

export interface LinkRejection {
  /** Index in the saved array (= reading order). */
  index: number;
  /** For the card: "Target: no article with this documentId". */
  cardMessage: string;
  /** For the notification: also says which link. */
  toastMessage: string;
}

export const describeRejection = (
  error: ApiError,
  links: DraftLink[],
  t: Translate
): LinkRejection | null => {
  const path = firstErrorPath(error);
  const index = path && path[0] === 'links' ? Number(path[1]) : NaN;
  const link = Number.isInteger(index) ? links[index] : undefined;
  if (!path || !link) return null;
  // Strapi prefixes the message with the dotted path; the words below replace it.
  const prefix = `${path.join('.')}: `;
  const reason = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  const rawField = path.length > 2 ? String(path[2]) : '';
  const fieldKey = FIELD_NAMES[rawField];
  const field = fieldKey ? t(fieldKey) : rawField;
  const cardMessage = field ? `${field}: ${reason}` : reason;
  return {
    index,
    cardMessage,
    toastMessage: t('save.invalidLink', {
      number: index + 1,
      label: displayLabel(link),
      message: cardMessage,
    }),
  };
};
