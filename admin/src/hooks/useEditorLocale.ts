import { useSearchParams } from 'react-router-dom';

/**
 * The version the Baca Juga editor works on, where stories are localized: its `?locale=`
 * (undefined: the default locale's). Each locale has its own paragraphs, links and quotes, so
 * every request of the editor's page names it.
 */
export const useEditorLocale = (): string | undefined => {
  const [searchParams] = useSearchParams();
  return searchParams.get('locale') || undefined;
};
