import type { Context } from 'koa';

/**
 * The reader's address, for limits counted per reader. Behind a proxy the app trusts
 * (`server.proxy.koa: true`), koa's `ctx.request.ip` is the LEFTMOST X-Forwarded-For entry,
 * which is whatever the client wrote there: one client sending a new value each time would
 * never be limited. A proxy APPENDS the address it saw, so the trusted entry is counted from
 * the right:
 * - `server.proxy.maxIpsCount: N` (N proxies in front): koa keeps the last N entries and the
 *   first of those is the address the outermost proxy saw;
 * - without it, one proxy is assumed: the last entry.
 * Without a trusted proxy, the socket's address (behind an untrusted proxy that is the
 * proxy's, shared by every reader: see `untrustedProxyHeader`).
 */
export const readerAddress = (ctx: Context): string => {
  const socket = ctx.req.socket.remoteAddress ?? '';
  if (!ctx.app.proxy) return socket;
  const { ips } = ctx.request;
  if (ctx.app.maxIpsCount > 0) return ips[0] || socket;
  return ips[ips.length - 1] || socket;
};

/**
 * True when the request came through a proxy the app does not trust: it carries the proxy
 * header, so every reader will seem to share the proxy's address.
 */
export const untrustedProxyHeader = (ctx: Context): boolean =>
  !ctx.app.proxy && Boolean(ctx.get(ctx.app.proxyIpHeader || 'X-Forwarded-For'));
