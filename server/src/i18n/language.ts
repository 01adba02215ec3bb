/**
 * The language a story's words are read in: by the suggestion engine's stemmer
 * (search/analyze) and by the importer's parser (importer/parse-story). Indonesian is what
 * the plugin is made for; English has stemming and Read-also markers; any other language is
 * read word for word, and its quotes get no speaker from the parser.
 */
export type Language = 'indonesian' | 'english' | 'none';

/**
 * The language of a locale's stories: Indonesian for `id` (and `in`, its old code), English
 * for `en` and its regions, none for the rest. Null, a newsroom without i18n, is an
 * Indonesian newsroom.
 */
export const languageOf = (locale: string | null | undefined): Language => {
  if (locale === null || locale === undefined || locale === '') return 'indonesian';
  const primary = locale.split('-')[0].toLowerCase();
  if (primary === 'id' || primary === 'in') return 'indonesian';
  if (primary === 'en') return 'english';
  return 'none';
};
