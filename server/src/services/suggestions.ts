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
import { analyzeParagraphs, candidateTerms } from '../search/placement';
import { fitSlot } from '../search/slot-fit';
import { slotStory } from '#shared/baca-juga/slot-story';
import { draftLinkAnchors } from '../database/draft-link-anchors';
import { housePlacements } from '../database/house-placements';
import { houseTable } from '#shared/baca-juga/house-rhythm';
import { SLOT_TABLE, type SlotTable } from '#shared/baca-juga/slots';
import { readTags } from '../utils/tags';
import { datedAt } from './search-index';
import { fromJsonColumn } from '#shared/json-column';
import { capReached, type StoryControls } from '#shared/baca-juga/suggestion-controls';
import { draftLinkCounts } from '../database/suggestion-controls';
import { livePublishedAt } from '../database/live-published-at';

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

  /**
   * Each locale's house rhythm (#shared/baca-juga/house-rhythm): the slot table learned from the
   * newsroom's latest published placements, shrunk towards the general table. Remembered for
   * the current content generation only, as `memos` are: a performance cache of what any
   * instance recomputes from the database (every publish, unpublish or delete moves the
   * generation, and the table is read again), never state another instance needs.
   */
  const houses = new Map<string, { generation: number; table: Promise<SlotTable> }>();
  const houseFor = (locale: string | null, generation: number): Promise<SlotTable> => {
    if (!settings().houseRhythm) return Promise.resolve(SLOT_TABLE);
    const key = locale ?? '';
    const kept = houses.get(key);
    if (kept && kept.generation === generation) return kept.table;
    for (const [other, old] of houses) if (old.generation !== generation) houses.delete(other);
    const entry = {
      generation,
      table: housePlacements(strapi, locale)
        .then((stories) => houseTable(stories, SLOT_TABLE))
        .catch((error: unknown) => {
          // Not remembered (the next request reads again), and this answer places by the
          // general table: a slot is still right by it, and suggestions are not lost for it.
          if (houses.get(key) === entry) houses.delete(key);
          strapi.log.warn(`[newsroom] house rhythm not read, general table used: ${error}`);
          return SLOT_TABLE;
        }),
    };
    houses.set(key, entry);
    return entry.table;
  };

  const rank = async (
    source: SuggestionSource,
    excluded: Iterable<string>,
    limit: number,
    knownGeneration?: number,
    /** The story's editorial controls: candidates they rule out are never suggested. */
    controls?: StoryControls
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
      // Dismissed and never-paired stories are left out in the query too, so they take no
      // place in the shortlist; the shared rule below still decides.
      [
        ...new Set([
          source.documentId,
          ...excluded,
          ...(controls?.dismissed ?? []),
          ...(controls?.neverPaired ?? []),
        ]),
      ],
      stats.averageLength,
      tagValue,
      SHORTLIST,
      seedTerms
    );
    const closeness = (dated: number | null) =>
      source.datedAt === null || dated === null
        ? 0
        : Math.pow(0.5, Math.abs(source.datedAt - dated) / (halfLifeDays * DAY_MS));
    const allowed = controls
      ? await getService(strapi, 'suggestionControls').allowed(controls, shortlist, source.locale)
      : shortlist;
    const leaders = allowed
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
   * Where each candidate fits in each story: `stories` pairs a story's paragraphs (and, for a
   * draft, its documentId, whose draft links the slot keeps its distance from) with the
   * articles suggested for it, all of one locale. The slot is the rhythm's
   * (#shared/baca-juga/slots); the candidate's topic only breaks ties between near-equal slots
   * (search/slot-fit), in the newsroom's own rhythm (`houseFor`). The candidates' leads, tags
   * and indexed stems, and the stories' draft link anchors, are read in three statements for
   * all of them, however many stories; the house rhythm in two more, once per generation.
   */
  const fitsAfter = async (
    stories: {
      documentId?: string;
      paragraphs: Paragraph[];
      candidates: { documentId: string; title: string }[];
    }[],
    locale: string | null,
    /** The content generation the candidates were ranked at (services/freshness). */
    generation: number
  ): Promise<Map<string, FitsAfter | null>[]> => {
    const language = languageOf(locale);
    const ids = [...new Set(stories.flatMap((s) => s.candidates.map((c) => c.documentId)))];
    if (ids.length === 0) return stories.map(() => new Map());
    const analyzed = stories.map((story) => analyzeParagraphs(story.paragraphs, language));
    const t = newsroomTables(strapi);
    const a = articleColumns(strapi);
    const [heads, weights, anchors, house] = await Promise.all([
      strapi.db
        .connection(t.article)
        .whereIn(a.documentId, ids)
        .whereNotNull(a.publishedAt)
        .where(inLocale(locale))
        .select(`${a.documentId} as documentId`, `${a.lead} as lead`, `${a.tags} as tags`),
      indexedWeights(strapi.db.connection, indexLocale(locale), ids),
      draftLinkAnchors(
        strapi,
        stories.flatMap((s) => (s.documentId ? [s.documentId] : [])),
        locale
      ),
      houseFor(locale, generation),
    ]);
    const head = new Map<string, { lead: string | null; tags: unknown }>(
      heads.map((row: any) => [row.documentId, row])
    );
    return stories.map((story, i) => {
      const fits = new Map<string, FitsAfter | null>();
      const slots = slotStory(
        story.paragraphs,
        story.documentId ? (anchors.get(story.documentId) ?? []) : []
      );
      for (const candidate of story.candidates) {
        const row = head.get(candidate.documentId);
        const query = candidateTerms({
          title: candidate.title ?? '',
          lead: row?.lead ?? null,
          tags: readTags(fromJsonColumn(row?.tags)),
          indexTerms: weights.get(candidate.documentId),
          language,
        });
        fits.set(candidate.documentId, fitSlot(slots, story.paragraphs, analyzed[i], query, house));
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
    ): Promise<{ suggestions: Suggestion[]; capReached: boolean } | null> {
      const t = newsroomTables(strapi);
      const a = articleColumns(strapi);
      const article = await strapi.db
        .connection(t.article)
        .where(a.documentId, documentId)
        .whereNull(a.publishedAt)
        .where(inLocale(locale))
        .first(
          a.title,
          a.lead,
          a.tags,
          a.body,
          a.reportedAt,
          livePublishedAt(strapi, { documentId }, locale, 'livePublishedAt')
        );
      if (!article) return null;
      const [controls, linkCounts] = await Promise.all([
        getService(strapi, 'suggestionControls').forStories(
          // Dated as its readers' related list dates it: reported, else published.
          [{ documentId, datedAt: datedAt(article[a.reportedAt], article.livePublishedAt) }],
          locale
        ),
        draftLinkCounts(strapi, [documentId], locale),
      ]);
      const own = controls.get(documentId)!;
      // A story at its own cap is offered nothing more (the saved draft's links).
      if (capReached(own.maxLinks, linkCounts.get(documentId) ?? 0)) {
        return { suggestions: [], capReached: true };
      }
      const [suggestions] = await forDrafts(
        [
          {
            documentId,
            title: article[a.title],
            lead: article[a.lead],
            tags: article[a.tags],
            body: article[a.body],
            reportedAt: article[a.reportedAt],
            publishedAt: article.livePublishedAt,
            excluded: await linkedTargets(strapi, documentId, locale),
            controls: own,
          },
        ],
        limit,
        locale
      );
      return { suggestions, capReached: false };
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
      // Orphans have no links: only a cap of 0 is reached, and those the page leaves out.
      const controls = await getService(strapi, 'suggestionControls').forStories(
        rows.map((row) => ({
          documentId: row.documentId,
          datedAt: datedAt(row.reportedAt, row.publishedAt),
        })),
        locale
      );
      const [suggestions, statuses] = await Promise.all([
        forDrafts(
          rows.map((row) => ({ ...row, excluded: [], controls: controls.get(row.documentId) })),
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
    drafts: (Omit<OrphanRow, 'slug'> & {
      excluded: string[];
      controls?: StoryControls;
    })[],
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
            // Reported, else when its live version was published: as readers' related ranks it.
            datedAt: datedAt(draft.reportedAt, draft.publishedAt),
          },
          draft.excluded,
          limit,
          generation,
          draft.controls
        )
      );
    }
    const [statuses, fits] = await Promise.all([
      articleStatuses(strapi, [...new Set(ranked.flat().map((r) => r.documentId))], locale),
      fitsAfter(
        ranked.map((candidates, i) => ({
          documentId: drafts[i].documentId,
          paragraphs: bodies[i],
          candidates,
        })),
        locale,
        generation
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
