/**
 * The content manager shows a content type by its display name, looked up as an unprefixed
 * message id (left menu, list title). Without these, an Indonesian admin shows our three types
 * in English and logs a missing-translation error for each.
 */
export const CONTENT_TYPE_NAMES: Record<string, Record<string, string>> = {
  id: {
    Article: 'Artikel',
    Quote: 'Kutipan',
    'Related link (Baca Juga)': 'Tautan terkait (Baca Juga)',
  },
};
