import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

type TranslationModule = { default: Record<string, string> };

const translationFiles: Record<string, () => Promise<TranslationModule>> = {
  en: () => import('./translations/en.json'),
  id: () => import('./translations/id.json'),
};

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    // The admin half of the custom fields the server registers: editors never see raw JSON.
    app.customFields.register([
      {
        name: 'paragraphs',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: {
          id: getTranslation('customField.paragraphs.label'),
          defaultMessage: 'Paragraphs',
        },
        intlDescription: {
          id: getTranslation('customField.paragraphs.description'),
          defaultMessage: 'The story, paragraph by paragraph',
        },
        components: { Input: () => import('./components/ParagraphsInput') },
      },
      {
        name: 'tags',
        pluginId: PLUGIN_ID,
        type: 'json',
        intlLabel: { id: getTranslation('customField.tags.label'), defaultMessage: 'Tags' },
        intlDescription: {
          id: getTranslation('customField.tags.description'),
          defaultMessage: 'Topics of the story',
        },
        components: { Input: () => import('./components/TagsInput') },
      },
    ]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translationFiles[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        const prefixed = Object.fromEntries(
          Object.entries(data).map(([key, value]) => [getTranslation(key), value])
        );
        return { data: prefixed, locale };
      })
    );
  },
};
