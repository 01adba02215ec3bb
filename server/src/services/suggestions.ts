import type { Core } from '@strapi/strapi';
import { inLocale, whereLocale } from '../i18n/locale';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import {
  ORPHAN_SUGGESTIONS,
  ORPHANS_PAGE_SIZE,
  type FitsAfter,
  type OrphansResponse,
  type Suggestion,
} from '#shared/contracts/admin';
import { orphanPage, type OrphanRow } from '../database/orphans';
import { articleStatuses } from '../database/article-statuses';
import { newsroomTables, articleColumns, linkColumns } from '../database/tables';
import { getService } from '../utils/get-service';
import {
  corpusStats,
  type CorpusStats,
  indexedWeights,
  matchedTerms,
  scoreCandidates,
  type QueryTerm,
} from '../database/suggestion-scores';
import { analyze, tagTerm, type AnalyzedFields } from '../search/analyze';
import { languageOf } from '../i18n/language';
import { indexLocale } from '../database/plugin-tables';
import { readBody, type Paragraph } from '#shared/baca-juga/paragraphs';
import { analyzeParagraphs, bestParagraph } from '../search/placement';
import { readTags } from '../utils/tags';
import { datedAt } from './search-index';
import { fromJsonColumn } from '#shared/json-column';

/** What the engine reads of the article it suggests for (its draft or published version). */
export interface SuggestionSource extends AnalyzedFields {
  documentId: string;
  /**
   * The version's locale (null where stories are not localized): it is ranked against that
   * locale's index, in that language's stems, and gets that locale's stories only.
   */
  locale: string | null;
  /** The article's news date in ms (reported, else published), for the recency boost. */
  datedAt: number | null;
}

export interface RankedArticle {
  documentId: string;
  title: string;
  slug: string;
  score: number;
  sharedTags: string[];
  matchedTerms: string[];
  /** The share of the query's weight this article matched (shared/baca-juga/strength). */
  coverage: number;
}

/** Source stems considered before document frequencies are known, and query terms kept after. */
const CANDIDATE_TERMS = 96;
const QUERY_TERMS = 40;
/**
 * Postings that phase one of the scoring may read: under it, a corpus of a few hundred
 * articles is scored whole; above it, the rarer, more telling terms pick the candidates.
 */
const SEED_POSTINGS = 2_000;
const MIN_SEEDS = 4;
/** Leaders by text and tags that the recency boost may still reorder. */
const SHORTLIST = 100;
const DAY_MS = 86_400_000;

/**
 * The Baca Juga suggestion engine: BM25 over the stemmed title, lead, tags and body of every
 * published article of the story's locale (the index lives in the database, see search-index), plus, for each whole
 * tag the two share, `tagBoost` times an average matched word, the sum multiplied by a boost for
 * being close in time to the article, which halves every `halfLifeDays`. The article itself and
 * the `excluded` articles (those already linked) are never suggested; drafts cannot be, since
 * only published articles are indexed.
 *
 * Query terms are the article's strongest stems by weight × idf; each suggestion carries its
 * score and the words that matched, in the article's own spelling.
 */
const createSuggestionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).suggestions;

  /**
   * Each locale's index size, average length and document frequencies, remembered for the
   * current content generation: the index changes only with a publish, unpublish or delete,
   * and each of those bumps the generation, so a remembered figure is never used after the
   * index has moved.
   */
  const memos = new Map<string, { generation: number; stats: CorpusStats }>();
  const statsFor = async (
    locale: string,
    terms: string[],
    generation: number
  ): Promise<CorpusStats> => {
    const memo = memos.get(locale);
    if (!memo || memo.generation !== generation || memo.stats.documentFrequency.size > 200_000) {
      const stats = await corpusStats(strapi.db.connection, locale, terms);
      for (const term of terms) {
        if (!stats.documentFrequency.has(term)) stats.documentFrequency.set(term, 0);
      }
      // Another generation's figures of any locale are stale too.
      for (const [other, kept] of memos) if (kept.generation !== generation) memos.delete(other);
      memos.set(locale, { generation, stats });
      return stats;
    }
    const { stats } = memo;
    const missing = terms.filter((term) => !stats.documentFrequency.has(term));
    if (missing.length) {
      const fresh = await corpusStats(strapi.db.connection, locale, missing);
      for (const term of missing) {
        stats.documentFrequency.set(term, fresh.documentFrequency.get(term) ?? 0);
      }
    }
    return stats;
  };

  const rank = async (
    source: SuggestionSource,
    excluded: Iterable<string>,
    limit: number,
    knownGeneration?: number
  ): Promise<RankedArticle[]> => {
    const { halfLifeDays, tagBoost, recencyBoost } = settings();
    const knex = strapi.db.connection;
    // Read before anything else, as the response cache does (services/freshness).
    const generation = knownGeneration ?? (await getService(strapi, 'freshness').current());
    const locale = indexLocale(source.locale);
    const vector = analyze(source, languageOf(source.locale));
    const tags = readTags(source.tags);
    const tagKeys = [...new Set(tags.map(tagTerm))];
    const candidates = [...vector.weights]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CANDIDATE_TERMS);
    if (candidates.length === 0 && tagKeys.length === 0) return [];

    const stats = await statsFor(
      locale,
      [...candidates.map(([term]) => term), ...tagKeys],
      generation
    );
    const query: QueryTerm[] = candidates
      .map(([term, weight]) => {
        const df = stats.documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
        // Saturated: a word repeated ten times in the source is not ten times the query.
        return { term, boost: df === 0 ? 0 : idf * (weight / (weight + 1)) };
      })
      .filter((q) => q.boost > 0)
      .sort((a, b) => b.boost - a.boost || (a.term < b.term ? -1 : 1))
      .slice(0, QUERY_TERMS);

    // A shared whole tag counts as `tagBoost` times an average matched word.
    const meanBoost = query.length ? query.reduce((sum, q) => sum + q.boost, 0) / query.length : 1;
    const tagValue = tagBoost * meanBoost;
    // Seeds, strongest first, while their postings fit the budget (at least a few of them).
    const seedTerms = new Set<string>();
    let postings = 0;
    for (const term of [...query.map((q) => q.term), ...tagKeys]) {
      const df = stats.documentFrequency.get(term) ?? 0;
      if (seedTerms.size >= MIN_SEEDS && postings + df > SEED_POSTINGS) continue;
      seedTerms.add(term);
      postings += df;
    }
    const shortlist = await scoreCandidates(
      knex,
      locale,
      query,
      tagKeys,
      [...new Set([source.documentId, ...excluded])],
      stats.averageLength,
      tagValue,
      SHORTLIST,
      seedTerms
    );
    const closeness = (dated: number | null) =>
      source.datedAt === null || dated === null
        ? 0
        : Math.pow(0.5, Math.abs(source.datedAt - dated) / (halfLifeDays * DAY_MS));
    const leaders = shortlist
      .map((c) => ({
        ...c,
        score: (c.text + tagValue * c.sharedTags) * (1 + recencyBoost * closeness(c.datedAt)),
      }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || (a.documentId < b.documentId ? -1 : 1))
      .slice(0, limit);

    const matched = await matchedTerms(
      knex,
      locale,
      leaders.map((l) => l.documentId),
      [...query.map((q) => q.term), ...tagKeys]
    );
    const tagNames = new Map(tags.map((tag) => [tagTerm(tag), tag]));
    const queryWeight = query.reduce((sum, q) => sum + q.boost, 0);
    return leaders.map((leader) => {
      const terms = matched.get(leader.documentId) ?? [];
      const matchedWeight = query.reduce(
        (sum, q) => sum + (terms.includes(q.term) ? q.boost : 0),
        0
      );
      return {
        documentId: leader.documentId,
        title: leader.title,
        slug: leader.slug,
        score: Math.round(leader.score * 1000) / 1000,
        sharedTags: terms.filter((t) => tagNames.has(t)).map((t) => tagNames.get(t) as string),
        matchedTerms: query
          .filter((q) => terms.includes(q.term))
          .map((q) => vector.surfaces.get(q.term) ?? q.term),
        coverage: queryWeight > 0 ? Math.round((matchedWeight / queryWeight) * 1000) / 1000 : 0,
      };
    });
  };

  /**
   * Where each candidate fits in each story: `stories` pairs a story's paragraphs with the
   * articles suggested for it, all of one locale. The candidates' leads, tags and indexed
   * stems are read in two statements for all of them, however many stories.
   */
  const fitsAfter = async (
    stories: { paragraphs: Paragraph[]; candidates: { documentId: string; title: string }[] }[],
    locale: string | null
  ): Promise<Map<string, FitsAfter | null>[]> => {
    const language = languageOf(locale);
    const analyzed = stories.map((story) => analyzeParagraphs(story.paragraphs, language));
    const ids = [...new Set(stories.flatMap((s) => s.candidates.map((c) => c.documentId)))];
    if (ids.length === 0) return stories.map(() => new Map());
    const t = newsroomTables(strapi);
    const a = articleColumns(strapi);
    const [heads, weights] = await Promise.all([
      strapi.db
        .connection(t.article)
        .whereIn(a.documentId, ids)
        .whereNotNull(a.publishedAt)
        .where(inLocale(locale))
        .select(`${a.documentId} as documentId`, `${a.lead} as lead`, `${a.tags} as tags`),
      indexedWeights(strapi.db.connection, indexLocale(locale), ids),
    ]);
    const head = new Map<string, { lead: string | null; tags: unknown }>(
      heads.map((row: any) => [row.documentId, row])
    );
    return stories.map((story, i) => {
      const fits = new Map<string, FitsAfter | null>();
      for (const candidate of story.candidates) {
        const row = head.get(candidate.documentId);
        fits.set(
          candidate.documentId,
          bestParagraph(analyzed[i], {
            title: candidate.title ?? '',
            lead: row?.lead ?? null,
            tags: readTags(fromJsonColumn(row?.tags)),
            indexTerms: weights.get(candidate.documentId),
            language,
          })
        );
      }
      return fits;
    });
  };

  return {
    rank,
    fitsAfter,

    /**
     * Suggestions for the Baca Juga manager: for the article's draft (what the editor is
     * working on) in `locale` (null where stories are not localized), leaving out the
     * articles its draft already links to.
     */
    async forArticle(
      documentId: string,
      limit: number,
      locale: string | null
    ): Promise<Suggestion[] | null> {
      const t = newsroomTables(strapi);
      const a = articleColumns(strapi);
      const article = await strapi.db
        .connection(t.article)
        .where(a.documentId, documentId)
        .whereNull(a.publishedAt)
        .where(inLocale(locale))
        .first(a.title, a.lead, a.tags, a.body, a.reportedAt);
      if (!article) return null;
      const [suggestions] = await forDrafts(
        [
          {
            documentId,
            title: article[a.title],
            lead: article[a.lead],
            tags: article[a.tags],
            body: article[a.body],
            reportedAt: article[a.reportedAt],
            excluded: await linkedTargets(strapi, documentId, locale),
          },
        ],
        limit,
        locale
      );
      return suggestions;
    },

    /**
     * A page of one locale's orphans queue: published stories without Baca Juga links, each
     * with its best `ORPHAN_SUGGESTIONS` suggestions and where they fit. The controller adds
     * whether the index is being rebuilt (`indexing`).
     */
    async orphans(
      page: number,
      locale: string | null
    ): Promise<{ data: OrphansResponse['data']; meta: Omit<OrphansResponse['meta'], 'indexing'> }> {
      const { rows, total } = await orphanPage(strapi, page, ORPHANS_PAGE_SIZE, locale);
      const [suggestions, statuses] = await Promise.all([
        forDrafts(
          rows.map((row) => ({ ...row, excluded: [] })),
          ORPHAN_SUGGESTIONS,
          locale
        ),
        articleStatuses(
          strapi,
          rows.map((row) => row.documentId),
          locale
        ),
      ]);
      return {
        data: rows.map((row, i) => ({
          documentId: row.documentId,
          title: row.title ?? '',
          slug: row.slug ?? '',
          status: statuses.get(row.documentId) ?? 'published',
          suggestions: suggestions[i],
        })),
        meta: {
          pagination: {
            page,
            pageSize: ORPHANS_PAGE_SIZE,
            pageCount: Math.ceil(total / ORPHANS_PAGE_SIZE),
            total,
          },
          // Absent where stories are not localized (JSON leaves `undefined` out).
          locale: locale ?? undefined,
        },
      };
    },
  };

  /**
   * Suggestions for several drafts: each is ranked on its own (BM25 needs its own query), then
   * the statuses of every suggested article and where each fits are read once for them all.
   */
  async function forDrafts(
    drafts: (Omit<OrphanRow, 'slug'> & { excluded: string[] })[],
    limit: number,
    locale: string | null
  ): Promise<Suggestion[][]> {
    const generation = await getService(strapi, 'freshness').current();
    const bodies = drafts.map((draft) => readBody(fromJsonColumn(draft.body)));
    const ranked: RankedArticle[][] = [];
    for (const [i, draft] of drafts.entries()) {
      ranked.push(
        await rank(
          {
            documentId: draft.documentId,
            locale,
            title: draft.title ?? '',
            lead: draft.lead,
            tags: readTags(fromJsonColumn(draft.tags)),
            body: bodies[i].map((p) => p.text),
            datedAt: datedAt(draft.reportedAt, null),
          },
          draft.excluded,
          limit,
          generation
        )
      );
    }
    const [statuses, fits] = await Promise.all([
      articleStatuses(strapi, [...new Set(ranked.flat().map((r) => r.documentId))], locale),
      fitsAfter(
        ranked.map((candidates, i) => ({ paragraphs: bodies[i], candidates })),
        locale
      ),
    ]);
    return ranked.map((list, i) =>
      list.map((r) => ({
        ...r,
        status: statuses.get(r.documentId) ?? 'published',
        fitsAfter: fits[i].get(r.documentId) ?? null,
      }))
    );
  }
};

/**
 * Targets of the article's draft links in `locale`, published or not (the manager shows them
 * all).
 */
const linkedTargets = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string | null
): Promise<string[]> => {
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  const rows: { documentId: string }[] = await strapi.db
    .connection(`${t.article} as sa`)
    .join(`${t.source.name} as ls`, `ls.${t.source.article}`, 'sa.id')
    .join(`${t.link} as l`, 'l.id', `ls.${t.source.link}`)
    .join(`${t.target.name} as lt`, `lt.${t.target.link}`, 'l.id')
    .join(`${t.article} as ta`, 'ta.id', `lt.${t.target.article}`)
    .where(`sa.${a.documentId}`, documentId)
    .whereNull(`l.${l.publishedAt}`)
    .modify((q) => whereLocale(q, locale, 'sa'))
    .distinct(`ta.${a.documentId} as documentId`);
  return rows.map((row) => row.documentId);
};

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export default createSuggestionsService;
