import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID } from '../constants';
import { READER_EVENTS_TABLE } from '../database/plugin-tables';
import type { ReaderEvent } from '../validation/events';

type Kind = 'view' | 'click';

/** Keys held before a flush is started early, so a burst cannot grow the buffer without end. */
const MAX_PENDING_KEYS = 5_000;
/** Rows per upsert statement. */
const CHUNK = 200;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first UTC day (YYYY-MM-DD) of a window of the last `days` days, today included. */
export const windowStart = (days: number, now = Date.now()) => dayOf(now - (days - 1) * 86_400_000);
const keyOf = (day: string, kind: Kind, subject: string, variant: string) =>
  `${day}|${kind}|${subject}|${variant}`;

/** Counts of one link over a window: of its story's views, and of its clicks, by variant. */
export interface LinkEventCounts {
  views: { total: number; a: number; b: number };
  links: Record<string, { total: number; a: number; b: number }>;
}

/**
 * Reader events from news frontends, counted: views of a story and clicks on each Baca Juga
 * link, per UTC day and per position-test variant. Nothing about the reader is kept (no IP,
 * cookie or user agent). Each instance adds events up in memory and writes them every
 * `flushIntervalMs` as one upsert per batch that ADDS to the stored counts, so a burst of
 * events is a few statements, and instances sharing a database count correctly together. What
 * an instance holds between flushes is only its own not-yet-written increments: another
 * instance never needs it, and a crash loses at most one interval of counts.
 */
const createReaderEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let pending = new Map<string, number>();
  let flushing: Promise<void> | null = null;
  const config = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).events;

  /** Of `ids`, those with a published row of `uid`: unknown ids are dropped without a word. */
  const published = async (uid: string, ids: string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows: { documentId: string }[] = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    return new Set(rows.map((r) => r.documentId));
  };

  const write = async (batch: Map<string, number>) => {
    const entries = [...batch].map(([key, hits]) => {
      const [day, kind, subject, variant] = key.split('|');
      return { day, kind: kind as Kind, subject, variant, hits };
    });
    const ofKind = (kind: Kind) => [
      ...new Set(entries.filter((e) => e.kind === kind).map((e) => e.subject)),
    ];
    const [articles, links] = await Promise.all([
      published(ARTICLE_UID, ofKind('view')),
      published(LINK_UID, ofKind('click')),
    ]);
    const rows = entries.filter((e) =>
      e.kind === 'view' ? articles.has(e.subject) : links.has(e.subject)
    );
    const knex = strapi.db.connection;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await knex(READER_EVENTS_TABLE)
        .insert(rows.slice(i, i + CHUNK))
        .onConflict(['day', 'kind', 'subject', 'variant'])
        .merge({ hits: knex.raw('?? + excluded.??', [`${READER_EVENTS_TABLE}.hits`, 'hits']) });
    }
  };

  const service = {
    /** Adds the events to this instance's buffer (written by the next flush). */
    record(events: ReaderEvent[], now = Date.now()) {
      const day = dayOf(now);
      for (const event of events) {
        const key =
          event.type === 'view'
            ? keyOf(day, 'view', event.article, event.variant ?? '')
            : keyOf(day, 'click', event.link, event.variant ?? '');
        pending.set(key, (pending.get(key) ?? 0) + 1);
      }
      if (pending.size >= MAX_PENDING_KEYS) void service.flush();
    },

    /** Writes what is buffered; one flush at a time. Failed counts go back into the buffer. */
    async flush(): Promise<void> {
      if (flushing) await flushing;
      if (pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      flushing = write(batch)
        .catch((error) => {
          for (const [key, hits] of batch) pending.set(key, (pending.get(key) ?? 0) + hits);
          strapi.log.warn(`[newsroom] reader events not written yet: ${String(error)}`);
        })
        .finally(() => {
          flushing = null;
        });
      await flushing;
    },

    /** Views of the story and clicks on each of `links` from the UTC day `since` on. */
    async counts(articleId: string, links: string[], since: string): Promise<LinkEventCounts> {
      const rows: { kind: Kind; subject: string; variant: string; hits: unknown }[] =
        await strapi.db
          .connection(READER_EVENTS_TABLE)
          .where('day', '>=', since)
          .where((q) => {
            q.where({ kind: 'view', subject: articleId });
            if (links.length) q.orWhere((c) => c.where('kind', 'click').whereIn('subject', links));
          })
          .groupBy('kind', 'subject', 'variant')
          .select('kind', 'subject', 'variant')
          .sum({ hits: 'hits' });
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
      return rows.map((row) => ({ article: row.subject, views: Number(row.views) }));
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

export type ReaderEventsService = ReturnType<typeof createReaderEventsService>;
export default createReaderEventsService;
