import type { Core } from '@strapi/strapi';
import { SEARCH_DOCS_TABLE, SEARCH_TERMS_TABLE } from './plugin-tables';

type Knex = Core.Strapi['db']['connection'];

/** BM25 constants (Robertson's usual values). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

export interface CorpusStats {
  /** Articles in the index. */
  count: number;
  averageLength: number;
  /** Term → how many indexed articles hold it. */
  documentFrequency: Map<string, number>;
}

/**
 * One locale's index size, average length and the document frequency of `terms`, in one
 * statement. `locale` is the index's (plugin-tables `indexLocale`): each locale is a corpus
 * of its own.
 */
export const corpusStats = async (
  knex: Knex,
  locale: string,
  terms: string[]
): Promise<CorpusStats> => {
  const perTerm = knex(SEARCH_TERMS_TABLE)
    .select({ term: 'term' })
    .count({ n: '*' })
    .select(knex.raw('0 as avg_length'))
    .where('locale', locale)
    .whereIn('term', terms)
    .groupBy('term');
  const totals = knex(SEARCH_DOCS_TABLE)
    .select(knex.raw("'' as term"))
    .count({ n: '*' })
    .select(knex.raw('coalesce(avg(length), 0) as avg_length'))
    .where('locale', locale);
  const rows = (await (terms.length ? totals.unionAll(perTerm, false) : totals)) as unknown as {
    term: string;
    n: number | string;
    avg_length: number | string;
  }[];
  const stats: CorpusStats = { count: 0, averageLength: 0, documentFrequency: new Map() };
  for (const row of rows) {
    if (row.term === '') {
      stats.count = Number(row.n);
      stats.averageLength = Number(row.avg_length);
    } else stats.documentFrequency.set(row.term, Number(row.n));
  }
  return stats;
};

export interface QueryTerm {
  term: string;
  /** idf × the term's weight in the source article (saturated). */
  boost: number;
}

export interface ScoredCandidate {
  documentId: string;
  title: string;
  slug: string;
  datedAt: number | null;
  text: number;
  sharedTags: number;
}

/** How many candidates phase one picks for phase two to score. */
const CANDIDATES = 200;
/**
 * BM25 over one locale's index for the weighted query terms, plus `tagValue` for each shared
 * whole tag, for the best `limit` articles. Two phases in one statement: the seed terms (chosen by
 * the engine so that their postings stay within a budget) pick a few hundred candidates, then
 * every query term and tag scores those candidates only. Common words thus never make the
 * database sum over most of a large corpus, while a small one is scored whole.
 *
 * The query terms travel as a small table (a VALUES list): each index row then meets its
 * boost by a join, not by a CASE chain tested row by row.
 */
export const scoreCandidates = async (
  knex: Knex,
  locale: string,
  query: QueryTerm[],
  tagKeys: string[],
  excluded: string[],
  averageLength: number,
  tagValue: number,
  limit: number,
  /** The query terms and tags phase one looks candidates up by (see the engine). */
  seedTerms: Set<string>
): Promise<ScoredCandidate[]> => {
  if (query.length === 0 && tagKeys.length === 0) return [];
  const { k1, b } = BM25;
  const averageLengthValue = Math.max(Number(averageLength) || 1, 1);
  const terms = [
    ...query.map((q) => ({ term: q.term, boost: q.boost, tag: 0 })),
    ...tagKeys.map((tag) => ({ term: tag, boost: Number(tagValue), tag: 1 })),
  ].map((t) => ({ ...t, seed: seedTerms.has(t.term) ? 1 : 0 }));

  // (term, boost, tag, seed); the casts on the first row type the columns for PostgreSQL.
  const values = terms
    .map((_, i) =>
      i === 0
        ? '(CAST(? AS VARCHAR(64)), CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER), CAST(? AS INTEGER))'
        : '(?, ?, ?, ?)'
    )
    .join(', ');
  const valueBindings = terms.flatMap((t) => [t.term, t.boost, t.tag, t.seed]);
  // Explicit IN lists as well as the join: they let both databases read the index by term.
  const seedList = terms.filter((t) => t.seed).map((t) => t.term);
  const allList = terms.map((t) => t.term);
  const placeholders = (list: unknown[]) => list.map(() => '?').join(', ');
  const notExcluded = excluded.length
    ? `AND c.document_id NOT IN (${excluded.map(() => '?').join(', ')})`
    : '';
  const norm = `(${k1} * (1 - ${b} + ${b} * d.length / ${averageLengthValue}))`;

  const sql = `
    WITH q (term, boost, tag, seed) AS (VALUES ${values}),
    candidates AS (
      SELECT c.document_id FROM ?? c JOIN q ON q.term = c.term
      WHERE c.locale = ? AND c.term IN (${placeholders(seedList)}) ${notExcluded}
      GROUP BY c.document_id
      ORDER BY sum(CASE WHEN q.tag = 1 THEN q.boost ELSE q.boost * c.weight END) DESC
      LIMIT ${CANDIDATES}
    ),
    scored AS (
      SELECT t.document_id,
        sum(CASE WHEN q.tag = 1 THEN 0.0
                 ELSE q.boost * t.weight * ${k1 + 1} / (t.weight + ${norm}) END) AS text_score,
        sum(q.tag) AS shared_tags
      FROM candidates cand
      JOIN ?? t ON t.locale = ? AND t.document_id = cand.document_id
      JOIN q ON q.term = t.term
      JOIN ?? d ON d.locale = t.locale AND d.document_id = t.document_id
      WHERE t.term IN (${placeholders(allList)})
      GROUP BY t.document_id
    )
    SELECT s.document_id, d.title, d.slug, d.dated_at, s.text_score, s.shared_tags
    FROM scored s JOIN ?? d ON d.locale = ? AND d.document_id = s.document_id
    ORDER BY s.text_score + ${Number(tagValue)} * s.shared_tags DESC, s.document_id ASC
    LIMIT ${Number(limit)}`;
  const result: any = await knex.raw(sql, [
    ...valueBindings,
    SEARCH_TERMS_TABLE,
    locale,
    ...seedList,
    ...excluded,
    SEARCH_TERMS_TABLE,
    locale,
    SEARCH_DOCS_TABLE,
    ...allList,
    SEARCH_DOCS_TABLE,
    locale,
  ]);
  const rows: any[] = Array.isArray(result) ? result : result.rows;

  return rows.map((row) => ({
    documentId: row.document_id,
    title: row.title,
    slug: row.slug,
    datedAt: row.dated_at === null || row.dated_at === undefined ? null : Number(row.dated_at),
    text: Number(row.text_score),
    sharedTags: Number(row.shared_tags),
  }));
};

/** Which of `terms` each of `documentIds` holds, in one locale's index. */
export const matchedTerms = async (
  knex: Knex,
  locale: string,
  documentIds: string[],
  terms: string[]
): Promise<Map<string, string[]>> => {
  const matched = new Map<string, string[]>();
  if (documentIds.length === 0 || terms.length === 0) return matched;
  const rows: { document_id: string; term: string }[] = await knex(SEARCH_TERMS_TABLE)
    .select('document_id', 'term')
    .where('locale', locale)
    .whereIn('document_id', documentIds)
    .whereIn('term', terms);
  for (const row of rows) {
    const list = matched.get(row.document_id) ?? [];
    list.push(row.term);
    matched.set(row.document_id, list);
  }
  return matched;
};

/**
 * The indexed stems of each of `documentIds` (in one locale's index) with their weights (tags left out). At most
 * `TERMS_PER_ARTICLE` rows an article (search-index), so the whole of each is read rather than a list of the
 * words wanted, which for a page of long stories could outgrow a statement's parameters.
 */
export const indexedWeights = async (
  knex: Knex,
  locale: string,
  documentIds: string[]
): Promise<Map<string, Map<string, number>>> => {
  const weights = new Map<string, Map<string, number>>();
  if (documentIds.length === 0) return weights;
  const rows: { document_id: string; term: string; weight: number | string }[] = await knex(
    SEARCH_TERMS_TABLE
  )
    .select('document_id', 'term', 'weight')
    .where('locale', locale)
    .whereIn('document_id', documentIds)
    .where('weight', '>', 0);
  for (const row of rows) {
    const map = weights.get(row.document_id) ?? new Map<string, number>();
    map.set(row.term, Number(row.weight));
    weights.set(row.document_id, map);
  }
  return weights;
};
