import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RequestContext } from '../http/context';
import { createRateLimiter } from '../http/rate-limit';
import { getService } from '../utils/get-service';
import { parseEvents } from '../validation/events';
import { assertOnlyParams, paramError } from '../validation/params';

/**
 * The body as JSON. `navigator.sendBeacon` sends a string as `text/plain` (a JSON content type
 * would need a CORS preflight, which beacons do not make), so JSON text is read too.
 */
const jsonBody = (body: unknown): unknown => {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return paramError('body', 'must be JSON: { "events": [...] }');
  }
};

/**
 * POST /api/newsroom/events: a frontend's batch of reader events (views of a story, clicks on
 * its Baca Juga links). Answers 202 once the batch is checked and buffered; unknown ids are
 * dropped when the buffer is written, and the answer never says which ids exist.
 */
const readerEventsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const allowed = createRateLimiter();
  return {
    async create(ctx: RequestContext) {
      assertOnlyParams(ctx.query, []);
      const { events: limits } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      if (!allowed(ctx.request.ip, limits.maxRequestsPerMinute)) {
        throw new errors.RateLimitError('too many event batches from this address; try later');
      }
      const events = parseEvents(jsonBody(ctx.request.body), limits.maxBatch);
      getService(strapi, 'readerEvents').record(events);
      ctx.status = 202;
      ctx.body = { data: { accepted: events.length } };
    },
  };
};

export default readerEventsController;
