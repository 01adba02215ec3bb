import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, LINK_UID, PLUGIN_ID } from '../constants';
import type { Suggestion } from '../contracts/admin';
import { articleStatuses } from '../queries/article-statuses';
import {
  corpusStats,
  matchedTerms,
  scoreCandidates,
  type QueryTerm,
} from '../queries/suggestion-scores';
import { analyze, tagKey, type AnalyzedFields } from '../search/analyze';
import { readBody } from '../utils/paragraphs';
import { readTags } from '../utils/tags';
import { datedAt } from './search-index';

/** What the engine reads of the article it suggests for (its draft or published version). */
export interface SuggestionSource extends AnalyzedFields {
  documentId: string;
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
}

/** Source stems considered before document frequencies are known, and query terms kept after. */
const CANDIDATE_TERMS = 96;
const QUERY_TERMS = 40;
/** Leaders by text and tags that the recency boost may still reorder. */
const SHORTLIST = 100;
const DAY_MS = 86_400_000;

/**
 * The Baca Juga suggestion engine: BM25 over the stemmed title, lead, tags and body of every
 * published article (the index lives in the database, see search-index), multiplied by a boost
 * for each whole tag shared and a boost for being close in time to the article, which halves
 * every `halfLifeDays`. The article itself and the `excluded` articles (those already linked)
 * are never suggested; drafts cannot be, since only published articles are indexed.
 *
 * Query terms are the article's strongest stems by weight × idf; each suggestion carries its
 * score and the words that matched, in the article's own spelling.
 */
const createSuggestionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).suggestions;

  const rank = async (
    source: SuggestionSource,
    excluded: Iterable<string>,
    limit: number
  ): Promise<RankedArticle[]> => {
    const { halfLifeDays, tagBoost, recencyBoost } = settings();
    const knex = strapi.db.connection;
    const vector = analyze(source);
    const tags = readTags(source.tags);
    const tagKeys = [...new Set(tags.map(tagKey))];
    const candidates = [...vector.weights]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CANDIDATE_TERMS);
    if (candidates.length === 0 && tagKeys.length === 0) return [];

    const stats = await corpusStats(
      knex,
      candidates.map(([term]) => term)
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

    const shortlist = await scoreCandidates(
      knex,
      query,
      tagKeys,
      [...new Set([source.documentId, ...excluded])],
      stats.averageLength,
      tagBoost,
      SHORTLIST
    );
    const closeness = (dated: number | null) =>
      source.datedAt === null || dated === null
        ? 0
        : Math.pow(0.5, Math.abs(source.datedAt - dated) / (halfLifeDays * DAY_MS));
    const leaders = shortlist
      .map((c) => ({
        ...c,
        score:
          c.text * (1 + tagBoost * c.sharedTags) * (1 + recencyBoost * closeness(c.datedAt)),
      }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || (a.documentId < b.documentId ? -1 : 1))
      .slice(0, limit);

    const matched = await matchedTerms(
      knex,
      leaders.map((l) => l.documentId),
      [...query.map((q) => q.term), ...tagKeys]
    );
    const tagNames = new Map(tags.map((tag) => [tagKey(tag), tag]));
    return leaders.map((leader) => {
      const terms = matched.get(leader.documentId) ?? [];
      return {
        documentId: leader.documentId,
        title: leader.title,
        slug: leader.slug,
        score: Math.round(leader.score * 1000) / 1000,
        sharedTags: terms.filter((t) => tagNames.has(t)).map((t) => tagNames.get(t) as string),
        matchedTerms: query
          .filter((q) => terms.includes(q.term))
          .map((q) => vector.surfaces.get(q.term) ?? q.term),
      };
    });
  };

  return {
    rank,

    /**
     * Suggestions for the Baca Juga manager: for the article's draft (what the editor is
     * working on), leaving out the articles its draft already links to.
     */
    async forArticle(documentId: string, limit: number): Promise<Suggestion[] | null> {
      const article = (await strapi.documents(ARTICLE_UID).findOne({
        documentId,
        status: 'draft',
        fields: ['title', 'lead', 'tags', 'body', 'reportedAt', 'publishedAt'],
      } as any)) as unknown as Record<string, unknown> | null;
      if (!article) return null;
      const ranked = await rank(
        {
          documentId,
          title: (article.title as string) ?? '',
          lead: article.lead as string | null,
          tags: readTags(article.tags),
          body: readBody(article.body).map((p) => p.text),
          datedAt: datedAt(article.reportedAt, article.publishedAt),
        },
        await linkedTargets(strapi, documentId),
        limit
      );
      const statuses = await articleStatuses(
        strapi,
        ranked.map((r) => r.documentId)
      );
      return ranked.map((r) => ({ ...r, status: statuses.get(r.documentId) ?? 'published' }));
    },
  };
};

/** Targets of the article's draft links, published or not (the manager shows them all). */
const linkedTargets = async (strapi: Core.Strapi, documentId: string): Promise<string[]> => {
  const rows = (await strapi.documents(LINK_UID).findMany({
    status: 'draft',
    filters: { sourceArticle: { documentId } },
    fields: ['id'],
    populate: { targetArticle: { fields: ['documentId'] } },
    limit: -1,
  } as any)) as unknown as { targetArticle: { documentId: string } | null }[];
  return rows.flatMap((row) => (row.targetArticle ? [row.targetArticle.documentId] : []));
};

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export default createSuggestionsService;
