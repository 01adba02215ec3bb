import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import {
  readLiveLinksMissing,
  readPartVersions,
  readStoryParts,
  type PartVersion,
} from '../database/story-parts';
import { staleDocuments } from '../workflow/publish-stale';
import { articlesLocalized, inLocale, writeLocale } from '../i18n/locale';

type Context = { uid: string; action: string; params: Record<string, any> };
const OWNED = [LINK_UID, QUOTE_UID] as const;

const ownedDocuments = (
  strapi: Core.Strapi,
  uid: (typeof OWNED)[number],
  article: string,
  locale: string | null
) => readStoryParts(strapi, uid, article, { locale });

/** The Document Service param for one locale's version (nothing where not localized). */
const localeParam = (locale: string | null) => (locale === null ? {} : { locale });

/**
 * A story's links and quotes follow the story through draft and publish, from every entry
 * point (the content manager's single and bulk actions, REST, GraphQL, direct calls):
 * - publish: its links and quotes are published with it, and links elsewhere that point at it
 *   regain their target (Strapi drops a published relation to an unpublished target);
 * - delete: its links and quotes go too, leaving no orphan rows;
 * - discard draft: its links and quotes return to their published versions.
 */
export const articleCascadeMiddleware =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== ARTICLE_UID) return next();
    const documentId = context.params.documentId as string | undefined;
    if (!documentId) return next();
    // Where stories are localized, a write acts on one locale's version and its parts follow
    // in that locale only; `*` (a delete of every locale) reaches every locale's parts.
    const locale = context.params.locale === '*' ? null : await writeLocale(strapi, context.params);

    if (context.action === 'delete') {
      const owned = await Promise.all(
        OWNED.map((uid) => ownedDocuments(strapi, uid, documentId, locale))
      );
      const result = await next();
      const left = await strapi.db
        .query(ARTICLE_UID)
        .count({ where: { documentId, ...inLocale(locale) } });
      if (left === 0) {
        for (const [index, uid] of OWNED.entries()) {
          for (const owner of owned[index])
            await strapi.documents(uid).delete({
              documentId: owner,
              ...(locale === null && articlesLocalized(strapi)
                ? { locale: '*' }
                : localeParam(locale)),
            });
        }
      }
      return result;
    }

    const result = await next();
    if (context.action === 'publish') {
      // Remembered so that a target unpublished later reads "unpublished", not "never published".
      await strapi.db.query(ARTICLE_UID).updateMany({
        where: { documentId, everPublishedAt: { $null: true }, ...inLocale(locale) },
        data: { everPublishedAt: new Date() },
      });
      for (const uid of OWNED) await followStory(strapi, uid, documentId, locale);
      await relinkPublishedLinksTo(strapi, documentId, locale);
    }
    if (context.action === 'discardDraft') {
      for (const uid of OWNED) await discardOwnedDrafts(strapi, uid, documentId, locale);
    }
    return result;
  };

/**
 * A published story's links and quotes are published with it: those whose draft is ahead of
 * their published version, or that have none (publishing an unchanged one would only churn its
 * row). And those whose published row lost its story: unpublishing a story deletes its
 * published row, and with it the relation of its published links and quotes to it, so
 * publishing the story again must give them back their owner, or they would stay invisible.
 * Read in one statement (database/story-parts), decided from what it read.
 */
const followStory = async (
  strapi: Core.Strapi,
  uid: (typeof OWNED)[number],
  article: string,
  locale: string | null
) => {
  const versions: PartVersion[] = await readPartVersions(strapi, uid, article, locale);
  const parts = [...new Set(versions.map((row) => row.documentId))];
  const stale = staleDocuments(versions, parts);
  // Publishing a stale part gives its new published row the story again.
  const orphaned = versions
    .filter((row) => row.publishedAt && !row.owned && !stale.includes(row.documentId))
    .map((row) => row.documentId);
  for (const documentId of [...stale, ...new Set(orphaned)]) {
    await strapi.documents(uid).publish({ documentId, ...localeParam(locale) });
  }
};

/**
 * Published links whose target was not published when they were (Strapi then drops the
 * relation from the published row), or whose target was unpublished since (its published row
 * went, and the join row with it), get the target's new published row back. Only the relation
 * is restored: republishing the link from its draft would also push its unpublished edits live.
 */
const relinkPublishedLinksTo = async (
  strapi: Core.Strapi,
  target: string,
  locale: string | null
) => {
  const missing = await readLiveLinksMissing(strapi, target, locale);
  if (missing.length === 0) return;
  const targetRow = await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId: target, publishedAt: { $notNull: true }, ...inLocale(locale) },
    select: ['id'],
  });
  if (!targetRow) return;
  for (const id of missing) {
    await strapi.db
      .query(LINK_UID)
      .update({ where: { id }, data: { targetArticle: targetRow.id } });
  }
};

/** Discarding a story's draft discards its parts' drafts; parts never published go. */
const discardOwnedDrafts = async (
  strapi: Core.Strapi,
  uid: (typeof OWNED)[number],
  article: string,
  locale: string | null
) => {
  const rows: { documentId: string; publishedAt: unknown }[] = await strapi.db.query(uid).findMany({
    where: {
      documentId: { $in: await ownedDocuments(strapi, uid, article, locale) },
      ...inLocale(locale),
    },
    select: ['documentId', 'publishedAt'],
  });
  const published = new Set(rows.filter((r) => r.publishedAt).map((r) => r.documentId));
  const targetsBefore =
    uid === LINK_UID ? await draftTargets(strapi, [...published], locale) : new Map();
  for (const documentId of new Set(rows.map((r) => r.documentId))) {
    const params = { documentId, ...localeParam(locale) };
    if (published.has(documentId)) await strapi.documents(uid).discardDraft(params);
    else await strapi.documents(uid).delete(params);
  }
  if (uid === LINK_UID) await restoreDroppedTargets(strapi, targetsBefore, locale);
};

/** documentId of each link's draft target (draft row id of the target), by link documentId. */
const draftTargets = async (strapi: Core.Strapi, links: string[], locale: string | null) => {
  if (links.length === 0) return new Map<string, number>();
  const rows: { documentId: string; targetArticle: { id: number } | null }[] = await strapi.db
    .query(LINK_UID)
    .findMany({
      where: { documentId: { $in: links }, publishedAt: { $null: true }, ...inLocale(locale) },
      select: ['documentId'],
      populate: { targetArticle: { select: ['id'] } },
    });
  return new Map(
    rows.flatMap((row) => (row.targetArticle ? [[row.documentId, row.targetArticle.id]] : []))
  ) as Map<string, number>;
};

/**
 * A published link whose target was unpublished has lost its relation (Strapi deletes the
 * target's published row, and the join row with it). Discarding the link's draft copies that
 * target-less row over the draft, which would read as "target deleted" and never come back.
 * The draft gets its target back instead, so the link returns when the target is republished.
 */
const restoreDroppedTargets = async (
  strapi: Core.Strapi,
  before: Map<string, number>,
  locale: string | null
) => {
  if (before.size === 0) return;
  const rows: { id: number; documentId: string; url: string | null; targetArticle: unknown }[] =
    await strapi.db.query(LINK_UID).findMany({
      where: {
        documentId: { $in: [...before.keys()] },
        publishedAt: { $null: true },
        ...inLocale(locale),
      },
      select: ['id', 'documentId', 'url'],
      populate: { targetArticle: { select: ['id'] } },
    });
  for (const row of rows) {
    const target = before.get(row.documentId);
    if (row.targetArticle || row.url || !target) continue;
    const stillThere = await strapi.db.query(ARTICLE_UID).count({ where: { id: target } });
    if (stillThere) {
      await strapi.db
        .query(LINK_UID)
        .update({ where: { id: row.id }, data: { targetArticle: target } });
    }
  }
};
