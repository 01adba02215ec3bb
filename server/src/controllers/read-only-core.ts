import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, type NewsroomUid } from '../constants';
import { visiblePartFilters } from '../database/visible-parts';
import { resolveReadStatus } from '../auth/draft-access';
import { DRAFT_CACHE_CONTROL } from '../http/http-cache';
import { assertFilterValues } from '../validation/filters';
import { assertNoNulCharacters } from '../validation/nul-characters';
import { paramError } from '../validation/params';
import type { Context } from 'koa';

type ReadableUid = NewsroomUid;

/** Errors Strapi raises for a filter value of the wrong type, which it does not map to 400. */
const BAD_VALUE_ERRORS = new Set(['InvalidDateError', 'InvalidTimeError', 'InvalidDateTimeError']);
// PostgreSQL: invalid_text_representation, undefined_function (operator), datetime/json syntax.
const BAD_VALUE_PG_CODES = new Set(['22P02', '42883', '22007', '22008', '22023']);

const asBadRequest = (error: any): never => {
  const isHttp = error instanceof errors.ApplicationError || error instanceof errors.HttpError;
  if (
    !isHttp &&
    (BAD_VALUE_ERRORS.has(error?.name) ||
      BAD_VALUE_PG_CODES.has(error?.code) ||
      /^Expected a valid Number/.test(String(error?.message)))
  ) {
    paramError('filters', 'a value does not fit the field it filters');
  }
  throw error;
};

/**
 * Strapi's core controller for one of the plugin's types, as frontends know it (`filters`,
 * `fields`, `populate`, `sort`, `pagination`, with Strapi's own validation and output
 * sanitization), with the plugin's rules on top: query parameters are validated strictly
 * whatever the app's `api.rest.strictParams` says, so unknown keys such as `where` or `lookup`
 * are a 400; a filter value of the wrong type is a 400, not a 500; drafts are served only to
 * an API token allowed to preview, and never cached; quotes and links of an unpublished
 * article stay hidden.
 */
export const createReadOnlyCoreController = (uid: ReadableUid) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const schema = () => strapi.contentType(uid);
    const read = async (ctx: Context, action: 'find' | 'findOne', self: any) => {
      const status = await resolveReadStatus(strapi, ctx);
      try {
        const result = await Object.getPrototypeOf(self)[action].call(self, ctx);
        if (status === 'draft') ctx.set('Cache-Control', DRAFT_CACHE_CONTROL);
        return result;
      } catch (error) {
        return asBadRequest(error);
      }
    };
    return {
      async validateQuery(ctx: Context) {
        assertNoNulCharacters(ctx.query);
        await strapi.contentAPI.validate.query(ctx.query, schema(), {
          auth: ctx.state.auth,
          route: ctx.state.route,
          strictParams: true,
        } as any);
        assertFilterValues(ctx.query.filters, '$');
      },
      async sanitizeQuery(ctx: Context) {
        const query: any = await strapi.contentAPI.sanitize.query(ctx.query, schema(), {
          auth: ctx.state.auth,
          route: ctx.state.route,
        } as any);
        // Quotes and links have a publish state of their own; one whose article is not
        // published must not be readable on its own (its text is part of an unpublished story).
        if (uid === ARTICLE_UID) return query;
        const own = query.filters && typeof query.filters === 'object' ? [query.filters] : [];
        return { ...query, filters: { $and: [...own, ...visiblePartFilters(uid, '$')] } };
      },
      async find(ctx: Context) {
        return read(ctx, 'find', this);
      },
      async findOne(ctx: Context) {
        return read(ctx, 'findOne', this);
      },
    };
  });
