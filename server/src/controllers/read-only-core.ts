import { factories } from '@strapi/strapi';
import { resolveReadStatus } from '../utils/draft-access';

type ReadableUid =
  | 'plugin::newsroom.article'
  | 'plugin::newsroom.quote'
  | 'plugin::newsroom.related-link';

/**
 * Strapi's core controller for one of the plugin's types, as frontends know it (`filters`,
 * `fields`, `populate`, `sort`, `pagination`, with Strapi's own validation and output
 * sanitization), with two plugin rules on top: query parameters are validated strictly
 * whatever the app's `api.rest.strictParams` says, so unknown keys such as `where` or `lookup`
 * are a 400; and drafts are served only to an API token allowed to preview.
 */
export const createReadOnlyCoreController = (uid: ReadableUid) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const base = () => strapi.contentType(uid);
    return {
      async validateQuery(ctx: any) {
        await strapi.contentAPI.validate.query(ctx.query, base(), {
          auth: ctx.state.auth,
          route: ctx.state.route,
          strictParams: true,
        } as any);
      },
      async find(ctx: any) {
        await resolveReadStatus(strapi, ctx);
        return Object.getPrototypeOf(this).find.call(this, ctx);
      },
      async findOne(ctx: any) {
        await resolveReadStatus(strapi, ctx);
        return Object.getPrototypeOf(this).findOne.call(this, ctx);
      },
    };
  });
