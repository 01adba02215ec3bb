import type { Core } from '@strapi/strapi';

/**
 * With NEWSROOM_I18N=true the playground is a newsroom in two languages: Indonesian, the
 * default, and an English edition beside it. The default is made `id` before anything is
 * written, so the seeded story is an Indonesian one.
 */
export const ensureLocales = async (strapi: Core.Strapi) => {
  if (process.env.NEWSROOM_I18N !== 'true') return;
  const locales = strapi.plugin('i18n').service('locales');
  const wanted = [
    { code: 'id', name: 'Indonesian (id)' },
    { code: 'en', name: 'English (en)' },
  ];
  for (const locale of wanted) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== 'id') await locales.setDefaultLocale({ code: 'id' });
};
