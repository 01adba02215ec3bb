import type { Core } from '@strapi/strapi';
import { SEARCH_DOCS_TABLE, SEARCH_TERMS_TABLE } from '../database/plugin-tables';

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

/** Index size, average length and the document frequency of `terms`, in one statement. */
export const corpusStats = async (knex: Knex, terms: string[]): Promise<CorpusStats> => {
  const perTerm = knex(SEARCH_TERMS_TABLE)
    .select({ term: 'term' })
    .count({ n: '*' })
    .select(knex.raw('0 as avg_length'))
    .whereIn('term', terms)
    .groupBy('term');
  const totals = knex(SEARCH_DOCS_TABLE)
    .select(knex.raw("'' as term"))
    .count({ n: '*' })
    .select(knex.raw('coalesce(avg(length), 0) as avg_length'));
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
const CANDIDATES = 300;

const caseOf = (query: QueryTerm[], column: string) =>
  query.length
    ? `CASE ${column} ${query.map(() => 'WHEN ? THEN CAST(? AS DOUBLE PRECISION)').join(' ')} ELSE 0.0 END`
    : '0.0';
const bindingsOf = (query: QueryTerm[]) => query.flatMap((q) => [q.term, q.boost]);

/**
 * BM25 over the index for the weighted query terms, plus `tagValue` for each shared whole
 * tag, for the best `limit` articles. Two phases in one statement: the seed terms (chosen by
 * the engine so that their postings stay within a budget) pick a few hundred candidates, then
 * every query term and tag scores those candidates only. Common words thus never make the
 * database sum over most of a large corpus, while a small one is scored whole.
 */
export const scoreCandidates = async (
  knex: Knex,
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
  const norm = `(${k1} * (1 - ${b} + ${b} * d.length / ${Math.max(averageLength, 1)}))`;
  const tagCase = tagKeys.length
    ? `CASE WHEN t.term IN (${tagKeys.map(() => '?').join(', ')}) THEN 1 ELSE 0 END`
    : '0';
  const textScore = `sum(${caseOf(query, 't.term')} * t.weight * ${k1 + 1} / (t.weight + ${norm}))`;
  const tagScore = `sum(${tagCase})`;

  // Phase one: the chosen words and tags pick the candidates.
  const seeds = query.filter((q) => seedTerms.has(q.term));
  const seedTags = tagKeys.filter((tag) => seedTerms.has(tag));
  const seedCase = `CASE c.term ${[
    ...seeds.map(() => 'WHEN ? THEN CAST(? AS DOUBLE PRECISION) * c.weight'),
    ...seedTags.map(() => 'WHEN ? THEN CAST(? AS DOUBLE PRECISION)'),
  ].join(' ')} ELSE 0.0 END`;
  const seedBindings = [...bindingsOf(seeds), ...seedTags.flatMap((tag) => [tag, tagValue])];
  const candidates = knex({ c: SEARCH_TERMS_TABLE })
    .select('c.document_id')
    .whereIn('c.term', [...seeds.map((q) => q.term), ...seedTags])
    .modify((builder: any) => {
      if (excluded.length) builder.whereNotIn('c.document_id', excluded);
    })
    .groupBy('c.document_id')
    .orderByRaw(`sum(${seedCase}) desc`, seedBindings)
    .limit(CANDIDATES);

  const rows: any[] = await knex({ t: SEARCH_TERMS_TABLE })
    .join({ d: SEARCH_DOCS_TABLE }, 'd.document_id', 't.document_id')
    .select('t.document_id', 'd.title', 'd.slug', 'd.dated_at')
    .select(knex.raw(`${textScore} as text_score`, bindingsOf(query)))
    .select(knex.raw(`${tagScore} as shared_tags`, tagKeys))
    .whereIn('t.document_id', candidates)
    .whereIn('t.term', [...query.map((q) => q.term), ...tagKeys])
    .groupBy('t.document_id', 'd.title', 'd.slug', 'd.dated_at')
    .orderByRaw(`(${textScore}) + ${Number(tagValue)} * ${tagScore} desc, t.document_id asc`, [
      ...bindingsOf(query),
      ...tagKeys,
    ])
    .limit(limit);

  return rows.map((row) => ({
    documentId: row.document_id,
    title: row.title,
    slug: row.slug,
    datedAt: row.dated_at === null || row.dated_at === undefined ? null : Number(row.dated_at),
    text: Number(row.text_score),
    sharedTags: Number(row.shared_tags),
  }));
};

/** Which of `terms` each of `documentIds` holds. */
export const matchedTerms = async (
  knex: Knex,
  documentIds: string[],
  terms: string[]
): Promise<Map<string, string[]>> => {
  const matched = new Map<string, string[]>();
  if (documentIds.length === 0 || terms.length === 0) return matched;
  const rows: { document_id: string; term: string }[] = await knex(SEARCH_TERMS_TABLE)
    .select('document_id', 'term')
    .whereIn('document_id', documentIds)
    .whereIn('term', terms);
  for (const row of rows) {
    const list = matched.get(row.document_id) ?? [];
    list.push(row.term);
    matched.set(row.document_id, list);
  }
  return matched;
};
