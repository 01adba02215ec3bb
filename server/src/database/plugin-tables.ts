import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { isPostgres } from './dialect';

/**
 * Tables the plugin keeps beside its content types. Strapi's schema sync leaves alone the
 * tables and indexes it did not create, so they survive restarts and upgrades; each is
 * created here idempotently, because several instances may boot at once on one PostgreSQL.
 */
export const FRESHNESS_TABLE = 'newsroom_freshness';
/**
 * The generation at which each cache tag (#shared/cache-tags) last changed: a cached response
 * whose tags have not changed since it was computed is still good (services/freshness).
 */
export const FRESHNESS_KEYS_TABLE = 'newsroom_freshness_keys';
export const SEARCH_DOCS_TABLE = 'newsroom_search_docs';
export const SEARCH_TERMS_TABLE = 'newsroom_search_terms';
export const SLUG_HISTORY_TABLE = 'newsroom_slug_history';
export const READER_EVENTS_TABLE = 'newsroom_reader_events';
/** Position-test events per minute, so a test counts from the minute after it started. */
export const TEST_EVENTS_TABLE = 'newsroom_reader_test_events';
/** Ids of the reader-event chunks already added in, so a retried chunk is never added twice. */
export const EVENT_CHUNKS_TABLE = 'newsroom_reader_event_chunks';
/** One row: which instance is rebuilding the suggestion index, and when it last said so. */
export const SEARCH_REBUILD_TABLE = 'newsroom_search_rebuild';

/**
 * Side effects a committed write still owes (services/published-effects): an article's entry
 * in the suggestion index and its slug history, and the content generation's bump. One row per
 * article, or per bump-only write; deleted once done.
 */
export const PENDING_EFFECTS_TABLE = 'newsroom_pending_effects';
/**
 * Committed changes of stories whose published effects are done, waiting to be turned into one
 * `newsroom.invalidate` event (services/invalidations); and that event's deliveries, one row
 * per subscribed webhook, retried until the receiver takes it.
 */
export const INVALIDATION_CHANGES_TABLE = 'newsroom_invalidation_changes';
export const INVALIDATION_DELIVERIES_TABLE = 'newsroom_invalidation_deliveries';
/**
 * When each story version's draft Baca Juga links last changed (database/link-edits): the
 * links are rows of their own, so a save of them leaves the article's `updated_at` alone. One
 * row per article and locale ('' where stories are not localized).
 */
export const LINK_EDITS_TABLE = 'newsroom_link_edits';

/** Longest term the search index stores; longer tokens are noise (URLs, glued words). */
export const MAX_TERM_LENGTH = 48;

type Knex = Core.Strapi['db']['connection'];
type TableBuilder = Parameters<Knex['schema']['createTable']>[1];
type Table = Parameters<TableBuilder>[0];

/**
 * The suggestion index's `locale` of a story's version: its locale where stories are
 * localized, '' where they are not (a key column cannot be null). Each locale is an index of
 * its own, in its own language's stems: a story is suggested only to stories of its locale.
 */
export const indexLocale = (locale: string | null | undefined): string => locale ?? '';

/**
 * The keys, the same for the live tables and a rebuild's: a locale's rows together, so that
 * a locale's statistics and a term's postings in it are ranges of the key.
 */
export const SEARCH_DOCS_KEY = ['locale', 'document_id'];
export const SEARCH_TERMS_KEY = ['locale', 'term', 'document_id'];
export const SEARCH_TERMS_BY_DOCUMENT = ['locale', 'document_id'];

/**
 * The columns of the suggestion index's two tables, without their keys: the live tables get
 * theirs at creation, a rebuild's tables after they are filled (services/search-index).
 */
export const searchDocsColumns = (table: Table) => {
  table.string('document_id', 64).notNullable();
  table.string('locale', 32).notNullable();
  table.text('title').notNullable();
  table.string('slug', 255).notNullable();
  table.float('length').notNullable();
  table.bigInteger('dated_at').nullable();
  table.text('tags').notNullable();
};
export const searchTermsColumns = (table: Table) => {
  table.string('term', MAX_TERM_LENGTH).notNullable();
  table.string('document_id', 64).notNullable();
  table.string('locale', 32).notNullable();
  table.float('weight').notNullable();
};

const createIfMissing = async (knex: Knex, name: string, build: TableBuilder) => {
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build);
  } catch (error) {
    // Another instance created it between the check and the create.
    if (!(await knex.schema.hasTable(name))) throw error;
  }
};

/** A column added to a table after its first release: every instance may try it at once. */
const addColumnIfMissing = async (
  knex: Knex,
  name: string,
  column: string,
  build: (table: Table) => void
) => {
  if (await knex.schema.hasColumn(name, column)) return;
  try {
    await knex.schema.alterTable(name, build);
  } catch (error) {
    if (!(await knex.schema.hasColumn(name, column))) throw error;
  }
};

/** `where`: a partial index, of the rows matching that condition (SQLite and PostgreSQL). */
const createIndexIfMissing = async (
  knex: Knex,
  table: string,
  name: string,
  columns: string[],
  where?: string
) => {
  const list = columns.map((column) => `"${column}"`).join(', ');
  const sql = `CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${list})${where ? ` WHERE ${where}` : ''}`;
  await knex.raw(sql).catch(async (error: unknown) => {
    // PostgreSQL may still race on the catalog when two instances create the same index.
    const again = await knex
      .raw(sql)
      .then(() => true)
      .catch(() => false);
    if (!again) throw error;
  });
};

export const ensurePluginTables = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;

  // One row: a counter bumped after every write that changes what readers can see.
  await createIfMissing(knex, FRESHNESS_TABLE, (table) => {
    table.integer('id').primary();
    table.bigInteger('generation').notNullable().defaultTo(0);
  });
  await knex(FRESHNESS_TABLE).insert({ id: 1, generation: 0 }).onConflict('id').ignore();
  await createIfMissing(knex, FRESHNESS_KEYS_TABLE, (table) => {
    table.string('tag', 80).primary();
    table.bigInteger('generation').notNullable();
  });

  // The suggestion engine's index of published articles (see services/suggestions).
  // A rebuild replaces both with tables keyed by unique indexes instead (the same keys).
  // An index from before it was per locale has no `locale` column and other keys: it is only
  // derived data, so it is dropped and made anew, and the boot's completion check
  // (search/complete-index) rebuilds it in the background.
  const perLocale = async (name: string) =>
    !(await knex.schema.hasTable(name)) || (await knex.schema.hasColumn(name, 'locale'));
  if (!(await perLocale(SEARCH_DOCS_TABLE)) || !(await perLocale(SEARCH_TERMS_TABLE))) {
    await knex.schema.dropTableIfExists(SEARCH_TERMS_TABLE);
    await knex.schema.dropTableIfExists(SEARCH_DOCS_TABLE);
  }
  await createIfMissing(knex, SEARCH_DOCS_TABLE, (table) => {
    searchDocsColumns(table);
    table.primary(SEARCH_DOCS_KEY);
  });
  await createIfMissing(knex, SEARCH_TERMS_TABLE, (table) => {
    searchTermsColumns(table);
    table.primary(SEARCH_TERMS_KEY);
    table.index(SEARCH_TERMS_BY_DOCUMENT, 'newsroom_search_terms_document_idx');
  });
  await createIfMissing(knex, SEARCH_REBUILD_TABLE, (table) => {
    table.integer('id').primary();
    table.string('owner', 64).nullable();
    table.bigInteger('heartbeat').nullable();
  });
  await knex(SEARCH_REBUILD_TABLE).insert({ id: 1 }).onConflict('id').ignore();

  // Every slug an article was published under, so its old addresses redirect (services/slug-history).
  await createIfMissing(knex, SLUG_HISTORY_TABLE, (table) => {
    table.string('slug', 255).primary();
    table.string('document_id', 64).notNullable();
    table.bigInteger('recorded_at').notNullable();
    table.index(['document_id'], 'newsroom_slug_history_document_idx');
  });
  // Which locale's version was published under the slug, where stories are localized: an old
  // English slug leads to the English story, not to its Indonesian original. Null before i18n.
  await addColumnIfMissing(knex, SLUG_HISTORY_TABLE, 'locale', (table) => {
    table.string('locale', 32).nullable();
  });

  // Reader events counted per day: views of a story, clicks on a link, by variant ('' = none).
  // No IP, cookie or user agent: counts only (services/reader-events).
  await createIfMissing(knex, READER_EVENTS_TABLE, (table) => {
    table.string('day', 10).notNullable();
    table.string('kind', 8).notNullable();
    table.string('subject', 64).notNullable();
    table.string('variant', 1).notNullable().defaultTo('');
    table.bigInteger('hits').notNullable().defaultTo(0);
    table.primary(['day', 'kind', 'subject', 'variant']);
    table.index(['subject', 'day'], 'newsroom_reader_events_subject_idx');
  });
  // The same events of a variant ('a' or 'b'), per UTC minute ("2026-12-06T07:41"): a test
  // started mid-day counts only what readers did after it started.
  await createIfMissing(knex, TEST_EVENTS_TABLE, (table) => {
    table.string('minute', 16).notNullable();
    table.string('kind', 8).notNullable();
    table.string('subject', 64).notNullable();
    table.string('variant', 1).notNullable();
    table.bigInteger('hits').notNullable().defaultTo(0);
    table.primary(['minute', 'kind', 'subject', 'variant']);
    table.index(['subject', 'minute'], 'newsroom_reader_test_events_subject_idx');
  });
  await createIfMissing(knex, EVENT_CHUNKS_TABLE, (table) => {
    table.string('id', 36).primary();
    table.bigInteger('written_at').notNullable();
  });

  // What committed writes still owe; any instance retries what is due (services/published-effects).
  await createIfMissing(knex, PENDING_EFFECTS_TABLE, (table) => {
    table.string('key', 80).primary();
    table.string('document_id', 64).nullable();
    table.string('token', 36).notNullable();
    table.bigInteger('queued_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.index(['due_at'], 'newsroom_pending_effects_due_idx');
  });
  // Added with the invalidation event: what the write was and the story's neighbourhood before
  // it (database/purge-neighbours), which only the write itself could read.
  await addColumnIfMissing(knex, PENDING_EFFECTS_TABLE, 'reason', (table) =>
    table.string('reason', 16).nullable()
  );
  await addColumnIfMissing(knex, PENDING_EFFECTS_TABLE, 'before_state', (table) =>
    table.text('before_state').nullable()
  );
  await createIfMissing(knex, INVALIDATION_CHANGES_TABLE, (table) => {
    table.string('id', 36).primary();
    table.string('document_id', 64).notNullable();
    table.string('reason', 16).notNullable();
    table.text('before_state').notNullable();
    table.text('old_slugs').nullable();
    table.bigInteger('queued_at').notNullable();
    table.index(['queued_at'], 'newsroom_invalidation_changes_queued_idx');
  });
  await createIfMissing(knex, INVALIDATION_DELIVERIES_TABLE, (table) => {
    table.string('id', 36).primary();
    table.string('webhook_id', 64).notNullable();
    table.text('payload').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.index(['due_at'], 'newsroom_invalidation_deliveries_due_idx');
  });

  // The manager's "Last edited" (database/link-edits). The same column type as Strapi's own
  // `updated_at` (a timestamp without time zone on PostgreSQL, milliseconds on SQLite), so
  // the list compares the two in SQL. The index reads the most recent first, per locale.
  await createIfMissing(knex, LINK_EDITS_TABLE, (table) => {
    table.string('document_id', 64).notNullable();
    table.string('locale', 32).notNullable();
    table.datetime('links_edited_at', { useTz: false, precision: 6 }).notNullable();
    table.primary(['document_id', 'locale']);
    table.index(['locale', 'links_edited_at'], 'newsroom_link_edits_recent_idx');
  });

  // Readers reach articles by slug and lists sort by date; Strapi indexes neither.
  const articles = strapi.db.metadata.get(ARTICLE_UID).tableName;
  await createIndexIfMissing(knex, articles, 'newsroom_articles_slug_idx', [
    'slug',
    'published_at',
  ]);
  // The public list: newest first, the id breaking ties (database/article-list), read in index
  // order, LIMIT rows at a time. It replaces an index on published_at alone.
  await createIndexIfMissing(knex, articles, 'newsroom_articles_list_idx', ['published_at', 'id']);
  await knex.raw('DROP INDEX IF EXISTS ??', ['newsroom_articles_published_idx']);
  // Sorted by news date: the dated half of the list in this index's order.
  await createIndexIfMissing(knex, articles, 'newsroom_articles_reported_idx', [
    'reported_at',
    'id',
  ]);
  // The Baca Juga manager lists drafts, most recently edited first: read in index order and
  // counted from the index. Each database's planner needs its own: PostgreSQL does not take
  // `published_at IS NULL` as an equality, so with published_at leading it sorted every draft
  // (measured at 100,000 stories) and reads a partial index instead; SQLite does take it, but
  // without statistics prefers the list index above to the partial one and sorted every draft
  // too (32 ms at 10,000, 7 with this). The other database's index is dropped, so that no
  // write keeps an index no read uses.
  const drafts = {
    postgres: 'newsroom_articles_drafts_idx',
    other: 'newsroom_articles_edited_idx',
  };
  if (isPostgres(strapi.db)) {
    await createIndexIfMissing(
      knex,
      articles,
      drafts.postgres,
      ['updated_at', 'id'],
      '"published_at" IS NULL'
    );
    await knex.raw('DROP INDEX IF EXISTS ??', [drafts.other]);
  } else {
    await createIndexIfMissing(knex, articles, drafts.other, ['published_at', 'updated_at', 'id']);
    await knex.raw('DROP INDEX IF EXISTS ??', [drafts.postgres]);
  }
};
