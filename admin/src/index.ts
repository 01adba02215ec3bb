import { Link } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ADMIN_ACTIONS } from '#shared/contracts/admin';
import { BacaJugaPanel } from './components/BacaJugaPanel';
import {
  withLiveBacklinkConfirmations,
  type DocumentAction,
} from './content-manager/liveBacklinksActions';
import { PLUGIN_ID } from './pluginId';
import { CONTENT_TYPE_NAMES } from './translations/contentTypeNames';
import { getTranslation } from './utils/getTranslation';

type TranslationModule = { default: Record<string, string> };

const translationFiles: Record<string, () => Promise<TranslationModule>> = {
  en: () => import('./translations/en.json'),
  id: () => import('./translations/id.json'),
};

/** The part of the content manager's public API this plugin uses. */
interface ContentManagerApis {
  addEditViewSidePanel: (panels: (typeof BacaJugaPanel)[]) => void;
  addDocumentAction: (reduce: (actions: DocumentAction[]) => DocumentAction[]) => void;
}

export default {
  // `any`: StrapiApp's customFields type wants input components without props, which the typed
  // custom-field inputs below are not.
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });

    // The Baca Juga manager: find articles to fix, place and order their links.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Link,
      intlLabel: { id: getTranslation('menu.label'), defaultMessage: 'Baca Juga' },
      Component: () => import('./pages/App'),
      permissions: [{ action: ADMIN_ACTIONS.read, subject: null }],
    });

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

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis as unknown as ContentManagerApis;
    apis.addEditViewSidePanel([BacaJugaPanel]);
    // Unpublish and Delete of a story other live stories link to say what readers lose.
    apis.addDocumentAction(withLiveBacklinkConfirmations);
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
        return { data: { ...CONTENT_TYPE_NAMES[locale], ...prefixed }, locale };
      })
    );
  },
};
