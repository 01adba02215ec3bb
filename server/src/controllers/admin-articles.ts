import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { parseAdminListQuery } from '../validation/admin-list-query';
import { parseTerms } from '../validation/list-query';
import { assertOnlyParams, parseDocumentId, single } from '../validation/params';
import type { RequestContext } from '../http/context';

/** The Baca Juga manager's article list and its target search (admin routes). */
const adminArticles = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    const query = parseAdminListQuery(ctx.query);
    ctx.body = await getService(strapi, 'adminArticles').list(query);
  },

  async linkHealth(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    ctx.body = { data: await getService(strapi, 'adminArticles').linkHealth() };
  },

  async targets(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['q', 'exclude']);
    const terms = parseTerms(single(ctx.query, 'q'));
    const rawExclude = single(ctx.query, 'exclude');
    const exclude = rawExclude ? parseDocumentId(rawExclude, 'exclude') : null;
    ctx.body = await getService(strapi, 'adminArticles').searchTargets(terms, exclude);
  },
});

export default adminArticles;
