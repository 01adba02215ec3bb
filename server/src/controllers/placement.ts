import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PlacementConflictError } from '../services/placement';
import { getService } from '../utils/get-service';
import {
  assertOnlyParams,
  integer,
  paramError,
  parseDocumentId,
  single,
} from '../validation/params';
import { knownLocale, requestLocale } from '../i18n/locale';
import { fieldError } from '../utils/field-error';
import { answerConflict } from '../http/conflict';
import type { RequestContext } from '../http/context';

const notFound = () => new errors.NotFoundError('documentId: no article with this documentId');

/**
 * Read and save an article's Baca Juga placement; suggestions for it, and the queue of stories
 * without links (admin routes).
 */
const placement = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `?locale=` where stories are localized: that locale's version (the default one if absent). */
  async findOne(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query);
    const data = await getService(strapi, 'placement').read(documentId, locale);
    if (!data) throw notFound();
    ctx.body = { data };
  },

  async update(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query, 'default', { write: true });
    try {
      const saved = await getService(strapi, 'placement').save(
        documentId,
        ctx.request.body,
        ctx.state.user?.id,
        locale
      );
      if (!saved) throw notFound();
      ctx.body = { data: saved.placement, meta: saved.outcome };
    } catch (error) {
      if (!(error instanceof PlacementConflictError)) throw error;
      answerConflict(ctx, error);
    }
  },

  /**
   * POST /newsroom/articles/:documentId/placement/copy?locale=en, `{ from: "id", version }`:
   * the `from` locale's links added to this locale's placement by paragraph position
   * (shared/baca-juga/copy-placement), as one versioned save, reported link by link.
   */
  async copy(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const to = await requestLocale(strapi, ctx.query, 'default', { write: true });
    if (to === null) {
      paramError('locale', 'copying placements needs stories in several languages (i18n is off)');
    }
    const body = (ctx.request.body ?? {}) as { from?: unknown; version?: unknown };
    const from = await knownLocale(strapi, body.from);
    if (!from) fieldError(['from'], 'must be a locale of this newsroom');
    if (from === to) fieldError(['from'], 'must be another locale than the one copied to');
    if (typeof body.version !== 'string' || !body.version) {
      fieldError(['version'], `must be the version the ${to} placement was read at`);
    }
    try {
      const copied = await getService(strapi, 'placementCopy').copy(documentId, {
        from: from as string,
        to: to as string,
        version: body.version as string,
        userId: ctx.state.user?.id,
      });
      if (!copied) throw notFound();
      ctx.body = { data: copied.placement, meta: { ...copied.outcome, copied: copied.report } };
    } catch (error) {
      if (!(error instanceof PlacementConflictError)) throw error;
      answerConflict(ctx, error);
    }
  },

  async suggestions(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['limit', 'locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const limit = integer(single(ctx.query, 'limit'), 'limit', 1, 20, 10);
    // Null where stories are not localized; without `?locale=`, the default locale.
    const locale = await requestLocale(strapi, ctx.query);
    const [data, indexing] = await Promise.all([
      getService(strapi, 'suggestions').forArticle(documentId, limit, locale),
      getService(strapi, 'searchIndex').rebuilding(),
    ]);
    if (!data) throw notFound();
    // While the index is rebuilt, suggestions rank from an index that may lack articles.
    ctx.body = { data, meta: { indexing } };
  },

  /** The orphans queue: published stories without Baca Juga links, with suggestions. */
  async orphans(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['page', 'locale']);
    const page = integer(single(ctx.query, 'page'), 'page', 1, 100_000, 1);
    const locale = await requestLocale(strapi, ctx.query);
    const [body, indexing] = await Promise.all([
      getService(strapi, 'suggestions').orphans(page, locale),
      getService(strapi, 'searchIndex').rebuilding(),
    ]);
    ctx.body = { ...body, meta: { ...body.meta, indexing } };
  },
});

export default placement;
