/**
 * A fixed-window request counter per client address, in this instance's memory. The address
 * is held for at most one window and never written anywhere. Per instance by design: behind a
 * load balancer a client may reach each instance, so the whole site allows at most
 * `limit` × instances; a shared counter would cost a write per request, which is what the
 * limit exists to avoid.
 */
export const createRateLimiter = (windowMs = 60_000) => {
  let windowStart = 0;
  let counts = new Map<string, number>();
  /** True while `key` is within `limit` requests this window (`limit` 0: no limit). */
  return (key: string, limit: number, now = Date.now()): boolean => {
    if (limit <= 0) return true;
    if (now - windowStart >= windowMs) {
      windowStart = now;
      counts = new Map();
    }
    const seen = (counts.get(key) ?? 0) + 1;
    counts.set(key, seen);
    return seen <= limit;
  };
};
