import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RequestContext } from '../http/context';
import { createRateLimiter } from '../http/rate-limit';
import { readerAddress, untrustedProxyHeader } from '../http/reader-address';
import { getService } from '../utils/get-service';
import { parseEvents } from '../validation/events';
import { assertOnlyParams, paramError } from '../validation/params';

/**
 * `navigator.sendBeacon` sends a string as `text/plain` (a JSON content type would need a CORS
 * preflight, which beacons do not make), so JSON text is read too. Any other content type
 * (none, XML, form data, bytes) is left unparsed or parsed as something else by Strapi's body
 * parser, and is refused before the body is looked at.
 */
const isJsonRequest = (ctx: RequestContext) =>
  Boolean(ctx.is('application/json', '+json', 'text/plain'));

/** The body as JSON. */
const jsonBody = (ctx: RequestContext): unknown => {
  const { body } = ctx.request;
  if (body === undefined) return paramError('body', 'must be JSON: { "events": [...] }');
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
  let warnedOfProxy = false;
  return {
    async create(ctx: RequestContext) {
      assertOnlyParams(ctx.query, []);
      const { events: limits } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      if (!warnedOfProxy && untrustedProxyHeader(ctx)) {
        warnedOfProxy = true;
        strapi.log.warn(
          '[newsroom] reader events come through a proxy Strapi does not trust (X-Forwarded-For without server.proxy.koa): every reader shares the proxy\'s rate limit. See docs/DEPLOYMENT.md, "Behind a proxy".'
        );
      }
      if (!allowed(readerAddress(ctx), limits.maxRequestsPerMinute)) {
        throw new errors.RateLimitError('too many event batches from this address; try later');
      }
      if (!isJsonRequest(ctx)) {
        return ctx.unsupportedMediaType(
          'body: must be JSON, sent as application/json or text/plain'
        );
      }
      const events = parseEvents(jsonBody(ctx), limits.maxBatch);
      // Events past a full buffer (the database down for long) are dropped: `accepted` says
      // how many were kept.
      const accepted = getService(strapi, 'readerEvents').record(events);
      ctx.status = 202;
      ctx.body = { data: { accepted } };
    },
  };
};

export default readerEventsController;
