import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PlacementConflictError } from '../services/placement';
import { getService } from '../utils/get-service';
import { assertOnlyParams, integer, parseDocumentId, single } from '../validation/params';
import { answerConflict } from '../http/conflict';
import type { RequestContext } from '../http/context';

const notFound = () => new errors.NotFoundError('documentId: no article with this documentId');

/**
 * Read and save an article's Baca Juga placement; suggestions for it, and the queue of stories
 * without links (admin routes).
 */
const placement = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const documentId = parseDocumentId(ctx.params.documentId);
    const data = await getService(strapi, 'placement').read(documentId);
    if (!data) throw notFound();
    ctx.body = { data };
  },

  async update(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const documentId = parseDocumentId(ctx.params.documentId);
    try {
      const saved = await getService(strapi, 'placement').save(
        documentId,
        ctx.request.body,
        ctx.state.user?.id
      );
      if (!saved) throw notFound();
      ctx.body = { data: saved.placement, meta: saved.outcome };
    } catch (error) {
      if (!(error instanceof PlacementConflictError)) throw error;
      answerConflict(ctx, error);
    }
  },

  async suggestions(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['limit']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const limit = integer(single(ctx.query, 'limit'), 'limit', 1, 20, 10);
    const [data, indexing] = await Promise.all([
      getService(strapi, 'suggestions').forArticle(documentId, limit),
      getService(strapi, 'searchIndex').rebuilding(),
    ]);
    if (!data) throw notFound();
    // While the index is rebuilt, suggestions rank from an index that may lack articles.
    ctx.body = { data, meta: { indexing } };
  },

  /** The orphans queue: published stories without Baca Juga links, with suggestions. */
  async orphans(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['page']);
    const page = integer(single(ctx.query, 'page'), 'page', 1, 100_000, 1);
    const [body, indexing] = await Promise.all([
      getService(strapi, 'suggestions').orphans(page),
      getService(strapi, 'searchIndex').rebuilding(),
    ]);
    ctx.body = { ...body, meta: { ...body.meta, indexing } };
  },
});

export default placement;
