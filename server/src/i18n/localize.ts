import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID, QUOTE_UID } from '../constants';

const UIDS = [ARTICLE_UID, QUOTE_UID, LINK_UID] as const;

const isLocalized = (schema: { pluginOptions?: any } | undefined) =>
  schema?.pluginOptions?.i18n?.localized === true;

/**
 * Makes the plugin's three types localized when the app asks for it: `i18n: true` in the
 * plugin's config, or Strapi's own `pluginOptions.i18n.localized` on the Article (an extension
 * of its schema). Quotes and Baca Juga links belong to one story, so they follow it: the three
 * are localized together or not at all.
 *
 * Every attribute is localized too. i18n copies a type's non-localized attributes to the
 * sibling locales with raw `db.query().update` calls that no Document Service middleware sees;
 * with none of them, that copy has nothing to write, and each locale's version is checked by
 * the integrity middleware like any other write (tests/integration/two-languages).
 *
 * Runs in the plugin's `register`, after i18n's own: i18n has already given every type its
 * `locale` and `localizations` attributes, private on a type it saw as not localized.
 */
export const localizeContentTypes = (strapi: Core.Strapi) => {
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  const wanted = config.i18n || isLocalized(strapi.contentType(ARTICLE_UID) as any);
  if (!wanted) return false;
  if (!strapi.plugin('i18n')) {
    throw new errors.ApplicationError(
      "newsroom: config.i18n needs Strapi's i18n plugin, which this app has turned off"
    );
  }
  const registry = strapi.get('content-types') as {
    extend: (uid: string, fn: (ct: any) => void) => void;
  };
  for (const uid of UIDS) {
    registry.extend(uid, (contentType) => {
      contentType.pluginOptions = {
        ...contentType.pluginOptions,
        i18n: { ...contentType.pluginOptions?.i18n, localized: true },
      };
      // The schema as declared, which the content-type builder and the stored schema read.
      if (contentType.__schema__) contentType.__schema__.pluginOptions = contentType.pluginOptions;
      for (const [name, attribute] of Object.entries<any>(contentType.attributes)) {
        if (name === 'locale' || name === 'localizations') {
          attribute.private = false;
          continue;
        }
        if (attribute.type === 'relation') continue;
        attribute.pluginOptions = {
          ...attribute.pluginOptions,
          i18n: { ...attribute.pluginOptions?.i18n, localized: true },
        };
      }
    });
  }
  return true;
};
