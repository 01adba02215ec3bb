import type { Core } from '@strapi/strapi';
import type { StatusResponse } from '#shared/contracts/admin';
import { getService } from '../utils/get-service';
import { assertOnlyParams } from '../validation/params';
import type { RequestContext } from '../http/context';

/**
 * `GET /newsroom/status` (admin): what readers may not see yet. The index's state and the
 * pending effects are read from the database (any instance answers the same); an owed bump is
 * this instance's own, the one thing only it knows.
 */
const status = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const index = getService(strapi, 'searchIndex');
    const [rebuilding, counts, pendingEffects, invalidations] = await Promise.all([
      index.rebuilding(),
      index.counts(),
      getService(strapi, 'publishedEffects').status(),
      getService(strapi, 'invalidations').status(),
    ]);
    const body: StatusResponse = {
      data: {
        searchIndex: { rebuilding, ...counts },
        pendingEffects,
        owedBump: getService(strapi, 'freshness').owed(),
        invalidations,
      },
    };
    ctx.body = body;
  },
});

export default status;
