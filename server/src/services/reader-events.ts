import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID } from '../constants';
import { articlesLocalized, defaultLocale } from '../i18n/locale';
import {
  EVENT_CHUNKS_TABLE,
  READER_EVENTS_TABLE,
  TEST_EVENTS_TABLE,
} from '../database/plugin-tables';
import type { ReaderEvent } from '../validation/events';

type Kind = 'view' | 'click';

/** Keys held before a flush is started early, so a burst is written without waiting. */
const FLUSH_EARLY_KEYS = 5_000;
/** Counters per chunk: one transaction, one upsert per table. */
const CHUNK = 200;
/** Chunk ids are kept this long: far longer than any retry of the chunk takes. */
const CHUNK_IDS_KEPT_MS = 24 * 3_600_000;
/** Bytes a buffered counter costs besides its key's characters (a Map entry and a number). */
const ENTRY_OVERHEAD_BYTES = 80;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const minuteOf = (time: number) => new Date(time).toISOString().slice(0, 16);

/** The first UTC day (YYYY-MM-DD) of a window of the last `days` days, today included. */
export const windowStart = (days: number, now = Date.now()) => dayOf(now - (days - 1) * 86_400_000);

/**
 * The first whole UTC minute at or after `since` ("2026-12-06T07:42"). A test counts from
 * there: events of the minute it started in may have come before it, and a count that starts
 * up to a minute late is only smaller, never wrong.
 */
export const firstWholeMinute = (since: Date) => {
  const time = since.getTime();
  return minuteOf(time % 60_000 === 0 ? time : time - (time % 60_000) + 60_000);
};

/**
 * A buffered counter's key. Events of a variant are kept per minute, the others per day; the
 * day of either is its first ten characters.
 */
const keyOf = (at: string, kind: Kind, subject: string, variant: string) =>
  `${at}|${kind}|${subject}|${variant}`;

interface Row {
  at: string;
  kind: Kind;
  subject: string;
  variant: string;
  hits: number;
}
/** Counters cut for writing, under an id that makes writing them twice a no-op. */
interface Chunk {
  id: string;
  rows: Row[];
}

/** Counts of one link over a window: of its story's views, and of its clicks, by variant. */
export interface LinkEventCounts {
  views: { total: number; a: number; b: number };
  links: Record<string, { total: number; a: number; b: number }>;
}

/** What an instance holds unwritten, and what it dropped since it started. */
export interface ReaderEventsStatus {
  bufferedKeys: number;
  bufferedBytes: number;
  dropped: number;
  lastError: string | null;
}

/**
 * The counter a view is kept under: the story's documentId, or where stories are localized and
 * the frontend names the version read, `documentId@locale` (a story's readers in one language
 * are not another's: click-through and position tests are per version).
 */
export const viewSubject = (article: string, locale: string | null | undefined) =>
  locale ? `${article}@${locale}` : article;

/** The story a view counter is of. */
const storyOf = (subject: string) => subject.split('@')[0];

/** Sums rows that share a key (variant rows of one day, for the per-day table). */
const summed = (rows: { key: string; row: Record<string, unknown>; hits: number }[]) => {
  const out = new Map<string, Record<string, unknown>>();
  for (const { key, row, hits } of rows) {
    const seen = out.get(key);
    if (seen) seen.hits = (seen.hits as number) + hits;
    else out.set(key, { ...row, hits });
  }
  return [...out.values()];
};

/**
 * Reader events from news frontends, counted: views of a story and clicks on each Baca Juga
 * link, per UTC day and per position-test variant (those per minute as well). Nothing about
 * the reader is kept (no IP, cookie or user agent). Each instance adds events up in memory and
 * writes them every `flushIntervalMs` as upserts that ADD to the stored counts, so a burst of
 * events is a few statements, and instances sharing a database count correctly together.
 *
 * What an instance holds between flushes is only its own unwritten increments: another
 * instance never needs it, and a crash loses at most one interval of counts. A write that
 * fails keeps its chunks, ids included, for the next flush: a chunk whose transaction did
 * commit (even if the answer was lost) is recognised by its id and not added again. While
 * nothing can be written, the buffer is bounded in counters and bytes; events past the bounds
 * are dropped and counted (`status()`).
 */
const createReaderEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** New counters, not yet checked against the database. */
  let pending = new Map<string, number>();
  let pendingBytes = 0;
  /** Checked counters whose write has not succeeded yet, oldest first. */
  let unwritten: Chunk[] = [];
  let unwrittenKeys = 0;
  let unwrittenBytes = 0;
  /** The counters of the batch being checked, out of `pending` but not yet chunked. */
  let checking = { keys: 0, bytes: 0 };
  let dropped = 0;
  let droppedReported = 0;
  let lastError: string | null = null;
  let flushing: Promise<void> | null = null;
  let chunkIdsPrunedAt = 0;
  const config = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).events;
  const bytesOf = (key: string) => key.length * 2 + ENTRY_OVERHEAD_BYTES;
  /**
   * The counters of one version's views: a story's (without i18n, or a frontend that named no
   * locale, which reads the default one) and `doc@locale` where one was named.
   */
  const viewSubjects = async (articleId: string, locale: string | null) =>
    subjectsOf([articleId], locale);
  /** The same for several stories' versions in one locale: the default locale read once. */
  const subjectsOf = async (articleIds: string[], locale: string | null) => {
    if (!articlesLocalized(strapi)) return articleIds;
    const only = await defaultLocale(strapi);
    const asked = locale ?? only;
    return articleIds.flatMap((id) =>
      asked === only ? [id, viewSubject(id, asked)] : [viewSubject(id, asked)]
    );
  };

  /** Of `ids`, those with a published row of `uid`: unknown ids are dropped without a word. */
  const published = async (uid: string, ids: string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows: { documentId: string }[] = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    return new Set(rows.map((r) => r.documentId));
  };

  /** The batch's counters of published stories and links, cut into chunks to write. */
  const chunksOf = async (batch: Map<string, number>): Promise<Chunk[]> => {
    const entries: Row[] = [...batch].map(([key, hits]) => {
      const [at, kind, subject, variant] = key.split('|');
      return { at, kind: kind as Kind, subject, variant, hits };
    });
    const ofKind = (kind: Kind) => [
      ...new Set(entries.filter((e) => e.kind === kind).map((e) => e.subject)),
    ];
    const [articles, links] = await Promise.all([
      published(ARTICLE_UID, [...new Set(ofKind('view').map(storyOf))]),
      published(LINK_UID, ofKind('click')),
    ]);
    const rows = entries.filter((e) =>
      e.kind === 'view' ? articles.has(storyOf(e.subject)) : links.has(e.subject)
    );
    const chunks: Chunk[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      chunks.push({ id: randomUUID(), rows: rows.slice(i, i + CHUNK) });
    }
    return chunks;
  };

  /** Adds one chunk in, once: its id is stored in the same transaction as its counts. */
  const writeChunk = async ({ id, rows }: Chunk) => {
    const knex = strapi.db.connection;
    await knex.transaction(async (trx) => {
      if (await trx(EVENT_CHUNKS_TABLE).where({ id }).first('id')) return;
      await trx(EVENT_CHUNKS_TABLE).insert({ id, written_at: Date.now() });
      const perDay = summed(
        rows.map(({ at, kind, subject, variant, hits }) => {
          const day = at.slice(0, 10);
          return {
            key: keyOf(day, kind, subject, variant),
            row: { day, kind, subject, variant },
            hits,
          };
        })
      );
      await trx(READER_EVENTS_TABLE)
        .insert(perDay)
        .onConflict(['day', 'kind', 'subject', 'variant'])
        .merge({ hits: knex.raw('?? + excluded.??', [`${READER_EVENTS_TABLE}.hits`, 'hits']) });
      const perMinute = rows
        .filter((r) => r.variant)
        .map(({ at, kind, subject, variant, hits }) => ({
          minute: at,
          kind,
          subject,
          variant,
          hits,
        }));
      if (perMinute.length === 0) return;
      await trx(TEST_EVENTS_TABLE)
        .insert(perMinute)
        .onConflict(['minute', 'kind', 'subject', 'variant'])
        .merge({ hits: knex.raw('?? + excluded.??', [`${TEST_EVENTS_TABLE}.hits`, 'hits']) });
    });
  };

  const chunkBytes = (chunk: Chunk) =>
    chunk.rows.reduce((sum, r) => sum + bytesOf(keyOf(r.at, r.kind, r.subject, r.variant)), 0);

  /** Writes the unwritten chunks in order; stops at the first failure, keeping the rest. */
  const writeUnwritten = async () => {
    while (unwritten.length) {
      const [chunk] = unwritten;
      await writeChunk(chunk);
      unwritten = unwritten.slice(1);
      unwrittenKeys -= chunk.rows.length;
      unwrittenBytes -= chunkBytes(chunk);
    }
  };

  const pruneChunkIds = async () => {
    if (Date.now() - chunkIdsPrunedAt < 3_600_000) return;
    chunkIdsPrunedAt = Date.now();
    await strapi.db
      .connection(EVENT_CHUNKS_TABLE)
      .where('written_at', '<', Date.now() - CHUNK_IDS_KEPT_MS)
      .delete();
  };

  const flushOnce = async () => {
    if (pending.size) {
      const batch = pending;
      checking = { keys: batch.size, bytes: pendingBytes };
      pending = new Map();
      pendingBytes = 0;
      let chunks: Chunk[];
      try {
        chunks = await chunksOf(batch);
      } catch (error) {
        // Nothing of the batch was written: its counters go back as they were.
        for (const [key, hits] of batch) {
          const had = pending.get(key);
          if (had === undefined) pendingBytes += bytesOf(key);
          pending.set(key, (had ?? 0) + hits);
        }
        throw error;
      } finally {
        checking = { keys: 0, bytes: 0 };
      }
      for (const chunk of chunks) {
        unwritten.push(chunk);
        unwrittenKeys += chunk.rows.length;
        unwrittenBytes += chunkBytes(chunk);
      }
    }
    await writeUnwritten();
    await pruneChunkIds();
  };

  const service = {
    /**
     * Adds the events to this instance's buffer (written by the next flush). Returns how many
     * were kept: events that would need a new counter past the buffer's bounds are dropped.
     */
    record(events: ReaderEvent[], now = Date.now()): number {
      const { maxBufferedKeys, maxBufferedBytes } = config();
      const day = dayOf(now);
      const minute = minuteOf(now);
      // Without i18n a view's locale says nothing: the story has one version.
      const localized = articlesLocalized(strapi);
      let kept = 0;
      for (const event of events) {
        const subject =
          event.type === 'view'
            ? viewSubject(event.article, localized ? event.locale : null)
            : event.link;
        const key = keyOf(event.variant ? minute : day, event.type, subject, event.variant ?? '');
        const had = pending.get(key);
        if (had === undefined) {
          const bytes = bytesOf(key);
          if (
            pending.size + checking.keys + unwrittenKeys + 1 > maxBufferedKeys ||
            pendingBytes + checking.bytes + unwrittenBytes + bytes > maxBufferedBytes
          ) {
            dropped += 1;
            continue;
          }
          pendingBytes += bytes;
        }
        pending.set(key, (had ?? 0) + 1);
        kept += 1;
      }
      if (pending.size >= FLUSH_EARLY_KEYS) void service.flush();
      return kept;
    },

    /** Writes what is buffered; one flush at a time. What fails stays buffered for the next. */
    async flush(): Promise<void> {
      if (flushing) await flushing;
      if (pending.size === 0 && unwritten.length === 0) return;
      flushing = flushOnce()
        .then(() => {
          lastError = null;
        })
        .catch((error) => {
          lastError = String(error);
          strapi.log.warn(`[newsroom] reader events not written yet: ${lastError}`);
        })
        .finally(() => {
          flushing = null;
          if (dropped > droppedReported) {
            strapi.log.warn(
              `[newsroom] reader events: ${dropped - droppedReported} events dropped, the buffer was full (${dropped} since start)`
            );
            droppedReported = dropped;
          }
        });
      await flushing;
    },

    status(): ReaderEventsStatus {
      return {
        bufferedKeys: pending.size + unwrittenKeys,
        bufferedBytes: pendingBytes + unwrittenBytes,
        dropped,
        lastError,
      };
    },

    /** Views of the story and clicks on each of `links` from the UTC day `since` on. */
    async counts(
      articleId: string,
      links: string[],
      since: string,
      locale: string | null = null
    ): Promise<LinkEventCounts> {
      const views = await viewSubjects(articleId, locale);
      const rows: { kind: Kind; subject: string; variant: string; hits: unknown }[] =
        await strapi.db
          .connection(READER_EVENTS_TABLE)
          .where('day', '>=', since)
          .where((q) => {
            q.where('kind', 'view').whereIn('subject', views);
            if (links.length) q.orWhere((c) => c.where('kind', 'click').whereIn('subject', links));
          })
          .groupBy('kind', 'subject', 'variant')
          .select('kind', 'subject', 'variant')
          .sum({ hits: 'hits' });
      return countsOf(rows, links);
    },

    /**
     * A position test's counts: the story's views and the link's clicks in each variant, from
     * `since` (the instant the test started) on, in whole minutes.
     */
    async testCounts(
      articleId: string,
      link: string,
      since: Date,
      locale: string | null = null
    ): Promise<LinkEventCounts> {
      const views = await viewSubjects(articleId, locale);
      const rows: { kind: Kind; subject: string; variant: string; hits: unknown }[] =
        await strapi.db
          .connection(TEST_EVENTS_TABLE)
          .where('minute', '>=', firstWholeMinute(since))
          .where((q) => {
            q.where((v) => v.where('kind', 'view').whereIn('subject', views));
            q.orWhere({ kind: 'click', subject: link });
          })
          .groupBy('kind', 'subject', 'variant')
          .select('kind', 'subject', 'variant')
          .sum({ hits: 'hits' });
      return countsOf(rows, [link]);
    },

    /**
     * Stories viewed at least `minViews` times from the day `since` on, most viewed first
     * (at most `limit`), and which of `links` were clicked in that time.
     */
    async mostViewed(since: string, minViews: number, limit: number) {
      const rows = (await strapi.db
        .connection(READER_EVENTS_TABLE)
        .where({ kind: 'view' })
        .where('day', '>=', since)
        .groupBy('subject')
        .havingRaw('sum(hits) >= ?', [minViews])
        .select('subject')
        .sum({ views: 'hits' })
        .orderBy('views', 'desc')
        .limit(limit)) as { subject: string; views: unknown }[];
      // The default locale's stories (a translation's views are counted apart: `doc@en`).
      const only = await defaultLocale(strapi);
      // A story's views without a locale and with the default one are one version's: summed.
      const views = new Map<string, number>();
      for (const row of rows) {
        if (row.subject.includes('@') && !row.subject.endsWith(`@${only}`)) continue;
        const article = storyOf(row.subject);
        views.set(article, (views.get(article) ?? 0) + Number(row.views));
      }
      return [...views]
        .map(([article, n]) => ({ article, views: n }))
        .sort((a, b) => b.views - a.views);
    },

    /**
     * Views of each of these stories' versions in `locale` (the default one's where it is
     * null, as `counts` reads them) from the UTC day `since` on, by story.
     */
    async viewsOf(
      articleIds: string[],
      since: string,
      locale: string | null
    ): Promise<Map<string, number>> {
      const views = new Map<string, number>();
      for (let i = 0; i < articleIds.length; i += CHUNK) {
        const subjects = await subjectsOf(articleIds.slice(i, i + CHUNK), locale);
        const rows = (await strapi.db
          .connection(READER_EVENTS_TABLE)
          .where({ kind: 'view' })
          .where('day', '>=', since)
          .whereIn('subject', subjects)
          .groupBy('subject')
          .select('subject')
          .sum({ hits: 'hits' })) as { subject: string; hits: unknown }[];
        for (const row of rows) {
          const story = storyOf(row.subject);
          views.set(story, (views.get(story) ?? 0) + Number(row.hits));
        }
      }
      return views;
    },

    /** Of `links`, those clicked at least once from the day `since` on. */
    async clicked(since: string, links: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < links.length; i += CHUNK) {
        const subjects: string[] = await strapi.db
          .connection(READER_EVENTS_TABLE)
          .where({ kind: 'click' })
          .where('day', '>=', since)
          .whereIn('subject', links.slice(i, i + CHUNK))
          .distinct('subject')
          .pluck('subject');
        for (const subject of subjects) found.add(subject);
      }
      return found;
    },

    /** Starts the periodic flush (bootstrap); returns how to stop it (destroy). */
    start() {
      const timer = setInterval(() => void service.flush(), config().flushIntervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await service.flush();
      };
    },
  };
  return service;
};

/** Summed rows as counts per variant: the story's views, and each of `links`' clicks. */
const countsOf = (
  rows: { kind: Kind; subject: string; variant: string; hits: unknown }[],
  links: string[]
): LinkEventCounts => {
  const zero = () => ({ total: 0, a: 0, b: 0 });
  const result: LinkEventCounts = {
    views: zero(),
    links: Object.fromEntries(links.map((id) => [id, zero()])),
  };
  for (const row of rows) {
    const bucket = row.kind === 'view' ? result.views : result.links[row.subject];
    if (!bucket) continue;
    const hits = Number(row.hits);
    bucket.total += hits;
    if (row.variant === 'a' || row.variant === 'b') bucket[row.variant] += hits;
  }
  return result;
};

export type ReaderEventsService = ReturnType<typeof createReaderEventsService>;
export default createReaderEventsService;
