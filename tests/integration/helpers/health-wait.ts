/**
 * How long Strapi's `/_health` keeps a caller waiting while `during` runs: a request that
 * holds the server's one thread shows as a long wait here, whatever its own answer says.
 * Probes run one after another (each waits for the previous answer) until `during` settles.
 */
export async function maxHealthWait(
  baseUrl: string,
  during: () => Promise<unknown>
): Promise<{ maxWaitMs: number; result: unknown }> {
  let done = false;
  let maxWaitMs = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${baseUrl}/_health`);
      maxWaitMs = Math.max(maxWaitMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    const result = await during();
    return { maxWaitMs, result };
  } finally {
    done = true;
    await probe;
  }
}
