/**
 * The longest a reader would have waited on `/_health` while `during` ran: the server is polled
 * one request after another from start to end, and each answer timed. A request that holds the
 * event loop (a long synchronous walk, a render loop that never yields) shows as one long wait.
 * Bounded by `during`: polling stops with it.
 */
export async function maxHealthWait(
  baseUrl: string,
  during: () => Promise<unknown>
): Promise<{ maxWaitMs: number; result: unknown }> {
  let done = false;
  let maxWaitMs = 0;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/_health`);
      await response.arrayBuffer();
      if (response.status >= 400) throw new Error(`/_health answered ${response.status}`);
      maxWaitMs = Math.max(maxWaitMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  let result: unknown;
  try {
    result = await during();
  } finally {
    done = true;
    // The poll in flight when `during` ended may be the one that waited longest.
    await poll;
  }
  return { maxWaitMs, result };
}
