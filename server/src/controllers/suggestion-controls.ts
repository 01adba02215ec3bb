import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { assertOnlyParams, paramError, parseDocumentId } from '../validation/params';
import { requestLocale } from '../i18n/locale';
import { parseSuggestionRule, parseSuggestionSettings } from '../validation/suggestion-controls';
import type { RequestContext } from '../http/context';
import { adminUserName, type AdminUserNames } from '../utils/admin-user';

const notFound = () => new errors.NotFoundError('documentId: no article with this documentId');

/**
 * Who acts, as the rules record it: the admin's id and name at the time, named as the
 * placement history names them (utils/admin-user).
 */
const actorOf = (ctx: RequestContext) => {
  const user = ctx.state.user as (AdminUserNames & { id?: number }) | undefined;
  return { id: typeof user?.id === 'number' ? user.id : null, name: adminUserName(user) };
};

/** Editors' controls over a story's suggestions (admin routes; services/suggestion-controls). */
const suggestionControls = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query);
    const data = await getService(strapi, 'suggestionControls').read(documentId, locale);
    if (!data) throw notFound();
    ctx.body = { data };
  },

  async createRule(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query, 'default', { write: true });
    const body = parseSuggestionRule(ctx.request.body);
    const stored = await getService(strapi, 'suggestionControls').addRule(
      documentId,
      locale,
      body,
      actorOf(ctx)
    );
    if (!stored) throw notFound();
    ctx.status = stored.created ? 201 : 200;
    ctx.body = { data: stored.rule, meta: { created: stored.created } };
  },

  async deleteRule(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const raw = ctx.params.id;
    if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) {
      paramError('id', 'must be the id of a suggestion rule');
    }
    const id = Number(raw);
    const data = await getService(strapi, 'suggestionControls').deleteRule(id);
    if (!data) throw new errors.NotFoundError('id: no suggestion rule with this id');
    ctx.body = { data };
  },

  async updateSettings(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query, 'default', { write: true });
    const body = parseSuggestionSettings(ctx.request.body);
    const data = await getService(strapi, 'suggestionControls').saveSettings(
      documentId,
      locale,
      body,
      actorOf(ctx)
    );
    if (!data) throw notFound();
    ctx.body = { data };
  },
});

export default suggestionControls;
