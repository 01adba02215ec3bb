import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { articleColumns } from './tables';
import { getService } from '../utils/get-service';
import { FRESHNESS_TABLE, SEARCH_DOCS_TABLE } from './plugin-tables';
import { isPostgres } from './dialect';

/**
 * Two stories never share a slug, said by the database rather than by a read before the
 * write: under concurrent writes on PostgreSQL the read saw none of the others' uncommitted
 * rows (20 editors publishing one title made 14 live stories on 2 slugs). Draft & publish keeps
 * a draft row and a published row per document with the same slug, so each is unique among
 * its own kind: among drafts, and among published rows. A slug another story was published
 * under before is kept out of both by the slug history (one owner per slug, its primary key),
 * which a publish claims inside its own transaction (middlewares/slug-claims).
 */
export const SLUG_INDEXES = {
  draft: 'newsroom_articles_draft_slug_key',
  published: 'newsroom_articles_published_slug_key',
} as const;

type Knex = Core.Strapi['db']['connection'];

const createUnique = async (knex: Knex, strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
  const c = articleColumns(strapi);
  for (const [kind, name] of Object.entries(SLUG_INDEXES)) {
    await knex.raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??) WHERE ?? IS ${kind === 'draft' ? '' : 'NOT '}NULL`,
      [name, table, c.slug, c.publishedAt]
    );
  }
};

/**
 * The database refused a row for a slug another story holds (PostgreSQL names the index,
 * SQLite the table and column), on any write: the caller gets the 400 naming `slug`.
 */
export const isSlugConflict = (strapi: Core.Strapi, error: unknown): boolean => {
  const { code, constraint, message } = (error ?? {}) as Record<string, unknown>;
  if (code === '23505') return Object.values<unknown>(SLUG_INDEXES).includes(constraint);
  const column = `${strapi.db.metadata.get(ARTICLE_UID).tableName}.${articleColumns(strapi).slug}`;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.endsWith(`UNIQUE constraint failed: ${column}`)
  );
};

/**
 * Held by a boot repair of the articles' slugs for its transaction: on PostgreSQL, instances
 * booting together repair one after another, and the later ones find nothing left to repair
 * (SQLite has one writer at a time anyway). Reads go on meanwhile.
 */
export const lockArticlesForRepair = async (strapi: Core.Strapi, db: Knex, table: string) => {
  if (isPostgres(strapi.db)) await db.raw('LOCK TABLE ?? IN SHARE ROW EXCLUSIVE MODE', [table]);
};

/**
 * A database from before the indexes may hold stories sharing a slug, and the indexes cannot
 * be built over them. Boot does not stop for it: refusing would take the site down on the
 * upgrade for something the plugin can repair, and the shared address was already broken
 * (readers reached one of the stories, whichever the query found first). Per shared slug one
 * story keeps it: the one live under it, else the one created first (lowest row id), so the
 * address readers and search engines know keeps leading where it mostly did. Each other story
 * gets the next free suffix (`-2`, `-3`, ...) on its draft and published rows, and the log
 * names every rename so the desk can check them. Returns how many stories were renamed.
 */
const renameSharedSlugs = async (strapi: Core.Strapi): Promise<number> => {
  const table = strapi.db.metadata.get(ARTICLE_UID).tableName;
  const c = articleColumns(strapi);
  let renamed = 0;
  await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as Knex;
    await lockArticlesForRepair(strapi, db, table);
    const shared = db(table)
      .select(c.slug)
      .groupBy(c.slug)
      .havingRaw('COUNT(DISTINCT ??) > 1', [c.documentId]);
    const rows: { id: number; documentId: string; slug: string; publishedAt: unknown }[] = await db(
      table
    )
      .whereIn(c.slug, shared)
      .orderBy('id')
      .select('id', { documentId: c.documentId, slug: c.slug, publishedAt: c.publishedAt });
    const bySlug = new Map<string, typeof rows>();
    for (const row of rows) bySlug.set(row.slug, [...(bySlug.get(row.slug) ?? []), row]);
    for (const [slug, held] of bySlug) {
      // Rows come by id: the first live one, else the first of all, names the keeper.
      const keeper = (held.find((r) => r.publishedAt !== null) ?? held[0]).documentId;
      const others = [...new Set(held.map((r) => r.documentId))].filter((id) => id !== keeper);
      for (const documentId of others) {
        const fresh = await getService(strapi, 'slugHistory').freeSlug(slug, documentId);
        await db(table).where(c.documentId, documentId).where(c.slug, slug).update(c.slug, fresh);
        await db(SEARCH_DOCS_TABLE)
          .where({ document_id: documentId, slug })
          .update({ slug: fresh });
        strapi.log.warn(
          `[newsroom] slug "${slug}" was shared by ${held.length} article rows; kept by ` +
            `${keeper}, article ${documentId} renamed to "${fresh}"`
        );
        renamed += 1;
      }
    }
    // Instances already running serve the renamed stories from their caches until this.
    if (renamed > 0) await db(FRESHNESS_TABLE).where({ id: 1 }).increment('generation', 1);
  });
  return renamed;
};

/**
 * Creates the slug indexes when they are missing. Building one over shared slugs fails: those
 * are renamed (above), then the indexes built again. Two instances booting together may both
 * fail the first attempt (PostgreSQL's catalog races too); the repair takes a table lock, so
 * the second finds nothing left to rename.
 */
export const ensureSlugIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  try {
    await createUnique(knex, strapi);
    return;
  } catch {
    // Shared slugs, or another instance creating the same index: repaired below.
  }
  const renamed = await renameSharedSlugs(strapi);
  if (renamed > 0) {
    strapi.log.warn(`[newsroom] ${renamed} articles renamed so that no two share a slug`);
  }
  await createUnique(knex, strapi);
};
