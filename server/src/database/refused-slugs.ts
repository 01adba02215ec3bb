import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { articleColumns } from './tables';
import { getService } from '../utils/get-service';
import { FRESHNESS_TABLE, SEARCH_DOCS_TABLE, SLUG_HISTORY_TABLE } from './plugin-tables';
import { isPostgres } from './dialect';
import { lockArticlesForRepair } from './slug-indexes';
import { slugProblem, toSlug } from '../utils/slug';

type Knex = Core.Strapi['db']['connection'];

/** The slug a story gets when its title gives none (a title of symbols or emoji alone). */
const FALLBACK_SLUG = 'artikel';

/**
 * Rows whose slug may fail the slug rule (utils/slug): none of its letters or digits, or a
 * leading dot. A cheap superset in SQL; the rule itself decides below, so it stays written once.
 */
const suspects = (db: Knex, strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
  const c = articleColumns(strapi);
  const noLetterOrDigit = isPostgres(strapi.db)
    ? db.raw("?? !~ '[A-Za-z0-9]'", [c.slug])
    : db.raw("NOT (?? GLOB '*[A-Za-z0-9]*')", [c.slug]);
  return db(table)
    .whereNotNull(c.slug)
    .where((q) => q.where(c.slug, 'like', '.%').orWhere(noLetterOrDigit))
    .orderBy('id')
    .select('id', {
      documentId: c.documentId,
      slug: c.slug,
      title: c.title,
      publishedAt: c.publishedAt,
    }) as Promise<
    { id: number; documentId: string; slug: string; title: string | null; publishedAt: unknown }[]
  >;
};

/**
 * Stories stored under a slug today's rule refuses (`..`, `-`, `.hidden`: written before the
 * rule, or past it by raw SQL or a restore) get a valid one at boot. Left alone, such a story
 * kept its broken address (`/berita/..` is the site root, in links and the sitemap) until an
 * editor's next save, which the rule then refused for a slug the editor never typed. The new
 * slug is the one the story's other row holds when that one is valid (draft and published rows
 * share a document's slug), else one made from the title, with the next free suffix. A
 * published old slug stays in the slug history, so whatever reached the story under it still
 * does. Idempotent (a repaired slug is no suspect); several instances booting at once repair in
 * turn under a table lock on PostgreSQL, the later ones finding nothing. Returns how many
 * stories got a new slug.
 */
export const repairRefusedSlugs = async (strapi: Core.Strapi): Promise<number> => {
  // Most boots find nothing, and take no lock for it.
  const found = (await suspects(strapi.db.connection, strapi)).filter((r) => slugProblem(r.slug));
  if (found.length === 0) return 0;

  const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
  const c = articleColumns(strapi);
  let repaired = 0;
  await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as Knex;
    await lockArticlesForRepair(strapi, db, table);
    const bad = (await suspects(db, strapi)).filter((r) => slugProblem(r.slug));
    const byDocument = new Map<string, typeof bad>();
    for (const row of bad) {
      byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    }
    for (const [documentId, rows] of byDocument) {
      const kept: { slug: string | null }[] = await db(table)
        .where(c.documentId, documentId)
        .whereNotIn(
          'id',
          rows.map((r) => r.id)
        )
        .select({ slug: c.slug });
      const valid = kept.find((k) => k.slug && !slugProblem(k.slug))?.slug;
      const fromTitle = toSlug(rows.find((r) => r.title)?.title ?? '');
      const base = valid ?? (fromTitle && !slugProblem(fromTitle) ? fromTitle : FALLBACK_SLUG);
      const fresh = await getService(strapi, 'slugHistory').freeSlug(base, documentId);
      const old = [...new Set(rows.map((r) => r.slug))];
      await db(table)
        .whereIn(
          'id',
          rows.map((r) => r.id)
        )
        .update(c.slug, fresh);
      await db(SEARCH_DOCS_TABLE)
        .where({ document_id: documentId })
        .whereIn('slug', old)
        .update({ slug: fresh });
      const published = rows.filter((r) => r.publishedAt !== null).map((r) => r.slug);
      if (published.length > 0) {
        await db(SLUG_HISTORY_TABLE)
          .insert(
            published.map((slug) => ({ slug, document_id: documentId, recorded_at: Date.now() }))
          )
          .onConflict('slug')
          .ignore();
      }
      strapi.log.warn(
        `[newsroom] article ${documentId} had the slug ${old.map((s) => JSON.stringify(s)).join(', ')}, ` +
          `which the slug rule refuses; renamed to "${fresh}"`
      );
      repaired += 1;
    }
    // Instances already running serve the renamed stories from their caches until this.
    if (repaired > 0) await db(FRESHNESS_TABLE).where({ id: 1 }).increment('generation', 1);
  });
  return repaired;
};
