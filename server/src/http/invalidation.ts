import { LIST_TAG, SITEMAP_TAG, articleTag } from '#shared/cache-tags';
import type { Neighbourhood } from '../database/purge-neighbours';
import { articleHref } from '../utils/href';

/** The webhook event a frontend or a CDN subscribes to for purges (Settings → Webhooks). */
export const INVALIDATE_EVENT = 'newsroom.invalidate';
/** Its key in Strapi's webhook store (`webhookStore.addAllowedEvent`). */
export const INVALIDATE_EVENT_KEY = 'NEWSROOM_INVALIDATE';

/**
 * What happened to the story: a publish (a create or update that publishes too), an
 * unpublish, a delete, `update` when only its links or quotes were published, unpublished or
 * deleted, `resend` when an editor asked for the purge again.
 */
export type InvalidationReason = 'publish' | 'unpublish' | 'delete' | 'update' | 'resend';

/** One committed change of a story, with its neighbourhood before the write. */
export interface StoryChange {
  documentId: string;
  reason: InvalidationReason;
  before: Neighbourhood;
  /** Paths it answered under earlier still worth purging (a resend: every old slug). */
  oldSlugs?: string[];
}

/** The body of a `newsroom.invalidate` webhook, besides Strapi's `event` and `createdAt`. */
export interface InvalidationPayload {
  /** Unique per event, the same on every retry: a receiver may skip one it has handled. */
  id: string;
  /** The reason shared by every change in the event, or `mixed`. */
  reason: InvalidationReason | 'mixed';
  /** Cache tags to purge (`Cache-Tag`, `Surrogate-Key`, Next.js fetch tags). */
  tags: string[];
  /** The changed stories first, then every live story whose page showed or now shows them. */
  documentIds: string[];
  /**
   * `new`: the current path of every live story in `documentIds`. `old`: paths that answered
   * before and no longer serve that story (the old slug of a rename, an unpublished story's).
   */
  paths: { old: string[]; new: string[] };
}

/** Which outranks which when one story changed twice before its event was sent. */
const REASON_RANK: Record<InvalidationReason, number> = {
  update: 0,
  resend: 1,
  publish: 2,
  unpublish: 3,
  delete: 4,
};

/** The reason a story's merged changes report: the weightiest of them. */
export const strongerReason = (a: InvalidationReason, b: InvalidationReason) =>
  REASON_RANK[b] > REASON_RANK[a] ? b : a;

/**
 * The cache tags a change retires, from each story's neighbourhood before its write and now:
 * what the in-process caches of every instance retire (services/freshness) and what a CDN is
 * told to purge. Each changed story's key purges its own pages, the pages that link to it and
 * the pages that list it as a backlink, since each of those carries its key (http/cache-tags).
 * A story it links to only since this change did not carry its key: that story's own key is
 * added. Every change may add or drop a story from lists, search and sitemaps: `nr-list` and
 * `nr-sitemap`.
 */
export const invalidationTags = (
  changes: readonly Pick<StoryChange, 'documentId' | 'before'>[],
  after: ReadonlyMap<string, Neighbourhood>
): string[] => {
  const tags = new Set(changes.map((change) => articleTag(change.documentId)));
  for (const change of changes) {
    for (const target of after.get(change.documentId)?.targets ?? []) {
      if (!change.before.targets.includes(target)) tags.add(articleTag(target));
    }
  }
  tags.add(LIST_TAG);
  tags.add(SITEMAP_TAG);
  return [...tags];
};

/** The invalidation of these changes: their tags, the stories and paths they touch. */
const slugsOf = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

export const buildInvalidation = ({
  id,
  changes,
  after,
  liveSlugs,
  hrefPattern,
}: {
  id: string;
  changes: readonly StoryChange[];
  /** Each changed story's neighbourhood now. */
  after: ReadonlyMap<string, Neighbourhood>;
  /**
   * The published slugs of every story named, where it is live now: one, or one per locale
   * where stories are localized.
   */
  liveSlugs: ReadonlyMap<string, string | readonly string[]>;
  hrefPattern: string;
}): InvalidationPayload => {
  const changed = [...new Set(changes.map((change) => change.documentId))];
  const others = new Set<string>();
  const oldPaths = new Set<string>();
  for (const change of changes) {
    const now = after.get(change.documentId);
    const before = change.before;
    for (const id of [
      ...before.linkedFrom,
      ...before.targets,
      ...(now?.linkedFrom ?? []),
      ...(now?.targets ?? []),
    ]) {
      others.add(id);
    }
    const current = slugsOf(liveSlugs.get(change.documentId));
    for (const slug of [before.slug, ...(before.otherSlugs ?? []), ...(change.oldSlugs ?? [])]) {
      if (slug && !current.includes(slug)) oldPaths.add(articleHref(hrefPattern, slug));
    }
  }
  const documentIds = [...changed, ...[...others].filter((id) => !changed.includes(id)).sort()];
  const newPaths = documentIds.flatMap((documentId) =>
    slugsOf(liveSlugs.get(documentId)).map((slug) => articleHref(hrefPattern, slug))
  );
  const reasons = new Set(changes.map((change) => change.reason));
  return {
    id,
    reason: reasons.size === 1 ? [...reasons][0] : 'mixed',
    tags: invalidationTags(changes, after),
    documentIds,
    paths: { old: [...oldPaths].filter((path) => !newPaths.includes(path)), new: newPaths },
  };
};
