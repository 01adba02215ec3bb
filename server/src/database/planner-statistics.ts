import type { Core } from '@strapi/strapi';
import { isPostgres } from './dialect';

/**
 * The plugin's tables (its content types', their join tables, its own) that PostgreSQL has
 * never analyzed: the planner guesses their size then.
 */
const NEVER_ANALYZED = `
  SELECT c.relname AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
  WHERE c.relkind = 'r'
    AND n.nspname = current_schema()
    AND c.relname LIKE 'newsroom\\_%'
    AND (c.reltuples < 0 OR (s.last_analyze IS NULL AND s.last_autoanalyze IS NULL))`;

/**
 * PostgreSQL plans a table it has never analyzed as if it held ten pages of rows, and
 * autovacuum analyzes a table only after about fifty changed rows. So on a new or small site
 * the render's one statement, which joins a dozen of the plugin's tables, was estimated at a
 * cost of about 580,000: over `jit_above_cost`, and each render paid about 1.2 s of JIT
 * compiling for 1 ms of work (EXPLAIN ANALYZE on a fresh seeded database; 0.26 ms and no JIT
 * once analyzed). Analyzing those tables at boot gives the planner their true size; autovacuum
 * keeps it from there. ANALYZE only reads (a sample of) the table and takes no lock that blocks
 * reads or writes, so instances booting side by side may each run it. A database user that may
 * not analyze (not the tables' owner) leaves the planner as it was: boot goes on, with a warning.
 */
export const analyzeNeverAnalyzedTables = async (strapi: Core.Strapi): Promise<string[]> => {
  if (!isPostgres(strapi.db)) return [];
  const knex = strapi.db.connection;
  try {
    const { rows } = await knex.raw(NEVER_ANALYZED);
    const names = (rows as { name: string }[]).map((r) => r.name);
    for (const name of names) await knex.raw('ANALYZE ??', [name]);
    return names;
  } catch (error) {
    strapi.log.warn(
      `[newsroom] could not analyze its tables (${(error as Error).message}); on a new site ` +
        'PostgreSQL may then spend seconds JIT-compiling each render: see docs/DEPLOYMENT.md.'
    );
    return [];
  }
};
