import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { parseAdminListQuery } from '../validation/admin-list-query';
import { parseTerms } from '../validation/list-query';
import { assertOnlyParams, parseDocumentId, single } from '../validation/params';
import type { RequestContext } from '../http/context';
import { requestLocale } from '../i18n/locale';

/** The Baca Juga manager's article list and its target search (admin routes). */
const adminArticles = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    const query = parseAdminListQuery(ctx.query);
    const locale = await requestLocale(strapi, ctx.query);
    ctx.body = await getService(strapi, 'adminArticles').list(query, locale);
  },

  async linkHealth(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const locale = await requestLocale(strapi, ctx.query);
    ctx.body = { data: await getService(strapi, 'adminArticles').linkHealth(locale) };
  },

  async targets(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['q', 'exclude', 'locale']);
    const locale = await requestLocale(strapi, ctx.query);
    const terms = parseTerms(single(ctx.query, 'q'));
    const rawExclude = single(ctx.query, 'exclude');
    const exclude = rawExclude ? parseDocumentId(rawExclude, 'exclude') : null;
    ctx.body = await getService(strapi, 'adminArticles').searchTargets(terms, exclude, locale);
  },
});

export default adminArticles;
