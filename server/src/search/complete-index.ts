import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { REBUILD_STALE_MS } from '../services/search-index';
import { backoffMs } from '../utils/backoff';

/** Waits before looking again: after a failed rebuild, or while another instance rebuilds. */
const RETRY_MS = { first: 10_000, last: REBUILD_STALE_MS };
/** How long a shutdown waits for a rebuild to stop at its next batch before going on. */
export const STOP_WAIT_MS = 10_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * An existing database (the plugin added to a running newsroom, or articles imported with SQL)
 * has published articles the suggestion index has never seen: it is built in the background,
 * with progress in the log, so that boot is not held up (about 100 s at 100,000 articles).
 * Suggestions meanwhile rank from the index as it is, and say so (`indexing`). A complete index
 * is left alone, so a normal boot costs two counts. A failed rebuild is tried again later; one
 * another instance holds is left to it, and looked at again once its lock could have gone stale.
 * Returns the stop for shutdown: it stops the rebuild at its next batch (the live index stays as
 * it was) and waits at most STOP_WAIT_MS for it.
 */
export const startIndexCompletion = (strapi: Core.Strapi): (() => Promise<void>) => {
  const controller = new AbortController();
  const { signal } = controller;
  const index = () => getService(strapi, 'searchIndex');

  const run = async () => {
    for (let failures = 0; !signal.aborted; ) {
      try {
        const { indexed, published } = await index().counts();
        if (indexed === published) return;
        strapi.log.info(
          `[newsroom] suggestion index: ${indexed} of ${published} articles; rebuilding`
        );
        let lastReport = 0;
        const result = await index().rebuild(
          (done, total) => {
            if (done === total || Date.now() - lastReport > 2000) {
              lastReport = Date.now();
              strapi.log.info(`[newsroom] suggestion index: ${done}/${total} articles`);
            }
          },
          { signal }
        );
        if (!result.skipped) {
          strapi.log.info(
            `[newsroom] suggestion index ready: ${result.indexed} articles (${result.removed} removed)`
          );
          return;
        }
        strapi.log.info('[newsroom] suggestion index: another instance is rebuilding it');
        failures = 0;
        await sleep(RETRY_MS.last, signal);
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        const wait = backoffMs(failures, RETRY_MS);
        strapi.log.error(
          `[newsroom] suggestion index rebuild failed (tried again in ${wait / 1000} s): ${error}`
        );
        await sleep(wait, signal);
      }
    }
  };

  const running = run().catch((error) => {
    // Only a shutdown gets here (the loop catches the rest): nothing to report but that.
    strapi.log.warn(`[newsroom] suggestion index rebuild stopped: ${error}`);
  });
  return async () => {
    controller.abort();
    await Promise.race([running, sleep(STOP_WAIT_MS, new AbortController().signal)]);
  };
};
