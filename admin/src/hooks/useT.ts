import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import en from '../translations/en.json';
import { getTranslation } from '../utils/getTranslation';

export type TranslationKey = keyof typeof en;
/** null and undefined format as nothing (a draft's title may be missing). */
export type TranslationValues = Record<string, string | number | null | undefined>;

/**
 * `t('editor.save')`: the plugin's strings by their unprefixed key, typed against en.json,
 * which also supplies the default message when a locale lacks the key.
 */
export const useT = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (key: TranslationKey, values?: TranslationValues) =>
      formatMessage({ id: getTranslation(key), defaultMessage: en[key] }, values),
    [formatMessage]
  );
};

export type Translate = ReturnType<typeof useT>;
